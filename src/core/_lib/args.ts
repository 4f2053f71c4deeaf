import { issue, type Issue, type PathSegment } from '../issue.js';
import { UppfoljningError } from '../error.js';

/**
 * Checks of a public function's arguments, before any work is done: each
 * returns the issues found (empty when the argument is fine), with the
 * argument's name as the root of the path, so that garbage gives an
 * UppfoljningError naming the field and the rule, never a TypeError from
 * inside, and nothing is half-applied.
 */

/** @internal The type of a value, as the `type` rule names it: `null`, `array`, or its typeof. */
export const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** @internal The kind of a value, as an issue's `received` shows it: its type name, and `NaN` apart from numbers. */
export const kindOf = (value: unknown): string => (typeof value === 'number' && Number.isNaN(value) ? 'NaN' : typeName(value));

/** @internal A value as message text without calling anything of the value's own: primitives as text, objects and functions by type. */
export const shownByType = (value: unknown): string =>
  value !== null && (typeof value === 'object' || typeof value === 'function') ? typeName(value) : String(value);

/** @internal A value as text for an issue's params; never throws (a symbol, an object whose `toString` is not a function). */
export function shown(value: unknown): string {
  try {
    return String(value);
  } catch {
    return kindOf(value);
  }
}

/** @internal Whether a value is a plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** @internal `type` when the value is not of the expected kind; `required` when it is missing. */
export function typeIssues(value: unknown, expected: 'object' | 'array' | 'string' | 'boolean' | 'function', path: readonly PathSegment[]): Issue[] {
  if (value === undefined) return [issue(path, 'required')];
  const ok = expected === 'object' ? isRecord(value) : expected === 'array' ? Array.isArray(value) : typeof value === expected;
  return ok ? [] : [issue(path, 'type', { expected, received: kindOf(value) })];
}

/** @internal An options argument: left out, or an object. */
export const optionsIssues = (options: unknown, path: readonly PathSegment[] = ['options']): Issue[] =>
  options === undefined ? [] : typeIssues(options, 'object', path);

/** @internal A number: `type` when it is not one, `finite` for NaN and ±Infinity, `integer` when a whole number is wanted. */
export function numberIssues(value: unknown, path: readonly PathSegment[], whole = false): Issue[] {
  if (value === undefined) return [issue(path, 'required')];
  if (typeof value !== 'number') return [issue(path, 'type', { expected: 'number', received: kindOf(value) })];
  if (!Number.isFinite(value)) return [issue(path, 'finite', { value: String(value) })];
  if (whole && !Number.isInteger(value)) return [issue(path, 'integer', { value: String(value) })];
  return [];
}

/** @internal A locale argument: left out, `sv` or `en`. */
export const localeIssues = (locale: unknown, path: readonly PathSegment[] = ['locale']): Issue[] =>
  locale === undefined || locale === 'sv' || locale === 'en' ? [] : [issue(path, 'one_of', { values: ['sv', 'en'], value: shown(locale) })];

/** @internal A path into the input: an array of strings and numbers. */
export function pathIssues(path: unknown, at: readonly PathSegment[]): Issue[] {
  if (!Array.isArray(path)) return typeIssues(path, 'array', at);
  return path.flatMap((segment: unknown, i) =>
    typeof segment === 'string' || typeof segment === 'number' ? [] : [issue([...at, i], 'type', { expected: 'string | number', received: kindOf(segment) })],
  );
}

const isParamValue = (v: unknown): boolean =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'number' ||
  typeof v === 'boolean' ||
  (Array.isArray(v) && v.every((x: unknown) => typeof x === 'string' || typeof x === 'number'));

/** @internal A rule's params (plain JSON: strings, numbers, booleans, null, arrays of strings and numbers), or left out. */
export function paramsIssues(params: unknown, at: readonly PathSegment[]): Issue[] {
  if (params === undefined) return [];
  if (!isRecord(params)) return [issue(at, 'type', { expected: 'object', received: kindOf(params) })];
  return Object.entries(params).flatMap(([key, v]) =>
    isParamValue(v) ? [] : [issue([...at, key], 'type', { expected: 'string | number | boolean | null | array', received: kindOf(v) })],
  );
}

/** @internal Throws an UppfoljningError with the issues, if there are any. */
export function throwIfAny(issues: readonly Issue[]): void {
  if (issues.length > 0) throw new UppfoljningError(issues);
}
