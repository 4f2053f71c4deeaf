/**
 * The paired and one-sample tests with every option of issue 13 (alternative,
 * exact, correct, confidence), against R and published examples, and the
 * properties every alternative must have.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  binomialTest,
  mcnemarTest,
  pairedTTest,
  signTest,
  wilcoxonSignedRank,
  type BinomialTestResult,
  type McNemarResult,
  type PairedTTestResult,
  type SignTestResult,
  type WilcoxonSignedRankResult,
} from '../../src/stats/paired.js';
import { cohenDav, cohenDz, hedgesGav, type CohenDavResult, type CohenDzResult } from '../../src/stats/effect.js';
import type { Alternative } from '../../src/stats/result.js';
import { UppfoljningError } from '../../src/core/error.js';
import { toDotPath } from '../../src/core/path.js';
import { ok } from './r-cases.js';


/**
 * Agreement to 1e-9 relative (exactly equal, infinities included, always
 * agrees); below 1e-300, where doubles lose digits, 1e-300 absolute.
 */
const close = (actual: number, expected: number, what: string) => {
  if (actual === expected) return;
  expect(Math.abs(actual - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-300);
};

const toOurs = (a: string): Alternative => (a === 'two.sided' ? 'two-sided' : (a as Alternative));

interface PairedRow {
  d: number[];
  alternative: string;
  confidence: number;
  sign: number | null;
  V?: number;
  normal_cc?: number;
  normal_nc?: number;
  exact?: number | null;
  t?: number;
  t_p?: number;
  t_ci?: [number, number];
  dz?: number;
  dz_ci?: [number, number];
}
interface BinomialRow {
  x: number;
  n: number;
  p: number;
  alternative: string;
  confidence: number;
  p_value: number;
  ci: [number, number];
}
interface McNemarRow {
  b: number;
  c: number;
  alternative: string;
  chi_cc: number;
  p_cc: number;
  chi_nc: number;
  p_nc: number;
  one_cc: number;
  one_nc: number;
  exact: number;
}
interface DavRow {
  before: number[];
  after: number[];
  d_av: number;
  g_av: number;
}
// R 4.2.2 with exactRankTests 0.8-35, written by tests/stats/fixtures/paired-options.R
// (the R calls are listed there): random cases with ties, zeros, n from 1 to 90,
// all three alternatives, both corrections and confidence levels 0.8 to 0.99.
const fixture = JSON.parse(readFileSync(new URL('./fixtures/paired-options.json', import.meta.url), 'utf8')) as {
  paired: PairedRow[];
  binomial: BinomialRow[];
  mcnemar: McNemarRow[];
  dav: DavRow[];
};

// Every row with a non-zero difference is compared, however few: the tests
// compute whenever the mathematics is defined.
const testable = (d: number[]) => d.some((v) => v !== 0);

describe('against R on random inputs, every alternative and correction', () => {
  it('wilcoxonSignedRank: normal (corrected and not) and exact conditional, as wilcox.test / wilcox.exact', () => {
    let compared = 0;
    for (const r of fixture.paired) {
      if (!testable(r.d)) continue;
      const alternative = toOurs(r.alternative);
      const cc = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(r.d, { exact: false, alternative }));
      close(cc.statistic, r.V!, 'V');
      close(cc.pValue, r.normal_cc!, `normal corrected ${r.alternative}`);
      const nc = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(r.d, { exact: false, correct: false, alternative }));
      close(nc.pValue, r.normal_nc!, `normal ${r.alternative}`);
      if (r.exact !== null && r.exact !== undefined) {
        const ex = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(r.d, { exact: true, alternative }));
        expect(ex.method).toBe('wilcoxon-signed-rank-exact');
        close(ex.pValue, r.exact, `exact ${r.alternative}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('signTest, as binom.test(sum(d > 0), sum(d != 0), alternative)', () => {
    for (const r of fixture.paired) {
      if (!testable(r.d)) continue;
      close(ok<SignTestResult>(signTest(r.d, { alternative: toOurs(r.alternative) })).pValue, r.sign!, `sign ${r.alternative}`);
    }
  });

  it('pairedTTest: t, p and the (one-sided) interval, as t.test(d, alternative, conf.level)', () => {
    let compared = 0;
    for (const r of fixture.paired) {
      if (r.t === undefined) continue;
      const t = ok<PairedTTestResult>(pairedTTest(r.d, { alternative: toOurs(r.alternative), confidence: r.confidence }));
      close(t.statistic, r.t, 't');
      close(t.pValue, r.t_p!, `t ${r.alternative}`);
      close(t.interval.lower, r.t_ci![0], 'lower');
      close(t.interval.upper, r.t_ci![1], 'upper');
      compared++;
    }
    expect(compared).toBeGreaterThan(70);
  });

  it("cohenDz: the (one-sided) noncentral-t interval, as uniroot on R's pt(t, df, ncp)", () => {
    for (const r of fixture.paired) {
      if (r.dz === undefined) continue;
      const d = ok<CohenDzResult>(cohenDz(r.d, { alternative: toOurs(r.alternative), confidence: r.confidence }));
      close(d.estimate, r.dz, 'd_z');
      // uniroot's tolerance is 1e-13 on δ; the limits agree to 1e-9 relative.
      close(d.lower, r.dz_ci![0], 'lower');
      close(d.upper, r.dz_ci![1], 'upper');
    }
  });

  it('binomialTest: p and the Clopper–Pearson interval, as binom.test(x, n, p, alternative, conf.level)', () => {
    for (const r of fixture.binomial) {
      const b = ok<BinomialTestResult>(binomialTest(r.x, r.n, { p: r.p, alternative: toOurs(r.alternative), confidence: r.confidence }));
      close(b.pValue, r.p_value, `binomial ${r.x}/${r.n} p = ${r.p} ${r.alternative}`);
      close(b.interval.lower, r.ci[0], 'lower');
      close(b.interval.upper, r.ci[1], 'upper');
      expect(b.estimate).toBe(r.x / r.n);
    }
  });

  it('mcnemarTest: chi-square with and without correction (mcnemar.test), one-sided (prop.test), exact (binom.test)', () => {
    for (const r of fixture.mcnemar) {
      if (r.b + r.c === 0) continue;
      const cc = ok<McNemarResult>(mcnemarTest(r.b, r.c, { exact: false }));
      close(cc.statistic, r.chi_cc, 'corrected χ²');
      close(cc.pValue, r.p_cc, 'corrected p');
      const nc = ok<McNemarResult>(mcnemarTest(r.b, r.c, { exact: false, correct: false }));
      close(nc.statistic, r.chi_nc, 'χ²');
      close(nc.pValue, r.p_nc, 'p');
      const alternative = toOurs(r.alternative);
      close(ok<McNemarResult>(mcnemarTest(r.b, r.c, { exact: false, alternative })).pValue, r.one_cc, `corrected ${r.alternative}`);
      close(ok<McNemarResult>(mcnemarTest(r.b, r.c, { exact: false, correct: false, alternative })).pValue, r.one_nc, r.alternative);
      const ex = ok<McNemarResult>(mcnemarTest(r.b, r.c, { exact: true, alternative }));
      expect([ex.statisticName, ex.statistic, ex.df]).toEqual(['b', r.b, undefined]);
      close(ex.pValue, r.exact, `exact ${r.alternative}`);
    }
  });

  it('cohenDav and hedgesGav, as their formulas in R', () => {
    for (const r of fixture.dav) {
      close(ok<CohenDavResult>(cohenDav(r.before, r.after)).estimate, r.d_av, 'd_av');
      close(ok<CohenDavResult>(hedgesGav(r.before, r.after)).estimate, r.g_av, 'g_av');
    }
  });
});

describe('published worked examples', () => {
  // R's ?wilcox.test: Hollander & Wolfe (1973) p. 29, depression scale x before, y after;
  // wilcox.test(x, y, paired = TRUE, alternative = "greater") gives V = 40, p-value = 0.01953.
  it("R ?wilcox.test, one-sided: V = 40, p = 0.01953 (= 10/512)", () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const r = ok<WilcoxonSignedRankResult>(wilcoxonSignedRank(x.map((v, i) => v - y[i]!), { alternative: 'greater' }));
    expect([r.statisticName, r.statistic, r.alternative]).toEqual(['V', 40, 'greater']);
    expect(r.pValue).toBeCloseTo(10 / 512, 14);
  });
  // R's ?binom.test: Mendel's peas, binom.test(c(682, 243), p = 3/4):
  // p-value = 0.3825, 95 percent CI 0.7076683 0.7654066, probability of success 0.7372973.
  it("R ?binom.test, Mendel's peas: p = 0.3825, CI 0.7076683–0.7654066", () => {
    const r = ok<BinomialTestResult>(binomialTest(682, 925, { p: 0.75 }));
    expect(r.pValue).toBeCloseTo(0.3825, 4);
    expect(r.interval.lower).toBeCloseTo(0.7076683, 7);
    expect(r.interval.upper).toBeCloseTo(0.7654066, 7);
    expect(r.estimate).toBeCloseTo(0.7372973, 7);
    expect([r.statisticName, r.estimateName]).toEqual(['number of successes', 'probability of success']);
  });
  // R's ?mcnemar.test: Agresti (1990) p. 350, presidential approval, b = 150, c = 86:
  // McNemar's chi-squared = 16.818 (corrected, R's default); the textbook uncorrected
  // (b − c)²/(b + c) = 64²/236 = 17.356.
  it('R ?mcnemar.test, Agresti (1990) p. 350: corrected 16.818 (the default), uncorrected 17.356', () => {
    expect(ok<McNemarResult>(mcnemarTest(150, 86)).statistic).toBeCloseTo(16.818, 3);
    const u = ok<McNemarResult>(mcnemarTest(150, 86, { correct: false }));
    expect(u.statistic).toBeCloseTo(4096 / 236, 12);
    expect(u.statisticName).toBe("McNemar's chi-squared");
    expect(u.notes.map((n) => n.code)).toEqual(['chi_square_approximation']);
  });
  // Lakens (2013), Front Psychol 4:863, Table 1: ten people rate two movies (means 8.7 and
  // 7.7, SDs 0.82 and 0.95); t(9) = 4.74, d_z = 1.50, d_av = 1.13 (formula 10), and
  // g_av = d_av · (1 − 3/(4 · 20 − 9)) = 1.08 (formula 4 with n1 = n2 = 10).
  it('Lakens (2013) Table 1: d_z = 1.50, d_av = 1.13, g_av = 1.08, t = 4.74', () => {
    const movie2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7];
    const movie1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9];
    const d = movie1.map((v, i) => v - movie2[i]!);
    expect(ok<CohenDzResult>(cohenDz(d)).estimate).toBeCloseTo(1.5, 12);
    expect(ok<PairedTTestResult>(pairedTTest(d)).statistic).toBeCloseTo(4.74, 2);
    const dav = ok<CohenDavResult>(cohenDav(movie2, movie1));
    expect(dav.estimate).toBeCloseTo(1.13, 2);
    expect(dav.sdBefore).toBeCloseTo(0.95, 2);
    expect(dav.sdAfter).toBeCloseTo(0.82, 2);
    expect(ok<CohenDavResult>(hedgesGav(movie2, movie1)).estimate).toBeCloseTo(1.08, 2);
    // Before and after swapped: the sign flips, the size does not.
    expect(ok<CohenDavResult>(cohenDav(movie1, movie2)).estimate).toBeCloseTo(-dav.estimate, 14);
  });
  // Hand-computed sign test: 6 of 7 positive; P(S ≥ 6) = (7 + 1)/128, P(S ≤ 6) = 127/128.
  it('sign test one-sided by hand: 8/128 and 127/128', () => {
    const d = [1, 2, 3, 4, 5, 6, -1, 0];
    expect(ok<SignTestResult>(signTest(d, { alternative: 'greater' })).pValue).toBeCloseTo(8 / 128, 15);
    expect(ok<SignTestResult>(signTest(d, { alternative: 'less' })).pValue).toBeCloseTo(127 / 128, 15);
  });
});

const alternatives = fc.constantFrom<Alternative>('two-sided', 'greater', 'less');
const diffs = fc.array(fc.integer({ min: -6, max: 8 }), { minLength: 6, maxLength: 40 });

describe('properties of the alternatives', () => {
  it('discrete tests: P(greater) + P(less) = 1 + P(S = s)', () => {
    fc.assert(
      fc.property(diffs, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (d, b, c) => {
        const g = signTest(d, { alternative: 'greater' });
        const l = signTest(d, { alternative: 'less' });
        if (g.computed && l.computed) {
          // The point mass: C(n, s) / 2ⁿ.
          const n = g.n;
          let mass = 1;
          for (let k = 0; k < g.statistic; k++) mass *= (n - k) / (k + 1);
          expect(g.pValue + l.pValue).toBeCloseTo(1 + mass / 2 ** n, 10);
        }
        const wg = wilcoxonSignedRank(d, { exact: true, alternative: 'greater' });
        const wl = wilcoxonSignedRank(d, { exact: true, alternative: 'less' });
        if (wg.computed && wl.computed) expect(wg.pValue + wl.pValue).toBeGreaterThan(1 - 1e-12);
        const bg = binomialTest(b, b + c, { alternative: 'greater' });
        const bl = binomialTest(b, b + c, { alternative: 'less' });
        const point = binomialTest(b, b + c, { alternative: 'less' });
        if (bg.computed && bl.computed && point.computed) {
          const below = b === 0 ? 0 : ok<BinomialTestResult>(binomialTest(b - 1, b + c, { alternative: 'less' })).pValue;
          expect(bg.pValue + bl.pValue).toBeCloseTo(1 + (bl.pValue - below), 10);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('continuous forms: P(greater) + P(less) = 1 (t-test; signed-rank and McNemar without correction)', () => {
    fc.assert(
      fc.property(diffs, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (d, b, c) => {
        const tg = pairedTTest(d, { alternative: 'greater' });
        const tl = pairedTTest(d, { alternative: 'less' });
        if (tg.computed && tl.computed) expect(tg.pValue + tl.pValue).toBeCloseTo(1, 12);
        const wg = wilcoxonSignedRank(d, { exact: false, correct: false, alternative: 'greater' });
        const wl = wilcoxonSignedRank(d, { exact: false, correct: false, alternative: 'less' });
        if (wg.computed && wl.computed) expect(wg.pValue + wl.pValue).toBeCloseTo(1, 12);
        const mg = mcnemarTest(b, c, { exact: false, correct: false, alternative: 'greater' });
        const ml = mcnemarTest(b, c, { exact: false, correct: false, alternative: 'less' });
        if (mg.computed && ml.computed) expect(mg.pValue + ml.pValue).toBeCloseTo(1, 12);
      }),
      { numRuns: 120 },
    );
  });

  it('swapping before and after (negating d, swapping b and c) swaps greater and less; two-sided is unchanged', () => {
    const flip = (a: Alternative): Alternative => (a === 'greater' ? 'less' : a === 'less' ? 'greater' : a);
    fc.assert(
      fc.property(diffs, alternatives, fc.constantFrom<'auto' | boolean>('auto', true, false), fc.boolean(), fc.nat(80), fc.nat(80), (d, alt, exact, correct, b, c) => {
        const neg = d.map((v) => -v);
        const pairs: [{ computed: boolean; pValue?: number }, { computed: boolean; pValue?: number }][] = [
          [wilcoxonSignedRank(d, { alternative: alt, exact, correct }), wilcoxonSignedRank(neg, { alternative: flip(alt), exact, correct })],
          [signTest(d, { alternative: alt }), signTest(neg, { alternative: flip(alt) })],
          [pairedTTest(d, { alternative: alt }), pairedTTest(neg, { alternative: flip(alt) })],
          [mcnemarTest(b, c, { alternative: alt, exact, correct }), mcnemarTest(c, b, { alternative: flip(alt), exact, correct })],
          [binomialTest(b, b + c, { alternative: alt, p: 0.3 }), binomialTest(c, b + c, { alternative: flip(alt), p: 0.7 })],
        ];
        for (const [x, y] of pairs) {
          expect(x.computed).toBe(y.computed);
          if (x.computed) expect(x.pValue).toBeCloseTo(y.pValue!, 12);
        }
      }),
      { numRuns: 150 },
    );
  });

  // From 0.8 up: at a level near ½ the noncentral-t limits of d_z can both lie on one
  // side of the estimate (the median of a noncentral t is not its noncentrality).
  it('intervals contain the estimate, one-sided ones are open on the other side, and p is in [0, 1]', () => {
    fc.assert(
      fc.property(diffs, alternatives, fc.double({ min: 0.8, max: 0.999, noNaN: true }), fc.nat(50), fc.nat(50), (d, alternative, confidence, x, extra) => {
        const t = pairedTTest(d, { alternative, confidence });
        if (t.computed) {
          expect(t.interval.lower).toBeLessThanOrEqual(t.estimate);
          expect(t.interval.upper).toBeGreaterThanOrEqual(t.estimate);
          expect(t.interval.confidence).toBe(confidence);
          expect(t.interval.upper === Infinity).toBe(alternative === 'greater');
          expect(t.interval.lower === -Infinity).toBe(alternative === 'less');
        }
        const dz = cohenDz(d, { alternative, confidence });
        if (dz.computed) {
          expect(dz.lower).toBeLessThanOrEqual(dz.estimate + 1e-12);
          expect(dz.upper).toBeGreaterThanOrEqual(dz.estimate - 1e-12);
          expect(dz.upper === Infinity).toBe(alternative === 'greater');
        }
        const b = binomialTest(x, x + extra, { alternative, confidence });
        if (b.computed) {
          expect(b.interval.lower).toBeLessThanOrEqual(b.estimate);
          expect(b.interval.upper).toBeGreaterThanOrEqual(b.estimate);
          expect(b.pValue).toBeGreaterThanOrEqual(0);
          expect(b.pValue).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the options are checked, named the same everywhere', () => {
  const mistake = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(UppfoljningError);
      return (e as UppfoljningError).issues.map((i) => ({ path: toDotPath(i.path), rule: i.rule }));
    }
    throw new Error('did not throw');
  };
  it('a wrong choice, a level outside (0, 1), an unknown key, all at once', () => {
    expect(mistake(() => pairedTTest([1, 2, 3], { alternative: 'two.sided' as never, confidence: 95 }))).toEqual([
      { path: 'options.alternative', rule: 'one_of' },
      { path: 'options.confidence', rule: 'open_interval' },
    ]);
    expect(mistake(() => mcnemarTest(3, 9, { correct: 'yes' as never, exact: 'no' as never }))).toEqual([
      { path: 'options.exact', rule: 'one_of' },
      { path: 'options.correct', rule: 'one_of' },
    ]);
    expect(mistake(() => binomialTest(3, 9, { p: 1 }))).toEqual([{ path: 'options.p', rule: 'open_interval' }]);
    expect(mistake(() => binomialTest(3, 9, { p: Number.NaN }))).toEqual([{ path: 'options.p', rule: 'finite' }]);
    expect(mistake(() => signTest([1, 2, 3], { alternatve: 'less' } as never))).toEqual([{ path: 'options', rule: 'unknown_key' }]);
    expect(mistake(() => wilcoxonSignedRank([1, 2, 3], null as never))).toEqual([{ path: 'options', rule: 'type' }]);
    expect(mistake(() => binomialTest(10, 9))).toEqual([{ path: 'successes', rule: 'exceeds_total' }]);
    expect(mistake(() => cohenDav([1, 2, 3], [1, 2]))).toEqual([{ path: 'after', rule: 'length_mismatch' }]);
  });
  it('says why it did not compute: n = 0, or no variation', () => {
    expect(binomialTest(0, 0)).toMatchObject({ computed: false, reason: 'too_few' });
    expect(cohenDav([1], [2])).toMatchObject({ computed: false, reason: 'too_few' });
    expect(hedgesGav([3, 3, 3], [4, 4, 4])).toMatchObject({ computed: false, reason: 'no_variation' });
  });
});
