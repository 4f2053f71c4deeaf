import type { PathSegment } from '../issue.js';

/** @internal A path the way people read it, for a path already known to be well formed. */
export function dotPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
