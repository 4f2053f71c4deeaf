import { notComputed, type NotComputed } from '../core/not-computed.js';
import { issue } from '../core/issue.js';
import { finiteArrayIssues, throwIfAny } from '../core/args.js';
import { noncentralTCdf } from './_lib/special.js';
import { midRanks } from './_lib/rank.js';
import { note, type StatsNote } from './methods.js';
import { meanSd } from './paired.js';
import { CohenDzOptionsSchema, parseOptions, type CohenDzOptions } from './options.js';

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
  /** The interval's lower limit; `-Infinity` for `alternative: 'less'`. */
  readonly lower: number;
  /** The interval's upper limit; `Infinity` for `alternative: 'greater'`. */
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
 * With `alternative: 'greater'` it is the one-sided interval from the lower
 * limit at level `confidence` to `Infinity` (`less`: from `-Infinity`), the
 * interval that goes with a one-sided paired t-test. In R:
 * `mean(d) / sd(d)`, and the limits are the δ/√n that solve
 * `pt(t, n - 1, ncp = δ) = 1 − α/2` and `α/2` (one-sided: `1 − α` or `α`).
 *
 * @param differences - the paired differences, finite numbers
 * @param options - `confidence` (default 0.95), `alternative` ({@link CohenDzOptions})
 * @returns the effect size with its interval, or {@link NotComputed}: `too_few` (n < 2), `no_variation` (all differences equal)
 * @throws UppfoljningError when differences is not an array of finite numbers (`required`, `type`, `finite`),
 *   the options are not an object (`type`), `options.confidence` is not in (0, 1) (`open_interval`), or
 *   `options.alternative` is not one of its choices (`one_of`; unknown keys `unknown_key`)
 * @see J. Cohen (1988), Statistical Power Analysis for the Behavioral Sciences, 2nd ed., §2.3.5.
 * @see D. Lakens (2013), Calculating and reporting effect sizes to facilitate cumulative science. Front Psychol 4:863, eq. 6.
 * @see J. H. Steiger, R. T. Fouladi (1997), Noncentrality interval estimation and the evaluation of statistical models. In: What if there were no significance tests? Erlbaum, 221–257.
 *
 * @example
 * ```ts
 * cohenDz([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4]); // R's sleep data
 * // => { computed: true, n: 10, method: 'cohen-dz', estimate: 1.2845…, lower: 0.4146…, upper: 2.1180…, confidence: 0.95, notes: [] }
 * cohenDz([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4], { alternative: 'greater' });
 * // => { estimate: 1.2845…, lower: 0.5446…, upper: Infinity, … }
 * ```
 */
export function cohenDz(differences: readonly number[], options: CohenDzOptions = {}): CohenDzResult | NotComputed {
  throwIfAny(finiteArrayIssues(differences, ['differences']));
  const { confidence, alternative } = parseOptions(CohenDzOptionsSchema, options);
  const n = differences.length;
  if (n < 2) return notComputed(n, 'too_few', { minimum: 2 });
  const { mean, sd } = meanSd(differences);
  if (sd === 0) return notComputed(n, 'no_variation');
  const estimate = mean / sd;
  const t = estimate * Math.sqrt(n);
  const df = n - 1;
  const alpha = 1 - confidence;
  const tail = alternative === 'two-sided' ? alpha / 2 : alpha;
  const lower = alternative === 'less' ? -Infinity : noncentralityFor(t, df, 1 - tail) / Math.sqrt(n);
  const upper = alternative === 'greater' ? Infinity : noncentralityFor(t, df, tail) / Math.sqrt(n);
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
 * The result of {@link cohenDav} and {@link hedgesGav}.
 *
 * @example
 * ```ts
 * const d = cohenDav([1, 2, 3, 4], [2, 4, 4, 6]) as CohenDavResult;
 * d.meanDifference; // => 1.5
 * ```
 */
export interface CohenDavResult extends EffectSize<'cohen-dav' | 'hedges-gav'> {
  /** The mean of after − before. */
  readonly meanDifference: number;
  readonly sdBefore: number;
  readonly sdAfter: number;
  /** Hedges' small-sample factor J the estimate was multiplied by (1 for d_av). */
  readonly correction: number;
}

/** Checks the two measurements of d_av and g_av and computes d_av with its parts. */
function averageSd(
  before: readonly number[],
  after: readonly number[],
): { n: number; meanDifference: number; sdBefore: number; sdAfter: number } | NotComputed {
  throwIfAny(finiteArrayIssues(before, ['before']));
  throwIfAny(finiteArrayIssues(after, ['after']));
  if (before.length !== after.length) {
    throwIfAny([issue(['after'], 'length_mismatch', { other: 'before', length: after.length, otherLength: before.length })]);
  }
  const n = before.length;
  if (n < 2) return notComputed(n, 'too_few', { minimum: 2 });
  const b = meanSd(before);
  const a = meanSd(after);
  if (a.sd + b.sd === 0) return notComputed(n, 'no_variation');
  return { n, meanDifference: a.mean - b.mean, sdBefore: b.sd, sdAfter: a.sd };
}

/**
 * Cohen's d_av for paired data: the mean difference (after − before) divided
 * by the average of the two standard deviations, (sd_before + sd_after)/2
 * (Lakens 2013, formula 10). Unlike {@link cohenDz} it ignores the
 * correlation between the measurements, so it is on the scale of a d between
 * independent groups and can be compared with one; d_z says how consistently
 * the differences point one way. No confidence interval: d_av has no exact
 * one (its distribution depends on the unknown correlation).
 * In R: `(mean(after) - mean(before)) / ((sd(before) + sd(after)) / 2)`.
 *
 * @param before - the measurements before, finite numbers
 * @param after - the measurements after, in the same order
 * @returns the effect size, or {@link NotComputed}: `too_few` (n < 2), `no_variation` (both measurements constant)
 * @throws UppfoljningError when an argument is not an array of finite numbers (`required`, `type`, `finite`,
 *   paths `before[i]`, `after[i]`), or the lengths differ (`length_mismatch`)
 * @see D. Lakens (2013), Calculating and reporting effect sizes to facilitate cumulative science: a practical primer for t-tests and ANOVAs. Front Psychol 4:863, formula 10.
 * @see G. Cumming (2012), Understanding the New Statistics. Routledge, p. 291.
 *
 * @example
 * ```ts
 * // Lakens (2013) Table 1: ten people rate two movies; d_av = 1.13
 * cohenDav([9, 6, 7, 8, 7, 9, 8, 8, 8, 7], [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]);
 * // => { computed: true, n: 10, method: 'cohen-dav', estimate: 1.1286…, meanDifference: 1, correction: 1, … }
 * ```
 */
export function cohenDav(before: readonly number[], after: readonly number[]): CohenDavResult | NotComputed {
  const parts = averageSd(before, after);
  if ('computed' in parts) return parts;
  const estimate = parts.meanDifference / ((parts.sdBefore + parts.sdAfter) / 2);
  return { computed: true, method: 'cohen-dav', estimate, ...parts, correction: 1, notes: [] };
}

/**
 * Hedges' g_av for paired data: {@link cohenDav} multiplied by Hedges'
 * small-sample correction J = 1 − 3/(4(n₁ + n₂) − 9) with n₁ = n₂ = n
 * (Lakens 2013, formula 4, as his spreadsheet applies it to d_av), which takes
 * off the upward bias of d in small samples.
 * In R: `d_av * (1 - 3 / (4 * (2 * n) - 9))`.
 *
 * @param before - the measurements before, finite numbers
 * @param after - the measurements after, in the same order
 * @returns the effect size, or {@link NotComputed}: `too_few` (n < 2), `no_variation` (both measurements constant)
 * @throws UppfoljningError when an argument is not an array of finite numbers (`required`, `type`, `finite`),
 *   or the lengths differ (`length_mismatch`)
 * @see D. Lakens (2013), Calculating and reporting effect sizes to facilitate cumulative science. Front Psychol 4:863, formulas 4 and 10.
 * @see L. V. Hedges (1981), Distribution theory for Glass's estimator of effect size and related estimators. J Educ Stat 6:107–128.
 *
 * @example
 * ```ts
 * // Lakens (2013) Table 1: J = 1 − 3/71
 * hedgesGav([9, 6, 7, 8, 7, 9, 8, 8, 8, 7], [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]);
 * // => { computed: true, n: 10, method: 'hedges-gav', estimate: 1.0810…, correction: 0.9577…, … }
 * ```
 */
export function hedgesGav(before: readonly number[], after: readonly number[]): CohenDavResult | NotComputed {
  const parts = averageSd(before, after);
  if ('computed' in parts) return parts;
  const correction = 1 - 3 / (4 * (2 * parts.n) - 9);
  const estimate = (correction * parts.meanDifference) / ((parts.sdBefore + parts.sdAfter) / 2);
  return { computed: true, method: 'hedges-gav', estimate, ...parts, correction, notes: [] };
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
 * Base R has no function for it; in R terms it is (V⁺ − V⁻) / (V⁺ + V⁻) with
 * V⁺ = `wilcox.test(d)$statistic` and V⁻ = m(m + 1)/2 − V⁺ for the m non-zero
 * differences.
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
