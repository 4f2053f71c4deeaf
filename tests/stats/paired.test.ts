import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  mcnemarTest,
  pairedTTest,
  signTest,
  wilcoxonSignedRank,
  type McNemarResult,
  type PairedTTestResult,
  type SignTestResult,
  type WilcoxonSignedRankResult,
} from '../../src/stats/paired.js';
import { UppfoljningError } from '../../src/core/error.js';
import { ok } from './r-cases.js';


interface Row {
  d: number[];
  V: number;
  normal_cc: number;
  normal_nc: number;
  exact_conditional: number;
  pratt_exact: number;
  pratt_asymptotic: number;
  sign: number;
  t: number;
  t_p: number;
  t_ci: [number, number];
}
// R 4.2.2 with exactRankTests 0.8-35 and coin 1.4-2 on 80 random cases,
// written by tests/stats/fixtures/paired.R (the R calls are listed there).
const rows = JSON.parse(readFileSync(new URL('./fixtures/paired.json', import.meta.url), 'utf8')) as Row[];

describe('wilcoxonSignedRank', () => {
  // Hollander & Wolfe (1973), p. 29: Hamilton depression scale factor IV
  // before (x) and after (y) tranquilizer, the example in R's ?wilcox.test.
  // R: wilcox.test(x, y, paired = TRUE) gives V = 40, p-value = 0.03906;
  // with exact = FALSE, p-value = 0.04401.
  const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
  const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
  const d = x.map((v, i) => v - y[i]!);
  it('matches Hollander & Wolfe / R ?wilcox.test (exact and normal)', () => {
    const e = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(d));
    expect(e.method).toBe('wilcoxon-signed-rank-exact');
    expect(e.statistic).toBe(40);
    expect(e.pValue).toBeCloseTo(0.0390625, 12); // 2 · 10/512: exact counts
    const a = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(d, { exact: false }));
    expect(a.pValue).toBeCloseTo(0.04401, 5);
  });

  // Hand-computed: d = 1..6 all positive, V = 21 = the maximum; under H0 each
  // of the 2^6 = 64 sign patterns is equally likely and only one reaches 21,
  // so the two-sided p = 2/64 = 0.03125.
  it('gives 2/64 when all six differences are positive', () => {
    expect(ok<WilcoxonSignedRankResult>(wilcoxonSignedRank([1, 2, 3, 4, 5, 6])).pValue).toBe(0.03125);
  });

  it('agrees with R (normal, exact conditional, Pratt) on 80 random cases', () => {
    expect(rows.length).toBeGreaterThan(60);
    for (const r of rows) {
      const cc = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(r.d, { exact: false }));
      expect(cc.statistic).toBeCloseTo(r.V, 9);
      expect(cc.pValue).toBeCloseTo(r.normal_cc, 9);
      const nc = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(r.d, { exact: false, correct: false }));
      expect(nc.pValue).toBeCloseTo(r.normal_nc, 9);
      const ex = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(r.d, { exact: true }));
      expect(ex.pValue).toBeCloseTo(r.exact_conditional, 9);
      const pe = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(r.d, { exact: true, zeroMethod: 'pratt' }));
      expect(pe.pValue).toBeCloseTo(r.pratt_exact, 9);
      const pa = ok<WilcoxonSignedRankResult>(
        wilcoxonSignedRank(r.d, { exact: false, correct: false, zeroMethod: 'pratt' }),
      );
      expect(pa.pValue).toBeCloseTo(r.pratt_asymptotic, 9);
    }
  });

  it('the exact conditional distribution equals brute-force enumeration of all 2^n sign patterns', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 6, maxLength: 11 }), (ds) => {
        const r = wilcoxonSignedRank(ds, { exact: true });
        const nz = ds.filter((v) => v !== 0);
        if (nz.length === 0) {
          expect(r.computed).toBe(false);
          return;
        }
        // Mid-ranks of |d| by counting: rank = (#smaller) + (#equal + 1) / 2.
        const abs = nz.map(Math.abs);
        const ranks = abs.map((a) => abs.filter((b) => b < a).length + (abs.filter((b) => b === a).length + 1) / 2);
        const v = nz.reduce((s, di, i) => (di > 0 ? s + ranks[i]! : s), 0);
        let le = 0;
        let ge = 0;
        const total = 2 ** nz.length;
        for (let mask = 0; mask < total; mask++) {
          let s = 0;
          for (let i = 0; i < nz.length; i++) if (mask & (1 << i)) s += ranks[i]!;
          if (s <= v + 1e-9) le++;
          if (s >= v - 1e-9) ge++;
        }
        expect(ok<WilcoxonSignedRankResult>(r).pValue).toBeCloseTo(Math.min(1, (2 * Math.min(le, ge)) / total), 12);
      }),
      { numRuns: 60 },
    );
  });

  it('exact and normal agree closely at n = 49 without ties', () => {
    const ds = Array.from({ length: 49 }, (_, i) => (i % 3 === 0 ? -(i + 1) : i + 1));
    const e = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(ds));
    const a = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(ds, { exact: false }));
    expect(e.method).toBe('wilcoxon-signed-rank-exact');
    expect(Math.abs(e.pValue - a.pValue)).toBeLessThan(0.002);
    expect(ok<WilcoxonSignedRankResult>(wilcoxonSignedRank([...ds, 50])).method).toBe('wilcoxon-signed-rank-normal');
  });

  it('says why it did not compute only when no difference is non-zero; computes for fewer than six', () => {
    expect(wilcoxonSignedRank([0, 0, 0, 0, 0, 0, 0])).toEqual({
      computed: false,
      n: 0,
      reason: 'too_few',
      params: { n: 0, minimum: 1 },
    });
    expect(wilcoxonSignedRank([])).toMatchObject({ computed: false, n: 0 });
    // Whether so few are worth testing is analyse's decision (minimums.pairs), not the test's:
    // Hand count: mid-ranks 1.5, 3, 4, 1.5, so V = 8.5; of the 16 sign patterns 3 give V ≥ 8.5
    // (no negative, or one of the two 1.5s), so the exact conditional two-sided p = 2 · 3/16.
    const r = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank([1, 2, 3, 0, 0, -1, 0]));
    expect([r.n, r.zeros, r.statistic]).toEqual([4, 3, 8.5]);
    expect(r.pValue).toBeCloseTo(6 / 16, 14);
  });

  it('reports zeros and ties in its notes', () => {
    const r = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank([0, 1, 1, 2, -3, 4, 5, 6]));
    expect(r.zeros).toBe(1);
    expect(r.notes.map((n) => n.code)).toEqual([
      'zeros_dropped',
      'exact_distribution',
      'exact_conditional_on_ties',
    ]);
    expect(r.notes[2]).toEqual({ code: 'exact_conditional_on_ties', params: { groups: 1 } });
  });

  it('rejects NaN and Infinity, naming the element', () => {
    try {
      wilcoxonSignedRank([1, Number.NaN, Infinity]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UppfoljningError);
      expect((e as UppfoljningError).issues.map((i) => [i.path, i.rule])).toEqual([
        [['differences', 1], 'finite'],
        [['differences', 2], 'finite'],
      ]);
    }
  });

  it('swapping before and after (negating) keeps p; p in [0, 1]; input not mutated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 0, maxLength: 60 }),
        fc.constantFrom<'auto' | boolean>('auto', true, false),
        fc.constantFrom<'wilcox' | 'pratt'>('wilcox', 'pratt'),
        (ds, exact, zeroMethod) => {
          const copy = structuredClone(ds);
          const a = wilcoxonSignedRank(ds, { exact, zeroMethod });
          expect(ds).toEqual(copy);
          const b = wilcoxonSignedRank(
            ds.map((v) => -v),
            { exact, zeroMethod },
          );
          expect(a.computed).toBe(b.computed);
          if (a.computed && b.computed) {
            expect(a.pValue).toBeGreaterThanOrEqual(0);
            expect(a.pValue).toBeLessThanOrEqual(1);
            expect(a.pValue).toBeCloseTo(b.pValue, 10);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('signTest', () => {
  it('agrees with R binom.test on 80 random cases', () => {
    for (const r of rows) expect(ok<SignTestResult>(signTest(r.d)).pValue).toBeCloseTo(r.sign, 10);
  });
  // Hand-computed: 6 positive, 1 negative, 1 zero dropped. P(X ≤ 1 | n = 7) =
  // (1 + 7)/128 = 1/16; two-sided 2 · 1/16 = 0.125.
  it('6 of 7 positive gives p = 0.125', () => {
    const r = ok<SignTestResult>(signTest([1, 2, 3, 4, 5, 6, -1, 0]));
    expect(r.pValue).toBeCloseTo(0.125, 12);
    expect([r.positive, r.negative, r.zeros]).toEqual([6, 1, 1]);
  });
  // Conover (1999), Practical Nonparametric Statistics, §3.4 Example 1 style
  // hand check: 10 of 10 positive: p = 2 / 1024 = 0.001953125.
  it('10 of 10 positive gives 2/1024', () => {
    expect(ok<SignTestResult>(signTest(Array(10).fill(1))).pValue).toBeCloseTo(2 / 1024, 14);
  });
  // Five of five positive: 2/2⁵ = 0.0625 (R: binom.test(5, 5)); too few only with none non-zero.
  it('computes below 6 non-zero differences and is too few only with none', () => {
    expect(ok<SignTestResult>(signTest([1, 1, 1, 1, 1, 0])).pValue).toBeCloseTo(0.0625, 15);
    expect(signTest([0, 0])).toMatchObject({ computed: false, reason: 'too_few', n: 0 });
  });
});

describe('pairedTTest', () => {
  it('matches R ?t.test sleep data (Student 1908): t = 4.0621, df = 9, p = 0.002833', () => {
    // extra for drug 2 − drug 1, patients 1–10 (Cushny & Peebles 1905, as in R's sleep data).
    const r = ok<PairedTTestResult>(pairedTTest([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]));
    expect(r.statistic).toBeCloseTo(4.0621, 4);
    expect(r.df).toBe(9);
    expect(r.pValue).toBeCloseTo(0.002833, 6);
    expect(r.interval.lower).toBeCloseTo(0.7001142, 7);
    expect(r.interval.upper).toBeCloseTo(2.4598858, 7);
  });
  it('agrees with R t.test on 80 random cases', () => {
    for (const r of rows) {
      const t = ok<PairedTTestResult>(pairedTTest(r.d));
      expect(t.statistic).toBeCloseTo(r.t, 9);
      expect(t.pValue).toBeCloseTo(r.t_p, 9);
      expect(t.interval.lower).toBeCloseTo(r.t_ci[0], 9);
      expect(t.interval.upper).toBeCloseTo(r.t_ci[1], 9);
    }
  });
  it('says no_variation for equal differences and too_few for one', () => {
    expect(pairedTTest([2, 2, 2])).toMatchObject({ computed: false, reason: 'no_variation' });
    expect(pairedTTest([0.1, 0.1, 0.1, 0.1])).toMatchObject({ computed: false, reason: 'no_variation' });
    expect(pairedTTest([1])).toMatchObject({ computed: false, reason: 'too_few', params: { minimum: 2 } });
  });
});

describe('mcnemarTest', () => {
  it("matches R ?mcnemar.test (Agresti 1990, p. 350): X² = 16.818, p = 4.115e-05", () => {
    const r = ok<McNemarResult>(mcnemarTest(150, 86));
    expect(r.method).toBe('mcnemar-chi-square');
    expect(r.statistic).toBeCloseTo(16.818, 3);
    expect(r.pValue).toBeCloseTo(4.115e-5, 8);
    // The same with the groups swapped.
    expect(ok<McNemarResult>(mcnemarTest(86, 150)).pValue).toBe(r.pValue);
  });
  // Hand-computed exact: b = 1, c = 9, n = 10: P(X ≤ 1) = 11/1024; two-sided 22/1024.
  it('uses the exact binomial with few discordant pairs: 1 vs 9 gives 22/1024', () => {
    const r = ok<McNemarResult>(mcnemarTest(1, 9));
    expect(r.method).toBe('mcnemar-exact');
    expect(r.pValue).toBeCloseTo(22 / 1024, 14);
  });
  // R: mcnemar.test(matrix(c(10, 5, 15, 20), 2)) => McNemar's chi-squared = 4.05, p-value = 0.04417
  // ((|15 − 5| − 1)² / 20 = 81/20 = 4.05).
  it('forced chi-square: 15 vs 5 gives 4.05 as R', () => {
    const r = ok<McNemarResult>(mcnemarTest(15, 5, { exact: false }));
    expect(r.statistic).toBeCloseTo(4.05, 12);
    expect(r.pValue).toBeCloseTo(0.04417134, 7);
  });
  it('leaves the correction out when b = c, as R: statistic 0, p = 1', () => {
    // R: mcnemar.test(matrix(c(0, 20, 20, 0), 2)) gives McNemar's chi-squared = 0, p-value = 1.
    const r = ok<McNemarResult>(mcnemarTest(20, 20, { exact: false }));
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
    expect(r.notes.map((n) => n.code)).toEqual(['chi_square_approximation']);
  });
  // Issue 13: R gives p = 0.625 for mcnemar's exact form on [[29, 3], [1, 26]], binom.test(3, 4).
  it('rejects negative and fractional counts; computes for few discordant pairs, too few only with none', () => {
    expect(() => mcnemarTest(-1, 3)).toThrow(UppfoljningError);
    expect(() => mcnemarTest(1.5, 3)).toThrow(/b: /);
    expect(ok<McNemarResult>(mcnemarTest(3, 1)).pValue).toBeCloseTo(0.625, 15);
    expect(mcnemarTest(0, 0)).toMatchObject({ computed: false, reason: 'too_few', n: 0 });
  });
});

describe('wilcoxonSignedRank on further published examples', () => {
  // tests/stats/fixtures/published.R writes the data and R's results.
  const published = JSON.parse(readFileSync(new URL('./fixtures/published.json', import.meta.url), 'utf8')) as {
    name: string;
    d?: number[];
    V?: number;
    normal?: number;
    exact?: number;
  }[];
  const get = (name: string) => published.find((p) => p.name === name)!;
  it("Wikipedia's signed-rank example: W = 9 over n_r = 9 (V = 27); exact p = 0.6328 (coin)", () => {
    const c = get('wikipedia-signed-rank');
    const e = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(c.d!));
    expect(e.n).toBe(9);
    expect(e.zeros).toBe(1);
    expect(2 * e.statistic - (9 * 10) / 2).toBe(9); // the page's signed-rank sum W
    expect(e.pValue).toBeCloseTo(c.exact!, 10);
    expect(ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(c.d!, { exact: false })).pValue).toBeCloseTo(c.normal!, 10);
  });
  it('R ?wilcox.test / ?t.test sleep data as a signed-rank test: V = 45 (0 the other way), normal p = 0.009091', () => {
    const c = get('sleep-signed-rank');
    const a = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(c.d!, { exact: false }));
    expect(a.statistic).toBe(45);
    expect(a.pValue).toBeCloseTo(0.009091, 6);
    // At n = 9 with ties the default is exact, conditional on the mid-ranks (coin's exact p).
    const e = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(c.d!));
    expect(e.method).toBe('wilcoxon-signed-rank-exact');
    expect(e.pValue).toBeCloseTo(c.exact!, 10);
  });
});
