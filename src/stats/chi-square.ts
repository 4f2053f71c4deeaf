import { notComputed, type NotComputed } from '../core/not-computed.js';
import { tableIssues, throwIfAny } from '../core/args.js';
import { ChiSquareOptionsSchema, parseOptions, type ChiSquareOptions } from './options.js';
import { freemanHaltonPValue } from './_lib/freeman-halton.js';
import { chiSquareUpper } from './_lib/special.js';
import { fisherExact2x2, type FisherResult, type Table2x2 } from './fisher.js';
import { note, type StatsNote } from './methods.js';
import type { TestResult } from './result.js';

export type { ChiSquareOptions } from './options.js';

/**
 * The result of {@link chiSquareIndependence}.
 *
 * @example
 * ```ts
 * const r = chiSquareIndependence([[3, 1], [1, 3]]) as ChiSquareResult;
 * r.cochranOk; // => false
 * r.chiSquarePValue; // => 0.1572…
 * r.pValue; // => 0.4857…
 * ```
 */
export interface ChiSquareResult extends TestResult<'chi-square-pearson' | 'fisher-exact' | 'fisher-freeman-halton'> {
  /** Pearson's X² (always reported, whichever p-value is used), with Yates's correction for a 2×2 table when `correct`. */
  readonly statistic: number;
  readonly statisticName: 'X-squared';
  readonly df: number;
  /** The p-value named by `method`. */
  readonly pValue: number;
  /** The chi-square p-value, for comparison. */
  readonly chiSquarePValue: number;
  /** Expected counts under independence, for the table after empty rows and columns were dropped. */
  readonly expected: readonly (readonly number[])[];
  /** Whether Cochran's rule held: every expected count ≥ 1 and at most 20 % below 5. */
  readonly cochranOk: boolean;
  readonly rowsDropped: readonly number[];
  readonly columnsDropped: readonly number[];
  /** Pearson residuals (o − e)/√e, cell by cell (R's `$residuals`; never Yates-corrected, as R). */
  readonly residuals: readonly (readonly number[])[];
  /** Standardized (adjusted) residuals (o − e)/√(e (1 − rᵢ/n)(1 − cⱼ/n)) (R's `$stdres`). */
  readonly stdres: readonly (readonly number[])[];
}

/**
 * Pearson's chi-square test of independence for an r×c table of counts, that
 * says when it cannot be trusted and then uses an exact test instead.
 *
 * - Empty rows and columns carry no information and are dropped (noted).
 * - Expected counts are reported. Cochran's rule (every expected count ≥ 1,
 *   at most 20 % below 5) decides whether the chi-square approximation is
 *   good enough; small tables go exact instead.
 * - Equals R's `chisq.test(table, correct =)` for X², df, the chi-square p,
 *   `$expected`, `$residuals` and `$stdres`. `correct: true` applies Yates's
 *   correction to a 2×2 table, capped as R caps it: each |o − e| is reduced by
 *   min(½, |ad − bc|/n), so a table at independence is not pushed past it.
 *   Unlike R, the default is `correct: false` (the textbook Pearson statistic,
 *   and this function's result before the option existed).
 * - When the rule fails (`auto`), the p-value is exact: Fisher's test for
 *   2×2, the Fisher–Freeman–Halton test for larger tables, by complete
 *   enumeration of the tables with the observed margins (the same sum as R's
 *   `fisher.test`): first by a network algorithm in the manner of Mehta and
 *   Patel, then, if that runs out of its tenth of the budget, by depth-first
 *   enumeration cut short by bounds. No Monte Carlo: the answer is the same
 *   on every run.
 *   If the enumeration would take more than `maxSteps` (default 10 million)
 *   steps, the chi-square p-value is returned with an `exact_infeasible` note.
 *
 * @param table - rows of counts (whole numbers ≥ 0), all rows the same length
 * @param options - `exact`, `correct`, `maxSteps`
 * @returns the test, or {@link NotComputed} `table_shape` when fewer than 2 non-empty rows or columns remain
 * @throws UppfoljningError when the table is not an array (`required`, `type`), ragged or empty (`table_shape`), a cell
 *   is not a whole number ≥ 0, or an option is wrong (`one_of` for `options.exact` and `options.correct`, `positive` for `options.maxSteps`, `unknown_key`)
 * @see K. Pearson (1900), On the criterion that a given system of deviations… Phil Mag 50:157–175.
 * @see W. G. Cochran (1954), Some methods for strengthening the common χ² tests. Biometrics 10:417–451.
 * @see C. R. Mehta, N. R. Patel (1983), A network algorithm for performing Fisher's exact test in r×c contingency tables. JASA 78:427–434.
 * @see G. H. Freeman, J. H. Halton (1951), Note on an exact treatment of contingency, goodness of fit and other problems of significance. Biometrika 38:141–149.
 *
 * @example
 * ```ts
 * chiSquareIndependence([[762, 327, 468], [484, 239, 477]]); // Agresti (2007) p. 38, R's ?chisq.test
 * // => { computed: true, n: 2757, method: 'chi-square-pearson', statistic: 30.070…, df: 2, pValue: 2.9535…e-7, … }
 * ```
 */
export function chiSquareIndependence(
  table: readonly (readonly number[])[],
  options: ChiSquareOptions = {},
): ChiSquareResult | NotComputed {
  throwIfAny(tableIssues(table, ['table']));
  const { exact: exactOption, correct, maxSteps } = parseOptions(ChiSquareOptionsSchema, options);
  const rowsDropped = table.flatMap((r, i) => (r.reduce((s, v) => s + v, 0) === 0 ? [i] : []));
  const columnsDropped = table[0]!.flatMap((_, j) => (table.every((r) => r[j] === 0) ? [j] : []));
  const t = table
    .filter((_, i) => !rowsDropped.includes(i))
    .map((r) => r.filter((_, j) => !columnsDropped.includes(j)));
  const n = t.reduce((s, r) => s + r.reduce((a, v) => a + v, 0), 0);
  if (t.length < 2 || t[0]!.length < 2) return notComputed(n, 'table_shape', { minRows: 2, minCols: 2 });
  const rows = t.map((r) => r.reduce((a, v) => a + v, 0));
  const cols = t[0]!.map((_, j) => t.reduce((a, r) => a + r[j]!, 0));
  const expected = rows.map((ri) => cols.map((cj) => (ri * cj) / n));
  // Yates for 2×2: every |o − e| there is |ad − bc|/n, and R reduces it by at most that.
  const is2x2 = rows.length === 2 && cols.length === 2;
  const yates = correct && is2x2 ? Math.min(0.5, Math.abs(t[0]![0]! - expected[0]![0]!)) : 0;
  let statistic = 0;
  t.forEach((r, i) => r.forEach((o, j) => (statistic += (Math.abs(o - expected[i]![j]!) - yates) ** 2 / expected[i]![j]!)));
  const residuals = t.map((r, i) => r.map((o, j) => (o - expected[i]![j]!) / Math.sqrt(expected[i]![j]!)));
  const stdres = t.map((r, i) =>
    r.map((o, j) => (o - expected[i]![j]!) / Math.sqrt(expected[i]![j]! * (1 - rows[i]! / n) * (1 - cols[j]! / n))),
  );
  const df = (rows.length - 1) * (cols.length - 1);
  const chiSquarePValue = chiSquareUpper(statistic, df);
  const flat = expected.flat();
  const minExpected = flat.reduce((m, v) => Math.min(m, v), Infinity);
  const cellsBelow5 = flat.filter((e) => e < 5).length;
  const cochranOk = minExpected >= 1 && cellsBelow5 <= 0.2 * flat.length;

  const notes: StatsNote[] = [];
  if (rowsDropped.length > 0) notes.push(note('empty_rows_dropped', { count: rowsDropped.length }));
  if (columnsDropped.length > 0) notes.push(note('empty_columns_dropped', { count: columnsDropped.length }));
  if (yates > 0) notes.push(note('continuity_corrected'));
  if (!cochranOk) {
    notes.push(
      note('expected_counts_small', {
        minExpected: Math.round(minExpected * 100) / 100,
        cellsBelow5,
        cells: flat.length,
      }),
    );
  }
  const base = {
    computed: true as const,
    n,
    statisticName: 'X-squared' as const,
    statistic,
    alternative: 'two-sided' as const,
    df,
    chiSquarePValue,
    expected,
    cochranOk,
    rowsDropped,
    columnsDropped,
    residuals,
    stdres,
  };
  const wantExact = exactOption === 'auto' ? !cochranOk : exactOption;
  if (wantExact) {
    if (is2x2) {
      const f = fisherExact2x2(t as unknown as Table2x2) as FisherResult;
      return { ...base, method: 'fisher-exact', pValue: f.pValue, notes: [...notes, note('exact_distribution')] };
    }
    const p = freemanHaltonPValue(t, rows, cols, n, maxSteps);
    if (p !== null) {
      return { ...base, method: 'fisher-freeman-halton', pValue: p, notes: [...notes, note('exact_distribution')] };
    }
    notes.push(note('exact_infeasible', { limit: maxSteps }));
  }
  notes.push(note('chi_square_approximation', { df }));
  return { ...base, method: 'chi-square-pearson', pValue: chiSquarePValue, notes };
}
