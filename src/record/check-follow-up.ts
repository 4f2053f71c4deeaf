import { issue, type Issue, type PathSegment } from '../core/issue.js';
import type { Plan } from '../plan/plan.js';
import { windowOf } from '../plan/follow-up.js';
import { checkMeasures } from './check.js';
import type { After, FollowUpMeasurement } from './schema.js';
import { checkViews } from './views.js';

type Path = readonly PathSegment[];

/**
 * Plan rules for one follow-up measurement of a closed record: the point is
 * one of the plan's `followUps` (`unknown_code`) and not given before in the
 * record (`duplicate`); the date is not before the closing date
 * (`date_order`); a `reached` measurement lies inside the point's window and a
 * `not_reached` or `declined` one not before the window opens
 * (`outside_window`: the attempt may be written down after the window closed,
 * but cannot end before it opened); measurements only when reached
 * (`measured_not_reached`), each of the point's instruments, on its scale.
 *
 * @param earlier - the points already recorded before this one
 */
export function checkFollowUp(
  plan: Plan,
  followUp: FollowUpMeasurement,
  after: After,
  earlier: readonly string[],
  path: Path,
  out: Issue[],
): void {
  const point = plan.followUps.find((p) => p.id === followUp.point);
  if (!point) {
    out.push(issue([...path, 'point'], 'unknown_code', { value: followUp.point, field: 'follow-up point', known: plan.followUps.map((p) => p.id) }));
    return;
  }
  if (earlier.includes(followUp.point)) out.push(issue([...path, 'point'], 'duplicate', { value: followUp.point }));
  if (followUp.date < after.date) {
    out.push(issue([...path, 'date'], 'date_order', { value: followUp.date, other: 'after.date', otherValue: after.date, otherLabel: 'closing_date' }));
  } else {
    const window = windowOf(point, after.date);
    const reached = followUp.status === 'reached';
    if (followUp.date < window.start || (reached && followUp.date > window.end)) {
      out.push(issue([...path, 'date'], 'outside_window', { value: followUp.date, point: point.id, start: window.start, end: window.end, status: followUp.status }));
    }
  }
  if (followUp.status !== 'reached') {
    const ids = Object.keys(followUp.measures);
    if (ids.length > 0) out.push(issue([...path, 'measures'], 'measured_not_reached', { status: followUp.status, ids }));
    const views = Object.keys(followUp.views ?? {});
    if (views.length > 0) out.push(issue([...path, 'views'], 'measured_not_reached', { status: followUp.status, ids: views }));
    return;
  }
  checkMeasures(plan, followUp.measures, point.measures, [...path, 'measures'], out);
  // The questionnaire, where the plan asks it at this point (clientViews.at).
  if (followUp.views !== undefined) checkViews(plan, followUp.views, point.id, [...path, 'views'], out);
}

/**
 * Whether a record is closed and stays in the results, so that it is due for
 * follow-up: closed (`after`), not withdrawn, and not closed for a reason the
 * plan withdraws on (`withdrawOn`, e.g. breakdown).
 */
export function closedInResults(plan: Plan, record: { readonly after?: After | undefined; readonly withdrawal?: unknown }): boolean {
  return record.after !== undefined && record.withdrawal === undefined && !(plan.withdrawOn as readonly string[]).includes(record.after.reason);
}

/** Plan rules for a record's `followUps`: only on a record closed in the results (`step_order`), each by {@link checkFollowUp}. */
export function checkFollowUps(
  plan: Plan,
  followUps: readonly FollowUpMeasurement[],
  after: After | undefined,
  state: string,
  path: Path,
  out: Issue[],
): void {
  if (followUps.length === 0) return;
  if (!after || (plan.withdrawOn as readonly string[]).includes(after.reason)) {
    out.push(issue(path, 'step_order', { step: 'follow_up', state }));
    return;
  }
  followUps.forEach((f, i) => checkFollowUp(plan, f, after, followUps.slice(0, i).map((e) => e.point), [...path, i], out));
}
