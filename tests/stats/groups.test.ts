import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  chiSquareIndependence,
  fisherExact2x2,
  kruskalWallis,
  mannWhitneyU,
  type ChiSquareResult,
  type FisherResult,
  type KruskalWallisResult,
  type MannWhitneyResult,
  type Table2x2,
} from '../../src/stats/index.js';
import { UppfoljningError } from '../../src/core/error.js';
import { ok, of } from './groups-fixtures.js';

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
    const cases = of('fisher2x2');
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

describe('chiSquareIndependence', () => {
  it("Agresti (2007) p. 38 gender × party (R ?chisq.test): X² = 30.07, df = 2, p = 2.954e-07", () => {
    const r = ok<ChiSquareResult>(chiSquareIndependence([[762, 327, 468], [484, 239, 477]]));
    expect(r.method).toBe('chi-square-pearson');
    expect(r.statistic).toBeCloseTo(30.070149, 6);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(2.953589e-7, 12);
    expect(r.cochranOk).toBe(true);
    // Expected count, row 1 col 1: 1557 · 1246 / 2757 = 703.67…
    expect(r.expected[0]![0]).toBeCloseTo((1557 * 1246) / 2757, 10);
  });
  it('drops an empty row and says so; a table with one non-empty row is not computed', () => {
    const r = ok<ChiSquareResult>(chiSquareIndependence([[3, 1], [0, 0], [1, 3]]));
    expect(r.method).toBe('fisher-exact');
    expect(r.pValue).toBeCloseTo(0.4857143, 7); // the tea-tasting table once the empty row is gone
    expect(r.rowsDropped).toEqual([1]);
    expect(r.notes.map((n) => n.code)).toContain('empty_rows_dropped');
    expect(chiSquareIndependence([[3, 4], [0, 0]])).toMatchObject({ computed: false, reason: 'table_shape' });
  });
  it('says when the exact test is too heavy and keeps the chi-square value, flagged', () => {
    const big = [
      [1, 10, 20, 30, 40, 25],
      [0, 12, 18, 33, 37, 30],
      [1, 9, 22, 28, 40, 22],
      [2, 11, 19, 31, 37, 27],
      [0, 0, 1, 0, 1, 1],
    ];
    // A small step limit keeps the test quick; the default (10 million) gives up on this table too.
    const r = ok<ChiSquareResult>(chiSquareIndependence(big, { maxSteps: 100_000 }));
    expect(r.method).toBe('chi-square-pearson');
    expect(r.notes[1]).toEqual({ code: 'exact_infeasible', params: { limit: 100_000 } });
    expect(r.notes.map((n) => n.code)).toEqual(['expected_counts_small', 'exact_infeasible', 'chi_square_approximation']);
  });
  it('rejects ragged tables', () => {
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(UppfoljningError);
  });
});

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
    for (const c of of('mw')) {
      const x = c.x as number[];
      const y = c.y as number[];
      const a = ok<MannWhitneyResult>(mannWhitneyU(x, y, { exact: false }));
      expect(a.statistic).toBeCloseTo(c.W as number, 9);
      expect(a.pValue).toBeCloseTo(c.normal as number, 9);
      const e = ok<MannWhitneyResult>(mannWhitneyU(x, y, { exact: true }));
      expect(e.pValue).toBeCloseTo(c.exact as number, 9);
    }
  });
  it('too few, no variation, bad input', () => {
    expect(mannWhitneyU([1, 2], [3, 4, 5, 6])).toMatchObject({ computed: false, reason: 'too_few', params: { minimum: 3 } });
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6])).toMatchObject({ computed: false, reason: 'too_few', params: { minimum: 8 } });
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
});

describe('kruskalWallis', () => {
  const hw = [
    [2.9, 3.0, 2.5, 2.6, 3.2],
    [3.8, 2.7, 4.0, 2.4],
    [2.8, 3.4, 3.7, 2.2, 2.0],
  ];
  it('Hollander & Wolfe (1973) p. 116 mucociliary efficiency (R ?kruskal.test): H = 0.7714, df = 2, chi-square p = 0.68', () => {
    const r = ok<KruskalWallisResult>(kruskalWallis(hw, { exact: false }));
    expect(r.method).toBe('kruskal-wallis');
    expect(r.statistic).toBeCloseTo(0.7714, 4);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(0.68, 2);
    // By default the same data (14!/(5!·4!·5!) = 252 252 splits) get the exact p-value.
    const e = ok<KruskalWallisResult>(kruskalWallis(hw));
    expect(e.method).toBe('kruskal-wallis-exact');
    expect(e.statistic).toBe(r.statistic);
    expect(e.chiSquarePValue).toBe(r.pValue);
  });
  it('agrees with R kruskal.test (chi-square) on 30 random cases (ties corrected)', () => {
    for (const c of of('kw')) {
      const r = ok<KruskalWallisResult>(kruskalWallis(c.groups as number[][], { exact: false }));
      expect(r.statistic).toBeCloseTo(c.H as number, 9);
      expect(r.df).toBe(c.df);
      expect(r.pValue).toBeCloseTo(c.p as number, 9);
    }
  });
  // Kruskal & Wallis (1952) exact table, sizes 3, 3, 3: H = 7.2 has p = .004.
  // By hand: complete separation, rank sums 6, 15, 24, H = 12/90 · (36 + 225 + 576)/3 − 30 = 7.2,
  // reached by the 3! orderings of the groups out of 9!/(3!)³ = 1680 splits: p = 6/1680.
  it('three groups of three, completely separated: exact p = 6/1680 (Kruskal & Wallis 1952 table: .004)', () => {
    const r = ok<KruskalWallisResult>(
      kruskalWallis([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
    );
    expect(r.statistic).toBeCloseTo(7.2, 12);
    expect(r.pValue).toBeCloseTo(6 / 1680, 14);
  });
  it('the exact p-value equals brute-force enumeration of all orderings (with ties)', () => {
    // 8 values into groups of 3, 3, 2: every one of the 8! orderings of the pooled values is
    // equally likely; count those whose H is at least the observed one. Each way of splitting
    // the 8 positions into groups of 3, 3, 2 stands for 3!·3!·2! = 72 orderings with the same H,
    // so enumerating the 8!/72 = 560 splits gives the same fraction.
    const groups = [
      [1, 3, 3],
      [2, 5, 7],
      [3, 8],
    ];
    const pooled = groups.flat();
    const observed = ok<KruskalWallisResult>(kruskalWallis(groups, { exact: false })).statistic;
    const choose = (from: number[], k: number): number[][] =>
      k === 0 ? [[]] : from.flatMap((v, i) => choose(from.slice(i + 1), k - 1).map((rest) => [v, ...rest]));
    let atLeast = 0;
    let total = 0;
    const positions = pooled.map((_, i) => i);
    for (const first of choose(positions, 3)) {
      const left = positions.filter((i) => !first.includes(i));
      for (const second of choose(left, 3)) {
        const third = left.filter((i) => !second.includes(i));
        total++;
        const h = ok<KruskalWallisResult>(
          kruskalWallis([first, second, third].map((g) => g.map((i) => pooled[i]!)), { exact: false }),
        ).statistic;
        if (h >= observed - 1e-9) atLeast++;
      }
    }
    expect(total * 3 * 2 * 3 * 2 * 2).toBe(40320);
    expect(ok<KruskalWallisResult>(kruskalWallis(groups)).pValue).toBeCloseTo(atLeast / total, 12);
  });
  it('with two groups the exact p equals the exact two-sided Mann–Whitney p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 8 }),
        (x, y) => {
          const k = kruskalWallis([x, y]);
          const m = mannWhitneyU(x, y, { exact: true });
          expect(k.computed).toBe(m.computed);
          if (k.computed && m.computed) {
            expect(k.method).toBe('kruskal-wallis-exact');
            expect(k.pValue).toBeCloseTo(m.pValue, 10);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
  it('with two groups H equals the squared Mann–Whitney z without correction', () => {
    const x = [1, 3, 5, 7, 9, 2];
    const y = [4, 6, 8, 10, 12, 11, 13];
    const k = ok<KruskalWallisResult>(kruskalWallis([x, y]));
    const m = ok<MannWhitneyResult>(mannWhitneyU(x, y, { exact: false, correct: false }));
    expect(k.statistic).toBeCloseTo(m.z! ** 2, 10);
  });
  it('large groups use chi-square; forcing exact beyond the limit says so', () => {
    const big = [Array.from({ length: 20 }, (_, i) => i), Array.from({ length: 20 }, (_, i) => i + 5), Array.from({ length: 20 }, (_, i) => i + 9)];
    expect(ok<KruskalWallisResult>(kruskalWallis(big)).method).toBe('kruskal-wallis');
    const forced = ok<KruskalWallisResult>(kruskalWallis(big, { exact: true }));
    expect(forced.method).toBe('kruskal-wallis');
    expect(forced.notes.map((n) => n.code)).toContain('exact_infeasible');
  });
  it('too few groups, empty groups, no variation', () => {
    expect(kruskalWallis([[1, 2, 3]])).toMatchObject({ computed: false, reason: 'too_few' });
    expect(() => kruskalWallis([[1, 2], []])).toThrow(/groups\[1\]/);
    expect(kruskalWallis([[1, 1, 1], [1, 1, 1, 1, 1]])).toMatchObject({ computed: false, reason: 'no_variation' });
  });
});

describe('rank tests on the airquality examples of R\'s documentation', () => {
  // tests/stats/fixtures/published.R writes the data (Chambers et al. 1983) and R's results.
  const published = JSON.parse(readFileSync(new URL('./fixtures/published.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >[];
  const get = (name: string) => published.find((p) => p.name === name)!;
  it('?wilcox.test Ozone, May vs August: W = 127.5, p = 0.0001208', () => {
    const c = get('airquality-mw');
    const r = ok<MannWhitneyResult>(mannWhitneyU(c.x as number[], c.y as number[], { exact: false }));
    expect(r.statistic).toBe(127.5);
    expect(r.pValue).toBeCloseTo(0.0001208, 7);
    expect(r.pValue).toBeCloseTo(c.p as number, 12);
    // The default at 26 + 26 with ties is the exact conditional test; it must agree closely.
    const e = ok<MannWhitneyResult>(mannWhitneyU(c.x as number[], c.y as number[]));
    expect(e.method).toBe('mann-whitney-exact');
    expect(Math.abs(e.pValue - r.pValue)).toBeLessThan(1e-4);
  });
  it('?kruskal.test Ozone by month: H = 29.267, df = 4, p = 6.901e-06', () => {
    const c = get('airquality-kw');
    const r = ok<KruskalWallisResult>(kruskalWallis(c.groups as number[][]));
    expect(r.statistic).toBeCloseTo(29.267, 3);
    expect(r.df).toBe(4);
    expect(r.pValue).toBeCloseTo(6.901e-6, 9);
    expect(r.pValue).toBeCloseTo(c.p as number, 14);
  });
});
