import { issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { arrayIssues, finiteArrayIssues, oneOfIssues, oneOfOr, openIssues, optionsIssues, optionsOf, positiveIssues, tableIssues, throwIfAny, totalIssues } from '../core/args.js';
import { freemanHaltonNetwork } from './_lib/network.js';
import { midRanks, rankSumDistribution, twoSidedByDistance } from './_lib/rank.js';
import { bisectIncreasing, chiSquareUpper, logChoose, logFactorial, normalCdf, normalUpper } from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import type { TestResult } from './paired.js';

/** R's relative tolerance when comparing table probabilities with the observed one. */
const REL_TOL = 1 + 1e-7;

/**
 * A 2×2 table of counts: `[[a, b], [c, d]]`, rows are groups, columns outcomes.
 *
 * @example
 * ```ts
 * // Rows: two groups; columns: goal met, not met.
 * const table: Table2x2 = [[9, 1], [3, 7]];
 * const f = fisherExact2x2(table) as FisherResult;
 * f.pValue; // => 0.01976…
 * ```
 */
export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

/**
 * Options of {@link fisherExact2x2}.
 *
 * @example
 * ```ts
 * const options: FisherOptions = { confidence: 0.9 };
 * const f = fisherExact2x2([[3, 1], [1, 3]], options) as FisherResult;
 * [f.lower, f.upper]; // => [0.3135…, 306.23…]
 * ```
 */
export interface FisherOptions {
  /** Confidence level of the odds ratio's interval. Default 0.95. */
  readonly confidence?: number;
}

/**
 * The result of {@link fisherExact2x2}.
 *
 * @example
 * ```ts
 * const f = fisherExact2x2([[3, 1], [1, 3]]) as FisherResult; // Fisher's tea-tasting
 * f.oddsRatio; // => 6.4083…
 * f.pValue; // => 0.4857…
 * ```
 */
export interface FisherResult extends TestResult<'fisher-exact'> {
  /** The count in the first cell, a. */
  readonly statistic: number;
  /** Conditional maximum-likelihood odds ratio; `null` when infinite (see notes). */
  readonly oddsRatio: number | null;
  /** Exact conditional interval for the odds ratio; `upper` is `null` when infinite. */
  readonly lower: number;
  readonly upper: number | null;
  readonly confidence: number;
}

/** The hypergeometric support and log-probabilities of a 2×2 table's first cell. */
function hypergeometric(a: number, b: number, c: number, d: number) {
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const logp: number[] = [];
  const logTotal = logChoose(r1 + r2, c1);
  for (let x = lo; x <= hi; x++) logp.push(logChoose(r1, x) + logChoose(r2, c1 - x) - logTotal);
  return { lo, hi, logp };
}

/** Probabilities of the first cell under odds ratio ψ (Fisher's noncentral hypergeometric). */
function noncentral(logp: readonly number[], lo: number, logPsi: number): number[] {
  const w = logp.map((l, i) => l + (lo + i) * logPsi);
  // A loop, not Math.max(...w): spreading a large support overflows the call stack.
  const max = w.reduce((m, v) => Math.max(m, v), -Infinity);
  const e = w.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/**
 * Fisher's exact test for a 2×2 table (two-sided, as R's `fisher.test`: the
 * total probability of tables with the same margins that are no more likely
 * than the one observed), with the conditional maximum-likelihood odds ratio
 * and its exact conditional interval.
 *
 * @param table - `[[a, b], [c, d]]`, whole numbers ≥ 0
 * @param options - `confidence` for the odds ratio's interval (default 0.95)
 * @returns the test, or {@link NotComputed} `too_few` when the table is empty (n = 0)
 * @throws UppfoljningError when the table is not an array (`required`, `type`) or not 2×2 (`table_shape`), a cell is
 *   not a whole number ≥ 0 (path `table[i][j]`), `options.confidence` is not in (0, 1) (`open_interval`), or the
 *   first cell could take more than 10 million values with these margins (`too_large`: the exact distribution would not fit in memory)
 * @see R. A. Fisher (1935), The logic of inductive inference. JRSS 98:39–82 (the tea-tasting example).
 * @see A. Agresti (2013), Categorical Data Analysis, 3rd ed., §3.5 and §16.6 (conditional MLE and interval).
 *
 * @example
 * ```ts
 * // Fisher's tea-tasting, R's ?fisher.test
 * fisherExact2x2([[3, 1], [1, 3]]);
 * // => { computed: true, n: 8, method: 'fisher-exact', statistic: 3, pValue: 0.4857…, oddsRatio: 6.4083…, lower: 0.2117…, upper: 626.24…, … }
 * ```
 */
export function fisherExact2x2(table: Table2x2, options: FisherOptions = {}): FisherResult | NotComputed {
  throwIfAny(tableIssues(table, ['table']));
  if (table.length !== 2 || table[0]!.length !== 2) {
    throw new UppfoljningError([issue(['table'], 'table_shape', { minRows: 2, minCols: 2 })]);
  }
  throwIfAny(optionsIssues(options));
  const confidence = optionsOf(options).confidence ?? 0.95;
  throwIfAny(openIssues(confidence, ['options', 'confidence']));
  const [[a, b], [c, d]] = table;
  const n = a + b + c + d;
  // The values the first cell can take with these margins; each is held in memory.
  throwIfAny(totalIssues(Math.min(a + b, a + c) - Math.max(0, a - d) + 1, ['table']));
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const { lo, hi, logp } = hypergeometric(a, b, c, d);
  const pObs = Math.exp(logp[a - lo]!);
  let pValue = 0;
  for (const l of logp) if (Math.exp(l) <= pObs * REL_TOL) pValue += Math.exp(l);
  pValue = Math.min(1, pValue);

  const notes: StatsNote[] = [note('exact_distribution')];
  const alpha = 1 - confidence;
  const mean = (logPsi: number) => noncentral(logp, lo, logPsi).reduce((s, p, i) => s + p * (lo + i), 0);
  const upperTail = (logPsi: number) => noncentral(logp, lo, logPsi).reduce((s, p, i) => (lo + i >= a ? s + p : s), 0);
  const lowerTail = (logPsi: number) => noncentral(logp, lo, logPsi).reduce((s, p, i) => (lo + i <= a ? s + p : s), 0);
  const B = 60; // ψ searched within e^±60, far past any odds ratio met in practice
  let oddsRatio: number | null;
  let lower: number;
  let upper: number | null;
  if (lo === hi) {
    // Degenerate margins: every table is the observed one, nothing to estimate.
    oddsRatio = null;
    lower = 0;
    upper = null;
    notes.push(note('estimate_at_boundary'));
  } else {
    oddsRatio = a === lo ? 0 : a === hi ? null : Math.exp(bisectIncreasing(mean, a, -B, B));
    if (a === lo || a === hi) notes.push(note('estimate_at_boundary'));
    lower = a === lo ? 0 : Math.exp(bisectIncreasing(upperTail, alpha / 2, -B, B));
    // lowerTail decreases in ψ: find where it crosses α/2 by flipping the sign.
    upper = a === hi ? null : Math.exp(bisectIncreasing((t) => -lowerTail(t), -alpha / 2, -B, B));
  }
  return { computed: true, n, method: 'fisher-exact', statistic: a, pValue, oddsRatio, lower, upper, confidence, notes };
}

/** Limit on the steps (partial tables visited) of the Fisher–Freeman–Halton enumeration: a few seconds at most. */
const FFH_STEP_LIMIT = 10_000_000;

/**
 * Options of {@link chiSquareIndependence}.
 *
 * @example
 * ```ts
 * // Cochran's rule fails here, so the default ('auto') uses Fisher's exact test.
 * const options: ChiSquareOptions = { exact: false };
 * const r = chiSquareIndependence([[3, 1], [1, 3]], options) as ChiSquareResult;
 * r.method; // => 'chi-square-pearson'
 * r.pValue; // => 0.1572…
 * ```
 */
export interface ChiSquareOptions {
  /**
   * `auto` (default): fall back to the exact test when Cochran's rule fails;
   * `false`: always report the chi-square p-value (with a note if unreliable);
   * `true`: always use the exact test (when feasible).
   */
  readonly exact?: 'auto' | boolean;
  /**
   * The most steps (partial tables visited) the exact r×c enumeration may
   * take before giving up with an `exact_infeasible` note. Default 10 million
   * (a few seconds at most).
   */
  readonly maxSteps?: number;
}

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
  /** Pearson's X² (always reported, whichever p-value is used). */
  readonly statistic: number;
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
}

/**
 * Pearson's chi-square test of independence for an r×c table of counts, that
 * says when it cannot be trusted and then uses an exact test instead.
 *
 * - Empty rows and columns carry no information and are dropped (noted).
 * - Expected counts are reported. Cochran's rule (every expected count ≥ 1,
 *   at most 20 % below 5) decides whether the chi-square approximation is
 *   good enough. No Yates correction is applied (so a 2×2 table matches R's
 *   `chisq.test(correct = FALSE)`); small tables go exact instead.
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
 * @param options - `exact`, `maxSteps`
 * @returns the test, or {@link NotComputed} `table_shape` when fewer than 2 non-empty rows or columns remain
 * @throws UppfoljningError when the table is not an array (`required`, `type`), ragged or empty (`table_shape`), a cell
 *   is not a whole number ≥ 0, or an option is wrong (`one_of` for `options.exact`, `positive` for `options.maxSteps`)
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
  throwIfAny(optionsIssues(options));
  const o = optionsOf(options);
  throwIfAny(oneOfIssues(o.exact, ['auto', true, false] as const, ['options', 'exact']));
  const exactOption = oneOfOr(o.exact, ['auto', true, false] as const, 'auto');
  const maxSteps = o.maxSteps ?? FFH_STEP_LIMIT;
  throwIfAny(positiveIssues(maxSteps, ['options', 'maxSteps']));
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
  let statistic = 0;
  t.forEach((r, i) => r.forEach((o, j) => (statistic += (o - expected[i]![j]!) ** 2 / expected[i]![j]!)));
  const df = (rows.length - 1) * (cols.length - 1);
  const chiSquarePValue = chiSquareUpper(statistic, df);
  const flat = expected.flat();
  const minExpected = flat.reduce((m, v) => Math.min(m, v), Infinity);
  const cellsBelow5 = flat.filter((e) => e < 5).length;
  const cochranOk = minExpected >= 1 && cellsBelow5 <= 0.2 * flat.length;

  const notes: StatsNote[] = [];
  if (rowsDropped.length > 0) notes.push(note('empty_rows_dropped', { count: rowsDropped.length }));
  if (columnsDropped.length > 0) notes.push(note('empty_columns_dropped', { count: columnsDropped.length }));
  if (!cochranOk) {
    notes.push(
      note('expected_counts_small', {
        minExpected: Math.round(minExpected * 100) / 100,
        cellsBelow5,
        cells: flat.length,
      }),
    );
  }
  const base = { computed: true as const, n, statistic, df, chiSquarePValue, expected, cochranOk, rowsDropped, columnsDropped };
  const wantExact = exactOption === 'auto' ? !cochranOk : exactOption;
  if (wantExact) {
    if (rows.length === 2 && cols.length === 2) {
      const f = fisherExact2x2(t as unknown as Table2x2) as FisherResult;
      return { ...base, method: 'fisher-exact', pValue: f.pValue, notes: [...notes, note('exact_distribution')] };
    }
    const { table: ordered, rows: orderedRows, cols: orderedCols } = canonicalTable(t, rows, cols);
    // Two exact algorithms for the same sum, each strong where the other is
    // weak: the network algorithm (merging partial tables) on a tenth of the
    // budget, then depth-first enumeration with bounds on the whole budget.
    const p =
      freemanHaltonNetwork(ordered, orderedRows, orderedCols, n, Math.max(1, Math.floor(maxSteps / 10))) ??
      freemanHalton(ordered, orderedRows, orderedCols, n, maxSteps);
    if (p !== null) {
      return { ...base, method: 'fisher-freeman-halton', pValue: p, notes: [...notes, note('exact_distribution')] };
    }
    notes.push(note('exact_infeasible', { limit: maxSteps }));
  }
  notes.push(note('chi_square_approximation', { df }));
  return { ...base, method: 'chi-square-pearson', pValue: chiSquarePValue, notes };
}

/**
 * The table in a canonical orientation and order: the p-value does not depend
 * on which margin is rows or on the order of rows and columns, and neither
 * must the work (so that a table and its transpose are both computed exactly
 * or both given up on). Fewer rows than columns (or, for a square table, the
 * orientation whose sorted row totals come first), rows and columns by
 * decreasing total; larger columns first also lets the bounds cut more.
 */
function canonicalTable(
  t: readonly (readonly number[])[],
  rows: readonly number[],
  cols: readonly number[],
): { table: number[][]; rows: number[]; cols: number[] } {
  const desc = (a: readonly number[]) => [...a].sort((x, y) => y - x);
  const compare = (a: readonly number[], b: readonly number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  const transpose =
    rows.length > cols.length || (rows.length === cols.length && compare(desc(rows), desc(cols)) > 0);
  const m = transpose ? cols.map((_, j) => t.map((r) => r[j]!)) : t.map((r) => [...r]);
  const r = transpose ? [...cols] : [...rows];
  const c = transpose ? [...rows] : [...cols];
  const rowOrder = r.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i);
  const colOrder = c.map((v, j) => [v, j] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, j]) => j);
  return {
    table: rowOrder.map((i) => colOrder.map((j) => m[i]![j]!)),
    rows: rowOrder.map((i) => r[i]!),
    cols: colOrder.map((j) => c[j]!),
  };
}

/**
 * The Fisher–Freeman–Halton p-value by enumerating every table with the given
 * margins, column by column; `null` when there would be too many.
 */
function freemanHalton(
  t: readonly (readonly number[])[],
  rows: readonly number[],
  cols: readonly number[],
  n: number,
  maxSteps: number,
): number | null {
  const constant =
    rows.reduce((s, r) => s + logFactorial(r), 0) + cols.reduce((s, c) => s + logFactorial(c), 0) - logFactorial(n);
  const logProb = (cells: readonly number[]) => constant - cells.reduce((s, v) => s + logFactorial(v), 0);
  const pObs = Math.exp(logProb(t.flat()));
  const R = rows.length;
  const C = cols.length;
  const remaining = [...rows];
  let visited = 0;
  let pValue = 0;
  let aborted = false;
  // sumLogFact accumulates Σ log n_ij! over the cells filled so far.
  const logThreshold = Math.log(pObs * REL_TOL);
  const scratch: number[] = [];
  const fillColumn = (j: number, sumLogFact: number): void => {
    if (aborted || ++visited > maxSteps) {
      aborted = true;
      return;
    }
    if (j > 0 && j < C - 1) {
      // Network-algorithm shortcut (Mehta and Patel 1983, in its simplest
      // form): bound the most and least probable completions of this partial
      // table; if even the most probable is no more likely than the observed
      // table, all completions count (their total mass is closed-form); if
      // even the least probable is more likely, none does.
      const partial = constant - sumLogFact;
      let logMax = 0;
      let logMin = 0;
      const caps = sortedInto(remaining, scratch);
      for (let k = j; k < C; k++) {
        logMax -= spreadLogFactorials(cols[k]!, caps);
        logMin -= concentrateLogFactorials(cols[k]!, caps);
      }
      if (partial + logMax <= logThreshold) {
        let logMass = logFactorial(remaining.reduce((a, r) => a + r, 0));
        for (const r of remaining) logMass -= logFactorial(r);
        for (let k = j; k < C; k++) logMass -= logFactorial(cols[k]!);
        pValue += Math.exp(partial + logMass);
        return;
      }
      if (partial + logMin > logThreshold) return;
    }
    if (j === C - 1) {
      // The last column is forced by the remaining row totals.
      let s = sumLogFact;
      for (let i = 0; i < R; i++) s += logFactorial(remaining[i]!);
      const p = Math.exp(constant - s);
      if (p <= pObs * REL_TOL) pValue += p;
      return;
    }
    const fillCell = (i: number, left: number, acc: number): void => {
      if (aborted || ++visited > maxSteps) {
        aborted = true;
        return;
      }
      if (i === R - 1) {
        if (left > remaining[i]!) return;
        remaining[i] = remaining[i]! - left;
        fillColumn(j + 1, acc + logFactorial(left));
        remaining[i] = remaining[i]! + left;
        return;
      }
      // Rows below must be able to take what is left.
      let capacityBelow = 0;
      for (let k = i + 1; k < R; k++) capacityBelow += remaining[k]!;
      const min = Math.max(0, left - capacityBelow);
      const max = Math.min(left, remaining[i]!);
      for (let v = min; v <= max; v++) {
        remaining[i] = remaining[i]! - v;
        fillCell(i + 1, left - v, acc + logFactorial(v));
        remaining[i] = remaining[i]! + v;
      }
    };
    fillCell(0, cols[j]!, sumLogFact);
  };
  fillColumn(0, 0);
  return aborted ? null : Math.min(1, pValue);
}

/**
 * The smallest Σ log nᵢ! over ways to put `total` into rows with capacities
 * capacities `sorted` (ascending), spread as evenly as the capacities allow:
 * bounds the most probable completion of a column.
 */
function spreadLogFactorials(total: number, sorted: readonly number[]): number {
  let left = total;
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted.length - i;
    const cap = sorted[i]!;
    if (cap * k <= left) {
      sum += logFactorial(cap);
      left -= cap;
      continue;
    }
    // Every remaining row can take an even share: q or q + 1 each.
    const q = Math.floor(left / k);
    const extra = left - q * k;
    sum += extra * logFactorial(q + 1) + (k - extra) * logFactorial(q);
    break;
  }
  return sum;
}

/**
 * The largest Σ log nᵢ! over the same ways (filling the largest capacities
 * first): bounds the least probable completion of a column.
 */
function concentrateLogFactorials(total: number, sorted: readonly number[]): number {
  let left = total;
  let sum = 0;
  for (let i = sorted.length - 1; i >= 0 && left > 0; i--) {
    const v = Math.min(sorted[i]!, left);
    sum += logFactorial(v);
    left -= v;
  }
  return sum;
}

/** Copies `values` into `out` sorted ascending (insertion sort: the arrays are a table's few rows). */
function sortedInto(values: readonly number[], out: number[]): number[] {
  out.length = 0;
  for (const v of values) {
    let i = out.length;
    out.push(v);
    while (i > 0 && out[i - 1]! > v) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = v;
  }
  return out;
}

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
 * Each group needs at least this many values for a rank test between groups.
 *
 * @example
 * ```ts
 * MIN_GROUP_SIZE; // => 3
 * mannWhitneyU([1, 2], [3, 4, 5, 6, 7, 8]); // => { computed: false, n: 2, reason: 'too_few', params: { n: 2, minimum: 3 } }
 * ```
 */
export const MIN_GROUP_SIZE = 3;
/**
 * And together at least this many (with 3 + 4 no outcome reaches p < 0.05: 2/35 = 0.057).
 *
 * @example
 * ```ts
 * MIN_TOTAL_FOR_GROUP_TEST; // => 8
 * mannWhitneyU([1, 2, 3], [4, 5, 6, 7]); // => { computed: false, n: 7, reason: 'too_few', params: { n: 7, minimum: 8 } }
 * ```
 */
export const MIN_TOTAL_FOR_GROUP_TEST = 8;

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
 * @returns the test, or {@link NotComputed} `too_few` when a group has fewer than
 *   {@link MIN_GROUP_SIZE} values or both together fewer than {@link MIN_TOTAL_FOR_GROUP_TEST}
 *   (no outcome could reach p < 0.05), or `no_variation` when all values are equal
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
  if (Math.min(n1, n2) < MIN_GROUP_SIZE) return notComputed(Math.min(n1, n2), 'too_few', { minimum: MIN_GROUP_SIZE });
  if (n < MIN_TOTAL_FOR_GROUP_TEST) return notComputed(n, 'too_few', { minimum: MIN_TOTAL_FOR_GROUP_TEST });
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
      statistic,
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
    statistic,
    pValue: Math.min(1, 2 * Math.min(normalCdf(z), normalUpper(z))),
    n1,
    n2,
    z,
    notes,
  };
}

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
 * @returns the test, or {@link NotComputed}: `too_few` (fewer than 2 groups, or fewer than
 *   {@link MIN_TOTAL_FOR_GROUP_TEST} values in all), `no_variation` (all values equal)
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
  const all = groups.flat();
  const n = all.length;
  const k = groups.length;
  if (k < 2) return notComputed(k, 'too_few', { minimum: 2 });
  if (n < MIN_TOTAL_FOR_GROUP_TEST) return notComputed(n, 'too_few', { minimum: MIN_TOTAL_FOR_GROUP_TEST });
  const { ranks, tieSizes } = midRanks(all);
  if (tieSizes.length === 1 && tieSizes[0] === n) return notComputed(n, 'no_variation');
  const sizes = groups.map((g) => g.length);
  let offset = 0;
  let sum = 0;
  for (const size of sizes) {
    const r = ranks.slice(offset, offset + size).reduce((a, v) => a + v, 0);
    sum += (r * r) / size;
    offset += size;
  }
  const h0 = (12 / (n * (n + 1))) * sum - 3 * (n + 1);
  const correction = 1 - tieSizes.reduce((a, t) => a + t ** 3 - t, 0) / (n ** 3 - n);
  const statistic = h0 / correction;
  const df = k - 1;
  const chiSquarePValue = chiSquareUpper(statistic, df);
  const notes: StatsNote[] = [];
  if (tieSizes.length > 0) notes.push(note('ties_corrected', { groups: tieSizes.length }));
  const logAssignments = logFactorial(n) - sizes.reduce((a, m) => a + logFactorial(m), 0);
  const feasible = logAssignments <= Math.log(maxAssignments) + 1e-9;
  if ((exactOption === 'auto' || exactOption === true) && feasible) {
    // H grows with S = Σ R_i² / n_i, so P(H ≥ h) = P(S ≥ s), counted over all splits.
    const atLeast = countSplitsAtLeast(ranks, sizes, sum);
    notes.push(note('exact_distribution'));
    if (tieSizes.length > 0) notes.push(note('exact_conditional_on_ties', { groups: tieSizes.length }));
    return {
      computed: true,
      n,
      method: 'kruskal-wallis-exact',
      statistic,
      pValue: Math.min(1, atLeast / Math.exp(logAssignments)),
      df,
      sizes,
      chiSquarePValue,
      notes,
    };
  }
  if (exactOption === true) notes.push(note('exact_infeasible', { limit: maxAssignments }));
  notes.push(note('chi_square_approximation', { df }));
  return {
    computed: true,
    n,
    method: 'kruskal-wallis',
    statistic,
    pValue: chiSquarePValue,
    df,
    sizes,
    chiSquarePValue,
    notes,
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
