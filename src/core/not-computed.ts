import type { IssueParams, Rule } from './issue.js';
import { dataIssues, throwIfAny } from './args.js';

/**
 * The one convention for a statistic that could not honestly be computed:
 * the n it was asked for, and why (a rule with parameters, rendered by
 * `describeNotComputed` in the locale module). Never NaN, never a placeholder number.
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
  // params are copied: they must be plain data (a getter could throw here).
  throwIfAny(dataIssues(params, ['params']));
  return { computed: false, n, reason, params: { n, ...params } };
}
