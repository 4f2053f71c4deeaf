// kruskalWallis (src/stats/kruskal-wallis.ts) against R kruskal.test, the Kruskal & Wallis (1952)
// table, brute-force enumeration and the two-group Mann–Whitney test: the random cases of
// tests/stats/fixtures/kruskal-wallis.json (written by group-tests.R) and the airquality example
// of ?kruskal.test (published.json, written by published.R).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kruskalWallis, mannWhitneyU, type KruskalWallisResult, type MannWhitneyResult } from '../../src/stats/index.js';
import { expectRel, ok, published, rCases, rOptionCases } from './r-cases.js';

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
    for (const c of rCases('kruskal-wallis')) {
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
  it('reports its tie correction, and agrees with R kruskal.test (H, df, p) to 1e-9', () => {
    const cases = rOptionCases('kw');
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const r = ok<KruskalWallisResult>(kruskalWallis(c.groups as number[][], { exact: false }));
      expectRel(r.statistic, c.H as number, 1e-9, 'H');
      expect(r.df).toBe(c.df);
      expectRel(r.pValue, c.p as number, 1e-9, 'p');
      // R does not print C; group-options.R computes 1 − Σ(t³ − t)/(n³ − n) from table(values).
      expectRel(r.tieCorrection, c.tieCorrection as number, 1e-12, 'tie correction');
    }
    expect(ok<KruskalWallisResult>(kruskalWallis([[1, 2], [3, 4]])).tieCorrection).toBe(1);
  });
  it('too few groups, empty groups, no variation; any group sizes otherwise (the policy is analyse\'s)', () => {
    expect(kruskalWallis([[1, 2, 3]])).toMatchObject({ computed: false, reason: 'too_few' });
    // Two groups of one: H = 1 (R's kruskal.test(list(1, 2)) gives 1, p = 0.3173), the exact p is 1.
    const two = ok<KruskalWallisResult>(kruskalWallis([[1], [2]], { exact: false }));
    expect(two.statistic).toBeCloseTo(1, 12);
    expect(two.pValue).toBeCloseTo(0.3173105, 7);
    expect(() => kruskalWallis([[1, 2], []])).toThrow(/groups\[1\]/);
    expect(kruskalWallis([[1, 1, 1], [1, 1, 1, 1, 1]])).toMatchObject({ computed: false, reason: 'no_variation' });
  });
  // tests/stats/fixtures/published.R writes the data (Chambers et al. 1983) and R's results.
  it('?kruskal.test Ozone by month: H = 29.267, df = 4, p = 6.901e-06', () => {
    const c = published('airquality-kw');
    const r = ok<KruskalWallisResult>(kruskalWallis(c.groups as number[][]));
    expect(r.statistic).toBeCloseTo(29.267, 3);
    expect(r.df).toBe(4);
    expect(r.pValue).toBeCloseTo(6.901e-6, 9);
    expect(r.pValue).toBeCloseTo(c.p as number, 14);
  });
});
