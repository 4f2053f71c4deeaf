// mannWhitneyU (src/stats/mann-whitney.ts) against R wilcox.test and exactRankTests: published
// examples, the random cases of tests/stats/fixtures/mann-whitney.json (written by group-tests.R)
// and the airquality example of ?wilcox.test (published.json, written by published.R).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mannWhitneyU, type MannWhitneyResult } from '../../src/stats/index.js';
import { expectRel, ok, published, rCases, rOptionCases } from './r-cases.js';

describe('mannWhitneyU', () => {
  it('Hollander & Wolfe (1973) p. 69 permeability (R ?wilcox.test): W = 35, p = 0.2544', () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = ok<MannWhitneyResult>(mannWhitneyU(x, y));
    expect(r.statistic).toBe(35);
    expect(r.method).toBe('mann-whitney-exact');
    expect(r.pValue).toBeCloseTo(0.2544, 4);
    // Swapping the groups: W' = n1·n2 − W = 15, same p.
    const s = ok<MannWhitneyResult>(mannWhitneyU(y, x));
    expect(s.statistic).toBe(15);
    expect(s.pValue).toBeCloseTo(r.pValue, 12);
  });
  // Hand-computed: x = 1..4 all below y = 5..8: W = 0, the single most extreme
  // of C(8, 4) = 70 arrangements, two-sided p = 2/70.
  it('complete separation of 4 and 4 gives 2/70', () => {
    expect(ok<MannWhitneyResult>(mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8])).pValue).toBeCloseTo(2 / 70, 14);
  });
  it('agrees with R (normal with correction; exact conditional) on 40 random cases', () => {
    for (const c of rCases('mann-whitney')) {
      const x = c.x as number[];
      const y = c.y as number[];
      const a = ok<MannWhitneyResult>(mannWhitneyU(x, y, { exact: false }));
      expect(a.statistic).toBeCloseTo(c.W as number, 9);
      expect(a.pValue).toBeCloseTo(c.normal as number, 9);
      const e = ok<MannWhitneyResult>(mannWhitneyU(x, y, { exact: true }));
      expect(e.pValue).toBeCloseTo(c.exact as number, 9);
    }
  });
  it("R's ?wilcox.test permeability example one-sided: wilcox.test(x, y, alternative = \"greater\") prints W = 35, p-value = 0.1272", () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = ok<MannWhitneyResult>(mannWhitneyU(x, y, { alternative: 'greater' }));
    expect(r).toMatchObject({ statisticName: 'W', statistic: 35, alternative: 'greater' });
    expect(r.pValue).toBeCloseTo(0.1272061, 7); // = 382/3003 (of the C(15, 5) = 3003 arrangements, those with W ≥ 35)
  });
  it('agrees with R wilcox.test(alternative =, exact =, correct =) and wilcox.exact on random samples to 1e-9', () => {
    const cases = rOptionCases('mw');
    expect(cases.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const c of cases) {
      const alternative = c.alternative as 'two-sided' | 'greater' | 'less';
      const exact = c.exact as boolean;
      const correct = c.correct as boolean;
      seen.add(`${alternative} ${String(exact)} ${String(correct)}`);
      const r = ok<MannWhitneyResult>(mannWhitneyU(c.x as number[], c.y as number[], { alternative, exact, correct }));
      const what = `${JSON.stringify(c.x)} ${JSON.stringify(c.y)} ${alternative} exact=${String(exact)} correct=${String(correct)}`;
      expect(r.method).toBe(exact ? 'mann-whitney-exact' : 'mann-whitney-normal');
      expectRel(r.statistic, c.W as number, 1e-12, `${what} W`);
      expectRel(r.pValue, c.p as number, 1e-9, `${what} p`);
    }
    // Every alternative, with and without correction in the normal form, and exact.
    expect(seen.size).toBe(9);
  });
  it('greater + less = 1 + P(W = w) (exact), = 1 without correction (normal); swapping the groups swaps them', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(sample, sample, fc.boolean(), (x, y, exact) => {
        const opts = exact ? { exact: true } : { exact: false, correct: false };
        const g = mannWhitneyU(x, y, { ...opts, alternative: 'greater' });
        const l = mannWhitneyU(x, y, { ...opts, alternative: 'less' });
        if (!g.computed || !l.computed) return;
        if (exact) {
          // P(W = w) is at most the smaller tail and positive.
          expect(g.pValue + l.pValue).toBeGreaterThan(1);
          expect(g.pValue + l.pValue - 1).toBeLessThanOrEqual(Math.min(g.pValue, l.pValue) + 1e-12);
        } else expect(g.pValue + l.pValue).toBeCloseTo(1, 12);
        const sg = mannWhitneyU(y, x, { ...opts, alternative: 'greater' }) as MannWhitneyResult;
        expect(sg.pValue).toBeCloseTo(l.pValue, 12);
      }),
    );
  });
  it('computes for any group sizes (the policy is analyse\'s), no variation, bad input', () => {
    // One value each: W = 0 or 1, each arrangement of 2 has probability 1/2.
    expect(ok<MannWhitneyResult>(mannWhitneyU([1], [2], { alternative: 'less' })).pValue).toBeCloseTo(0.5, 14);
    expect(ok<MannWhitneyResult>(mannWhitneyU([1, 2], [3, 4, 5, 6])).pValue).toBeCloseTo(2 / 15, 14);
    expect(mannWhitneyU([], [3, 4])).toMatchObject({ computed: false, reason: 'too_few', params: { minimum: 1 } });
    expect(mannWhitneyU([2, 2, 2, 2], [2, 2, 2, 2])).toMatchObject({ computed: false, reason: 'no_variation' });
    expect(() => mannWhitneyU([1, 2, Number.NaN], [1, 2, 3])).toThrow(/x\[2\]/);
  });
  it('swapping groups keeps p; p in [0, 1]; exact and normal close at n = 49 + 49', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 25 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 25 }),
        (x, y) => {
          const a = mannWhitneyU(x, y);
          const b = mannWhitneyU(y, x);
          expect(a.computed).toBe(b.computed);
          if (a.computed && b.computed) {
            expect(a.pValue).toBeCloseTo(b.pValue, 10);
            expect(a.pValue).toBeGreaterThanOrEqual(0);
            expect(a.pValue).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 60 },
    );
    const x = Array.from({ length: 49 }, (_, i) => 2 * i);
    const y = Array.from({ length: 49 }, (_, i) => 2 * i + 9);
    const e = ok<MannWhitneyResult>(mannWhitneyU(x, y));
    const a = ok<MannWhitneyResult>(mannWhitneyU(x, y, { exact: false }));
    expect(e.method).toBe('mann-whitney-exact');
    expect(Math.abs(e.pValue - a.pValue)).toBeLessThan(0.002);
  });
  // tests/stats/fixtures/published.R writes the data (Chambers et al. 1983) and R's results.
  it('?wilcox.test Ozone, May vs August: W = 127.5, p = 0.0001208', () => {
    const c = published('airquality-mw');
    const r = ok<MannWhitneyResult>(mannWhitneyU(c.x as number[], c.y as number[], { exact: false }));
    expect(r.statistic).toBe(127.5);
    expect(r.pValue).toBeCloseTo(0.0001208, 7);
    expect(r.pValue).toBeCloseTo(c.p as number, 12);
    // The default at 26 + 26 with ties is the exact conditional test; it must agree closely.
    const e = ok<MannWhitneyResult>(mannWhitneyU(c.x as number[], c.y as number[]));
    expect(e.method).toBe('mann-whitney-exact');
    expect(Math.abs(e.pValue - r.pValue)).toBeLessThan(1e-4);
  });
});
