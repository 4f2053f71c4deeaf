import type { Issue } from './issue.js';
import { UppfoljningError } from './error.js';
import { isRecord, throwIfAny, typeIssues } from './args.js';

/**
 * The outcome of a validating function that does not throw: the value, or
 * every issue found. Nothing is half-applied: on failure there is no value.
 *
 * @example
 * ```ts
 * const result: Result<number> = { success: true, data: 1 };
 * ```
 */
export type Result<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Returns the value of a successful result, or throws an
 * {@link UppfoljningError} with its issues.
 *
 * @param result - the result
 * @returns the value
 * @throws UppfoljningError when the result has issues
 *
 * @example
 * ```ts
 * unwrap({ success: true, data: 42 });
 * // => 42
 * ```
 */
export function unwrap<T>(result: Result<T>): T {
  const success: unknown = isRecord(result) ? result.success : undefined;
  throwIfAny([
    ...(isRecord(result) ? typeIssues(success, 'boolean', ['result', 'success']) : typeIssues(result, 'object', ['result'])),
    ...(success === false ? typeIssues((result as { issues?: unknown }).issues, 'array', ['result', 'issues']) : []),
  ]);
  if (result.success) return result.data;
  throw new UppfoljningError(result.issues);
}

/** @internal */
export const ok = <T>(data: T): Result<T> => ({ success: true, data });

/** @internal */
export const fail = <T = never>(issues: readonly Issue[]): Result<T> => ({ success: false, issues });
