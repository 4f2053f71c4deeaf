/**
 * Shared fixtures for the spine's tests: a small plan with two age bands,
 * two genders and two interventions (8 cells), a lower_is_better primary
 * measure besides a higher_is_better one, a binary during-measure followed
 * for 4 weeks, and builders of records made through the step functions.
 * Every value is synthetic.
 */
import {
  after,
  before,
  during,
  enrol,
  parsePlan,
  withdraw,
  type AfterInput,
  type BeforeInput,
  type ClientRecord,
  type DuringEvent,
  type Plan,
  type PlanInput,
} from '../../src/index.js';

/** A small plan: 2 age bands × 2 genders × 2 interventions = 8 cells. */
export const smallPlanInput: PlanInput = {
  id: 'test-plan',
  title: 'Testplan',
  question: 'Blir det bättre?',
  interventions: [
    { code: 'a', label: { sv: 'Insats A', en: 'Intervention A' } },
    { code: 'b', label: { sv: 'Insats B', en: 'Intervention B' } },
  ],
  targetGroup: 'Vuxna',
  selection: { kind: 'all' },
  background: [
    {
      id: 'boende',
      label: { sv: 'Boende', en: 'Housing' },
      kind: 'category',
      options: [
        { code: 'eget', label: { sv: 'Eget', en: 'Own' } },
        { code: 'hemlos', label: { sv: 'Hemlös', en: 'Homeless' } },
      ],
    },
    { id: 'tidigare', label: { sv: 'Tidigare insats', en: 'Earlier intervention' }, kind: 'boolean' },
  ],
  mainProblems: [
    { code: 'alkohol', label: { sv: 'Alkohol', en: 'Alcohol' } },
    { code: 'narkotika', label: { sv: 'Narkotika', en: 'Drugs' } },
  ],
  goalAreas: [
    { code: 'arbete', label: { sv: 'Arbete', en: 'Work' } },
    { code: 'halsa', label: { sv: 'Hälsa', en: 'Health' } },
  ],
  measures: { before: ['tilltro-nykterhet', 'audit'], after: ['tilltro-nykterhet', 'audit'] },
  // AUDIT has no published minimal important change, so a plan must set one;
  // the fixture keeps one point, so the hand-computed cases built on it stay.
  minimalChange: { audit: 1 },
  primaryMeasure: 'tilltro-nykterhet',
  during: [{ id: 'up', label: { sv: 'Urinprov', en: 'Urine test' }, instrument: 'provresultat', weeks: 4 }],
  goalRule: { kind: 'assessed', combine: 'all' },
  withdrawOn: ['breakdown'],
  // The national template and one own yes/no item without a don't-know answer.
  clientViews: {
    template: 'national',
    items: [{ id: 'vantetid', label: { sv: 'Jag fick hjälp i rimlig tid', en: 'I got help in reasonable time' }, kind: 'yes_no' }],
  },
  grouping: {
    ageBands: [
      { from: 18, to: 29 },
      { from: 30 },
    ],
  },
};

/** The small plan, validated. */
export const smallPlan: Plan = parsePlan(smallPlanInput);

/** The same plan with AUDIT (0–40, lower is better) as its primary measure. */
export const auditPlan: Plan = parsePlan({ ...smallPlanInput, id: 'audit-plan', primaryMeasure: 'audit' });

/** Options of {@link makeRecord}: how far through the steps a record goes. */
export interface RecordSpec {
  readonly id?: string;
  readonly intervention?: 'a' | 'b';
  readonly gender?: 'kvinna' | 'man';
  readonly age?: number;
  readonly enrolled?: string;
  /** Leave out to stop after enrol. */
  readonly before?: Partial<BeforeInput>;
  readonly during?: readonly DuringEvent[];
  /** Leave out to leave the record ongoing. */
  readonly after?: Partial<AfterInput>;
  readonly withdraw?: { readonly date: string; readonly reason: 'breakdown' | 'moved' | 'declined' | 'other' };
}

let counter = 0;

/** Builds a record through the step functions (so it is valid by construction). */
export function makeRecord(spec: RecordSpec = {}, plan: Plan = smallPlan): ClientRecord {
  counter += 1;
  let record = enrol(plan, {
    clientId: spec.id ?? `k-${counter}`,
    intervention: spec.intervention ?? 'a',
    enrolled: spec.enrolled ?? '2024-01-08',
    gender: spec.gender ?? 'kvinna',
    age: spec.age ?? 25,
  });
  if (spec.before) {
    record = before(plan, record, { date: '2024-01-15', mainProblem: 'alkohol', ...spec.before } as BeforeInput);
  }
  if (spec.during && spec.during.length > 0) record = during(plan, record, spec.during);
  if (spec.after) record = after(plan, record, { date: '2024-06-03', reason: 'completed', ...spec.after } as AfterInput);
  if (spec.withdraw) record = withdraw(plan, record, spec.withdraw);
  return record;
}

/** A closed, completed record with the primary measure before and after and one assessed goal. */
export function closedRecord(beforeValue: number | undefined, afterValue: number | undefined, goalMet = true, extra: Partial<RecordSpec> = {}): ClientRecord {
  return makeRecord({
    ...extra,
    before: {
      goals: [{ area: 'arbete', statement: 'Få ett arbete' }],
      measures: beforeValue === undefined ? {} : { 'tilltro-nykterhet': beforeValue },
    },
    after: { measures: afterValue === undefined ? {} : { 'tilltro-nykterhet': afterValue }, goalsMet: [goalMet] },
  });
}
