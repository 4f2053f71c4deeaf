import type { IssueParams, PathSegment } from '../../core/issue.js';
import type { CompilationMeta } from '../meta.js';
import {
  FLOW_AT,
  FOLLOW_UP_STATUSES,
  GOAL_AT,
  LEVEL_AT,
  MOMENT_AT,
  MOMENTS,
  SUMS,
  SUM_AT,
  UNCLASSIFIED_AT,
  WEEK,
  WEEK_AT,
  WITHDRAWAL_REASONS,
  WITHDRAWAL_STAGES,
  WITHDRAWAL_STAGE_AT,
  widths,
  type CounterName,
} from '../layout.js';
import { blockMomentIssues, measureConsistencyIssues } from './measure-consistency.js';
import { ATTAINMENT_LEVELS } from '../../after/classify.js';
import {
  BACKGROUND_MOMENTS,
  BACKGROUND_OUTCOME,
  DOSE_MOMENTS_AT,
  DOSE_OUTCOME,
  OUTCOME_GOAL_AT,
  backgroundOutcomeSlots,
  backgroundSlots,
  doseOutcomeSlots,
} from './background.js';
import { viewsConsistency } from './views.js';

/** The rules a compilation whose counts contradict each other breaks. */
export type ConsistencyRule = 'count_sum' | 'exceeds_total' | 'moment_bounds' | 'margin_mismatch';

/** Where an inconsistency is reported: the path, the rule and its numbers. */
export type Report = (path: readonly PathSegment[], rule: ConsistencyRule, params: IssueParams) => void;

/** The counter arrays, each checked already to be as long as the layout says and of safe whole numbers ≥ 0. */
type Counts = { readonly [K in CounterName]: readonly number[] };

/**
 * The cross-field rules of a compilation: what compile's fold makes true of
 * every cell, so that a compilation that breaks one was altered or damaged
 * and neither merge nor the report may read it. Each rule follows from how
 * `Folder.add` counts a record (compile.ts):
 *
 * - started ≤ selected, and withdrawals before the start ≤ selected − started;
 * - started = withdrawn during the intervention + ongoing + closed;
 * - withdrawals by week add up to the withdrawals during the intervention;
 * - closed = the closing reasons = classified + unclassified;
 * - classified = the attainment levels = the goal statuses; a positive change
 *   with the goal met needs a goal met (now or before), one without it a goal
 *   not met (or none);
 * - started = the main problems = each background variable's options (or
 *   whole numbers, or its n) and missing; per background variable counted by
 *   options and per dose (sessions, weeks), its values' levels and goal
 *   statuses add up to the cell's, and the dose bands' change n to classified;
 * - the primary measure's n: before ≤ started, after ≤ closed, change =
 *   classified + missing goal assessment, change ≤ after, after − change ≤
 *   missing before, withdrawn-before ≤ withdrawn during;
 * - a histogram counts its sum counter's n, Σk and Σk²; without histograms,
 *   0 ≤ Σk ≤ n·kmax and max(Σk, ⌈(Σk)²/n⌉) ≤ Σk² ≤ Σk·kmax;
 * - per during-measure and week: clients tested ≤ tests, and ≤ started;
 * - per follow-up point: reached + not reached + declined + missing = closed;
 * - per questionnaire item at closing: each column sums to the cell's
 *   attainment level (or its closed but unclassified); at a follow-up point,
 *   the block's total ≤ closed;
 * - invalid.total = the sum of invalid.byRule.
 *
 * Dose, goal areas, the number selected who never started and the tests and
 * sums of the during-measures have no such rule: any value of them can come
 * from some set of records.
 */
export function consistencyIssues(
  meta: CompilationMeta,
  cells: number,
  counts: Counts,
  invalid: { readonly total: number; readonly byRule: Readonly<Record<string, number | undefined>> },
  report: Report,
): void {
  const w = widths(meta);
  const R = WITHDRAWAL_STAGES.length;
  const sumOf = (name: CounterName, cell: number, from = 0, length: number = w[name]): number => {
    const array = counts[name];
    let total = 0;
    for (let j = cell * w[name] + from, end = j + length; j < end; j++) total += array[j]!;
    return total;
  };
  const get = (name: CounterName, cell: number, slot: number): number => counts[name][cell * w[name] + slot]!;
  const equal = (name: CounterName, cell: number, slot: number, expected: number, parts: readonly string[]): void => {
    const value = get(name, cell, slot);
    if (value !== expected) report(['counts', name, cell * w[name] + slot], 'count_sum', { value, expected, parts });
  };
  const atMost = (name: CounterName, cell: number, slot: number, value: number, total: number, totalName: string): void => {
    if (value > total) report(['counts', name, cell * w[name] + slot], 'exceeds_total', { value, total, totalName });
  };
  const moment = (cell: number, sum: (typeof SUMS)[number], m: (typeof MOMENTS)[number]) => get('sums', cell, SUM_AT[sum] + MOMENT_AT[m]);

  for (let c = 0; c < cells; c++) {
    const selected = get('flow', c, FLOW_AT.selected);
    const started = get('flow', c, FLOW_AT.started);
    const ongoing = get('flow', c, FLOW_AT.ongoing);
    const closed = get('flow', c, FLOW_AT.closed);
    const classified = get('flow', c, FLOW_AT.classified);
    let withdrawnBeforeStart = 0;
    let withdrawnDuring = 0;
    for (let r = 0; r < WITHDRAWAL_REASONS.length; r++) {
      withdrawnBeforeStart += get('withdrawn', c, r * R + WITHDRAWAL_STAGE_AT.before_start);
      withdrawnDuring += get('withdrawn', c, r * R + WITHDRAWAL_STAGE_AT.during);
    }

    // The flow.
    atMost('flow', c, FLOW_AT.started, started, selected, 'counts.flow.selected');
    if (started <= selected) {
      atMost('withdrawn', c, WITHDRAWAL_STAGE_AT.before_start, withdrawnBeforeStart, selected - started, 'counts.flow.selected − counts.flow.started');
    }
    equal('flow', c, FLOW_AT.started, withdrawnDuring + ongoing + closed, ['counts.withdrawn (during)', 'counts.flow.ongoing', 'counts.flow.closed']);
    const byWeek = sumOf('withdrawnWeek', c);
    if (byWeek !== withdrawnDuring) {
      report(['counts', 'withdrawnWeek', c * w.withdrawnWeek], 'count_sum', { value: byWeek, expected: withdrawnDuring, parts: ['counts.withdrawn (during)'] });
    }
    equal('flow', c, FLOW_AT.closed, sumOf('closing', c), ['counts.closing']);
    const unclassified = sumOf('unclassified', c);
    equal('flow', c, FLOW_AT.closed, classified + unclassified, ['counts.flow.classified', 'counts.unclassified']);

    // Classification.
    equal('flow', c, FLOW_AT.classified, sumOf('levels', c), ['counts.levels']);
    equal('flow', c, FLOW_AT.classified, sumOf('goal', c), ['counts.goal']);
    const goal = (status: keyof typeof GOAL_AT) => get('goal', c, GOAL_AT[status]);
    atMost('levels', c, LEVEL_AT.positive_goal_met, get('levels', c, LEVEL_AT.positive_goal_met), goal('met') + goal('met_before'), 'counts.goal (met + met_before)');
    atMost('levels', c, LEVEL_AT.positive_goal_not_met, get('levels', c, LEVEL_AT.positive_goal_not_met), goal('not_met') + goal('no_goal'), 'counts.goal (not_met + no_goal)');

    // Everyone who started has one main problem and one answer (or none) per background variable.
    equal('flow', c, FLOW_AT.started, sumOf('mainProblems', c), ['counts.mainProblems']);
    backgroundIssues(meta, c, started, classified, get, sumOf, report);

    // The primary measure: each n counts some of the people of a flow status.
    const n = (sum: (typeof SUMS)[number]) => moment(c, sum, 'n');
    const nAt = (sum: (typeof SUMS)[number]) => SUM_AT[sum] + MOMENT_AT.n;
    const missingBefore = get('unclassified', c, UNCLASSIFIED_AT.missing_before);
    atMost('sums', c, nAt('before'), n('before'), started, 'counts.flow.started');
    atMost('sums', c, nAt('after'), n('after'), closed, 'counts.flow.closed');
    equal('sums', c, nAt('change'), classified + get('unclassified', c, UNCLASSIFIED_AT.missing_goal_assessment), [
      'counts.flow.classified',
      'counts.unclassified (missing_goal_assessment)',
    ]);
    atMost('sums', c, nAt('change'), n('change'), n('after'), 'counts.sums (after, n)');
    if (n('change') <= n('after')) {
      atMost('sums', c, nAt('after'), n('after') - n('change'), missingBefore, 'counts.unclassified (missing_before)');
    }
    atMost('sums', c, nAt('withdrawnBefore'), n('withdrawnBefore'), withdrawnDuring, 'counts.withdrawn (during)');
    for (const sum of SUMS) momentIssues(meta, counts, c, sum, report);

    // The questionnaire: every closed client once per item at closing, in the column of its level (or unclassified).
    const byColumn = [...ATTAINMENT_LEVELS.map((l) => get('levels', c, LEVEL_AT[l])), unclassified];
    viewsConsistency(meta.views, (slot) => get('views', c, slot), byColumn, closed, (slot, rule, params) =>
      report(['counts', 'views', c * w.views + slot], rule, params),
    );

    // The during-measures, week by week.
    for (let slot = 0; slot < w.during; slot += WEEK.length) {
      const tests = get('during', c, slot + WEEK_AT.tests);
      const clients = get('during', c, slot + WEEK_AT.clients);
      atMost('during', c, slot + WEEK_AT.clients, clients, tests, 'tests');
      atMost('during', c, slot + WEEK_AT.clients, clients, started, 'counts.flow.started');
    }

    // Every instrument at every phase, and the paired changes.
    measureConsistencyIssues(meta, counts, c, report);

    // Follow-up after the end: every closed client once per point.
    for (let i = 0; i < meta.followUps.length; i++) {
      const at = i * FOLLOW_UP_STATUSES.length;
      const total = sumOf('followUps', c, at, FOLLOW_UP_STATUSES.length);
      if (total !== closed) {
        report(['counts', 'followUps', c * w.followUps + at], 'count_sum', { value: total, expected: closed, parts: [`counts.followUps (${meta.followUps[i]!.id})`] });
      }
    }
  }

  let byRule = 0;
  for (const key of Object.keys(invalid.byRule)) byRule += invalid.byRule[key] ?? 0;
  if (invalid.total !== byRule) report(['invalid', 'total'], 'count_sum', { value: invalid.total, expected: byRule, parts: ['invalid.byRule'] });
}

/**
 * The moments (n, Σk, Σk²) of one of the primary measure's sums in a cell:
 * with histograms, the histogram's own count and moments; without, the
 * bounds any set of grid indices 0 … kmax satisfies.
 */
function momentIssues(meta: CompilationMeta, counts: Counts, cell: number, sum: (typeof SUMS)[number], report: Report): void {
  const w = widths(meta);
  const width = meta.primary.histogram ? w[sum] : 0;
  const bins = meta.primary.bins;
  const kmax = sum === 'change' ? 2 * (bins - 1) : bins - 1;
  blockMomentIssues(counts, 'sums', cell * w.sums + SUM_AT[sum], sum, cell * w[sum], width, kmax, report);
}

/**
 * Background and dose against the outcome in one cell: each variable's
 * answers (its options or whole numbers, or its n, with the missing) add up
 * to those who started; per variable counted by options, its values' counts
 * of each attainment level and goal status add up to the cell's; per dose
 * (sessions, weeks), its bands' counts of each level add up to the cell's,
 * and their change n to those classified.
 */
function backgroundIssues(
  meta: CompilationMeta,
  c: number,
  started: number,
  classified: number,
  get: (name: CounterName, cell: number, slot: number) => number,
  sumOf: (name: CounterName, cell: number, from?: number, length?: number) => number,
  report: Report,
): void {
  const w = widths(meta);
  const at = (name: CounterName, slot: number) => ['counts', name, c * w[name] + slot] as const;
  for (const b of backgroundSlots(meta)) {
    const answers =
      b.summary === 'sums'
        ? get('background', c, b.offset + BACKGROUND_MOMENTS.indexOf('n')) + get('background', c, b.missing)
        : sumOf('background', c, b.offset, b.missing - b.offset + 1);
    if (answers !== started) report(at('background', b.offset), 'count_sum', { value: answers, expected: started, parts: ['counts.flow.started', `counts.background (${b.id})`] });
  }
  const G = BACKGROUND_OUTCOME.length;
  for (const o of backgroundOutcomeSlots(meta)) {
    BACKGROUND_OUTCOME.forEach((name, j) => {
      let total = 0;
      for (let v = 0; v <= o.values; v++) total += get('backgroundOutcome', c, o.offset + v * G + j);
      const expected = j < OUTCOME_GOAL_AT ? get('levels', c, j) : get('goal', c, j - OUTCOME_GOAL_AT);
      if (total !== expected) {
        report(at('backgroundOutcome', o.offset + j), 'count_sum', { value: total, expected, parts: [j < OUTCOME_GOAL_AT ? `counts.levels (${name})` : `counts.goal (${name})`, `counts.backgroundOutcome (${o.id})`] });
      }
    });
  }
  const D = DOSE_OUTCOME.length;
  for (const d of doseOutcomeSlots(meta)) {
    const check = (j: number, expected: number, part: string) => {
      let total = 0;
      for (let band = 0; band < d.bands; band++) total += get('doseOutcome', c, d.offset + band * D + j);
      if (total !== expected) report(at('doseOutcome', d.offset + j), 'count_sum', { value: total, expected, parts: [part, `counts.doseOutcome (${d.measure})`] });
    };
    ATTAINMENT_LEVELS.forEach((level, j) => check(j, get('levels', c, j), `counts.levels (${level})`));
    check(DOSE_MOMENTS_AT, classified, 'counts.flow.classified');
  }
}
