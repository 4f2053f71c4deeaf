import type { Label } from '../core/locale.js';
import { shareOf } from './share.js';
import type { NotComputed } from '../core/not-computed.js';
import { UppfoljningError } from '../core/error.js';
import type { ShareInterval } from '../stats/proportion.js';
import { ATTAINMENT_LEVELS, GOAL_STATUSES, type AttainmentLevel, type GoalStatus } from '../after/classify.js';
import type { Compilation } from './schema.js';
import {
  CLOSING_REASONS,
  DOSE_AT,
  FLOW_AT,
  LEVEL_AT,
  MOMENT_AT,
  SUM_AT,
  SUMS,
  UNCLASSIFIED,
  WEEK,
  WEEK_AT,
  WITHDRAWAL_REASONS,
  WITHDRAWAL_STAGE_AT,
  WITHDRAWAL_STAGES,
  duringSlots,
  noChangeIndex,
  widths,
  type CounterName,
} from './layout.js';
import { distribution, type Distribution } from './distribution.js';
import { DIMENSIONS, groupCells, type Dimension } from './dims.js';
import { backgroundTable, type BackgroundSummary, type DoseOutcome } from './_lib/background-table.js';

export type { BackgroundSummary, BackgroundValue, DoseBand, DoseOutcome, OutcomeCounts } from './_lib/background-table.js';
import { viewSummaries, type ViewSummary } from './views.js';
import { FOLLOW_UP_STATUSES } from './_lib/follow-up-fold.js';
import { validateCompilation } from './schema.js';
import { measureSummaries, type MeasureSummary } from './measure-summary.js';
import { optionsIssues, parseArg, throwIfAny } from '../core/args.js';
import type { DeepReadonly } from '../core/readonly.js';
import { z } from 'zod';

export { DIMENSIONS, type Dimension } from './dims.js';

/**
 * A count with its denominator and a Wilson 95 % interval for the share.
 *
 * @example
 * ```ts
 * const goalMet: Share = tabulate(compilation).total.attainment.goalMet;
 * [goalMet.count, goalMet.n];
 * // => [13, 30]
 * ```
 */
export interface Share {
  readonly count: number;
  readonly n: number;
  /** count / n, with its interval; not computed when n = 0. */
  readonly share: ShareInterval | NotComputed;
}

/**
 * A coded category with its count.
 *
 * @example
 * ```ts
 * const c: CategoryCount = { code: 'alkohol', label: { sv: 'Alkohol', en: 'Alcohol' }, count: 12 };
 * ```
 */
export interface CategoryCount {
  readonly code: string;
  readonly label: Label;
  readonly count: number;
}

/**
 * The results for one group (or the total), read from a compilation.
 *
 * @example
 * ```ts
 * const total: GroupRow = tabulate(compilation).total;
 * total.flow.selected;
 * // => 40
 * ```
 */
export interface GroupRow {
  /** The group's codes: only the dimensions grouped by are present. */
  readonly key: Readonly<Partial<Record<Dimension, string>>>;
  /** The group's name, e.g. `Kvinna, 21–29 år`; `Totalt`/`Total` for everyone. */
  readonly label: Label;
  /**
   * The attrition flow (*bortfall*), exact counts at every step: selected →
   * started → withdrawn → closed → classified. `selected = started +
   * notStarted`; `started = withdrawn + ongoing + closed`; `closed =
   * classified + unclassified`.
   */
  readonly flow: {
    readonly selected: number;
    readonly notStarted: number;
    readonly withdrawnBeforeStart: number;
    readonly started: number;
    readonly withdrawn: number;
    readonly ongoing: number;
    readonly closed: number;
    readonly classified: number;
    readonly unclassified: number;
  };
  /** Withdrawals by reason and stage (before the start, during the intervention). */
  readonly withdrawals: readonly { readonly reason: (typeof WITHDRAWAL_REASONS)[number]; readonly beforeStart: number; readonly during: number }[];
  /**
   * Withdrawals during the intervention by the week they happened in: entry
   * `i` is week `i + 1`; the last entry counts every week after the 52nd.
   */
  readonly withdrawnByWeek: readonly number[];
  /** Closed interventions: completed (*fullföljd*) vs discontinued, and by closing reason. */
  readonly closing: {
    readonly completed: Share;
    readonly discontinued: Share;
    readonly byReason: Readonly<Record<(typeof CLOSING_REASONS)[number], number>>;
  };
  /** Closed records that could not be classified, by reason. */
  readonly unclassified: Readonly<Record<(typeof UNCLASSIFIED)[number], number>>;
  /** The goal-attainment scale among classified records, in the scale's order. */
  readonly attainment: {
    readonly n: number;
    readonly levels: Readonly<Record<AttainmentLevel, Share>>;
    /** Levels 1 + 2: positive change. */
    readonly improved: Share;
    /** Level 3. */
    readonly unchanged: Share;
    /** Level 4. */
    readonly worse: Share;
    /** Goal met at closing (met, or already met and kept), among those with a goal. */
    readonly goalMet: Share;
    readonly goal: Readonly<Record<GoalStatus, number>>;
  };
  /** The primary measure: before (all who started), after and change (closed), and before among the withdrawn. */
  readonly primary: {
    readonly before: Distribution | NotComputed;
    readonly after: Distribution | NotComputed;
    readonly change: Distribution | NotComputed;
    readonly withdrawnBefore: Distribution | NotComputed;
    /** Before, among those who started and were not withdrawn (ongoing or closed). */
    readonly stayedBefore: Distribution | NotComputed;
  };
  /** Main problems among those who started, most common first. */
  readonly mainProblems: readonly CategoryCount[];
  /** Goals by goal area, most common first (`none`: goals without an area). */
  readonly goalAreas: readonly CategoryCount[];
  /** Background variables of every kind among those who started, with the outcome per value where counted by options. */
  readonly background: readonly BackgroundSummary[];
  /** Sessions attended and weeks from the start to closing, in bands, against the outcome of those classified. */
  readonly doseOutcome: readonly DoseOutcome[];
  /** Sessions attended and missed, and deviations reported. */
  readonly dose: { readonly sessionsAttended: number; readonly sessionsMissed: number; readonly deviations: number; readonly attendance: Share };
  /** During-measures week by week (week 1 = days 0–6 from the start). */
  readonly during: readonly DuringSummary[];
  /**
   * Every instrument of the plan at every phase it is measured, and its
   * paired change from before to each later phase (the primary measure here
   * with its follow-up points only).
   */
  readonly measures: readonly MeasureSummary[];
  /** The client questionnaire (*klienternas synpunkter*): each item at each point it is asked, in the plan's order. */
  readonly views: readonly ViewSummary[];
  /** Reach at each follow-up point after the end, in the plan's order (empty without follow-up points). */
  readonly followUps: readonly FollowUpReach[];
}

/**
 * Who could be followed up at one point after the end (*efteruppföljning*):
 * of those `closed` in the results, the share reached, not reached, who
 * declined, and with no follow-up recorded (`missing`); the four counts sum
 * to `closed`.
 *
 * @example
 * ```ts
 * const reach: readonly FollowUpReach[] = tabulate(compilation).total.followUps;
 * reach.length; // => 0
 * ```
 */
export interface FollowUpReach {
  readonly id: string;
  readonly label: Label;
  readonly monthsAfter: number;
  readonly closed: number;
  readonly reached: Share;
  readonly notReached: Share;
  readonly declined: Share;
  readonly missing: Share;
}

/**
 * A during-measure week by week for a group.
 *
 * @example
 * ```ts
 * const urine: DuringSummary = tabulate(compilation).total.during[0]!;
 * urine.label.en;
 * // => 'Urine test'
 * ```
 */
export interface DuringSummary {
  readonly id: string;
  readonly label: Label;
  readonly weeks: readonly {
    readonly week: number;
    readonly tests: number;
    readonly clients: number;
    /** Tests per client tested that week (compare with `perWeek`); null when nobody was tested. */
    readonly perClient: number | null;
    /** For a binary measure: the share of tests with the better value (e.g. negative tests). */
    readonly good: Share | null;
    /** The mean value of the week's measurements; null without measurements. */
    readonly mean: number | null;
  }[];
  /** Measurements after the plan's last followed week, counted, not dropped. */
  readonly later: { readonly tests: number; readonly clients: number };
  /** Measurements per client and week the plan asks for (e.g. 14 breath tests: twice a day). */
  readonly perWeek: number;
}

/**
 * A compilation read as a table: one row per group, and the total.
 *
 * @example
 * ```ts
 * const table: Tabulation = tabulate(compilation, { by: ['gender'] });
 * table.rows.map((r) => r.label.en);
 * // => ['Woman', 'Man']
 * ```
 */
export interface Tabulation {
  readonly planId: string;
  readonly title: string;
  readonly by: readonly Dimension[];
  readonly total: GroupRow;
  readonly rows: readonly GroupRow[];
  readonly invalid: Compilation['invalid'];
}


/** @internal Grouping dimensions given as an option: an array of known dimensions (a hole is not one). */
export const DimensionsSchema = z.array(z.enum(DIMENSIONS));

/** @internal The options of {@link tabulate}: the one definition of {@link TabulateOptions}. */
export const TabulateOptionsSchema = z.object({
  by: DimensionsSchema.optional().describe('The dimensions to group by (default none: the total only).'),
});

/**
 * Options of {@link tabulate}: `by`, the dimensions to group by (default
 * none: the total only).
 *
 * @example
 * ```ts
 * const options: TabulateOptions = { by: ['gender', 'ageBand'] };
 * ```
 */
export type TabulateOptions = DeepReadonly<z.input<typeof TabulateOptionsSchema>>;

/**
 * Reads a compilation as a table of groups: the total, and one row for every
 * combination of the chosen dimensions (any of age band, gender,
 * intervention, unit and period; none gives the total only): each
 * municipality beside the total, this year beside last year. Every share carries its n and a
 * Wilson 95 % interval; every distribution its n.
 *
 * The compilation is checked once per call with {@link validateCompilation}
 * (its shape and the lengths of its counter arrays), so a malformed one is
 * reported with the field's path, never a `TypeError`.
 *
 * Counts here are not yet protected against small cells: pass tables meant
 * for people through the privacy step first.
 *
 * @param compilation - from {@link compile} or {@link mergeCompilations}
 * @param options - `by`: the dimensions to group by (default none)
 * @returns the tabulation
 * @throws UppfoljningError for a malformed compilation (path `compilation.…`)
 *   or options (`by`, `by[i]`: an unknown dimension)
 *
 * @example
 * ```ts
 * // The Björkebo example (examples/bjorkebo-fcra): positive change with the goal met, by gender.
 * const table = tabulate(compilation, { by: ['gender'] });
 * table.rows.map((r) => [r.label.sv, r.attainment.levels.positive_goal_met.count]);
 * // => [['Kvinna', 4], ['Man', 8]]
 * ```
 */
export function tabulate(compilation: Compilation, options: TabulateOptions = {}): Tabulation {
  return tabulateChecked(checkedCompilation(compilation), checkTabulateOptions(options));
}

/**
 * @internal The compilation as its schema reads it, or an {@link UppfoljningError}
 * unless the input is a well-formed compilation (issues' paths start with
 * `compilation`). Read the returned value, not the input: the schema fills
 * what an older compilation lacks (units, periods, follow-up points), so the
 * input may not have every field the type promises.
 */
export function checkedCompilation(input: unknown): Compilation {
  const result = validateCompilation(input);
  if (!result.success) throw new UppfoljningError(result.issues.map((x) => ({ ...x, path: ['compilation', ...x.path] })));
  return result.data;
}

function checkTabulateOptions(options: unknown): TabulateOptions {
  throwIfAny(optionsIssues(options));
  const parsed = parseArg(TabulateOptionsSchema, options ?? {}, []);
  throwIfAny(parsed.issues);
  return parsed.value;
}

/**
 * @internal {@link tabulate} without the checks, for a compilation and
 * options already checked (analyse checks once, then tabulates per dimension).
 */
export function tabulateChecked(compilation: Compilation, options: TabulateOptions): Tabulation {
  const by = options.by ?? [];
  const groups = groupCells(compilation.meta.dims, by);
  const all = Array.from({ length: compilation.cells }, (_, c) => c);
  const rowOf = (key: Partial<Record<Dimension, string>>, label: Label, cells: number[]) => row(compilation, key, label, cells);
  return {
    planId: compilation.meta.planId,
    title: compilation.meta.title,
    by: [...by],
    total: rowOf({}, { sv: 'Totalt', en: 'Total' }, all),
    rows:
      by.length === 0
        ? []
        : groups.map((g) =>
            rowOf(g.key, { sv: g.labels.map((l) => l.sv).join(', '), en: g.labels.map((l) => l.en).join(', ') }, [...g.cells]),
          ),
    invalid: compilation.invalid,
  };
}

/** Sums a counter array over cells: one vector of the array's width. */
function sumCells(compilation: Compilation, name: CounterName, cells: readonly number[]): number[] {
  const width = widths(compilation.meta)[name];
  const out = new Array<number>(width).fill(0);
  const array = compilation.counts[name];
  for (const cell of cells) {
    const base = cell * width;
    for (let j = 0; j < width; j++) out[j] = out[j]! + array[base + j]!;
  }
  return out;
}

const ranked = (list: readonly { code: string; label: Label }[], counts: readonly number[]): CategoryCount[] =>
  list.map((c, i) => ({ code: c.code, label: c.label, count: counts[i] ?? 0 })).sort((x, y) => y.count - x.count);

function stayed(
  all: [number, number, number],
  withdrawn: [number, number, number],
  histAll: number[] | undefined,
  histWithdrawn: number[] | undefined,
  p: Compilation['meta']['primary'],
): Distribution | NotComputed {
  const sums = [all[0] - withdrawn[0], all[1] - withdrawn[1], all[2] - withdrawn[2]] as [number, number, number];
  const hist = histAll && histWithdrawn ? histAll.map((n, k) => n - histWithdrawn[k]!) : undefined;
  return distribution(sums, hist, p.min, p.step, p.bins);
}

function row(compilation: Compilation, key: Partial<Record<Dimension, string>>, label: Label, cells: number[]): GroupRow {
  const meta = compilation.meta;
  const sum = (name: CounterName) => sumCells(compilation, name, cells);
  const flowCounts = sum('flow');
  const [selected, started, ongoing, closed, classified] = [
    flowCounts[FLOW_AT.selected]!,
    flowCounts[FLOW_AT.started]!,
    flowCounts[FLOW_AT.ongoing]!,
    flowCounts[FLOW_AT.closed]!,
    flowCounts[FLOW_AT.classified]!,
  ];
  const w = sum('withdrawn');
  const stages = WITHDRAWAL_STAGES.length;
  const withdrawals = WITHDRAWAL_REASONS.map((reason, r) => ({
    reason,
    beforeStart: w[r * stages + WITHDRAWAL_STAGE_AT.before_start]!,
    during: w[r * stages + WITHDRAWAL_STAGE_AT.during]!,
  }));
  const withdrawnBeforeStart = withdrawals.reduce((n, x) => n + x.beforeStart, 0);
  const withdrawn = withdrawals.reduce((n, x) => n + x.during, 0);
  const closingCounts = sum('closing');
  const byReason = Object.fromEntries(CLOSING_REASONS.map((r, i) => [r, closingCounts[i]!])) as Record<(typeof CLOSING_REASONS)[number], number>;
  const unclassifiedCounts = sum('unclassified');
  const unclassified = Object.fromEntries(UNCLASSIFIED.map((r, i) => [r, unclassifiedCounts[i]!])) as GroupRow['unclassified'];
  const levelCounts = sum('levels');
  const goalCounts = sum('goal');
  const goal = Object.fromEntries(GOAL_STATUSES.map((s, i) => [s, goalCounts[i]!])) as Record<GoalStatus, number>;
  const levels = Object.fromEntries(ATTAINMENT_LEVELS.map((l, i) => [l, shareOf(levelCounts[i]!, classified)])) as Record<AttainmentLevel, Share>;

  const p = meta.primary;
  const sums = sum('sums');
  const triple = (name: (typeof SUMS)[number]): [number, number, number] => {
    const at = SUM_AT[name];
    return [sums[at + MOMENT_AT.n]!, sums[at + MOMENT_AT.sum]!, sums[at + MOMENT_AT.sumOfSquares]!];
  };
  const hist = (name: CounterName) => (p.histogram ? sum(name) : undefined);
  const { background, doseOutcome } = backgroundTable(meta, sum('background'), sum('backgroundOutcome'), sum('doseOutcome'), p.step, noChangeIndex(p.bins));
  const dose = sum('dose');
  const [attended, missed, deviations] = [dose[DOSE_AT.sessionsAttended]!, dose[DOSE_AT.sessionsMissed]!, dose[DOSE_AT.deviations]!];
  const duringCounts = sum('during');
  const weekSlots = duringSlots(meta);
  const during = meta.during.map((d, m) => {
    const offset = weekSlots[m]!.offset;
    const at = (week: number, j: number) => duringCounts[offset + week * WEEK.length + j]!;
    const weeks = Array.from({ length: d.weeks }, (_, week) => {
      const tests = at(week, WEEK_AT.tests);
      const sumK = at(week, WEEK_AT.sum);
      const good = d.kind === 'binary' ? (d.direction === 'lower_is_better' ? tests - sumK : sumK) : 0;
      return {
        week: week + 1,
        tests,
        clients: at(week, WEEK_AT.clients),
        perClient: at(week, WEEK_AT.clients) === 0 ? null : tests / at(week, WEEK_AT.clients),
        good: d.kind === 'binary' ? shareOf(good, tests) : null,
        mean: tests === 0 ? null : d.min + (sumK / tests) * d.step,
      };
    });
    const later = { tests: at(d.weeks, WEEK_AT.tests), clients: at(d.weeks, WEEK_AT.clients) };
    return { id: d.id, label: d.label, weeks, later, perWeek: d.perWeek };
  });
  const withGoal = classified - goal.no_goal;
  return {
    key,
    label,
    flow: {
      selected,
      notStarted: selected - started,
      withdrawnBeforeStart,
      started,
      withdrawn,
      ongoing,
      closed,
      classified,
      unclassified: closed - classified,
    },
    withdrawals,
    withdrawnByWeek: sum('withdrawnWeek'),
    closing: { completed: shareOf(byReason.completed, closed), discontinued: shareOf(closed - byReason.completed, closed), byReason },
    unclassified,
    attainment: {
      n: classified,
      levels,
      improved: shareOf(levelCounts[LEVEL_AT.positive_goal_met]! + levelCounts[LEVEL_AT.positive_goal_not_met]!, classified),
      unchanged: shareOf(levelCounts[LEVEL_AT.no_change]!, classified),
      worse: shareOf(levelCounts[LEVEL_AT.negative_change]!, classified),
      goalMet: shareOf(goal.met + goal.met_before, withGoal),
      goal,
    },
    primary: {
      before: distribution(triple('before'), hist('before'), p.min, p.step, p.bins),
      after: distribution(triple('after'), hist('after'), p.min, p.step, p.bins),
      change: distribution(triple('change'), hist('change'), -noChangeIndex(p.bins) * p.step, p.step, p.bins),
      withdrawnBefore: distribution(triple('withdrawnBefore'), hist('withdrawnBefore'), p.min, p.step, p.bins),
      stayedBefore: stayed(triple('before'), triple('withdrawnBefore'), hist('before'), hist('withdrawnBefore'), p),
    },
    mainProblems: ranked(meta.mainProblems, sum('mainProblems')),
    goalAreas: ranked([...meta.goalAreas, { code: 'none', label: { sv: 'Utan målområde', en: 'No goal area' } }], sum('goalAreas')),
    background,
    doseOutcome,
    dose: { sessionsAttended: attended, sessionsMissed: missed, deviations, attendance: shareOf(attended, attended + missed) },
    during,
    measures: measureSummaries(meta, sum('measures'), sum('measureChanges')),
    views: viewSummaries(meta, sum('views')),
    followUps: followUpReach(meta.followUps, sum('followUps')),
  };
}

/** Each follow-up point's four status counts (`counts.followUps`, FOLLOW_UP_STATUSES order per point) as shares of those closed. */
function followUpReach(points: Compilation['meta']['followUps'], counts: readonly number[]): FollowUpReach[] {
  return points.map((p, i) => {
    const w = FOLLOW_UP_STATUSES.length;
    const [reached = 0, notReached = 0, declined = 0, missing = 0] = counts.slice(i * w, i * w + w);
    const closed = reached + notReached + declined + missing;
    return {
      id: p.id,
      label: p.label,
      monthsAfter: p.monthsAfter,
      closed,
      reached: shareOf(reached, closed),
      notReached: shareOf(notReached, closed),
      declined: shareOf(declined, closed),
      missing: shareOf(missing, closed),
    };
  });
}
