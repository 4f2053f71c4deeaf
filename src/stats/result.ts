import type { StatsMethod, StatsNote } from './methods.js';

/**
 * The alternative hypothesis of a test, named as R names it: `two-sided`
 * (the default everywhere), `greater` (the statistic, difference or odds
 * ratio is larger than under the null hypothesis) or `less`.
 *
 * @example
 * ```ts
 * const alternative: Alternative = 'greater';
 * alternative; // => 'greater'
 * ```
 */
export type Alternative = 'two-sided' | 'greater' | 'less';

/**
 * A confidence interval. An unbounded limit is `-Infinity` or `Infinity`
 * (never `null`; JSON output maps them), as is the open side of the one-sided
 * interval that goes with a one-sided alternative.
 *
 * @example
 * ```ts
 * const interval: Interval = { lower: 0.7, upper: Infinity, confidence: 0.95 };
 * interval.upper > 1e308; // => true
 * ```
 */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
  /** The confidence level, in (0, 1). */
  readonly confidence: number;
}

/**
 * The result of a test, the same shape for every test: statistic (with the
 * name R prints for it), p-value for the chosen alternative, n and method,
 * with an estimate and its interval where the test has one, and notes on how
 * it was computed. Plain JSON apart from infinite interval limits. Each test
 * adds its own fields (zeros, n1, z, …) beside these.
 *
 * @example
 * ```ts
 * const r = signTest([1, 2, 3, 4, 5, 6, -1]) as TestResult<'sign-test-exact'>;
 * r.statisticName; // => 'S'
 * r.alternative; // => 'two-sided'
 * r.pValue; // => 0.125
 * ```
 */
export interface TestResult<M extends StatsMethod> {
  readonly computed: true;
  /** The method used (a {@link StatsMethod} code). */
  readonly method: M;
  /** The statistic's name as R prints it: `V`, `W`, `X-squared`, `S`, `t`, `b`, … */
  readonly statisticName: string;
  /** The test statistic (see each function for which). */
  readonly statistic: number;
  /** Degrees of freedom, only where the reference distribution has them. */
  readonly df?: number;
  /** The p-value for {@link TestResult.alternative}, in [0, 1]. */
  readonly pValue: number;
  readonly alternative: Alternative;
  /** The estimate, where the test has one (mean difference, odds ratio, share, …), named by `estimateName`. */
  readonly estimate?: number;
  readonly estimateName?: string;
  /** The estimate's interval: two-sided, or the matching one-sided one for a one-sided alternative. */
  readonly interval?: Interval;
  /** The observations the test used (e.g. non-zero differences). */
  readonly n: number;
  readonly notes: readonly StatsNote[];
}
