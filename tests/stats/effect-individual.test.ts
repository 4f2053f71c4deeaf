import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { cohenDz, rankBiserialPaired, type CohenDzResult, type EffectSize, type RankBiserialResult } from '../../src/stats/effect.js';
import { noncentralTCdf } from '../../src/stats/_lib/special.js';
import {
  classifyIndividualChange,
  clinicalCutoffs,
  gasTScore,
  reliableChangeIndex,
  type GasTScore,
  type IndividualChange,
} from '../../src/stats/individual.js';
import { holm } from '../../src/stats/adjust.js';
import { expandCounts, expandHistogram, pairedDifferences } from '../../src/stats/histogram.js';
import { pairedTTest, wilcoxonSignedRank, type PairedTTestResult, type WilcoxonSignedRankResult } from '../../src/stats/paired.js';
import { UppfoljningError } from '../../src/core/error.js';
import { ok } from './r-cases.js';

const rulesOf = (f: () => unknown): [string, string][] => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UppfoljningError);
    return (e as UppfoljningError).issues.map((i) => [i.path.join('.'), i.rule]);
  }
  throw new Error('did not throw');
};

describe('cohenDz', () => {
  it('equals t / √n (Lakens 2013, eq. 6) on R sleep data: 4.0621 / √10 = 1.2845', () => {
    const d = [1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4];
    const e = ok<EffectSize<'cohen-dz'>>(cohenDz(d));
    expect(e.estimate).toBeCloseTo(4.062128 / Math.sqrt(10), 6);
    expect(e.estimate).toBeCloseTo(ok<PairedTTestResult>(pairedTTest(d)).statistic / Math.sqrt(10), 12);
  });
  // Hand-computed: d = 1, 2, 3: mean 2, sd √((1 + 0 + 1)/2) = 1, d_z = 2.
  it('1, 2, 3 gives 2', () => {
    expect(ok<EffectSize<'cohen-dz'>>(cohenDz([1, 2, 3])).estimate).toBeCloseTo(2, 14);
  });
  it('changes sign when before and after swap; not computed for one value or no spread', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 }), (d) => {
        const a = cohenDz(d);
        const b = cohenDz(d.map((v) => -v));
        expect(a.computed).toBe(b.computed);
        if (a.computed && b.computed) expect(a.estimate).toBeCloseTo(-b.estimate, 9);
      }),
    );
    expect(cohenDz([5])).toMatchObject({ computed: false, reason: 'too_few' });
    expect(cohenDz([5, 5, 5])).toMatchObject({ computed: false, reason: 'no_variation' });
    expect(rulesOf(() => cohenDz([1, Infinity]))).toEqual([['differences.1', 'finite']]);
  });
});

describe('cohenDz interval (noncentral t)', () => {
  // R 4.2.2: pt(t, df, ncp) on a grid, and d_z intervals from inverting it with
  // uniroot(tol = 1e-12) on 25 random samples: tests/stats/fixtures/effect.R.
  const rows = JSON.parse(readFileSync(new URL('./fixtures/effect.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
  it("the noncentral t CDF agrees with R's pt(t, df, ncp) to 1e-10", () => {
    const grid = rows.filter((r) => r.kind === 'pnt');
    expect(grid.length).toBe(100);
    for (const r of grid) {
      expect(noncentralTCdf(r.t as number, r.df as number, r.ncp as number)).toBeCloseTo(r.value as number, 10);
    }
  });
  it('the d_z interval agrees with R to 1e-9 and contains the estimate', () => {
    const cases = rows.filter((r) => r.kind === 'dz');
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const r = ok<CohenDzResult>(cohenDz(c.d as number[]));
      expect(r.estimate).toBeCloseTo(c.dz as number, 12);
      expect(r.lower).toBeCloseTo(c.lower as number, 9);
      expect(r.upper).toBeCloseTo(c.upper as number, 9);
      expect(r.lower).toBeLessThan(r.estimate);
      expect(r.upper).toBeGreaterThan(r.estimate);
    }
  });
  it('a very large effect still gets a finite interval (normal approximation of the noncentral t beyond δ ≈ 37.6, as R)', () => {
    const d = Array.from({ length: 60 }, (_, i) => 10 + (i % 5) * 0.5);
    const r = ok<CohenDzResult>(cohenDz(d));
    expect(Number.isFinite(r.lower) && Number.isFinite(r.upper)).toBe(true);
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
  });
});

describe('rankBiserialPaired', () => {
  // Kerby (2014): r = (favourable rank sum − unfavourable rank sum) / total rank sum.
  // Hand-computed: |d| = 1, 2, 3, 4 → ranks 1..4; positive 1 + 2 + 3 = 6, negative 4; r = (6 − 4)/10.
  it('[1, 2, 3, −4] gives 0.2', () => {
    const r = ok<RankBiserialResult>(rankBiserialPaired([1, 2, 3, -4]));
    expect(r.estimate).toBeCloseTo(0.2, 14);
    expect([r.positiveRankSum, r.negativeRankSum]).toEqual([6, 4]);
  });
  it('equals 4V / (n(n + 1)) − 1 with V from the signed-rank test (King, Rosopa & Minium 2011)', () => {
    // Hollander & Wolfe depression data, V = 40, n = 9: 4·40 / 90 − 1 = 0.7778
    const d = [0.952, -0.147, 1.022, 0.43, 0.62, 0.59, 0.49, -0.08, 0.01];
    const v = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(d)).statistic;
    expect(ok<RankBiserialResult>(rankBiserialPaired(d)).estimate).toBeCloseTo((4 * v) / 90 - 1, 14);
    expect(ok<RankBiserialResult>(rankBiserialPaired(d)).estimate).toBeCloseTo(0.7778, 4);
  });
  it('is ±1 when all differences share a sign; zeros dropped; all zero not computed', () => {
    expect(ok<RankBiserialResult>(rankBiserialPaired([1, 2, 0])).estimate).toBe(1);
    expect(ok<RankBiserialResult>(rankBiserialPaired([-1, -2])).estimate).toBe(-1);
    expect(rankBiserialPaired([0, 0])).toMatchObject({ computed: false, reason: 'too_few' });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 })), (d) => {
        const copy = structuredClone(d);
        const a = rankBiserialPaired(d);
        expect(d).toEqual(copy);
        const b = rankBiserialPaired(d.map((v) => -v));
        if (a.computed && b.computed) {
          expect(a.estimate).toBeCloseTo(-b.estimate, 12);
          expect(Math.abs(a.estimate)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('reliableChangeIndex and classification (Jacobson & Truax 1991)', () => {
  // Hand-computed: SE = 7.5·√(1 − 0.88) = 7.5·0.34641 = 2.59808; S_diff = √2·2.59808 = 3.67423;
  // RCI = (18 − 30) / 3.67423 = −3.26599; reliable change needs |Δ| > 1.96·3.67423 = 7.2015.
  it('computes SE, S_diff and RCI', () => {
    const r = reliableChangeIndex(30, 18, { sdBefore: 7.5, reliability: 0.88 });
    expect(r.se).toBeCloseTo(2.59808, 5);
    expect(r.sDiff).toBeCloseTo(3.67423, 5);
    expect(r.rci).toBeCloseTo(-3.26599, 5);
    expect(r.minimumReliableChange).toBeCloseTo(7.2015, 4);
    expect(r.reliable).toBe(true);
    // 7 points is below 7.2015: not reliable.
    expect(reliableChangeIndex(30, 23, { sdBefore: 7.5, reliability: 0.88 }).reliable).toBe(false);
  });
  it('cut-offs a, b, c', () => {
    // Lower is better: a = 30 − 2·8 = 14, b = 10 + 2·6 = 22, c = (8·10 + 6·30)/14 = 18.5714.
    expect(clinicalCutoffs({ clinical: { mean: 30, sd: 8 }, functional: { mean: 10, sd: 6 }, direction: 'lower_is_better' })).toEqual({
      a: 14,
      b: 22,
      c: 260 / 14,
      direction: 'lower_is_better',
    });
    // Higher is better: a = 50 + 2·10 = 70, b = 100 − 2·15 = 70, c = (10·100 + 15·50)/25 = 70.
    expect(clinicalCutoffs({ clinical: { mean: 50, sd: 10 }, functional: { mean: 100, sd: 15 }, direction: 'higher_is_better' })).toEqual({
      a: 70,
      b: 70,
      c: 70,
      direction: 'higher_is_better',
    });
    expect(clinicalCutoffs({ clinical: { mean: 50, sd: 10 }, direction: 'higher_is_better' })).toEqual({
      a: 70,
      b: null,
      c: null,
      direction: 'higher_is_better',
    });
    expect(
      rulesOf(() => clinicalCutoffs({ clinical: { mean: 30, sd: 8 }, functional: { mean: 40, sd: 6 }, direction: 'lower_is_better' })),
    ).toEqual([['input.functional.mean', 'direction_conflict']]);
    // The direction follows from the two means when both are given …
    expect(clinicalCutoffs({ clinical: { mean: 30, sd: 8 }, functional: { mean: 10, sd: 6 } }).direction).toBe('lower_is_better');
    // … and is required without functional norms.
    expect(rulesOf(() => clinicalCutoffs({ clinical: { mean: 30, sd: 8 } }))).toEqual([['input.direction', 'required']]);
  });
  it('classes recovered, improved, unchanged, deteriorated in both directions', () => {
    const base = { sdBefore: 7.5, reliability: 0.88, cutoff: 18.5 };
    const cls = (b: number, a: number, direction: 'lower_is_better' | 'higher_is_better', cutoff?: number) =>
      ok<IndividualChange>(classifyIndividualChange(b, a, { ...base, direction, ...(cutoff === undefined ? {} : { cutoff }) })).class;
    expect(cls(30, 12, 'lower_is_better')).toBe('recovered'); // −18 > 7.2 points better, crossed 18.5
    expect(cls(40, 20, 'lower_is_better')).toBe('improved'); // reliable but still above 18.5
    expect(cls(15, 5, 'lower_is_better')).toBe('improved'); // started on the functional side
    expect(cls(30, 25, 'lower_is_better')).toBe('unchanged'); // 5 < 7.2 points
    expect(cls(20, 30, 'lower_is_better')).toBe('deteriorated');
    expect(cls(12, 30, 'higher_is_better')).toBe('recovered');
    expect(cls(30, 12, 'higher_is_better')).toBe('deteriorated');
    expect(
      ok<IndividualChange>(classifyIndividualChange(30, 12, { sdBefore: 7.5, reliability: 0.88, direction: 'lower_is_better' })),
    ).toMatchObject({ class: 'improved', crossedCutoff: null });
    expect(classifyIndividualChange(null, 12, { ...base, direction: 'lower_is_better' })).toMatchObject({
      computed: false,
      reason: 'missing_measure',
      params: { phase: 'before' },
    });
  });
  it('rejects bad reliability and sd', () => {
    expect(rulesOf(() => reliableChangeIndex(1, 2, { sdBefore: 0, reliability: 0.8 }))).toEqual([['options.sdBefore', 'positive']]);
    expect(rulesOf(() => reliableChangeIndex(1, 2, { sdBefore: 3, reliability: 1 }))).toEqual([['options.reliability', 'open_interval']]);
    expect(rulesOf(() => reliableChangeIndex(Number.NaN, 2, { sdBefore: 3, reliability: 0.5 }))).toEqual([['before', 'finite']]);
  });
});

describe('gasTScore (Kiresuk & Sherman 1968)', () => {
  it('one goal: T = 50 + 10x, since the denominator is √(0.7 + 0.3) = 1', () => {
    for (const x of [-2, -1, 0, 1, 2]) expect(ok<GasTScore>(gasTScore([x])).estimate).toBeCloseTo(50 + 10 * x, 12);
  });
  // Hand-computed: 4 goals at +1, ρ = 0.3: 50 + 40 / √(0.7·4 + 0.3·16) = 50 + 40/√7.6 = 64.5095.
  it('four goals at +1 give 64.51; all expected outcomes give 50', () => {
    expect(ok<GasTScore>(gasTScore([1, 1, 1, 1])).estimate).toBeCloseTo(64.5095, 4);
    expect(ok<GasTScore>(gasTScore([0, 0, 0])).estimate).toBe(50);
  });
  // Hand-computed with weights 2, 1 and scores −1, +2: Σwx = 0, T = 50.
  // Weights 3, 1, scores 1, −2: Σwx = 1, Σw² = 10, (Σw)² = 16: 50 + 10/√(7 + 4.8) = 52.911.
  it('weights', () => {
    expect(ok<GasTScore>(gasTScore([-1, 2], { weights: [2, 1] })).estimate).toBe(50);
    expect(ok<GasTScore>(gasTScore([1, -2], { weights: [3, 1] })).estimate).toBeCloseTo(50 + 10 / Math.sqrt(11.8), 12);
  });
  it('not computed without goals; bad scores and weights named', () => {
    expect(gasTScore([])).toMatchObject({ computed: false, reason: 'too_few' });
    expect(rulesOf(() => gasTScore([3, 0.5, Number.NaN], { weights: [1, 1], rho: 2 }))).toEqual([
      ['scores.0', 'out_of_range'],
      ['scores.1', 'integer'],
      ['scores.2', 'finite'],
      ['options.weights', 'length_mismatch'],
      ['options.rho', 'probability'],
    ]);
  });
});

describe('holm', () => {
  // R 4.2.2 p.adjust(p, "holm") on 40 random vectors: tests/stats/fixtures/adjust.R.
  const rows = JSON.parse(readFileSync(new URL('./fixtures/adjust.json', import.meta.url), 'utf8')) as {
    p: number[];
    holm: number[];
  }[];
  it('agrees with R p.adjust', () => {
    expect(rows.length).toBe(40);
    for (const r of rows) {
      const got = holm(r.p);
      got.forEach((v, i) => expect(v).toBeCloseTo(r.holm[i]!, 14));
    }
  });
  // Holm (1979) procedure by hand: sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 → 0.06.
  it('hand example and edge cases', () => {
    expect(holm([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holm([])).toEqual([]);
    expect(holm([0.2])).toEqual([0.2]);
    expect(rulesOf(() => holm([0.1, Number.NaN, 1.2]))).toEqual([
      ['pValues.1', 'probability'],
      ['pValues.2', 'probability'],
    ]);
  });
  it('never lowers a p-value, keeps the order, stays ≤ 1', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), (p) => {
        const copy = structuredClone(p);
        const a = holm(p);
        expect(p).toEqual(copy);
        a.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(p[i]!);
          expect(v).toBeLessThanOrEqual(1);
          p.forEach((q, j) => {
            if (p[i]! < q) expect(v).toBeLessThanOrEqual(a[j]!);
          });
        });
      }),
    );
  });
});

describe('histograms and paired differences', () => {
  it('expands bins and counts', () => {
    expect(expandHistogram([{ value: -1, count: 2 }, { value: 0, count: 0 }, { value: 2, count: 1 }])).toEqual([-1, -1, 2]);
    expect(expandCounts([1, 0, 2], { min: 0.1, step: 0.1 })).toEqual([0.1, 0.3, 0.3]);
    expect(rulesOf(() => expandHistogram([{ value: 1, count: -1 }, { value: Number.NaN, count: 1.5 }]))).toEqual([
      ['bins.0.count', 'min'],
      ['bins.1.value', 'finite'],
      ['bins.1.count', 'integer'],
    ]);
  });
  it('a test on expanded counts equals the test on raw data', () => {
    const raw = [2, -1, 0, 3, 3, 1, 2, -2, 4, 1];
    const counts = [1, 1, 1, 2, 2, 2, 1]; // values −2 … 4
    const a = wilcoxonSignedRank(raw);
    const b = wilcoxonSignedRank(expandCounts(counts, { min: -2 }));
    expect(b).toEqual(a);
  });
  it('pairs after − before, leaving out and counting missing values', () => {
    expect(pairedDifferences([3, 4, null, 2], [1, 4, 2, 5])).toEqual({ differences: [-2, 0, 3], missing: 1 });
    expect(rulesOf(() => pairedDifferences([1, 2], [1]))).toEqual([['after', 'length_mismatch']]);
  });
});
