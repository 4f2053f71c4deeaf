import { UppfoljningError } from '../../core/error.js';
import { issue, type Issue, type PathSegment } from '../../core/issue.js';
import type { Locale } from '../../core/locale.js';
import { typeName as kindOf, shownByType as shown } from '../../core/_lib/args.js';

/**
 * Input checks shared by the statistics functions, run at each public
 * function's boundary before anything is computed. Each throws an
 * {@link UppfoljningError} naming the path (rooted at the argument's name,
 * e.g. `['options', 'confidence']`) and the rule. None of them calls the
 * value's own methods (`toString`, getters aside), so garbage cannot make a
 * check itself throw.
 *
 * @internal
 */

/** A path into the arguments: an argument's name, or segments starting with it. */
export type At = string | readonly PathSegment[];

const segments = (at: At): PathSegment[] => (typeof at === 'string' ? [at] : [...at]);

function fail(issues: Issue[]): never {
  throw new UppfoljningError(issues);
}

// What a value is, for the `type` rule (`null`, `array` or its typeof), and a value as message
// text without calling the value's own toString: core's, under the names this module uses.
export { typeName as kindOf, shownByType as shown } from '../../core/_lib/args.js';

const typeIssue = (at: At, expected: string, value: unknown): Issue =>
  issue(segments(at), value === undefined ? 'required' : 'type', value === undefined ? {} : { expected, received: kindOf(value) });

/** Issues for a value that is not a finite number (empty when it is one). */
export function finiteIssues(value: unknown, at: At): Issue[] {
  return typeof value === 'number' && Number.isFinite(value) ? [] : [issue(segments(at), 'finite', { value: shown(value) })];
}

/** Issues for a value that is not a count, a whole number ≥ 0 (empty when it is one). */
export function countIssues(value: unknown, at: At): Issue[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return finiteIssues(value, at);
  if (!Number.isInteger(value)) return [issue(segments(at), 'integer', { value })];
  if (value < 0) return [issue(segments(at), 'min', { minimum: 0, origin: 'number' })];
  return [];
}

/** A finite number. */
export function checkFinite(value: unknown, at: At): asserts value is number {
  const issues = finiteIssues(value, at);
  if (issues.length > 0) fail(issues);
}

/** A whole number ≥ 0 (a count). */
export function checkCount(value: unknown, at: At): asserts value is number {
  const issues = countIssues(value, at);
  if (issues.length > 0) fail(issues);
}

/** successes and n are counts and successes ≤ n; `totalName` is how n is named in the message. */
export function checkSuccesses(successes: unknown, n: unknown, successesAt: At, nAt: At): void {
  checkCount(successes, successesAt);
  checkCount(n, nAt);
  if (successes > n) {
    fail([issue(segments(successesAt), 'exceeds_total', { value: successes, total: n, totalName: segments(nAt).join('.') })]);
  }
}

/** A number strictly between lo and hi (e.g. a confidence level). */
export function checkOpen(value: unknown, at: At, lo = 0, hi = 1): asserts value is number {
  checkFinite(value, at);
  if (!(value > lo && value < hi)) fail([issue(segments(at), 'open_interval', { value, min: lo, max: hi })]);
}

/** A number > 0. */
export function checkPositive(value: unknown, at: At): asserts value is number {
  checkFinite(value, at);
  if (!(value > 0)) fail([issue(segments(at), 'positive', { value })]);
}

/** An array (of anything yet): `required` when missing, `type` otherwise. */
export function checkArray(value: unknown, at: At): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) fail([typeIssue(at, 'array', value)]);
}

/** An array whose every element is a finite number; reports every bad element at once. */
export function checkFiniteArray(values: unknown, at: At): asserts values is readonly number[] {
  checkArray(values, at);
  const issues: Issue[] = [];
  for (let i = 0; i < values.length; i++) issues.push(...finiteIssues(values[i], [...segments(at), i]));
  if (issues.length > 0) fail(issues);
}

/** Issues for a value that is not an object (null and arrays are not): `required` when missing, `type` otherwise. */
export function objectIssues(value: unknown, at: At): Issue[] {
  return value === null || typeof value !== 'object' || Array.isArray(value) ? [typeIssue(at, 'object', value)] : [];
}

/** An object (not null, not an array): `required` when missing, `type` otherwise. */
export function checkObject(value: unknown, at: At): asserts value is Readonly<Record<string, unknown>> {
  const issues = objectIssues(value, at);
  if (issues.length > 0) fail(issues);
}

/**
 * An options argument: left out (undefined) it is `{}`; otherwise it must be
 * an object. Returns it typed as a record of unknown values to check one by one.
 */
export function checkOptions(options: unknown, at: At = 'options'): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  checkObject(options, at);
  return options;
}

/**
 * One of a closed list of values (an option's choices). Undefined gives the
 * fallback, or `required` when there is none.
 */
export function checkOneOf<T extends string | boolean>(value: unknown, values: readonly T[], at: At, fallback?: T): T {
  if (value === undefined) {
    if (fallback === undefined) fail([issue(segments(at), 'required')]);
    return fallback;
  }
  if (!(values as readonly unknown[]).includes(value)) {
    fail([issue(segments(at), 'one_of', { values: values.map(String), value: shown(value) })]);
  }
  return value as T;
}

/** A locale, `sv` or `en`; left out it is `sv`. */
export function checkLocale(locale: unknown, at: At = 'locale'): Locale {
  return checkOneOf(locale, ['sv', 'en'] as const, at, 'sv');
}

/**
 * The most values a function expands counts into (or an exact test takes):
 * far beyond any follow-up, and small enough for memory and time.
 */
export const MAX_VALUES = 10_000_000;

/** A total of counts no larger than {@link MAX_VALUES} (`too_large`). */
export function checkTotal(total: number, at: At): void {
  if (total > MAX_VALUES) fail([issue(segments(at), 'too_large', { total, maximum: MAX_VALUES })]);
}

/** A table of counts: an array of rows of equal length, every cell a count. */
export function checkTable(table: unknown, at: At): asserts table is readonly (readonly number[])[] {
  const path = segments(at);
  checkArray(table, path);
  const shape = [issue(path, 'table_shape', { minRows: 1, minCols: 1 })];
  // Index loops, not every/forEach: those skip the holes of a sparse array.
  for (let i = 0; i < table.length; i++) if (!Array.isArray(table[i])) fail(shape);
  const rows = table as readonly (readonly unknown[])[];
  const width = rows.length === 0 ? 0 : rows[0]!.length;
  if (width === 0 || rows.some((r) => r.length !== width)) fail(shape);
  const issues: Issue[] = [];
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < width; j++) issues.push(...countIssues(rows[i]![j], [...path, i, j]));
  if (issues.length > 0) fail(issues);
}
