import type { Plan } from '../plan/plan.js';
import { planInstrument } from '../plan/plan.js';
import type { ClientRecord } from '../record/schema.js';
import { issue, type Rule } from '../core/issue.js';
import type { Compilation } from './schema.js';
import { throwIfAny, typeName } from '../core/args.js';
import { planArg } from '../plan/plan.js';
import { dayNumber } from '../core/dates.js';
import { ageBandTable } from '../plan/bands.js';
import { goalStatus } from '../after/classify.js';
import { RecordIdentities } from './_lib/identity.js';
import { UNCLASSIFIED_COLUMN, ViewFolder } from './_lib/views.js';
import {
  CLOSING_REASONS,
  COUNTERS,
  DOSE_AT,
  FLOW_AT,
  GOAL_AT,
  LEVEL_AT,
  MOMENT_AT,
  SUM_AT,
  UNCLASSIFIED_AT,
  WEEK,
  WEEK_AT,
  WITHDRAWAL_STAGE_AT,
  WITHDRAWAL_REASONS,
  WITHDRAWAL_STAGES,
  WITHDRAWAL_WEEKS,
  describe,
  duringSlots,
  noChangeIndex,
  noGoalArea,
  widths,
  type CompilationMeta,
  type CounterName,
  type DuringSlots,
} from './layout.js';
import { followUpPoints } from './measure-meta.js';
import { FollowUpFold } from './_lib/follow-up-fold.js';
import { ABSENT, MeasureFold, OFF_SCALE, gridIndexOf } from './_lib/measure-fold.js';
import { cellCount } from './dims.js';
import { BackgroundFold } from './_lib/background.js';
import { Codes, inc } from './_lib/loop.js';

type MutableCounts = { [K in CounterName]: number[] };

/**
 * An empty compilation for a plan: the identity of {@link mergeCompilations}.
 *
 * @param plan - a validated plan (as {@link parsePlan} returns it)
 * @returns a compilation with every count zero
 * @throws UppfoljningError when `plan` is not a valid plan (path `plan.…`)
 *
 * @example
 * ```ts
 * emptyCompilation(plan).invalid.total;
 * // => 0
 * ```
 */
export function emptyCompilation(plan: Plan): Compilation {
  const { value: checked, issues } = planArg(plan);
  throwIfAny(issues);
  return emptyFor(checked);
}

/** {@link emptyCompilation} for a plan already checked. */
function emptyFor(plan: Plan): Compilation {
  const meta = describe(plan);
  const cells = cellCount(meta.dims);
  const w = widths(meta);
  const counts = {} as MutableCounts;
  for (const name of COUNTERS) counts[name] = new Array<number>(cells * w[name]).fill(0);
  return { format: 'uppfoljning.compilation', version: 1, meta, cells, counts, invalid: { total: 0, byRule: {} } };
}

// ABSENT: a slot, grid index or reason the record does not have (never counted);
// OFF_SCALE: the grid index of a value that is not on its measure's scale.
/** In `withdrawAs`: the closing reason closes the record instead of withdrawing the client. */
const CLOSES = -2;

/**
 * The per-record fold, compiled once per plan: category codes become array
 * offsets, and every slot of the layout is worked out here, so the loop over
 * records does no string building and no allocation beyond small scratch
 * buffers.
 *
 * {@link Folder.add} runs in two phases of named stages. The read stages
 * (`readCell`, `readNotStarted`, `readBefore`, `readDuring`, `readExit`,
 * `classify`) check what compile needs and note, in the fields below, every
 * slot the record touches, changing no count, so that a record is counted
 * whole or not at all; the first rule broken rejects it. The count stages
 * (`countFlow`, `countWithdrawal`, `countPrimary`, `countClosing`,
 * `countBaseline`, `countDose`, `countDuringWeeks`) then add to the counter
 * arrays at the layout's named slots. The stages are methods over fields set
 * once per plan, so they close over the layout once and V8 inlines them into
 * `add` (see docs/architecture.md for the measured cost).
 */
class Folder {
  private readonly planId: string;
  private readonly ageTable: Int16Array;
  private readonly genders: Codes;
  private readonly interventions: Codes;
  private readonly G: number;
  private readonly I: number;
  /** Periods in the cell: the plan's, or 1 (the whole period). A compilation has one unit, index 0. */
  private readonly P: number;
  /** Each period's last day, in time order, when the plan divides its period; undefined when it does not. */
  private readonly periodTo: readonly string[] | undefined;
  /** The first day of the first period. */
  private readonly periodFrom: string;
  private readonly w: ReturnType<typeof widths>;
  private readonly c: MutableCounts;
  readonly invalid: Partial<Record<Rule, number>> = {};
  invalidTotal = 0;

  private readonly primaryId: string;
  private readonly pMin: number;
  private readonly pStep: number;
  private readonly bins: number;
  private readonly hist: boolean;
  /** The change-grid index of no change ({@link noChangeIndex}). */
  private readonly noChange: number;
  private readonly sign: number;
  private readonly micK: number;
  private readonly goalRule: Plan['goalRule'];
  /** For the assessed goal rule: whether all goals must be met; undefined for other rules. */
  private readonly assessedAll: boolean | undefined;
  private readonly direction: 'higher_is_better' | 'lower_is_better';
  private readonly withdrawalReason: Codes;
  private readonly closingReason: Codes;
  /** Per closing reason: the withdrawal reason it withdraws the client with (the plan's `withdrawOn`), or CLOSES. */
  private readonly withdrawAs: Int8Array;
  private readonly mainProblems: Codes;
  private readonly goalAreas: Codes;
  /** The goal-area slot of a goal without an area. */
  private readonly noArea: number;
  /** Background answers of every kind, and dose against the outcome (compile/_lib/background.ts). */
  private readonly background: BackgroundFold;
  private readonly during: Map<string, DuringSlots & { min: number; step: number; max: number }>;
  /** Every instrument at every phase, and the paired changes (measure-fold.ts); undefined when the plan has none. */
  private readonly measures: MeasureFold | undefined;
  /** Who was reached at each follow-up point (follow-up-fold.ts); undefined when the plan has none. */
  private readonly followUps: FollowUpFold | undefined;
  private readonly views: ViewFolder;

  // Scratch: counter slots for one record's during-measures, and the stamp
  // that marks (measure, week) slots already counted for this record.
  private slots = new Int32Array(64);
  private kvals = new Float64Array(64);
  // Scratch: each goal's area slot, found once while reading the record.
  private areas = new Int32Array(16);
  private readonly seen: Int32Array;
  private stamp = 0;

  /** The records already counted, by identity (client, intervention, enrolment date), for this call only. */
  private readonly identities: RecordIdentities | undefined;

  // What the record being added counts, noted by the read stages.
  private cell = 0;
  /** The record's intervention index, for its identity. */
  private intervention = 0;
  /** Whether the record has a before step (started); without one only selected and a withdrawal are counted. */
  private started = false;
  private kb = ABSENT;
  private ka = ABSENT;
  private mainProblem = 0;
  private nGoals = 0;
  private goals: readonly { readonly target?: number | undefined }[] = [];
  private nSlots = 0;
  private attended = 0;
  private missed = 0;
  private deviations = 0;
  private withdrawnReason = ABSENT;
  private withdrawnStage = 0;
  private withdrawnWeek = ABSENT;
  private closing = ABSENT;
  /** The closing date's day number, when the record is closed. */
  private closingDay = 0;
  private level = ABSENT;
  private goal = ABSENT;
  private unclassified = ABSENT;

  /** `uniqueIds`: the caller has already refused a second record of any client id, so no identity can repeat and none is held. */
  constructor(plan: Plan, meta: CompilationMeta, counts: MutableCounts, uniqueIds = false) {
    this.planId = plan.id;
    this.identities = uniqueIds ? undefined : new RecordIdentities(meta.dims.interventions.length);
    this.ageTable = ageBandTable(plan.grouping.ageBands);
    this.genders = new Codes(meta.dims.genders.map((g) => g.code));
    this.interventions = new Codes(meta.dims.interventions.map((x) => x.code));
    this.G = meta.dims.genders.length;
    this.I = meta.dims.interventions.length;
    const periods = meta.dims.periods;
    this.P = periods.length;
    const bounded = periods[0]!.from !== undefined;
    this.periodTo = bounded ? periods.map((x) => x.to!) : undefined;
    this.periodFrom = bounded ? periods[0]!.from! : '';
    this.w = widths(meta);
    this.c = counts;
    const p = meta.primary;
    this.primaryId = p.id;
    this.pMin = p.min;
    this.pStep = p.step;
    this.bins = p.bins;
    this.hist = p.histogram;
    this.noChange = noChangeIndex(p.bins);
    this.sign = p.direction === 'higher_is_better' ? 1 : -1;
    this.micK = p.minimalChange / p.step;
    this.goalRule = plan.goalRule;
    this.assessedAll = plan.goalRule.kind === 'assessed' ? plan.goalRule.combine === 'all' : undefined;
    this.direction = p.direction;
    this.withdrawalReason = new Codes(WITHDRAWAL_REASONS);
    this.closingReason = new Codes(CLOSING_REASONS);
    const withdrawOn = new Set<string>(plan.withdrawOn);
    this.withdrawAs = Int8Array.from(CLOSING_REASONS, (r) => (withdrawOn.has(r) ? this.withdrawalReason.indexOf(r) : CLOSES));
    this.mainProblems = new Codes(meta.mainProblems.map((x) => x.code));
    this.goalAreas = new Codes(meta.goalAreas.map((x) => x.code));
    this.noArea = noGoalArea(meta);
    this.background = new BackgroundFold(plan, meta);
    this.during = new Map();
    for (const [i, slots] of duringSlots(meta).entries()) {
      const d = meta.during[i]!;
      // The highest grid index on the measure's scale: a value above it (e.g.
      // a binary test of 2) is off the scale and the record is invalid.
      const instrument = planInstrument(plan, d.instrumentId)!;
      const max = Math.round((instrument.range.max - d.min) / d.step);
      this.during.set(d.id, { ...slots, min: d.min, step: d.step, max });
    }
    this.seen = new Int32Array(Math.max(1, this.w.during / WEEK.length));
    const measures = new MeasureFold(meta, followUpPoints(plan).map((p) => p.id), counts.measures, counts.measureChanges);
    this.measures = measures.empty ? undefined : measures;
    const followUps = new FollowUpFold(meta, counts.followUps);
    this.followUps = followUps.empty ? undefined : followUps;
    this.views = new ViewFolder(meta.views);
  }

  private reject(rule: Rule): void {
    this.invalidTotal += 1;
    this.invalid[rule] = (this.invalid[rule] ?? 0) + 1;
  }

  /** Grid index of a value on the primary scale, ABSENT if absent, OFF_SCALE if off the scale. */
  private gridIndex(value: unknown): number {
    return gridIndexOf(value, this.pMin, this.pStep, this.bins);
  }

  /**
   * The goal status as an index into GOAL_STATUSES (ABSENT: assessment missing).
   * The assessed rule, by far the most common, is inlined; the others share
   * `goalStatus` with `classify`, so the two cannot disagree.
   */
  private goalIndex(
    goals: readonly { readonly target?: number | undefined }[],
    met: readonly boolean[] | undefined,
    before: number,
    after: number,
  ): number {
    if (this.assessedAll !== undefined) {
      if (goals.length === 0) return GOAL_AT.no_goal;
      if (met === undefined || met.length !== goals.length) return ABSENT;
      let all = true;
      let any = false;
      for (let i = 0; i < met.length; i++) {
        if (met[i]) any = true;
        else all = false;
      }
      return (this.assessedAll ? all : any) ? GOAL_AT.met : GOAL_AT.not_met;
    }
    const status = goalStatus(this.goalRule, this.direction, goals, met, before, after);
    return status === undefined ? ABSENT : GOAL_AT[status];
  }

  /** The week slot (0-based, capped at WITHDRAWAL_WEEKS) of a date after the start; ABSENT if before it or not a date. */
  private weekOf(start: string, date: string): number {
    const days = dayNumber(date) - dayNumber(start);
    if (!(days >= 0)) return ABSENT;
    const week = Math.floor(days / 7);
    return week < WITHDRAWAL_WEEKS ? week : WITHDRAWAL_WEEKS;
  }

  /** Counts one record whole, or, when it breaks a rule compile relies on, counts it in `invalid` by that rule. */
  add(r: ClientRecord): void {
    const rule = this.read(r);
    if (rule !== undefined) this.reject(rule);
    // A record is counted once: a further copy of one already counted is reported, not counted.
    else if (this.identities?.seen(this.intervention, r.clientId, r.enrolled as unknown) === true) this.reject('duplicate_record');
    else this.count();
  }

  // ---- Phase 1: read. Shapes compile relies on; anything else is garbage,
  // counted by its rule, never a crash.

  /** The first rule the record breaks, or undefined when every slot it touches is noted. */
  private read(r: ClientRecord): Rule | undefined {
    if (r === null || typeof r !== 'object') return 'type';
    const placed = this.readCell(r);
    if (placed !== undefined) return placed;
    const b = r.before;
    if (!b) return this.readNotStarted(r);
    if (typeof b !== 'object' || typeof b.date !== 'string') return 'type';
    this.started = true;
    return (
      this.readBefore(b) ??
      this.readDuring(r.during, b.date) ??
      this.readExit(r.withdrawal, r.after, b.date) ??
      this.classify(r.after) ??
      this.followUps?.read(r, this.closing >= 0, this.closingDay) ??
      this.measures?.read(r, this.closing >= 0) ??
      this.readViews(r)
    );
  }

  /** A closed record's answers to the questionnaire, at closing and at the follow-up points it was reached at. */
  private readViews(r: ClientRecord): Rule | undefined {
    if (!this.views.active || this.closing < 0) return undefined;
    return this.views.read(r.after, (r as { followUps?: unknown }).followUps);

  }

  /** The record's cell: age band × gender × intervention × unit × period. */
  private readCell(r: ClientRecord): Rule | undefined {
    if (r.planId !== this.planId) return 'plan_mismatch';
    const ii = this.interventions.indexOf(r.intervention);
    const gi = this.genders.indexOf(r.gender);
    if (ii < 0 || gi < 0) return 'unknown_code';
    this.intervention = ii;
    const age = r.age;
    const ai = typeof age === 'number' && age >= 0 && age <= 130 && Number.isInteger(age) ? this.ageTable[age]! : ABSENT;
    if (ai < 0) return 'outside_age_bands';
    let pi = 0;
    if (this.periodTo !== undefined) {
      // The start decides the period; a client who never started counts in the period of the enrolment.
      const date: unknown = r.before ? r.before.date : r.enrolled;
      if (typeof date !== 'string') return 'type';
      pi = this.periodOf(date);
      if (pi < 0) return 'outside_period';
    }
    // One unit (index 0): cell = (((a × G + g) × I + i) × U + 0) × P + p, as dims.ts lays them out.
    this.cell = ((ai * this.G + gi) * this.I + ii) * this.P + pi;
    return undefined;
  }

  /** The period a `YYYY-MM-DD` date falls in (ISO dates compare as strings), or ABSENT outside the plan's period or not of that shape. */
  private periodOf(date: string): number {
    if (date.length !== 10 || date < this.periodFrom) return ABSENT;
    const to = this.periodTo!;
    for (let p = 0; p < to.length; p++) if (date <= to[p]!) return p;
    return ABSENT;
  }

  /** A record without a before step: selected, and perhaps withdrawn before the start; nothing after it may be there. */
  private readNotStarted(r: ClientRecord): Rule | undefined {
    const ds = r.during as unknown;
    if (r.after !== undefined || (Array.isArray(ds) ? ds.length > 0 : ds != null)) return 'required';
    this.started = false;
    this.withdrawnReason = ABSENT;
    const withdrawal = r.withdrawal;
    if (withdrawal) {
      const reason = this.withdrawalReason.indexOf(withdrawal.reason);
      if (reason < 0) return 'one_of';
      this.withdrawnReason = reason;
      this.withdrawnStage = WITHDRAWAL_STAGE_AT.before_start;
    }
    return undefined;
  }

  /** The before step: the primary measure's grid index, the main problem, each goal's area and each background answer. */
  private readBefore(b: NonNullable<ClientRecord['before']>): Rule | undefined {
    const kb = this.gridIndex(b.measures?.[this.primaryId]);
    if (kb === OFF_SCALE) return 'out_of_range';
    const mp = this.mainProblems.indexOf(b.mainProblem);
    if (mp < 0) return 'unknown_code';
    const goals = b.goals ?? [];
    if (!Array.isArray(goals)) return 'type';
    if (goals.length > this.areas.length) this.areas = new Int32Array(goals.length * 2);
    for (let i = 0; i < goals.length; i++) {
      const g = goals[i];
      if (g === null || typeof g !== 'object') return 'type';
      const area = g.area === undefined ? this.noArea : this.goalAreas.indexOf(g.area);
      if (area < 0) return 'unknown_code';
      this.areas[i] = area;
    }
    const background = this.background.read(b.background);
    if (background !== undefined) return background;
    this.kb = kb;
    this.mainProblem = mp;
    this.goals = goals;
    this.nGoals = goals.length;
    return undefined;
  }

  /** The during events: each measure into its (measure, week) slot, sessions and deviations into the dose. */
  private readDuring(during: ClientRecord['during'] | undefined, start: string): Rule | undefined {
    const events = during ?? [];
    if (!Array.isArray(events)) return 'type';
    const startDay = events.length > 0 ? dayNumber(start) : 0;
    let nSlots = 0;
    let attended = 0;
    let missed = 0;
    let deviations = 0;
    if (events.length > this.slots.length) {
      this.slots = new Int32Array(events.length * 2);
      this.kvals = new Float64Array(events.length * 2);
    }
    for (let e = 0; e < events.length; e++) {
      const ev = events[e]!;
      if (ev === null || typeof ev !== 'object') return 'type';
      if (ev.kind === 'measure') {
        if (typeof ev.date !== 'string' || typeof ev.value !== 'number') return 'type';
        const d = this.during.get(ev.measure);
        if (d === undefined) return 'unknown_code';
        const days = dayNumber(ev.date) - startDay;
        if (!(days >= 0)) return 'date_order';
        const k = (ev.value - d.min) / d.step;
        const kr = Math.round(k);
        if (!(Math.abs(k - kr) < 1e-9) || kr < 0 || kr > d.max) return 'out_of_range';
        const week = Math.floor(days / 7);
        this.slots[nSlots] = d.offset + (week < d.weeks ? week : d.weeks) * WEEK.length;
        this.kvals[nSlots] = kr;
        nSlots++;
      } else if (ev.kind === 'session') {
        if (ev.attended) attended++;
        else missed++;
      } else if (ev.kind === 'deviation') {
        deviations++;
      } else {
        return 'one_of';
      }
    }
    this.nSlots = nSlots;
    this.attended = attended;
    this.missed = missed;
    this.deviations = deviations;
    return undefined;
  }

  /** How the record left, if it has: withdrawn during the intervention (by reason and week), or closed (by reason, with the after value). */
  private readExit(withdrawal: ClientRecord['withdrawal'], a: ClientRecord['after'], start: string): Rule | undefined {
    this.withdrawnReason = ABSENT;
    this.closing = ABSENT;
    this.ka = ABSENT;
    if (withdrawal) {
      const reason = this.withdrawalReason.indexOf(withdrawal.reason);
      if (reason < 0) return 'one_of';
      if (a) return 'step_order';
      if (typeof withdrawal.date !== 'string') return 'type';
      return this.withdrawnDuring(reason, start, withdrawal.date);
    }
    if (!a) return undefined;
    if (typeof a.date !== 'string') return 'type';
    const reason = this.closingReason.indexOf(a.reason);
    const withdrawAs = reason < 0 ? CLOSES : this.withdrawAs[reason]!;
    if (withdrawAs !== CLOSES) return this.withdrawnDuring(withdrawAs, start, a.date);
    if (reason < 0) return 'one_of';
    const ka = this.gridIndex(a.measures?.[this.primaryId]);
    if (ka === OFF_SCALE) return 'out_of_range';
    const met = a.goalsMet as unknown;
    if (met !== undefined && !Array.isArray(met)) return 'type';
    const closingDay = dayNumber(a.date);
    const weeks = this.background.readClosing(closingDay - dayNumber(start));
    if (weeks !== undefined) return weeks;
    this.closing = reason;
    this.closingDay = closingDay;
    this.ka = ka;
    return undefined;
  }

  /** A withdrawal during the intervention, by reason and by the week it happened in. */
  private withdrawnDuring(reason: number, start: string, date: string): Rule | undefined {
    const week = this.weekOf(start, date);
    if (week < 0) return 'date_order';
    this.withdrawnReason = reason;
    this.withdrawnStage = WITHDRAWAL_STAGE_AT.during;
    this.withdrawnWeek = week;
    return undefined;
  }

  /** A closed record's attainment level and goal status, or why it could not be classified. Breaks no rule. */
  private classify(a: ClientRecord['after']): undefined {
    this.level = ABSENT;
    this.goal = ABSENT;
    this.unclassified = ABSENT;
    if (this.closing < 0) return;
    const kb = this.kb;
    const ka = this.ka;
    if (kb < 0) {
      this.unclassified = UNCLASSIFIED_AT.missing_before;
      return;
    }
    if (ka < 0) {
      this.unclassified = UNCLASSIFIED_AT.missing_after;
      return;
    }
    const goal = this.goalIndex(this.goals, a!.goalsMet, this.pMin + kb * this.pStep, this.pMin + ka * this.pStep);
    if (goal < 0) {
      this.unclassified = UNCLASSIFIED_AT.missing_goal_assessment;
      return;
    }
    const improvement = (ka - kb) * this.sign;
    this.goal = goal;
    this.level =
      improvement >= this.micK - 1e-9
        ? goal <= GOAL_AT.met_before
          ? LEVEL_AT.positive_goal_met
          : LEVEL_AT.positive_goal_not_met
        : improvement <= -this.micK + 1e-9
          ? LEVEL_AT.negative_change
          : LEVEL_AT.no_change;
  }

  // ---- Phase 2: count, at the layout's named slots of the record's cell.

  private count(): void {
    const cell = this.cell;
    this.countFlow(cell);
    this.countWithdrawal(cell);
    if (!this.started) return;
    this.countPrimary(cell);
    this.countClosing(cell);
    this.countBaseline(cell);
    this.countDose(cell);
    this.countDuringWeeks(cell);
    this.measures?.count(cell);
    this.followUps?.count(cell);
    this.countViews(cell);
  }

  /** The questionnaire's answers of a closed record, in the column of its attainment level (or not classified). */
  private countViews(cell: number): void {
    if (!this.views.active || this.closing < 0) return;
    this.views.count(this.c.views, cell * this.w.views, this.level >= 0 ? this.level : UNCLASSIFIED_COLUMN);
  }

  /** The attrition flow: selected, started, then ongoing or closed, and classified (a withdrawal is counted by countWithdrawal). */
  private countFlow(cell: number): void {
    const flow = this.c.flow;
    const f = cell * this.w.flow;
    inc(flow, f + FLOW_AT.selected, 1);
    if (!this.started) return;
    inc(flow, f + FLOW_AT.started, 1);
    if (this.withdrawnReason >= 0) return;
    if (this.closing < 0) {
      inc(flow, f + FLOW_AT.ongoing, 1);
      return;
    }
    inc(flow, f + FLOW_AT.closed, 1);
    if (this.level >= 0) inc(flow, f + FLOW_AT.classified, 1);
  }

  /** A withdrawal by reason and stage, and one during the intervention also by its week. */
  private countWithdrawal(cell: number): void {
    const reason = this.withdrawnReason;
    if (reason < 0) return;
    const stage = this.withdrawnStage;
    inc(this.c.withdrawn, cell * this.w.withdrawn + reason * WITHDRAWAL_STAGES.length + stage, 1);
    if (stage === WITHDRAWAL_STAGE_AT.during) inc(this.c.withdrawnWeek, cell * this.w.withdrawnWeek + this.withdrawnWeek, 1);
  }

  /** The primary measure: before, after, change and before-of-withdrawn, each as a histogram (when kept) and its sums. */
  private countPrimary(cell: number): void {
    const c = this.c;
    const w = this.w;
    const kb = this.kb;
    const ka = this.ka;
    if (kb >= 0) {
      this.countGridIndex(cell, c.before, w.before, SUM_AT.before, kb);
      if (this.withdrawnReason >= 0) this.countGridIndex(cell, c.withdrawnBefore, w.withdrawnBefore, SUM_AT.withdrawnBefore, kb);
    }
    if (ka >= 0) {
      this.countGridIndex(cell, c.after, w.after, SUM_AT.after, ka);
      if (kb >= 0) this.countGridIndex(cell, c.change, w.change, SUM_AT.change, ka - kb + this.noChange);
    }
  }

  /** One grid index into a primary-measure histogram (when the plan keeps them) and into its sum's moments. */
  private countGridIndex(cell: number, histogram: number[], width: number, sum: number, k: number): void {
    if (this.hist) inc(histogram, cell * width + k, 1);
    const sums = this.c.sums;
    const at = cell * this.w.sums + sum;
    inc(sums, at + MOMENT_AT.n, 1);
    inc(sums, at + MOMENT_AT.sum, k);
    inc(sums, at + MOMENT_AT.sumOfSquares, k * k);
  }

  /** A closed record's closing reason, and its attainment level and goal status or why it is unclassified. */
  private countClosing(cell: number): void {
    if (this.closing < 0) return;
    const c = this.c;
    const w = this.w;
    inc(c.closing, cell * w.closing + this.closing, 1);
    if (this.level >= 0) {
      inc(c.levels, cell * w.levels + this.level, 1);
      inc(c.goal, cell * w.goal + this.goal, 1);
      this.background.countOutcome(c, cell, this.level, this.goal, this.attended, this.ka - this.kb + this.noChange);
    } else {
      inc(c.unclassified, cell * w.unclassified + this.unclassified, 1);
    }
  }

  /** The before step's categories: the main problem, each goal's area and each background variable's answer. */
  private countBaseline(cell: number): void {
    const c = this.c;
    const w = this.w;
    inc(c.mainProblems, cell * w.mainProblems + this.mainProblem, 1);
    const areas = cell * w.goalAreas;
    for (let i = 0; i < this.nGoals; i++) inc(c.goalAreas, areas + this.areas[i]!, 1);
    this.background.count(c, cell);
  }

  /** Sessions attended and missed, and deviations. */
  private countDose(cell: number): void {
    const dose = this.c.dose;
    const at = cell * this.w.dose;
    inc(dose, at + DOSE_AT.sessionsAttended, this.attended);
    inc(dose, at + DOSE_AT.sessionsMissed, this.missed);
    inc(dose, at + DOSE_AT.deviations, this.deviations);
  }

  /** The during-measures by (measure, week): tests, Σk, and each client once per slot. */
  private countDuringWeeks(cell: number): void {
    const nSlots = this.nSlots;
    if (nSlots === 0) return;
    const during = this.c.during;
    const base = cell * this.w.during;
    this.stamp++;
    for (let i = 0; i < nSlots; i++) {
      const slot = this.slots[i]!;
      inc(during, base + slot + WEEK_AT.tests, 1);
      inc(during, base + slot + WEEK_AT.sum, this.kvals[i]!);
      const seenIndex = slot / WEEK.length;
      if (this.seen[seenIndex] !== this.stamp) {
        this.seen[seenIndex] = this.stamp;
        inc(during, base + slot + WEEK_AT.clients, 1);
      }
    }
  }
}

/**
 * Checks compile's arguments once, before any record is read: the plan with
 * the plan schema (path `plan.…`), and `records` as something to iterate
 * (path `records`). The per-record loop adds no checks of its own.
 */
function start(plan: unknown, records: unknown, iterable: (value: object) => boolean, expected: string, uniqueIds = false): { acc: Compilation; folder: Folder } {
  const { value: checked, issues } = planArg(plan);
  if (records === null || typeof records !== 'object' || !iterable(records)) {
    issues.push(issue(['records'], 'type', { expected, received: typeName(records) }));
  }
  throwIfAny(issues);
  const acc = emptyFor(checked);
  return { acc, folder: new Folder(checked, acc.meta, acc.counts as MutableCounts, uniqueIds) };
}

/**
 * @internal {@link compile} one record at a time, for a caller that gets
 * records in its own loop (the streaming CSV import): `add` each, then
 * `finish` once. The same counts as `compile` over the same records. With
 * `uniqueIds` the caller promises that no client id comes twice (the import
 * refuses a second row of an id as `duplicate_client`), so compile's own
 * duplicate check could never fire and holds no identities.
 */
export function fold(plan: Plan, uniqueIds: boolean): { add: (record: ClientRecord) => void; finish: () => Compilation } {
  const { acc, folder } = start(plan, [], isIterable, 'iterable', uniqueIds);
  return { add: (record) => folder.add(record), finish: () => finish(acc, folder) };
}

const isIterable = (value: object): boolean => typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
const isAsyncIterable = (value: object): boolean =>
  isIterable(value) || typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';

function finish(acc: Compilation, folder: Folder): Compilation {
  return { ...acc, invalid: { total: folder.invalidTotal, byRule: { ...folder.invalid } } };
}

/**
 * Compiles records in one pass (step 5): for every cell of age band × gender
 * × intervention, the attrition flow (selected → started → withdrawn →
 * closed → classified), closing reasons, goal-attainment levels and goal
 * status, the primary measure before and after (exact histograms and integer
 * sums), main problems, goal areas, background variables of every kind
 * (options, yes/no and bands counted, whole numbers as exact distributions,
 * other numbers as sums), the goal-attainment levels and goal status by each
 * background value and by bands of dose (sessions attended, weeks from the
 * start to closing), dose, and the during-measures week by week. The memory used depends on the
 * number of cells, not of records.
 *
 * Records made by the step functions (or checked with {@link validateRecord})
 * are trusted; compile still checks what it needs to place and count a
 * record, and counts a record it cannot place in `invalid` by rule — never
 * silently dropped, never half-counted. Records are not changed. A record
 * is identified by client id, intervention and enrolment date: a further copy
 * of one already counted is not counted but reported in
 * `invalid.byRule.duplicate_record` (the identities are held for this call
 * only, about 100 bytes a record, and never enter the compilation).
 *
 * @param plan - a validated plan (as {@link parsePlan} returns it; checked once per call)
 * @param records - any iterable of records (an array, a generator, a stream read in chunks)
 * @returns the compilation
 * @throws UppfoljningError when `plan` is not a valid plan (path `plan.…`) or
 *   `records` is not an iterable object (path `records`, rule `type`)
 *
 * @example
 * ```ts
 * const compilation = compile(plan, records);
 * tabulate(compilation).total.flow.selected;
 * // => 40
 * ```
 */
export function compile(plan: Plan, records: Iterable<ClientRecord>): Compilation {
  const { acc, folder } = start(plan, records, isIterable, 'iterable');
  for (const record of records) folder.add(record);
  return finish(acc, folder);
}

/**
 * Compiles records from an async source, e.g. rows streamed from a case
 * system's database or a file read line by line. Same result as
 * {@link compile}.
 *
 * @param plan - a validated plan (as {@link parsePlan} returns it; checked once per call)
 * @param records - an async iterable (or a plain iterable) of records
 * @returns a promise of the compilation; it rejects with an UppfoljningError
 *   for a plan or `records` that {@link compile} would refuse
 *
 * @example
 * ```ts
 * async function* rows() { yield* records; } // e.g. a file read line by line
 * const compilation = await compileAsync(plan, rows());
 * tabulate(compilation).total.flow.selected;
 * // => 40
 * ```
 */
export async function compileAsync(
  plan: Plan,
  records: AsyncIterable<ClientRecord> | Iterable<ClientRecord>,
): Promise<Compilation> {
  const { acc, folder } = start(plan, records, isAsyncIterable, 'async iterable');
  for await (const record of records) folder.add(record);
  return finish(acc, folder);
}
