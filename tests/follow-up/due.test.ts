/**
 * The due list: which follow-up measurements fall due in a date range.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { after, dueMeasurements, followUp, followUpWindow, type ClientRecord } from '../../src/index.js';
import { makeRecord } from '../helpers/fixtures.js';
import { thrown } from '../helpers/errors.js';
import { followUpPlan as plan } from './fixtures.js';

const started = (id: string) => makeRecord({ id, before: { measures: { 'tilltro-nykterhet': 2 } } });
const closedOn = (id: string, date: string, reason: 'completed' | 'breakdown' | 'moved' = 'completed') =>
  after(plan, started(id), { date, reason, measures: { 'tilltro-nykterhet': 4 } });

describe('dueMeasurements', () => {
  it('lists the points whose window overlaps the range, sorted by due date', () => {
    // k-a closed 2024-06-03: 6m window 2024-11-19…2024-12-17 (target 2024-12-03), 12m 2025-05-04…2025-07-03.
    // k-b closed 2024-07-31: 6m target 2025-01-31, window 2025-01-17…2025-02-14.
    const records = [closedOn('k-b', '2024-07-31'), closedOn('k-a', '2024-06-03'), started('k-c')];
    expect(dueMeasurements(plan, records, { from: '2024-12-16', to: '2025-01-20' })).toEqual([
      { clientId: 'k-a', point: '6m', windowStart: '2024-11-19', windowEnd: '2024-12-17', due: '2024-12-03' },
      { clientId: 'k-b', point: '6m', windowStart: '2025-01-17', windowEnd: '2025-02-14', due: '2025-01-31' },
    ]);
    // The window's edges: a range ending the day before it opens, or starting the day after it closes, lists nothing.
    expect(dueMeasurements(plan, records, { from: '2024-11-01', to: '2024-11-18' })).toEqual([]);
    expect(dueMeasurements(plan, records, { from: '2024-11-19', to: '2024-11-19' })).toHaveLength(1);
    expect(dueMeasurements(plan, records, { from: '2024-12-18', to: '2025-01-16' })).toEqual([]);
  });
  it('a point already recorded (reached, not reached or declined) is not due; nor a withdrawn or breakdown-closed record', () => {
    const a = closedOn('k-a', '2024-06-03');
    const done = followUp(plan, a, { point: '6m', date: '2024-12-20', status: 'not_reached' });
    const withdrawn = makeRecord({ id: 'k-w', before: {}, withdraw: { date: '2024-02-01', reason: 'moved' } });
    const breakdown = closedOn('k-x', '2024-06-03', 'breakdown');
    const moved = closedOn('k-m', '2024-06-03', 'moved');
    expect(dueMeasurements(plan, [done, withdrawn, breakdown, moved], { from: '2024-11-19', to: '2025-12-31' }).map((d) => [d.clientId, d.point])).toEqual([
      ['k-m', '6m'],
      ['k-a', '12m'],
      ['k-m', '12m'],
    ]);
  });
  it('properties: every listed record lacks the measurement and its window overlaps; reordering records changes nothing; inputs untouched', () => {
    const arb = fc.array(
      fc.record({
        closed: fc.integer({ min: 0, max: 700 }),
        recorded: fc.subarray(['6m', '12m']),
        open: fc.boolean(),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 120 }), fc.integer(), (specs, fromDay, length, seed) => {
        const day = (n: number) => new Date(Date.UTC(2024, 1, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const records: ClientRecord[] = specs.map((s, i) => {
          if (s.open) return started(`k-${i}`);
          let r = closedOn(`k-${i}`, day(s.closed));
          for (const point of s.recorded) {
            const w = followUpWindow(plan.followUps.find((p) => p.id === point)!, r.after!.date);
            r = followUp(plan, r, { point, date: w.target, status: 'declined' });
          }
          return r;
        });
        const range = { from: day(fromDay), to: day(fromDay + length) };
        const copy = structuredClone(records);
        const due = dueMeasurements(plan, records, range);
        expect(records).toEqual(copy);
        for (const d of due) {
          const r = records.find((x) => x.clientId === d.clientId)!;
          expect(r.after).toBeDefined();
          expect(r.followUps.some((f) => f.point === d.point)).toBe(false);
          expect(d.windowStart <= range.to && d.windowEnd >= range.from).toBe(true);
        }
        // Completeness: every closed record's unrecorded point with an overlapping window is listed.
        const expected = records.flatMap((r) =>
          r.after === undefined
            ? []
            : plan.followUps.filter((p) => {
                const w = followUpWindow(p, r.after!.date);
                return !r.followUps.some((f) => f.point === p.id) && w.start <= range.to && w.end >= range.from;
              }).map((p) => `${r.clientId}:${p.id}`),
        );
        expect(due.map((d) => `${d.clientId}:${d.point}`).sort()).toEqual(expected.sort());
        // Reordering (a seeded shuffle) and giving a record twice change nothing.
        const shuffled = [...records].map((r, i) => ({ r, k: Math.imul(i + 1, seed | 1) >>> 0 })).sort((a, b) => a.k - b.k).map((x) => x.r);
        expect(dueMeasurements(plan, [...shuffled, ...shuffled.slice(0, 2)], range)).toEqual(due);
        for (let i = 1; i < due.length; i++) expect(due[i - 1]!.due <= due[i]!.due).toBe(true);
      }),
    );
  });
  it('bad input: clear errors naming the field', () => {
    const a = closedOn('k-a', '2024-06-03');
    const paths = (f: () => unknown) => thrown(f).issues.map((i) => [i.path.join('.'), i.rule]);
    expect(paths(() => dueMeasurements(plan, [a], { from: '2025-01-10', to: '2025-01-01' }))).toEqual([['range.to', 'date_order']]);
    expect(paths(() => dueMeasurements(plan, [a], { from: '2025-02-30', to: '2025-03-01' }))).toEqual([['range.from', 'calendar_date']]);
    expect(paths(() => dueMeasurements(plan, [a], undefined as never))).toEqual([['range', 'required']]);
    expect(paths(() => dueMeasurements(plan, 'x' as never, { from: '2025-01-01', to: '2025-01-02' }))).toEqual([['records', 'type']]);
    const outside = { ...a, followUps: [{ point: '6m', date: '2026-01-01', status: 'reached' as const, measures: {} }] };
    expect(paths(() => dueMeasurements(plan, [a, outside], { from: '2025-01-01', to: '2025-01-02' }))).toEqual([['records.1.followUps.0.date', 'outside_window']]);
    expect(paths(() => dueMeasurements({} as never, [a], { from: '2025-01-01', to: '2025-01-02' }))[0]![0]).toMatch(/^plan/);
    expect(thrown(() => dueMeasurements(plan, [a], { from: '2025-01-10', to: '2025-01-01' })).format('sv')).toContain('periodens första dag');
  });
});
