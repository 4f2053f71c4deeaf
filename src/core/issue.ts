import type { StatsRule } from '../stats/rules.js';
import type { IdentityRule } from '../identity/rules.js';
import type { PrivacyRule } from '../privacy/rules.js';
import type { IoRule } from '../io/rules.js';
import { isRule, RULES } from './messages.js';
import { paramsIssues, pathIssues, throwIfAny, typeIssues, valueText } from './args.js';

const ruleIssues = (rule: unknown): Issue[] => {
  if (typeof rule !== 'string') return typeIssues(rule, 'string', ['rule']);
  return isRule(rule) ? [] : [issue(['rule'], 'one_of', { values: RULES(), value: valueText(rule) })];
};

/**
 * Validation issues as plain data: a path into the input, a rule from a closed
 * list, and the parameters of that rule. Text is rendered later, per locale,
 * by {@link formatIssue}.
 */

/**
 * Every rule the library's own code can report, in one closed list. The text
 * for each rule lives in `messages.ts`, typed so that a rule without a Swedish
 * and an English text does not compile.
 *
 * @example
 * ```ts
 * CORE_RULES.includes('step_order');
 * // => true
 * ```
 */
export const CORE_RULES = [
  // Structure and types (mapped from zod's issue codes).
  'required',
  'type',
  'min',
  'max',
  'integer',
  'format',
  'calendar_date',
  'one_of',
  'unknown_key',
  'finite',
  // The follow-up's own rules.
  'unknown_instrument',
  'unknown_code',
  'out_of_range',
  'not_on_scale',
  'date_order',
  'primary_same_instrument',
  'duplicate',
  'outside_age_bands',
  'overlap',
  'looks_like_identity_number',
  'missing_goal_assessment',
  'plan_mismatch',
  'step_order',
  'incompatible',
  'empty',
  // Reasons a statistic or a classification was not computed.
  'too_few',
  'no_variation',
  'missing_measure',
  'withdrawn',
  'not_closed',
  'fine_scale',
] as const;

/**
 * A rule of the library's core (structure, dates, the follow-up's rules).
 *
 * @example
 * ```ts
 * const rule: CoreRule = 'required';
 * ruleText(rule, {}, 'en');
 * // => 'the value is missing but required'
 * ```
 */
export type CoreRule = (typeof CORE_RULES)[number];

/**
 * The closed union of every rule an {@link Issue} can carry.
 *
 * @example
 * ```ts
 * const rule: Rule = 'calendar_date';
 * ```
 */
export type Rule = CoreRule | StatsRule | IdentityRule | PrivacyRule | IoRule;

/**
 * One step of a path into the input: an object key or an array index.
 *
 * @example
 * ```ts
 * const path: PathSegment[] = ['records', 3, 'before', 'date'];
 * toDotPath(path);
 * // => 'records[3].before.date'
 * ```
 */
export type PathSegment = string | number;

/**
 * The parameters of a rule, used by the message templates. Plain JSON.
 *
 * @example
 * ```ts
 * const params: IssueParams = { value: 41, min: 0, max: 40 };
 * ruleText('out_of_range', params, 'en');
 * // => 'the value 41 is outside the scale 0–40'
 * ```
 */
export type IssueParams = Readonly<
  Record<string, string | number | boolean | null | readonly (string | number)[]>
>;

/**
 * One problem found in the input.
 *
 * @example
 * ```ts
 * const issue: Issue = {
 *   path: ['before', 'date'],
 *   rule: 'calendar_date',
 *   params: { value: '2021-02-30' },
 * };
 * formatIssue(issue, 'en');
 * // => 'before.date: 2021-02-30 is not a date in the calendar (expected YYYY-MM-DD) [calendar_date]'
 * ```
 */
export interface Issue {
  readonly path: readonly PathSegment[];
  readonly rule: Rule;
  readonly params: IssueParams;
}

/**
 * Builds an {@link Issue}.
 *
 * @param path - where in the input the problem is
 * @param rule - which rule was broken
 * @param params - the rule's parameters (values shown in the message)
 * @returns the issue
 *
 * @example
 * ```ts
 * issue(['after', 'measures', 'audit'], 'out_of_range', { value: 41, min: 0, max: 40 });
 * // => { path: ['after', 'measures', 'audit'], rule: 'out_of_range', params: { value: 41, min: 0, max: 40 } }
 * ```
 */
export function issue(path: readonly PathSegment[], rule: Rule, params: IssueParams = {}): Issue {
  throwIfAny([...pathIssues(path, ['path']), ...ruleIssues(rule), ...paramsIssues(params, ['params'])]);
  return { path: [...path], rule, params };
}

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
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
