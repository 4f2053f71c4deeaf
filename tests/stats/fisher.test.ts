// fisherExact2x2 (src/stats/fisher.ts) against R fisher.test: published examples and the
// random 2×2 cases of tests/stats/fixtures/fisher.json (written by group-tests.R).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fisherExact2x2, type FisherResult, type Table2x2 } from '../../src/stats/index.js';
import { UppfoljningError } from '../../src/core/error.js';
import { ok, rCases } from './r-cases.js';

describe('fisherExact2x2', () => {
  it("Fisher's tea tasting (R ?fisher.test): p = 0.4857, conditional MLE OR = 6.408", () => {
    const r = ok<FisherResult>(fisherExact2x2([[3, 1], [1, 3]]));
    expect(r.pValue).toBeCloseTo(0.4857143, 7); // = 34/70: tables with a = 0, 1, 3, 4 (1 + 16 + 16 + 1)/70
    expect(r.oddsRatio!).toBeCloseTo(6.408309, 3);
  });
  it('Convictions of like-sex twins (Fisher 1962, R ?fisher.test): p = 0.0005367, OR = 0.04694', () => {
    const r = ok<FisherResult>(fisherExact2x2([[2, 15], [10, 3]]));
    expect(r.pValue).toBeCloseTo(0.0005367241, 10);
    expect(r.oddsRatio!).toBeCloseTo(0.04693661, 5);
    // R finds the interval with uniroot at its default tolerance, so it agrees to about 3 digits.
    expect(Math.abs(r.lower / 0.003325764 - 1)).toBeLessThan(5e-3);
    expect(Math.abs(r.upper! / 0.3631823 - 1)).toBeLessThan(5e-3);
  });
  it('agrees with R fisher.test on random 2×2 tables (p to 1e-9; OR and interval to R uniroot tolerance)', () => {
    const cases = rCases('fisher');
    expect(cases.length).toBeGreaterThan(25);
    for (const c of cases) {
      const r = ok<FisherResult>(fisherExact2x2(c.table as Table2x2));
      expect(r.pValue).toBeCloseTo(c.p as number, 9);
      const or = c.or as number;
      if (or === 0) expect(r.oddsRatio).toBe(0);
      else if (or > 1e300) expect(r.oddsRatio).toBeNull();
      else expect(Math.abs(r.oddsRatio! / or - 1)).toBeLessThan(1e-3);
      const [lo, hi] = c.ci as [number, number];
      if (lo === 0) expect(r.lower).toBe(0);
      else expect(Math.abs(r.lower / lo - 1)).toBeLessThan(2e-2);
      if (hi > 1e300) expect(r.upper).toBeNull();
      else expect(Math.abs(r.upper! / hi - 1)).toBeLessThan(2e-2);
    }
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
        if (r.oddsRatio !== null && r.oddsRatio > 0 && s.oddsRatio !== null) {
          expect(r.oddsRatio * s.oddsRatio).toBeCloseTo(1, 6);
        }
        if (r.oddsRatio !== null && r.upper !== null) {
          expect(r.lower).toBeLessThanOrEqual(r.oddsRatio);
          expect(r.upper).toBeGreaterThanOrEqual(r.oddsRatio);
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
