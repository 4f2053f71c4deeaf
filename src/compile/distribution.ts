import { notComputed, type NotComputed } from '../core/not-computed.js';

/**
 * The distribution of a measure in a group, read from compile's exact
 * histogram and integer sums. Quantiles are R's type 2 (the inverse of the
 * empirical distribution function, averaging at discontinuities: for an odd n
 * the median is the middle value, for an even n the mean of the two middle
 * values), so they are values a reader can find on the scale.
 *
 * @see Hyndman & Fan (1996), Sample quantiles in statistical packages. The American Statistician 50:361–365 (definition 2).
 *
 * @example
 * ```ts
 * const d = tabulate(compile(plan, records)).total.primary.after;
 * d.computed && d.quantiles.computed && [d.n, d.mean, d.quantiles.median];
 * // => [30, 3.2, 3] (the Björkebo cohort's after-measures)
 * ```
 */
export interface Distribution {
  readonly computed: true;
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); not computed for n < 2. */
  readonly sd: number | NotComputed;
  /** Minimum, quartiles and maximum, when the scale has an exact histogram. */
  readonly quantiles:
    | { readonly computed: true; readonly min: number; readonly q1: number; readonly median: number; readonly q3: number; readonly max: number }
    | NotComputed;
  /** Count per value on the scale, lowest first (empty when no histogram is kept). */
  readonly histogram: readonly { readonly value: number; readonly count: number }[];
}

/** A quantile of type 2 from a histogram over grid indices. */
export function histogramQuantile(counts: readonly number[], n: number, p: number): number {
  const np = n * p;
  const j = Math.floor(np + 1e-9);
  const exact = Math.abs(np - j) < 1e-9;
  if (p <= 0) return firstWith(counts, 1);
  if (p >= 1) return firstWith(counts, n);
  if (exact) return (firstWith(counts, j) + firstWith(counts, j + 1)) / 2;
  return firstWith(counts, j + 1);
}

/** The grid index of the r-th smallest value (1-based). */
function firstWith(counts: readonly number[], r: number): number {
  let cumulative = 0;
  for (let i = 0; i < counts.length; i++) {
    cumulative += counts[i]!;
    if (cumulative >= r) return i;
  }
  return counts.length - 1;
}

/**
 * A distribution from sums (n, Σk, Σk² of grid indices k) and, when kept, a
 * histogram over the grid; values are `origin + k·step`.
 */
export function distribution(
  sums: readonly [number, number, number],
  histogram: readonly number[] | undefined,
  origin: number,
  step: number,
  bins: number,
): Distribution | NotComputed {
  const [n, s1, s2] = sums;
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const meanK = s1 / n;
  const mean = origin + meanK * step;
  const sd = n < 2 ? notComputed(n, 'too_few', { minimum: 2 }) : Math.sqrt(Math.max(0, (s2 - s1 * meanK) / (n - 1))) * step;
  const value = (k: number) => origin + k * step;
  const quantiles =
    histogram && histogram.length > 0
      ? {
          computed: true as const,
          min: value(histogramQuantile(histogram, n, 0)),
          q1: value(histogramQuantile(histogram, n, 0.25)),
          median: value(histogramQuantile(histogram, n, 0.5)),
          q3: value(histogramQuantile(histogram, n, 0.75)),
          max: value(histogramQuantile(histogram, n, 1)),
        }
      : notComputed(n, 'fine_scale', { bins });
  return {
    computed: true,
    n,
    mean,
    sd,
    quantiles,
    histogram: histogram ? histogram.map((count, k) => ({ value: value(k), count })) : [],
  };
}
