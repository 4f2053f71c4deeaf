import { UppfoljningError } from '../../core/error.js';
import { issue, type Issue } from '../../core/issue.js';

/**
 * Input checks shared by the statistics functions. Each throws an
 * {@link UppfoljningError} naming the parameter (the path) and the rule.
 *
 * @internal
 */

function fail(issues: Issue[]): never {
  throw new UppfoljningError(issues);
}

/** A finite number. */
export function checkFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail([issue([name], 'finite', { value: String(value) })]);
}

/** A whole number ≥ 0 (a count). */
export function checkCount(value: number, name: string): void {
  checkFinite(value, name);
  if (!Number.isInteger(value)) fail([issue([name], 'integer', { value })]);
  if (value < 0) fail([issue([name], 'min', { minimum: 0, origin: 'number' })]);
}

/** successes and n are counts and successes ≤ n. */
export function checkSuccesses(successes: number, n: number, successesName: string, nName: string): void {
  checkCount(successes, successesName);
  checkCount(n, nName);
  if (successes > n) fail([issue([successesName], 'exceeds_total', { value: successes, total: n, totalName: nName })]);
}

/** A number strictly between lo and hi (e.g. a confidence level). */
export function checkOpen(value: number, name: string, lo = 0, hi = 1): void {
  checkFinite(value, name);
  if (!(value > lo && value < hi)) fail([issue([name], 'open_interval', { value, min: lo, max: hi })]);
}

/** A number > 0. */
export function checkPositive(value: number, name: string): void {
  checkFinite(value, name);
  if (!(value > 0)) fail([issue([name], 'positive', { value })]);
}

/** Every element a finite number; reports every bad element at once. */
export function checkFiniteArray(values: readonly number[], name: string): void {
  if (!Array.isArray(values)) fail([issue([name], 'type', { expected: 'array', received: typeof values })]);
  const issues: Issue[] = [];
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(issue([name, i], 'finite', { value: String(v) }));
  });
  if (issues.length > 0) fail(issues);
}

/** A table of counts: an array of rows of equal length, every cell a count. */
export function checkTable(table: readonly (readonly number[])[], name: string): void {
  if (!Array.isArray(table) || table.length === 0 || !table.every((r) => Array.isArray(r))) {
    fail([issue([name], 'table_shape', { minRows: 1, minCols: 1 })]);
  }
  const width = table[0]!.length;
  if (width === 0 || table.some((r) => r.length !== width)) fail([issue([name], 'table_shape', { minRows: 1, minCols: 1 })]);
  const issues: Issue[] = [];
  table.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(issue([name, i, j], 'finite', { value: String(v) }));
      else if (!Number.isInteger(v)) issues.push(issue([name, i, j], 'integer', { value: v }));
      else if (v < 0) issues.push(issue([name, i, j], 'min', { minimum: 0, origin: 'number' }));
    }),
  );
  if (issues.length > 0) fail(issues);
}
