import { notComputed, type NotComputed } from '../core/not-computed.js';
import { tableIssues, throwIfAny } from '../core/args.js';
import { normalCdf, normalUpper } from './_lib/special.js';
import { note } from './methods.js';
import type { TestResult } from './result.js';

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
export interface KendallTauBResult extends TestResult<'kendall-tau-b'> {
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
 * @param table - rows of counts (whole numbers ≥ 0), all rows the same length, both in their order
 * @returns the test, or {@link NotComputed}: `too_few` (fewer than 3 people: R's variance is then 0/0),
 *   `no_variation` (everyone in one row or one column: τ_b is 0/0, R's NA)
 * @throws UppfoljningError when the table is not an array (`required`, `type`), is ragged or empty
 *   (`table_shape`), or a cell is not a whole number ≥ 0 (path `table[i][j]`)
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
export function kendallTauB(table: readonly (readonly number[])[]): KendallTauBResult | NotComputed {
  throwIfAny(tableIssues(table, ['table']));
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
  const pValue = Math.min(1, 2 * Math.min(normalCdf(z), normalUpper(z)));
  const tieGroups = [...rowTotals, ...colTotals].filter((t) => t > 1).length;
  return {
    computed: true,
    n,
    method: 'kendall-tau-b',
    statisticName: 'z',
    statistic: z,
    alternative: 'two-sided',
    pValue,
    estimate: tau,
    estimateName: 'tau',
    tau,
    s,
    varS,
    t0,
    t1,
    t2,
    notes: [...(tieGroups > 0 ? [note('ties_corrected_pairs', { groups: tieGroups })] : []), note('normal_approximation')],
  };
}
