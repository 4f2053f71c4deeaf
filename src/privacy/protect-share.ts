import { issue, type Issue } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import { z } from 'zod';
import { DEFAULT_K, KSchema } from './protect-table.js';
import { optionsIssues, parseArg, valueText } from '../core/args.js';
import type { DeepReadonly } from '../core/readonly.js';

const count = z.number().int().min(0);

/** @internal A share that may be shown: the one definition of {@link PublishedShare}. */
export const PublishedShareSchema = z.object({
  share: z.number().describe('`numerator / denominator`, unrounded (round when rendering).'),
  numerator: count.describe('The count with the attribute.'),
  denominator: count.describe('The group size.'),
});

/** @internal A share that must not be shown: the one definition of {@link SuppressedShare}. */
export const SuppressedShareSchema = z.object({
  suppressed: z.literal('primary').describe('Always `primary`: the share itself rests on a small count.'),
  because: z
    .enum(['numerator', 'denominator', 'complement'])
    .describe('Which count was small: the numerator, the denominator, or (with `complement`) their difference.'),
});

/** @internal A share after small-cell protection: the one definition of {@link ProtectedShare}. */
export const ProtectedShareSchema = z.union([PublishedShareSchema, SuppressedShareSchema]);

/**
 * A share after small-cell protection: the share with its numerator and
 * denominator, or a mark that it is suppressed and why (which count was
 * small). Render a suppressed share as `..`, never as 0 %.
 *
 * @example
 * ```ts
 * const shown: ProtectedShare = { share: 0.25, numerator: 5, denominator: 20 };
 * const hidden: ProtectedShare = { suppressed: 'primary', because: 'numerator' };
 * ```
 */
export type ProtectedShare = DeepReadonly<z.output<typeof ProtectedShareSchema>>;

/**
 * A share that may be shown: `share` is `numerator / denominator`, unrounded
 * (round when rendering); `numerator` the count with the attribute;
 * `denominator` the group size.
 *
 * @example
 * ```ts
 * const s = protectShare(12, 20);
 * if (!isSuppressed(s)) s.share;
 * // => 0.6
 * ```
 */
export type PublishedShare = DeepReadonly<z.output<typeof PublishedShareSchema>>;

/**
 * A share that must not be shown; render it as `..`. `suppressed` is always
 * `primary` (the share itself rests on a small count); `because` says which
 * count was small: the numerator, the denominator, or (with `complement`)
 * their difference.
 *
 * @example
 * ```ts
 * const s = protectShare(18, 20, { complement: true });
 * isSuppressed(s) && s.because;
 * // => 'complement' (18 of 20 tells that 2 were not)
 * ```
 */
export type SuppressedShare = DeepReadonly<z.output<typeof SuppressedShareSchema>>;

/**
 * @internal The options of {@link protectShare}, the one definition of
 * {@link ProtectShareOptions}.
 */
export const ProtectShareOptionsSchema = z.object({
  k: KSchema.optional().describe('The threshold: counts from 1 to k − 1 are suppressed; default 5.'),
  complement: z
    .boolean()
    .optional()
    .describe('Also suppress when denominator − numerator is from 1 to k − 1 ("18 of 20 got worse" tells that only 2 did not). Off by default.'),
});

/**
 * Options for {@link protectShare}, the type inferred from the zod schema that checks them:
 *
 * - `k`: the threshold: counts from 1 to k − 1 are suppressed; default 5.
 * - `complement`: also suppress when `denominator − numerator` is from 1 to
 *   k − 1 (e.g. "18 of 20 got worse" tells that only 2 did not). Off by default.
 *
 * @example
 * ```ts
 * const options: ProtectShareOptions = { k: 5, complement: true };
 * protectShare(6, 8, options);
 * // => { suppressed: 'primary', because: 'complement' }
 * ```
 */
export type ProtectShareOptions = DeepReadonly<z.input<typeof ProtectShareOptionsSchema>>;

const countIssues = (value: unknown, field: string): Issue[] => {
  if (typeof value !== 'number' || !Number.isInteger(value)) return [value === undefined ? issue([field], 'required') : issue([field], 'integer', { value: valueText(value) })];
  if (value < 0) return [issue([field], 'min', { minimum: 0, origin: 'number' })];
  return [];
};

/**
 * Small-cell protection of a share `numerator / denominator`: suppressed when
 * the denominator is below k (0 included: the share does not exist) or the
 * numerator is from 1 to k − 1. A numerator of 0 is published (0 %), as
 * zeros are in tables. Apply it to raw counts, before rounding the share.
 *
 * @param numerator - the count with the attribute (a whole number, 0 or more)
 * @param denominator - the group size (a whole number, at least the numerator)
 * @param options - the threshold k (default 5) and the complement rule
 * @returns the share, or the issues (`integer`, `min`, `numerator_exceeds_denominator`; `type` at `options`, `integer`/`min` at `k`)
 * @see Hundepool, A. et al. (2012). Statistical Disclosure Control. Wiley, ch. 4
 *
 * @example
 * ```ts
 * validateProtectShare(3, 20);
 * // => { success: true, data: { suppressed: 'primary', because: 'numerator' } }
 * validateProtectShare(0, 20);
 * // => { success: true, data: { share: 0, numerator: 0, denominator: 20 } }
 * ```
 */
export function validateProtectShare(numerator: number, denominator: number, options: ProtectShareOptions = {}): Result<ProtectedShare> {
  const optionIssues = optionsIssues(options);
  const issues = [...countIssues(numerator, 'numerator'), ...countIssues(denominator, 'denominator'), ...optionIssues];
  if (optionIssues.length > 0) return fail(issues);
  const parsed = parseArg(ProtectShareOptionsSchema, options, []);
  issues.push(...parsed.issues);
  const { k = DEFAULT_K, complement } = parsed.value;
  if (issues.length === 0 && numerator > denominator) {
    issues.push(issue(['numerator'], 'numerator_exceeds_denominator', { numerator, denominator }));
  }
  if (issues.length > 0) return fail(issues);
  if (denominator < k) return ok({ suppressed: 'primary', because: 'denominator' });
  if (numerator > 0 && numerator < k) return ok({ suppressed: 'primary', because: 'numerator' });
  const rest = denominator - numerator;
  if (complement === true && rest > 0 && rest < k) return ok({ suppressed: 'primary', because: 'complement' });
  return ok({ share: numerator / denominator, numerator, denominator });
}

/**
 * Small-cell protection of a share; the throwing twin of
 * {@link validateProtectShare}.
 *
 * @param numerator - the count with the attribute
 * @param denominator - the group size
 * @param options - the threshold k (default 5) and the complement rule
 * @returns the protected share
 * @throws UppfoljningError when a count is not a whole number ≥ 0 or the numerator exceeds the denominator
 *
 * @example
 * ```ts
 * protectShare(6, 8);
 * // => { share: 0.75, numerator: 6, denominator: 8 }
 * protectShare(6, 8, { complement: true });
 * // => { suppressed: 'primary', because: 'complement' }
 * ```
 */
export function protectShare(numerator: number, denominator: number, options: ProtectShareOptions = {}): ProtectedShare {
  return unwrap(validateProtectShare(numerator, denominator, options));
}
