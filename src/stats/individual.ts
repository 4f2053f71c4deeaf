import { UppfoljningError } from '../core/error.js';
import { issue, type Issue, type PathSegment } from '../core/issue.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { arrayIssues, finiteIssues, oneOfIssues, openIssues, optionsIssues, optionsOf, positiveIssues, throwIfAny, typeIssues, valueTextByType } from '../core/args.js';

/**
 * Which way is better on an instrument's scale.
 *
 * @example
 * ```ts
 * const direction: ScaleDirection = 'lower_is_better';
 * clinicalCutoffs({ clinical: { mean: 30, sd: 8 }, direction }); // => { a: 14, b: null, c: null, direction: 'lower_is_better' }
 * ```
 */
export type ScaleDirection = 'higher_is_better' | 'lower_is_better';

/**
 * Options of {@link reliableChangeIndex}.
 *
 * @example
 * ```ts
 * const options: ReliableChangeOptions = { sdBefore: 7.5, reliability: 0.88, criterion: 1.645 };
 * reliableChangeIndex(30, 18, options).minimumReliableChange; // => 6.0441…
 * ```
 */
export interface ReliableChangeOptions {
  /** The instrument's standard deviation in the reference (pre-treatment) group, > 0. */
  readonly sdBefore: number;
  /** The instrument's reliability (test–retest or internal consistency), strictly between 0 and 1. */
  readonly reliability: number;
  /** |RCI| must exceed this to count as reliable. Default 1.96 (two-sided 5 %). */
  readonly criterion?: number;
}

/**
 * The result of {@link reliableChangeIndex}.
 *
 * @example
 * ```ts
 * const rc = reliableChangeIndex(30, 18, { sdBefore: 7.5, reliability: 0.88 });
 * rc.rci; // => -3.2659…
 * rc.reliable; // => true
 * ```
 */
export interface ReliableChange {
  readonly computed: true;
  readonly n: 1;
  readonly method: 'jacobson-truax';
  /** after − before. */
  readonly change: number;
  /** SE = sd · √(1 − r), the standard error of measurement. */
  readonly se: number;
  /** S_diff = √2 · SE, the standard error of a difference of two measurements. */
  readonly sDiff: number;
  /** RCI = (after − before) / S_diff. */
  readonly rci: number;
  /** The smallest |after − before| that counts as reliable: criterion · S_diff. */
  readonly minimumReliableChange: number;
  /** |RCI| > criterion. */
  readonly reliable: boolean;
  readonly criterion: number;
}

/**
 * Jacobson and Truax's reliable change index for one client: is the change
 * from before to after larger than measurement error alone would plausibly
 * give (|RCI| > 1.96)? Direction-free: a positive RCI means the score rose.
 *
 * @param before - the score before (finite)
 * @param after - the score after (finite)
 * @param options - `sdBefore` (> 0), `reliability` (0 < r < 1), `criterion` (default 1.96)
 * @returns the index
 * @throws UppfoljningError when a score is not finite (`finite`), the options are missing or not an
 *   object (`required`, `type`), `options.sdBefore` ≤ 0 (`positive`), or `options.reliability` is not
 *   strictly between 0 and 1 (`open_interval`)
 * @see N. S. Jacobson, P. Truax (1991), Clinical significance: a statistical approach to defining meaningful change in psychotherapy research. J Consult Clin Psychol 59:12–19.
 * @see L. Christensen, J. L. Mendoza (1986), A method of assessing change in a single subject: an alteration of the RC index. Behav Ther 17:305–308 (the √2).
 *
 * @example
 * ```ts
 * reliableChangeIndex(30, 18, { sdBefore: 7.5, reliability: 0.88 });
 * // SE = 7.5·√0.12 = 2.598, S_diff = √2·2.598 = 3.674, RCI = −12 / 3.674
 * // => { computed: true, n: 1, method: 'jacobson-truax', change: -12, se: 2.598…, sDiff: 3.674…, rci: -3.265…, minimumReliableChange: 7.201…, reliable: true, criterion: 1.96 }
 * ```
 */
export function reliableChangeIndex(before: number, after: number, options: ReliableChangeOptions): ReliableChange {
  throwIfAny(finiteIssues(before, ['before']));
  throwIfAny(finiteIssues(after, ['after']));
  throwIfAny(typeIssues(options, 'object', ['options']));
  throwIfAny(positiveIssues(options.sdBefore, ['options', 'sdBefore']));
  throwIfAny(openIssues(options.reliability, ['options', 'reliability']));
  const criterion = options.criterion ?? 1.96;
  throwIfAny(positiveIssues(criterion, ['options', 'criterion']));
  const se = options.sdBefore * Math.sqrt(1 - options.reliability);
  const sDiff = Math.SQRT2 * se;
  const change = after - before;
  const rci = change / sDiff;
  return {
    computed: true,
    n: 1,
    method: 'jacobson-truax',
    change,
    se,
    sDiff,
    rci,
    minimumReliableChange: criterion * sDiff,
    reliable: Math.abs(rci) > criterion,
    criterion,
  };
}

/**
 * A norm group's mean and standard deviation.
 *
 * @example
 * ```ts
 * const clinical: Norm = { mean: 30, sd: 8 };
 * const functional: Norm = { mean: 10, sd: 6 };
 * clinicalCutoffs({ clinical, functional }).direction; // => 'lower_is_better'
 * ```
 */
export interface Norm {
  readonly mean: number;
  readonly sd: number;
}

/**
 * Input of {@link clinicalCutoffs}.
 *
 * @example
 * ```ts
 * const input: ClinicalCutoffsInput = { clinical: { mean: 30, sd: 8 }, functional: { mean: 10, sd: 6 } };
 * clinicalCutoffs(input).c; // => 18.571…
 * ```
 */
export interface ClinicalCutoffsInput {
  /** The clinical (dysfunctional) population's norms. */
  readonly clinical: Norm;
  /** The functional (normal) population's norms, when the instrument has them. */
  readonly functional?: Norm;
  /**
   * Which way is better. Optional when both norms are given (the functional
   * mean is on the better side); required with clinical norms alone.
   */
  readonly direction?: ScaleDirection;
}

/**
 * The cut-offs of {@link clinicalCutoffs}; `b` and `c` are null without functional norms.
 *
 * @example
 * ```ts
 * const cutoffs = clinicalCutoffs({ clinical: { mean: 30, sd: 8 }, functional: { mean: 10, sd: 6 } });
 * const change = classifyIndividualChange(30, 12, { sdBefore: 7.5, reliability: 0.88, direction: cutoffs.direction, cutoff: cutoffs.c ?? cutoffs.a }) as IndividualChange;
 * change.class; // => 'recovered'
 * ```
 */
export interface ClinicalCutoffs {
  /** Two standard deviations beyond the clinical mean, towards better. */
  readonly a: number;
  /** Two standard deviations from the functional mean, towards worse. */
  readonly b: number | null;
  /** Where the client is as likely to belong to either population: (sd_c·M_f + sd_f·M_c) / (sd_c + sd_f). */
  readonly c: number | null;
  readonly direction: ScaleDirection;
}

/**
 * Jacobson and Truax's three cut-offs for clinically significant change:
 * a (outside the clinical range), b (inside the functional range) and c
 * (nearer the functional than the clinical mean, weighting by spread); c is
 * the one recommended when both norms exist.
 *
 * @param input - the norms, and which way is better (inferred from the two means when both are given)
 * @returns the cut-offs
 * @throws UppfoljningError (paths from `input`) when the input or a norm is not an object (`required`,
 *   `type`), a mean is not finite, an sd ≤ 0 (`positive`), the direction is not one of the two
 *   (`one_of`), the functional mean is on the worse side of the clinical one (`direction_conflict`),
 *   or the direction is missing and cannot be inferred (`required`)
 * @see N. S. Jacobson, P. Truax (1991), J Consult Clin Psychol 59:12–19, p. 13.
 *
 * @example
 * ```ts
 * clinicalCutoffs({ clinical: { mean: 30, sd: 8 }, functional: { mean: 10, sd: 6 }, direction: 'lower_is_better' });
 * // a = 30 − 2·8, b = 10 + 2·6, c = (8·10 + 6·30) / (8 + 6) = 260 / 14
 * // => { a: 14, b: 22, c: 18.571…, direction: 'lower_is_better' }
 * ```
 */
export function clinicalCutoffs(input: ClinicalCutoffsInput): ClinicalCutoffs {
  throwIfAny(typeIssues(input, 'object', ['input']));
  const { clinical, functional } = input;
  throwIfAny(typeIssues(clinical, 'object', ['input', 'clinical']));
  throwIfAny(finiteIssues(clinical.mean, ['input', 'clinical', 'mean']));
  throwIfAny(positiveIssues(clinical.sd, ['input', 'clinical', 'sd']));
  if (functional !== undefined) {
    throwIfAny(typeIssues(functional, 'object', ['input', 'functional']));
    throwIfAny(finiteIssues(functional.mean, ['input', 'functional', 'mean']));
    throwIfAny(positiveIssues(functional.sd, ['input', 'functional', 'sd']));
  }
  const given = input.direction === undefined ? undefined : checkDirection(input.direction, ['input', 'direction']);
  const direction: ScaleDirection | undefined =
    given ??
    (functional === undefined || functional.mean === clinical.mean
      ? undefined
      : functional.mean > clinical.mean
        ? 'higher_is_better'
        : 'lower_is_better');
  if (direction === undefined) throw new UppfoljningError([issue(['input', 'direction'], 'required')]);
  const better = direction === 'higher_is_better' ? 1 : -1;
  const a = clinical.mean + better * 2 * clinical.sd;
  if (functional === undefined) return { a, b: null, c: null, direction };
  if ((functional.mean - clinical.mean) * better <= 0) {
    throw new UppfoljningError([
      issue(['input', 'functional', 'mean'], 'direction_conflict', {
        clinical: clinical.mean,
        functional: functional.mean,
        direction,
      }),
    ]);
  }
  const b = functional.mean - better * 2 * functional.sd;
  const c = (clinical.sd * functional.mean + functional.sd * clinical.mean) / (clinical.sd + functional.sd);
  return { a, b, c, direction };
}

const SCALE_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;

/** A {@link ScaleDirection}, or `one_of` naming the two. */
function checkDirection(value: unknown, path: readonly PathSegment[]): ScaleDirection {
  throwIfAny(oneOfIssues(value, SCALE_DIRECTIONS, path, true));
  return value as ScaleDirection;
}

/**
 * The four classes of individual change.
 *
 * @example
 * ```ts
 * const change = classifyIndividualChange(30, 24, { sdBefore: 7.5, reliability: 0.88, direction: 'lower_is_better' }) as IndividualChange;
 * // |RCI| = 6 / 3.674 = 1.63, not above the criterion 1.96
 * change.class; // => 'unchanged'
 * ```
 */
export type IndividualChangeClass = 'recovered' | 'improved' | 'unchanged' | 'deteriorated';

/**
 * Options of {@link classifyIndividualChange}.
 *
 * @example
 * ```ts
 * const options: ClassifyChangeOptions = { sdBefore: 7.5, reliability: 0.88, direction: 'lower_is_better', cutoff: 18.5 };
 * const change = classifyIndividualChange(30, 12, options) as IndividualChange;
 * change.class; // => 'recovered'
 * classifyIndividualChange(30, null, options).computed; // => false
 * ```
 */
export interface ClassifyChangeOptions extends ReliableChangeOptions {
  readonly direction: ScaleDirection;
  /**
   * The cut-off between the clinical and the functional range (usually c from
   * {@link clinicalCutoffs}). Without it nobody can be classed `recovered`.
   */
  readonly cutoff?: number;
}

/**
 * The result of {@link classifyIndividualChange}.
 *
 * @example
 * ```ts
 * const change = classifyIndividualChange(30, 12, { sdBefore: 7.5, reliability: 0.88, direction: 'lower_is_better', cutoff: 18.5 }) as IndividualChange;
 * change.crossedCutoff; // => true
 * change.rci; // => -4.898…
 * ```
 */
export interface IndividualChange {
  readonly computed: true;
  readonly n: 1;
  readonly method: 'jacobson-truax';
  readonly class: IndividualChangeClass;
  readonly rci: number;
  readonly reliable: boolean;
  /** Before on the clinical side of the cut-off and after on the functional side; null without a cut-off. */
  readonly crossedCutoff: boolean | null;
}

/**
 * Classes one client's change, direction-aware, after Jacobson and Truax:
 * - `deteriorated`: a reliable change for the worse;
 * - `unchanged`: no reliable change (|RCI| ≤ criterion);
 * - `recovered`: a reliable improvement that also took the client from the
 *   clinical side of the cut-off (before) to the functional side (after,
 *   strictly beyond the cut-off);
 * - `improved`: any other reliable improvement (including clients who
 *   started on the functional side, who cannot "recover").
 *
 * @param before - the score before, or null/undefined if missing
 * @param after - the score after, or null/undefined if missing
 * @param options - `sdBefore`, `reliability`, `direction`, optional `cutoff` and `criterion`
 * @returns the class, or {@link NotComputed} `missing_measure` (param `phase`) when a score is missing
 * @throws UppfoljningError as {@link reliableChangeIndex}, when a score is neither missing nor finite,
 *   `options.direction` is not one of the two (`one_of`, also `required`) or `options.cutoff` is not finite
 * @see N. S. Jacobson, P. Truax (1991), J Consult Clin Psychol 59:12–19, p. 16 (the categories).
 *
 * @example
 * ```ts
 * classifyIndividualChange(30, 12, { sdBefore: 7.5, reliability: 0.88, direction: 'lower_is_better', cutoff: 18.5 });
 * // RCI = −18 / 3.674 = −4.90: reliable, better (lower), and 30 ≥ 18.5 > 12
 * // => { computed: true, n: 1, method: 'jacobson-truax', class: 'recovered', rci: -4.898…, reliable: true, crossedCutoff: true }
 * ```
 */
export function classifyIndividualChange(
  before: number | null | undefined,
  after: number | null | undefined,
  options: ClassifyChangeOptions,
): IndividualChange | NotComputed {
  // The options are checked even when a score is missing, so that a mistake shows on the first client.
  throwIfAny(typeIssues(options, 'object', ['options']));
  const direction = checkDirection(options.direction, ['options', 'direction']);
  if (options.cutoff !== undefined) throwIfAny(finiteIssues(options.cutoff, ['options', 'cutoff']));
  if (before !== null && before !== undefined) throwIfAny(finiteIssues(before, ['before']));
  if (after !== null && after !== undefined) throwIfAny(finiteIssues(after, ['after']));
  if (before === null || before === undefined) return notComputed(0, 'missing_measure', { phase: 'before' });
  if (after === null || after === undefined) return notComputed(0, 'missing_measure', { phase: 'after' });
  const { rci, reliable } = reliableChangeIndex(before, after, options);
  const better = direction === 'higher_is_better' ? 1 : -1;
  let crossedCutoff: boolean | null = null;
  if (options.cutoff !== undefined) {
    const c = options.cutoff;
    crossedCutoff = (before - c) * better <= 0 && (after - c) * better > 0;
  }
  const improvedReliably = reliable && rci * better > 0;
  const cls: IndividualChangeClass = !reliable
    ? 'unchanged'
    : !improvedReliably
      ? 'deteriorated'
      : crossedCutoff === true
        ? 'recovered'
        : 'improved';
  return { computed: true, n: 1, method: 'jacobson-truax', class: cls, rci, reliable, crossedCutoff };
}

/**
 * Options of {@link gasTScore}.
 *
 * @example
 * ```ts
 * const options: GasOptions = { weights: [2, 1, 1] };
 * const t = gasTScore([1, 0, -1], options) as GasTScore;
 * t.estimate; // => 53.333…
 * ```
 */
export interface GasOptions {
  /** A weight (> 0) per goal; equal weights when left out. */
  readonly weights?: readonly number[];
  /** The assumed correlation between goal scores, 0 ≤ ρ ≤ 1. Default 0.3 (Kiresuk and Sherman). */
  readonly rho?: number;
}

/**
 * The result of {@link gasTScore}.
 *
 * @example
 * ```ts
 * const t = gasTScore([1, 1, 1, 1]) as GasTScore;
 * t.estimate; // => 64.509…
 * t.rho; // => 0.3
 * ```
 */
export interface GasTScore {
  readonly computed: true;
  /** The number of goals. */
  readonly n: number;
  readonly method: 'gas-t-score';
  /** 50 when every goal is met exactly as expected; 10 points per standard deviation. */
  readonly estimate: number;
  readonly rho: number;
}

/**
 * The Goal Attainment Scaling T-score of one client (Kiresuk and Sherman):
 * T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)Σwᵢ² + ρ(Σwᵢ)²), for goal scores xᵢ on the
 * five-point scale −2 … +2 (0 = the expected outcome).
 *
 * @param scores - the goal scores, whole numbers from −2 to +2
 * @param options - `weights` (one per goal, > 0) and `rho` (default 0.3)
 * @returns the T-score, or {@link NotComputed} `too_few` when there are no goals
 * @throws UppfoljningError when a score is not a whole number in −2 … 2 (`integer`, `out_of_range`),
 *   a weight is not > 0 (`positive`), the weights do not match the goals (`length_mismatch`), or ρ is outside [0, 1] (`probability`);
 *   paths `scores[i]`, `options.weights[i]`, `options.rho`; `required`/`type` when scores or weights are not arrays or the options not an object
 * @see T. J. Kiresuk, R. E. Sherman (1968), Goal attainment scaling: a general method for evaluating comprehensive community mental health programs. Community Ment Health J 4:443–453.
 * @see L. Turner-Stokes (2009), Goal attainment scaling (GAS) in rehabilitation: a practical guide. Clin Rehabil 23:362–370.
 *
 * @example
 * ```ts
 * gasTScore([1, 1, 1, 1]);
 * // 50 + 10·4 / √(0.7·4 + 0.3·16) = 50 + 40 / √7.6
 * // => { computed: true, n: 4, method: 'gas-t-score', estimate: 64.509…, rho: 0.3 }
 * ```
 */
export function gasTScore(scores: readonly number[], options: GasOptions = {}): GasTScore | NotComputed {
  throwIfAny(arrayIssues(scores, ['scores']));
  throwIfAny(optionsIssues(options));
  const o = optionsOf(options);
  const rho = (o.rho ?? 0.3) as number;
  const issues: Issue[] = [];
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) issues.push(...finiteIssues(x, ['scores', i]));
    else if (!Number.isInteger(x)) issues.push(issue(['scores', i], 'integer', { value: x }));
    else if (x < -2 || x > 2) issues.push(issue(['scores', i], 'out_of_range', { value: x, min: -2, max: 2 }));
  }
  const weights = (o.weights ?? scores.map(() => 1)) as readonly number[];
  throwIfAny(arrayIssues(weights, ['options', 'weights']));
  if (weights.length !== scores.length) {
    issues.push(
      issue(['options', 'weights'], 'length_mismatch', { other: 'scores', length: weights.length, otherLength: scores.length }),
    );
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(typeof w === 'number' && Number.isFinite(w) && w > 0)) issues.push(issue(['options', 'weights', i], 'positive', { value: valueTextByType(w) }));
  }
  if (!(typeof rho === 'number' && rho >= 0 && rho <= 1)) issues.push(issue(['options', 'rho'], 'probability', { value: valueTextByType(rho) }));
  if (issues.length > 0) throw new UppfoljningError(issues);
  const n = scores.length;
  if (n === 0) return notComputed(0, 'too_few', { minimum: 1 });
  let weighted = 0;
  let sumW = 0;
  let sumW2 = 0;
  scores.forEach((x, i) => {
    const w = weights[i]!;
    weighted += w * x;
    sumW += w;
    sumW2 += w * w;
  });
  const estimate = 50 + (10 * weighted) / Math.sqrt((1 - rho) * sumW2 + rho * sumW * sumW);
  return { computed: true, n, method: 'gas-t-score', estimate, rho };
}
