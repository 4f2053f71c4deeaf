import { issue, type Rule } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { CounterName } from './layout.js';
import { typeName } from '../core/args.js';
import { badCount, validateCompilation, type Compilation } from './schema.js';

/**
 * Merges compilations of the same plan into one, as a county pools its
 * municipalities' follow-ups without any microdata. Every counter is a count
 * or an exact integer sum, so merging equals compiling the union of the
 * records, and the order of merging does not matter. Inputs are checked and
 * never changed. Does not throw.
 *
 * @param compilations - one or more compilations of the same plan
 * @returns the merged compilation, or issues (paths from `compilations`):
 *   not an array (`type`), an empty array (`min`), a malformed compilation
 *   (`compilations[i].…`), or compilations of different plans (`incompatible`)
 *
 * @example
 * ```ts
 * safeMergeCompilations([compile(plan, records.slice(0, 20)), compile(plan, records.slice(20))]).success;
 * // => true
 * ```
 */
export function safeMergeCompilations(compilations: readonly unknown[]): Result<Compilation> {
  if (!Array.isArray(compilations)) return fail([issue(['compilations'], 'type', { expected: 'array', received: typeName(compilations) })]);
  if (compilations.length === 0) return fail([issue(['compilations'], 'min', { minimum: 1, origin: 'array' })]);
  const checked: Compilation[] = [];
  for (let i = 0; i < compilations.length; i++) {
    const result = validateCompilation(compilations[i]);
    if (!result.success) return fail(result.issues.map((x) => ({ ...x, path: ['compilations', i, ...x.path] })));
    checked.push(result.data);
  }
  const first = checked[0]!;
  for (let i = 1; i < checked.length; i++) {
    const other = checked[i]!;
    if (other.meta.fingerprint !== first.meta.fingerprint || other.meta.planId !== first.meta.planId) {
      return fail([issue(['compilations', i, 'meta', 'fingerprint'], 'incompatible', { what: 'plans' })]);
    }
  }
  const counts = {} as { [K in CounterName]: number[] };
  for (const name of Object.keys(first.counts) as CounterName[]) {
    const sum = first.counts[name].slice();
    for (let i = 1; i < checked.length; i++) {
      const add = checked[i]!.counts[name];
      for (let j = 0; j < sum.length; j++) sum[j] = sum[j]! + add[j]!;
    }
    if (badCount(sum)) return fail([issue(['compilations'], 'max', { maximum: Number.MAX_SAFE_INTEGER, origin: 'number' })]);
    counts[name] = sum;
  }
  const byRule: Partial<Record<Rule, number>> = {};
  let total = 0;
  for (const c of checked) {
    total += c.invalid.total;
    for (const [rule, n] of Object.entries(c.invalid.byRule) as [Rule, number][]) byRule[rule] = (byRule[rule] ?? 0) + n;
  }
  return ok({ ...first, counts, invalid: { total, byRule } });
}

/**
 * Merges compilations of the same plan; the throwing form of
 * {@link safeMergeCompilations}.
 *
 * @param compilations - one or more compilations of the same plan
 * @returns the merged compilation
 * @throws UppfoljningError for a malformed compilation or different plans
 *
 * @example
 * ```ts
 * const county = mergeCompilations([compile(plan, records.slice(0, 20)), compile(plan, records.slice(20))]);
 * tabulate(county).total.flow.selected;
 * // => 40 (as if all 40 records were compiled at once)
 * ```
 */
export function mergeCompilations(compilations: readonly Compilation[]): Compilation {
  return unwrap(safeMergeCompilations(compilations));
}
