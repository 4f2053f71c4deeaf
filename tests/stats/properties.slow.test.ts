import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chiSquareIndependence,
  cohenDz,
  kruskalWallis,
  mannWhitneyU,
  mcnemarTest,
  pairedTTest,
  signTest,
  wilcoxonSignedRank,
  rankBiserialPaired,
} from '../../src/stats/index.js';

// Properties every test shares: input is never mutated, results are plain
// JSON without NaN, p-values lie in [0, 1], and the answer does not depend on
// how the question is labelled (which group is first, which way differences run).

const values = fc.array(fc.integer({ min: -6, max: 6 }), { maxLength: 40 });
const noNaN = (r: unknown) => {
  // NaN and ±Infinity do not survive a JSON round trip (they become null).
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
};
const pIn01 = (r: { computed: boolean; pValue?: number }) => {
  if (r.computed) {
    expect(r.pValue).toBeGreaterThanOrEqual(0);
    expect(r.pValue).toBeLessThanOrEqual(1);
  }
};

describe('purity, JSON and p in [0, 1]', () => {
  it('paired tests and effect sizes', () => {
    fc.assert(
      fc.property(values, (d) => {
        const copy = structuredClone(d);
        for (const r of [wilcoxonSignedRank(d), signTest(d), pairedTTest(d)]) {
          pIn01(r);
          noNaN(r);
        }
        noNaN(cohenDz(d));
        noNaN(rankBiserialPaired(d));
        expect(d).toEqual(copy);
      }),
      { numRuns: 80 },
    );
  });
  it('group tests', () => {
    fc.assert(
      fc.property(values, values, values, (x, y, z) => {
        const copies = structuredClone([x, y, z]);
        pIn01(mannWhitneyU(x, y));
        noNaN(mannWhitneyU(x, y));
        const groups = [x, y, z].filter((g) => g.length > 0);
        const k = kruskalWallis(groups);
        pIn01(k);
        noNaN(k);
        expect([x, y, z]).toEqual(copies);
      }),
      { numRuns: 60 },
    );
  });
  it('tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(6), { minLength: 16, maxLength: 16 }),
        (r, c, cells) => {
          const table = Array.from({ length: r }, (_, i) => cells.slice(i * c, i * c + c));
          const copy = structuredClone(table);
          // A small step limit keeps the run quick and exercises the give-up path too:
          // whether the exact test is feasible must not depend on orientation either.
          const opts = { maxSteps: 200_000 };
          const res = chiSquareIndependence(table, opts);
          expect(table).toEqual(copy);
          pIn01(res);
          noNaN(res);
          // Transposing the table or reordering rows does not change the answer.
          const t = table[0]!.map((_, j) => table.map((row) => row[j]!));
          const res2 = chiSquareIndependence(t, opts);
          const res3 = chiSquareIndependence([...table].reverse(), opts);
          expect(res2.computed).toBe(res.computed);
          if (res.computed && res2.computed && res3.computed) {
            expect(res2.pValue).toBeCloseTo(res.pValue, 9);
            expect(res3.pValue).toBeCloseTo(res.pValue, 9);
            expect(res2.method).toBe(res.method);
            expect(res3.method).toBe(res.method);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('symmetries', () => {
  it('paired t and sign test do not care which way the differences run', () => {
    fc.assert(
      fc.property(values, (d) => {
        const neg = d.map((v) => -v);
        for (const [a, b] of [
          [pairedTTest(d), pairedTTest(neg)],
          [signTest(d), signTest(neg)],
        ] as const) {
          expect(a.computed).toBe(b.computed);
          if (a.computed && b.computed) expect(a.pValue).toBeCloseTo(b.pValue, 10);
        }
      }),
    );
  });
  it('McNemar does not care which discordant cell is which', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.constantFrom<'auto' | boolean>('auto', true, false), (b, c, exact) => {
        const x = mcnemarTest(b, c, { exact });
        const y = mcnemarTest(c, b, { exact });
        expect(x.computed).toBe(y.computed);
        if (x.computed && y.computed) expect(x.pValue).toBeCloseTo(y.pValue, 12);
      }),
    );
  });
  it('Kruskal–Wallis does not care about the order of the groups or of values within them', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 5 }), (groups) => {
        const a = kruskalWallis(groups);
        const b = kruskalWallis([...groups].reverse().map((g) => [...g].reverse()));
        expect(a.computed).toBe(b.computed);
        if (a.computed && b.computed) expect(a.pValue).toBeCloseTo(b.pValue, 12);
      }),
    );
  });
  it('exact and chi-square McNemar agree at many discordant pairs', () => {
    // b + c = 400: the binomial is close to normal, the continuity-corrected χ² tracks it
    // (R: binom.test(185, 400) p = 0.14697, mcnemar.test p = 0.14706; at b = c both give 1).
    for (const b of [170, 185, 200, 215]) {
      const e = mcnemarTest(b, 400 - b, { exact: true });
      const a = mcnemarTest(b, 400 - b, { exact: false });
      if (!e.computed || !a.computed) throw new Error('not computed');
      expect(Math.abs(e.pValue - a.pValue)).toBeLessThan(0.005);
    }
  });
});
