import { addDays, daysBetween } from '../_lib/calendar.js';

/**
 * Adds calendar days to an ISO date, with integer day arithmetic: the same
 * answer in every time zone and across daylight-saving changes.
 *
 * @param date - a valid ISO date `YYYY-MM-DD`
 * @param days - whole days to add (negative to go back)
 * @returns the ISO date
 *
 * @example
 * ```ts
 * addDaysIso('2024-02-28', 1);
 * // => '2024-02-29'
 * ```
 */
export function addDaysIso(date: string, days: number): string {
  return addDays(date, days);
}

/**
 * Whole calendar days from one ISO date to another.
 *
 * @param from - a valid ISO date
 * @param to - a valid ISO date
 * @returns the number of days, negative when `to` is earlier
 *
 * @example
 * ```ts
 * daysBetweenIso('2019-03-30', '2019-04-01');
 * // => 2
 * ```
 */
export function daysBetweenIso(from: string, to: string): number {
  return daysBetween(from, to);
}
