import { freemanHaltonNetwork } from './network.js';
import { logFactorial } from './special.js';

/** R's relative tolerance when comparing table probabilities with the observed one. */
export const R_REL_TOL = 1 + 1e-7;

/**
 * The Fisher–Freeman–Halton exact p-value of an r×c table with the given
 * margins, or `null` when both exact algorithms would exceed `maxSteps`: the
 * table is put in its canonical orientation and order first, so a table and
 * its transpose are both computed exactly or both given up on.
 *
 * @internal
 */
export function freemanHaltonPValue(
  t: readonly (readonly number[])[],
  rows: readonly number[],
  cols: readonly number[],
  n: number,
  maxSteps: number,
): number | null {
  const { table: ordered, rows: orderedRows, cols: orderedCols } = canonicalTable(t, rows, cols);
  // Two exact algorithms for the same sum, each strong where the other is
  // weak: the network algorithm (merging partial tables) on a tenth of the
  // budget, then depth-first enumeration with bounds on the whole budget.
  return (
    freemanHaltonNetwork(ordered, orderedRows, orderedCols, n, Math.max(1, Math.floor(maxSteps / 10))) ??
    freemanHalton(ordered, orderedRows, orderedCols, n, maxSteps)
  );
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
  const logThreshold = Math.log(pObs * R_REL_TOL);
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
      if (p <= pObs * R_REL_TOL) pValue += p;
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
