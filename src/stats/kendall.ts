import { notComputed, type NotComputed } from '../core/not-computed.js';
import { oneOfIssues, oneOfOr, optionsIssues, optionsOf, tableIssues, throwIfAny } from '../core/args.js';
import { logChoose, normalCdf, normalUpper } from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import type { TestResult } from './result.js';

/**
 * Options of {@link kendallTauB}.
 *
 * @example
 * ```ts
 * const options: KendallTauBOptions = { exact: 'auto' };
 * const r = kendallTauB([[3, 1, 0, 0], [0, 1, 2, 1]], options) as KendallTauBResult;
 * [r.method, r.pValue, r.normalPValue]; // => ['kendall-tau-b-exact', 0.0571…, 0.0246…]
 * ```
 */
export interface KendallTauBOptions {
  /**
   * `false` (default): the normal approximation, R's `exact = FALSE`.
   * `auto`: the exact permutation distribution of S given the table's
   * margins for n ≤ 100 when it takes at most 200 000 steps to compute
   * (small tables of a few dozen people; giving up costs a fifth of a
   * second at most), the normal approximation otherwise. `true`: the
   * exact distribution whatever it costs.
   */
  readonly exact?: 'auto' | boolean;
}

/** Most steps the exact distribution of S may take under `exact: 'auto'`: a fifth of a second at most. */
const AUTO_EXACT_STEPS = 200_000;
/** Above this n `exact: 'auto'` does not try: the normal approximation is good there, and the tables too many. */
const AUTO_EXACT_N = 100;

/**
 * The result of {@link kendallTauB}.
 *
 * @example
 * ```ts
 * const r = kendallTauB([[1, 2, 1], [0, 2, 3]]) as KendallTauBResult;
 * [r.s, r.varS]; // => [9, 55.555…]
 * r.tau; // => 0.4107…
 * ```
 */
export interface KendallTauBResult extends TestResult<'kendall-tau-b' | 'kendall-tau-b-exact'> {
  /** z = S / √var(S), as R's `cor.test(…, method = "kendall", exact = FALSE)` prints it. */
  readonly statisticName: 'z';
  readonly statistic: number;
  /** τ_b = S / √((T0 − T1)(T0 − T2)), in [−1, 1]; the same as `tau`. */
  readonly estimate: number;
  readonly estimateName: 'tau';
  readonly tau: number;
  /** S = concordant − discordant pairs (pairs tied in rows or columns count in neither). */
  readonly s: number;
  /** The variance of S under independence, corrected for ties in both variables (R's `var_S`). */
  readonly varS: number;
  /** The two-sided normal-approximation p-value (R's `exact = FALSE`), for comparison; equal to `pValue` for `kendall-tau-b`. */
  readonly normalPValue: number;
  /** n(n − 1)/2, the pairs. */
  readonly t0: number;
  /** The pairs tied in the rows, Σ r(r − 1)/2 over the row totals r. */
  readonly t1: number;
  /** The pairs tied in the columns, Σ c(c − 1)/2 over the column totals c. */
  readonly t2: number;
}

/**
 * Kendall's τ_b, the association between two ordinal variables given as a
 * table of counts (rows = the ordered values of one, e.g. dose bands; columns
 * = the ordered values of the other, e.g. attainment levels), with the
 * two-sided test of no association by the normal approximation to S with the
 * variance corrected for ties. The numbers are R's
 * `cor.test(x, y, method = "kendall", exact = FALSE)` on the table written
 * out as one (row, column) pair per person (no continuity correction), but
 * computed from the counts: O(rows · columns) steps, whatever n.
 *
 * Unlike Kruskal–Wallis between the rows, it uses the rows' order, so it
 * detects a steady trend (more sessions, better level) with more power, and
 * its sign says the trend's direction: positive when higher rows go with
 * higher columns. Empty rows and columns carry no pairs and change nothing.
 *
 * The normal approximation is not conservative for small tables: S takes
 * few values, and for 4 + 4 people it can give p = 0.025 where the exact
 * p is 0.057. With `exact` the p-value comes instead from the exact
 * permutation distribution of S given the table's margins (every way to
 * give the observed column values to the people of the rows is equally
 * likely), P(|S| ≥ |s|), summed over every table with these margins row by
 * row; for two rows it is the exact Mann–Whitney test conditional on the
 * ties. τ_b, z and the normal p are reported as before.
 *
 * @param table - rows of counts (whole numbers ≥ 0), all rows the same length, both in their order
 * @param options - `exact` (default `false`)
 * @returns the test, or {@link NotComputed}: `too_few` (fewer than 3 people: R's variance is then 0/0),
 *   `no_variation` (everyone in one row or one column: τ_b is 0/0, R's NA)
 * @throws UppfoljningError when the table is not an array (`required`, `type`), is ragged or empty
 *   (`table_shape`), a cell is not a whole number ≥ 0 (path `table[i][j]`), or an option is wrong
 *   (`type` for `options`, `one_of` for `options.exact`)
 * @see M. G. Kendall (1970), Rank Correlation Methods, 4th ed., Griffin, ch. 4 (the variance of S with ties).
 * @see R's stats:::cor.test.default (T0, T1, T2, v0, vt, vu, v1, v2, var_S).
 *
 * @example
 * ```ts
 * // Concordant pairs (a person further down and to the right): 1·(2 + 3) + 2·3 = 11;
 * // discordant (further down and to the left): 1·(0 + 2) = 2; S = 11 − 2 = 9.
 * // R: cor.test(rep(row(t), t), rep(col(t), t), method = "kendall", exact = FALSE)
 * kendallTauB([[1, 2, 1], [0, 2, 3]]);
 * // => { computed: true, n: 9, method: 'kendall-tau-b', statistic: 1.2074…, pValue: 0.2272…, tau: 0.4107…, s: 9, … }
 * ```
 */
export function kendallTauB(table: readonly (readonly number[])[], options: KendallTauBOptions = {}): KendallTauBResult | NotComputed {
  throwIfAny(tableIssues(table, ['table']));
  throwIfAny(optionsIssues(options));
  const o = optionsOf(options);
  throwIfAny(oneOfIssues(o.exact, ['auto', true, false] as const, ['options', 'exact']));
  const exactOption = oneOfOr(o.exact, ['auto', true, false] as const, false);
  const rows = table.length;
  const cols = table[0]!.length;
  const rowTotals = table.map((r) => r.reduce((a, v) => a + v, 0));
  const colTotals = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const n = rowTotals.reduce((a, v) => a + v, 0);
  if (n < 3) return notComputed(n, 'too_few', { minimum: 3 });
  if (rowTotals.filter((t) => t > 0).length < 2 || colTotals.filter((t) => t > 0).length < 2) return notComputed(n, 'no_variation');
  // S from the cells: each cell's count times the people below it to the right
  // (concordant) minus those below it to the left (discordant), with the
  // counts below each cell summed once (below[i][j] = Σ_{i' > i, j' ≤ j}).
  const below: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    let run = 0;
    for (let j = 0; j < cols; j++) {
      run += table[i + 1]?.[j] ?? 0;
      below[i]![j] = below[i + 1]![j]! + run;
    }
  }
  let s = 0;
  for (let i = 0; i < rows - 1; i++) {
    const under = below[i]!;
    const all = under[cols - 1]!;
    for (let j = 0; j < cols; j++) {
      const count = table[i]![j]!;
      if (count === 0) continue;
      const left = j > 0 ? under[j - 1]! : 0;
      const right = all - under[j]!;
      s += count * (right - left);
    }
  }
  // R's arithmetic, in R's order: ties of one value contribute 0 to every sum.
  const sum = (ties: readonly number[], f: (t: number) => number) => ties.reduce((a, t) => a + f(t), 0);
  const t0 = (n * (n - 1)) / 2;
  const t1 = sum(rowTotals, (t) => t * (t - 1)) / 2;
  const t2 = sum(colTotals, (t) => t * (t - 1)) / 2;
  const tau = s / Math.sqrt((t0 - t1) * (t0 - t2));
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sum(rowTotals, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sum(colTotals, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sum(rowTotals, (t) => t * (t - 1)) * sum(colTotals, (t) => t * (t - 1));
  const v2 = sum(rowTotals, (t) => t * (t - 1) * (t - 2)) * sum(colTotals, (t) => t * (t - 1) * (t - 2));
  const varS = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2));
  const z = s / Math.sqrt(varS);
  const normalPValue = Math.min(1, 2 * Math.min(normalCdf(z), normalUpper(z)));
  const exactPValue =
    exactOption === true
      ? exactTwoSided(table, rowTotals, colTotals, n, s, Infinity)
      : exactOption === 'auto' && n <= AUTO_EXACT_N
        ? exactTwoSided(table, rowTotals, colTotals, n, s, AUTO_EXACT_STEPS)
        : null;
  const tieGroups = [...rowTotals, ...colTotals].filter((t) => t > 1).length;
  const notes: StatsNote[] = [
    ...(tieGroups > 0 ? [note('ties_corrected_pairs', { groups: tieGroups })] : []),
    note(exactPValue === null ? 'normal_approximation' : 'exact_distribution'),
  ];
  return {
    computed: true,
    n,
    method: exactPValue === null ? 'kendall-tau-b' : 'kendall-tau-b-exact',
    statisticName: 'z',
    statistic: z,
    alternative: 'two-sided',
    pValue: exactPValue ?? normalPValue,
    normalPValue,
    estimate: tau,
    estimateName: 'tau',
    tau,
    s,
    varS,
    t0,
    t1,
    t2,
    notes,
  };
}

/**
 * The exact two-sided p-value P(|S| ≥ |observed|) over every table with
 * these margins, each with its (multivariate hypergeometric) probability,
 * or null past `maxSteps`. Row by row from the top: the state is how many
 * of each column the rows so far used, with the distribution of S so far;
 * a row x adds Σ_j x_j (used before column j − used after it), the pairs it
 * makes with the rows above (concordant: above and to the left).
 */
function exactTwoSided(
  table: readonly (readonly number[])[],
  rowTotals: readonly number[],
  colTotals: readonly number[],
  n: number,
  observed: number,
  maxSteps: number,
): number | null {
  const cols = colTotals.length;
  let states = new Map<string, { used: number[]; dist: Map<number, number> }>([[String(new Array<number>(cols).fill(0)), { used: new Array<number>(cols).fill(0), dist: new Map([[0, 1]]) }]]);
  let placed = 0;
  let steps = 0;
  for (let i = 0; i < table.length; i++) {
    const r = rowTotals[i]!;
    if (r === 0) continue;
    const next = new Map<string, { used: number[]; dist: Map<number, number> }>();
    for (const { used, dist } of states.values()) {
      const left = colTotals.map((c, j) => c - used[j]!);
      const logDenominator = logChoose(n - placed, r);
      const x = new Array<number>(cols).fill(0);
      // Every row x with Σ x = r and x_j ≤ left_j, column by column.
      const place = (j: number, rest: number, logWays: number): boolean => {
        if (j === cols - 1) {
          if (rest > left[j]!) return true;
          x[j] = rest;
          logWays += logChoose(left[j]!, rest);
          const probability = Math.exp(logWays - logDenominator);
          let delta = 0;
          let before = 0;
          let after = placed;
          for (let k = 0; k < cols; k++) {
            after -= used[k]!;
            delta += x[k]! * (before - after);
            before += used[k]!;
          }
          const key = used.map((u, k) => u + x[k]!);
          const id = String(key);
          let target = next.get(id);
          if (target === undefined) next.set(id, (target = { used: key, dist: new Map() }));
          for (const [sum, p] of dist) target.dist.set(sum + delta, (target.dist.get(sum + delta) ?? 0) + p * probability);
          steps += dist.size;
          return steps <= maxSteps;
        }
        let capacity = 0;
        for (let k = j + 1; k < cols; k++) capacity += left[k]!;
        for (let v = Math.max(0, rest - capacity); v <= Math.min(rest, left[j]!); v++) {
          x[j] = v;
          if (!place(j + 1, rest - v, logWays + logChoose(left[j]!, v))) return false;
        }
        return true;
      };
      if (!place(0, r, 0)) return null;
    }
    placed += r;
    states = next;
  }
  let p = 0;
  for (const { dist } of states.values()) for (const [sum, q] of dist) if (Math.abs(sum) >= Math.abs(observed)) p += q;
  return Math.min(1, p);
}
