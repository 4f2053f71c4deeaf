/**
 * Follow-up after the end (*efteruppföljning*): the plan's measurement points
 * months after the closing date, each with a window, and the calendar rule
 * that turns a closing date and a point into that window.
 */
import { z } from 'zod';
import { CodeSchema, LabelSchema } from '../core/schemas.js';
import { addDaysRaw, addMonthsRaw, isoDateIssues } from '../core/dates.js';
import { issue, type PathSegment } from '../core/issue.js';
import { parseArg, throwIfAny } from '../core/args.js';

const doc = (description: string, sv: string) => ({ description, sv });

/**
 * A follow-up point (*uppföljningstillfälle efter avslut*): a measurement
 * `monthsAfter` calendar months after the closing date (`after.date`), taken
 * within `windowDays` days either side of that day, of the instruments in
 * `measures` (each known to the plan; the primary measure may be one).
 *
 * @example
 * ```ts
 * FollowUpPointSchema.parse({ id: '12m', label: { sv: '12 månader efter', en: '12 months after' },
 *   monthsAfter: 12, measures: ['tilltro-nykterhet'] }).windowDays;
 * // => 30
 * ```
 */
export const FollowUpPointSchema = z
  .object({
    id: CodeSchema.meta(doc('The point\'s code, unique in `followUps`; a record\'s `followUps[].point` names it.', 'Tillfällets kod, unik i `followUps`; klientpostens `followUps[].point` anger den.')),
    label: LabelSchema.meta(doc('The point\'s name, e.g. 12 months after.', 'Tillfällets namn, t.ex. 12 månader efter.')),
    monthsAfter: z
      .number()
      .int()
      .min(1)
      .max(120)
      .meta(
        doc(
          'Calendar months after the closing date (`after.date`); from a day the target month lacks, the month\'s last day (31 January + 1 month = 28 or 29 February).',
          'Kalendermånader efter avslutsdatumet (`after.date`); från en dag som målmånaden saknar blir det månadens sista dag (31 januari + 1 månad = 28 eller 29 februari).',
        ),
      ),
    windowDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .default(30)
      .meta(
        doc(
          'Days either side of the target day in which the measurement counts (rule `outside_window`); the window never opens before the closing date.',
          'Dagar före och efter måldagen som mätningen räknas inom (regel `outside_window`); fönstret öppnar aldrig före avslutsdatumet.',
        ),
      ),
    measures: z
      .array(CodeSchema)
      .default([])
      .meta(doc('Instruments measured at this point; each known (rule `unknown_instrument`), none twice.', 'Instrument som mäts vid tillfället; vart och ett känt (regel `unknown_instrument`), inget två gånger.')),
  })
  .strict();

/**
 * A follow-up point, as defined by {@link FollowUpPointSchema}.
 *
 * @example
 * ```ts
 * const point: FollowUpPoint = { id: '12m', label: { sv: '12 månader efter', en: '12 months after' },
 *   monthsAfter: 12, windowDays: 30, measures: ['tilltro-nykterhet'] };
 * followUpWindow(point, '2019-06-10');
 * // => { start: '2020-05-11', target: '2020-06-10', end: '2020-07-10' }
 * ```
 */
export type FollowUpPoint = z.infer<typeof FollowUpPointSchema>;

/**
 * A follow-up point's window for one client (all calendar dates, inclusive).
 *
 * @example
 * ```ts
 * const w: FollowUpWindow = followUpWindow({ monthsAfter: 6, windowDays: 14 }, '2019-06-10');
 * w.target;
 * // => '2019-12-10'
 * ```
 */
export interface FollowUpWindow {
  /** The first day a measurement counts: `target − windowDays`, but never before the closing date. */
  readonly start: string;
  /** The closing date plus `monthsAfter` calendar months. */
  readonly target: string;
  /** The last day a measurement counts: `target + windowDays`. */
  readonly end: string;
}

/**
 * The window of a follow-up point for a client closed on `closed`: the target
 * day is the closing date plus `monthsAfter` calendar months (date-fns
 * `addMonths`: from a day the target month lacks, its last day, so
 * 2019-01-31 + 1 month = 2019-02-28 and 2020-01-31 + 1 month = 2020-02-29);
 * the window is `windowDays` days either side, both ends included, and never
 * opens before the closing date. Calendar arithmetic on UTC dates: the same
 * answer in every time zone.
 *
 * @param point - `monthsAfter` (whole months ≥ 1) and `windowDays` (whole days ≥ 0)
 * @param closed - the closing date (`after.date`), a valid ISO date
 * @returns the window's first day, target day and last day
 * @throws UppfoljningError `calendar_date` at `closed`, or `integer`/`min`
 *   at `point.monthsAfter`/`point.windowDays`
 *
 * @see https://date-fns.org/docs/addMonths the month arithmetic
 *
 * @example
 * ```ts
 * followUpWindow({ monthsAfter: 1, windowDays: 3 }, '2019-01-31');
 * // => { start: '2019-02-25', target: '2019-02-28', end: '2019-03-03' }
 * ```
 */
export function followUpWindow(point: Pick<FollowUpPoint, 'monthsAfter' | 'windowDays'>, closed: string): FollowUpWindow {
  const parsed = parseArg(WindowPartsSchema, point, ['point']);
  const issues = [...parsed.issues, ...isoDateIssues(closed, ['closed'])];
  // The window must stay within the dates a YYYY-MM-DD string can hold.
  if (issues.length === 0 && closed > LAST_CLOSING) issues.push(issue(['closed'], 'max', { maximum: LAST_CLOSING, origin: 'date' }));
  throwIfAny(issues);
  return windowOf(parsed.value, closed);
}

// A whole point may be passed: other keys are ignored.
const WindowPartsSchema = z.object({ monthsAfter: FollowUpPointSchema.shape.monthsAfter, windowDays: FollowUpPointSchema.shape.windowDays });
// 120 months and 365 days before the last date a YYYY-MM-DD string can hold.
const LAST_CLOSING = '9988-12-31';

/** @internal {@link followUpWindow} for a point and a closing date already checked (the record check, compile, the due list). */
export function windowOf(point: Pick<FollowUpPoint, 'monthsAfter' | 'windowDays'>, closed: string): FollowUpWindow {
  const target = addMonthsRaw(closed, point.monthsAfter);
  const start = addDaysRaw(target, -point.windowDays);
  return { start: start < closed ? closed : start, target, end: addDaysRaw(target, point.windowDays) };
}

/**
 * @internal The plan rules for `followUps`: ids unique, each instrument known
 * and listed once. Returns `[path, params]` pairs for the plan's refinement.
 */
export function followUpPlanIssues(
  points: readonly FollowUpPoint[],
  known: readonly string[],
): [PathSegment[], Record<string, unknown>][] {
  const out: [PathSegment[], Record<string, unknown>][] = [];
  const ids = new Set<string>();
  points.forEach((point, i) => {
    if (ids.has(point.id)) out.push([['followUps', i, 'id'], { rule: 'duplicate', value: point.id }]);
    ids.add(point.id);
    const seen = new Set<string>();
    point.measures.forEach((id, j) => {
      if (!known.includes(id)) out.push([['followUps', i, 'measures', j], { rule: 'unknown_instrument', id, known: [...known] }]);
      if (seen.has(id)) out.push([['followUps', i, 'measures', j], { rule: 'duplicate', value: id }]);
      seen.add(id);
    });
  });
  return out;
}
