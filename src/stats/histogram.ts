import { UppfoljningError } from '../core/error.js';
import { issue, type Issue } from '../core/issue.js';
import { checkFinite, checkFiniteArray, checkPositive } from './_lib/check.js';

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
 * @throws UppfoljningError naming the bin (`bins[i].value` / `bins[i].count`) and the rule
 *
 * @example
 * ```ts
 * expandHistogram([{ value: -1, count: 2 }, { value: 0, count: 1 }, { value: 2, count: 3 }]);
 * // => [-1, -1, 0, 2, 2, 2]
 * ```
 */
export function expandHistogram(bins: readonly HistogramBin[]): number[] {
  const issues: Issue[] = [];
  bins.forEach((b, i) => {
    if (!Number.isFinite(b.value)) issues.push(issue(['bins', i, 'value'], 'finite', { value: String(b.value) }));
    if (!Number.isFinite(b.count)) issues.push(issue(['bins', i, 'count'], 'finite', { value: String(b.count) }));
    else if (!Number.isInteger(b.count)) issues.push(issue(['bins', i, 'count'], 'integer', { value: b.count }));
    else if (b.count < 0) issues.push(issue(['bins', i, 'count'], 'min', { minimum: 0, origin: 'number' }));
  });
  if (issues.length > 0) throw new UppfoljningError(issues);
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
 * @throws UppfoljningError naming `counts[i]`, `min` or `step` and the rule
 *
 * @example
 * ```ts
 * expandCounts([1, 0, 2], { min: -1 });
 * // => [-1, 1, 1]
 * ```
 */
export function expandCounts(counts: readonly number[], scale: CountsScale): number[] {
  checkFinite(scale.min, 'min');
  const step = scale.step ?? 1;
  checkPositive(step, 'step');
  checkFiniteArray(counts, 'counts');
  return expandHistogram(counts.map((count, i) => ({ value: scale.min + i * step, count }))).map(
    // Round off binary noise from min + i·step (e.g. 0.1 + 2·0.1) to 12 significant digits.
    (v) => Number(v.toPrecision(12)),
  );
}

/**
 * Paired differences after − before, checked to be of equal length and
 * finite. Pairs where either value is missing (null) are left out and counted.
 *
 * @param before - the values before
 * @param after - the values after, in the same client order
 * @returns the differences and how many pairs were left out for a missing value
 * @throws UppfoljningError when the lengths differ (`length_mismatch`) or a value is not finite
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
  if (before.length !== after.length) {
    throw new UppfoljningError([
      issue(['after'], 'length_mismatch', { other: 'before', length: after.length, otherLength: before.length }),
    ]);
  }
  const issues: Issue[] = [];
  const differences: number[] = [];
  let missing = 0;
  before.forEach((b, i) => {
    const a = after[i]!;
    if (b !== null && !Number.isFinite(b)) issues.push(issue(['before', i], 'finite', { value: String(b) }));
    if (a !== null && !Number.isFinite(a)) issues.push(issue(['after', i], 'finite', { value: String(a) }));
    if (b === null || a === null) missing++;
    else differences.push(a - b);
  });
  if (issues.length > 0) throw new UppfoljningError(issues);
  return { differences, missing };
}
