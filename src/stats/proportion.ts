import { notComputed, type NotComputed } from '../core/not-computed.js';
import { oneOfIssues, oneOfOr, openIssues, optionsIssues, optionsOf, successesIssues, throwIfAny, typeIssues } from '../core/args.js';
import { betaQuantile, normalQuantile } from './_lib/special.js';
import { note, type StatsNote } from './methods.js';

/**
 * Options of the interval functions for a share.
 *
 * @example
 * ```ts
 * const options: ShareIntervalOptions = { confidence: 0.9 };
 * const s = wilsonInterval(5, 8, options) as ShareInterval;
 * [s.lower, s.upper]; // => [0.3479…, 0.8388…]
 * ```
 */
export interface ShareIntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly confidence?: number;
  /**
   * The continuity-corrected Wilson interval (Newcombe's method 4; for a difference, his
   * method 11), `wilsonInterval` and `newcombeDifference` only. Default false.
   */
  readonly correct?: boolean;
}

/**
 * A share (proportion) with its confidence interval. Plain JSON.
 *
 * @example
 * ```ts
 * const share: ShareInterval = wilsonInterval(5, 8) as ShareInterval;
 * ```
 */
export interface ShareInterval {
  readonly computed: true;
  /** The number of observations. */
  readonly n: number;
  /** The number with the property. */
  readonly successes: number;
  /** successes / n. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly method: 'wilson' | 'clopper-pearson';
  readonly notes: readonly StatsNote[];
}

/**
 * @internal The Wilson bounds, used also by the Newcombe interval. With
 * `correct`, each bound is the Wilson bound of the share moved half an
 * observation outward (p ∓ 1/(2n)), which is Newcombe's closed form of the
 * continuity-corrected interval (his method 4, R's `prop.test` form).
 */
export function wilsonBounds(successes: number, n: number, z: number, correct = false): [number, number] {
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  // Centre and half-width divided separately, as before `correct` existed, so the uncorrected bounds keep their last bits.
  const bound = (q: number, sign: 1 | -1) =>
    (q + z2 / (2 * n)) / denom + sign * ((z * Math.sqrt((q * (1 - q)) / n + z2 / (4 * n * n))) / denom);
  const shift = correct ? 0.5 / n : 0;
  // At 0 and n the bounds are exactly 0 and 1; write them so, not as round-off.
  const lower = successes === 0 || p - shift <= 0 ? 0 : Math.max(0, bound(p - shift, -1));
  const upper = successes === n || p + shift >= 1 ? 1 : Math.min(1, bound(p + shift, 1));
  return [lower, upper];
}

/**
 * The Wilson score interval for a share: the default interval for every share
 * in the library, because it keeps close to its nominal coverage even for
 * small n and shares near 0 or 1, where the textbook Wald interval fails.
 * Equals R's `prop.test(x, n, correct = FALSE)$conf.int`; with `correct: true`
 * the continuity-corrected interval, Newcombe's method 4, which is
 * `prop.test(x, n, correct = TRUE)$conf.int` except at x = n/2 exactly: R caps
 * its correction at |x − n/2| (a rule of its test of p = ½), so there it gives
 * the uncorrected interval, where Newcombe's does not change.
 *
 * @param successes - the number with the property (a whole number, 0 ≤ successes ≤ n)
 * @param n - the number of observations (a whole number ≥ 0)
 * @param options - `confidence` (default 0.95), `correct` (default false)
 * @returns the share with its interval (with a `continuity_corrected` note when corrected), or
 *   {@link NotComputed} (`too_few`, minimum 1) when n = 0
 * @throws UppfoljningError when a count is not a whole number ≥ 0 (`finite`, `integer`, `min`),
 *   successes > n (`exceeds_total`), the options are not an object (`type`), the confidence is not
 *   strictly between 0 and 1 (`open_interval`, path `options.confidence`), or `options.correct` is not a boolean (`one_of`)
 * @see E. B. Wilson (1927), Probable inference, the law of succession, and statistical inference. JASA 22:209–212.
 * @see R. G. Newcombe (1998), Two-sided confidence intervals for the single proportion: comparison of seven methods. Stat Med 17:857–872 (methods 3 and 4).
 *
 * @example
 * ```ts
 * wilsonInterval(81, 263);
 * // => { computed: true, n: 263, successes: 81, estimate: 0.30798…, lower: 0.25528…, upper: 0.36620…, confidence: 0.95, method: 'wilson', notes: [] }
 * // Newcombe (1998) Table I, method 4: 0.2535 to 0.3682
 * wilsonInterval(81, 263, { correct: true });
 * // => { computed: true, …, lower: 0.2535…, upper: 0.3681…, method: 'wilson', notes: [{ code: 'continuity_corrected', params: {} }] }
 * ```
 */
export function wilsonInterval(
  successes: number,
  n: number,
  options: ShareIntervalOptions = {},
): ShareInterval | NotComputed {
  throwIfAny(optionsIssues(options));
  const correctOption = optionsOf(options).correct;
  throwIfAny(oneOfIssues(correctOption, [true, false], ['options', 'correct']));
  const correct = correctOption === true;
  const r = shareInterval(successes, n, options, 'wilson', (confidence) =>
    wilsonBounds(successes, n, normalQuantile(1 - (1 - confidence) / 2), correct),
  );
  return r.computed && correct ? { ...r, notes: [note('continuity_corrected')] } : r;
}

/**
 * The exact (Clopper–Pearson) interval for a share, from the binomial
 * distribution: conservative (coverage at least the nominal level). Equals
 * R's `binom.test(x, n)$conf.int`.
 *
 * @param successes - the number with the property (a whole number, 0 ≤ successes ≤ n)
 * @param n - the number of observations (a whole number ≥ 0)
 * @param options - `confidence` (default 0.95)
 * @returns the share with its interval, or {@link NotComputed} (`too_few`, minimum 1) when n = 0
 * @throws UppfoljningError as {@link wilsonInterval}
 * @see C. J. Clopper, E. S. Pearson (1934), The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika 26:404–413.
 *
 * @example
 * ```ts
 * clopperPearsonInterval(15, 148);
 * // => { computed: true, n: 148, successes: 15, estimate: 0.10135…, lower: 0.05784…, upper: 0.16165…, confidence: 0.95, method: 'clopper-pearson', notes: [] }
 * ```
 */
export function clopperPearsonInterval(
  successes: number,
  n: number,
  options: ShareIntervalOptions = {},
): ShareInterval | NotComputed {
  // The exact interval has no continuity correction: `correct: true` is refused, not ignored.
  throwIfAny(optionsIssues(options));
  throwIfAny(oneOfIssues(optionsOf(options).correct, [false], ['options', 'correct']));
  return shareInterval(successes, n, options, 'clopper-pearson', (confidence) => {
    const alpha = 1 - confidence;
    const lower = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1);
    const upper = successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes);
    return [lower, upper];
  });
}

/** Checks the input of a one-share interval, then builds the result from its bounds. */
function shareInterval(
  successes: number,
  n: number,
  options: ShareIntervalOptions,
  method: ShareInterval['method'],
  bounds: (confidence: number) => [number, number],
): ShareInterval | NotComputed {
  throwIfAny(successesIssues(successes, n, ['successes'], ['n']));
  throwIfAny(optionsIssues(options));
  const confidence = optionsOf(options).confidence ?? 0.95;
  throwIfAny(openIssues(confidence, ['options', 'confidence']));
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const [lower, upper] = bounds(confidence);
  return { computed: true, n, successes, estimate: successes / n, lower, upper, confidence, method, notes: [] };
}

/**
 * Options of {@link shareWithInterval}.
 *
 * @example
 * ```ts
 * const options: ShareWithIntervalOptions = { method: 'clopper-pearson', confidence: 0.9 };
 * shareWithInterval(5, 8, options); // => { computed: true, n: 8, successes: 5, estimate: 0.625, lower: 0.2892…, upper: 0.8888…, confidence: 0.9, method: 'clopper-pearson' }
 * ```
 */
export interface ShareWithIntervalOptions extends ShareIntervalOptions {
  /** The interval: `wilson` (default) or `clopper-pearson`. */
  readonly method?: 'wilson' | 'clopper-pearson';
}

/**
 * A share with the interval chosen by name; what compile attaches to every
 * share.
 *
 * @param successes - the number with the property
 * @param n - the number of observations
 * @param options - `method` (default `wilson`) and `confidence` (default 0.95)
 * @returns as {@link wilsonInterval} or {@link clopperPearsonInterval}
 * @throws UppfoljningError as {@link wilsonInterval}, and when the method is neither (`one_of`, path `options.method`)
 * @see {@link wilsonInterval}, {@link clopperPearsonInterval}
 *
 * In R: `wilson` is `prop.test(x, n, conf.level =, correct = FALSE)$conf.int`,
 * `clopper-pearson` is `binom.test(x, n, conf.level =)$conf.int`; the estimate
 * is x / n in both.
 *
 * @example
 * ```ts
 * shareWithInterval(5, 8);
 * // => { computed: true, n: 8, successes: 5, estimate: 0.625, lower: 0.30574…, upper: 0.86315…, confidence: 0.95, method: 'wilson', notes: [] }
 * shareWithInterval(0, 0);
 * // => { computed: false, n: 0, reason: 'too_few', params: { n: 0, minimum: 1 } }
 * ```
 */
export function shareWithInterval(
  successes: number,
  n: number,
  options: ShareWithIntervalOptions = {},
): ShareInterval | NotComputed {
  throwIfAny(optionsIssues(options));
  const methodOption = optionsOf(options).method;
  throwIfAny(oneOfIssues(methodOption, ['wilson', 'clopper-pearson'] as const, ['options', 'method']));
  const method = oneOfOr(methodOption, ['wilson', 'clopper-pearson'] as const, 'wilson');
  return method === 'clopper-pearson'
    ? clopperPearsonInterval(successes, n, options)
    : wilsonInterval(successes, n, options);
}

/**
 * The difference of two independent shares, p1 − p2, with its interval.
 * Plain JSON.
 *
 * @example
 * ```ts
 * const d = newcombeDifference(56, 70, 48, 80) as ShareDifference;
 * d.estimate; // => 0.2
 * ```
 */
export interface ShareDifference {
  readonly computed: true;
  /** n1 + n2. */
  readonly n: number;
  readonly n1: number;
  readonly n2: number;
  readonly successes1: number;
  readonly successes2: number;
  readonly p1: number;
  readonly p2: number;
  /** p1 − p2 (the risk difference). */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly method: 'newcombe-wilson';
  readonly notes: readonly StatsNote[];
}

/**
 * Newcombe's hybrid score interval for the difference of two independent
 * shares (his method 10), built from the two Wilson intervals; with
 * `correct: true` from the two continuity-corrected ones (his method 11). It
 * behaves well for small groups and shares near 0 or 1. R has no function for
 * it; the tests compare with Newcombe's closed forms written out in R.
 *
 * @param successes1 - successes in group 1
 * @param n1 - size of group 1
 * @param successes2 - successes in group 2
 * @param n2 - size of group 2
 * @param options - `confidence` (default 0.95), `correct` (default false)
 * @returns the difference p1 − p2 with its interval, or {@link NotComputed} (`too_few`, minimum 1) when a group is empty
 * @throws UppfoljningError when a count is not a whole number ≥ 0, successes exceed their group, the options are
 *   not an object (`type`), or `options.confidence` is not in (0, 1)
 * @see R. G. Newcombe (1998), Interval estimation for the difference between independent proportions: comparison of eleven methods. Stat Med 17:873–890 (methods 10 and 11).
 *
 * @example
 * ```ts
 * newcombeDifference(56, 70, 48, 80);
 * // => { computed: true, n: 150, …, estimate: 0.2, lower: 0.05243…, upper: 0.33387…, method: 'newcombe-wilson', … }
 * ```
 */
export function newcombeDifference(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  options: ShareIntervalOptions = {},
): ShareDifference | NotComputed {
  throwIfAny(successesIssues(successes1, n1, ['successes1'], ['n1']));
  throwIfAny(successesIssues(successes2, n2, ['successes2'], ['n2']));
  throwIfAny(optionsIssues(options));
  const confidence = optionsOf(options).confidence ?? 0.95;
  throwIfAny(openIssues(confidence, ['options', 'confidence']));
  const correctOption = optionsOf(options).correct;
  throwIfAny(oneOfIssues(correctOption, [true, false], ['options', 'correct']));
  const correct = correctOption === true;
  if (n1 === 0 || n2 === 0) return notComputed(Math.min(n1, n2), 'too_few', { minimum: 1 });
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const [l1, u1] = wilsonBounds(successes1, n1, z, correct);
  const [l2, u2] = wilsonBounds(successes2, n2, z, correct);
  const estimate = p1 - p2;
  const lower = estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = estimate + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return {
    computed: true,
    n: n1 + n2,
    n1,
    n2,
    successes1,
    successes2,
    p1,
    p2,
    estimate,
    lower: Math.max(-1, lower),
    upper: Math.min(1, upper),
    confidence,
    method: 'newcombe-wilson',
    notes: correct ? [note('continuity_corrected')] : [],
  };
}

/**
 * One group's count of successes out of n.
 *
 * @example
 * ```ts
 * const goalMetWomen: SuccessCount = { successes: 9, n: 10 };
 * const goalMetMen: SuccessCount = { successes: 3, n: 10 };
 * const d = riskDifference(goalMetWomen, goalMetMen) as ShareDifference;
 * d.estimate; // => 0.6
 * ```
 */
export interface SuccessCount {
  readonly successes: number;
  readonly n: number;
}

/**
 * The risk difference (difference of two shares) as an effect size, with
 * Newcombe's interval; the same computation as {@link newcombeDifference},
 * taking each group as `{ successes, n }`.
 *
 * @param group1 - the first group
 * @param group2 - the second group
 * @param options - `confidence` (default 0.95)
 * @returns as {@link newcombeDifference}; errors name `group1.successes`, `group2.n`, …
 * @throws UppfoljningError as {@link newcombeDifference}, and when a group is not an object (`required`, `type`, path `group1`/`group2`)
 * @see R. G. Newcombe (1998), Stat Med 17:873–890 (method 10).
 *
 * @example
 * ```ts
 * riskDifference({ successes: 9, n: 10 }, { successes: 3, n: 10 });
 * // => { computed: true, …, estimate: 0.6, lower: 0.17052…, upper: 0.80901…, method: 'newcombe-wilson', … }
 * ```
 */
export function riskDifference(
  group1: SuccessCount,
  group2: SuccessCount,
  options: ShareIntervalOptions = {},
): ShareDifference | NotComputed {
  throwIfAny(typeIssues(group1, 'object', ['group1']));
  throwIfAny(successesIssues(group1.successes, group1.n, ['group1', 'successes'], ['group1', 'n']));
  throwIfAny(typeIssues(group2, 'object', ['group2']));
  throwIfAny(successesIssues(group2.successes, group2.n, ['group2', 'successes'], ['group2', 'n']));
  return newcombeDifference(group1.successes, group1.n, group2.successes, group2.n, options);
}
