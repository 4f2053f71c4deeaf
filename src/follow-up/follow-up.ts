import type { z } from 'zod';
import { issue, type Issue } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { Plan } from '../plan/plan.js';
import { FollowUpMeasurementSchema, type ClientRecord } from '../record/schema.js';
import { stepArgs, parseInput } from '../record/step.js';
import { checkFollowUp, closedInResults } from '../record/check-follow-up.js';
import { followUpState } from '../record/check.js';

/**
 * The input of {@link followUp}: see {@link FollowUpMeasurementSchema}.
 *
 * @example
 * ```ts
 * const input: FollowUpInput = { point: '12m', date: '2020-06-15', status: 'reached', measures: { 'tilltro-nykterhet': 4 } };
 * ```
 */
export type FollowUpInput = z.input<typeof FollowUpMeasurementSchema>;

/**
 * Records a follow-up after the end (*efteruppföljning*) at one of the
 * plan's `followUps` points: whether the client was reached, and if so the
 * point's measurements. The record must be closed (`after`) and stay in the
 * results: not withdrawn, nor closed for a reason the plan withdraws on;
 * each point is recorded once. A `reached` measurement must lie in the
 * point's window (closing date + `monthsAfter` calendar months ±
 * `windowDays`, see {@link followUpWindow}); a `not_reached` or `declined`
 * one may be written down after the window closed, but not before it opened
 * (`outside_window`). Does not throw.
 *
 * @param plan - a validated plan with `followUps`
 * @param record - a closed record
 * @param input - see {@link FollowUpMeasurementSchema}
 * @returns a new record with the follow-up added (the record's `followUps`
 *   in date order), or every issue found (paths point into `input`)
 *
 * @example
 * ```ts
 * const withPoint = parsePlan({ ...bjorkeboPlanInput, followUps: [{ id: '12m',
 *   label: { sv: '12 månader efter', en: '12 months after' }, monthsAfter: 12, measures: ['tilltro-nykterhet'] }] });
 * // closedRecord closed on 2019-06-10: the window is 2020-05-11 to 2020-07-10
 * safeFollowUp(withPoint, closedRecord, { point: '12m', date: '2020-08-01', status: 'reached' });
 * // => { success: false, issues: [{ path: ['date'], rule: 'outside_window', … }] }
 * ```
 */
export function safeFollowUp(plan: Plan, record: ClientRecord, input: unknown): Result<ClientRecord> {
  const { plan: checkedPlan, issues: argIssues } = stepArgs(plan, record);
  if (argIssues.length > 0) return fail(argIssues);
  if (!closedInResults(checkedPlan, record)) return fail([issue([], 'step_order', { step: 'follow_up', state: followUpState(checkedPlan, record) })]);
  const parsed = parseInput(FollowUpMeasurementSchema, input);
  if (!parsed.data) return fail(parsed.issues);
  const issues: Issue[] = [];
  checkFollowUp(checkedPlan, parsed.data, record.after!, record.followUps.map((f) => f.point), [], issues);
  if (issues.length > 0) return fail(issues);
  // Stable sort: follow-ups on the same day keep their order of entry.
  const followUps = [...record.followUps, parsed.data].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return ok({ ...record, followUps });
}

/**
 * Records a follow-up after the end; the throwing form of
 * {@link safeFollowUp}.
 *
 * @param plan - a validated plan with `followUps`
 * @param record - a closed record
 * @param input - see {@link FollowUpMeasurementSchema}
 * @returns a new record with the follow-up added
 * @throws UppfoljningError naming every field that breaks a rule, e.g. a
 *   point the plan lacks (`unknown_code`), a date outside the window
 *   (`outside_window`), a record not closed (`step_order`)
 *
 * @example
 * ```ts
 * const withPoint = parsePlan({ ...bjorkeboPlanInput, followUps: [{ id: '12m',
 *   label: { sv: '12 månader efter', en: '12 months after' }, monthsAfter: 12, measures: ['tilltro-nykterhet'] }] });
 * followUp(withPoint, closedRecord, { point: '12m', date: '2020-06-15', status: 'reached',
 *   measures: { 'tilltro-nykterhet': 4 } }).followUps;
 * // => [{ point: '12m', date: '2020-06-15', status: 'reached', measures: { 'tilltro-nykterhet': 4 } }]
 * followUp(withPoint, startedRecord, { point: '12m', date: '2020-06-15', status: 'not_reached' });
 * // => throws UppfoljningError: step_order
 * ```
 */
export function followUp(plan: Plan, record: ClientRecord, input: FollowUpInput): ClientRecord {
  return unwrap(safeFollowUp(plan, record, input));
}
