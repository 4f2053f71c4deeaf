import { notComputed, type NotComputed } from '../core/not-computed.js';
import { finiteArrayIssues, throwIfAny } from '../core/args.js';
import { midRanks, rankSumDistribution, tails, twoSidedByDistance } from './_lib/rank.js';
import { MannWhitneyOptionsSchema, parseOptions, type MannWhitneyOptions } from './options.js';
import { logChoose, normalCdf, normalUpper } from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import type { Alternative, TestResult } from './result.js';

export type { MannWhitneyOptions } from './options.js';

/**
 * The result of {@link mannWhitneyU}.
 *
 * @example
 * ```ts
 * const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
 * const r = mannWhitneyU(x, [1.15, 0.88, 0.9, 0.74, 1.21]) as MannWhitneyResult;
 * r.statistic; // => 35
 * r.pValue; // => 0.2544…
 * ```
 */
export interface MannWhitneyResult extends TestResult<'mann-whitney-exact' | 'mann-whitney-normal'> {
  /** W = U for x: the rank sum of x minus n1(n1 + 1)/2 (R's `W`). */
  readonly statistic: number;
  readonly statisticName: 'W';
  readonly n1: number;
  readonly n2: number;
  /** The standardised statistic, for the normal approximation only. */
  readonly z: number | null;
}

/**
 * The Mann–Whitney U (Wilcoxon rank-sum) test that values in x tend to be
 * neither larger nor smaller than those in y, e.g. change scores in two
 * subgroups. It computes for any group sizes (one value each is enough for a
 * p-value); whether a result is worth reporting is the caller's decision
 * (`analyse` uses its `minimums.groupSize` and `minimums.groupTotal`, default 3 and 8).
 *
 * Equals R's `wilcox.test(x, y, alternative =, exact =, correct =)` option by
 * option. `greater` tests that x tends to be larger (P(W ≥ w)), `less` that it
 * tends to be smaller. With `exact: 'auto'` and both groups below 50 the p-value
 * is exact: R's `pwilcox` distribution without ties; with ties, the permutation
 * distribution conditional on the mid-ranks (as `exactRankTests::wilcox.exact`
 * and `coin`; R's `wilcox.test` falls back to the normal approximation there),
 * whose two-sided p-value is P(|W − E W| ≥ |w − E W|) because with ties that
 * distribution need not be symmetric. Otherwise the normal approximation with
 * tie-corrected variance and (with `correct`, the default) R's continuity
 * correction: ±½ towards the mean for two-sided, −½ for `greater`, +½ for `less`.
 * Not (yet) here: R's `conf.int = TRUE` (the Hodges–Lehmann estimate and interval).
 *
 * @param x - values in group 1 (finite numbers)
 * @param y - values in group 2 (finite numbers)
 * @param options - `alternative`, `exact`, `correct`
 * @returns the test, or {@link NotComputed} `too_few` when a group is empty, or `no_variation` when all values are equal
 * @throws UppfoljningError when x or y is not an array (`required`, `type`), a value is not finite (path `x[i]` or `y[i]`),
 *   or an option is wrong (`type`, `one_of`, `unknown_key`, path `options.<field>`)
 * @see H. B. Mann, D. R. Whitney (1947), On a test of whether one of two random variables is stochastically larger than the other. Ann Math Stat 18:50–60.
 * @see M. Hollander, D. A. Wolfe (1999), Nonparametric Statistical Methods, 2nd ed., §4.1.
 *
 * @example
 * ```ts
 * // Hollander & Wolfe (1973) p. 69, permeability, R's ?wilcox.test: W = 35, p-value = 0.1272 for "greater"
 * const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
 * const y = [1.15, 0.88, 0.9, 0.74, 1.21];
 * mannWhitneyU(x, y, { alternative: 'greater' });
 * // => { computed: true, method: 'mann-whitney-exact', statisticName: 'W', statistic: 35, pValue: 0.1272…, alternative: 'greater', n: 15, n1: 10, n2: 5, z: null, … }
 * mannWhitneyU(x, y);
 * // => { computed: true, method: 'mann-whitney-exact', statistic: 35, pValue: 0.2544…, alternative: 'two-sided', … }
 * ```
 */
export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult | NotComputed {
  throwIfAny(finiteArrayIssues(x, ['x']));
  throwIfAny(finiteArrayIssues(y, ['y']));
  const { alternative, exact: exactOption, correct } = parseOptions(MannWhitneyOptionsSchema, options);
  const n1 = x.length;
  const n2 = y.length;
  const n = n1 + n2;
  if (Math.min(n1, n2) === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const { ranks, tieSizes } = midRanks([...x, ...y]);
  if (tieSizes.length === 1 && tieSizes[0] === n) return notComputed(n, 'no_variation');
  const rankSumX = ranks.slice(0, n1).reduce((a, r) => a + r, 0);
  const statistic = rankSumX - (n1 * (n1 + 1)) / 2;
  const ties = tieSizes.length > 0;
  const exact =
    exactOption === 'auto' ? n1 < 50 && n2 < 50 : exactOption && logChoose(n, Math.min(n1, n2)) < 700 && n <= 400;
  const notes: StatsNote[] = [];
  const base = { computed: true as const, statisticName: 'W' as const, statistic, alternative, n, n1, n2 };
  if (exact) {
    // The smaller group's rank sum has the cheaper distribution; W follows from either.
    const m = Math.min(n1, n2);
    const dist = rankSumDistribution(
      ranks.map((r) => Math.round(2 * r)),
      m,
    );
    const smallSum = Math.round(2 * (n1 <= n2 ? rankSumX : (n * (n + 1)) / 2 - rankSumX));
    const { lower, upper } = tails(dist, smallSum);
    // x larger is a larger rank sum of x, a smaller one of y.
    const [xLarger, xSmaller] = n1 <= n2 ? [upper, lower] : [lower, upper];
    const pValue = alternative === 'two-sided' ? twoSidedByDistance(dist, smallSum) : alternative === 'greater' ? xLarger : xSmaller;
    notes.push(note('exact_distribution'));
    if (ties) notes.push(note('exact_conditional_on_ties', { groups: tieSizes.length }));
    return { ...base, method: 'mann-whitney-exact', pValue, z: null, notes };
  }
  if (exactOption === true) notes.push(note('exact_n_too_large', { limit: 400 }));
  return mannWhitneyNormal(n1, n2, statistic, tieSizes, alternative, correct, notes);
}

/**
 * @internal The normal approximation of the rank-sum test from W, the group
 * sizes and the tie sizes, with the tie correction and (when `correct`) the
 * continuity correction, as R's `wilcox.test`; `notes` come first.
 */
export function mannWhitneyNormal(
  n1: number,
  n2: number,
  statistic: number,
  tieSizes: readonly number[],
  alternative: Alternative,
  correct: boolean,
  notes: readonly StatsNote[] = [],
): MannWhitneyResult {
  const n = n1 + n2;
  const tieTerm = tieSizes.reduce((a, t) => a + t ** 3 - t, 0) / (n * (n - 1));
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm));
  const diff = statistic - (n1 * n2) / 2;
  const shift = !correct ? 0 : alternative === 'two-sided' ? Math.sign(diff) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  const z = (diff - shift) / sigma;
  const pValue =
    alternative === 'two-sided' ? Math.min(1, 2 * Math.min(normalCdf(z), normalUpper(z))) : alternative === 'greater' ? normalUpper(z) : normalCdf(z);
  const all: StatsNote[] = [...notes, note('normal_approximation')];
  if (tieSizes.length > 0) all.push(note('ties_corrected', { groups: tieSizes.length }));
  if (correct) all.push(note('continuity_corrected'));
  return { computed: true, statisticName: 'W', statistic, alternative, n, n1, n2, method: 'mann-whitney-normal', pValue, z, notes: all };
}
