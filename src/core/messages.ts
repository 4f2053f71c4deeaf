import type { Locale } from './locale.js';
import type { Issue } from './issue.js';
import { dotPath } from './_lib/path.js';

export { isRule, RULES } from './codes.js';

/**
 * The seam where a locale module plugs its texts into the core, the way zod's
 * core takes a locale through `config()`: the core knows rule codes and their
 * parameters, never a text. `src/locales/` installs itself here when it is
 * loaded (every entry point loads it), so an {@link UppfoljningError} thrown
 * anywhere renders its message in Swedish, exactly as before.
 */

/** @internal How the locale module renders issues. */
export interface IssuesRenderer {
  /** The text of anything given as issues, never failing: for an error's `message`. */
  readonly leniently: (issues: unknown, locale: unknown) => string;
  /** The text of issues in a locale, checking both arguments: for `UppfoljningError.format`. */
  readonly strictly: (issues: readonly Issue[], locale: Locale) => string;
}

/** Without a locale module, an issue reads as its path and its rule's code. */
const codesOnly = (issues: unknown): string =>
  (Array.isArray(issues) ? issues : [issues])
    .map((i: unknown) => {
      const { path, rule } = (typeof i === 'object' && i !== null ? i : {}) as { path?: unknown; rule?: unknown };
      const where = Array.isArray(path) && path.every((s) => typeof s === 'string' || typeof s === 'number') ? dotPath(path) : '(root)';
      const code = typeof rule === 'string' ? rule : 'type';
      return `${where}: ${code} [${code}]`;
    })
    .join('\n');

let renderer: IssuesRenderer = { leniently: codesOnly, strictly: codesOnly };

/** @internal Installs the texts of a locale module (src/locales does, when it is loaded). */
export function useIssuesRenderer(next: IssuesRenderer): void {
  renderer = next;
}

/** @internal The text of anything given as issues, never failing. */
export const issuesTextLeniently = (issues: unknown, locale: unknown): string => renderer.leniently(issues, locale);

/** @internal The text of issues in a locale; throws UppfoljningError on bad arguments. */
export const issuesText = (issues: readonly Issue[], locale: Locale): string => renderer.strictly(issues, locale);
