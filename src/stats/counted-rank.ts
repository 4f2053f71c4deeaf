// Rank tests of samples given as counts per value (a compiled histogram),
// without writing out one value per client: at a million clients the tests
// of `analyse` spent seconds expanding histograms and ranking the copies
// (issue 11, item 6). Where the exact distribution would be used, the samples
// are expanded and the array functions run, so small samples keep their exact
// p-values; otherwise the rank sums and tie sizes are computed from the counts
// by the same formulas, in the same order, as mannWhitneyU and kruskalWallis
// (tests/stats/counted-rank.test.ts checks the results are equal).
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { expandHistogram, type HistogramBin } from './histogram.js';
import { kruskalWallis, kruskalWallisChiSquare, type KruskalWallisResult } from './kruskal-wallis.js';
import { mannWhitneyNormal, mannWhitneyU, type MannWhitneyResult } from './mann-whitney.js';
import { logFactorial } from './_lib/special.js';
import { midRanksOfCounts } from './_lib/rank.js';

/** The size of a counted sample. */
export const countedSize = (bins: readonly HistogramBin[]): number => bins.reduce((n, b) => n + b.count, 0);

/** Each group's rank sum and the tie sizes (ascending value, ties only), from counts per value. */
function rankSums(groups: readonly (readonly HistogramBin[])[]): { sums: number[]; tieSizes: number[]; n: number } {
  const total = new Map<number, number>();
  for (const g of groups) for (const b of g) if (b.count > 0) total.set(b.value, (total.get(b.value) ?? 0) + b.count);
  const { rankOf: midrank, tieSizes, n } = midRanksOfCounts(total);
  // Half-integer ranks times whole counts: every sum is exact, as the array functions' sums are.
  const sums = groups.map((g) => g.reduce((s, b) => (b.count > 0 ? s + b.count * midrank.get(b.value)! : s), 0));
  return { sums, tieSizes, n };
}

/**
 * @internal {@link mannWhitneyU} with its default options (two-sided, exact
 * below 50 in both groups, continuity correction) on samples given as counts
 * per value; the same result.
 */
export function mannWhitneyCounted(x: readonly HistogramBin[], y: readonly HistogramBin[]): MannWhitneyResult | NotComputed {
  const n1 = countedSize(x);
  const n2 = countedSize(y);
  if (Math.min(n1, n2) === 0 || (n1 < 50 && n2 < 50)) return mannWhitneyU(expandHistogram(x), expandHistogram(y));
  const { sums, tieSizes, n } = rankSums([x, y]);
  if (tieSizes.length === 1 && tieSizes[0] === n) return notComputed(n, 'no_variation');
  return mannWhitneyNormal(n1, n2, sums[0]! - (n1 * (n1 + 1)) / 2, tieSizes, 'two-sided', true);
}

/**
 * @internal {@link kruskalWallis} with its default options (exact when at
 * most a million assignments) on samples given as counts per value; the same
 * result. Every group must have someone in it, as for kruskalWallis.
 */
export function kruskalWallisCounted(groups: readonly (readonly HistogramBin[])[]): KruskalWallisResult | NotComputed {
  const sizes = groups.map(countedSize);
  const logAssignments = logFactorial(sizes.reduce((a, m) => a + m, 0)) - sizes.reduce((a, m) => a + logFactorial(m), 0);
  const feasible = logAssignments <= Math.log(1_000_000) + 1e-9;
  if (groups.length < 2 || sizes.some((m) => m === 0) || feasible) return kruskalWallis(groups.map((g) => expandHistogram(g)));
  const { sums: rankSum, tieSizes, n } = rankSums(groups);
  if (tieSizes.length === 1 && tieSizes[0] === n) return notComputed(n, 'no_variation');
  let sum = 0;
  for (let g = 0; g < sizes.length; g++) sum += (rankSum[g]! * rankSum[g]!) / sizes[g]!;
  return kruskalWallisChiSquare(n, sizes, sum, tieSizes);
}
