/** Whether a year of the proleptic Gregorian calendar is a leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The year, month and day of a `YYYY-MM-DD` calendar date, as integers, or
 * undefined when the string is not one. No `Date` object: no time zone.
 */
export function isoDateParts(iso: unknown): { y: number; m: number; d: number } | undefined {
  if (typeof iso !== 'string') return undefined;
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}
