import { issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { arrayIssues, finiteArrayIssues, oneOfIssues, oneOfOr, optionsIssues, optionsOf, positiveIssues, throwIfAny } from '../core/args.js';
import { midRanks } from './_lib/rank.js';
import { chiSquareUpper, logFactorial } from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import type { TestResult } from './result.js';

/**
 * Options of {@link kruskalWallis}.
 *
 * @example
 * ```ts
 * // The default ('auto') is exact for groups this small (p = 0.7107…).
 * const options: KruskalWallisOptions = { exact: false };
 * const groups = [[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]];
 * const r = kruskalWallis(groups, options) as KruskalWallisResult;
 * r.method; // => 'kruskal-wallis'
 * r.pValue; // => 0.6799…
 * ```
 */
export interface KruskalWallisOptions {
  /**
   * `auto` (default): the exact permutation distribution of H when there are
   * at most `maxAssignments` ways to split the values into groups of these
   * sizes, the chi-square approximation otherwise. `true`/`false` force
   * (`true` still gives up beyond `maxAssignments`, with a note).
   */
  readonly exact?: 'auto' | boolean;
  /** Most assignments the exact test may enumerate. Default 1 000 000 (well under a second). */
  readonly maxAssignments?: number;
}

/**
 * The result of {@link kruskalWallis}.
 *
 * @example
 * ```ts
 * const groups = [[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]];
 * const r = kruskalWallis(groups) as KruskalWallisResult;
 * r.sizes; // => [5, 4, 5]
 * r.pValue; // => 0.7107…
 * ```
 */
export interface KruskalWallisResult extends TestResult<'kruskal-wallis' | 'kruskal-wallis-exact'> {
  /** H, corrected for ties (R's "Kruskal-Wallis chi-squared"). */
  readonly statistic: number;
  /** k − 1. */
  readonly df: number;
  /** The size of each group, in input order. */
  readonly sizes: readonly number[];
  /** The chi-square p-value, for comparison (equal to `pValue` for the chi-square method). */
  readonly chiSquarePValue: number;
  /** The tie correction C = 1 − Σ(t³ − t)/(n³ − n) over groups of t tied values; H is the uncorrected statistic divided by C (1 without ties). */
  readonly tieCorrection: number;
}

/**
 * The Kruskal–Wallis test that k ≥ 2 groups come from the same distribution,
 * with H corrected for ties, exactly as R's `kruskal.test`.
 *
 * The chi-square approximation on k − 1 df is rough when groups are small,
 * which is when follow-ups use this test. So by default (`exact: 'auto'`)
 * the p-value comes from the exact permutation distribution of H (every way
 * to split the observed mid-ranks into groups of these sizes is equally
 * likely under the null hypothesis) whenever there are at most a million
 * such splits, e.g. 5 + 5 + 5 (756 756 splits); otherwise from chi-square.
 * The chi-square p-value is always reported beside it.
 *
 * @param groups - the values of each group (finite numbers); empty groups are not allowed
 * @param options - `exact`, `maxAssignments`
 * It computes for any two or more non-empty groups: whether a p-value from
 * so few values is worth reporting is `analyse`'s decision (its
 * `minimums.groupTotal`, default 8).
 *
 * @returns the test, or {@link NotComputed}: `too_few` (fewer than 2 groups), `no_variation` (all values equal)
 * @throws UppfoljningError when groups or a group is not an array (`required`, `type`), a value is not finite
 *   (path `groups[g][i]`), a group is empty (`empty`), or an option is wrong (`one_of` for `options.exact`,
 *   `positive` for `options.maxAssignments`)
 * @see W. H. Kruskal, W. A. Wallis (1952), Use of ranks in one-criterion variance analysis. JASA 47:583–621 (with the exact tables for three small groups).
 * @see M. Hollander, D. A. Wolfe (1973), Nonparametric Statistical Methods, p. 116 (R's ?kruskal.test example).
 *
 * @example
 * ```ts
 * // Hollander & Wolfe (1973) p. 116, mucociliary efficiency, R's ?kruskal.test
 * kruskalWallis([[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]], { exact: false });
 * // => { computed: true, n: 14, method: 'kruskal-wallis', statistic: 0.7714…, df: 2, pValue: 0.6799…, … }
 * ```
 */
export function kruskalWallis(
  groups: readonly (readonly number[])[],
  options: KruskalWallisOptions = {},
): KruskalWallisResult | NotComputed {
  throwIfAny(arrayIssues(groups, ['groups']));
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    throwIfAny(finiteArrayIssues(g, ['groups', i]));
    if ((g as readonly number[]).length === 0) throw new UppfoljningError([issue(['groups', i], 'empty')]);
  }
  throwIfAny(optionsIssues(options));
  const o = optionsOf(options);
  const maxAssignments = o.maxAssignments ?? 1_000_000;
  throwIfAny(positiveIssues(maxAssignments, ['options', 'maxAssignments']));
  throwIfAny(oneOfIssues(o.exact, ['auto', true, false] as const, ['options', 'exact']));
  const exactOption = oneOfOr(o.exact, ['auto', true, false] as const, 'auto');
  // A plain loop: Array.prototype.flat is many times slower on a million values.
  const all: number[] = [];
  for (const g of groups) for (let i = 0; i < g.length; i++) all.push(g[i]!);
  const n = all.length;
  const k = groups.length;
  if (k < 2) return notComputed(k, 'too_few', { minimum: 2 });
  const { ranks, tieSizes } = midRanks(all);
  if (tieSizes.length === 1 && tieSizes[0] === n) return notComputed(n, 'no_variation');
  const sizes = groups.map((g) => g.length);
  let offset = 0;
  let sum = 0;
  for (const size of sizes) {
    let r = 0;
    for (let i = offset; i < offset + size; i++) r += ranks[i]!;
    sum += (r * r) / size;
    offset += size;
  }
  const logAssignments = logFactorial(n) - sizes.reduce((a, m) => a + logFactorial(m), 0);
  const feasible = logAssignments <= Math.log(maxAssignments) + 1e-9;
  if ((exactOption === 'auto' || exactOption === true) && feasible) {
    // H grows with S = Σ R_i² / n_i, so P(H ≥ h) = P(S ≥ s), counted over all splits.
    const atLeast = countSplitsAtLeast(ranks, sizes, sum);
    const notes: StatsNote[] = [];
    if (tieSizes.length > 0) notes.push(note('ties_corrected', { groups: tieSizes.length }));
    notes.push(note('exact_distribution'));
    if (tieSizes.length > 0) notes.push(note('exact_conditional_on_ties', { groups: tieSizes.length }));
    return { ...kruskalWallisChiSquare(n, sizes, sum, tieSizes), method: 'kruskal-wallis-exact', pValue: Math.min(1, atLeast / Math.exp(logAssignments)), notes };
  }
  return kruskalWallisChiSquare(n, sizes, sum, tieSizes, exactOption === true ? [note('exact_infeasible', { limit: maxAssignments })] : []);
}

/**
 * @internal The chi-square form of the Kruskal–Wallis test from its parts:
 * n, the group sizes, S = Σ (rank sum)² / size and the tie sizes (ascending
 * value). `extra` notes go between the ties note and the approximation's.
 */
export function kruskalWallisChiSquare(n: number, sizes: readonly number[], sum: number, tieSizes: readonly number[], extra: readonly StatsNote[] = []): KruskalWallisResult {
  const h0 = (12 / (n * (n + 1))) * sum - 3 * (n + 1);
  const correction = 1 - tieSizes.reduce((a, t) => a + t ** 3 - t, 0) / (n ** 3 - n);
  const statistic = h0 / correction;
  const df = sizes.length - 1;
  const chiSquarePValue = chiSquareUpper(statistic, df);
  return {
    computed: true,
    n,
    method: 'kruskal-wallis',
    statisticName: 'Kruskal-Wallis chi-squared',
    statistic,
    alternative: 'two-sided',
    pValue: chiSquarePValue,
    df,
    sizes: [...sizes],
    chiSquarePValue,
    tieCorrection: correction,
    notes: [...(tieSizes.length > 0 ? [note('ties_corrected', { groups: tieSizes.length })] : []), ...extra, note('chi_square_approximation', { df })],
  };
}

/**
 * The number of ways to split the ranks into groups of the given sizes whose
 * S = Σ (rank sum)² / size is at least `observed` (with a relative tolerance
 * of 1e-9 for equal values), by depth-first enumeration: each rank in turn
 * goes to each group that still has room.
 */
function countSplitsAtLeast(ranks: readonly number[], sizes: readonly number[], observed: number): number {
  const k = sizes.length;
  const room = [...sizes];
  const sums = new Array<number>(k).fill(0);
  const threshold = observed * (1 - 1e-9);
  let count = 0;
  const place = (i: number): void => {
    if (i === ranks.length) {
      let s = 0;
      for (let g = 0; g < k; g++) s += (sums[g]! * sums[g]!) / sizes[g]!;
      if (s >= threshold) count++;
      return;
    }
    const r = ranks[i]!;
    for (let g = 0; g < k; g++) {
      if (room[g] === 0) continue;
      room[g] = room[g]! - 1;
      sums[g] = sums[g]! + r;
      place(i + 1);
      sums[g] = sums[g]! - r;
      room[g] = room[g]! + 1;
    }
  };
  place(0);
  return count;
}
