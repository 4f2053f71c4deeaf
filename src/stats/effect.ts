import { notComputed, type NotComputed } from '../core/not-computed.js';
import { finiteArrayIssues, openIssues, optionsIssues, optionsOf, throwIfAny } from '../core/args.js';
import { noncentralTCdf } from './_lib/special.js';
import { midRanks } from './_lib/rank.js';
import { note, type StatsNote } from './methods.js';
import { meanSd } from './paired.js';

/**
 * An effect size: a number on a stated scale, with n and method. Plain JSON.
 *
 * @example
 * ```ts
 * const e = cohenDz([1, 2, 3]) as EffectSize<'cohen-dz'>;
 * e.estimate; // => 2
 * ```
 */
export interface EffectSize<M extends string> {
  readonly computed: true;
  readonly n: number;
  readonly method: M;
  readonly estimate: number;
  readonly notes: readonly StatsNote[];
}

/**
 * Options of {@link cohenDz}.
 *
 * @example
 * ```ts
 * const options: CohenDzOptions = { confidence: 0.9 };
 * const d = cohenDz([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4], options) as CohenDzResult;
 * [d.lower, d.upper]; // => [0.5446…, 1.9746…]
 * ```
 */
export interface CohenDzOptions {
  /** Confidence level of the interval. Default 0.95. */
  readonly confidence?: number;
}

/**
 * The result of {@link cohenDz}: the estimate with its exact confidence interval.
 *
 * @example
 * ```ts
 * const d = cohenDz([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]) as CohenDzResult; // R's sleep data
 * d.estimate; // => 1.2845…
 * d.lower; // => 0.4146…
 * ```
 */
export interface CohenDzResult extends EffectSize<'cohen-dz'> {
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
}

/**
 * Cohen's d for paired data, d_z: the mean difference divided by the standard
 * deviation of the differences (so d_z = t / √n for the paired t statistic).
 * It measures how consistently the differences point one way, which is not
 * the same as d for two independent groups; say d_z when reporting it.
 *
 * The interval is exact under normality: it inverts the noncentral t
 * distribution of t = d_z·√n (Steiger and Fouladi's method, as
 * `MBESS::ci.smd`), so it is honest about how little eight clients tell.
 *
 * @param differences - the paired differences, finite numbers
 * @param options - `confidence` (default 0.95)
 * @returns the effect size with its interval, or {@link NotComputed}: `too_few` (n < 2), `no_variation` (all differences equal)
 * @throws UppfoljningError when differences is not an array of finite numbers (`required`, `type`, `finite`),
 *   the options are not an object (`type`), or `options.confidence` is not in (0, 1) (`open_interval`)
 * @see J. Cohen (1988), Statistical Power Analysis for the Behavioral Sciences, 2nd ed., §2.3.5.
 * @see D. Lakens (2013), Calculating and reporting effect sizes to facilitate cumulative science. Front Psychol 4:863, eq. 6.
 * @see J. H. Steiger, R. T. Fouladi (1997), Noncentrality interval estimation and the evaluation of statistical models. In: What if there were no significance tests? Erlbaum, 221–257.
 *
 * @example
 * ```ts
 * cohenDz([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]); // R's sleep data
 * // => { computed: true, n: 10, method: 'cohen-dz', estimate: 1.2845…, lower: 0.4146…, upper: 2.1180…, confidence: 0.95, notes: [] }
 * ```
 */
export function cohenDz(differences: readonly number[], options: CohenDzOptions = {}): CohenDzResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  throwIfAny(optionsIssues(options));
  const confidence = optionsOf(options).confidence ?? 0.95;
  throwIfAny(openIssues(confidence, ['options', 'confidence']));
  const n = differences.length;
  if (n < 2) return notComputed(n, 'too_few', { minimum: 2 });
  const { mean, sd } = meanSd(differences);
  if (sd === 0) return notComputed(n, 'no_variation');
  const estimate = mean / sd;
  const t = estimate * Math.sqrt(n);
  const df = n - 1;
  const alpha = 1 - confidence;
  const lower = noncentralityFor(t, df, 1 - alpha / 2) / Math.sqrt(n);
  const upper = noncentralityFor(t, df, alpha / 2) / Math.sqrt(n);
  return { computed: true, n, method: 'cohen-dz', estimate, lower, upper, confidence, notes: [] };
}

/** The noncentrality δ with P(T ≤ t | df, δ) = target (the tail falls as δ grows). */
function noncentralityFor(t: number, df: number, target: number): number {
  let width = 4;
  let lo = t - width;
  let hi = t + width;
  while (noncentralTCdf(t, df, lo) < target) lo -= (width *= 2);
  while (noncentralTCdf(t, df, hi) > target) hi += (width *= 2);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (noncentralTCdf(t, df, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The result of {@link rankBiserialPaired}.
 *
 * @example
 * ```ts
 * const r = rankBiserialPaired([1, 2, 3, -4]) as RankBiserialResult;
 * r.positiveRankSum; // => 6
 * r.estimate; // => 0.2
 * ```
 */
export interface RankBiserialResult extends EffectSize<'rank-biserial-paired'> {
  /** Sum of the ranks of positive differences. */
  readonly positiveRankSum: number;
  /** Sum of the ranks of negative differences. */
  readonly negativeRankSum: number;
  readonly zeros: number;
}

/**
 * The matched-pairs rank-biserial correlation (Kerby's simple difference
 * formula): the share of the rank sum on positive differences minus the share
 * on negative ones, from −1 (every difference negative) to +1 (every one
 * positive). It is the effect size that goes with the signed-rank test; zeros
 * are dropped as in {@link wilcoxonSignedRank}'s default, ties get mid-ranks.
 *
 * @param differences - the paired differences, finite numbers
 * @returns the effect size, or {@link NotComputed} `too_few` when no difference is non-zero
 * @throws UppfoljningError when differences is not an array of finite numbers (`required`, `type`, `finite`)
 * @see D. S. Kerby (2014), The simple difference formula: an approach to teaching nonparametric correlation. Comprehensive Psychology 3:11.IT.3.1.
 * @see G. V. Glass (1965), A ranking variable analogue of biserial correlation. Educ Psychol Meas 25:91–95.
 *
 * @example
 * ```ts
 * rankBiserialPaired([1, 2, 3, -4]);
 * // positive ranks 1 + 2 + 3 = 6, negative 4, total 10: (6 − 4) / 10
 * // => { computed: true, n: 4, method: 'rank-biserial-paired', estimate: 0.2, positiveRankSum: 6, negativeRankSum: 4, zeros: 0, notes: [] }
 * ```
 */
export function rankBiserialPaired(differences: readonly number[]): RankBiserialResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  const nonZero = differences.filter((d) => d !== 0);
  const zeros = differences.length - nonZero.length;
  const n = nonZero.length;
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const { ranks } = midRanks(nonZero.map(Math.abs));
  let positiveRankSum = 0;
  let negativeRankSum = 0;
  nonZero.forEach((d, i) => {
    if (d > 0) positiveRankSum += ranks[i]!;
    else negativeRankSum += ranks[i]!;
  });
  const total = positiveRankSum + negativeRankSum;
  return {
    computed: true,
    n,
    method: 'rank-biserial-paired',
    estimate: (positiveRankSum - negativeRankSum) / total,
    positiveRankSum,
    negativeRankSum,
    zeros,
    notes: zeros > 0 ? [note('zeros_dropped', { count: zeros })] : [],
  };
}
