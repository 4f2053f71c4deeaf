import type { Plan } from '../../plan/plan.js';
import type { Rule } from '../../core/issue.js';
import type { Label } from '../../core/locale.js';
import { DEFAULT_DOSE_BANDS, numberBandCode, numberBandIndex, type NumberBand } from '../../plan/background.js';
import { ATTAINMENT_LEVELS, GOAL_STATUSES } from '../../after/classify.js';
import type { CompilationMeta } from '../meta.js';

/**
 * Background variables of every kind, and dose against the outcome, in a
 * compilation: their description in `meta`, their slots in the counter arrays
 * `background`, `backgroundOutcome` and `doseOutcome`, and the fold's part
 * that reads and counts them ({@link BackgroundFold}).
 *
 * - `background`: per variable, one count per option (a category's options,
 *   yes/no, a number's bands) or per whole number from `min` to `max` (a
 *   whole number with a bounded range and no bands: an exact distribution),
 *   or n, Σk and Σk² of k = value / resolution (any other number: mean and
 *   standard deviation only), then the records without an answer.
 * - `backgroundOutcome`: per variable counted by options, per option and for
 *   a missing answer, the classified records' attainment levels and goal
 *   statuses ({@link BACKGROUND_OUTCOME}).
 * - `doseOutcome`: per dose band of sessions attended, then per band of
 *   whole weeks from the start to the closing date, the classified records'
 *   attainment levels and n, Σk, Σk² of their change on the primary measure
 *   ({@link DOSE_OUTCOME}).
 */

/** Per background value: the attainment levels, then the goal statuses, of the classified records with that value. */
export const BACKGROUND_OUTCOME = [...ATTAINMENT_LEVELS, ...GOAL_STATUSES] as const;
/** Where the goal statuses start in a value's {@link BACKGROUND_OUTCOME} group. */
export const OUTCOME_GOAL_AT = ATTAINMENT_LEVELS.length;
/** Per dose band: the attainment levels, then n, Σk and Σk² of the change's grid index (as the primary measure's change sums count it). */
export const DOSE_OUTCOME = [...ATTAINMENT_LEVELS, 'n', 'sum', 'sumOfSquares'] as const;
/** Where the change's moments start in a band's {@link DOSE_OUTCOME} group. */
export const DOSE_MOMENTS_AT = ATTAINMENT_LEVELS.length;
/** The two doses set against the outcome, in the order of their blocks: sessions attended, weeks from the start to closing. */
export const DOSE_MEASURES = ['sessions', 'weeks'] as const;
/** The moments a `sums` background variable keeps, in its first three slots. */
export const BACKGROUND_MOMENTS = ['n', 'sum', 'sumOfSquares'] as const;
/** The unit a decimal number without bands is summed in: k = round(value / 0.01). Whole numbers are summed as they are. */
export const DECIMAL_RESOLUTION = 0.01;
/** The most whole numbers between `min` and `max` for which a number without bands keeps an exact distribution. */
export const MAX_BACKGROUND_VALUES = 1001;

const YES_NO = [
  { code: 'yes', label: { sv: 'Ja', en: 'Yes' } },
  { code: 'no', label: { sv: 'Nej', en: 'No' } },
];

const bandLabelOf = (band: NumberBand): Label => band.label ?? { sv: numberBandCode(band).replaceAll('.', ','), en: numberBandCode(band) };
const bandEdges = (band: NumberBand) => (band.to === undefined ? { from: band.from } : { from: band.from, to: band.to });

/** @internal The description of the plan's background variables in `meta.background`. */
export function describeBackground(plan: Plan): CompilationMeta['background'] {
  return plan.background.map((b) => {
    const base = { id: b.id, label: b.label };
    if (b.kind === 'category') return { ...base, kind: b.kind, summary: 'options', options: b.options };
    if (b.kind === 'boolean') return { ...base, kind: b.kind, summary: 'options', options: YES_NO };
    if (b.bands !== undefined) {
      return {
        ...base,
        kind: b.kind,
        summary: 'options',
        options: b.bands.map((band) => ({ code: numberBandCode(band), label: bandLabelOf(band) })),
        bands: b.bands.map(bandEdges),
      };
    }
    if (b.integer && b.min !== undefined && b.max !== undefined && b.max - b.min + 1 <= MAX_BACKGROUND_VALUES) {
      return { ...base, kind: b.kind, summary: 'histogram', options: [], min: b.min, max: b.max };
    }
    const bounds = { ...(b.min === undefined ? {} : { min: b.min }), ...(b.max === undefined ? {} : { max: b.max }) };
    return { ...base, kind: b.kind, summary: 'sums', options: [], ...bounds, resolution: b.integer ? 1 : DECIMAL_RESOLUTION };
  });
}

/** @internal The dose bands of `meta.doseBands`: the plan's, or {@link DEFAULT_DOSE_BANDS}. */
export function describeDoseBands(plan: Plan): CompilationMeta['doseBands'] {
  const coded = (bands: readonly NumberBand[]) => bands.map((band) => ({ code: numberBandCode(band), label: bandLabelOf(band), ...bandEdges(band) }));
  return {
    sessions: coded(plan.doseBands?.sessions ?? DEFAULT_DOSE_BANDS.sessions),
    weeks: coded(plan.doseBands?.weeks ?? DEFAULT_DOSE_BANDS.weeks),
  };
}

/** @internal The structural parts of background and dose for the fingerprint. */
export function backgroundFingerprint(meta: Pick<CompilationMeta, 'background' | 'doseBands'>): unknown[] {
  return [
    meta.background.map((b) => [b.id, b.kind, b.summary, b.options.map((o) => o.code), b.bands ?? null, b.min ?? null, b.max ?? null, b.resolution ?? null]),
    DOSE_MEASURES.map((m) => meta.doseBands[m].map((band) => [band.from, band.to ?? null])),
  ];
}

/** How many slots before `missing` a variable has: its options, its whole numbers, or its three moments. */
export function valueCount(b: CompilationMeta['background'][number]): number {
  if (b.summary === 'options') return b.options.length;
  if (b.summary === 'histogram') return b.max! - b.min! + 1;
  return BACKGROUND_MOMENTS.length;
}

/**
 * @internal Where one background variable is counted in a cell's background
 * counts: its values from `offset` (an option's or whole number's count, or
 * the three moments of `sums`), a record without an answer at `missing`, the
 * slot after them.
 */
export interface BackgroundSlots {
  readonly id: string;
  readonly summary: CompilationMeta['background'][number]['summary'];
  readonly offset: number;
  readonly missing: number;
}

/** @internal The slots of each background variable, in the plan's order, one block after the other. */
export function backgroundSlots(meta: Pick<CompilationMeta, 'background'>): BackgroundSlots[] {
  let offset = 0;
  return meta.background.map((b) => {
    const slots = { id: b.id, summary: b.summary, offset, missing: offset + valueCount(b) };
    offset = slots.missing + 1;
    return slots;
  });
}

/**
 * @internal Where one background variable counted by options is counted in a
 * cell's background-outcome counts: value v's {@link BACKGROUND_OUTCOME}
 * group at `offset + v · BACKGROUND_OUTCOME.length`, v = `values` (the last)
 * for a missing answer. `variable` is the variable's index in `meta.background`.
 */
export interface OutcomeSlots {
  readonly id: string;
  readonly variable: number;
  readonly offset: number;
  readonly values: number;
}

/** @internal The background-outcome slots of each variable counted by options (the only ones a breakdown can read). */
export function backgroundOutcomeSlots(meta: Pick<CompilationMeta, 'background'>): OutcomeSlots[] {
  let offset = 0;
  const out: OutcomeSlots[] = [];
  meta.background.forEach((b, variable) => {
    if (b.summary !== 'options') return;
    out.push({ id: b.id, variable, offset, values: b.options.length });
    offset += (b.options.length + 1) * BACKGROUND_OUTCOME.length;
  });
  return out;
}

/** @internal Where each dose's bands start in a cell's dose-outcome counts: band j of `measure` at `offset + j · DOSE_OUTCOME.length`. */
export function doseOutcomeSlots(meta: Pick<CompilationMeta, 'doseBands'>): { readonly measure: (typeof DOSE_MEASURES)[number]; readonly offset: number; readonly bands: number }[] {
  const sessions = meta.doseBands.sessions.length;
  return [
    { measure: 'sessions', offset: 0, bands: sessions },
    { measure: 'weeks', offset: sessions * DOSE_OUTCOME.length, bands: meta.doseBands.weeks.length },
  ];
}

/** @internal The widths per cell of the background, background-outcome and dose-outcome counters. */
export function backgroundWidths(meta: Pick<CompilationMeta, 'background' | 'doseBands'>): { background: number; backgroundOutcome: number; doseOutcome: number } {
  const last = backgroundSlots(meta).at(-1);
  const outcome = backgroundOutcomeSlots(meta).at(-1);
  return {
    background: last === undefined ? 0 : last.missing + 1,
    backgroundOutcome: outcome === undefined ? 0 : outcome.offset + (outcome.values + 1) * BACKGROUND_OUTCOME.length,
    doseOutcome: (meta.doseBands.sessions.length + meta.doseBands.weeks.length) * DOSE_OUTCOME.length,
  };
}

/** The index of the band a whole number falls in; dose bands start at 0, follow each other and end open, so every count ≥ 0 has one. */
function doseBandTable(bands: CompilationMeta['doseBands']['sessions']): (count: number) => number {
  return (count) => {
    for (let i = bands.length - 1; i >= 0; i--) if (count >= bands[i]!.from) return i;
    return 0;
  };
}

interface VariableFold {
  readonly summary: BackgroundSlots['summary'];
  readonly kind: CompilationMeta['background'][number]['kind'];
  readonly id: string;
  readonly offset: number;
  readonly missing: number;
  /** A category's codes → slot. */
  readonly codes: Map<string, number> | undefined;
  readonly bands: readonly { readonly from: number; readonly to?: number | undefined }[] | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly integer: boolean;
  readonly resolution: number;
  /** Where its outcome block starts, or −1 when it is not counted by options. */
  readonly outcome: number;
}

type Counts = { background: number[]; backgroundOutcome: number[]; doseOutcome: number[] };

/**
 * @internal The fold's part for background variables and dose against the
 * outcome, built once per plan. `read` notes a record's answers (or returns
 * the rule its answers break) without counting; `count` and `countOutcome`
 * add them, so that compile counts a record whole or not at all.
 */
export class BackgroundFold {
  private readonly vars: VariableFold[];
  private readonly slots: Int32Array;
  private readonly ks: Float64Array;
  private readonly sessionsBand: (n: number) => number;
  private readonly weeksBand: (n: number) => number;
  private readonly weeksOffset: number;
  private readonly w: ReturnType<typeof backgroundWidths>;
  /** The noted number of whole weeks from the start to the closing date, or −1. */
  private weeks = -1;

  constructor(plan: Plan, meta: CompilationMeta) {
    const slots = backgroundSlots(meta);
    const outcome = new Map(backgroundOutcomeSlots(meta).map((o) => [o.variable, o.offset]));
    this.vars = meta.background.map((b, i) => {
      const variable = plan.background[i]!;
      const s = slots[i]!;
      return {
        summary: b.summary,
        kind: b.kind,
        id: b.id,
        offset: s.offset,
        missing: s.missing,
        codes: b.kind === 'category' ? new Map(b.options.map((o, j) => [o.code, s.offset + j])) : undefined,
        bands: b.bands,
        min: variable.kind === 'number' ? variable.min : undefined,
        max: variable.kind === 'number' ? variable.max : undefined,
        integer: variable.kind === 'number' ? variable.integer : true,
        resolution: b.resolution ?? 1,
        outcome: outcome.get(i) ?? -1,
      };
    });
    this.slots = new Int32Array(this.vars.length);
    this.ks = new Float64Array(this.vars.length);
    this.sessionsBand = doseBandTable(meta.doseBands.sessions);
    this.weeksBand = doseBandTable(meta.doseBands.weeks);
    this.weeksOffset = doseOutcomeSlots(meta)[1]!.offset;
    this.w = backgroundWidths(meta);
  }

  /** Notes each variable's slot (and a sum's k); the first rule an answer breaks, or undefined. */
  read(answers: Readonly<Record<string, unknown>> | undefined): Rule | undefined {
    for (let i = 0; i < this.vars.length; i++) {
      const v = this.vars[i]!;
      const value = answers?.[v.id];
      if (value === undefined) {
        this.slots[i] = v.missing;
        continue;
      }
      if (v.kind === 'category') {
        const slot = typeof value === 'string' ? v.codes!.get(value) : undefined;
        if (slot === undefined) return 'unknown_code';
        this.slots[i] = slot;
        continue;
      }
      if (v.kind === 'boolean') {
        if (typeof value !== 'boolean') return 'type';
        this.slots[i] = value ? v.offset : v.offset + 1;
        continue;
      }
      if (typeof value !== 'number') return 'type';
      if (!Number.isFinite(value)) return 'finite';
      if (v.integer && !Number.isInteger(value)) return 'integer';
      if (v.min !== undefined && value < v.min) return 'min';
      if (v.max !== undefined && value > v.max) return 'max';
      if (v.summary === 'options') {
        const band = numberBandIndex(v.bands as NumberBand[], value);
        if (band < 0) return 'outside_bands';
        this.slots[i] = v.offset + band;
      } else if (v.summary === 'histogram') {
        this.slots[i] = v.offset + (value - v.min!);
      } else {
        this.slots[i] = v.offset;
        this.ks[i] = v.resolution === 1 ? value : Math.round(value / v.resolution);
      }
    }
    return undefined;
  }

  /** Notes a closed record's whole weeks from the start to the closing date (`days` between their day numbers); `date_order` when it closed before it started. */
  readClosing(days: number): Rule | undefined {
    if (!(days >= 0)) return 'date_order';
    this.weeks = Math.floor(days / 7);
    return undefined;
  }

  /** Counts the noted answers of a record that started. */
  count(counts: Counts, cell: number): void {
    const array = counts.background;
    const base = cell * this.w.background;
    for (let i = 0; i < this.vars.length; i++) {
      const slot = this.slots[i]!;
      const at = base + slot;
      if (this.vars[i]!.summary === 'sums' && slot !== this.vars[i]!.missing) {
        const k = this.ks[i]!;
        array[at] = array[at]! + 1;
        array[at + 1] = array[at + 1]! + k;
        array[at + 2] = array[at + 2]! + k * k;
      } else {
        array[at] = array[at]! + 1;
      }
    }
  }

  /**
   * Counts a classified record's outcome against its background values and
   * its dose: attainment level and goal status per value, and level and the
   * change's grid index per band of sessions attended and of weeks.
   */
  countOutcome(counts: Counts, cell: number, level: number, goal: number, attended: number, changeK: number): void {
    const outcome = counts.backgroundOutcome;
    const base = cell * this.w.backgroundOutcome;
    const G = BACKGROUND_OUTCOME.length;
    for (let i = 0; i < this.vars.length; i++) {
      const v = this.vars[i]!;
      if (v.outcome < 0) continue;
      const value = this.slots[i]! - v.offset;
      const at = base + v.outcome + value * G;
      outcome[at + level] = outcome[at + level]! + 1;
      outcome[at + OUTCOME_GOAL_AT + goal] = outcome[at + OUTCOME_GOAL_AT + goal]! + 1;
    }
    const dose = counts.doseOutcome;
    const D = DOSE_OUTCOME.length;
    const doseBase = cell * this.w.doseOutcome;
    this.countBand(dose, doseBase + this.sessionsBand(attended) * D, level, changeK);
    this.countBand(dose, doseBase + this.weeksOffset + this.weeksBand(this.weeks) * D, level, changeK);
  }

  private countBand(dose: number[], at: number, level: number, k: number): void {
    const m = at + DOSE_MOMENTS_AT;
    dose[at + level] = dose[at + level]! + 1;
    dose[m] = dose[m]! + 1;
    dose[m + 1] = dose[m + 1]! + k;
    dose[m + 2] = dose[m + 2]! + k * k;
  }
}
