import { z } from 'zod';
import type { Plan } from '../plan/plan.js';
import { planInstrument } from '../plan/plan.js';
import { minimalChange } from '../measure/change.js';
import type { DeepReadonly } from '../core/readonly.js';

const LabelShape = z.object({ sv: z.string(), en: z.string() });

/**
 * Which way a client's change on an instrument went, judged by the
 * instrument's minimal important change (default one step of its scale):
 * better by at least that much, less than that either way, or worse by at
 * least that much.
 *
 * @example
 * ```ts
 * CHANGE_DIRECTIONS;
 * // => ['improved', 'unchanged', 'worsened']
 * ```
 */
export const CHANGE_DIRECTIONS = ['improved', 'unchanged', 'worsened'] as const;

/**
 * Jacobson and Truax's four classes of individual change, counted for an
 * instrument with a published reliability and clinical norms: a reliable
 * improvement that also crossed the clinical cut-off (`recovered`), any other
 * reliable improvement, no reliable change, and a reliable deterioration.
 *
 * @see N. S. Jacobson, P. Truax (1991), J Consult Clin Psychol 59:12–19, p. 16.
 *
 * @example
 * ```ts
 * RELIABLE_CHANGE_CLASSES;
 * // => ['recovered', 'improved', 'unchanged', 'deteriorated']
 * ```
 */
export const RELIABLE_CHANGE_CLASSES = ['recovered', 'improved', 'unchanged', 'deteriorated'] as const;

/** @internal The criterion |RCI| must exceed for a change to count as reliable: 1.96, two-sided 5 %. */
export const RELIABLE_CHANGE_CRITERION = 1.96;

/** @internal The phases every plan has: before the intervention and at its closing. */
export const PHASE_BEFORE = 'before';
/** @internal The closing measurement's phase. */
export const PHASE_AFTER = 'after';

/**
 * @internal One instrument as a compilation describes it: its scale, which
 * phases it is counted at (`before`, `after`, or a follow-up point's id) and
 * which of those are paired with `before` as a change. The primary measure
 * appears only with its follow-up points: its before and after have their own
 * counters.
 */
export const MeasureMetaSchema = z.object({
  id: z.string(),
  label: LabelShape,
  kind: z.enum(['ordinal', 'interval', 'binary']),
  min: z.number(),
  max: z.number(),
  step: z.number().positive(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  minimalChange: z.number().positive(),
  bins: z.number().int().min(2),
  histogram: z.boolean(),
  levels: z.array(z.object({ value: z.number(), label: LabelShape })).optional(),
  /** Whether this is the plan's primary measure (here with its follow-up points only). */
  primary: z.boolean(),
  /** The reliable change index's parameters, for an instrument with a reliability and clinical norms. */
  reliableChange: z
    .object({
      reliability: z.number().gt(0).lt(1),
      /** The clinical norm group's standard deviation (the sd before of Jacobson and Truax). */
      sd: z.number().positive(),
      criterion: z.number().positive(),
      /** The cut-off between the clinical and functional range: c with functional norms, otherwise a. */
      cutoff: z.number(),
    })
    .optional(),
  phases: z.array(z.object({ id: z.string(), label: LabelShape })),
  /** The phases, among `phases`, paired with the measurement before as a change (`after`, follow-up points). */
  changes: z.array(z.string()),
}).superRefine((m, ctx) => {
  // A change names a phase it pairs with the one before: one that is not among the phases has no counters to read.
  const phases = m.phases.map((p) => p.id);
  m.changes.forEach((id, i) => {
    if (id === 'before' || !phases.includes(id)) {
      ctx.addIssue({ code: 'custom', path: ['changes', i], params: { rule: 'one_of', values: phases.filter((p) => p !== 'before'), value: id } });
    }
  });
});

/** @internal One instrument's description in a compilation's `meta.measures`. */
export type MeasureMeta = DeepReadonly<z.output<typeof MeasureMetaSchema>>;

const BEFORE_LABEL = { sv: 'Före', en: 'Before' };
const AFTER_LABEL = { sv: 'Efter', en: 'After' };

/** A follow-up point of a plan, as far as compile needs it (the plan field `followUps`). */
interface PointLike {
  readonly id: string;
  readonly label: { readonly sv: string; readonly en: string };
  readonly measures: readonly string[];
}

/** @internal The plan's follow-up points (none for a plan without them). */
export function followUpPoints(plan: Plan): readonly PointLike[] {
  return plan.followUps;
}

/**
 * @internal The instruments a plan measures, in the order they first appear
 * in `measures.before`, `measures.after` and the follow-up points, each with
 * its phases: every instrument but the primary at each phase it is measured,
 * the primary at its follow-up points; a change wherever a phase after the
 * start pairs with a measurement before.
 */
export function describeMeasures(plan: Plan, maxBins: number): MeasureMeta[] {
  const points = followUpPoints(plan);
  const ids: string[] = [];
  for (const id of [...plan.measures.before, ...plan.measures.after, ...points.flatMap((p) => p.measures)]) {
    if (!ids.includes(id)) ids.push(id);
  }
  const out: MeasureMeta[] = [];
  for (const id of ids) {
    const instrument = planInstrument(plan, id)!;
    const primary = id === plan.primaryMeasure;
    const before = plan.measures.before.includes(id);
    const phases: { id: string; label: { sv: string; en: string } }[] = [];
    const changes: string[] = [];
    if (!primary && before) phases.push({ id: PHASE_BEFORE, label: BEFORE_LABEL });
    if (!primary && plan.measures.after.includes(id)) {
      phases.push({ id: PHASE_AFTER, label: AFTER_LABEL });
      if (before) changes.push(PHASE_AFTER);
    }
    for (const point of points) {
      if (!point.measures.includes(id)) continue;
      phases.push({ id: point.id, label: { sv: point.label.sv, en: point.label.en } });
      if (before) changes.push(point.id);
    }
    if (phases.length === 0) continue;
    const { min, max, step } = instrument.range;
    const bins = Math.round((max - min) / step) + 1;
    const norms = instrument.norms;
    const reliableChange =
      instrument.reliability !== undefined && norms !== undefined
        ? {
            reliability: instrument.reliability,
            sd: norms.clinical.sd,
            criterion: RELIABLE_CHANGE_CRITERION,
            cutoff: clinicalCutoff(norms, instrument.direction),
          }
        : undefined;
    out.push({
      id,
      label: instrument.label,
      kind: instrument.kind,
      min,
      max,
      step,
      direction: instrument.direction,
      minimalChange: minimalChange(instrument),
      bins,
      histogram: bins <= maxBins,
      ...(instrument.levels ? { levels: instrument.levels } : {}),
      primary,
      ...(reliableChange ? { reliableChange } : {}),
      phases,
      changes,
    });
  }
  return out;
}

/**
 * Jacobson and Truax's cut-off: c, (sd_c·M_f + sd_f·M_c) / (sd_c + sd_f),
 * with functional norms; otherwise a, two clinical standard deviations from
 * the clinical mean towards better (the same as `clinicalCutoffs`).
 */
function clinicalCutoff(
  norms: { readonly clinical: { readonly mean: number; readonly sd: number }; readonly functional?: { readonly mean: number; readonly sd: number } | undefined },
  direction: 'higher_is_better' | 'lower_is_better',
): number {
  const { clinical, functional } = norms;
  if (functional !== undefined) return (clinical.sd * functional.mean + functional.sd * clinical.mean) / (clinical.sd + functional.sd);
  return clinical.mean + (direction === 'higher_is_better' ? 1 : -1) * 2 * clinical.sd;
}

/** How many moments a block keeps after its histogram: n, Σk and Σk², in the order of `MOMENTS` in layout.ts. */
const BLOCK_MOMENTS = 3;

/**
 * @internal Where one (instrument, phase) is counted in a cell's `measures`
 * counts: its histogram over grid indices at `offset … offset + hist − 1`
 * (`hist` is 0 without a histogram), then n, Σk and Σk² at `moments`.
 */
export interface PhaseSlots {
  readonly measure: number;
  readonly phase: string;
  readonly offset: number;
  readonly hist: number;
  readonly moments: number;
}

/**
 * @internal Where one paired change (before → a later phase) is counted in a
 * cell's `measureChanges` counts: the histogram of change-grid indices
 * (after − before in steps, + bins − 1), its n, Σk and Σk², the n, Σk and
 * Σk² of the before values of the same pairs at `before` (so that the means
 * before and after of the pairs can be read), the three
 * {@link CHANGE_DIRECTIONS} at `direction`, and, for an instrument with
 * reliable change, the four {@link RELIABLE_CHANGE_CLASSES} at `reliable`
 * (−1 without).
 */
export interface ChangeSlots extends PhaseSlots {
  readonly before: number;
  readonly direction: number;
  readonly reliable: number;
}

/** @internal Every measure block's slots, per instrument in `meta.measures` order, and the width per cell of each counter array. */
export interface MeasureLayout {
  readonly phases: readonly (readonly PhaseSlots[])[];
  readonly changes: readonly (readonly ChangeSlots[])[];
  readonly phaseWidth: number;
  readonly changeWidth: number;
}

/** @internal The layout of the measure blocks, one after the other in `meta.measures` order and each instrument's phase order. */
export function measureLayout(measures: readonly MeasureMeta[]): MeasureLayout {
  let phaseWidth = 0;
  let changeWidth = 0;
  const phases = measures.map((m, measure) =>
    m.phases.map((p) => {
      const hist = m.histogram ? m.bins : 0;
      const slots = { measure, phase: p.id, offset: phaseWidth, hist, moments: phaseWidth + hist };
      phaseWidth += hist + BLOCK_MOMENTS;
      return slots;
    }),
  );
  const changes = measures.map((m, measure) =>
    m.changes.map((phase) => {
      const hist = m.histogram ? 2 * m.bins - 1 : 0;
      const moments = changeWidth + hist;
      const before = moments + BLOCK_MOMENTS;
      const direction = before + BLOCK_MOMENTS;
      const reliable = m.reliableChange ? direction + CHANGE_DIRECTIONS.length : -1;
      const slots = { measure, phase, offset: changeWidth, hist, moments, before, direction, reliable };
      changeWidth = direction + CHANGE_DIRECTIONS.length + (m.reliableChange ? RELIABLE_CHANGE_CLASSES.length : 0);
      return slots;
    }),
  );
  return { phases, changes, phaseWidth, changeWidth };
}
