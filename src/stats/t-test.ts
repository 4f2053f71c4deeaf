import { notComputed, type NotComputed } from '../core/not-computed.js';
import { finiteArrayIssues, throwIfAny } from '../core/args.js';
import { meanSd } from './paired.js';
import { tCdf, tQuantile, tTwoSided } from './_lib/special.js';
import { parseOptions, TwoSampleTTestOptionsSchema, type TwoSampleTTestOptions } from './options.js';
import type { Interval, TestResult } from './result.js';

export type { TwoSampleTTestOptions } from './options.js';

/**
 * The result of {@link twoSampleTTest}.
 *
 * @example
 * ```ts
 * // R's ?t.test sleep data, as two independent groups
 * const t = twoSampleTTest([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2], [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]) as TwoSampleTTestResult;
 * t.df; // => 17.776…
 * t.pValue; // => 0.07939…
 * ```
 */
export interface TwoSampleTTestResult extends TestResult<'student-t' | 'welch-t'> {
  /** t = (mean₁ − mean₂) / stderr (R's `t`). */
  readonly statistic: number;
  readonly statisticName: 't';
  /** n₁ + n₂ − 2 (Student) or the Welch–Satterthwaite degrees of freedom (Welch). */
  readonly df: number;
  /** mean₁ − mean₂. */
  readonly estimate: number;
  readonly estimateName: 'difference in means';
  /** The interval of mean₁ − mean₂ (one-sided for a one-sided alternative). */
  readonly interval: Interval;
  readonly n1: number;
  readonly n2: number;
  readonly mean1: number;
  readonly mean2: number;
  /** The standard error of the difference in means (R's `stderr`). */
  readonly stderr: number;
}

/**
 * The two-sample t-test that the means of two independent groups are equal,
 * for interval measures between groups (e.g. change scores of two
 * interventions), with the interval of the difference in means.
 *
 * Equals R's `t.test(x, y, var.equal = varEqual, alternative =, conf.level = confidence)`
 * option by option: `varEqual: false` (default, as R) is Welch's test with the
 * Welch–Satterthwaite degrees of freedom, `varEqual: true` Student's test with
 * the pooled variance; `alternative: 'greater'` tests mean₁ > mean₂ and gives the
 * interval `[lower, Infinity]`, `'less'` the interval `[-Infinity, upper]`.
 * Differences from R: the null difference is always 0 (R's `mu`), and where R
 * stops with an error ("not enough observations", "data are essentially
 * constant") this returns {@link NotComputed}.
 *
 * @param x - values in group 1 (finite numbers)
 * @param y - values in group 2 (finite numbers)
 * @param options - `alternative` (default `two-sided`), `varEqual` (default false), `confidence` (default 0.95)
 * @returns the test, or {@link NotComputed}: `too_few` (a group is empty; for Welch a group has
 *   fewer than 2 values; for Student fewer than 3 values in all) or `no_variation` (no spread
 *   within the groups, so the standard error is 0)
 * @throws UppfoljningError when x or y is not an array of finite numbers (`required`, `type`, `finite`, path `x[i]`,
 *   `y[i]`) or an option is wrong (`type`, `one_of`, `open_interval`, path `options.<field>`)
 * @see W. S. Gosset ("Student") (1908), The probable error of a mean. Biometrika 6:1–25.
 * @see B. L. Welch (1947), The generalization of "Student's" problem when several different population variances are involved. Biometrika 34:28–35.
 *
 * @example
 * ```ts
 * // R's ?t.test: t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776, p-value = 0.07939
 * const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2];
 * const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
 * twoSampleTTest(g1, g2);
 * // => { computed: true, method: 'welch-t', statisticName: 't', statistic: -1.8608…, df: 17.776…, pValue: 0.07939…, alternative: 'two-sided', estimate: -1.58, estimateName: 'difference in means', interval: { lower: -3.3654…, upper: 0.2054…, confidence: 0.95 }, n: 20, … }
 * twoSampleTTest(g1, g2, { varEqual: true, alternative: 'less' });
 * // => { computed: true, method: 'student-t', statistic: -1.8608…, df: 18, pValue: 0.03959…, alternative: 'less', interval: { lower: -Infinity, upper: -0.1076…, confidence: 0.95 }, … }
 * ```
 */
export function twoSampleTTest(
  x: readonly number[],
  y: readonly number[],
  options: TwoSampleTTestOptions = {},
): TwoSampleTTestResult | NotComputed {
  throwIfAny(finiteArrayIssues(x, ['x']));
  throwIfAny(finiteArrayIssues(y, ['y']));
  const { alternative, varEqual, confidence } = parseOptions(TwoSampleTTestOptionsSchema, options);
  const n1 = x.length;
  const n2 = y.length;
  const n = n1 + n2;
  const smaller = Math.min(n1, n2);
  if (smaller < 1) return notComputed(smaller, 'too_few', { minimum: 1 });
  if (!varEqual && smaller < 2) return notComputed(smaller, 'too_few', { minimum: 2 });
  if (varEqual && n < 3) return notComputed(n, 'too_few', { minimum: 3 });
  const a = meanSd(x);
  const b = meanSd(y);
  const v1 = a.sd ** 2;
  const v2 = b.sd ** 2;
  let stderr: number;
  let df: number;
  if (varEqual) {
    df = n - 2;
    const pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / df;
    stderr = Math.sqrt(pooled * (1 / n1 + 1 / n2));
  } else {
    const s1 = v1 / n1;
    const s2 = v2 / n2;
    stderr = Math.sqrt(s1 + s2);
    df = (s1 + s2) ** 2 / (s1 ** 2 / (n1 - 1) + s2 ** 2 / (n2 - 1));
  }
  if (stderr === 0) return notComputed(n, 'no_variation');
  const estimate = a.mean - b.mean;
  const statistic = estimate / stderr;
  const twoSided = tTwoSided(statistic, df);
  const below = tCdf(statistic, df);
  // The upper tail from the two-sided tail where it is the small one, so it keeps its digits.
  const above = statistic >= 0 ? twoSided / 2 : 1 - twoSided / 2;
  const pValue = alternative === 'two-sided' ? Math.min(1, twoSided) : alternative === 'greater' ? above : below;
  const q = tQuantile(alternative === 'two-sided' ? 1 - (1 - confidence) / 2 : confidence, df);
  const interval: Interval = {
    lower: alternative === 'less' ? -Infinity : estimate - q * stderr,
    upper: alternative === 'greater' ? Infinity : estimate + q * stderr,
    confidence,
  };
  return {
    computed: true,
    method: varEqual ? 'student-t' : 'welch-t',
    statisticName: 't',
    statistic,
    df,
    pValue,
    alternative,
    estimate,
    estimateName: 'difference in means',
    interval,
    n,
    notes: [],
    n1,
    n2,
    mean1: a.mean,
    mean2: b.mean,
    stderr,
  };
}
