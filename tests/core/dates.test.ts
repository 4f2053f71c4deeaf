/**
 * The core's calendar (src/core/dates.ts: date-fns on UTC dates) against
 * date-fns on local-time `Date` objects, another path through it: local dates
 * built with the `Date(year, month, day)` constructor, and the answers
 * formatted back as local dates. compile's integer fast path, `dayNumber`, is
 * checked against the UTC calendar over every year a `YYYY-MM-DD` can hold. The suite runs under several TZ values (tests/tz.mjs); the
 * core's answer does not depend on TZ, date-fns' agrees with it in each.
 * Years 2000–2099 avoid historical zone oddities (Pacific/Kiritimati skipped
 * 1994-12-31).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import { addDaysIso, daysBetweenIso } from '../../src/index.js';
import { addMonthsRaw, dayNumber, dayNumberPlusMonths, daysBetween } from '../../src/core/dates.js';

const local = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
const isoDate = fc
  .integer({ min: 0, max: 36_000 })
  .map((n) => format(addDays(new Date(2000, 0, 1), n), 'yyyy-MM-dd'));

describe('calendar dates agree with date-fns', () => {
  it('addDaysIso = date-fns addDays on a local date', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(addDaysIso(date, days)).toBe(format(addDays(local(date), days), 'yyyy-MM-dd'));
      }),
      { numRuns: 2000 },
    );
  });

  it('daysBetweenIso = date-fns differenceInCalendarDays', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (from, to) => {
        expect(daysBetweenIso(from, to)).toBe(differenceInCalendarDays(local(to), local(from)));
      }),
      { numRuns: 2000 },
    );
  });

  it('dayNumber, the integer fast path in compile, counts the same days as date-fns from 0000-01-01 to 9999-12-31', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    const last = daysBetween('0000-01-01', '9999-12-31');
    expect(last).toBe(3_652_424);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: last }), (n) => {
        const date = addDaysIso('0000-01-01', n);
        expect(dayNumber(date)).toBe(daysBetween('1970-01-01', date));
      }),
      { numRuns: 2000 },
    );
  });

  it('dayNumberPlusMonths, the integer follow-up target in compile, is the day number of date-fns addMonths', () => {
    // 2019-01-31 + 1 month: February 2019 has 28 days, so 2019-02-28 = day 17 955 (2019-01-01 is 17 897, + 31 + 27).
    expect(dayNumberPlusMonths('2019-01-31', 1)).toBe(17_897 + 31 + 27);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_000 }), fc.integer({ min: 0, max: 240 }), (n, months) => {
        const date = addDaysIso('1990-01-01', n);
        expect(dayNumberPlusMonths(date, months)).toBe(dayNumber(addMonthsRaw(date, months)));
      }),
      { numRuns: 2000 },
    );
  });

  it('hand-checked: leap days, the year end, a DST change in Stockholm (2024-03-31) and in Los Angeles (2024-03-10)', () => {
    // 2024 is a leap year (divisible by 4, not by 100): 28 Feb + 1 = 29 Feb; 2100 is not (divisible by 100, not 400).
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
    // A 23-hour day is still one calendar day.
    expect(daysBetweenIso('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetweenIso('2024-03-09', '2024-03-11')).toBe(2);
    // 2000-01-01 to 2001-01-01: 366 days (2000 is a leap year, divisible by 400).
    expect(daysBetweenIso('2000-01-01', '2001-01-01')).toBe(366);
  });
});
