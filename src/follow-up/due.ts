import { z } from 'zod';
import { issue, type Issue } from '../core/issue.js';
import { IsoDateSchema } from '../core/schemas.js';
import { parseArg, throwIfAny, typeIssues } from '../core/args.js';
import type { Plan } from '../plan/plan.js';
import { windowOf } from '../plan/follow-up.js';
import { closedInResults } from '../record/check-follow-up.js';
import { validateRecordChecked } from '../record/validate.js';
import { stepArgs } from '../record/step.js';
import type { ClientRecord } from '../record/schema.js';

/**
 * One follow-up measurement a client is due for: the record's `clientId`,
 * the plan's follow-up point, the window's first and last day (both
 * included) and the target day `due` (the closing date plus the point's
 * months).
 *
 * @example
 * ```ts
 * const d: DueMeasurement = { clientId: 'k-01', point: '12m', windowStart: '2020-05-11', windowEnd: '2020-07-10', due: '2020-06-10' };
 * ```
 */
export interface DueMeasurement {
  readonly clientId: string;
  readonly point: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly due: string;
}

const RangeSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema }).strict();

/**
 * The follow-up measurements due in a date range (*vilka som ska följas upp
 * när*), for a host system to turn into reminders: for every record closed
 * in the results (closed, not withdrawn, not closed for a reason the plan
 * withdraws on), each of the plan's `followUps` points whose window
 * (see {@link followUpWindow}) overlaps `from`–`to` (both included) and that
 * the record has nothing for yet (a `not_reached` or `declined` follow-up
 * counts as done). A window that closed before `from` is not listed: ask
 * with an earlier `from` for the overdue ones.
 *
 * The closing measurement itself is not listed: a plan names no planned end
 * of an intervention, so no date says when it is due.
 *
 * A pure function: no clock is read (pass today's week as the range), the
 * records are not changed, and their order does not matter; the list is
 * sorted by `due`, then `clientId`, then the point's place in the plan, and a
 * record given twice is listed once.
 *
 * @param plan - a validated plan
 * @param records - the records, each valid against the plan
 * @param range - `from` and `to`, ISO dates, `from` not after `to`
 * @returns the due measurements, sorted
 * @throws UppfoljningError on a bad plan (`plan.…`), a record that breaks a
 *   rule (`records[i].…`, e.g. a follow-up outside its window), or a bad
 *   range (`range.from`, `range.to`; `date_order` when `to` is before `from`)
 *
 * @example
 * ```ts
 * const withPoint = parsePlan({ ...bjorkeboPlanInput, followUps: [{ id: '12m',
 *   label: { sv: '12 månader efter', en: '12 months after' }, monthsAfter: 12, measures: ['tilltro-nykterhet'] }] });
 * // closedRecord (k-01) closed on 2019-06-10: its 12-month window is 2020-05-11 to 2020-07-10.
 * dueMeasurements(withPoint, [closedRecord, startedRecord], { from: '2020-05-04', to: '2020-05-10' });
 * // => []
 * dueMeasurements(withPoint, [closedRecord, startedRecord], { from: '2020-05-11', to: '2020-05-17' });
 * // => [{ clientId: 'k-01', point: '12m', windowStart: '2020-05-11', windowEnd: '2020-07-10', due: '2020-06-10' }]
 * ```
 */
export function dueMeasurements(plan: Plan, records: readonly ClientRecord[], range: { readonly from: string; readonly to: string }): DueMeasurement[] {
  const { plan: checked, issues } = stepArgs(plan);
  const list: ClientRecord[] = [];
  if (issues.length === 0) {
    const recordIssues = typeIssues(records, 'array', ['records']);
    issues.push(...recordIssues);
    if (recordIssues.length === 0) {
      records.forEach((record, i) => {
        const result = validateRecordChecked(checked, record);
        if (result.success) list.push(result.data);
        else issues.push(...result.issues.map((x: Issue) => issue(['records', i, ...x.path], x.rule, x.params)));
      });
    }
  }
  const parsed = parseArg(RangeSchema, range, ['range']);
  issues.push(...parsed.issues);
  if (parsed.issues.length === 0 && parsed.value.to < parsed.value.from) {
    issues.push(issue(['range', 'to'], 'date_order', { value: parsed.value.to, other: 'range.from', otherValue: parsed.value.from, otherLabel: 'range_start' }));
  }
  throwIfAny(issues);
  const { from, to } = parsed.value;
  const due = new Map<string, DueMeasurement & { readonly order: number }>();
  for (const record of list) {
    if (!closedInResults(checked, record)) continue;
    const closed = record.after!.date;
    checked.followUps.forEach((point, order) => {
      if (record.followUps.some((f) => f.point === point.id)) return;
      const w = windowOf(point, closed);
      if (w.start > to || w.end < from) return;
      const key = JSON.stringify([record.clientId, point.id]);
      const entry = { clientId: record.clientId, point: point.id, windowStart: w.start, windowEnd: w.end, due: w.target, order };
      // The same client twice (a record given twice): the earliest window is kept, so the order of records does not matter.
      const seen = due.get(key);
      if (seen === undefined || compare(entry, seen) < 0) due.set(key, entry);
    });
  }
  return [...due.values()].sort(compare).map(({ order: _order, ...d }) => d);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function compare(a: DueMeasurement & { readonly order: number }, b: DueMeasurement & { readonly order: number }): number {
  return cmp(a.due, b.due) || cmp(a.clientId, b.clientId) || a.order - b.order || cmp(a.windowStart, b.windowStart) || cmp(a.windowEnd, b.windowEnd);
}
