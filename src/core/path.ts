import type { PathSegment } from './issue.js';
import { pathIssues, throwIfAny } from './args.js';
import { dotPath } from './_lib/path.js';

/**
 * Writes a path the way people read it: `clients[3].before.measures.audit`.
 *
 * @param path - the path segments
 * @returns the dotted path, or `(root)` for the empty path
 *
 * @example
 * ```ts
 * toDotPath(['records', 3, 'before', 'date']);
 * // => 'records[3].before.date'
 * ```
 */
export function toDotPath(path: readonly PathSegment[]): string {
  throwIfAny(pathIssues(path, ['path']));
  return dotPath(path);
}
