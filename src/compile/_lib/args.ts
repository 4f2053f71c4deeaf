import { issue, type Issue, type PathSegment } from '../../core/issue.js';
import { UppfoljningError } from '../../core/error.js';
import type { Locale } from '../../core/locale.js';
import { validatePlan, type Plan } from '../../plan/plan.js';
import { shownByType as shown, typeName } from '../../core/_lib/args.js';

/**
 * Argument checks at the boundary of the compile and io functions: each adds
 * its issues (path rooted at the argument's name) to a list, so one call
 * reports every bad argument at once, and {@link throwIssues} throws them as
 * one UppfoljningError before anything is computed.
 *
 * @internal
 */

// A value as an issue shows it: primitives as text, objects by their type (String() may throw on them).
export { typeName, shownByType as shown } from '../../core/_lib/args.js';

/**
 * Checks a plan argument with the plan schema, once per call; issues go
 * under `plan`. Returns the plan as parsed (equal to a plan from `parsePlan`).
 */
export function planArg(plan: unknown, issues: Issue[]): Plan {
  const result = validatePlan(plan);
  if (result.success) return result.data;
  issues.push(...result.issues.map((x) => ({ ...x, path: ['plan', ...x.path] })));
  return plan as Plan;
}

/** Issues for a locale that is neither `sv` nor `en` (none when left out). */
export function localeIssues(locale: unknown, path: readonly PathSegment[]): Issue[] {
  if (locale === undefined || locale === 'sv' || locale === 'en') return [];
  return [issue(path, 'one_of', { values: ['sv', 'en'], value: shown(locale) })];
}

/** An options argument as an object (`{}` when left out); anything else is a type issue at `path`. */
export function optionsArg(options: unknown, issues: Issue[], path: readonly PathSegment[] = ['options']): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  if (typeof options === 'object' && options !== null && !Array.isArray(options)) return options as Record<string, unknown>;
  issues.push(issue(path, 'type', { expected: 'object', received: typeName(options) }));
  return {};
}

/** Issues for a value that is not one of `values` (none when left out). */
export function oneOfIssues(value: unknown, values: readonly string[], path: readonly PathSegment[]): Issue[] {
  if (value === undefined || (typeof value === 'string' && values.includes(value))) return [];
  return [issue(path, 'one_of', { values: [...values], value: shown(value) })];
}

/** Throws the issues found, if any, as one UppfoljningError in the given locale (Swedish when it is not one). */
export function throwIssues(issues: readonly Issue[], locale?: unknown): void {
  if (issues.length > 0) throw new UppfoljningError(issues, locale === 'en' ? 'en' : ('sv' satisfies Locale));
}
