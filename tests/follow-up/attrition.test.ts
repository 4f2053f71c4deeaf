/**
 * Follow-up attrition in a compilation: per cell and point, every client
 * closed in the results counted once as reached, not reached, declined or
 * missing (no follow-up recorded).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { after, compile, followUp, followUpWindow, mergeCompilations, validateCompilation, FOLLOW_UP_STATUSES, type ClientRecord } from '../../src/index.js';
import { makeRecord } from '../helpers/fixtures.js';
import { targetDay } from '../../src/compile/_lib/follow-up-fold.js';
import { daysBetweenIso } from '../../src/index.js';
import { followUpPlan as plan } from './fixtures.js';

const started = (id: string) => makeRecord({ id, before: { measures: { 'tilltro-nykterhet': 2 } } });
const closed = (id: string, reason: 'completed' | 'breakdown' = 'completed') => after(plan, started(id), { date: '2024-06-03', reason, measures: { 'tilltro-nykterhet': 4 } });

/** The follow-up counts of all cells added up, per point, as { reached, not_reached, declined, missing }. */
function totals(c: ReturnType<typeof compile>) {
  const P = c.meta.followUps.length;
  const S = FOLLOW_UP_STATUSES.length;
  return c.meta.followUps.map((p, i) => {
    const sums = FOLLOW_UP_STATUSES.map(() => 0);
    for (let j = 0; j < c.counts.followUps.length; j++) if (Math.floor((j % (P * S)) / S) === i) sums[j % S]! += c.counts.followUps[j]!;
    return [p.id, Object.fromEntries(FOLLOW_UP_STATUSES.map((s, k) => [s, sums[k]]))];
  });
}

describe('compile: follow-up attrition', () => {
  it('a hand-counted cohort', () => {
    // closedRecord fixtures close on 2024-06-03: 6m window 2024-11-19…2024-12-17, 12m 2025-05-04…2025-07-03.
    const a = followUp(plan, followUp(plan, closed('k-a'), { point: '6m', date: '2024-12-03', status: 'reached', measures: { 'tilltro-nykterhet': 5 } }), { point: '12m', date: '2025-06-03', status: 'declined' });
    const b = followUp(plan, closed('k-b'), { point: '6m', date: '2024-12-20', status: 'not_reached' });
    const c = closed('k-c');
    const broken = closed('k-d', 'breakdown'); // withdrawn from the results: not due
    const open = started('k-e'); // ongoing: not due
    const compilation = compile(plan, [a, b, c, broken, open]);
    // 6m: a reached, b not reached, c missing (3 closed). 12m: a declined, b and c missing.
    expect(totals(compilation)).toEqual([
      ['6m', { reached: 1, not_reached: 1, declined: 0, missing: 1 }],
      ['12m', { reached: 0, not_reached: 0, declined: 1, missing: 2 }],
    ]);
    expect(validateCompilation(compilation).success).toBe(true);
    expect(compilation.meta.followUps.map((p) => [p.id, p.monthsAfter, p.windowDays])).toEqual([['6m', 6, 14], ['12m', 12, 30]]);
  });
  it('a follow-up outside its window, or on an open record, is counted in invalid by its rule', () => {
    const base = closed('k-a');
    const outside = { ...base, followUps: [{ point: '6m', date: '2025-03-01', status: 'reached' as const, measures: {} }] };
    const twice = { ...base, followUps: [{ point: '6m', date: '2024-12-01', status: 'reached' as const, measures: {} }, { point: '6m', date: '2024-12-02', status: 'declined' as const, measures: {} }] };
    const onOpen = { ...started('k-b'), followUps: [{ point: '6m', date: '2024-12-01', status: 'reached' as const, measures: {} }] };
    const unknown = { ...base, followUps: [{ point: '3m', date: '2024-09-01', status: 'reached' as const, measures: {} }] };
    const c = compile(plan, [outside, twice, onOpen, unknown] as ClientRecord[]);
    expect(c.invalid.byRule).toEqual({ outside_window: 1, duplicate: 1, step_order: 1, unknown_code: 1 });
  });
  it('a damaged count is caught: the statuses must add up to the closed', () => {
    const c = compile(plan, [closed('k-a')]);
    const damaged = structuredClone(c) as { counts: { followUps: number[] } } & typeof c;
    const i = damaged.counts.followUps.findIndex((v) => v > 0);
    damaged.counts.followUps[i] = 2;
    const result = validateCompilation(damaged);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]!.rule).toBe('count_sum');
  });
  it('the integer window of the record loop agrees with followUpWindow (date-fns)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 366 }), fc.integer({ min: 1, max: 120 }), (n, months) => {
        const iso = new Date(Date.UTC(1900, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const w = followUpWindow({ monthsAfter: months, windowDays: 0 }, iso);
        expect(targetDay(iso, months) - targetDay(iso, 0)).toBe(daysBetweenIso(iso, w.target));
      }),
    );
  });
  it('merge equals compiling the union', () => {
    const a = followUp(plan, closed('k-a'), { point: '6m', date: '2024-12-03', status: 'reached' });
    const b = closed('k-b');
    const c = followUp(plan, closed('k-c'), { point: '12m', date: '2025-06-03', status: 'not_reached' });
    expect(mergeCompilations([compile(plan, [a]), compile(plan, [b, c])])).toEqual(compile(plan, [a, b, c]));
  });
});
