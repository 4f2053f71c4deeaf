import type { Locale } from './locale.js';
import type { Issue } from './issue.js';
import { issuesText, issuesTextLeniently } from './messages.js';

/**
 * The one error the library throws for bad input. It carries every issue
 * found as data; its `message` lists them in Swedish, the library's default
 * language, and {@link UppfoljningError.format} renders them in a locale
 * (`error.format('en')` in English). No function takes a locale for its
 * errors: the error carries data, and the caller chooses the language. The
 * texts come from the locale module (src/locales), which plugs itself into
 * the core's message seam (core/messages.ts): the core holds no text.
 *
 * @example
 * ```ts
 * try {
 *   parsePlan({});
 * } catch (error) {
 *   if (error instanceof UppfoljningError) {
 *     error.issues[0]?.rule; // => 'required'
 *     error.format('en');    // => 'id: the value is missing but required [required]\n…'
 *   }
 * }
 * ```
 */
export class UppfoljningError extends Error {
  /** Every issue found, in input order. Never empty. */
  readonly issues: readonly Issue[];

  /**
   * @param issues - the issues found (at least one)
   */
  constructor(issues: readonly Issue[]) {
    // Reporting an error must not fail: odd issues are shown as far as they can be read.
    super(issuesTextLeniently(issues, 'sv'));
    this.name = 'UppfoljningError';
    this.issues = issues;
  }

  /**
   * Renders the issues in a locale.
   *
   * @param locale - `sv` or `en`
   * @returns one line per issue
   */
  format(locale: Locale): string {
    return issuesText(this.issues, locale);
  }
}
