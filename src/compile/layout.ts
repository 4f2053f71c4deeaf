import type { Plan } from '../plan/plan.js';
import { planInstrument } from '../plan/plan.js';
import type { Label } from '../core/locale.js';
import { bandLabel } from '../plan/bands.js';
import { minimalChange } from '../measure/change.js';
import { ClosingReasonSchema } from '../plan/plan.js';
import type { CompilationMeta } from './meta.js';
import { ATTAINMENT_LEVELS, GOAL_STATUSES } from '../after/classify.js';
import { describeMeasures, measureLayout } from './measure-meta.js';
import { FOLLOW_UP_STATUSES } from './_lib/follow-up-fold.js';

export { FOLLOW_UP_STATUSES };
import { periodsOf } from '../plan/periods.js';
import { UNNAMED_UNIT } from './dims.js';
import { backgroundFingerprint, backgroundWidths, describeBackground, describeDoseBands } from './_lib/background.js';

export { backgroundSlots, type BackgroundSlots } from './_lib/background.js';
import { describeViews, viewsFingerprint, viewsWidth } from './_lib/views.js';

export type { CompilationMeta };

/**
 * The most grid points an instrument may have for compile to keep exact
 * histograms of it (before, after and change). Wider scales keep exact
 * integer sums only: mean and standard deviation, no quantiles.
 *
 * @example
 * ```ts
 * MAX_HISTOGRAM_BINS;
 * // => 1001
 * ```
 */
export const MAX_HISTOGRAM_BINS = 1001;

/** Counters of the attrition flow, per cell, in this order. */
export const FLOW = ['selected', 'started', 'ongoing', 'closed', 'classified'] as const;
/**
 * Why a client left the follow-up (a withdrawal's reason, or a closing reason
 * the plan withdraws on).
 *
 * @example
 * ```ts
 * WITHDRAWAL_REASONS;
 * // => ['breakdown', 'moved', 'declined', 'other']
 * ```
 */
export const WITHDRAWAL_REASONS = ['breakdown', 'moved', 'declined', 'other'] as const;
/**
 * Where in the flow a client left: before the start, or during the intervention.
 *
 * @example
 * ```ts
 * WITHDRAWAL_STAGES;
 * // => ['before_start', 'during']
 * ```
 */
export const WITHDRAWAL_STAGES = ['before_start', 'during'] as const;
/**
 * Closing reasons of closed (not withdrawn) records, as counted by compile.
 *
 * @example
 * ```ts
 * CLOSING_REASONS;
 * // => ['completed', 'breakdown', 'moved', 'declined', 'other']
 * ```
 */
export const CLOSING_REASONS = ClosingReasonSchema.options;
/**
 * Why a closed record could not be classified, as counted by compile.
 *
 * @example
 * ```ts
 * UNCLASSIFIED;
 * // => ['missing_before', 'missing_after', 'missing_goal_assessment']
 * ```
 */
export const UNCLASSIFIED = ['missing_before', 'missing_after', 'missing_goal_assessment'] as const;
/**
 * Sums kept for the primary measure: n, Σk and Σk² of grid indices k, for
 * before, after, change and before-of-withdrawn. For the change, k is the
 * index on the change's own grid, (after − before in steps) + bins − 1, the
 * same index its histogram uses.
 */
export const SUMS = ['before', 'after', 'change', 'withdrawnBefore'] as const;
/**
 * Withdrawals during the intervention are also counted by the week they
 * happened in (week 1 = days 0–6 from the start), up to this many weeks; later
 * ones share one last slot.
 *
 * @example
 * ```ts
 * WITHDRAWAL_WEEKS;
 * // => 52
 * ```
 */
export const WITHDRAWAL_WEEKS = 52;
/** Dose counters per cell. */
export const DOSE = ['sessionsAttended', 'sessionsMissed', 'deviations'] as const;
/** Per week of a during-measure: tests, Σk of their grid indices, clients tested. */
export const WEEK = ['tests', 'sum', 'clients'] as const;

/** The moments kept for each of {@link SUMS} in a cell: how many values, their sum and their sum of squares. */
export const MOMENTS = ['n', 'sum', 'sumOfSquares'] as const;

type Positions<T extends readonly string[]> = { readonly [K in T[number]]: number };

/** Each name's slot in a layout list (`at(FLOW).closed === 3`), so the record loop names its slots instead of numbering them. */
function at<const T extends readonly string[]>(names: T, width = 1): Positions<T> {
  return Object.freeze(Object.fromEntries(names.map((name, i) => [name, i * width]))) as Positions<T>;
}

/** Slots in a cell's flow counts: `FLOW_AT.closed` is the closed clients' slot. */
export const FLOW_AT = at(FLOW);
/** Slots of the stages within one withdrawal reason's withdrawn counts. */
export const WITHDRAWAL_STAGE_AT = at(WITHDRAWAL_STAGES);
/** Slots in a cell's unclassified counts. */
export const UNCLASSIFIED_AT = at(UNCLASSIFIED);
/** Slots in a cell's dose counts. */
export const DOSE_AT = at(DOSE);
/** Slots within one (during measure, week) group of a cell's during counts. */
export const WEEK_AT = at(WEEK);
/** Where each sum's moments start in a cell's sums (`SUM_AT.withdrawnBefore === 9`). */
export const SUM_AT = at(SUMS, MOMENTS.length);
/** Slots of the moments within one sum (add to a {@link SUM_AT} slot). */
export const MOMENT_AT = at(MOMENTS);
/** Slots in a cell's attainment-level counts. */
export const LEVEL_AT = at(ATTAINMENT_LEVELS);
/** Slots in a cell's goal-status counts. */
export const GOAL_AT = at(GOAL_STATUSES);

/** FNV-1a over a string, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** @internal The description of a plan's compilation: dimensions, widths and labels. */
export function describe(plan: Plan): CompilationMeta {
  const primary = planInstrument(plan, plan.primaryMeasure)!;
  const bins = Math.round((primary.range.max - primary.range.min) / primary.range.step) + 1;
  const meta: Omit<CompilationMeta, 'fingerprint' | 'parts'> = {
    planId: plan.id,
    title: plan.title,
    dims: {
      ageBands: plan.grouping.ageBands.map((b) => ({
        code: bandLabel(b),
        label: b.label ?? { sv: `${bandLabel(b)} år`, en: `${bandLabel(b)} years` },
      })),
      genders: plan.grouping.genders,
      interventions: plan.interventions,
      units: [plan.unit ?? UNNAMED_UNIT],
      periods: periodsOf(plan),
    },
    primary: {
      id: primary.id,
      label: primary.label,
      kind: primary.kind,
      min: primary.range.min,
      max: primary.range.max,
      step: primary.range.step,
      direction: primary.direction,
      minimalChange: minimalChange(primary),
      bins,
      histogram: bins <= MAX_HISTOGRAM_BINS,
      ...(primary.levels ? { levels: primary.levels } : {}),
    },
    mainProblems: plan.mainProblems,
    goalAreas: plan.goalAreas,
    background: describeBackground(plan),
    doseBands: describeDoseBands(plan),
    during: plan.during.map((d) => {
      const instrument = planInstrument(plan, d.instrument)!;
      return {
        id: d.id,
        label: d.label,
        instrumentId: instrument.id,
        kind: instrument.kind,
        min: instrument.range.min,
        step: instrument.range.step,
        direction: instrument.direction,
        weeks: d.weeks,
        perWeek: d.perWeek,
      };
    }),
    measures: describeMeasures(plan, MAX_HISTOGRAM_BINS),
    followUps: plan.followUps.map((p) => ({ id: p.id, label: p.label, monthsAfter: p.monthsAfter, windowDays: p.windowDays })),
    views: describeViews(plan),
  };
  // The fingerprint covers everything that decides where a record is counted
  // (but the unit and the periods, which merge keeps apart or pools);
  // compilations merge only when it is the same. Each part is kept in meta as
  // its JSON text, so that a merge of different plan versions can say which
  // part differs. Add a part for every new structural choice of the plan.
  const parts: Record<string, unknown> = {
    plan: meta.planId,
    ageBands: meta.dims.ageBands.map((b) => b.code),
    genders: meta.dims.genders.map((g) => g.code),
    interventions: meta.dims.interventions.map((i) => i.code),
    primary: [meta.primary.id, meta.primary.min, meta.primary.max, meta.primary.step, meta.primary.direction, meta.primary.minimalChange],
    mainProblems: meta.mainProblems.map((p) => p.code),
    goalAreas: meta.goalAreas.map((g) => g.code),
    background: backgroundFingerprint(meta),
    during: meta.during.map((d) => [d.id, d.instrumentId, d.min, d.step, d.weeks]),
    measures: meta.measures.map((m) => [m.id, m.min, m.max, m.step, m.direction, m.minimalChange, m.histogram, m.reliableChange ?? null, m.phases.map((p) => p.id), m.changes]),
    goalRule: plan.goalRule,
    withdrawOn: plan.withdrawOn,
    // Left out when unset, so that a plan without periods keeps the fingerprint it had.
    ...(plan.periodBy === undefined ? {} : { periodBy: plan.periodBy }),
    // Left out without follow-up points, so that such a plan keeps the fingerprint it had.
    ...(plan.followUps.length === 0 ? {} : { followUps: plan.followUps.map((p) => [p.id, p.monthsAfter, p.windowDays]) }),
    // The questionnaire, left out without one for the same reason.
    ...(meta.views.items.length === 0 ? {} : { views: viewsFingerprint(meta.views) }),
  };
  const texts = Object.fromEntries(Object.entries(parts).map(([name, value]) => [name, JSON.stringify(value)]));
  return { ...meta, parts: texts, fingerprint: fingerprintOf(texts) };
}

/**
 * @internal The fingerprint of a plan's structural parts ({@link describe}):
 * FNV-1a of the JSON array of the parts in order.
 */
export function fingerprintOf(parts: Readonly<Record<string, string>>): string {
  return fnv1a(`[${Object.values(parts).join(',')}]`);
}

/**
 * @internal The names of a compilation's counter arrays, in layout order: the
 * keys of {@link widths} and of a compilation's `counts`, so that
 * `CompilationSchema` can build the counts object from them.
 */
export const COUNTERS = [
  'flow',
  'withdrawn',
  'withdrawnWeek',
  'closing',
  'levels',
  'goal',
  'unclassified',
  'before',
  'after',
  'change',
  'withdrawnBefore',
  'sums',
  'mainProblems',
  'goalAreas',
  'background',
  'backgroundOutcome',
  'doseOutcome',
  'dose',
  'during',
  'measures',
  'measureChanges',
  'followUps',
  'views',
] as const;

/** The names of a compilation's counter arrays. */
export type CounterName = (typeof COUNTERS)[number];

/**
 * @internal Where one during-measure is counted in a cell's during counts: the
 * {@link WEEK} group of week w (0-based) at `offset + w * WEEK.length`, and the
 * tests after its last week in one group at `offset + weeks * WEEK.length`.
 */
export interface DuringSlots {
  readonly id: string;
  readonly offset: number;
  readonly weeks: number;
}

/** @internal The slots of each during-measure, in the plan's order, one block after the other. */
export function duringSlots(meta: CompilationMeta): DuringSlots[] {
  let offset = 0;
  return meta.during.map((d) => {
    const slots = { id: d.id, offset, weeks: d.weeks };
    offset += (d.weeks + 1) * WEEK.length;
    return slots;
  });
}

/** @internal The slot, in a cell's goal-area counts, of goals without an area: the one after the plan's areas. */
export function noGoalArea(meta: CompilationMeta): number {
  return meta.goalAreas.length;
}

/**
 * @internal The change-grid index of no change. The change runs from −(bins − 1)
 * to bins − 1 steps; its histogram and its sums both count the index
 * k = (after − before in steps) + noChangeIndex, so that they share one
 * origin, −noChangeIndex · step (as tabulate reads them).
 */
export function noChangeIndex(bins: number): number {
  return bins - 1;
}

/** @internal The width, per cell, of each counter array. */
export function widths(meta: CompilationMeta): { readonly [K in CounterName]: number } {
  const hist = meta.primary.histogram ? meta.primary.bins : 0;
  const background = backgroundWidths(meta);
  const during = duringSlots(meta).at(-1);
  const measures = measureLayout(meta.measures);
  return {
    flow: FLOW.length,
    withdrawn: WITHDRAWAL_REASONS.length * WITHDRAWAL_STAGES.length,
    withdrawnWeek: WITHDRAWAL_WEEKS + 1,
    closing: CLOSING_REASONS.length,
    levels: ATTAINMENT_LEVELS.length,
    goal: GOAL_STATUSES.length,
    unclassified: UNCLASSIFIED.length,
    before: hist,
    after: hist,
    change: hist === 0 ? 0 : 2 * noChangeIndex(hist) + 1,
    withdrawnBefore: hist,
    sums: SUMS.length * MOMENTS.length,
    mainProblems: meta.mainProblems.length,
    goalAreas: noGoalArea(meta) + 1,
    background: background.background,
    backgroundOutcome: background.backgroundOutcome,
    doseOutcome: background.doseOutcome,
    dose: DOSE.length,
    during: during === undefined ? 0 : during.offset + (during.weeks + 1) * WEEK.length,
    measures: measures.phaseWidth,
    measureChanges: measures.changeWidth,
    followUps: meta.followUps.length * FOLLOW_UP_STATUSES.length,
    views: viewsWidth(meta.views),
  };
}
