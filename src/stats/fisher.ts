import { issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { openIssues, optionsIssues, optionsOf, tableIssues, throwIfAny, totalIssues } from '../core/args.js';
import { R_REL_TOL } from './_lib/freeman-halton.js';
import { bisectIncreasing, logChoose } from './_lib/special.js';
import { note, type StatsNote } from './methods.js';
import type { TestResult } from './result.js';

/**
 * A 2×2 table of counts: `[[a, b], [c, d]]`, rows are groups, columns outcomes.
 *
 * @example
 * ```ts
 * // Rows: two groups; columns: goal met, not met.
 * const table: Table2x2 = [[9, 1], [3, 7]];
 * const f = fisherExact2x2(table) as FisherResult;
 * f.pValue; // => 0.01976…
 * ```
 */
export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

/**
 * Options of {@link fisherExact2x2}.
 *
 * @example
 * ```ts
 * const options: FisherOptions = { confidence: 0.9 };
 * const f = fisherExact2x2([[3, 1], [1, 3]], options) as FisherResult;
 * [f.lower, f.upper]; // => [0.3135…, 306.23…]
 * ```
 */
export interface FisherOptions {
  /** Confidence level of the odds ratio's interval. Default 0.95. */
  readonly confidence?: number;
}

/**
 * The result of {@link fisherExact2x2}.
 *
 * @example
 * ```ts
 * const f = fisherExact2x2([[3, 1], [1, 3]]) as FisherResult; // Fisher's tea-tasting
 * f.oddsRatio; // => 6.4083…
 * f.pValue; // => 0.4857…
 * ```
 */
export interface FisherResult extends TestResult<'fisher-exact'> {
  /** The count in the first cell, a. */
  readonly statistic: number;
  /** Conditional maximum-likelihood odds ratio; `null` when infinite (see notes). */
  readonly oddsRatio: number | null;
  /** Exact conditional interval for the odds ratio; `upper` is `null` when infinite. */
  readonly lower: number;
  readonly upper: number | null;
  readonly confidence: number;
}

/** The hypergeometric support and log-probabilities of a 2×2 table's first cell. */
function hypergeometric(a: number, b: number, c: number, d: number) {
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const logp: number[] = [];
  const logTotal = logChoose(r1 + r2, c1);
  for (let x = lo; x <= hi; x++) logp.push(logChoose(r1, x) + logChoose(r2, c1 - x) - logTotal);
  return { lo, hi, logp };
}

/** Probabilities of the first cell under odds ratio ψ (Fisher's noncentral hypergeometric). */
function noncentral(logp: readonly number[], lo: number, logPsi: number): number[] {
  const w = logp.map((l, i) => l + (lo + i) * logPsi);
  // A loop, not Math.max(...w): spreading a large support overflows the call stack.
  const max = w.reduce((m, v) => Math.max(m, v), -Infinity);
  const e = w.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/**
 * Fisher's exact test for a 2×2 table (two-sided, as R's `fisher.test`: the
 * total probability of tables with the same margins that are no more likely
 * than the one observed), with the conditional maximum-likelihood odds ratio
 * and its exact conditional interval.
 *
 * @param table - `[[a, b], [c, d]]`, whole numbers ≥ 0
 * @param options - `confidence` for the odds ratio's interval (default 0.95)
 * @returns the test, or {@link NotComputed} `too_few` when the table is empty (n = 0)
 * @throws UppfoljningError when the table is not an array (`required`, `type`) or not 2×2 (`table_shape`), a cell is
 *   not a whole number ≥ 0 (path `table[i][j]`), `options.confidence` is not in (0, 1) (`open_interval`), or the
 *   first cell could take more than 10 million values with these margins (`too_large`: the exact distribution would not fit in memory)
 * @see R. A. Fisher (1935), The logic of inductive inference. JRSS 98:39–82 (the tea-tasting example).
 * @see A. Agresti (2013), Categorical Data Analysis, 3rd ed., §3.5 and §16.6 (conditional MLE and interval).
 *
 * @example
 * ```ts
 * // Fisher's tea-tasting, R's ?fisher.test
 * fisherExact2x2([[3, 1], [1, 3]]);
 * // => { computed: true, n: 8, method: 'fisher-exact', statistic: 3, pValue: 0.4857…, oddsRatio: 6.4083…, lower: 0.2117…, upper: 626.24…, … }
 * ```
 */
export function fisherExact2x2(table: Table2x2, options: FisherOptions = {}): FisherResult | NotComputed {
  throwIfAny(tableIssues(table, ['table']));
  if (table.length !== 2 || table[0]!.length !== 2) {
    throw new UppfoljningError([issue(['table'], 'table_shape', { minRows: 2, minCols: 2 })]);
  }
  throwIfAny(optionsIssues(options));
  const confidence = optionsOf(options).confidence ?? 0.95;
  throwIfAny(openIssues(confidence, ['options', 'confidence']));
  const [[a, b], [c, d]] = table;
  const n = a + b + c + d;
  // The values the first cell can take with these margins; each is held in memory.
  throwIfAny(totalIssues(Math.min(a + b, a + c) - Math.max(0, a - d) + 1, ['table']));
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  const { lo, hi, logp } = hypergeometric(a, b, c, d);
  const pObs = Math.exp(logp[a - lo]!);
  let pValue = 0;
  for (const l of logp) if (Math.exp(l) <= pObs * R_REL_TOL) pValue += Math.exp(l);
  pValue = Math.min(1, pValue);

  const notes: StatsNote[] = [note('exact_distribution')];
  const alpha = 1 - confidence;
  const mean = (logPsi: number) => noncentral(logp, lo, logPsi).reduce((s, p, i) => s + p * (lo + i), 0);
  const upperTail = (logPsi: number) => noncentral(logp, lo, logPsi).reduce((s, p, i) => (lo + i >= a ? s + p : s), 0);
  const lowerTail = (logPsi: number) => noncentral(logp, lo, logPsi).reduce((s, p, i) => (lo + i <= a ? s + p : s), 0);
  const B = 60; // ψ searched within e^±60, far past any odds ratio met in practice
  let oddsRatio: number | null;
  let lower: number;
  let upper: number | null;
  if (lo === hi) {
    // Degenerate margins: every table is the observed one, nothing to estimate.
    oddsRatio = null;
    lower = 0;
    upper = null;
    notes.push(note('estimate_at_boundary'));
  } else {
    oddsRatio = a === lo ? 0 : a === hi ? null : Math.exp(bisectIncreasing(mean, a, -B, B));
    if (a === lo || a === hi) notes.push(note('estimate_at_boundary'));
    lower = a === lo ? 0 : Math.exp(bisectIncreasing(upperTail, alpha / 2, -B, B));
    // lowerTail decreases in ψ: find where it crosses α/2 by flipping the sign.
    upper = a === hi ? null : Math.exp(bisectIncreasing((t) => -lowerTail(t), -alpha / 2, -B, B));
  }
  return { computed: true, n, method: 'fisher-exact', statisticName: 'a', statistic: a, pValue, alternative: 'two-sided', oddsRatio, lower, upper, confidence, notes };
}
