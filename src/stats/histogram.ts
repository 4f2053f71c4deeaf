import { UppfoljningError } from '../core/error.js';
import { issue, type Issue } from '../core/issue.js';
import { arrayIssues, countIssues, finiteIssues, positiveIssues, throwIfAny, totalIssues, typeIssues } from '../core/args.js';

/**
 * One bar of a histogram: a value and how many times it occurs.
 *
 * @example
 * ```ts
 * // Björkebo's change scores on the confidence scale, as compiled.
 * const bins: HistogramBin[] = [{ value: -1, count: 2 }, { value: 0, count: 7 }, { value: 1, count: 14 }, { value: 2, count: 7 }];
 * const r = signTest(expandHistogram(bins)) as SignTestResult;
 * r.positive; // => 21
 * ```
 */
export interface HistogramBin {
  readonly value: number;
  readonly count: number;
}

/**
 * Turns a histogram (e.g. a compiled distribution of change scores) back into
 * the list of values the tests take, in the order given. The tests here
 * depend only on the values, not their order, so a compiled histogram gives
 * the same result as the raw data.
 *
 * @param bins - `{ value, count }` pairs; values finite, counts whole numbers ≥ 0
 * @returns the values, each repeated `count` times
 * @throws UppfoljningError naming the bin (`bins[i]`, `bins[i].value`, `bins[i].count`) and the rule;
 *   `too_large` (path `bins`) when the counts add up to more than 10 million values
 *
 * @example
 * ```ts
 * expandHistogram([{ value: -1, count: 2 }, { value: 0, count: 1 }, { value: 2, count: 3 }]);
 * // => [-1, -1, 0, 2, 2, 2]
 * ```
 */
export function expandHistogram(bins: readonly HistogramBin[]): number[] {
  throwIfAny(arrayIssues(bins, ['bins']));
  const issues: Issue[] = [];
  for (let i = 0; i < bins.length; i++) {
    const b: unknown = bins[i];
    const notObject = typeIssues(b, 'object', ['bins', i]);
    if (notObject.length > 0) issues.push(...notObject);
    else {
      const { value, count } = b as Record<string, unknown>;
      issues.push(...finiteIssues(value, ['bins', i, 'value']), ...countIssues(count, ['bins', i, 'count']));
    }
  }
  if (issues.length > 0) throw new UppfoljningError(issues);
  throwIfAny(totalIssues(bins.reduce((a, b) => a + b.count, 0), ['bins']));
  const out: number[] = [];
  for (const b of bins) for (let k = 0; k < b.count; k++) out.push(b.value);
  return out;
}

/**
 * Where the counts of {@link expandCounts} sit on the scale.
 *
 * @example
 * ```ts
 * const scale: CountsScale = { min: -1 };
 * expandCounts([2, 1, 3], scale); // => [-1, -1, 0, 1, 1, 1]
 * expandCounts([1, 0, 2], { min: 1, step: 0.5 }); // => [1, 2, 2]
 * ```
 */
export interface CountsScale {
  /** The value of the first count. */
  readonly min: number;
  /** The distance between neighbouring values, > 0. Default 1. */
  readonly step?: number;
}

/**
 * Turns an array of counts on an evenly spaced scale (counts[i] is how many
 * had the value min + i·step) into the list of values.
 *
 * @param counts - whole numbers ≥ 0
 * @param scale - `min` and `step` (default 1)
 * @returns the values
 * @throws UppfoljningError naming `counts[i]`, `scale.min` or `scale.step` and the rule;
 *   `too_large` (path `counts`) when the counts add up to more than 10 million values
 *
 * @example
 * ```ts
 * expandCounts([1, 0, 2], { min: -1 });
 * // => [-1, 1, 1]
 * ```
 */
export function expandCounts(counts: readonly number[], scale: CountsScale): number[] {
  throwIfAny(arrayIssues(counts, ['counts']));
  const issues: Issue[] = [];
  for (let i = 0; i < counts.length; i++) issues.push(...countIssues(counts[i], ['counts', i]));
  if (issues.length > 0) throw new UppfoljningError(issues);
  throwIfAny(totalIssues(counts.reduce((a, c) => a + c, 0), ['counts']));
  throwIfAny(typeIssues(scale, 'object', ['scale']));
  const { min } = scale;
  throwIfAny(finiteIssues(min, ['scale', 'min']));
  const step = scale.step ?? 1;
  throwIfAny(positiveIssues(step, ['scale', 'step']));
  // The top of the scale must be a number too (min + i·step can overflow).
  throwIfAny(finiteIssues(min + Math.max(0, counts.length - 1) * step, ['scale', 'step']));
  const out: number[] = [];
  counts.forEach((count, i) => {
    // Round off binary noise from min + i·step (e.g. 0.1 + 2·0.1) to 12 significant digits.
    const value = Number((min + i * step).toPrecision(12));
    for (let k = 0; k < count; k++) out.push(value);
  });
  return out;
}

/**
 * Paired differences after − before, checked to be of equal length and
 * finite. Pairs where either value is missing (null) are left out and counted.
 *
 * @param before - the values before
 * @param after - the values after, in the same client order
 * @returns the differences and how many pairs were left out for a missing value
 * @throws UppfoljningError when an argument is not an array (`required`, `type`), the lengths differ
 *   (`length_mismatch`) or a value is neither null nor finite
 *
 * @example
 * ```ts
 * pairedDifferences([3, 4, null, 2], [1, 4, 2, 5]);
 * // => { differences: [-2, 0, 3], missing: 1 }
 * ```
 */
export function pairedDifferences(
  before: readonly (number | null)[],
  after: readonly (number | null)[],
): { differences: number[]; missing: number } {
  throwIfAny(arrayIssues(before, ['before']));
  throwIfAny(arrayIssues(after, ['after']));
  if (before.length !== after.length) {
    throw new UppfoljningError([
      issue(['after'], 'length_mismatch', { other: 'before', length: after.length, otherLength: before.length }),
    ]);
  }
  const issues: Issue[] = [];
  const differences: number[] = [];
  let missing = 0;
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!;
    const a = after[i]!;
    if (b !== null) issues.push(...finiteIssues(b, ['before', i]));
    if (a !== null) issues.push(...finiteIssues(a, ['after', i]));
    if (b === null || a === null) missing++;
    // Only once both are known to be numbers (a BigInt cannot be subtracted from one).
    else if (issues.length === 0) differences.push(a - b);
  }
  if (issues.length > 0) throw new UppfoljningError(issues);
  return { differences, missing };
}
