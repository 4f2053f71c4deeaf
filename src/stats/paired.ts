import { mean, sampleStandardDeviation } from 'simple-statistics';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { countIssues, finiteArrayIssues, successesIssues, throwIfAny } from '../core/args.js';
import { midRanks, signFlipDistribution, tails } from './_lib/rank.js';
import {
  betaQuantile,
  binomialCdf,
  binomialTwoSided,
  chiSquareUpper,
  normalCdf,
  normalUpper,
  tQuantile,
  tTwoSided,
} from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import type { Alternative, Interval, TestResult } from './result.js';
import {
  BinomialTestOptionsSchema,
  McNemarOptionsSchema,
  PairedTTestOptionsSchema,
  SignTestOptionsSchema,
  WilcoxonSignedRankOptionsSchema,
  parseOptions,
  type BinomialTestOptions,
  type McNemarOptions,
  type PairedTTestOptions,
  type SignTestOptions,
  type WilcoxonSignedRankOptions,
} from './options.js';

/** n below which the signed-rank test uses its exact distribution by default (as R's `wilcox.test`). */
const EXACT_SIGNED_RANK_BELOW = 50;
/** Above this n even a requested exact distribution is not attempted (time grows as n³). */
const EXACT_SIGNED_RANK_MAX = 400;

/**
 * The result of {@link wilcoxonSignedRank}.
 *
 * @example
 * ```ts
 * const w = wilcoxonSignedRank([1, 2, 0, 3, 4, -1, 2, 1]) as WilcoxonSignedRankResult;
 * w.zeros; // => 1
 * w.pValue; // => 0.0625
 * ```
 */
export interface WilcoxonSignedRankResult
  extends TestResult<'wilcoxon-signed-rank-exact' | 'wilcoxon-signed-rank-normal'> {
  /** V: the sum of the ranks of the positive differences (as R). */
  readonly statistic: number;
  /** The number of differences given, zeros included. */
  readonly nTotal: number;
  /** The number of zero differences. */
  readonly zeros: number;
  /** The standardised statistic, for the normal approximation only. */
  readonly z: number | null;
}

/** @internal The p-value for an alternative from the two tails P(S ≤ s) and P(S ≥ s) of a symmetric or discrete distribution. */
export function pFromTails(lower: number, upper: number, alternative: Alternative): number {
  if (alternative === 'greater') return Math.min(1, upper);
  if (alternative === 'less') return Math.min(1, lower);
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** @internal The p-value of a standard normal statistic z for an alternative. */
export const normalP = (z: number, alternative: Alternative): number => pFromTails(normalCdf(z), normalUpper(z), alternative);

/** The exact binomial p-value of x successes in n for an alternative, as R's `binom.test`. */
function binomialP(x: number, n: number, prob: number, alternative: Alternative): number {
  if (alternative === 'two-sided') return binomialTwoSided(x, n, prob);
  // P(X ≥ x) as the lower tail of the failures, so that a small upper tail keeps its digits.
  if (alternative === 'greater') return x === 0 ? 1 : binomialCdf(n - x, n, 1 - prob);
  return binomialCdf(x, n, prob);
}

/**
 * Wilcoxon's signed-rank test that the differences are symmetric about 0,
 * for before/after measures on an ordinal or interval scale.
 *
 * How it decides (all of it is said in `method` and `notes`):
 * - zeros are dropped (`wilcox`, as R) or ranked and left out (`pratt`, as coin);
 * - with `exact: 'auto'` and fewer than 50 non-zero differences, the p-value
 *   comes from the exact permutation distribution of V; without ties this is
 *   R's `psignrank`, with ties it is the distribution conditional on the
 *   mid-ranks (as `exactRankTests::wilcox.exact` and `coin`), because at small
 *   n the normal approximation R falls back to is poor;
 * - otherwise V is compared with the normal distribution with mean Σr/2 and
 *   variance Σr²/4 (which is the tie-corrected variance) and, by default,
 *   a continuity correction of ½ towards the null (for `greater` ½ is taken
 *   off, for `less` added), exactly as R's `wilcox.test`.
 *
 * The same as R: `wilcox.test(d, alternative = a, exact = e, correct = c)`
 * where there are no ties or zeros; with them, `exact: 'auto'` and `true`
 * equal `exactRankTests::wilcox.exact(d, alternative = a, exact = TRUE)`
 * (R's `wilcox.test` would use the normal approximation), and `zeroMethod:
 * 'pratt'` equals `coin::wilcoxsign_test(d ~ 0, zero.method = "Pratt")`.
 * No confidence interval for the pseudo-median (R's `conf.int = TRUE`).
 *
 * @param differences - the paired differences (e.g. after − before), finite numbers
 * @param options - `alternative`, `exact`, `correct`, `zeroMethod` ({@link WilcoxonSignedRankOptions})
 * It computes whenever there is a non-zero difference, however few: whether
 * a p-value from so few pairs is worth reporting is `analyse`'s decision
 * (its `minimums.pairs`, default 6).
 *
 * @returns the test, or {@link NotComputed} `too_few` when no difference is non-zero
 * @throws UppfoljningError when differences is not an array (`required`, `type`), a difference is not a
 *   finite number (`finite`, path `differences[i]`), or an option is not one of its choices (`one_of`,
 *   `unknown_key`, path `options.…`)
 * @see F. Wilcoxon (1945), Individual comparisons by ranking methods. Biometrics Bulletin 1:80–83.
 * @see M. Hollander, D. A. Wolfe (1999), Nonparametric Statistical Methods, 2nd ed., §3.1.
 * @see J. W. Pratt (1959), Remarks on zeros and ties in the Wilcoxon signed rank procedures. JASA 54:655–667.
 *
 * @example
 * ```ts
 * // Hollander & Wolfe (1973) p. 29, depression scale, R's ?wilcox.test example (x − y)
 * wilcoxonSignedRank([0.952, -0.147, 1.022, 0.43, 0.62, 0.59, 0.49, -0.08, 0.01]);
 * // => { computed: true, n: 9, method: 'wilcoxon-signed-rank-exact', statistic: 40, pValue: 0.0390625, … }
 * // R: wilcox.test(x, y, paired = TRUE, alternative = "greater") gives p-value = 0.01953
 * wilcoxonSignedRank([0.952, -0.147, 1.022, 0.43, 0.62, 0.59, 0.49, -0.08, 0.01], { alternative: 'greater' });
 * // => { statisticName: 'V', statistic: 40, pValue: 0.01953125, alternative: 'greater', … }
 * ```
 */
export function wilcoxonSignedRank(
  differences: readonly number[],
  options: WilcoxonSignedRankOptions = {},
): WilcoxonSignedRankResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  const { alternative, exact: exactOption, correct, zeroMethod } = parseOptions(WilcoxonSignedRankOptionsSchema, options);
  const zeros = differences.filter((d) => d === 0).length;
  const ranked = zeroMethod === 'pratt' ? differences : differences.filter((d) => d !== 0);
  const { ranks, tieSizes } = midRanks(ranked.map(Math.abs));
  // The ranks that take part: those of non-zero differences.
  const used: { rank: number; positive: boolean }[] = [];
  ranked.forEach((d, i) => {
    if (d !== 0) used.push({ rank: ranks[i]!, positive: d > 0 });
  });
  const n = used.length;
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });

  const notes: StatsNote[] = [];
  if (zeros > 0) notes.push(note(zeroMethod === 'pratt' ? 'zeros_pratt' : 'zeros_dropped', { count: zeros }));
  // Ties among the non-zero |d| (ties involving zeros under Pratt count too, through the ranks).
  const ties = tieSizes.length > 0;
  const statistic = used.reduce((a, u) => (u.positive ? a + u.rank : a), 0);
  const exact = exactOption === 'auto' ? n < EXACT_SIGNED_RANK_BELOW : exactOption && n <= EXACT_SIGNED_RANK_MAX;
  const base = { computed: true as const, n, nTotal: differences.length, zeros, statisticName: 'V', statistic, alternative };

  if (exact) {
    // Mid-ranks are multiples of ½: doubled, they are whole weights.
    const dist = signFlipDistribution(used.map((u) => Math.round(2 * u.rank)));
    const { lower, upper } = tails(dist, Math.round(2 * statistic));
    notes.push(note('exact_distribution'));
    if (ties || zeroMethod === 'pratt') notes.push(note('exact_conditional_on_ties', { groups: tieSizes.length }));
    return { ...base, method: 'wilcoxon-signed-rank-exact', z: null, pValue: pFromTails(lower, upper, alternative), notes };
  }
  if (exactOption === true) notes.push(note('exact_n_too_large', { limit: EXACT_SIGNED_RANK_MAX }));
  const mean = used.reduce((a, u) => a + u.rank, 0) / 2;
  const variance = used.reduce((a, u) => a + u.rank * u.rank, 0) / 4;
  const diff = statistic - mean;
  const correction = correct ? continuityCorrection(diff, alternative) : 0;
  const z = (diff - correction) / Math.sqrt(variance);
  notes.push(note('normal_approximation'));
  if (ties) notes.push(note('ties_corrected', { groups: tieSizes.length }));
  if (correct) notes.push(note('continuity_corrected'));
  return { ...base, method: 'wilcoxon-signed-rank-normal', z, pValue: normalP(z, alternative), notes };
}

/**
 * @internal The continuity correction of ½ for a rank statistic's distance
 * from its mean, as R's `wilcox.test`: towards the mean for a two-sided test,
 * against the alternative for a one-sided one.
 */
export function continuityCorrection(diff: number, alternative: Alternative): number {
  if (alternative === 'greater') return 0.5;
  if (alternative === 'less') return -0.5;
  return Math.sign(diff) * 0.5;
}

/**
 * The result of {@link signTest}.
 *
 * @example
 * ```ts
 * const s = signTest([1, 2, 3, 4, 5, 6, -1, 0]) as SignTestResult;
 * s.positive; // => 6
 * s.pValue; // => 0.125
 * ```
 */
export interface SignTestResult extends TestResult<'sign-test-exact'> {
  /** S: the number of positive differences. */
  readonly statistic: number;
  readonly positive: number;
  readonly negative: number;
  readonly zeros: number;
}

/**
 * The sign test that positive and negative differences are equally likely,
 * from the exact binomial distribution; zero differences are dropped. The
 * same as R's `binom.test(sum(d > 0), sum(d != 0), alternative = a)`
 * (`greater`: positive differences are the more likely).
 *
 * @param differences - the paired differences, finite numbers
 * @param options - `alternative` ({@link SignTestOptions})
 * @returns the test (statistic S = the number of positive differences), or
 *   {@link NotComputed} `too_few` when no difference is non-zero
 * @throws UppfoljningError when differences is not an array of finite numbers (`required`, `type`, `finite`),
 *   or an option is not one of its choices (`one_of`, `unknown_key`, path `options.…`)
 * @see W. J. Conover (1999), Practical Nonparametric Statistics, 3rd ed., §3.4.
 *
 * @example
 * ```ts
 * signTest([1, 2, 3, 4, 5, 6, -1, 0]);
 * // => { computed: true, n: 7, method: 'sign-test-exact', statistic: 6, pValue: 0.125, positive: 6, negative: 1, zeros: 1, … }
 * // P(S ≥ 6 | n = 7) = 8/128
 * signTest([1, 2, 3, 4, 5, 6, -1, 0], { alternative: 'greater' });
 * // => { statisticName: 'S', pValue: 0.0625, alternative: 'greater', … }
 * ```
 */
export function signTest(differences: readonly number[], options: SignTestOptions = {}): SignTestResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  const { alternative } = parseOptions(SignTestOptionsSchema, options);
  const positive = differences.filter((d) => d > 0).length;
  const negative = differences.filter((d) => d < 0).length;
  const zeros = differences.length - positive - negative;
  const n = positive + negative;
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const notes: StatsNote[] = [note('exact_distribution')];
  if (zeros > 0) notes.unshift(note('zeros_dropped', { count: zeros }));
  return {
    computed: true,
    n,
    method: 'sign-test-exact',
    statisticName: 'S',
    statistic: positive,
    alternative,
    pValue: binomialP(positive, n, 0.5, alternative),
    positive,
    negative,
    zeros,
    notes,
  };
}

/**
 * The result of {@link binomialTest}.
 *
 * @example
 * ```ts
 * const r = binomialTest(682, 925, { p: 0.75 }) as BinomialTestResult;
 * r.estimate; // => 0.7372…
 * r.nullProbability; // => 0.75
 * ```
 */
export interface BinomialTestResult extends TestResult<'binomial-exact'> {
  /** The number of successes. */
  readonly statistic: number;
  /** The share of successes, successes / n. */
  readonly estimate: number;
  /** The Clopper–Pearson interval for the probability of success (one-sided for a one-sided alternative). */
  readonly interval: Interval;
  /** The probability of success under the null hypothesis (the option `p`). */
  readonly nullProbability: number;
}

/**
 * The exact binomial test of a count: are `successes` out of `n` compatible
 * with a probability of success `p`? With the share and its exact
 * Clopper–Pearson interval. The same as R's
 * `binom.test(successes, n, p = p, alternative = a, conf.level = confidence)`,
 * the two-sided p-value included (the total probability of outcomes no more
 * likely than the one observed, with R's relative tolerance of 1e-7); unlike
 * R, `p` must lie strictly between 0 and 1 (at 0 or 1 the test is degenerate).
 *
 * @param successes - the number of successes, a whole number ≤ n
 * @param n - the number of trials, a whole number ≥ 0
 * @param options - `p` (default ½), `alternative`, `confidence` ({@link BinomialTestOptions})
 * @returns the test, or {@link NotComputed} `too_few` when n = 0
 * @throws UppfoljningError when successes or n is not a whole number ≥ 0 (paths `successes`, `n`) or successes > n (`exceeds_total`),
 *   `options.p` or `options.confidence` is not strictly between 0 and 1 (`open_interval`, `finite`), or
 *   `options.alternative` is not one of its choices (`one_of`; unknown keys `unknown_key`)
 * @see C. J. Clopper, E. S. Pearson (1934), The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika 26:404–413.
 * @see W. J. Conover (1999), Practical Nonparametric Statistics, 3rd ed., §3.1.
 *
 * @example
 * ```ts
 * // R's ?binom.test: Mendel's peas, 682 of 925 against p = 3/4
 * binomialTest(682, 925, { p: 0.75 });
 * // => { computed: true, method: 'binomial-exact', statistic: 682, pValue: 0.3824…, estimate: 0.7372…, interval: { lower: 0.7076…, upper: 0.7654…, confidence: 0.95 }, … }
 * binomialTest(682, 925, { p: 0.75, alternative: 'greater' });
 * // => { pValue: 0.8240…, interval: { lower: 0.7124…, upper: 1, confidence: 0.95 }, … }
 * ```
 */
export function binomialTest(successes: number, n: number, options: BinomialTestOptions = {}): BinomialTestResult | NotComputed {
  throwIfAny(successesIssues(successes, n, ['successes'], ['n']));
  const { p, alternative, confidence } = parseOptions(BinomialTestOptionsSchema, options);
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  return {
    computed: true,
    n,
    method: 'binomial-exact',
    statisticName: 'number of successes',
    statistic: successes,
    pValue: binomialP(successes, n, p, alternative),
    alternative,
    estimate: successes / n,
    estimateName: 'probability of success',
    interval: clopperPearson(successes, n, confidence, alternative),
    nullProbability: p,
    notes: [note('exact_distribution')],
  };
}

/** The Clopper–Pearson interval, one-sided for a one-sided alternative (as R's `binom.test`). */
function clopperPearson(x: number, n: number, confidence: number, alternative: Alternative): Interval {
  const alpha = 1 - confidence;
  const tail = alternative === 'two-sided' ? alpha / 2 : alpha;
  const lower = alternative === 'less' || x === 0 ? 0 : betaQuantile(tail, x, n - x + 1);
  const upper = alternative === 'greater' || x === n ? 1 : betaQuantile(1 - tail, x + 1, n - x);
  return { lower, upper, confidence };
}

/**
 * The result of {@link pairedTTest}.
 *
 * @example
 * ```ts
 * const t = pairedTTest([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]) as PairedTTestResult; // R's sleep data
 * t.estimate; // => 1.58
 * t.pValue; // => 0.002832…
 * ```
 */
export interface PairedTTestResult extends TestResult<'paired-t'> {
  /** t = mean / (sd / √n). */
  readonly statistic: number;
  readonly df: number;
  /** The mean difference. */
  readonly estimate: number;
  /** The interval for the mean difference (one-sided for a one-sided alternative). */
  readonly interval: Interval;
  /** The standard deviation of the differences. */
  readonly sd: number;
}

/** P(T ≥ t) for Student's t, from the two-sided tail so that a small upper tail keeps its digits. */
const tUpper = (t: number, df: number): number => (t >= 0 ? 0.5 * tTwoSided(t, df) : 1 - 0.5 * tTwoSided(t, df));

/**
 * The paired t-test that the mean difference is 0, for interval measures,
 * with a confidence interval for the mean difference (one-sided, to ±Infinity,
 * for a one-sided alternative). The same as R's
 * `t.test(d, alternative = a, conf.level = confidence)` (one-sample on the
 * differences, which is `t.test(after, before, paired = TRUE)`).
 *
 * @param differences - the paired differences, finite numbers
 * @param options - `alternative`, `confidence` (default 0.95) ({@link PairedTTestOptions})
 * @returns the test, or {@link NotComputed}: `too_few` (n < 2) or `no_variation` (all differences equal)
 * @throws UppfoljningError when differences is not an array of finite numbers (`required`, `type`, `finite`),
 *   the options are not an object (`type`), `options.confidence` is not in (0, 1) (`open_interval`), or
 *   `options.alternative` is not one of its choices (`one_of`; unknown keys `unknown_key`)
 * @see W. S. Gosset ("Student") (1908), The probable error of a mean. Biometrika 6:1–25.
 *
 * @example
 * ```ts
 * // R's ?t.test sleep data: extra[group 2] − extra[group 1]
 * pairedTTest([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]);
 * // => { computed: true, n: 10, method: 'paired-t', statistic: 4.0621…, pValue: 0.002832…, df: 9, estimate: 1.58, interval: { lower: 0.7001…, upper: 2.4598…, confidence: 0.95 }, … }
 * pairedTTest([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4], { alternative: 'greater' });
 * // => { pValue: 0.001416…, interval: { lower: 0.8669…, upper: Infinity, confidence: 0.95 }, … }
 * ```
 */
export function pairedTTest(differences: readonly number[], options: PairedTTestOptions = {}): PairedTTestResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  const { alternative, confidence } = parseOptions(PairedTTestOptionsSchema, options);
  const n = differences.length;
  if (n < 2) return notComputed(n, 'too_few', { minimum: 2 });
  const { mean, sd } = meanSd(differences);
  if (sd === 0) return notComputed(n, 'no_variation');
  const se = sd / Math.sqrt(n);
  const statistic = mean / se;
  const df = n - 1;
  const alpha = 1 - confidence;
  const q = tQuantile(1 - (alternative === 'two-sided' ? alpha / 2 : alpha), df);
  const pValue =
    alternative === 'greater' ? tUpper(statistic, df) : alternative === 'less' ? tUpper(-statistic, df) : Math.min(1, tTwoSided(statistic, df));
  return {
    computed: true,
    n,
    method: 'paired-t',
    statisticName: 't',
    statistic,
    df,
    pValue,
    alternative,
    estimate: mean,
    estimateName: 'mean difference',
    interval: {
      lower: alternative === 'less' ? -Infinity : mean - q * se,
      upper: alternative === 'greater' ? Infinity : mean + q * se,
      confidence,
    },
    sd,
    notes: [],
  };
}

/**
 * @internal Mean and sample standard deviation, from simple-statistics:
 * `mean` sums with Kahan–Babuška compensation, `sampleStandardDeviation`
 * takes the deviations from that mean (two passes), so neither loses
 * precision on long or offset data.
 */
export function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const m = mean(values as number[]);
  const sd = values.length < 2 ? 0 : sampleStandardDeviation(values as number[]);
  // Equal values can leave round-off; treat a spread below 1e-12 of the scale as none.
  let scale = 1e-300;
  for (const v of values) scale = Math.max(scale, Math.abs(v));
  return { mean: m, sd: sd <= 1e-12 * scale ? 0 : sd };
}

/**
 * The result of {@link mcnemarTest}.
 *
 * @example
 * ```ts
 * // 8 clients went from a positive to a negative test, 1 the other way.
 * const m = mcnemarTest(1, 8) as McNemarResult;
 * m.statisticName; // => 'b'
 * m.pValue; // => 0.0390…
 * ```
 */
export interface McNemarResult extends TestResult<'mcnemar-exact' | 'mcnemar-chi-square'> {
  /**
   * Exact (statisticName `b`): b, the pairs that went the first way; chi-square
   * (`McNemar's chi-squared`): (|b − c| − 1)² / (b + c) with the correction
   * (left out when b = c), (b − c)² / (b + c) without.
   */
  readonly statistic: number;
  readonly b: number;
  readonly c: number;
  /** Degrees of freedom (1) for the chi-square version; absent for the exact one. */
  readonly df?: number;
}

/** Fewer discordant pairs than this use the exact test under `auto`. */
const MCNEMAR_EXACT_BELOW = 25;

/**
 * McNemar's test for a binary measure before and after: did as many change
 * one way as the other? Only the discordant pairs count: `b` went from yes to
 * no, `c` from no to yes (or any fixed labelling); `greater` is the
 * alternative that the b way is the more common.
 *
 * With fewer than 25 discordant pairs (`exact: 'auto'`) the p-value is the
 * exact binomial one, b ~ Bin(b + c, ½): R's `binom.test(b, b + c,
 * alternative = a)`. Otherwise the chi-square statistic on 1 df, by default
 * with continuity correction, (|b − c| − 1)²/(b + c), exactly as R's
 * `mcnemar.test(matrix(c(a, c, b, d), 2), correct = TRUE)` (which, like this
 * function, leaves the correction out when b = c, so that the statistic is 0
 * and p = 1); `correct: false` gives the textbook (b − c)²/(b + c), as
 * `mcnemar.test(…, correct = FALSE)`. The default stays corrected, as R's and
 * as this library has always had it. R's `mcnemar.test` has no one-sided
 * form; here a one-sided alternative takes the signed root z = sign(b − c)·√χ²
 * to the normal distribution, which equals R's
 * `prop.test(b, b + c, p = 0.5, alternative = a, correct = correct)`.
 * `correct` does not apply to the exact test.
 *
 * @param b - discordant pairs one way (a count)
 * @param c - discordant pairs the other way (a count)
 * @param options - `exact`, `correct`, `alternative` ({@link McNemarOptions})
 * @returns the test, or {@link NotComputed} `too_few` when there is no discordant pair
 * @throws UppfoljningError when b or c is not a whole number ≥ 0, or an option is not one of its choices
 *   (`one_of`, `unknown_key`, path `options.…`)
 * @see Q. McNemar (1947), Note on the sampling error of the difference between correlated proportions or percentages. Psychometrika 12:153–157.
 * @see A. Agresti (2013), Categorical Data Analysis, 3rd ed., §11.1 (exact version, and the 25-pair rule of thumb is statsmodels' `mcnemar` default).
 *
 * @example
 * ```ts
 * // Agresti (1990) p. 350, presidential approval ratings, R's ?mcnemar.test: b = 150, c = 86
 * mcnemarTest(150, 86);
 * // => { computed: true, n: 236, method: 'mcnemar-chi-square', statistic: 16.8177…, pValue: 4.1145…e-5, b: 150, c: 86, df: 1, … }
 * // R: mcnemar.test(Performance, correct = FALSE) gives McNemar's chi-squared = 17.356
 * mcnemarTest(150, 86, { correct: false });
 * // => { statisticName: "McNemar's chi-squared", statistic: 17.3559…, … }
 * ```
 */
export function mcnemarTest(b: number, c: number, options: McNemarOptions = {}): McNemarResult | NotComputed {
  throwIfAny(countIssues(b, ['b']));
  throwIfAny(countIssues(c, ['c']));
  const { exact: exactOption, correct, alternative } = parseOptions(McNemarOptionsSchema, options);
  const n = b + c;
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const exact = exactOption === 'auto' ? n < MCNEMAR_EXACT_BELOW : exactOption;
  if (exact) {
    return {
      computed: true,
      n,
      method: 'mcnemar-exact',
      statisticName: 'b',
      statistic: b,
      pValue: binomialP(b, n, 0.5, alternative),
      alternative,
      b,
      c,
      notes: [note('exact_distribution')],
    };
  }
  // As R: the correction is applied only when b ≠ c (otherwise the statistic is 0).
  const corrected = correct && b !== c;
  const statistic = (Math.abs(b - c) - (corrected ? 1 : 0)) ** 2 / n;
  const pValue = alternative === 'two-sided' ? chiSquareUpper(statistic, 1) : normalP(Math.sign(b - c) * Math.sqrt(statistic), alternative);
  return {
    computed: true,
    n,
    method: 'mcnemar-chi-square',
    statisticName: "McNemar's chi-squared",
    statistic,
    pValue,
    alternative,
    b,
    c,
    df: 1,
    notes: [note('chi_square_approximation', { df: 1 }), ...(corrected ? [note('continuity_corrected')] : [])],
  };
}
