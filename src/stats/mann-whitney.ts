import { notComputed, type NotComputed } from '../core/not-computed.js';
import { finiteArrayIssues, oneOfIssues, oneOfOr, optionsIssues, optionsOf, throwIfAny } from '../core/args.js';
import { midRanks, rankSumDistribution, twoSidedByDistance } from './_lib/rank.js';
import { logChoose, normalCdf, normalUpper } from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import type { TestResult } from './result.js';

/**
 * Options of the rank tests between groups.
 *
 * @example
 * ```ts
 * const options: MannWhitneyOptions = { exact: false };
 * const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
 * const r = mannWhitneyU(x, [1.15, 0.88, 0.9, 0.74, 1.21], options) as MannWhitneyResult;
 * r.method; // => 'mann-whitney-normal'
 * r.z; // => 1.1635…
 * ```
 */
export interface MannWhitneyOptions {
  /**
   * `auto` (default): the exact distribution when both groups have fewer
   * than 50 values (conditional on mid-ranks when there are ties); the normal
   * approximation otherwise. `true`/`false` force.
   */
  readonly exact?: 'auto' | boolean;
  /** Continuity correction in the normal approximation. Default true. */
  readonly correct?: boolean;
}

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
  readonly n1: number;
  readonly n2: number;
  /** The standardised statistic, for the normal approximation only. */
  readonly z: number | null;
}

/**
 * The Mann–Whitney U (Wilcoxon rank-sum) test that values in x tend to be
 * neither larger nor smaller than those in y (two-sided), e.g. change scores
 * in two subgroups.
 *
 * With `exact: 'auto'` and both groups below 50, the p-value is exact: R's
 * `pwilcox` distribution without ties; with ties, the permutation
 * distribution conditional on the mid-ranks (as `exactRankTests::wilcox.exact`
 * and `coin`; R's `wilcox.test` would fall back to the normal approximation),
 * whose two-sided p-value is P(|W − E W| ≥ |w − E W|) because with ties that
 * distribution need not be symmetric.
 * Otherwise the normal approximation with tie-corrected variance and a
 * continuity correction, exactly as R's `wilcox.test(x, y)`.
 *
 * @param x - values in group 1 (finite numbers)
 * @param y - values in group 2 (finite numbers)
 * @param options - `exact`, `correct`
 * It computes whenever both groups have a value: whether a p-value from so
 * few is worth reporting is `analyse`'s decision (its `minimums.groupSize`
 * and `minimums.groupTotal`, default 3 and 8).
 *
 * @returns the test, or {@link NotComputed} `too_few` when a group is empty, or
 *   `no_variation` when all values are equal
 * @throws UppfoljningError when x or y is not an array (`required`, `type`), a value is not finite (path `x[i]` or `y[i]`),
 *   or an option is not one of its choices (`one_of`, path `options.exact`, `options.correct`)
 * @see H. B. Mann, D. R. Whitney (1947), On a test of whether one of two random variables is stochastically larger than the other. Ann Math Stat 18:50–60.
 * @see M. Hollander, D. A. Wolfe (1999), Nonparametric Statistical Methods, 2nd ed., §4.1.
 *
 * @example
 * ```ts
 * // Hollander & Wolfe (1973) p. 69, permeability, R's ?wilcox.test
 * mannWhitneyU([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46], [1.15, 0.88, 0.9, 0.74, 1.21]);
 * // => { computed: true, n: 15, method: 'mann-whitney-exact', statistic: 35, pValue: 0.2544…, n1: 10, n2: 5, z: null, … }
 * ```
 */
export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult | NotComputed {
  throwIfAny(finiteArrayIssues(x, ['x']));
  throwIfAny(finiteArrayIssues(y, ['y']));
  throwIfAny(optionsIssues(options));
  const o = optionsOf(options);
  throwIfAny(oneOfIssues(o.exact, ['auto', true, false] as const, ['options', 'exact']));
  const exactOption = oneOfOr(o.exact, ['auto', true, false] as const, 'auto');
  throwIfAny(oneOfIssues(o.correct, [true, false], ['options', 'correct']));
  const correct = oneOfOr(o.correct, [true, false], true);
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
  if (exact) {
    // The smaller group's rank sum has the cheaper distribution; W follows from either.
    const m = Math.min(n1, n2);
    const dist = rankSumDistribution(
      ranks.map((r) => Math.round(2 * r)),
      m,
    );
    const smallSum = n1 <= n2 ? rankSumX : (n * (n + 1)) / 2 - rankSumX;
    const pValue = twoSidedByDistance(dist, Math.round(2 * smallSum));
    notes.push(note('exact_distribution'));
    if (ties) notes.push(note('exact_conditional_on_ties', { groups: tieSizes.length }));
    return {
      computed: true,
      n,
      method: 'mann-whitney-exact',
      statisticName: 'W',
      statistic,
      alternative: 'two-sided',
      pValue,
      n1,
      n2,
      z: null,
      notes,
    };
  }
  if (exactOption === true) notes.push(note('exact_n_too_large', { limit: 400 }));
  const tieTerm = tieSizes.reduce((a, t) => a + t ** 3 - t, 0) / (n * (n - 1));
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm));
  const diff = statistic - (n1 * n2) / 2;
  const z = (diff - (correct ? Math.sign(diff) * 0.5 : 0)) / sigma;
  notes.push(note('normal_approximation'));
  if (ties) notes.push(note('ties_corrected', { groups: tieSizes.length }));
  if (correct) notes.push(note('continuity_corrected'));
  return {
    computed: true,
    n,
    method: 'mann-whitney-normal',
    statisticName: 'W',
    statistic,
    alternative: 'two-sided',
    pValue: Math.min(1, 2 * Math.min(normalCdf(z), normalUpper(z))),
    n1,
    n2,
    z,
    notes,
  };
}
