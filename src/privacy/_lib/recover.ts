/**
 * Whether a suppressed cell of a two-way table with published margins can be
 * recomputed exactly from what is published.
 *
 * The table with its margins is an (R+1)×(C+1) grid `x` (row R holds the
 * column totals, column C the row totals). Negating the single margins,
 * `z[i][j] = x[i][j]` for inner cells and the grand total and `−x[i][j]` for
 * row and column totals, turns every additivity constraint into "each line of
 * `z` sums to zero". The suppressed cells are the edges of a bipartite graph
 * between row nodes and column nodes; any other table that agrees with the
 * published cells differs from the true one by a circulation on those edges
 * (a sum of cycles that alternate + and −, Network Flows, Ahuja, Magnanti &
 * Orlin 1993, ch. 3, flow decomposition). A cell's value is therefore
 * determined iff no such cycle passes through it in either direction while
 * keeping every cell non-negative: a cell at 0 may only move up. An edge
 * carries `z` up as flow row → column and `z` down as flow column → row, so
 * a cycle through edge (i, j) in one direction is a directed path back in the
 * residual graph. Because the constraint matrix of a two-way table is totally
 * unimodular, the exact (linear-programming) feasible range of a cell has
 * integer ends, and a cycle of integer step 1 exists whenever the range is
 * not a single point.
 *
 * @see Cox, L. H. (1980). Suppression methodology and statistical disclosure
 *   control. JASA 75(370), 377–385.
 * @internal
 */
export interface Grid {
  /** Values, `(R+1) × (C+1)`, margins in the last row and column. */
  readonly values: readonly (readonly number[])[];
  /** Which cells are suppressed, same shape. */
  readonly suppressed: readonly (readonly boolean[])[];
}

/** @internal Whether the cell (a, b) of the grid is recoverable exactly from the published cells. */
export function isRecoverable(grid: Grid, a: number, b: number): boolean {
  return !hasCycle(grid, a, b, true) && !hasCycle(grid, a, b, false);
}

/** The z-sign of a cell: −1 for a row or column total, +1 for inner cells and the grand total. */
function sign(rows: number, cols: number, i: number, j: number): 1 | -1 {
  return (i === rows - 1) !== (j === cols - 1) ? -1 : 1;
}

/**
 * Whether the circulation can push cell (a, b) up (`up = true`) or down,
 * i.e. whether a directed cycle passes through it in that direction.
 */
function hasCycle(grid: Grid, a: number, b: number, up: boolean): boolean {
  const rows = grid.values.length;
  const cols = grid.values[0]?.length ?? 0;
  const value = (i: number, j: number) => grid.values[i]?.[j] ?? 0;
  if (!up && value(a, b) <= 0) return false;
  // Moving x up moves z by sign(x); z up is flow row → column.
  const zUp = (sign(rows, cols, a, b) === 1) === up;
  // A cycle using (a, b) as row a → column b needs a path column b ⇝ row a, and vice versa.
  // Nodes: rows 0..rows-1, columns rows..rows+cols-1.
  const start = zUp ? rows + b : a;
  const target = zUp ? a : rows + b;
  const seen = new Uint8Array(rows + cols);
  const stack = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === target) return true;
    if (node < rows) {
      // From row i along edge (i, j) to column j: z goes up, i.e. x moves by sign.
      const i = node;
      for (let j = 0; j < cols; j++) {
        if (seen[rows + j] || !grid.suppressed[i]?.[j] || (i === a && j === b)) continue;
        const xUp = sign(rows, cols, i, j) === 1;
        if (xUp || value(i, j) > 0) {
          seen[rows + j] = 1;
          stack.push(rows + j);
        }
      }
    } else {
      // From column j along edge (i, j) to row i: z goes down.
      const j = node - rows;
      for (let i = 0; i < rows; i++) {
        if (seen[i] || !grid.suppressed[i]?.[j] || (i === a && j === b)) continue;
        const xUp = sign(rows, cols, i, j) === -1;
        if (xUp || value(i, j) > 0) {
          seen[i] = 1;
          stack.push(i);
        }
      }
    }
  }
  return false;
}
