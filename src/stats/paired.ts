import { mean, sampleStandardDeviation } from 'simple-statistics';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { countIssues, finiteArrayIssues, oneOfIssues, oneOfOr, openIssues, optionsIssues, optionsOf, throwIfAny } from '../core/args.js';
import { midRanks, signFlipDistribution, tails } from './_lib/rank.js';
import {
  binomialTwoSided,
  chiSquareUpper,
  normalCdf,
  normalUpper,
  tQuantile,
  tTwoSided,
} from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import type { TestResult } from './result.js';

/**
 * The smallest number of non-zero pairs at which a two-sided exact sign or
 * signed-rank test can reach p < 0.05 at all (2 / 2⁶ = 0.031); with fewer, no
 * outcome could count as evidence, so the tests say "too few" instead.
 *
 * @example
 * ```ts
 * MIN_PAIRS_FOR_TEST; // => 6
 * ```
 */
export const MIN_PAIRS_FOR_TEST = 6;

/** n below which the signed-rank test uses its exact distribution by default (as R's `wilcox.test`). */
const EXACT_SIGNED_RANK_BELOW = 50;
/** Above this n even a requested exact distribution is not attempted (time grows as n³). */
const EXACT_SIGNED_RANK_MAX = 400;

/**
 * Options of {@link wilcoxonSignedRank}.
 *
 * @example
 * ```ts
 * // Rank the zero with the rest (as coin) instead of dropping it (as R).
 * const options: WilcoxonSignedRankOptions = { zeroMethod: 'pratt' };
 * const w = wilcoxonSignedRank([1, 2, 0, 3, 4, -1, 2, 1], options) as WilcoxonSignedRankResult;
 * w.statistic; // => 32
 * ```
 */
export interface WilcoxonSignedRankOptions {
  /**
   * `auto` (default): the exact distribution for n < 50, conditional on
   * mid-ranks when there are ties; the normal approximation otherwise.
   * `true` forces exact (up to n = 400), `false` forces normal.
   */
  readonly exact?: 'auto' | boolean;
  /** Continuity correction in the normal approximation. Default true. */
  readonly correct?: boolean;
  /**
   * Zero differences: `wilcox` (default, as R) drops them before ranking;
   * `pratt` ranks them with the rest and leaves them out of the statistic.
   */
  readonly zeroMethod?: 'wilcox' | 'pratt';
}

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

/**
 * Wilcoxon's signed-rank test that the differences are symmetric about 0
 * (two-sided), for before/after measures on an ordinal or interval scale.
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
 *   a continuity correction of ½, exactly as R's `wilcox.test`.
 *
 * @param differences - the paired differences (e.g. after − before), finite numbers
 * @param options - `exact`, `correct`, `zeroMethod`
 * @returns the test, or {@link NotComputed}: `too_few` (fewer than {@link MIN_PAIRS_FOR_TEST}
 *   non-zero differences, including all zero: no outcome could reach p < 0.05)
 * @throws UppfoljningError when differences is not an array (`required`, `type`), a difference is not a
 *   finite number (`finite`, path `differences[i]`), or an option is not one of its choices (`one_of`, path `options.…`)
 * @see F. Wilcoxon (1945), Individual comparisons by ranking methods. Biometrics Bulletin 1:80–83.
 * @see M. Hollander, D. A. Wolfe (1999), Nonparametric Statistical Methods, 2nd ed., §3.1.
 * @see J. W. Pratt (1959), Remarks on zeros and ties in the Wilcoxon signed rank procedures. JASA 54:655–667.
 *
 * @example
 * ```ts
 * // Hollander & Wolfe (1973) p. 29, depression scale, R's ?wilcox.test example (x − y)
 * wilcoxonSignedRank([0.952, -0.147, 1.022, 0.43, 0.62, 0.59, 0.49, -0.08, 0.01]);
 * // => { computed: true, n: 9, method: 'wilcoxon-signed-rank-exact', statistic: 40, pValue: 0.0390625, … }
 * ```
 */
export function wilcoxonSignedRank(
  differences: readonly number[],
  options: WilcoxonSignedRankOptions = {},
): WilcoxonSignedRankResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  throwIfAny(optionsIssues(options));
  const o = optionsOf(options);
  throwIfAny(oneOfIssues(o.zeroMethod, ['wilcox', 'pratt'] as const, ['options', 'zeroMethod']));
  const zeroMethod = oneOfOr(o.zeroMethod, ['wilcox', 'pratt'] as const, 'wilcox');
  throwIfAny(oneOfIssues(o.correct, [true, false], ['options', 'correct']));
  const correct = oneOfOr(o.correct, [true, false], true);
  throwIfAny(oneOfIssues(o.exact, ['auto', true, false] as const, ['options', 'exact']));
  const exactOption = oneOfOr(o.exact, ['auto', true, false] as const, 'auto');
  const zeros = differences.filter((d) => d === 0).length;
  const ranked = zeroMethod === 'pratt' ? differences : differences.filter((d) => d !== 0);
  const { ranks, tieSizes } = midRanks(ranked.map(Math.abs));
  // The ranks that take part: those of non-zero differences.
  const used: { rank: number; positive: boolean }[] = [];
  ranked.forEach((d, i) => {
    if (d !== 0) used.push({ rank: ranks[i]!, positive: d > 0 });
  });
  const n = used.length;
  if (n < MIN_PAIRS_FOR_TEST) return notComputed(n, 'too_few', { minimum: MIN_PAIRS_FOR_TEST });

  const notes: StatsNote[] = [];
  if (zeros > 0) notes.push(note(zeroMethod === 'pratt' ? 'zeros_pratt' : 'zeros_dropped', { count: zeros }));
  // Ties among the non-zero |d| (ties involving zeros under Pratt count too, through the ranks).
  const ties = tieSizes.length > 0;
  const statistic = used.reduce((a, u) => (u.positive ? a + u.rank : a), 0);
  const exact = exactOption === 'auto' ? n < EXACT_SIGNED_RANK_BELOW : exactOption && n <= EXACT_SIGNED_RANK_MAX;

  if (exact) {
    // Mid-ranks are multiples of ½: doubled, they are whole weights.
    const dist = signFlipDistribution(used.map((u) => Math.round(2 * u.rank)));
    const { lower, upper } = tails(dist, Math.round(2 * statistic));
    notes.push(note('exact_distribution'));
    if (ties || zeroMethod === 'pratt') notes.push(note('exact_conditional_on_ties', { groups: tieSizes.length }));
    return {
      computed: true,
      n,
      nTotal: differences.length,
      zeros,
      method: 'wilcoxon-signed-rank-exact',
      statisticName: 'V',
      statistic,
      alternative: 'two-sided',
      z: null,
      pValue: Math.min(1, 2 * Math.min(lower, upper)),
      notes,
    };
  }
  if (exactOption === true) notes.push(note('exact_n_too_large', { limit: EXACT_SIGNED_RANK_MAX }));
  const mean = used.reduce((a, u) => a + u.rank, 0) / 2;
  const variance = used.reduce((a, u) => a + u.rank * u.rank, 0) / 4;
  const diff = statistic - mean;
  const correction = correct ? Math.sign(diff) * 0.5 : 0;
  const z = (diff - correction) / Math.sqrt(variance);
  notes.push(note('normal_approximation'));
  if (ties) notes.push(note('ties_corrected', { groups: tieSizes.length }));
  if (correct) notes.push(note('continuity_corrected'));
  return {
    computed: true,
    n,
    nTotal: differences.length,
    zeros,
    method: 'wilcoxon-signed-rank-normal',
    statisticName: 'V',
    statistic,
    alternative: 'two-sided',
    z,
    pValue: Math.min(1, 2 * Math.min(normalCdf(z), normalUpper(z))),
    notes,
  };
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
  /** The number of positive differences. */
  readonly statistic: number;
  readonly positive: number;
  readonly negative: number;
  readonly zeros: number;
}

/**
 * The sign test that positive and negative differences are equally likely
 * (two-sided), from the exact binomial distribution; zero differences are
 * dropped. Equals R's `binom.test(sum(d > 0), sum(d != 0))`.
 *
 * @param differences - the paired differences, finite numbers
 * @returns the test (statistic = the number of positive differences), or
 *   {@link NotComputed} `too_few` with fewer than {@link MIN_PAIRS_FOR_TEST} non-zero differences
 * @throws UppfoljningError when differences is not an array of finite numbers (`required`, `type`, `finite`)
 * @see W. J. Conover (1999), Practical Nonparametric Statistics, 3rd ed., §3.4.
 *
 * @example
 * ```ts
 * signTest([1, 2, 3, 4, 5, 6, -1, 0]);
 * // => { computed: true, n: 7, method: 'sign-test-exact', statistic: 6, pValue: 0.125, positive: 6, negative: 1, zeros: 1, … }
 * ```
 */
export function signTest(differences: readonly number[]): SignTestResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  const positive = differences.filter((d) => d > 0).length;
  const negative = differences.filter((d) => d < 0).length;
  const zeros = differences.length - positive - negative;
  const n = positive + negative;
  if (n < MIN_PAIRS_FOR_TEST) return notComputed(n, 'too_few', { minimum: MIN_PAIRS_FOR_TEST });
  const notes: StatsNote[] = [note('exact_distribution')];
  if (zeros > 0) notes.unshift(note('zeros_dropped', { count: zeros }));
  return {
    computed: true,
    n,
    method: 'sign-test-exact',
    statisticName: 'S',
    statistic: positive,
    alternative: 'two-sided',
    pValue: binomialTwoSided(positive, n, 0.5),
    positive,
    negative,
    zeros,
    notes,
  };
}

/**
 * Options of {@link pairedTTest}.
 *
 * @example
 * ```ts
 * const options: PairedTTestOptions = { confidence: 0.9 };
 * const t = pairedTTest([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4], options) as PairedTTestResult;
 * [t.lower, t.upper]; // => [0.8669…, 2.2930…]
 * ```
 */
export interface PairedTTestOptions {
  /** Confidence level of the interval for the mean difference. Default 0.95. */
  readonly confidence?: number;
}

/**
 * The result of {@link pairedTTest}.
 *
 * @example
 * ```ts
 * const t = pairedTTest([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]) as PairedTTestResult; // R's sleep data
 * t.meanDifference; // => 1.58
 * t.pValue; // => 0.002832…
 * ```
 */
export interface PairedTTestResult extends TestResult<'paired-t'> {
  /** t = mean / (sd / √n). */
  readonly statistic: number;
  readonly df: number;
  readonly meanDifference: number;
  readonly sd: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
}

/**
 * The paired t-test that the mean difference is 0 (two-sided), for interval
 * measures, with a confidence interval for the mean difference. Equals R's
 * `t.test(d)` (one-sample on the differences).
 *
 * @param differences - the paired differences, finite numbers
 * @param options - `confidence` (default 0.95)
 * @returns the test, or {@link NotComputed}: `too_few` (n < 2) or `no_variation` (all differences equal)
 * @throws UppfoljningError when differences is not an array of finite numbers (`required`, `type`, `finite`),
 *   the options are not an object (`type`), or `options.confidence` is not in (0, 1) (`open_interval`)
 * @see W. S. Gosset ("Student") (1908), The probable error of a mean. Biometrika 6:1–25.
 *
 * @example
 * ```ts
 * // R's ?t.test sleep data: extra[group 2] − extra[group 1]
 * pairedTTest([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]);
 * // => { computed: true, n: 10, method: 'paired-t', statistic: 4.0621…, pValue: 0.002832…, df: 9, meanDifference: 1.58, lower: 0.7001…, upper: 2.4598…, … }
 * ```
 */
export function pairedTTest(
  differences: readonly number[],
  options: PairedTTestOptions = {},
): PairedTTestResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  throwIfAny(optionsIssues(options));
  const confidence = optionsOf(options).confidence ?? 0.95;
  throwIfAny(openIssues(confidence, ['options', 'confidence']));
  const n = differences.length;
  if (n < 2) return notComputed(n, 'too_few', { minimum: 2 });
  const { mean, sd } = meanSd(differences);
  if (sd === 0) return notComputed(n, 'no_variation');
  const se = sd / Math.sqrt(n);
  const statistic = mean / se;
  const df = n - 1;
  const q = tQuantile(1 - (1 - confidence) / 2, df);
  return {
    computed: true,
    n,
    method: 'paired-t',
    statisticName: 't',
    statistic,
    alternative: 'two-sided',
    pValue: Math.min(1, tTwoSided(statistic, df)),
    df,
    meanDifference: mean,
    sd,
    lower: mean - q * se,
    upper: mean + q * se,
    confidence,
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
 * Options of {@link mcnemarTest}.
 *
 * @example
 * ```ts
 * // 236 discordant pairs: the default ('auto') would use chi-square.
 * const options: McNemarOptions = { exact: true };
 * const m = mcnemarTest(150, 86, options) as McNemarResult;
 * m.method; // => 'mcnemar-exact'
 * ```
 */
export interface McNemarOptions {
  /**
   * `auto` (default): exact binomial when there are fewer than 25 discordant
   * pairs, chi-square with continuity correction otherwise. `true`/`false` force.
   */
  readonly exact?: 'auto' | boolean;
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
  /** Exact: b (pairs that went yes → no); chi-square: (|b − c| − 1)² / (b + c), or 0 when b = c. */
  readonly statistic: number;
  readonly b: number;
  readonly c: number;
  /** Degrees of freedom (1) for the chi-square version; absent for the exact one. */
  readonly df?: number;
}

/** Fewer discordant pairs than this use the exact test under `auto`. */
const MCNEMAR_EXACT_BELOW = 25;

/**
 * McNemar's test for a binary measure before and after (two-sided): did as
 * many change one way as the other? Only the discordant pairs count: `b` went
 * from yes to no, `c` from no to yes (or any fixed labelling).
 *
 * With fewer than 25 discordant pairs (`auto`) the p-value is the exact
 * binomial one, b ~ Bin(b + c, ½), as R's `binom.test(b, b + c)`; otherwise
 * the chi-square statistic with continuity correction, (|b − c| − 1)²/(b + c)
 * on 1 df, exactly as R's `mcnemar.test` (which, like this function, leaves
 * the correction out when b = c, so that the statistic is 0 and p = 1).
 *
 * @param b - discordant pairs one way (a count)
 * @param c - discordant pairs the other way (a count)
 * @param options - `exact`
 * @returns the test, or {@link NotComputed} `too_few` with fewer than {@link MIN_PAIRS_FOR_TEST} discordant pairs
 * @throws UppfoljningError when b or c is not a whole number ≥ 0, or `options.exact` is not `'auto'`, true or false (`one_of`)
 * @see Q. McNemar (1947), Note on the sampling error of the difference between correlated proportions or percentages. Psychometrika 12:153–157.
 * @see A. Agresti (2013), Categorical Data Analysis, 3rd ed., §11.1 (exact version, and the 25-pair rule of thumb is statsmodels' `mcnemar` default).
 *
 * @example
 * ```ts
 * // Agresti (1990) p. 350, presidential approval ratings, R's ?mcnemar.test: b = 150, c = 86
 * mcnemarTest(150, 86);
 * // => { computed: true, n: 236, method: 'mcnemar-chi-square', statistic: 16.8177…, pValue: 4.1145…e-5, b: 150, c: 86, df: 1, … }
 * ```
 */
export function mcnemarTest(b: number, c: number, options: McNemarOptions = {}): McNemarResult | NotComputed {
  throwIfAny(countIssues(b, ['b']));
  throwIfAny(countIssues(c, ['c']));
  throwIfAny(optionsIssues(options));
  const exactGiven = optionsOf(options).exact;
  throwIfAny(oneOfIssues(exactGiven, ['auto', true, false] as const, ['options', 'exact']));
  const exactOption = oneOfOr(exactGiven, ['auto', true, false] as const, 'auto');
  const n = b + c;
  if (n < MIN_PAIRS_FOR_TEST) return notComputed(n, 'too_few', { minimum: MIN_PAIRS_FOR_TEST });
  const exact = exactOption === 'auto' ? n < MCNEMAR_EXACT_BELOW : exactOption;
  if (exact) {
    return {
      computed: true,
      n,
      method: 'mcnemar-exact',
      statisticName: 'b',
      statistic: b,
      pValue: binomialTwoSided(b, n, 0.5),
      alternative: 'two-sided',
      b,
      c,
      notes: [note('exact_distribution')],
    };
  }
  // As R: the correction is applied only when b ≠ c (otherwise the statistic is 0).
  const corrected = b !== c;
  const statistic = (Math.abs(b - c) - (corrected ? 1 : 0)) ** 2 / n;
  return {
    computed: true,
    n,
    method: 'mcnemar-chi-square',
    statisticName: "McNemar's chi-squared",
    statistic,
    alternative: 'two-sided',
    pValue: chiSquareUpper(statistic, 1),
    b,
    c,
    df: 1,
    notes: [note('chi_square_approximation', { df: 1 }), ...(corrected ? [note('continuity_corrected')] : [])],
  };
}
