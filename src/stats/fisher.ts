import { issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { tableIssues, throwIfAny } from '../core/args.js';
import { R_REL_TOL } from './_lib/freeman-halton.js';
import { bisectIncreasing, logFactorial } from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import { FisherOptionsSchema, parseOptions, type FisherOptions } from './options.js';
import type { Alternative, Interval, TestResult } from './result.js';

export type { FisherOptions } from './options.js';

/**
 * A 2×2 table of counts: `[[a, b], [c, d]]`, rows are groups, columns outcomes.
 *
 * @example
 * ```ts
 * // Rows: two groups; columns: goal met, not met.
 * const table: Table2x2 = [[9, 1], [3, 7]];
 * const f = fisherExact2x2(table) as FisherResult;
 * f.pValue; // => 0.01976…
 * ```
 */
export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

/**
 * The result of {@link fisherExact2x2}.
 *
 * @example
 * ```ts
 * const f = fisherExact2x2([[3, 1], [1, 3]]) as FisherResult; // Fisher's tea-tasting
 * f.estimate; // => 6.4083…
 * f.pValue; // => 0.4857…
 * ```
 */
export interface FisherResult extends TestResult<'fisher-exact'> {
  /** The count in the first cell, a (the statistic whose distribution the test uses). */
  readonly statistic: number;
  readonly statisticName: 'a';
  /**
   * The conditional maximum-likelihood odds ratio: 0 or `Infinity` when a is at the
   * end of its range (with an `estimate_at_boundary` note); absent when the margins
   * leave the table no freedom (a zero row or column total).
   */
  readonly estimate?: number;
  readonly estimateName: 'odds ratio';
  /** The exact conditional interval of the odds ratio (one-sided for a one-sided alternative); `upper` may be `Infinity`. */
  readonly interval: Interval;
}

/** Ignored beyond this many nats below the largest weight: e^−40 ≈ 4·10⁻¹⁸ relative, below double precision. */
const NEGLIGIBLE = -40;
const SMALLEST = Math.exp(NEGLIGIBLE);
/** The most support points the interval may visit (the smallest margin up to about 10⁸). */
const MAX_SUPPORT = 100_000;

/**
 * Loader's log-probability of the hypergeometric (the algorithm of R's
 * `dhyper`): through the binomial's saddle-point form with Stirling's error
 * term and the deviance bd0, so that it keeps its digits for counts in the
 * millions, where log-factorials of large numbers cancel away ~10⁻⁹ of them.
 * C. Loader (2000), Fast and accurate computation of binomial probabilities.
 */
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
function stirlerr(n: number): number {
  if (n <= 15) return logFactorial(n) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}
/** x log(x / np) + np − x, without cancellation when x is near np. */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}
/** log P(X = x), X ~ Bin(n, p), q = 1 − p given separately (R's `dbinom_raw`, log scale). */
function logBinomialRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) return n === 0 ? 0 : p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  return lc - 0.5 * (Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n));
}
/** log P(A = x) for the first cell with row totals r1, r2 and first column total c1. */
function logHypergeometric(x: number, r1: number, r2: number, c1: number): number {
  const n = r1 + r2;
  const p = c1 / n;
  const q = (n - c1) / n;
  return logBinomialRaw(x, r1, p, q) + logBinomialRaw(c1 - x, r2, p, q) - logBinomialRaw(c1, n, p, q);
}

/** The log of p(x + 1)/p(x) for the first cell under odds ratio e^logPsi. */
const logStep = (r1: number, r2: number, c1: number, logPsi: number, x: number) =>
  Math.log(r1 - x) + Math.log(c1 - x) - Math.log(x + 1) - Math.log(r2 - c1 + x + 1) + logPsi;

/** The mode of the first cell under odds ratio e^logPsi: the first x whose step to x + 1 goes down (steps decrease in x). */
function modeOf(r1: number, r2: number, c1: number, logPsi: number): number {
  let a = Math.max(0, c1 - r2);
  let b = Math.min(r1, c1);
  while (a < b) {
    const m = Math.floor((a + b) / 2);
    if (logStep(r1, r2, c1, logPsi, m) <= 0) b = m;
    else a = m + 1;
  }
  return a;
}

/**
 * The distribution of the first cell of a 2×2 table with fixed margins under
 * odds ratio e^logPsi (Fisher's noncentral hypergeometric), over the support
 * points that carry probability only: the distribution is log-concave, so
 * from its mode the weights fall away on both sides, and the walk stops once
 * they are e^−40 below the largest. Neighbouring weights are related by
 * p(x + 1)/p(x) = (r₁ − x)(c₁ − x) / ((x + 1)(r₂ − c₁ + x + 1)) · ψ, so no
 * factorial of a large count is taken and the work is the width of the mass
 * (about ±9 standard deviations), not the width of the support.
 */
function distribution(r1: number, r2: number, c1: number, logPsi: number) {
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const mode = modeOf(r1, r2, c1, logPsi);
  // In plain numbers from 1 at the mode, falling on each side: nothing can overflow.
  const psi = Math.exp(logPsi);
  const ratio = (x: number) => (((r1 - x) * (c1 - x)) / ((x + 1) * (r2 - c1 + x + 1))) * psi;
  const below: number[] = [];
  for (let x = mode - 1, w = 1; x >= lo && w >= SMALLEST; x--) below.push((w /= ratio(x)));
  const above: number[] = [];
  for (let x = mode + 1, w = 1; x <= hi && w >= SMALLEST; x++) above.push((w *= ratio(x - 1)));
  const start = mode - below.length;
  const probs = new Float64Array(below.length + 1 + above.length);
  for (let i = 0; i < below.length; i++) probs[below.length - 1 - i] = below[i]!;
  probs[below.length] = 1;
  for (let i = 0; i < above.length; i++) probs[below.length + 1 + i] = above[i]!;
  let total = 0;
  for (const p of probs) total += p;
  for (let i = 0; i < probs.length; i++) probs[i] = probs[i]! / total;
  return { lo, hi, mode, start, probs };
}

type Distribution = ReturnType<typeof distribution>;

const sumWhere = (d: Distribution, take: (x: number, p: number) => boolean) => {
  let s = 0;
  for (let i = 0; i < d.probs.length; i++) if (take(d.start + i, d.probs[i]!)) s += d.probs[i]!;
  return s;
};

/**
 * The null hypothesis's p-value of a first cell `a` for an alternative, from
 * the (central) hypergeometric probabilities. These are log-concave, so the
 * tables more likely than a given one form an interval of a around the mode:
 * the two-sided p-value is the sum of the two tails outside it, each summed
 * from its inner end outward until the terms are e^−40 below its first (past
 * there they fall faster than a geometric series that cannot add up to
 * anything). So only the support points that carry probability are visited,
 * however large the table; each tail starts from Loader's accurate
 * log-probability of its first point and walks on by the ratio of neighbours.
 */
function centralP(r1: number, r2: number, c1: number, a: number, alternative: Alternative): number {
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const logP = (x: number) => logHypergeometric(x, r1, r2, c1);
  const step = (x: number) => logStep(r1, r2, c1, 0, x);
  const mode = modeOf(r1, r2, c1, 0);
  /** Σ p(y) for y from x outward (dir) to the end of the support. */
  const tail = (x: number, dir: 1 | -1) => {
    if (x < lo || x > hi) return 0;
    let l = logP(x);
    const floor = l + NEGLIGIBLE;
    let sum = 0;
    for (let y = x; y >= lo && y <= hi && l >= floor; y += dir) {
      sum += Math.exp(l);
      l += dir > 0 ? step(y) : -step(y - 1);
    }
    return sum;
  };
  if (alternative === 'greater') return a >= mode ? tail(a, 1) : 1 - tail(a - 1, -1);
  if (alternative === 'less') return a <= mode ? tail(a, -1) : 1 - tail(a + 1, 1);
  const threshold = logP(a) + Math.log(R_REL_TOL);
  if (logP(mode) <= threshold) return 1;
  // The interval [first, last] of tables more likely than a: bisect each side of the mode.
  const edge = (outer: number) => {
    let inner = mode;
    if (logP(outer) > threshold) return outer;
    while (Math.abs(outer - inner) > 1) {
      const m = Math.floor((inner + outer) / 2);
      if (logP(m) > threshold) inner = m;
      else outer = m;
    }
    return inner;
  };
  const first = edge(lo);
  const last = edge(hi);
  return tail(first - 1, -1) + tail(last + 1, 1);
}

/**
 * Fisher's exact test for a 2×2 table, with the conditional maximum-likelihood
 * odds ratio and its exact conditional interval.
 *
 * Equals R's `fisher.test(table, alternative =, conf.level = confidence)` option by option:
 * `two-sided` (default) sums the probabilities of the tables with the same margins that
 * are no more likely than the one observed (R's relative tolerance 1 + 10⁻⁷ included);
 * `greater` is P(A ≥ a), an odds ratio above 1, with the interval `[lower, Infinity]`;
 * `less` is P(A ≤ a) with `[0, upper]`. The estimate and limits are solved to machine
 * precision, where R's `uniroot` stops at its default tolerance (about 10⁻⁴), so they
 * agree with R's printed digits, not its last ones. Differences from R: with a zero row
 * or column total R reports an odds ratio of 0; here the estimate is absent (it is not
 * identified) and the interval is `[0, Infinity]`. Only the support points that carry
 * probability are visited (those within e⁻⁴⁰ of the largest, and the observed one), so a
 * table of a million people costs no more than a table of a thousand.
 *
 * @param table - `[[a, b], [c, d]]`, whole numbers ≥ 0
 * @param options - `alternative` (default `two-sided`), `confidence` of the interval (default 0.95)
 * @returns the test, or {@link NotComputed} `too_few` when the table is empty (n = 0)
 * @throws UppfoljningError when the table is not an array (`required`, `type`) or not 2×2 (`table_shape`), a cell is
 *   not a whole number ≥ 0 (path `table[i][j]`), an option is wrong (`type`, `one_of` for `options.alternative`,
 *   `open_interval` for `options.confidence`), or the margins are so large (the smallest above about 10⁸) that
 *   the support points carrying probability would not fit in memory (`too_large`)
 * @see R. A. Fisher (1935), The logic of inductive inference. JRSS 98:39–82 (the tea-tasting example).
 * @see A. Agresti (2013), Categorical Data Analysis, 3rd ed., §3.5 and §16.6 (conditional MLE and interval).
 *
 * @example
 * ```ts
 * // Fisher's tea-tasting, R's ?fisher.test: fisher.test(TeaTasting, alternative = "greater") prints p-value = 0.2429
 * fisherExact2x2([[3, 1], [1, 3]], { alternative: 'greater' });
 * // => { computed: true, method: 'fisher-exact', statisticName: 'a', statistic: 3, pValue: 0.2428…, alternative: 'greater', estimate: 6.4083…, estimateName: 'odds ratio', interval: { lower: 0.3135…, upper: Infinity, confidence: 0.95 }, n: 8, … }
 * fisherExact2x2([[3, 1], [1, 3]]);
 * // => { computed: true, …, pValue: 0.4857…, alternative: 'two-sided', estimate: 6.4083…, interval: { lower: 0.2117…, upper: 626.24…, confidence: 0.95 }, … }
 * ```
 */
export function fisherExact2x2(table: Table2x2, options: FisherOptions = {}): FisherResult | NotComputed {
  throwIfAny(tableIssues(table, ['table']));
  if (table.length !== 2 || table[0]!.length !== 2) {
    throw new UppfoljningError([issue(['table'], 'table_shape', { minRows: 2, minCols: 2 })]);
  }
  const { alternative, confidence } = parseOptions(FisherOptionsSchema, options);
  const [[a, b], [c, d]] = table;
  const n = a + b + c + d;
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  // The support points that carry probability span some 20 standard deviations of the first
  // cell, and its variance under any odds ratio is at most a quarter of the smallest margin;
  // the interval visits them a few hundred times, so their number is kept to 100,000.
  const width = Math.ceil(20 * Math.sqrt(Math.min(r1, r2, c1, b + d) / 4));
  if (width > MAX_SUPPORT) throw new UppfoljningError([issue(['table'], 'too_large', { total: width, maximum: MAX_SUPPORT })]);
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const pValue = Math.min(1, centralP(r1, r2, c1, a, alternative));

  const notes: StatsNote[] = [note('exact_distribution')];
  const result = (interval: Interval, estimate?: number): FisherResult => ({
    computed: true,
    method: 'fisher-exact',
    statisticName: 'a',
    statistic: a,
    pValue,
    alternative,
    ...(estimate === undefined ? {} : { estimate }),
    estimateName: 'odds ratio',
    interval,
    n,
    notes,
  });
  if (lo === hi) {
    // Degenerate margins: every table is the observed one, nothing to estimate.
    notes.push(note('estimate_at_boundary'));
    return result({ lower: 0, upper: Infinity, confidence });
  }
  // The tails solved for are α-sized, far above e^−40, so the window around the mode suffices.
  const at = (logPsi: number) => distribution(r1, r2, c1, logPsi);
  const B = 60; // ψ searched within e^±60, far past any odds ratio met in practice
  const mean = (t: number) => {
    const dist = at(t);
    let s = 0;
    for (let i = 0; i < dist.probs.length; i++) s += (dist.start + i) * dist.probs[i]!;
    return s;
  };
  const atLeast = (t: number) => sumWhere(at(t), (x) => x >= a);
  const atMost = (t: number) => sumWhere(at(t), (x) => x <= a);
  // R's ncp.L: P_ψ(A ≥ a) = α rises with ψ; ncp.U: P_ψ(A ≤ a) = α falls with ψ.
  const lowerLimit = (alpha: number) => (a === lo ? 0 : Math.exp(bisectIncreasing(atLeast, alpha, -B, B)));
  const upperLimit = (alpha: number) => (a === hi ? Infinity : Math.exp(bisectIncreasing((t) => -atMost(t), -alpha, -B, B)));
  const estimate = a === lo ? 0 : a === hi ? Infinity : Math.exp(bisectIncreasing(mean, a, -B, B));
  if (a === lo || a === hi) notes.push(note('estimate_at_boundary'));
  const alpha = 1 - confidence;
  const interval: Interval =
    alternative === 'less'
      ? { lower: 0, upper: upperLimit(alpha), confidence }
      : alternative === 'greater'
        ? { lower: lowerLimit(alpha), upper: Infinity, confidence }
        : { lower: lowerLimit(alpha / 2), upper: upperLimit(alpha / 2), confidence };
  return result(interval, estimate);
}
