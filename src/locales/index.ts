import type { Locale } from '../core/locale.js';
import type { Issue, IssueParams, Rule } from '../core/issue.js';
import { useIssuesRenderer } from '../core/messages.js';
import { toDotPath } from '../core/path.js';
import { isRecord, kindOf, localeIssues, paramsIssues, pathIssues, valueText, throwIfAny, typeIssues } from '../core/args.js';
import type { MessageTable } from './table.js';
import { coreMessages } from './core.js';
import { statsMessages } from './stats.js';
import { identityMessages } from './identity.js';
import { privacyMessages } from './privacy.js';
import { ioMessages } from './io.js';

export type { MessageTable, RuleText } from './table.js';
export { coreMessages, statsMessages, identityMessages, privacyMessages, ioMessages };

/**
 * The library's texts, kept out of the core the way zod keeps `locales/`: the
 * core's issues carry rule codes and parameters; this module turns them into
 * Swedish or English, and plugs itself into the core's message seam when it
 * is loaded so that every UppfoljningError's `message` reads as before.
 */

// Every module's table, one per rule: `Rule` is the union of every module's
// codes, so a rule without texts does not compile.
const messages: MessageTable<Rule> = { ...coreMessages, ...statsMessages, ...identityMessages, ...privacyMessages, ...ioMessages };

/**
 * Renders one issue as text: the field path, the problem, and the rule's code
 * in brackets.
 *
 * @param issue - the issue
 * @param locale - `sv` (default) or `en`
 * @returns one line of text
 *
 * @example
 * ```ts
 * formatIssue({ path: ['after', 'date'], rule: 'calendar_date', params: { value: '2021-02-30' } });
 * // => 'after.date: 2021-02-30 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]'
 * ```
 */
export function formatIssue(issue: Issue, locale: Locale = 'sv'): string {
  throwIfAny([...issueIssues(issue, ['issue']), ...localeIssues(locale)]);
  return line(issue, locale);
}

const line = (issue: Issue, locale: Locale): string =>
  `${toDotPath(issue.path)}: ${ruleText(issue.rule, issue.params, locale)} [${issue.rule}]`;

/** @internal What is wrong with a value given as an {@link Issue}: its path, rule and params. */
export function issueIssues(value: unknown, at: readonly (string | number)[]): Issue[] {
  if (!isRecord(value)) return typeIssues(value, 'object', at);
  return [
    ...pathIssues(value.path, [...at, 'path']),
    ...typeIssues(value.rule, 'string', [...at, 'rule']),
    ...paramsIssues(value.params, [...at, 'params']),
  ];
}

/**
 * The text of anything given as issues, never failing: the
 * UppfoljningError constructor uses it, so that reporting an error cannot
 * itself throw. A malformed issue is shown by what could be read of it.
 */
function issuesTextLeniently(issues: unknown, locale: unknown): string {
  const lang: Locale = locale === 'en' ? 'en' : 'sv';
  const list: unknown[] = Array.isArray(issues) ? issues : [issues];
  return list
    .map((i) => {
      if (issueIssues(i, []).length === 0) return line(i as Issue, lang);
      const rule = isRecord(i) && typeof i.rule === 'string' ? i.rule : kindOf(i);
      const path = isRecord(i) && pathIssues(i.path, []).length === 0 ? toDotPath(i.path as (string | number)[]) : '(root)';
      return `${path}: ${rule === kindOf(i) ? valueText(i) : ruleText(rule as Rule, {}, lang)} [${rule}]`;
    })
    .join('\n');
}

/**
 * Renders a rule's text without a path, e.g. for a "not computed" reason.
 *
 * @param rule - the rule
 * @param params - its parameters
 * @param locale - `sv` (default) or `en`
 * @returns the text
 *
 * @example
 * ```ts
 * ruleText('too_few', { n: 3, minimum: 6 }, 'en');
 * // => 'too few to compute (n = 3, at least 6 needed)'
 * ```
 */
export function ruleText(rule: Rule, params: IssueParams = {}, locale: Locale = 'sv'): string {
  // Error texts must never fail themselves: an unknown locale reads Swedish, an
  // unknown rule or unreadable params give the rule's name rather than a TypeError.
  const lang: Locale = locale === 'en' ? 'en' : 'sv';
  const text = typeof rule === 'string' && Object.prototype.hasOwnProperty.call(messages, rule) ? messages[rule][lang] : undefined;
  if (text === undefined) return valueText(rule);
  try {
    return text(typeof params === 'object' && params !== null ? params : {});
  } catch {
    return valueText(rule);
  }
}

/**
 * Renders a list of issues, one per line.
 *
 * @param issues - the issues
 * @param locale - `sv` (default) or `en`
 * @returns the lines joined with newlines
 *
 * @example
 * ```ts
 * formatIssues([{ path: ['id'], rule: 'required', params: {} }], 'en');
 * // => 'id: the value is missing but required [required]'
 * ```
 */
export function formatIssues(issues: readonly Issue[], locale: Locale = 'sv'): string {
  const found = Array.isArray(issues) ? issues.flatMap((i: unknown, n) => issueIssues(i, ['issues', n])) : typeIssues(issues, 'array', ['issues']);
  throwIfAny([...found, ...localeIssues(locale)]);
  return issues.map((i) => line(i, locale)).join('\n');
}

useIssuesRenderer({ leniently: issuesTextLeniently, strictly: formatIssues });
