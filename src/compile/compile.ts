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
import {
  CLOSING_REASONS,
  COUNTERS,
  DOSE_AT,
  FLOW_AT,
  GOAL_AT,
  LEVEL_AT,
  MOMENT_AT,
  SUM_AT,
  UNCLASSIFIED,
  UNCLASSIFIED_AT,
  WEEK,
  WEEK_AT,
  WITHDRAWAL_STAGE_AT,
  WITHDRAWAL_REASONS,
  WITHDRAWAL_STAGES,
  WITHDRAWAL_WEEKS,
  describe,
  widths,
  type CompilationMeta,
  type CounterName,
} from './layout.js';

type MutableCounts = { [K in CounterName]: number[] };

/** Adds to one counter. (A function, so the hot loop stays readable under noUncheckedIndexedAccess; V8 inlines it.) */
function inc(array: number[], index: number, by: number): void {
  array[index] = array[index]! + by;
}

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
  const cells = meta.dims.ageBands.length * meta.dims.genders.length * meta.dims.interventions.length;
  const w = widths(meta);
  const counts = {} as MutableCounts;
  for (const name of COUNTERS) counts[name] = new Array<number>(cells * w[name]).fill(0);
  return { format: 'uppfoljning.compilation', version: 1, meta, cells, counts, invalid: { total: 0, byRule: {} } };
}

/**
 * The per-record fold, compiled once per plan: category codes become array
 * offsets, so the loop over records does no string building and no
 * allocation beyond a small scratch buffer.
 */
/**
 * A code's index in a short list of codes. Plans have a handful of codes per
 * dimension, so a scan with `===` (a pointer comparison for the same string)
 * beats hashing; long lists fall back to a Map.
 */
class Codes {
  private readonly list: readonly string[];
  private readonly map: Map<string, number> | undefined;
  constructor(codes: readonly string[]) {
    this.list = codes;
    this.map = codes.length > 8 ? new Map(codes.map((c, i) => [c, i])) : undefined;
  }
  /** The index, or −1 when the value is not one of the codes. */
  indexOf(value: unknown): number {
    if (this.map !== undefined) return typeof value === 'string' ? (this.map.get(value) ?? -1) : -1;
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i] === value) return i;
    return -1;
  }
}

class Folder {
  private readonly planId: string;
  private readonly ageTable: Int16Array;
  private readonly genders: Codes;
  private readonly interventions: Codes;
  private readonly G: number;
  private readonly I: number;
  private readonly w: ReturnType<typeof widths>;
  private readonly c: MutableCounts;
  readonly invalid: Partial<Record<Rule, number>> = {};
  invalidTotal = 0;

  private readonly primaryId: string;
  private readonly pMin: number;
  private readonly pStep: number;
  private readonly bins: number;
  private readonly hist: boolean;
  private readonly sign: number;
  private readonly micK: number;
  private readonly goalRule: Plan['goalRule'];
  /** For the assessed goal rule: whether all goals must be met; undefined for other rules. */
  private readonly assessedAll: boolean | undefined;
  private readonly direction: 'higher_is_better' | 'lower_is_better';
  private readonly withdrawalReason: Codes;
  private readonly closingReason: Codes;
  /** Per closing reason: the withdrawal reason it withdraws the client with (the plan's `withdrawOn`), or −2 when it closes. */
  private readonly withdrawAs: Int8Array;
  private readonly mainProblems: Codes;
  private readonly goalAreas: Codes;
  private readonly background: { id: string; options: Map<string, number>; offset: number; missing: number }[];
  private readonly during: Map<string, { offset: number; weeks: number; min: number; step: number; max: number }>;

  // Scratch: counter slots for one record's during-measures, and the stamp
  // that marks (measure, week) slots already counted for this record.
  private slots = new Int32Array(64);
  private kvals = new Float64Array(64);
  // Scratch: each goal's area index, found once while checking the record.
  private areas = new Int32Array(16);
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(plan: Plan, meta: CompilationMeta, counts: MutableCounts) {
    this.planId = plan.id;
    this.ageTable = ageBandTable(plan.grouping.ageBands);
    this.genders = new Codes(meta.dims.genders.map((g) => g.code));
    this.interventions = new Codes(meta.dims.interventions.map((x) => x.code));
    this.G = meta.dims.genders.length;
    this.I = meta.dims.interventions.length;
    this.w = widths(meta);
    this.c = counts;
    const p = meta.primary;
    this.primaryId = p.id;
    this.pMin = p.min;
    this.pStep = p.step;
    this.bins = p.bins;
    this.hist = p.histogram;
    this.sign = p.direction === 'higher_is_better' ? 1 : -1;
    this.micK = p.minimalChange / p.step;
    this.goalRule = plan.goalRule;
    this.assessedAll = plan.goalRule.kind === 'assessed' ? plan.goalRule.combine === 'all' : undefined;
    this.direction = p.direction;
    this.withdrawalReason = new Codes(WITHDRAWAL_REASONS);
    this.closingReason = new Codes(CLOSING_REASONS);
    const withdrawOn = new Set<string>(plan.withdrawOn);
    this.withdrawAs = Int8Array.from(CLOSING_REASONS, (r) => (withdrawOn.has(r) ? this.withdrawalReason.indexOf(r) : -2));
    this.mainProblems = new Codes(meta.mainProblems.map((x) => x.code));
    this.goalAreas = new Codes(meta.goalAreas.map((x) => x.code));
    let offset = 0;
    this.background = meta.background.map((b) => {
      const entry = { id: b.id, options: new Map(b.options.map((o, i) => [o.code, i])), offset, missing: b.options.length };
      offset += b.options.length + 1;
      return entry;
    });
    offset = 0;
    this.during = new Map();
    for (const d of meta.during) {
      // The highest grid index on the measure's scale: a value above it (e.g.
      // a binary test of 2) is off the scale and the record is invalid.
      const instrument = planInstrument(plan, d.instrumentId)!;
      const max = Math.round((instrument.range.max - d.min) / d.step);
      this.during.set(d.id, { offset, weeks: d.weeks, min: d.min, step: d.step, max });
      offset += (d.weeks + 1) * WEEK.length;
    }
    this.seen = new Int32Array(Math.max(1, this.w.during / WEEK.length));
  }

  private reject(rule: Rule): void {
    this.invalidTotal += 1;
    this.invalid[rule] = (this.invalid[rule] ?? 0) + 1;
  }

  /** Grid index of a value on the primary scale, −1 if absent, −2 if off the scale. */
  private gridIndex(value: unknown): number {
    if (value === undefined) return -1;
    if (typeof value !== 'number') return -2;
    const k = (value - this.pMin) / this.pStep;
    const r = Math.round(k);
    if (!(Math.abs(k - r) < 1e-9) || r < 0 || r >= this.bins) return -2;
    return r;
  }

  /**
   * The goal status as an index into GOAL_STATUSES (−1: assessment missing).
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
      if (met === undefined || met.length !== goals.length) return -1;
      let all = true;
      let any = false;
      for (let i = 0; i < met.length; i++) {
        if (met[i]) any = true;
        else all = false;
      }
      return (this.assessedAll ? all : any) ? GOAL_AT.met : GOAL_AT.not_met;
    }
    const status = goalStatus(this.goalRule, this.direction, goals, met, before, after);
    return status === undefined ? -1 : GOAL_AT[status];
  }

  /** The week slot (0-based, capped at WITHDRAWAL_WEEKS) of a date after the start; −1 if before it or not a date. */
  private weekOf(start: string, date: string): number {
    const days = dayNumber(date) - dayNumber(start);
    if (!(days >= 0)) return -1;
    const week = Math.floor(days / 7);
    return week < WITHDRAWAL_WEEKS ? week : WITHDRAWAL_WEEKS;
  }

  add(r: ClientRecord): void {
    // Phase 1: work out every slot this record touches, without changing
    // anything, so that a record is counted whole or not at all.
    if (r === null || typeof r !== 'object') return this.reject('type');
    if (r.planId !== this.planId) return this.reject('plan_mismatch');
    const ii = this.interventions.indexOf(r.intervention);
    const gi = this.genders.indexOf(r.gender);
    if (ii < 0 || gi < 0) return this.reject('unknown_code');
    const age = r.age;
    const ai = typeof age === 'number' && age >= 0 && age <= 130 && Number.isInteger(age) ? this.ageTable[age]! : -1;
    if (ai < 0) return this.reject('outside_age_bands');
    const cell = (ai * this.G + gi) * this.I + ii;

    const b = r.before;
    const withdrawal = r.withdrawal;
    const a = r.after;
    if (!b) {
      const ds = r.during as unknown;
      if (a !== undefined || (Array.isArray(ds) ? ds.length > 0 : ds != null)) return this.reject('required');
      let wr = -1;
      if (withdrawal) {
        wr = this.withdrawalReason.indexOf(withdrawal.reason);
        if (wr < 0) return this.reject('one_of');
      }
      const c = this.c;
      inc(c.flow, cell * this.w.flow + FLOW_AT.selected, 1);
      if (wr >= 0) inc(c.withdrawn, cell * this.w.withdrawn + wr * WITHDRAWAL_STAGES.length + WITHDRAWAL_STAGE_AT.before_start, 1);
      return;
    }

    // Shapes compile relies on; anything else is garbage, counted, never a crash.
    if (typeof b !== 'object' || typeof b.date !== 'string') return this.reject('type');
    const kb = this.gridIndex(b.measures?.[this.primaryId]);
    if (kb === -2) return this.reject('out_of_range');
    const mp = this.mainProblems.indexOf(b.mainProblem);
    if (mp < 0) return this.reject('unknown_code');
    const goals = b.goals ?? [];
    if (!Array.isArray(goals)) return this.reject('type');
    if (goals.length > this.areas.length) this.areas = new Int32Array(goals.length * 2);
    for (let i = 0; i < goals.length; i++) {
      const g = goals[i];
      if (g === null || typeof g !== 'object') return this.reject('type');
      const area = g.area === undefined ? this.w.goalAreas - 1 : this.goalAreas.indexOf(g.area);
      if (area < 0) return this.reject('unknown_code');
      this.areas[i] = area;
    }
    for (const bg of this.background) {
      const v = b.background?.[bg.id];
      if (v !== undefined && !bg.options.has(v as string)) return this.reject('unknown_code');
    }

    // During events: measures into (measure, week) slots.
    const events = r.during ?? [];
    if (!Array.isArray(events)) return this.reject('type');
    const startDay = events.length > 0 ? dayNumber(b.date) : 0;
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
      if (ev === null || typeof ev !== 'object') return this.reject('type');
      if (ev.kind === 'measure') {
        if (typeof ev.date !== 'string' || typeof ev.value !== 'number') return this.reject('type');
        const d = this.during.get(ev.measure);
        if (d === undefined) return this.reject('unknown_code');
        const days = dayNumber(ev.date) - startDay;
        if (!(days >= 0)) return this.reject('date_order');
        const k = (ev.value - d.min) / d.step;
        const kr = Math.round(k);
        if (!(Math.abs(k - kr) < 1e-9) || kr < 0 || kr > d.max) return this.reject('out_of_range');
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
        return this.reject('one_of');
      }
    }

    let withdrawnReason = -1;
    let withdrawnWeek = -1;
    let closingReason = -1;
    let ka = -1;
    if (withdrawal) {
      withdrawnReason = this.withdrawalReason.indexOf(withdrawal.reason);
      if (withdrawnReason < 0) return this.reject('one_of');
      if (a) return this.reject('step_order');
      if (typeof withdrawal.date !== 'string') return this.reject('type');
      withdrawnWeek = this.weekOf(b.date, withdrawal.date);
      if (withdrawnWeek < 0) return this.reject('date_order');
    } else if (a) {
      if (typeof a.date !== 'string') return this.reject('type');
      const reason = this.closingReason.indexOf(a.reason);
      const withdrawAs = reason < 0 ? -2 : this.withdrawAs[reason]!;
      if (withdrawAs !== -2) {
        withdrawnReason = withdrawAs;
        withdrawnWeek = this.weekOf(b.date, a.date);
        if (withdrawnWeek < 0) return this.reject('date_order');
      } else {
        closingReason = reason;
        if (closingReason < 0) return this.reject('one_of');
        ka = this.gridIndex(a.measures?.[this.primaryId]);
        if (ka === -2) return this.reject('out_of_range');
        const met = a.goalsMet as unknown;
        if (met !== undefined && !Array.isArray(met)) return this.reject('type');
      }
    }

    // Classification of a closed record.
    let level = -1;
    let goal = -1;
    let unclassified = -1;
    if (closingReason >= 0) {
      if (kb < 0) unclassified = UNCLASSIFIED_AT.missing_before;
      else if (ka < 0) unclassified = UNCLASSIFIED_AT.missing_after;
      else {
        const before = this.pMin + kb * this.pStep;
        const after = this.pMin + ka * this.pStep;
        goal = this.goalIndex(goals, a!.goalsMet, before, after);
        if (goal < 0) unclassified = UNCLASSIFIED_AT.missing_goal_assessment;
        else {
          const imp = (ka - kb) * this.sign;
          level =
            imp >= this.micK - 1e-9
              ? goal <= GOAL_AT.met_before
                ? LEVEL_AT.positive_goal_met
                : LEVEL_AT.positive_goal_not_met
              : imp <= -this.micK + 1e-9
                ? LEVEL_AT.negative_change
                : LEVEL_AT.no_change;
        }
      }
    }

    // Phase 2: count.
    const c = this.c;
    const w = this.w;
    const f = cell * w.flow;
    inc(c.flow, f + FLOW_AT.selected, 1);
    inc(c.flow, f + FLOW_AT.started, 1);
    const s = cell * w.sums;
    if (kb >= 0) {
      if (this.hist) inc(c.before, cell * w.before + kb, 1);
      inc(c.sums, s + SUM_AT.before + MOMENT_AT.n, 1);
      inc(c.sums, s + SUM_AT.before + MOMENT_AT.sum, kb);
      inc(c.sums, s + SUM_AT.before + MOMENT_AT.sumOfSquares, kb * kb);
    }
    inc(c.mainProblems, cell * w.mainProblems + mp, 1);
    const ga = cell * w.goalAreas;
    for (let i = 0; i < goals.length; i++) inc(c.goalAreas, ga + this.areas[i]!, 1);
    const bgBase = cell * w.background;
    for (const bg of this.background) {
      const v = b.background?.[bg.id];
      inc(c.background, bgBase + bg.offset + (v === undefined ? bg.missing : bg.options.get(v as string)!), 1);
    }
    const dose = cell * w.dose;
    inc(c.dose, dose + DOSE_AT.sessionsAttended, attended);
    inc(c.dose, dose + DOSE_AT.sessionsMissed, missed);
    inc(c.dose, dose + DOSE_AT.deviations, deviations);
    if (nSlots > 0) {
      const base = cell * w.during;
      this.stamp++;
      for (let i = 0; i < nSlots; i++) {
        const slot = this.slots[i]!;
        inc(c.during, base + slot + WEEK_AT.tests, 1);
        inc(c.during, base + slot + WEEK_AT.sum, this.kvals[i]!);
        const seenIndex = slot / WEEK.length;
        if (this.seen[seenIndex] !== this.stamp) {
          this.seen[seenIndex] = this.stamp;
          inc(c.during, base + slot + WEEK_AT.clients, 1);
        }
      }
    }

    if (withdrawnReason >= 0) {
      inc(c.withdrawn, cell * w.withdrawn + withdrawnReason * WITHDRAWAL_STAGES.length + WITHDRAWAL_STAGE_AT.during, 1);
      inc(c.withdrawnWeek, cell * w.withdrawnWeek + withdrawnWeek, 1);
      if (kb >= 0) {
        if (this.hist) inc(c.withdrawnBefore, cell * w.withdrawnBefore + kb, 1);
        inc(c.sums, s + SUM_AT.withdrawnBefore + MOMENT_AT.n, 1);
        inc(c.sums, s + SUM_AT.withdrawnBefore + MOMENT_AT.sum, kb);
        inc(c.sums, s + SUM_AT.withdrawnBefore + MOMENT_AT.sumOfSquares, kb * kb);
      }
      return;
    }
    if (closingReason < 0) {
      inc(c.flow, f + FLOW_AT.ongoing, 1);
      return;
    }
    inc(c.flow, f + FLOW_AT.closed, 1);
    inc(c.closing, cell * w.closing + closingReason, 1);
    if (ka >= 0) {
      if (this.hist) inc(c.after, cell * w.after + ka, 1);
      inc(c.sums, s + SUM_AT.after + MOMENT_AT.n, 1);
      inc(c.sums, s + SUM_AT.after + MOMENT_AT.sum, ka);
      inc(c.sums, s + SUM_AT.after + MOMENT_AT.sumOfSquares, ka * ka);
    }
    if (kb >= 0 && ka >= 0) {
      // The change's grid runs from −(bins − 1) to bins − 1 steps; its index
      // k = d + bins − 1 is what the histogram and the sums both count, so
      // that they share one origin, −(bins − 1)·step (as tabulate reads them).
      const k = ka - kb + this.bins - 1;
      if (this.hist) inc(c.change, cell * w.change + k, 1);
      inc(c.sums, s + SUM_AT.change + MOMENT_AT.n, 1);
      inc(c.sums, s + SUM_AT.change + MOMENT_AT.sum, k);
      inc(c.sums, s + SUM_AT.change + MOMENT_AT.sumOfSquares, k * k);
    }
    if (level >= 0) {
      inc(c.flow, f + FLOW_AT.classified, 1);
      inc(c.levels, cell * w.levels + level, 1);
      inc(c.goal, cell * w.goal + goal, 1);
    } else {
      inc(c.unclassified, cell * w.unclassified + unclassified, 1);
    }
  }
}

/**
 * Checks compile's arguments once, before any record is read: the plan with
 * the plan schema (path `plan.…`), and `records` as something to iterate
 * (path `records`). The per-record loop adds no checks of its own.
 */
function start(plan: unknown, records: unknown, iterable: (value: object) => boolean, expected: string): { acc: Compilation; folder: Folder } {
  const { value: checked, issues } = planArg(plan);
  if (records === null || typeof records !== 'object' || !iterable(records)) {
    issues.push(issue(['records'], 'type', { expected, received: typeName(records) }));
  }
  throwIfAny(issues);
  const acc = emptyFor(checked);
  return { acc, folder: new Folder(checked, acc.meta, acc.counts as MutableCounts) };
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
 * sums), main problems, goal areas, categorical background variables, dose,
 * and the during-measures week by week. The memory used depends on the
 * number of cells, not of records.
 *
 * Records made by the step functions (or checked with {@link validateRecord})
 * are trusted; compile still checks what it needs to place and count a
 * record, and counts a record it cannot place in `invalid` by rule — never
 * silently dropped, never half-counted. Records are not changed.
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
