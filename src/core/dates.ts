/**
 * The calendar: every rule about ISO dates (`YYYY-MM-DD`) in the library is
 * here — whether a string is a calendar date, days between and after dates,
 * days in a month, age in completed years — on date-fns, with every date a
 * `UTCDate` (`@date-fns/utc`) so that no time zone or daylight-saving change
 * can move a day: the host's `TZ` is never read.
 *
 * `dayNumber` is the one exception, kept for compile's record loop: an integer
 * day count read straight from the digits (Howard Hinnant's
 * `days_from_civil`), measured faster there (docs/architecture.md, Calendar
 * dates) and checked against date-fns in tests/core/dates.test.ts.
 *
 * @see https://date-fns.org/docs/Getting-Started
 * @see https://howardhinnant.github.io/date_algorithms.html#days_from_civil
 */
import { addDays, addMonths, differenceInCalendarDays, differenceInYears, formatISO, getDate, getDaysInMonth, isLeapYear, isValid, parseISO } from 'date-fns';
import { UTCDate, utc } from '@date-fns/utc';
import { issue, type Issue, type PathSegment } from './issue.js';
import { UppfoljningError } from './error.js';
import { numberIssues, throwIfAny, valueText } from './args.js';
import { IsoDateSchema } from './schemas.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** @internal The UTC date of a `YYYY-MM-DD` calendar date, or undefined when the value is not one (date-fns' parseISO checks the day against the month). */
export function utcDate(iso: unknown): UTCDate | undefined {
  if (typeof iso !== 'string' || !ISO_DATE.test(iso)) return undefined;
  const date = parseISO(iso, { in: utc });
  return isValid(date) ? date : undefined;
}

/** @internal The `YYYY-MM-DD` string of a UTC date. */
function isoOf(date: UTCDate): string {
  return formatISO(date, { representation: 'date' });
}

/** @internal The year, month (1–12) and day of a `YYYY-MM-DD` calendar date, or undefined when the value is not one. */
export function isoDateParts(iso: unknown): { y: number; m: number; d: number } | undefined {
  const date = utcDate(iso);
  return date === undefined ? undefined : { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

/** @internal Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const first = new UTCDate(0);
  first.setFullYear(year, month - 1, 1);
  return getDaysInMonth(first);
}

/** @internal The day of the month (1–31) of a valid ISO date. */
export function dayOfMonth(iso: string): number {
  return getDate(utcDate(iso)!);
}

/** @internal Whole calendar days from one valid ISO date to another (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(utcDate(to)!, utcDate(from)!, { in: utc });
}

/**
 * @internal Age in completed years from valid ISO dates, `birth` not after
 * `reference`. date-fns counts a 29 February birthday as complete on 1 March
 * in common years (`'mar1'`); Swedish law (lag (1930:173) 1 §) on 28 February,
 * so for `'feb28'` such a birthday counts as 28 February in a common year.
 */
export function completedYears(birth: string, reference: string, leapDayBirthday: 'feb28' | 'mar1'): number {
  let b = utcDate(birth)!;
  const r = utcDate(reference)!;
  if (leapDayBirthday === 'feb28' && b.getMonth() === 1 && b.getDate() === 29 && !isLeapYear(r)) b = addDays(b, -1);
  return differenceInYears(r, b, { in: utc });
}

/**
 * @internal Days since 1970-01-01 of a valid ISO date, read from its digits:
 * the integer fast path of compile's record loop (see the module comment).
 */
export function dayNumber(iso: string): number {
  return civilDay(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10));
}

/**
 * @internal The day number ({@link dayNumber}) of a valid ISO date plus whole
 * calendar months: the integer twin of {@link addMonthsRaw} (from a day the
 * target month lacks, its last day), for compile's record loop, with no
 * string or date object built.
 */
export function dayNumberPlusMonths(iso: string, months: number): number {
  const m = digits(iso, 5, 7) - 1 + months;
  const y = digits(iso, 0, 4) + Math.floor(m / 12);
  const month = m - Math.floor(m / 12) * 12 + 1;
  const first = civilDay(y, month, 1);
  const days = (month === 12 ? civilDay(y + 1, 1, 1) : civilDay(y, month + 1, 1)) - first;
  return first + Math.min(digits(iso, 8, 10), days) - 1;
}

/** Days since 1970-01-01 of year y0, month m (1–12), day d: `days_from_civil`. */
function civilDay(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * @internal A valid ISO date plus whole calendar months (date-fns
 * `addMonths` on a UTC date: from a day the target month lacks, its last
 * day, so 2019-01-31 + 1 month = 2019-02-28). The caller keeps the answer
 * within the years 0000–9999.
 */
export function addMonthsRaw(iso: string, months: number): string {
  return isoOf(addMonths(utcDate(iso)!, months));
}

/** @internal A valid ISO date plus whole calendar days, unchecked ({@link addDaysIso} checks). */
export function addDaysRaw(iso: string, days: number): string {
  return isoOf(addDays(utcDate(iso)!, days));
}

/** @internal `calendar_date` unless the value is a `YYYY-MM-DD` date in the calendar. */
export const isoDateIssues = (value: unknown, path: readonly PathSegment[]): Issue[] =>
  value === undefined ? [issue(path, 'required')] : IsoDateSchema.safeParse(value).success ? [] : [issue(path, 'calendar_date', { value: valueText(value) })];

// The dates a `YYYY-MM-DD` string can hold.
const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

/**
 * Adds calendar days to an ISO date (date-fns on UTC dates): the same answer
 * in every time zone and across daylight-saving changes.
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
  const minimum = daysBetween(date, FIRST_DAY);
  const maximum = daysBetween(date, LAST_DAY);
  if (days < minimum) throw new UppfoljningError([issue(['days'], 'min', { minimum, origin: 'number' })]);
  if (days > maximum) throw new UppfoljningError([issue(['days'], 'max', { maximum, origin: 'number' })]);
  return addDaysRaw(date, days);
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
