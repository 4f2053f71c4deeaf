import { z } from 'zod';
import type { Issue } from '../core/issue.js';
import { openIssues, parseArg, throwIfAny } from '../core/args.js';

/**
 * The options of the statistics functions, as zod schemas: the schemas are
 * the source of the option types, and every test names a shared option the
 * same way. An options object is checked once, before any work, and its
 * issues come through core's zod translation with the same rule codes and
 * paths as the library's other checks (`one_of`, `finite`, `open_interval`,
 * `type`, `unknown_key`, path `options.<field>`).
 */

/** Re-emits hand-written checks (issues relative to the value) as zod issues, so that the rule codes stay the library's own. */
function fromChecks<T>(checks: (value: unknown) => Issue[]) {
  return z.custom<T>().superRefine((value, ctx) => {
    for (const i of checks(value)) {
      ctx.addIssue({ code: 'custom', path: [...i.path], input: value, params: { rule: i.rule, ...i.params } });
    }
  });
}

/**
 * The alternative hypothesis, `two-sided` (default), `greater` or `less`
 * (see {@link Alternative}).
 *
 * @example
 * ```ts
 * AlternativeSchema.parse(undefined); // => 'two-sided'
 * AlternativeSchema.parse('less'); // => 'less'
 * ```
 */
export const AlternativeSchema = z.enum(['two-sided', 'greater', 'less']).default('two-sided');

/**
 * Whether to use a continuity correction: `true` or `false` (a choice, so a
 * wrong value is `one_of`). Each test sets its own default.
 *
 * @example
 * ```ts
 * CorrectSchema.parse(false); // => false
 * ```
 */
export const CorrectSchema = z.literal([true, false]);

/**
 * Whether a test uses its exact distribution: `true`, `false`, or `'auto'`
 * (the test's documented rule; see docs/statistics.md). Default `'auto'`.
 *
 * @example
 * ```ts
 * ExactSchema.parse(undefined); // => 'auto'
 * ExactSchema.parse(true); // => true
 * ```
 */
export const ExactSchema = z.literal(['auto', true, false]).default('auto');

/**
 * A confidence level, strictly between 0 and 1 (`open_interval` outside,
 * `finite` for anything that is not a finite number). Default 0.95.
 *
 * @example
 * ```ts
 * ConfidenceSchema.parse(undefined); // => 0.95
 * ConfidenceSchema.parse(0.9); // => 0.9
 * ```
 */
export const ConfidenceSchema = fromChecks<number>((v) => openIssues(v, [])).default(0.95);

/**
 * Checks an options argument with its schema and returns it with the defaults
 * filled in; throws one UppfoljningError with every issue (path
 * `options.<field>`) otherwise. Left out (`undefined`) means all defaults.
 *
 * @internal
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const parsed = parseArg(schema, options === undefined ? {} : options, ['options']);
  throwIfAny(parsed.issues);
  return parsed.value;
}
