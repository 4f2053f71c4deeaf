import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compile,
  followUp,
  parsePlan,
  mergeCompilations,
  tabulate,
  validateCompilation,
  type ClientRecord,
  type Distribution,
  type MeasureSummary,
  type NotComputed,
} from '../../src/index.js';
import { measuresPlan as plan, measuresPlanInput, measuresCohort as cohort, measuresRecord as rec } from './measures-cohort.js';
import { makeRecord } from '../helpers/fixtures.js';

const T = 'tilltro-nykterhet';

const dist = (d: Distribution | NotComputed): Distribution => {
  if (!d.computed) throw new Error(`not computed: ${d.reason}`);
  return d;
};
const hist = (d: Distribution | NotComputed) => dist(d).histogram.filter((h) => h.count > 0).map((h) => [h.value, h.count]);
const counts = (s: { count: number; n: number }) => [s.count, s.n];
const find = (list: readonly MeasureSummary[], id: string) => list.find((m) => m.id === id)!;

describe('compile: every measure of the plan, hand-counted', () => {
  const compilation = compile(plan, cohort());
  const total = tabulate(compilation).total;
  const k10 = find(total.measures, 'k10');

  it('describes each instrument with its phases and changes; the primary, without follow-up points, not at all', () => {
    expect(compilation.meta.measures.map((m) => [m.id, m.phases.map((p) => p.id), m.changes, m.reliableChange !== undefined])).toEqual([
      ['k10', ['before', 'after'], ['after'], true],
      ['somn', ['before'], [], false],
    ]);
    expect(compilation.meta.measures[0]!.reliableChange).toEqual({ reliability: 0.88, sd: 7.5, criterion: 1.96, cutoff: 21 });
    expect(validateCompilation(JSON.parse(JSON.stringify(compilation))).success).toBe(true);
  });

  it('the distribution at each phase: before among all who started, after among the closed (not withdrawn)', () => {
    // Before: A 30, B 28, C 20, D 35, E 25, G 40, H 22, I 30: n 8, Σ 230, mean 28.75.
    const before = dist(k10.phases[0]!.distribution);
    expect([before.n, before.mean]).toEqual([8, 28.75]);
    expect(hist(before)).toEqual([[20, 1], [22, 1], [25, 1], [28, 1], [30, 2], [35, 1], [40, 1]]);
    // The quartiles, R's type 2 on 20 22 25 28 30 30 35 40: q1 (22 + 25) / 2, median (28 + 30) / 2, q3 (30 + 35) / 2.
    expect(before.quantiles).toMatchObject({ min: 20, q1: 23.5, median: 29, q3: 32.5, max: 40 });
    // After: A 20, B 24, C 29, D 26, F 18, I 30: n 6, Σ 147, mean 24.5.
    const after = dist(k10.phases[1]!.distribution);
    expect([after.n, after.mean]).toEqual([6, 24.5]);
    // Sleep before: A 3, B 4, H 5.
    expect(hist(find(total.measures, 'somn').phases[0]!.distribution)).toEqual([[3, 1], [4, 1], [5, 1]]);
  });

  it('the paired change, its direction by the minimal important change and its reliable-change classes', () => {
    const change = k10.changes[0]!;
    expect(change.phase).toBe('after');
    // A −10, B −4, C +9, D −9, I 0: n 5, mean −14 / 5 = −2.8.
    expect(hist(change.change)).toEqual([[-10, 1], [-9, 1], [-4, 1], [0, 1], [9, 1]]);
    expect(dist(change.change).mean).toBeCloseTo(-2.8, 12);
    // The same pairs before (30 + 28 + 20 + 35 + 30) / 5 = 28.6 and after (20 + 24 + 29 + 26 + 30) / 5 = 25.8.
    expect(change.pairs).toEqual({ computed: true, n: 5, before: expect.closeTo(28.6, 12), after: expect.closeTo(25.8, 12) });
    // Lower is better, MIC 5: improved A, D; unchanged B, I; worsened C.
    expect([counts(change.direction.improved), counts(change.direction.unchanged), counts(change.direction.worsened)]).toEqual([[2, 5], [2, 5], [1, 5]]);
    const reliable = change.reliable!;
    expect(reliable.minimumReliableChange).toBeCloseTo(1.96 * Math.SQRT2 * 7.5 * Math.sqrt(0.12), 12);
    expect([counts(reliable.recovered), counts(reliable.improved), counts(reliable.unchanged), counts(reliable.deteriorated)]).toEqual([[1, 5], [1, 5], [2, 5], [1, 5]]);
    expect(counts(reliable.anyReliable)).toEqual([3, 5]);
    expect(find(total.measures, 'somn').changes).toEqual([]);
  });

  it('per group, the same counts split by cell', () => {
    const rows = tabulate(compilation, { by: ['gender'] }).rows;
    const man = find(rows.find((r) => r.key.gender === 'man')!.measures, 'k10');
    expect(hist(man.changes[0]!.change)).toEqual([[9, 1]]);
    const woman = find(rows.find((r) => r.key.gender === 'kvinna')!.measures, 'k10');
    expect(dist(woman.changes[0]!.change).n).toBe(4);
  });

  it('a value off an instrument’s scale rejects the record whole, counted in invalid', () => {
    const good = cohort();
    const bad = structuredClone(good[0]!) as { after: { measures: Record<string, number> } };
    bad.after.measures.k10 = 51;
    const c = compile(plan, [...good, bad as unknown as ClientRecord]);
    expect(c.invalid).toEqual({ total: 1, byRule: { out_of_range: 1 } });
    expect(c.counts).toEqual(compilation.counts);
    const half = structuredClone(good[1]!) as { before: { measures: Record<string, number> } };
    half.before.measures.somn = 2.5;
    expect(compile(plan, [half as unknown as ClientRecord]).invalid.byRule).toEqual({ out_of_range: 1 });
  });

  it('reads measurements the same in one pass over their keys as by name: keys of no instrument ignored, inherited values read', () => {
    const records = cohort();
    // Every measurements object given a key no instrument has, or its values moved to a prototype.
    const each = (f: (m: Record<string, unknown>) => unknown) =>
      records.map((r) => {
        const x = structuredClone(r) as unknown as { before: { measures: Record<string, unknown> }; after?: { measures?: Record<string, unknown> } };
        x.before.measures = f(x.before.measures) as Record<string, unknown>;
        if (x.after?.measures) x.after.measures = f(x.after.measures) as Record<string, unknown>;
        return x as unknown as ClientRecord;
      });
    expect(compile(plan, each((m) => ({ okand: 3, ...m, annan: 'x' }))).counts).toEqual(compilation.counts);
    expect(compile(plan, each((m) => Object.create(m) as object)).counts).toEqual(compilation.counts);
  });

  it('a compilation whose measure counts contradict each other is refused, naming the path and the numbers', () => {
    const altered = JSON.parse(JSON.stringify(compilation));
    // The first cell (kvinna, 18–29, a): add one improved change that its histogram and n do not have.
    const width = altered.counts.measureChanges.length / compilation.cells;
    const directionAt = 2 * 41 - 1 + 3 + 3; // K10 has 41 grid points: a change histogram of 81, then n, Σk, Σk², the pairs before, then the directions
    altered.counts.measureChanges[directionAt] += 1;
    const result = validateCompilation(altered);
    expect(width).toBe(81 + 3 + 3 + 3 + 4);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]).toMatchObject({ rule: 'count_sum', path: ['counts', 'measureChanges', 81] });
    const more = JSON.parse(JSON.stringify(compilation));
    more.counts.measures[0] += 1; // one more before-value 10 than n
    const r2 = validateCompilation(more);
    expect(r2.success).toBe(false);
    if (!r2.success) expect(r2.issues[0]).toMatchObject({ rule: 'margin_mismatch', path: ['counts', 'measures', 41] });
  });
});

describe('compile: measures merge as the union and histograms add up (properties)', () => {
  const arbitraryRecord = fc
    .record({
      gender: fc.constantFrom('kvinna' as const, 'man' as const),
      age: fc.integer({ min: 18, max: 70 }),
      k10b: fc.option(fc.integer({ min: 10, max: 50 }), { nil: undefined }),
      k10a: fc.option(fc.integer({ min: 10, max: 50 }), { nil: undefined }),
      somn: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      closed: fc.boolean(),
    })
    .map((r) =>
      rec({
        gender: r.gender,
        age: r.age,
        before: { measures: { ...(r.k10b === undefined ? {} : { k10: r.k10b }), ...(r.somn === undefined ? {} : { somn: r.somn }) } },
        ...(r.closed ? { after: { measures: r.k10a === undefined ? {} : { k10: r.k10a } } } : {}),
      }),
    );

  it('merge(compile(a), compile(b)) = compile(a ∪ b), and every histogram counts its n', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 25 }), fc.array(arbitraryRecord, { maxLength: 25 }), (a, b) => {
        const union = compile(plan, [...a, ...b]);
        expect(mergeCompilations([compile(plan, a), compile(plan, b)]).counts).toEqual(union.counts);
        expect(validateCompilation(union).success).toBe(true);
        const k10 = find(tabulate(union).total.measures, 'k10');
        for (const p of [...k10.phases.map((x) => x.distribution), ...k10.changes.map((x) => x.change)]) {
          if (p.computed) expect(p.histogram.reduce((n, h) => n + h.count, 0)).toBe(p.n);
        }
        const change = k10.changes[0]!;
        const n = change.direction.n;
        expect(change.direction.improved.count + change.direction.unchanged.count + change.direction.worsened.count).toBe(n);
        const before = a.concat(b).filter((r) => r.before?.measures.k10 !== undefined && r.after?.measures.k10 !== undefined).length;
        expect(n).toBe(before);
      }),
      { numRuns: 40 },
    );
  });
});

describe('compile: measures at a follow-up point, hand-counted', () => {
  const fuPlan = parsePlan({
    ...measuresPlanInput,
    id: 'measures-follow-up',
    followUps: [{ id: '12m', label: { sv: '12 månader efter', en: '12 months after' }, monthsAfter: 12, windowDays: 30, measures: [T, 'k10'] }],
  });
  // makeRecord closes on 2024-06-03: the 12-month window is 2025-05-04 … 2025-07-03.
  const base = (id: string, before: Record<string, number>, after: Record<string, number>) =>
    makeRecord({ id, before: { measures: before }, after: { measures: after } }, fuPlan);
  const records = [
    // P: T 2 → 4 → 5 at 12 months, k10 30 → 20 → 18.
    followUp(fuPlan, base('P', { [T]: 2, k10: 30 }, { [T]: 4, k10: 20 }), { point: '12m', date: '2025-06-03', status: 'reached', measures: { [T]: 5, k10: 18 } }),
    // Q: T 3 → 3 → 2, k10 before missing → 25 at 12 months (no k10 change).
    followUp(fuPlan, base('Q', { [T]: 3 }, { [T]: 3 }), { point: '12m', date: '2025-06-10', status: 'reached', measures: { [T]: 2, k10: 25 } }),
    // R: not reached: nothing measured, nothing counted here.
    followUp(fuPlan, base('R', { [T]: 4, k10: 22 }, { [T]: 4, k10: 22 }), { point: '12m', date: '2025-07-01', status: 'not_reached' }),
  ];
  const total = tabulate(compile(fuPlan, records)).total;

  it('the primary gets its follow-up point and its change from before; the others their follow-up point beside before and after', () => {
    expect(total.measures.map((m) => [m.id, m.primary, m.phases.map((p) => p.phase), m.changes.map((c) => c.phase)])).toEqual([
      [T, true, ['12m'], ['12m']],
      ['k10', false, ['before', 'after', '12m'], ['after', '12m']],
      ['somn', false, ['before'], []],
    ]);
    const primary = find(total.measures, T);
    expect(hist(primary.phases[0]!.distribution)).toEqual([[2, 1], [5, 1]]); // P 5, Q 2
    expect(hist(primary.changes[0]!.change)).toEqual([[-1, 1], [3, 1]]); // P 2 → 5, Q 3 → 2
    expect(primary.changes[0]!.label).toEqual({ sv: '12 månader efter', en: '12 months after' });
    const k10 = find(total.measures, 'k10');
    expect(hist(k10.phases[2]!.distribution)).toEqual([[18, 1], [25, 1]]);
    expect(hist(k10.changes[1]!.change)).toEqual([[-12, 1]]); // P only: Q has no k10 before
  });

  it('a value off the scale at the follow-up point, or measures on a point not reached, are counted in invalid by rule', () => {
    const off = structuredClone(records[0]!) as { followUps: { measures: Record<string, number> }[] };
    off.followUps[0]!.measures.k10 = 60;
    const notReached = structuredClone(records[2]!) as { followUps: { measures: Record<string, number> }[] };
    notReached.followUps[0]!.measures = { k10: 20 };
    const c = compile(fuPlan, [...records, off as unknown as ClientRecord, notReached as unknown as ClientRecord]);
    expect(c.invalid).toEqual({ total: 2, byRule: { out_of_range: 1, measured_not_reached: 1 } });
    expect(c.counts.measures).toEqual(compile(fuPlan, records).counts.measures);
  });
});
