/**
 * Mid-ranks and tie bookkeeping shared by the rank tests.
 *
 * @internal
 */

/**
 * Ranks (1-based, ties get the mean of their ranks) and the sizes of tie
 * groups (> 1, in ascending order of value). Counted by distinct value, not
 * sorted value by value: the scores of a large compilation (a million
 * answers on a 5-point scale) have a handful of distinct values, so this is
 * one pass over the values and a sort of the few distinct ones.
 */
export function midRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const { rankOf, tieSizes } = midRanksOfCounts(counts);
  return { ranks: values.map((v) => rankOf.get(v)!), tieSizes };
}

/**
 * The mid-rank of each distinct value from how many times it occurs, the
 * sizes of tie groups (> 1, in ascending order of value) and n.
 */
export function midRanksOfCounts(counts: ReadonlyMap<number, number>): { rankOf: Map<number, number>; tieSizes: number[]; n: number } {
  const rankOf = new Map<number, number>();
  const tieSizes: number[] = [];
  let below = 0;
  for (const v of [...counts.keys()].sort((a, b) => a - b)) {
    const c = counts.get(v)!;
    // Positions below + 1 … below + c share their mean.
    rankOf.set(v, below + (c + 1) / 2);
    if (c > 1) tieSizes.push(c);
    below += c;
  }
  return { rankOf, tieSizes, n: below };
}

/**
 * The exact null distribution of S = Σ wᵢ·Iᵢ, Iᵢ independent fair coin flips,
 * for whole weights wᵢ ≥ 0 (doubled mid-ranks): the signed-rank statistic's
 * permutation distribution. Returns P(S = s) for s = 0 … Σw. The classic
 * dynamic programme (as R's `csignrank`, generalised to mid-ranks as in
 * exactRankTests' shift algorithm), halving at each step so nothing overflows.
 */
export function signFlipDistribution(weights: readonly number[]): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  let dist = new Float64Array(total + 1);
  dist[0] = 1;
  let reach = 0;
  for (const w of weights) {
    const next = new Float64Array(total + 1);
    for (let s = 0; s <= reach; s++) {
      const p = dist[s]!;
      if (p === 0) continue;
      next[s] = next[s]! + p / 2;
      next[s + w] = next[s + w]! + p / 2;
    }
    reach += w;
    dist = next;
  }
  return dist;
}

/**
 * The exact null distribution of the sum of m scores drawn without
 * replacement from N whole scores (doubled mid-ranks): the rank-sum
 * statistic's permutation distribution. Returns P(S = s) for s = 0 … Σscores.
 * Dynamic programme over (items taken, sum), as the shift algorithm of
 * Streitberg and Röhmel (1986).
 */
export function rankSumDistribution(scores: readonly number[], m: number): Float64Array {
  // The distribution does not depend on the order of the scores; sorted, the
  // sums reachable by k of the first i scores lie in a known band, so each
  // row of the programme only visits that band.
  const sorted = [...scores].sort((a, b) => a - b);
  const N = sorted.length;
  const prefix = [0];
  for (const w of sorted) prefix.push(prefix[prefix.length - 1]! + w);
  const total = prefix[N]!;
  // ways[k][s]: the number of k-subsets of the scores seen so far with sum s.
  const ways: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(total + 1));
  ways[0]![0] = 1;
  for (let i = 0; i < N; i++) {
    const w = sorted[i]!;
    const kMax = Math.min(m, i + 1);
    // Rows that could no longer reach m subsets need not be kept up to date.
    const kMin = Math.max(1, m - (N - i - 1));
    for (let k = kMax; k >= kMin; k--) {
      const row = ways[k]!;
      const prev = ways[k - 1]!;
      // Largest sum of k of the first i + 1 scores; smallest that includes w.
      const hi = prefix[i + 1]! - prefix[i + 1 - k]!;
      const lo = prefix[k - 1]! + w;
      for (let s = hi; s >= lo; s--) {
        const p = prev[s - w]!;
        if (p !== 0) row[s] = row[s]! + p;
      }
    }
  }
  const counts = ways[m]!;
  let sum = 0;
  for (let s = 0; s <= total; s++) sum += counts[s]!;
  for (let s = 0; s <= total; s++) counts[s] = counts[s]! / sum;
  return counts;
}

/** P(S ≤ s) and P(S ≥ s) from a distribution over 0 … total. */
export function tails(dist: Float64Array, s: number): { lower: number; upper: number } {
  let lower = 0;
  let upper = 0;
  // A small relative tolerance so that s computed from mid-ranks counts as equal.
  for (let k = 0; k < dist.length; k++) {
    if (k <= s + 1e-9) lower += dist[k]!;
    if (k >= s - 1e-9) upper += dist[k]!;
  }
  return { lower: Math.min(1, lower), upper: Math.min(1, upper) };
}

/**
 * Two-sided p-value as P(|S − E S| ≥ |s − E S|), the definition of
 * exactRankTests and coin; for a symmetric distribution it equals twice the
 * smaller tail, and it is the right one for the asymmetric rank-sum
 * distributions that ties produce.
 */
export function twoSidedByDistance(dist: Float64Array, s: number): number {
  let mean = 0;
  for (let k = 0; k < dist.length; k++) mean += k * dist[k]!;
  const dev = Math.abs(s - mean);
  let p = 0;
  for (let k = 0; k < dist.length; k++) if (Math.abs(k - mean) >= dev - 1e-7) p += dist[k]!;
  return Math.min(1, p);
}
