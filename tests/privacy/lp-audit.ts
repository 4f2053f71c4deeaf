// An exact audit of a protected table by linear programming (yalps), kept
// apart from the library's own flow-cycle check so that the test does not
// grade the library with its own method. For every suppressed value it
// computes the minimum and maximum the value can take in a table of
// non-negative numbers that agrees with every published cell and margin. A
// value is recoverable when that range is a single point. (The constraint
// matrix of a two-way table with margins is totally unimodular, so the LP
// range has integer ends and equals the range over integer tables.)
import { solve, type Model } from 'yalps';
import type { ProtectedTable } from '../../src/privacy/index.js';

/** The (R+1)×(C+1) grid of a protected table; null where suppressed. */
export function publishedGrid(t: ProtectedTable): (number | null)[][] {
  const v = (c: { value: number } | { suppressed: string }) => ('value' in c ? c.value : null);
  return [
    ...t.cells.map((row, i) => [...row.map(v), v(t.rowTotals[i]!)]),
    [...t.columnTotals.map(v), v(t.total)],
  ];
}

export interface Range {
  readonly cell: [number, number];
  readonly min: number;
  readonly max: number; // Infinity when unbounded
}

/** The feasible range of every suppressed value of a published grid. */
export function feasibleRanges(grid: readonly (readonly (number | null)[])[]): Range[] {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const name = (i: number, j: number) => `x${i}_${j}`;
  // Line constraints: inner cells (and column/row totals in the margin line) +1, the line's margin −1.
  const constraints: Record<string, { equal: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const addLine = (key: string, cells: [number, number, number][]) => {
    let rhs = 0;
    for (const [i, j, coef] of cells) {
      const value = grid[i]?.[j];
      if (value === null || value === undefined) {
        const v = (variables[name(i, j)] ??= {});
        v[key] = coef;
      } else rhs -= coef * value;
    }
    constraints[key] = { equal: rhs };
  };
  for (let i = 0; i < rows; i++) {
    addLine(`r${i}`, Array.from({ length: cols }, (_, j) => [i, j, j === cols - 1 ? -1 : 1] as [number, number, number]));
  }
  for (let j = 0; j < cols; j++) {
    addLine(`c${j}`, Array.from({ length: rows }, (_, i) => [i, j, i === rows - 1 ? -1 : 1] as [number, number, number]));
  }
  const out: Range[] = [];
  for (const key of Object.keys(variables)) {
    const [i, j] = key.slice(1).split('_').map(Number) as [number, number];
    const bound = (direction: 'minimize' | 'maximize') => {
      const vars = Object.fromEntries(
        Object.entries(variables).map(([n, c]) => [n, n === key ? { ...c, objective: 1 } : c]),
      );
      const model: Model = { direction, objective: 'objective', constraints, variables: vars };
      const s = solve(model);
      if (s.status === 'unbounded') return Infinity;
      if (s.status !== 'optimal') throw new Error(`LP ${s.status} for ${key}`);
      return s.result;
    };
    out.push({ cell: [i, j], min: bound('minimize'), max: bound('maximize') });
  }
  return out;
}
