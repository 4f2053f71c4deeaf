// kendallTauB (src/stats/kendall.ts) against R's cor.test(x, y, method = "kendall", exact = FALSE)
// on tables written out to one (row, column) pair per person: the cases of
// tests/stats/fixtures/kendall.json, written by tests/stats/fixtures/kendall.R (named tables with
// heavy ties, 2 × 4, 5 × 4, an empty row, a strong trend, no trend, n = 30 001; 30 random ones).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandCounts, kendallTauB, mannWhitneyU, UppfoljningError, toDotPath, type KendallTauBResult, type MannWhitneyResult } from '../../src/index.js';
import { expectRel, ok, rCases } from './r-cases.js';

const cases = rCases('kendall');

describe('kendallTauB', () => {
  it('agrees with R cor.test(method = "kendall", exact = FALSE): tau, z and p to 1e-12 relative', () => {
    expect(cases.length).toBeGreaterThanOrEqual(38);
    for (const name of ['heavy_ties', 'two_by_four', 'five_by_four', 'empty_row', 'strong_trend', 'no_trend', 'large_weak']) {
      expect(cases.some((c) => c.name === name), name).toBe(true);
    }
    for (const c of cases) {
      const table = c.table as number[][];
      const r = ok<KendallTauBResult>(kendallTauB(table));
      const what = `${String(c.name)} ${JSON.stringify(table)}`;
      expect(r.n, what).toBe(c.n);
      expectRel(r.tau, c.tau as number, 1e-12, `${what} tau`);
      expectRel(r.statistic, c.z as number, 1e-12, `${what} z`);
      expectRel(r.pValue, c.p as number, 1e-12, `${what} p`);
      expect(r.estimate).toBe(r.tau);
    }
  });

  it('by hand: a 2 × 2 table', () => {
    // Rows x = 1, 2; columns y = 1, 2; counts [[2, 1], [1, 2]], n = 6.
    // Concordant pairs: the 2 people at (1, 1) with the 2 at (2, 2): 2 · 2 = 4.
    // Discordant: the 1 at (1, 2) with the 1 at (2, 1): 1 · 1 = 1. S = 4 − 1 = 3.
    // T0 = 6·5/2 = 15; rows tie 3 and 3: T1 = (3·2 + 3·2)/2 = 6; columns likewise T2 = 6.
    // τ_b = 3 / √((15 − 6)(15 − 6)) = 3/9 = 1/3.
    // v0 = 6·5·17 = 510; vt = vu = 2 · 3·2·11 = 132; v1 = 12 · 12 = 144; v2 = 12 · 12 = 144
    //   (3·2·1 = 6 per tie, two per variable);
    // var S = (510 − 264)/18 + 144/(2·6·5) + 144/(9·6·5·4) = 13.666… + 2.4 + 0.1333… = 16.2.
    const r = ok<KendallTauBResult>(
      kendallTauB([
        [2, 1],
        [1, 2],
      ]),
    );
    expect([r.s, r.t0, r.t1, r.t2]).toEqual([3, 15, 6, 6]);
    expect(r.tau).toBeCloseTo(1 / 3, 14);
    expect(r.varS).toBeCloseTo(16.2, 12);
    expect(r.statistic).toBeCloseTo(3 / Math.sqrt(16.2), 14);
    expect(r.notes.map((n) => n.code)).toEqual(['ties_corrected_pairs', 'normal_approximation']);
    expect(r.notes[0]!.params).toEqual({ groups: 4 });
  });

  it('not computed: fewer than 3 people, or everyone in one row or one column', () => {
    expect(kendallTauB([[1, 0], [0, 1]])).toEqual({ computed: false, n: 2, reason: 'too_few', params: { n: 2, minimum: 3 } });
    expect(kendallTauB([[1, 2, 3], [0, 0, 0]])).toMatchObject({ computed: false, n: 6, reason: 'no_variation' });
    expect(kendallTauB([[0, 4, 0], [0, 2, 0]])).toMatchObject({ computed: false, n: 6, reason: 'no_variation' });
    expect(kendallTauB([[5]])).toMatchObject({ computed: false, reason: 'no_variation' });
  });

  it('a million people in a 6 × 4 table, from the counts alone', () => {
    const big = [
      [60_000, 50_000, 40_000, 30_000],
      [45_000, 45_000, 40_000, 40_000],
      [40_000, 42_000, 43_000, 45_000],
      [40_000, 40_000, 45_000, 45_000],
      [30_000, 40_000, 50_000, 55_000],
      [25_000, 30_000, 50_000, 65_000],
    ];
    const r = ok<KendallTauBResult>(kendallTauB(big));
    expect(r.n).toBe(1_035_000);
    expect(Number.isInteger(r.s)).toBe(true);
    expect(r.tau).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1e-12);
  });

  it('bad input: the path and the rule, as the other tests of a table', () => {
    const mistake = (table: unknown): { path: string; rule: string }[] => {
      try {
        kendallTauB(table as number[][]);
      } catch (e) {
        expect(e).toBeInstanceOf(UppfoljningError);
        return (e as UppfoljningError).issues.map((i) => ({ path: toDotPath(i.path), rule: i.rule }));
      }
      throw new Error('did not throw');
    };
    expect(mistake([[1, -1], [2, 3]])).toEqual([{ path: 'table[0][1]', rule: 'min' }]);
    expect(mistake([[1, 1.5], [2, 3]])).toEqual([{ path: 'table[0][1]', rule: 'integer' }]);
    expect(mistake([[1, 2], [Infinity, 3]])).toEqual([{ path: 'table[1][0]', rule: 'finite' }]);
    expect(mistake([[1, 2], [Number.NaN, 3]])).toEqual([{ path: 'table[1][0]', rule: 'finite' }]);
    expect(mistake([[1, 2], [3]])).toEqual([{ path: 'table', rule: 'table_shape' }]);
    expect(mistake([])).toEqual([{ path: 'table', rule: 'table_shape' }]);
    expect(mistake(undefined)).toEqual([{ path: 'table', rule: 'required' }]);
    expect(() => kendallTauB([[1, 2], [3, 4]], { exact: 'yes' as never })).toThrow(UppfoljningError);
    expect(() => kendallTauB([[1, 2], [3, 4]], null as never)).toThrow(UppfoljningError);
    expect(mistake('[[1, 2], [3, 4]]')).toEqual([{ path: 'table', rule: 'type' }]);
  });
});

/** S of one assignment: person k in row rowOf[k] with column colOf[k]; concordant minus discordant pairs. */
function sOf(rowOf: readonly number[], colOf: readonly number[]): number {
  let s = 0;
  for (let a = 0; a < rowOf.length; a++) for (let b = a + 1; b < rowOf.length; b++) s += Math.sign(rowOf[b]! - rowOf[a]!) * Math.sign(colOf[b]! - colOf[a]!);
  return s;
}

/** The exact two-sided p by brute force: every permutation of the column values over the people (n! of them). */
function bruteForceP(table: readonly (readonly number[])[]): number {
  const rowOf = table.flatMap((r, i) => r.flatMap((c) => new Array<number>(c).fill(i)));
  const colOf = table.flatMap((r) => r.flatMap((c, j) => new Array<number>(c).fill(j)));
  const observed = Math.abs(sOf(rowOf, colOf));
  let atLeast = 0;
  let all = 0;
  const perm = [...colOf];
  const visit = (k: number): void => {
    if (k === perm.length) {
      all++;
      if (Math.abs(sOf(rowOf, perm)) >= observed) atLeast++;
      return;
    }
    for (let m = k; m < perm.length; m++) {
      [perm[k], perm[m]] = [perm[m]!, perm[k]!];
      visit(k + 1);
      [perm[k], perm[m]] = [perm[m]!, perm[k]!];
    }
  };
  visit(0);
  return atLeast / all;
}

describe('kendallTauB: the exact permutation p (option exact)', () => {
  it('equals brute-force enumeration of every assignment of the column values (n ≤ 8)', async () => {
    const tables = [
      [[2, 1, 0], [0, 1, 2]],
      [[1, 1, 0, 0], [0, 1, 1, 0], [0, 0, 1, 1]],
      [[2, 0, 1], [1, 1, 1], [0, 1, 1]],
      [[3, 1], [1, 3]],
      [[1, 0, 1, 1], [0, 2, 0, 1]],
    ];
    for (const t of tables) {
      const r = ok<KendallTauBResult>(kendallTauB(t, { exact: true }));
      expect(r.method).toBe('kendall-tau-b-exact');
      expect(r.pValue, JSON.stringify(t)).toBeCloseTo(bruteForceP(t), 12);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });

  it('for two rows equals the exact Mann–Whitney p conditional on the ties (itself checked against exactRankTests)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }), (a, b) => {
        const x = expandCounts(a, { min: 1 });
        const y = expandCounts(b, { min: 1 });
        const k = kendallTauB([a, b], { exact: true });
        if (!k.computed || x.length + y.length >= 50) return;
        const w = ok<MannWhitneyResult>(mannWhitneyU(x, y, { exact: true }));
        expect(k.pValue).toBeCloseTo(w.pValue, 12);
      }),
      { seed: 1970, numRuns: 100 },
    );
  });

  it("'auto': exact for small tables, where the normal p is not conservative; normal for large n; τ_b, z and the normal p unchanged", () => {
    // 4 + 4 clients: the exact p is 4/70 = 0.057, the normal 0.025.
    const small = ok<KendallTauBResult>(kendallTauB([[3, 1, 0, 0], [0, 1, 2, 1]], { exact: 'auto' }));
    const normal = ok<KendallTauBResult>(kendallTauB([[3, 1, 0, 0], [0, 1, 2, 1]]));
    expect([small.method, normal.method]).toEqual(['kendall-tau-b-exact', 'kendall-tau-b']);
    expect(small.pValue).toBeCloseTo(4 / 70, 12);
    expect(normal.pValue).toBeCloseTo(0.0247, 4);
    expect(small.normalPValue).toBe(normal.pValue);
    expect([small.tau, small.statistic, small.s]).toEqual([normal.tau, normal.statistic, normal.s]);
    expect(small.notes.map((n) => n.code)).toEqual(['ties_corrected_pairs', 'exact_distribution']);
    const large = ok<KendallTauBResult>(kendallTauB([[40, 30, 20, 10], [10, 20, 30, 41]], { exact: 'auto' }));
    expect(large.method).toBe('kendall-tau-b');
  });
});

describe('kendallTauB: properties (seeded)', () => {
  const table = fc
    .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 5 }))
    .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
  const computed = (t: number[][]) => {
    const r = kendallTauB(t);
    return r.computed ? r : undefined;
  };
  const transpose = (t: readonly (readonly number[])[]) => t[0]!.map((_, j) => t.map((row) => row[j]!));

  it('τ_b in [−1, 1], p in [0, 1], and the input not mutated', () => {
    fc.assert(
      fc.property(table, (t) => {
        const copy = structuredClone(t);
        const r = computed(t);
        expect(t).toEqual(copy);
        if (r === undefined) return;
        expect(Math.abs(r.tau)).toBeLessThanOrEqual(1 + 1e-15);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
      }),
      { seed: 1970, numRuns: 300 },
    );
  });

  it('reversing the rows flips the sign of τ_b and S and keeps p', () => {
    fc.assert(
      fc.property(table, (t) => {
        const r = computed(t);
        const flipped = computed([...t].reverse());
        expect(flipped === undefined).toBe(r === undefined);
        if (r === undefined || flipped === undefined) return;
        expect(flipped.s).toBe(-r.s);
        expect(flipped.tau).toBeCloseTo(-r.tau, 14);
        expect(flipped.varS).toBeCloseTo(r.varS, 10);
        expect(flipped.pValue).toBeCloseTo(r.pValue, 14);
      }),
      { seed: 1970, numRuns: 300 },
    );
  });

  it('transposing the table keeps τ_b, S and p', () => {
    fc.assert(
      fc.property(table, (t) => {
        const r = computed(t);
        const swapped = computed(transpose(t));
        if (r === undefined || swapped === undefined) {
          expect(swapped === undefined).toBe(r === undefined);
          return;
        }
        expect(swapped.s).toBe(r.s);
        expect(swapped.tau).toBeCloseTo(r.tau, 14);
        expect(swapped.pValue).toBeCloseTo(r.pValue, 12);
      }),
      { seed: 1970, numRuns: 300 },
    );
  });

  it('scaling every count by a whole number keeps τ_b (S grows by its square)', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 1000 }), (t, k) => {
        const r = computed(t);
        if (r === undefined) return;
        const scaled = ok<KendallTauBResult>(kendallTauB(t.map((row) => row.map((v) => v * k))));
        expect(scaled.s).toBe(r.s * k * k);
        expect(scaled.tau).toBeCloseTo(r.tau, 12);
      }),
      { seed: 1970, numRuns: 300 },
    );
  });
});
