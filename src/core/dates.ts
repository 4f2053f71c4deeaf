import { addDays, dayNumber, daysBetween } from '../_lib/calendar.js';
import { issue, type Issue, type PathSegment } from './issue.js';
import { UppfoljningError } from './error.js';
import { numberIssues, throwIfAny, valueText } from './args.js';
import { IsoDateSchema } from './schemas.js';

/** @internal `calendar_date` unless the value is a `YYYY-MM-DD` date in the calendar. */
export const isoDateIssues = (value: unknown, path: readonly PathSegment[]): Issue[] =>
  value === undefined ? [issue(path, 'required')] : IsoDateSchema.safeParse(value).success ? [] : [issue(path, 'calendar_date', { value: valueText(value) })];

// The dates a `YYYY-MM-DD` string can hold.
const FIRST_DAY = dayNumber('0000-01-01');
const LAST_DAY = dayNumber('9999-12-31');

/**
 * Adds calendar days to an ISO date, with integer day arithmetic: the same
 * answer in every time zone and across daylight-saving changes.
 *
 * @param date - a valid ISO date `YYYY-MM-DD`
 * @param days - whole days to add (negative to go back)
 * @throws UppfoljningError `calendar_date` at `date`, `integer`/`finite`/`type` at `days`, or `min`/`max` at `days` when the answer would leave the years 0000–9999
 * @returns the ISO date
 *
 * @example
 * ```ts
 * addDaysIso('2024-02-28', 1);
 * // => '2024-02-29'
 * ```
 */
export function addDaysIso(date: string, days: number): string {
  throwIfAny([...isoDateIssues(date, ['date']), ...numberIssues(days, ['days'], true)]);
  // The answer must be a YYYY-MM-DD date too.
  const day = dayNumber(date);
  if (day + days < FIRST_DAY) throw new UppfoljningError([issue(['days'], 'min', { minimum: FIRST_DAY - day, origin: 'number' })]);
  if (day + days > LAST_DAY) throw new UppfoljningError([issue(['days'], 'max', { maximum: LAST_DAY - day, origin: 'number' })]);
  return addDays(date, days);
}

/**
 * Whole calendar days from one ISO date to another.
 *
 * @param from - a valid ISO date
 * @param to - a valid ISO date
 * @returns the number of days, negative when `to` is earlier
 * @throws UppfoljningError `calendar_date` at `from` or `to`
 *
 * @example
 * ```ts
 * daysBetweenIso('2019-03-30', '2019-04-01');
 * // => 2
 * ```
 */
export function daysBetweenIso(from: string, to: string): number {
  throwIfAny([...isoDateIssues(from, ['from']), ...isoDateIssues(to, ['to'])]);
  return daysBetween(from, to);
}
