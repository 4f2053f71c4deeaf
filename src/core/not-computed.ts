import type { IssueParams, Rule } from './issue.js';
import type { Locale } from './locale.js';
import { ruleText } from './messages.js';
import { isRecord, localeIssues, paramsIssues, throwIfAny, typeIssues } from './args.js';

/**
 * The one convention for a statistic that could not honestly be computed:
 * the n it was asked for, and why (a rule with parameters, rendered by
 * {@link describeNotComputed}). Never NaN, never a placeholder number.
 *
 * @example
 * ```ts
 * const r: NotComputed = { computed: false, n: 3, reason: 'too_few', params: { n: 3, minimum: 6 } };
 * ```
 */
export interface NotComputed {
  readonly computed: false;
  readonly n: number;
  readonly reason: Rule;
  readonly params: IssueParams;
}

/**
 * Builds a {@link NotComputed} result.
 *
 * @param n - the number of observations there were
 * @param reason - why it was not computed
 * @param params - the reason's parameters
 * @returns the result
 *
 * @example
 * ```ts
 * notComputed(3, 'too_few', { minimum: 6 });
 * // => { computed: false, n: 3, reason: 'too_few', params: { n: 3, minimum: 6 } }
 * ```
 */
export function notComputed(n: number, reason: Rule, params: IssueParams = {}): NotComputed {
  return { computed: false, n, reason, params: { n, ...params } };
}

/**
 * Says in words why something was not computed.
 *
 * @param result - the not-computed result
 * @param locale - `sv` (default) or `en`
 * @returns the reason as text
 *
 * @example
 * ```ts
 * describeNotComputed(notComputed(3, 'too_few', { minimum: 6 }), 'en');
 * // => 'too few to compute (n = 3, at least 6 needed)'
 * ```
 */
export function describeNotComputed(result: NotComputed, locale: Locale = 'sv'): string {
  throwIfAny([
    ...(isRecord(result)
      ? [...typeIssues(result.reason, 'string', ['result', 'reason']), ...paramsIssues(result.params, ['result', 'params'])]
      : typeIssues(result, 'object', ['result'])),
    ...localeIssues(locale),
  ]);
  return ruleText(result.reason, result.params, locale);
}
