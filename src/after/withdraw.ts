import type { Issue } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { Plan } from '../plan/plan.js';
import { WithdrawalSchema, type ClientRecord, type Withdrawal } from '../record/schema.js';
import { stepArgs, parseInput, stepOrder } from '../record/step.js';
import { checkDuringEvent, checkWithdrawal } from '../record/check.js';

/**
 * Withdraws a client from the follow-up before the intervention closes
 * (*avförs från uppföljningen*), e.g. on a breakdown, a move or when the client
 * declines. The client leaves the results but stays counted in the attrition
 * flow, with the reason and the stage: before the start (enrolled, never
 * started) or during the intervention. Does not throw.
 *
 * @param plan - a validated plan
 * @param record - a record that is not closed or already withdrawn
 * @param input - `{ date, reason }` with reason breakdown, moved, declined or other
 * @returns a new, withdrawn record, or every issue found
 *
 * @example
 * ```ts
 * safeWithdraw(plan, record, { date: '2019-03-02', reason: 'breakdown' }).success;
 * // => true
 * ```
 */
export function safeWithdraw(plan: Plan, record: ClientRecord, input: unknown): Result<ClientRecord> {
  const { plan: checkedPlan, issues: argIssues } = stepArgs(plan, record);
  if (argIssues.length > 0) return fail(argIssues);
  if (record.after || record.withdrawal) return fail([stepOrder('withdraw', record)]);
  const parsed = parseInput(WithdrawalSchema, input);
  if (!parsed.data) return fail(parsed.issues);
  const issues: Issue[] = [];
  checkWithdrawal(parsed.data, record.before, [], issues);
  if (issues.length === 0 && record.before) {
    // An event already recorded after the withdrawal date would be out of order (as in after()).
    const start = record.before.date;
    record.during.forEach((event) => checkDuringEvent(checkedPlan, event, start, parsed.data.date, [], issues));
  }
  // Withdrawn before the start, the client never starts: the age at enrolment stays and the birth date goes.
  const { birthDate: _dropped, ...kept } = record;
  return issues.length > 0 ? fail(issues) : ok({ ...kept, withdrawal: parsed.data });
}

/**
 * Withdraws a client from the follow-up; the throwing form of
 * {@link safeWithdraw}.
 *
 * @param plan - a validated plan
 * @param record - a record that is not closed or already withdrawn
 * @param input - `{ date, reason }`
 * @returns a new, withdrawn record
 * @throws UppfoljningError naming every field that breaks a rule
 *
 * @example
 * ```ts
 * withdraw(plan, record, { date: '2019-03-02', reason: 'breakdown' }).withdrawal?.reason;
 * // => 'breakdown'
 * ```
 */
export function withdraw(plan: Plan, record: ClientRecord, input: Withdrawal): ClientRecord {
  return unwrap(safeWithdraw(plan, record, input));
}
