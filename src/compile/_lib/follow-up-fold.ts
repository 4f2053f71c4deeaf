/**
 * Follow-up attrition (*bortfall vid efteruppföljningen*) in compile's record
 * loop: for each of the plan's follow-up points, every record closed in the
 * results is counted once per point as reached, not reached, declined, or
 * with no follow-up recorded (missing), so that per cell and point
 * reached + not_reached + declined + missing = closed.
 */
import type { Rule } from '../../core/issue.js';
import { dayNumber, dayNumberPlusMonths } from '../../core/dates.js';
import type { ClientRecord } from '../../record/schema.js';
import type { CompilationMeta } from '../meta.js';
import { Codes, fillSlots, hasOwnKeys } from './loop.js';

/**
 * How a closed client stands at a follow-up point, as counted by compile:
 * reached, could not be reached, declined, or no follow-up recorded.
 *
 * @example
 * ```ts
 * FOLLOW_UP_STATUSES;
 * // => ['reached', 'not_reached', 'declined', 'missing']
 * ```
 */
export const FOLLOW_UP_STATUSES = ['reached', 'not_reached', 'declined', 'missing'] as const;
const MISSING = 3;
/** The statuses a follow-up may record, at their indices in FOLLOW_UP_STATUSES. */
const STATUSES = new Codes(FOLLOW_UP_STATUSES.slice(0, MISSING));

interface Point {
  readonly id: string;
  readonly monthsAfter: number;
  readonly windowDays: number;
}

/**
 * The day number of a closing date plus whole calendar months, the last day
 * of the month when the day does not exist in it: the same rule as
 * `followUpWindow` (date-fns `addMonths`), in integers for the record loop
 * (tests/follow-up/attrition.test.ts checks the two agree).
 */
export function targetDay(closed: string, months: number): number {
  return dayNumberPlusMonths(closed, months);
}

/** @internal The fold of the follow-up attrition counters. */
export class FollowUpFold {
  private readonly points: readonly Point[];
  private readonly index: Codes;
  private readonly status: Int8Array;
  private readonly width: number;
  private counting = false;
  readonly empty: boolean;

  constructor(
    meta: CompilationMeta,
    private readonly counts: number[],
  ) {
    this.points = meta.followUps;
    this.index = new Codes(this.points.map((p) => p.id));
    this.status = new Int8Array(this.points.length);
    this.width = this.points.length * FOLLOW_UP_STATUSES.length;
    this.empty = this.points.length === 0;
  }

  /**
   * Reads a started record's follow-ups: each names a plan point once, with
   * a status, dated in its window (a reached one inside it, another not
   * before it opens, none before the closing date), and only on a record
   * closed in the results (`closingDay`: the day number of its closing
   * date). The first rule broken, or undefined.
   */
  read(r: ClientRecord, closed: boolean, closingDay: number): Rule | undefined {
    fillSlots(this.status, MISSING);
    this.counting = closed;
    const list = (r as { readonly followUps?: unknown }).followUps;
    if (list === undefined || list === null) return undefined;
    if (!Array.isArray(list)) return 'type';
    if (list.length === 0) return undefined;
    if (!closed) return 'step_order';
    const closing = r.after!.date;
    for (let j = 0; j < list.length; j++) {
      const f = list[j] as { readonly point?: unknown; readonly status?: unknown; readonly date?: unknown; readonly measures?: unknown } | null;
      if (f === null || typeof f !== 'object' || typeof f.date !== 'string') return 'type';
      const i = this.index.indexOf(f.point);
      if (i < 0) return 'unknown_code';
      if (this.status[i] !== MISSING) return 'duplicate';
      const s = STATUSES.indexOf(f.status);
      if (s < 0) return 'one_of';
      const day = dayNumber(f.date);
      if (!(day >= closingDay)) return 'date_order';
      const point = this.points[i]!;
      const target = targetDay(closing, point.monthsAfter);
      const start = Math.max(closingDay, target - point.windowDays);
      if (day < start || (s === 0 && day > target + point.windowDays)) return 'outside_window';
      if (s !== 0 && f.measures !== undefined && f.measures !== null && hasOwnKeys(f.measures)) return 'measured_not_reached';
      this.status[i] = s;
    }
    return undefined;
  }

  /** Counts the noted statuses of a record closed in the results, one per point. */
  count(cell: number): void {
    if (!this.counting) return;
    const base = cell * this.width;
    for (let i = 0; i < this.points.length; i++) {
      const at = base + i * FOLLOW_UP_STATUSES.length + this.status[i]!;
      this.counts[at] = this.counts[at]! + 1;
    }
  }
}
