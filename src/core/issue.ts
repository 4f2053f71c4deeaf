import type { Rule } from './codes.js';

export { CORE_RULES } from './codes.js';
export type { CoreRule, Rule } from './codes.js';

/**
 * Validation issues as plain data: a path into the input, a rule from a closed
 * list, and the parameters of that rule. Text is rendered later, per locale,
 * by {@link formatIssue}.
 */

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
  // Data, not a check (a check here would make the core's checks depend on
  // themselves): what accepts an issue from a user, like formatIssue, checks it.
  return { path: Array.isArray(path) ? [...(path as readonly PathSegment[])] : path, rule, params };
}
