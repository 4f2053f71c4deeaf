import { z } from 'zod';
import type { Issue } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { Plan } from '../plan/plan.js';
import { DuringEventSchema, type ClientRecord, type DuringEvent } from '../record/schema.js';
import { stepArgs, parseInput, stepOrder } from '../record/step.js';
import { checkDuringEvent } from '../record/check.js';

// One event or a non-empty array: chosen by the input's shape rather than a
// z.union, so a bad event reports its own field (e.g. `kind`: one of …)
// instead of a union type mismatch at the root.
const EventListSchema = z.array(DuringEventSchema).min(1);

/**
 * Adds events during the intervention (step 3, *under insats*): repeated
 * measures such as weekly urine and breath tests, sessions attended or missed,
 * and deviations. Takes one event or several; either all are added or none.
 * Does not throw.
 *
 * @param plan - a validated plan
 * @param record - a started record that is not closed or withdrawn
 * @param input - one event or an array of events (see {@link DuringEventSchema})
 * @returns a new record with the events appended in date order, or every
 *   issue found (paths point into `input`)
 *
 * @example
 * ```ts
 * safeDuring(plan, record, { kind: 'measure', date: '2019-01-21', measure: 'urinprov', value: 0 }).success;
 * // => true
 * ```
 */
export function safeDuring(plan: Plan, record: ClientRecord, input: unknown): Result<ClientRecord> {
  const { plan: checkedPlan, issues: argIssues } = stepArgs(plan, record);
  if (argIssues.length > 0) return fail(argIssues);
  if (!record.before || record.after || record.withdrawal) return fail([stepOrder('during', record)]);
  const parsed = Array.isArray(input) ? parseInput(EventListSchema, input) : parseInput(DuringEventSchema, input);
  if (!parsed.data) return fail(parsed.issues);
  const events: DuringEvent[] = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const issues: Issue[] = [];
  events.forEach((event, i) =>
    checkDuringEvent(checkedPlan, event, record.before!.date, undefined, Array.isArray(parsed.data) ? [i] : [], issues),
  );
  if (issues.length > 0) return fail(issues);
  // Stable sort: events on the same day keep their order of entry.
  const during = [...record.during, ...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return ok({ ...record, during });
}

/**
 * Adds events during the intervention; the throwing form of
 * {@link safeDuring}.
 *
 * @param plan - a validated plan
 * @param record - a started record that is not closed or withdrawn
 * @param input - one event or an array of events
 * @returns a new record with the events added
 * @throws UppfoljningError naming every field that breaks a rule
 *
 * @example
 * ```ts
 * during(plan, record, [
 *   { kind: 'measure', date: '2019-01-21', measure: 'urinprov', value: 0 },
 *   { kind: 'session', date: '2019-01-22', attended: true },
 * ]).during.length;
 * // => 2
 * ```
 */
export function during(plan: Plan, record: ClientRecord, input: DuringEvent | readonly DuringEvent[]): ClientRecord {
  return unwrap(safeDuring(plan, record, input));
}
