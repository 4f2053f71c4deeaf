import type { NotComputed } from '../core/not-computed.js';
import type { Locale } from '../core/locale.js';
import { isRecord, localeIssues, paramsIssues, throwIfAny, typeIssues } from '../core/args.js';
import { ruleText } from './index.js';

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
