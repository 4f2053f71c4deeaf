import type { IssueParams } from '../core/issue.js';
import type { Plan } from '../plan/plan.js';
import { planInstrument } from '../plan/plan.js';
import type { Instrument } from '../measure/instrument.js';
import { classifyChange } from '../measure/change.js';
import type { ClientRecord } from '../record/schema.js';
import { stepArgs } from '../record/step.js';
import { UppfoljningError } from '../core/error.js';

/**
 * The four levels of the general goal-attainment scale (*generell skala för
 * måluppfyllelse*), in the scale's order:
 * 1. `positive_goal_met` — positive change and goal met (*positiv förändring och målet uppfyllt*)
 * 2. `positive_goal_not_met` — positive change, goal not met (*positiv förändring men målet inte uppfyllt*)
 * 3. `no_change` — no change (*ingen förändring*)
 * 4. `negative_change` — negative change (*negativ förändring*)
 *
 * @example
 * ```ts
 * ATTAINMENT_LEVELS[0];
 * // => 'positive_goal_met'
 * ```
 */
export const ATTAINMENT_LEVELS = ['positive_goal_met', 'positive_goal_not_met', 'no_change', 'negative_change'] as const;

/**
 * A level of the goal-attainment scale.
 *
 * @example
 * ```ts
 * const c = classify(plan, closedRecord);
 * const level: AttainmentLevel | undefined = c.classified ? c.level : undefined;
 * level;
 * // => 'positive_goal_met'
 * ```
 */
export type AttainmentLevel = (typeof ATTAINMENT_LEVELS)[number];

/**
 * Whether the client's goal was met: `met`; `met_before` (a target already
 * reached at the start and still reached at closing); `not_met`; or `no_goal`
 * (no goal was set that the plan's goal rule can judge).
 *
 * @example
 * ```ts
 * GOAL_STATUSES.length;
 * // => 4
 * ```
 */
export const GOAL_STATUSES = ['met', 'met_before', 'not_met', 'no_goal'] as const;

/**
 * How a client's goal stands at closing.
 *
 * @example
 * ```ts
 * const c = classify(plan, closedRecord); // goalsMet: [true] under the 'assessed' goal rule
 * c.classified && c.goal;
 * // => 'met'
 * ```
 */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/**
 * Why a record was not classified.
 *
 * @example
 * ```ts
 * const c = classify(plan, withdraw(plan, record, { date: '2019-03-02', reason: 'breakdown' }));
 * c.classified ? undefined : c.reason;
 * // => 'withdrawn'
 * ```
 */
export type UnclassifiedReason = 'withdrawn' | 'not_closed' | 'missing_measure' | 'missing_goal_assessment';

/**
 * A record's place on the goal-attainment scale, or why it has none.
 *
 * @example
 * ```ts
 * const c: Classification = classify(plan, closedRecord);
 * if (c.classified) console.log(c.level, c.improvement); // 'positive_goal_met' 2
 * else console.log(ruleText(c.reason, c.params, 'en'));
 * ```
 */
export type Classification =
  | {
      readonly classified: true;
      readonly level: AttainmentLevel;
      /** 1–4, the level's place in the scale's order. */
      readonly rank: 1 | 2 | 3 | 4;
      readonly goal: GoalStatus;
      readonly before: number;
      readonly after: number;
      /** after − before, on the instrument's scale. */
      readonly difference: number;
      /** The difference signed so that positive is better. */
      readonly improvement: number;
    }
  | { readonly classified: false; readonly reason: UnclassifiedReason; readonly params: IssueParams };

/** @internal Whether a record is withdrawn from the results under a plan. */
export function isWithdrawn(plan: Pick<Plan, 'withdrawOn'>, record: ClientRecord): boolean {
  return record.withdrawal !== undefined || (record.after !== undefined && plan.withdrawOn.includes(record.after.reason as never));
}

/**
 * Places a closed record on the goal-attainment scale, from the primary
 * measure before and after, the instrument's direction and minimal important
 * change, and the client's goal under the plan's goal rule.
 *
 * The rules:
 * - Withdrawn (a withdrawal, or a closing reason in `plan.withdrawOn`), not yet
 *   closed, or missing the primary measure before or after: not classified,
 *   with the reason. Such records are still counted by compile.
 * - The change is *positive* if it improves by at least the minimal important
 *   change (default one step), *negative* if it worsens by as much, otherwise
 *   *no change*.
 * - Positive change with the goal met (or a target already met before and
 *   still met) is level 1; other positive change is level 2, including when
 *   no goal was set (the classification says `goal: 'no_goal'`); no change is
 *   level 3 and negative change level 4, whatever the goal.
 * - Goal rules: `assessed` — the worker's and client's assessment at closing
 *   (`after.goalsMet`; all or any of the goals, by the plan); missing
 *   assessment with goals set: not classified. `target` — every goal that
 *   has a target on the primary measure must be reached at closing.
 *   `plan_target` — the plan's one target value.
 *
 * @param plan - a validated plan
 * @param record - a record of that plan
 * @returns the classification
 * @throws UppfoljningError when `record` is not an object (a `type` issue at
 *   `record`); a record of the wrong shape otherwise is classified by what it
 *   has, so check stored records with {@link validateRecord} first
 *
 * @example
 * ```ts
 * classify(plan, closedRecord);
 * // => { classified: true, level: 'positive_goal_met', rank: 1, goal: 'met',
 * //      before: 2, after: 4, difference: 2, improvement: 2 }
 * ```
 */
export function classify(plan: Plan, record: ClientRecord): Classification {
  const { plan: checkedPlan, issues } = stepArgs(plan, record);
  if (issues.length > 0) throw new UppfoljningError(issues);
  if (isWithdrawn(checkedPlan, record)) return { classified: false, reason: 'withdrawn', params: {} };
  if (!record.before || !record.after) return { classified: false, reason: 'not_closed', params: {} };
  const instrument = planInstrument(checkedPlan, checkedPlan.primaryMeasure)!;
  const before = record.before.measures[checkedPlan.primaryMeasure];
  const after = record.after.measures[checkedPlan.primaryMeasure];
  if (before === undefined) return { classified: false, reason: 'missing_measure', params: { phase: 'before' } };
  if (after === undefined) return { classified: false, reason: 'missing_measure', params: { phase: 'after' } };
  const goal = goalStatus(checkedPlan.goalRule, instrument.direction, record.before.goals, record.after.goalsMet, before, after);
  if (goal === undefined) return { classified: false, reason: 'missing_goal_assessment', params: {} };
  const change = classifyChange(instrument, before, after);
  const rank: 1 | 2 | 3 | 4 =
    change.direction === 'positive' ? (goal === 'met' || goal === 'met_before' ? 1 : 2) : change.direction === 'none' ? 3 : 4;
  return {
    classified: true,
    level: ATTAINMENT_LEVELS[rank - 1]!,
    rank,
    goal,
    before,
    after,
    difference: change.difference,
    improvement: change.improvement,
  };
}

/** @internal A goal's status under a goal rule; undefined when an assessment is missing. */
export function goalStatus(
  rule: Plan['goalRule'],
  direction: Instrument['direction'],
  goals: readonly { readonly target?: number | undefined }[],
  met: readonly boolean[] | undefined,
  before: number,
  after: number,
): GoalStatus | undefined {
  if (rule.kind === 'assessed') {
    if (goals.length === 0) return 'no_goal';
    if (met === undefined || met.length !== goals.length) return undefined;
    return (rule.combine === 'all' ? met.every(Boolean) : met.some(Boolean)) ? 'met' : 'not_met';
  }
  const targets =
    rule.kind === 'plan_target' ? [rule.value] : goals.flatMap((g) => (g.target === undefined ? [] : [g.target]));
  if (targets.length === 0) return 'no_goal';
  const reach = (value: number, target: number) => (direction === 'higher_is_better' ? value >= target : value <= target);
  if (!targets.every((t) => reach(after, t))) return 'not_met';
  return targets.every((t) => reach(before, t)) ? 'met_before' : 'met';
}
