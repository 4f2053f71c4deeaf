// fisherExact2x2 (src/stats/fisher.ts) against R fisher.test: published examples and the
// random 2×2 cases of tests/stats/fixtures/fisher.json (written by group-tests.R).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fisherExact2x2, type FisherResult, type Table2x2 } from '../../src/stats/index.js';
import { UppfoljningError } from '../../src/core/error.js';
import { expectRel, ok, rCases, rOptionCases } from './r-cases.js';

describe('fisherExact2x2', () => {
  it("Fisher's tea tasting (R ?fisher.test): p = 0.4857, conditional MLE OR = 6.408", () => {
    const r = ok<FisherResult>(fisherExact2x2([[3, 1], [1, 3]]));
    expect(r.pValue).toBeCloseTo(0.4857143, 7); // = 34/70: tables with a = 0, 1, 3, 4 (1 + 16 + 16 + 1)/70
    expect(r.estimate!).toBeCloseTo(6.408309, 3);
    expect(r).toMatchObject({ statisticName: 'a', statistic: 3, estimateName: 'odds ratio', alternative: 'two-sided' });
  });
  it("Fisher's tea tasting one-sided (R ?fisher.test, alternative = \"greater\"): p = 0.2429, interval [0.3136, Inf)", () => {
    const r = ok<FisherResult>(fisherExact2x2([[3, 1], [1, 3]], { alternative: 'greater' }));
    expect(r.pValue).toBeCloseTo(0.2428571, 7); // = 17/70: tables with a = 3, 4
    expect(r.interval.lower).toBeCloseTo(0.3135693, 4);
    expect(r.interval.upper).toBe(Infinity);
    const less = ok<FisherResult>(fisherExact2x2([[3, 1], [1, 3]], { alternative: 'less' }));
    expect(less.pValue).toBeCloseTo(69 / 70, 12); // a = 0 … 3
    expect(less.interval.lower).toBe(0);
  });
  it('Convictions of like-sex twins (Fisher 1962, R ?fisher.test): p = 0.0005367, OR = 0.04694', () => {
    const r = ok<FisherResult>(fisherExact2x2([[2, 15], [10, 3]]));
    expect(r.pValue).toBeCloseTo(0.0005367241, 10);
    expect(r.estimate!).toBeCloseTo(0.04693661, 5);
    // R finds the interval with uniroot at its default tolerance, so it agrees to about 3 digits.
    expect(Math.abs(r.interval.lower / 0.003325764 - 1)).toBeLessThan(5e-3);
    expect(Math.abs(r.interval.upper / 0.3631823 - 1)).toBeLessThan(5e-3);
    // R's ?fisher.test: fisher.test(Convictions, alternative = "less") gives p = 0.0004651809, [0, 0.2849601].
    const less = ok<FisherResult>(fisherExact2x2([[2, 15], [10, 3]], { alternative: 'less' }));
    expect(less.pValue).toBeCloseTo(0.0004651809434, 12);
    expect(Math.abs(less.interval.upper / 0.2849601 - 1)).toBeLessThan(5e-3);
  });
  it('agrees with R fisher.test on random 2×2 tables (p to 1e-9; OR and interval to R uniroot tolerance)', () => {
    const cases = rCases('fisher');
    expect(cases.length).toBeGreaterThan(25);
    for (const c of cases) {
      const r = ok<FisherResult>(fisherExact2x2(c.table as Table2x2));
      expect(r.pValue).toBeCloseTo(c.p as number, 9);
      const or = c.or as number;
      if (or === 0 || or === Infinity) expect(r.estimate).toBe(or);
      else expect(Math.abs(r.estimate! / or - 1)).toBeLessThan(1e-3);
      const [lo, hi] = c.ci as [number, number];
      if (lo === 0) expect(r.interval.lower).toBe(0);
      else expect(Math.abs(r.interval.lower / lo - 1)).toBeLessThan(2e-2);
      if (hi === Infinity) expect(r.interval.upper).toBe(Infinity);
      else expect(Math.abs(r.interval.upper / hi - 1)).toBeLessThan(2e-2);
    }
  });
  it('agrees with R fisher.test(alternative =, conf.level =) on random tables: p to 1e-9, estimate and interval to 1e-9 of R solved tightly', () => {
    const cases = rOptionCases('fisher');
    expect(cases.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const c of cases) {
      const alternative = c.alternative as 'two-sided' | 'greater' | 'less';
      seen.add(alternative);
      const what = `${JSON.stringify(c.table)} ${alternative} ${c.conf as number}`;
      const r = ok<FisherResult>(fisherExact2x2(c.table as Table2x2, { alternative, confidence: c.conf as number }));
      expectRel(r.pValue, c.p as number, 1e-9, `${what} p`);
      expect(r.alternative).toBe(alternative);
      expect(r.interval.confidence).toBe(c.conf);
      if (c.tightEstimate === null) {
        // A zero margin: R says 0, the estimate is not identified here (documented).
        expect(r.estimate).toBeUndefined();
        expect([r.interval.lower, r.interval.upper]).toEqual([0, Infinity]);
        continue;
      }
      expectRel(r.estimate!, c.tightEstimate as number, 1e-9, `${what} estimate`);
      const [lo, hi] = c.tightCi as [number, number];
      expectRel(r.interval.lower, lo, 1e-9, `${what} lower`);
      expectRel(r.interval.upper, hi, 1e-9, `${what} upper`);
      // R's own fisher.test, at its uniroot tolerance (absolute, about 1e-4, on ψ or 1/ψ in (0, 1)).
      const near = (x: number, y: number) => (y <= 1 ? Math.abs(x - y) : Math.abs(1 / x - 1 / y));
      const [rlo, rhi] = c.ci as [number, number];
      if (rlo > 0) expect(near(r.interval.lower, rlo)).toBeLessThan(1e-3);
      if (Number.isFinite(rhi)) expect(near(r.interval.upper, rhi)).toBeLessThan(1e-3);
    }
    expect([...seen].sort()).toEqual(['greater', 'less', 'two-sided']);
  });
  it('one-sided p-values: greater + less = 1 + P(A = a); swapping the rows swaps greater and less', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20), fc.nat(20)), ([a, b, c, d]) => {
        const t: Table2x2 = [[a, b], [c, d]];
        const g = fisherExact2x2(t, { alternative: 'greater' });
        const l = fisherExact2x2(t, { alternative: 'less' });
        if (!g.computed || !l.computed) return;
        // P(A = a) under the null hypothesis, from the hypergeometric directly.
        const choose = (n: number, k: number) => {
          let v = 1;
          for (let i = 1; i <= k; i++) v = (v * (n - k + i)) / i;
          return v;
        };
        const pointMass = (choose(a + b, a) * choose(c + d, c)) / choose(a + b + c + d, a + c);
        expect(g.pValue + l.pValue).toBeCloseTo(1 + pointMass, 10);
        const sg = fisherExact2x2([[c, d], [a, b]], { alternative: 'greater' });
        const sl = fisherExact2x2([[c, d], [a, b]], { alternative: 'less' });
        if (!sg.computed || !sl.computed) return;
        expect(sg.pValue).toBeCloseTo(l.pValue, 10);
        expect(sl.pValue).toBeCloseTo(g.pValue, 10);
        // The one-sided intervals: each contains the estimate and the other's open side.
        if (g.estimate !== undefined) {
          expect(g.interval.lower).toBeLessThanOrEqual(g.estimate);
          expect(l.interval.upper).toBeGreaterThanOrEqual(l.estimate!);
        }
      }),
    );
  });
  it('a table of a million people costs as little as a small one: only support points that carry probability are visited', () => {
    // 500,001 values of a are possible with these margins; the mass lies within a few thousand of them.
    const r = ok<FisherResult>(fisherExact2x2([[250_300, 249_700], [249_700, 250_300]]));
    const small = ok<FisherResult>(fisherExact2x2([[2503, 2497], [2497, 2503]]));
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.estimate!).toBeGreaterThan(1);
    expect(r.interval.lower).toBeLessThan(r.estimate!);
    expect(r.interval.upper).toBeGreaterThan(r.estimate!);
    // Against the normal approximation of the log odds ratio (Woolf), which is very good at this size.
    const logOr = Math.log((250_300 * 250_300) / (249_700 * 249_700));
    const se = Math.sqrt(2 / 250_300 + 2 / 249_700);
    expect(Math.log(r.interval.lower)).toBeCloseTo(logOr - 1.959964 * se, 4);
    expect(Math.log(r.interval.upper)).toBeCloseTo(logOr + 1.959964 * se, 4);
    expect(small.pValue).toBeGreaterThan(0.9);
  });
  it('swapping the rows gives the same p and the reciprocal odds ratio', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(15), fc.nat(15), fc.nat(15), fc.nat(15)), ([a, b, c, d]) => {
        const t: Table2x2 = [[a, b], [c, d]];
        const copy = structuredClone(t);
        const r = fisherExact2x2(t);
        expect(t).toEqual(copy);
        const s = fisherExact2x2([[c, d], [a, b]]);
        if (!r.computed || !s.computed) return;
        expect(r.pValue).toBeCloseTo(s.pValue, 10);
        expect(r.pValue).toBeGreaterThan(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        if (r.estimate !== undefined && r.estimate > 0 && Number.isFinite(r.estimate)) {
          expect(r.estimate * s.estimate!).toBeCloseTo(1, 6);
        }
        if (r.estimate !== undefined) {
          expect(r.interval.lower).toBeLessThanOrEqual(r.estimate);
          expect(r.interval.upper).toBeGreaterThanOrEqual(r.estimate);
        }
      }),
    );
  });
  it('rejects a table that is not 2×2 or has bad counts, naming the cell', () => {
    expect(() => fisherExact2x2([[1, 2, 3]] as unknown as Table2x2)).toThrow(/table_shape/);
    try {
      fisherExact2x2([[1, -2], [3, 0.5]]);
      expect.unreachable();
    } catch (e) {
      expect((e as UppfoljningError).issues.map((i) => [i.path, i.rule])).toEqual([
        [['table', 0, 1], 'min'],
        [['table', 1, 1], 'integer'],
      ]);
    }
    expect(fisherExact2x2([[0, 0], [0, 0]])).toMatchObject({ computed: false, reason: 'too_few' });
  });
});
