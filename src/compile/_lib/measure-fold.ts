import type { Rule } from '../../core/issue.js';
import type { ClientRecord } from '../../record/schema.js';
import type { CompilationMeta } from '../meta.js';
import { Codes, fillSlots, hasOwnKeys, inc, isPlain, moments, noPrototypeNames } from './loop.js';
import { CHANGE_DIRECTIONS, PHASE_AFTER, PHASE_BEFORE, RELIABLE_CHANGE_CLASSES, measureLayout, type MeasureMeta } from '../measure-meta.js';

/** @internal A grid index the record does not have. */
export const ABSENT = -1;
/** @internal A value that is not on the instrument's scale. */
export const OFF_SCALE = -2;

/**
 * @internal The grid index k = (value − min) / step of a value on a scale of
 * `bins` grid points: ABSENT when the value is absent, OFF_SCALE when it is
 * not a number on the grid (compile's one reading of a measurement).
 */
export function gridIndexOf(value: unknown, min: number, step: number, bins: number): number {
  if (value === undefined) return ABSENT;
  if (typeof value !== 'number') return OFF_SCALE;
  if (step === 1) {
    // A scale of whole steps (most instruments): a value on the grid needs no division. Off it, the general test below decides.
    const k = value - min;
    if (k === Math.floor(k)) return k >= 0 && k < bins ? k : OFF_SCALE;
  }
  const k = (value - min) / step;
  const r = Math.round(k);
  if (!(Math.abs(k - r) < 1e-9) || r < 0 || r >= bins) return OFF_SCALE;
  return r;
}

const IMPROVED = CHANGE_DIRECTIONS.indexOf('improved');
const UNCHANGED = CHANGE_DIRECTIONS.indexOf('unchanged');
const WORSENED = CHANGE_DIRECTIONS.indexOf('worsened');
const RECOVERED = RELIABLE_CHANGE_CLASSES.indexOf('recovered');
const RELIABLY_IMPROVED = RELIABLE_CHANGE_CLASSES.indexOf('improved');
const NOT_RELIABLE = RELIABLE_CHANGE_CLASSES.indexOf('unchanged');
const DETERIORATED = RELIABLE_CHANGE_CLASSES.indexOf('deteriorated');

/** A follow-up measurement, as far as compile reads it (the record field `followUps`). */
interface FollowUpLike {
  readonly point?: unknown;
  readonly status?: unknown;
  readonly measures?: Readonly<Record<string, unknown>>;
}

/** One instrument, compiled for the loop: its scale and, per phase and change, its slots. */
interface Instrument {
  readonly id: string;
  readonly min: number;
  readonly step: number;
  readonly bins: number;
  readonly hist: boolean;
  /** +1 when higher is better, −1 when lower is. */
  readonly sign: number;
  /** The minimal important change, in steps. */
  readonly micK: number;
  /** S_diff of the reliable change index (√2 · sd · √(1 − r)), or 0 without reliable change. */
  readonly sDiff: number;
  readonly criterion: number;
  readonly cutoff: number;
  /** Index into the record's phase values of the measurement before (for the changes), or −1. */
  readonly beforeValue: number;
  /** The phase-value index of each phase; which one is `after`, and per follow-up point. */
  readonly phaseValue: readonly number[];
}

/**
 * @internal The measure blocks' part of compile's fold: every instrument at
 * every phase it is measured (before, after, each follow-up point), the
 * paired change from before to each later phase, its direction by the
 * minimal important change and, where the instrument has a reliability and
 * clinical norms, Jacobson and Truax's class. Read and count are separate,
 * as in `Folder`, so a record with a value off an instrument's scale at any
 * phase is rejected whole (`out_of_range`) before anything is counted.
 */
export class MeasureFold {
  private readonly instruments: Instrument[];
  /** Per phase value: the instrument's id, its index and where the value is counted (phase slots). */
  private readonly values: { readonly instrument: number; readonly offset: number; readonly hist: boolean; readonly moments: number }[];
  /** The phase-value indexes read from `before.measures`, from `after.measures`, and per follow-up point. */
  private readonly beforeValues: number[] = [];
  private readonly afterValues: number[] = [];
  /** Every follow-up point of the plan, also those with no measure (nothing of them is counted here). */
  private readonly planPoints: Codes;
  /** Per follow-up point (by its index in the plan), the phase-value indexes read from it: empty for a point with no measure. */
  private readonly pointValues: number[][];
  /** Per follow-up point, the stamp of the record that last named it. */
  private readonly pointSeen: Int32Array;
  /** The changes: instrument, the phase value it pairs with before, and its slots. */
  private readonly changes: {
    readonly instrument: number;
    readonly value: number;
    readonly offset: number;
    readonly hist: boolean;
    readonly moments: number;
    readonly before: number;
    readonly direction: number;
    readonly reliable: number;
  }[] = [];
  /** The grid index of every value slot for the record being read (ABSENT when it has none). */
  private readonly k: Int32Array;
  /** The before grid index of instruments whose before is not a counted phase (the primary's). */
  private readonly kBefore: Int32Array;
  /** The instruments' ids, for the one pass over a measurements object's keys. */
  private readonly ids: Codes;
  /** Whether a measurements object may be read in one for-in pass (no instrument is named like a property of `Object.prototype`). */
  private readonly plainKeys: boolean;
  /** Per instrument: its phase-value index after closing, or −1 when it is not measured there. */
  private readonly afterAt: Int32Array;
  /** Per follow-up point, per instrument: its phase-value index at the point, or −1. */
  private readonly pointAt: Int32Array[];
  private readonly phaseWidth: number;
  private readonly changeWidth: number;
  private readonly phaseCounts: number[];
  private readonly changeCounts: number[];
  private stamp = 0;

  constructor(meta: CompilationMeta, points: readonly string[], phaseCounts: number[], changeCounts: number[]) {
    this.planPoints = new Codes(points);
    this.pointValues = points.map(() => []);
    this.pointSeen = new Int32Array(points.length);
    const layout = measureLayout(meta.measures);
    this.phaseWidth = layout.phaseWidth;
    this.changeWidth = layout.changeWidth;
    this.phaseCounts = phaseCounts;
    this.changeCounts = changeCounts;
    this.values = [];
    this.instruments = meta.measures.map((m: MeasureMeta, i) => {
      const phaseValue = layout.phases[i]!.map((slots) => {
        const value = this.values.length;
        this.values.push({ instrument: i, offset: slots.offset, hist: slots.hist > 0, moments: slots.moments });
        if (slots.phase === PHASE_BEFORE) this.beforeValues.push(value);
        else if (slots.phase === PHASE_AFTER) this.afterValues.push(value);
        else this.pointValues[this.planPoints.indexOf(slots.phase)]!.push(value);
        return value;
      });
      const beforeAt = m.phases.findIndex((p) => p.id === PHASE_BEFORE);
      const rc = m.reliableChange;
      return {
        id: m.id,
        min: m.min,
        step: m.step,
        bins: m.bins,
        hist: m.histogram,
        sign: m.direction === 'higher_is_better' ? 1 : -1,
        micK: m.minimalChange / m.step,
        sDiff: rc ? Math.SQRT2 * rc.sd * Math.sqrt(1 - rc.reliability) : 0,
        criterion: rc ? rc.criterion : 0,
        cutoff: rc ? rc.cutoff : 0,
        beforeValue: beforeAt < 0 ? -1 : phaseValue[beforeAt]!,
        phaseValue,
      };
    });
    for (const [i, m] of meta.measures.entries()) {
      for (const slots of layout.changes[i]!) {
        const value = this.instruments[i]!.phaseValue[m.phases.findIndex((p) => p.id === slots.phase)]!;
        this.changes.push({
          instrument: i,
          value,
          offset: slots.offset,
          hist: slots.hist > 0,
          moments: slots.moments,
          before: slots.before,
          direction: slots.direction,
          reliable: slots.reliable,
        });
      }
    }
    this.k = new Int32Array(this.values.length).fill(ABSENT);
    this.kBefore = new Int32Array(this.instruments.length).fill(ABSENT);
    this.ids = new Codes(this.instruments.map((m) => m.id));
    this.plainKeys = noPrototypeNames(this.instruments.map((m) => m.id));
    const valueAt = (list: readonly number[]) => {
      const at = new Int32Array(this.instruments.length).fill(-1);
      for (const v of list) at[this.values[v]!.instrument] = v;
      return at;
    };
    this.afterAt = valueAt(this.afterValues);
    this.pointAt = this.pointValues.map(valueAt);
  }

  /** Whether the plan has any measure block at all (else compile skips this fold). */
  get empty(): boolean {
    return this.values.length === 0;
  }

  /** Grid index of a value on an instrument's scale, ABSENT if absent, OFF_SCALE if off it. */
  private grid(instrument: Instrument, value: unknown): number {
    return gridIndexOf(value, instrument.min, instrument.step, instrument.bins);
  }

  /**
   * Reads one measurements object into the phase values `at` lists (per
   * instrument, its value index or −1); false when one is off its scale.
   * A plain object is read in one pass over the keys it has, keys of no
   * instrument ignored (as by name); anything else by name.
   */
  private readInto(at: Int32Array, measures: unknown): boolean {
    if (measures === undefined || measures === null) return true;
    if (this.plainKeys && typeof measures === 'object' && isPlain(measures)) {
      const values = measures as Readonly<Record<string, unknown>>;
      for (const key in values) {
        const i = this.ids.indexOf(key);
        if (i < 0) continue;
        const v = at[i]!;
        if (v < 0) continue;
        const k = this.grid(this.instruments[i]!, values[key]);
        if (k === OFF_SCALE) return false;
        this.k[v] = k;
      }
      return true;
    }
    for (let i = 0; i < this.instruments.length; i++) {
      const v = at[i]!;
      if (v < 0) continue;
      const k = this.grid(this.instruments[i]!, (measures as Readonly<Record<string, unknown>>)[this.instruments[i]!.id]);
      if (k === OFF_SCALE) return false;
      this.k[v] = k;
    }
    return true;
  }

  /** Reads the before measurements: every instrument's before value (for the changes), and the counted before phases. False when one is off its scale. */
  private readBefore(measures: unknown): boolean {
    fillSlots(this.kBefore, ABSENT);
    if (measures === undefined || measures === null) return true;
    const byKeys = this.plainKeys && typeof measures === 'object' && isPlain(measures);
    const values = measures as Readonly<Record<string, unknown>>;
    if (byKeys) {
      for (const key in values) {
        const i = this.ids.indexOf(key);
        if (i >= 0 && !this.noteBefore(i, values[key])) return false;
      }
      return true;
    }
    for (let i = 0; i < this.instruments.length; i++) if (!this.noteBefore(i, values[this.instruments[i]!.id])) return false;
    return true;
  }

  /** Notes instrument i's before value, in its before phase too when it has one; false when it is off its scale. */
  private noteBefore(i: number, value: unknown): boolean {
    const instrument = this.instruments[i]!;
    const k = this.grid(instrument, value);
    if (k === OFF_SCALE) return false;
    this.kBefore[i] = k;
    if (instrument.beforeValue >= 0) this.k[instrument.beforeValue] = k;
    return true;
  }

  /**
   * Reads a started record's measurements: before, after when the record is
   * closed (not withdrawn), and at each follow-up point it reached. The first
   * rule the record breaks, or undefined when every value is noted.
   */
  read(r: ClientRecord, closed: boolean): Rule | undefined {
    fillSlots(this.k, ABSENT);
    if (!this.readBefore(r.before?.measures)) return 'out_of_range';
    if (closed && !this.readInto(this.afterAt, r.after?.measures)) return 'out_of_range';
    const followUps = r.followUps as unknown;
    if (followUps === undefined || followUps === null) return undefined;
    if (!Array.isArray(followUps)) return 'type';
    if (followUps.length === 0) return undefined;
    this.stamp++;
    for (let j = 0; j < followUps.length; j++) {
      const f = followUps[j] as FollowUpLike | null;
      if (f === null || typeof f !== 'object') return 'type';
      const point = this.planPoints.indexOf(f.point);
      if (point < 0) return 'unknown_code';
      const list = this.pointValues[point]!;
      // A point the plan has, but without a measure: nothing of it is counted here.
      if (list.length === 0) continue;
      if (this.pointSeen[point] === this.stamp) return 'duplicate';
      this.pointSeen[point] = this.stamp;
      // Follow-up points are counted for records closed in the results only, the ones due for them.
      if (!closed) return 'step_order';
      if (f.status !== 'reached') {
        if (f.measures !== undefined && f.measures !== null && hasOwnKeys(f.measures)) return 'measured_not_reached';
        continue;
      }
      if (!this.readInto(this.pointAt[point]!, f.measures)) return 'out_of_range';
    }
    return undefined;
  }

  /** Counts the noted values and changes in a cell. */
  count(cell: number): void {
    const phases = this.phaseCounts;
    const base = cell * this.phaseWidth;
    for (let v = 0; v < this.values.length; v++) {
      const k = this.k[v]!;
      if (k < 0) continue;
      const slots = this.values[v]!;
      if (slots.hist) inc(phases, base + slots.offset + k, 1);
      moments(phases, base + slots.moments, k);
    }
    const changes = this.changeCounts;
    const cbase = cell * this.changeWidth;
    for (let j = 0; j < this.changes.length; j++) {
      const change = this.changes[j]!;
      const kb = this.kBefore[change.instrument]!;
      const ka = this.k[change.value]!;
      if (kb < 0 || ka < 0) continue;
      const instrument = this.instruments[change.instrument]!;
      const index = ka - kb + instrument.bins - 1;
      if (change.hist) inc(changes, cbase + change.offset + index, 1);
      moments(changes, cbase + change.moments, index);
      moments(changes, cbase + change.before, kb);
      const improvement = (ka - kb) * instrument.sign;
      const direction = improvement >= instrument.micK - 1e-9 ? IMPROVED : improvement <= -instrument.micK + 1e-9 ? WORSENED : UNCHANGED;
      inc(changes, cbase + change.direction + direction, 1);
      if (change.reliable >= 0) inc(changes, cbase + change.reliable + this.reliableClass(instrument, kb, ka), 1);
    }
  }

  /**
   * Jacobson and Truax's class of one change, as `classifyIndividualChange`
   * computes it: reliable when |after − before| / S_diff exceeds the
   * criterion; recovered when a reliable improvement also went from the
   * clinical side of the cut-off (or on it) to strictly the functional side.
   */
  private reliableClass(instrument: Instrument, kb: number, ka: number): number {
    const before = instrument.min + kb * instrument.step;
    const after = instrument.min + ka * instrument.step;
    const rci = (after - before) / instrument.sDiff;
    if (!(Math.abs(rci) > instrument.criterion)) return NOT_RELIABLE;
    const better = instrument.sign;
    if (rci * better < 0) return DETERIORATED;
    const c = instrument.cutoff;
    return (before - c) * better <= 0 && (after - c) * better > 0 ? RECOVERED : RELIABLY_IMPROVED;
  }
}
