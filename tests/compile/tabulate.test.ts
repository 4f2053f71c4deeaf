import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { compile, parsePlan, tabulate, type Distribution, type NotComputed, type Plan } from '../../src/index.js';
import { auditPlan, makeRecord, smallPlan, smallPlanInput } from '../helpers/fixtures.js';
import fixtures from './fixtures/quantile-type2.json' with { type: 'json' };

/** The before-distribution of ongoing records with these before values. */
function beforeOf(plan: Plan, values: readonly number[]): Distribution | NotComputed {
  const id = plan.primaryMeasure;
  const records = values.map((v) => makeRecord({ before: { measures: { [id]: v } } }, plan));
  return tabulate(compile(plan, records)).total.primary.before;
}
const computed = (d: Distribution | NotComputed): Distribution => {
  if (!d.computed) throw new Error(`not computed: ${d.reason}`);
  return d;
};

/**
 * R's type 2 straight from its definition (Hyndman & Fan 1996, def. 2), on
 * sorted data: j = ⌊np⌋, g = np − j; x[j+1] if g > 0, else (x[j] + x[j+1])/2,
 * with x[0] = x[1] and x[n+1] = x[n].
 */
function type2(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  const x = (i: number) => sorted[Math.min(Math.max(i, 1), n) - 1]!;
  const np = n * p;
  const j = Math.floor(np);
  return np - j > 1e-12 ? x(j + 1) : (x(j) + x(j + 1)) / 2;
}

describe("tabulate: quartiles are R's type 2, from exact histograms", () => {
  it('matches quantile(x, type = 2) from R (tests/compile/fixtures/quantile-type2.R)', () => {
    for (const f of fixtures as { scale: string; x: number[]; q: number[]; mean: number; sd: number | null }[]) {
      const d = computed(beforeOf(f.scale === '1-5' ? smallPlan : auditPlan, f.x));
      expect(d.n).toBe(f.x.length);
      if (!d.quantiles.computed) throw new Error('quantiles not computed');
      expect([d.quantiles.min, d.quantiles.q1, d.quantiles.median, d.quantiles.q3, d.quantiles.max]).toEqual(f.q);
      expect(d.mean).toBeCloseTo(f.mean, 12);
      if (f.sd === null) expect(d.sd).toEqual({ computed: false, n: 1, reason: 'too_few', params: { n: 1, minimum: 2 } });
      else expect(d.sd).toBeCloseTo(f.sd, 10);
    }
  });

  it('a few by hand', () => {
    // [2, 4]: n = 2; p = .5 → np = 1 whole → (x1 + x2)/2 = 3; p = .25 → np = .5 → x1 = 2; p = .75 → np = 1.5 → x2 = 4.
    expect(computed(beforeOf(smallPlan, [4, 2])).quantiles).toEqual({ computed: true, min: 2, q1: 2, median: 3, q3: 4, max: 4 });
    // [1, 5, 5, 5]: p = .25 → np = 1 → (1 + 5)/2 = 3; median np = 2 → (5 + 5)/2 = 5.
    expect(computed(beforeOf(smallPlan, [5, 5, 5, 1])).quantiles).toMatchObject({ q1: 3, median: 5 });
  });

  it('agrees with the definition, and mean/sd with simple-statistics, on random data (0–40)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 60 }), (xs) => {
        const d = computed(beforeOf(auditPlan, xs));
        const sorted = [...xs].sort((a, b) => a - b);
        if (!d.quantiles.computed) throw new Error('quantiles not computed');
        expect([d.quantiles.min, d.quantiles.q1, d.quantiles.median, d.quantiles.q3, d.quantiles.max]).toEqual([0, 0.25, 0.5, 0.75, 1].map((p) => type2(sorted, p)));
        expect(d.mean).toBeCloseTo(mean(xs), 10);
        expect(d.sd).toBeCloseTo(sampleStandardDeviation(xs), 10);
      }),
      { numRuns: 60 },
    );
  });

  it('a scale with steps of 0.5: values are origin + k·step', () => {
    const half = parsePlan({
      ...smallPlanInput,
      id: 'half',
      instruments: [{ id: 'halv', label: { sv: 'H', en: 'H' }, kind: 'interval', range: { min: 0, max: 10, step: 0.5 }, direction: 'higher_is_better' }],
      measures: { before: ['halv'], after: ['halv'] },
      primaryMeasure: 'halv',
    });
    const xs = [0.5, 1.5, 2, 9.5, 10];
    const d = computed(beforeOf(half, xs));
    // n = 5: q1 np = 1.25 → x2 = 1.5; median np = 2.5 → x3 = 2; q3 np = 3.75 → x4 = 9.5.
    expect(d.quantiles).toEqual({ computed: true, min: 0.5, q1: 1.5, median: 2, q3: 9.5, max: 10 });
    expect(d.mean).toBeCloseTo(4.7, 12);
    expect(d.sd).toBeCloseTo(sampleStandardDeviation(xs), 12);
  });

  it('a scale too fine for a histogram: mean and sd, quantiles not computed (fine_scale)', () => {
    const fine = parsePlan({
      ...smallPlanInput,
      id: 'fine',
      instruments: [{ id: 'fin', label: { sv: 'F', en: 'F' }, kind: 'interval', range: { min: 0, max: 100, step: 0.01 }, direction: 'lower_is_better' }],
      measures: { before: ['fin'], after: ['fin'] },
      primaryMeasure: 'fin',
    });
    const xs = [12.34, 56.78, 90.01];
    const d = computed(beforeOf(fine, xs));
    // 0–100 in steps of 0.01 is 10 001 grid points > 1001.
    expect(d.quantiles).toEqual({ computed: false, n: 3, reason: 'fine_scale', params: { n: 3, bins: 10001 } });
    expect(d.histogram).toEqual([]);
    expect(d.mean).toBeCloseTo(mean(xs), 9);
    expect(d.sd).toBeCloseTo(sampleStandardDeviation(xs), 9);
  });
});

describe('tabulate: during-measures against the plan’s cadence', () => {
  it('tests per client tested, and the planned number per week (Björkebo: urine 1, breath 14)', async () => {
    const { bjorkeboPlan } = await import('../../examples/bjorkebo-fcra/plan.js');
    const { bjorkeboCohort } = await import('../../examples/bjorkebo-fcra/cohort.js');
    const plan = parsePlan(bjorkeboPlan);
    const records = bjorkeboCohort(plan);
    const [urine, breath] = tabulate(compile(plan, records)).total.during;
    expect([urine!.perWeek, breath!.perWeek]).toEqual([1, 14]);
    // Counted directly from the records: breath tests in week 1 (days 0–6 after the before-date) and who took them.
    const week1 = records.flatMap((r) =>
      (r.during ?? []).filter((e) => {
        if (e.kind !== 'measure' || e.measure !== 'utandningsprov' || !r.before) return false;
        const days = (Date.parse(e.date) - Date.parse(r.before.date)) / 86_400_000;
        return days >= 0 && days < 7;
      }).map(() => r.clientId),
    );
    const w = breath!.weeks[0]!;
    expect(w.tests).toBe(week1.length);
    expect(w.clients).toBe(new Set(week1).size);
    expect(w.perClient).toBeCloseTo(week1.length / new Set(week1).size, 12);
    for (const week of urine!.weeks) expect(week.perClient).toBe(week.clients === 0 ? null : week.tests / week.clients);
  });
});
