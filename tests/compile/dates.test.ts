/**
 * Calendar edge cases in compile's week buckets. The suite runs under several
 * TZ values (npm test → tests/tz.mjs: UTC, America/Los_Angeles,
 * Pacific/Kiritimati, Europe/Stockholm); week numbers are whole calendar days
 * from the start divided by 7, so every zone must give the same weeks.
 */
import { describe, expect, it } from 'vitest';
import { compile, tabulate, type DuringEvent } from '../../src/index.js';
import { makeRecord, smallPlan as plan } from '../helpers/fixtures.js';
import { handCohort } from './cohort.js';

/** Urine-test weeks (1-based, 'later' as 0) of one record starting on `start` with tests on `dates`. */
function weeksOf(start: string, dates: readonly string[], closing: string): number[] {
  const during: DuringEvent[] = dates.map((date) => ({ kind: 'measure', date, measure: 'up', value: 0 }));
  const r = makeRecord({ before: { date: start }, during, after: { date: closing } });
  const up = tabulate(compile(plan, [r])).total.during[0]!;
  const out: number[] = [];
  for (const w of up.weeks) for (let i = 0; i < w.tests; i++) out.push(w.week);
  for (let i = 0; i < up.later.tests; i++) out.push(0);
  return out;
}

describe('week buckets across daylight-saving changes, leap days and year ends', () => {
  it('Europe/Stockholm spring forward (2024-03-31) and fall back (2024-10-27)', () => {
    // Start 2024-03-30: 03-30..04-05 is days 0–6 (week 1), 04-06 is day 7 (week 2).
    expect(weeksOf('2024-03-30', ['2024-03-30', '2024-03-31', '2024-04-05', '2024-04-06'], '2024-05-01')).toEqual([1, 1, 1, 2]);
    // Start 2024-10-27 (a 25-hour day in Stockholm): 11-02 is day 6, 11-03 day 7.
    expect(weeksOf('2024-10-27', ['2024-11-02', '2024-11-03'], '2024-12-01')).toEqual([1, 2]);
  });

  it('America/Los_Angeles (2024-03-10 and 2024-11-03)', () => {
    expect(weeksOf('2024-03-10', ['2024-03-16', '2024-03-17'], '2024-04-01')).toEqual([1, 2]);
    expect(weeksOf('2024-11-03', ['2024-11-09', '2024-11-10', '2024-11-24', '2024-12-01'], '2024-12-31')).toEqual([1, 2, 4, 0]);
  });

  it('29 February and the turn of the year', () => {
    // 2024-02-29 + 7 = 2024-03-07 (week 2); + 28 = 2024-03-28 (day 28: after 4 followed weeks → later).
    expect(weeksOf('2024-02-29', ['2024-03-06', '2024-03-07', '2024-03-27', '2024-03-28'], '2024-04-30')).toEqual([1, 2, 4, 0]);
    // 2024-12-28 + 7 = 2025-01-04.
    expect(weeksOf('2024-12-28', ['2025-01-03', '2025-01-04'], '2025-02-01')).toEqual([1, 2]);
  });

  it('withdrawals are counted by the week they happened in', () => {
    const t = tabulate(compile(plan, handCohort())).total;
    // R4: start 2024-01-15, withdrawn 2024-02-01 → 17 days → week 3 (index 2).
    // R5: closed as breakdown 2024-06-03 → 16 (rest of January) + 29 + 31 + 30 + 31 + 3 = 140 days → week 21 (index 20).
    const weeks = t.withdrawnByWeek.flatMap((n, i) => (n > 0 ? [[i, n]] : []));
    expect(weeks).toEqual([[2, 1], [20, 1]]);
  });
});
