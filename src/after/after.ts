import type { z } from 'zod';
import type { Issue } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { Plan } from '../plan/plan.js';
import { AfterSchema, type ClientRecord } from '../record/schema.js';
import { stepArgs, parseInput, stepOrder } from '../record/step.js';
import { checkAfter, checkDuringEvent } from '../record/check.js';

/**
 * The input of {@link after}: see {@link AfterSchema}.
 *
 * @example
 * ```ts
 * const input: AfterInput = { date: '2019-06-10', reason: 'completed', measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true] };
 * after(plan, record, input).after?.reason;
 * // => 'completed'
 * ```
 */
export type AfterInput = z.input<typeof AfterSchema>;

/**
 * Closes the intervention (step 4, *efter insats*): the closing measurement,
 * why it ended, and for the `assessed` goal rule whether each goal was met.
 * A missing after-measure is allowed: the client stays in the results as
 * closed but not classified, with the reason. Does not throw.
 *
 * @param plan - a validated plan
 * @param record - a started record that is not closed or withdrawn
 * @param input - see {@link AfterSchema}
 * @returns a new, closed record, or every issue found
 *
 * @example
 * ```ts
 * safeAfter(plan, record, { date: '2019-06-10', reason: 'completed',
 *   measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true] }).success;
 * // => true
 * ```
 */
export function safeAfter(plan: Plan, record: ClientRecord, input: unknown): Result<ClientRecord> {
  const { plan: checkedPlan, issues: argIssues } = stepArgs(plan, record);
  if (argIssues.length > 0) return fail(argIssues);
  if (!record.before || record.after || record.withdrawal) return fail([stepOrder('after', record)]);
  const parsed = parseInput(AfterSchema, input);
  if (!parsed.data) return fail(parsed.issues);
  const issues: Issue[] = [];
  checkAfter(checkedPlan, parsed.data, record.before, [], issues);
  if (issues.length === 0) {
    // An event already recorded after the closing date would be out of order.
    const start = record.before.date;
    // The path is the input's own `date` (checkDuringEvent appends 'date').
    record.during.forEach((event) => checkDuringEvent(checkedPlan, event, start, parsed.data.date, [], issues));
  }
  return issues.length > 0 ? fail(issues) : ok({ ...record, after: parsed.data });
}

/**
 * Closes the intervention; the throwing form of {@link safeAfter}.
 *
 * @param plan - a validated plan
 * @param record - a started record that is not closed or withdrawn
 * @param input - see {@link AfterSchema}
 * @returns a new, closed record
 * @throws UppfoljningError naming every field that breaks a rule, e.g. an
 *   after date before the start (`date_order`)
 *
 * @example
 * ```ts
 * after(plan, record, { date: '2019-06-10', reason: 'completed',
 *   measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true] }).after?.reason;
 * // => 'completed'
 * ```
 */
export function after(plan: Plan, record: ClientRecord, input: AfterInput): ClientRecord {
  return unwrap(safeAfter(plan, record, input));
}
