import { issue, type Issue, type PathSegment } from '../core/issue.js';
import type { Plan } from '../plan/plan.js';
import { planInstrument } from '../plan/plan.js';
import { valueProblem } from '../measure/instrument.js';
import { ageBandIndex, bandLabels } from '../plan/bands.js';
import { numberBandCode, numberBandIndex } from '../plan/background.js';
import { periodsOf } from '../plan/periods.js';
import type { After, Before, ClientRecord, DuringEvent, Withdrawal } from './schema.js';
import { checkFollowUps, closedInResults } from './check-follow-up.js';
import { recordState } from './step.js';
import { checkViews } from './views.js';

type Path = readonly PathSegment[];

const codes = (list: readonly { code: string }[]) => list.map((c) => c.code);

function checkCode(value: string, list: readonly { code: string }[], field: string, path: Path, out: Issue[]): void {
  if (!list.some((c) => c.code === value)) out.push(issue(path, 'unknown_code', { value, field, known: codes(list) }));
}

/** @internal Measurements of allowed instruments, each on its scale. */
export function checkMeasures(
  plan: Plan,
  measures: Readonly<Record<string, number>>,
  allowed: readonly string[],
  path: Path,
  out: Issue[],
): void {
  for (const [id, value] of Object.entries(measures)) {
    const instrument = allowed.includes(id) ? planInstrument(plan, id) : undefined;
    if (!instrument) {
      out.push(issue([...path, id], 'unknown_instrument', { id, known: [...allowed] }));
      continue;
    }
    const problem = valueProblem(instrument.range, value);
    if (problem) {
      const { rule, ...params } = problem;
      out.push(issue([...path, id], rule, params));
    }
  }
}

const dateOrder = (value: string, other: string, otherValue: string, otherLabel: string, path: Path) =>
  issue(path, 'date_order', { value, other, otherValue, otherLabel });

/** Plan rules for the identity part of a record. */
export function checkHead(
  plan: Plan,
  record: Pick<ClientRecord, 'planId' | 'intervention' | 'age' | 'gender'>,
  path: Path,
  out: Issue[],
): void {
  if (record.planId !== plan.id) out.push(issue([...path, 'planId'], 'plan_mismatch', { value: record.planId, expected: plan.id }));
  checkCode(record.intervention, plan.interventions, 'intervention', [...path, 'intervention'], out);
  checkAge(plan, record.age, [...path, 'age'], out);
  checkCode(record.gender, plan.grouping.genders, 'gender', [...path, 'gender'], out);
}

/** The age must fall in one of the plan's age bands. */
export function checkAge(plan: Plan, age: number, path: Path, out: Issue[]): void {
  if (ageBandIndex(plan.grouping.ageBands, age) < 0) {
    out.push(issue(path, 'outside_age_bands', { age, bands: bandLabels(plan.grouping.ageBands) }));
  }
}

/**
 * When the plan names periods (`periodBy`), the date that decides a record's
 * period must fall inside them (`outside_period`, with the whole period's
 * first and last day): the start, or for a record that has not started the
 * date of selection (`enrolled`, with `date: 'enrolled'` in the params).
 * compile decides a record's period from the same date and counts one
 * outside them under `invalid`, so the steps and validateRecord refuse it
 * first. A client selected before the period who starts inside it is a
 * record of the period from the start on.
 */
export function checkStartInPeriods(plan: Plan, date: string, path: Path, out: Issue[], which: 'start' | 'enrolled' = 'start'): void {
  if (plan.periodBy === undefined) return;
  const periods = periodsOf(plan);
  const from = periods[0]?.from;
  const to = periods[periods.length - 1]?.to;
  if (from === undefined || to === undefined) return;
  if (date < from || date > to) out.push(issue(path, 'outside_period', which === 'start' ? { value: date, from, to } : { value: date, from, to, date: which }));
}

/** Plan rules for the before part. */
export function checkBefore(plan: Plan, before: Before, path: Path, out: Issue[]): void {
  checkStartInPeriods(plan, before.date, [...path, 'date'], out);
  checkCode(before.mainProblem, plan.mainProblems, 'mainProblem', [...path, 'mainProblem'], out);
  before.goals.forEach((goal, i) => {
    if (goal.area !== undefined) checkCode(goal.area, plan.goalAreas, 'goal area', [...path, 'goals', i, 'area'], out);
    if (goal.target !== undefined) {
      const primary = planInstrument(plan, plan.primaryMeasure);
      const problem = primary && valueProblem(primary.range, goal.target);
      if (problem) {
        const { rule, ...params } = problem;
        out.push(issue([...path, 'goals', i, 'target'], rule, params));
      }
    }
  });
  for (const [key, value] of Object.entries(before.background)) {
    const variable = plan.background.find((b) => b.id === key);
    const at = [...path, 'background', key];
    if (!variable) {
      out.push(issue(at, 'unknown_key', { keys: [key] }));
    } else if (variable.kind === 'category') {
      if (typeof value !== 'string') out.push(issue(at, 'type', { expected: 'string', received: typeof value }));
      else checkCode(value, variable.options, key, at, out);
    } else if (variable.kind === 'boolean') {
      if (typeof value !== 'boolean') out.push(issue(at, 'type', { expected: 'boolean', received: typeof value }));
    } else if (typeof value !== 'number') {
      out.push(issue(at, 'type', { expected: 'number', received: typeof value }));
    } else if (!Number.isFinite(value)) {
      out.push(issue(at, 'finite', { value: String(value) }));
    } else if (variable.integer && !Number.isInteger(value)) {
      out.push(issue(at, 'integer', { value }));
    } else if (variable.min !== undefined && value < variable.min) {
      out.push(issue(at, 'min', { minimum: variable.min, origin: 'number' }));
    } else if (variable.max !== undefined && value > variable.max) {
      out.push(issue(at, 'max', { maximum: variable.max, origin: 'number' }));
    } else if (variable.bands !== undefined && numberBandIndex(variable.bands, value) < 0) {
      out.push(issue(at, 'outside_bands', { value, bands: variable.bands.map(numberBandCode) }));
    }
  }
  checkMeasures(plan, before.measures, plan.measures.before, [...path, 'measures'], out);
}

/** Plan rules for one during event. */
export function checkDuringEvent(
  plan: Plan,
  event: DuringEvent,
  started: string | undefined,
  closed: string | undefined,
  path: Path,
  out: Issue[],
): void {
  if (started !== undefined && event.date < started) {
    out.push(dateOrder(event.date, 'before.date', started, 'intervention_start', [...path, 'date']));
  }
  if (closed !== undefined && event.date > closed) {
    out.push(issue([...path, 'date'], 'date_order', { value: closed, other: `${event.date}`, otherValue: event.date, otherLabel: 'event' }));
  }
  if (event.kind !== 'measure') return;
  const measure = plan.during.find((d) => d.id === event.measure);
  if (!measure) {
    out.push(issue([...path, 'measure'], 'unknown_code', { value: event.measure, field: 'during measure', known: plan.during.map((d) => d.id) }));
    return;
  }
  const instrument = planInstrument(plan, measure.instrument);
  const problem = instrument && valueProblem(instrument.range, event.value);
  if (problem) {
    const { rule, ...params } = problem;
    out.push(issue([...path, 'value'], rule, params));
  }
}

/** Plan rules for the after part. */
export function checkAfter(plan: Plan, after: After, before: Before | undefined, path: Path, out: Issue[]): void {
  if (before && after.date < before.date) {
    out.push(dateOrder(after.date, 'before.date', before.date, 'intervention_start', [...path, 'date']));
  }
  checkMeasures(plan, after.measures, plan.measures.after, [...path, 'measures'], out);
  if (after.views !== undefined) checkViews(plan, after.views, 'after', [...path, 'views'], out);
  if (after.goalsMet !== undefined && before && after.goalsMet.length !== before.goals.length) {
    out.push(
      issue([...path, 'goalsMet'], after.goalsMet.length < before.goals.length ? 'min' : 'max', {
        minimum: before.goals.length,
        maximum: before.goals.length,
        origin: 'array',
      }),
    );
  }
}

/** Plan rules for a withdrawal. */
export function checkWithdrawal(withdrawal: Withdrawal, before: Before | undefined, path: Path, out: Issue[]): void {
  if (before && withdrawal.date < before.date) {
    out.push(dateOrder(withdrawal.date, 'before.date', before.date, 'intervention_start', [...path, 'date']));
  }
}

/** The state a follow-up step is refused in: a record closed for a reason the plan withdraws on counts as withdrawn. */
export function followUpState(plan: Plan, record: ClientRecord): string {
  return record.after && !record.withdrawal && !closedInResults(plan, record) ? 'withdrawn' : recordState(record);
}

/** Every plan rule for a whole record, with paths from the record's root. */
export function checkRecord(plan: Plan, record: ClientRecord, path: Path = []): Issue[] {
  const out: Issue[] = [];
  checkHead(plan, record, path, out);
  // The birth date is kept only until the start (before() drops it).
  if (record.birthDate !== undefined && (record.before || record.withdrawal)) out.push(issue([...path, 'birthDate'], 'unknown_key', { keys: ['birthDate'] }));
  if (record.before) checkBefore(plan, record.before, [...path, 'before'], out);
  // Never started: the date of selection decides the period, as in compile.
  else checkStartInPeriods(plan, record.enrolled, [...path, 'enrolled'], out, 'enrolled');
  if (!record.before && (record.during.length > 0 || record.after)) {
    out.push(issue([...path, 'before'], 'required'));
  }
  record.during.forEach((event, i) =>
    checkDuringEvent(plan, event, record.before?.date, record.after?.date ?? record.withdrawal?.date, [...path, 'during', i], out),
  );
  if (record.after) checkAfter(plan, record.after, record.before, [...path, 'after'], out);
  if (record.withdrawal) {
    if (record.after) {
      out.push(issue([...path, 'withdrawal'], 'step_order', { step: 'withdraw', state: 'closed' }));
    }
    checkWithdrawal(record.withdrawal, record.before, [...path, 'withdrawal'], out);
  }
  checkFollowUps(plan, record.followUps, record.withdrawal ? undefined : record.after, followUpState(plan, record), [...path, 'followUps'], out);
  return out;
}
