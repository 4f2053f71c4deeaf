/**
 * fast-check arbitraries of valid records for the small test plan, built
 * through the step functions (enrol → before → during → after / withdraw), so
 * every record is one a host system could have made.
 */
import fc from 'fast-check';
import { addDaysIso, after, before, during, enrol, withdraw, type ClientRecord, type DuringEvent, type Plan } from '../../src/index.js';
import * as api from '../../src/index.js';
import { closedRecord, makeRecord, smallPlan } from './fixtures.js';

const START = '2024-01-15';

type Fate = 'enrolled' | 'withdrawn_before' | 'ongoing' | 'withdrawn_during' | 'closed';

export interface RecordShape {
  readonly intervention: 'a' | 'b';
  readonly gender: 'kvinna' | 'man';
  readonly age: number;
  readonly fate: Fate;
  readonly withdrawReason: 'breakdown' | 'moved' | 'declined' | 'other';
  readonly closeReason: 'completed' | 'breakdown' | 'moved' | 'declined' | 'other';
  readonly before: number | undefined;
  readonly after: number | undefined;
  readonly mainProblem: 'alkohol' | 'narkotika';
  readonly boende: 'eget' | 'hemlos' | undefined;
  readonly goals: readonly ('arbete' | 'halsa' | undefined)[];
  /** A target on the primary measure per goal (used by plans with the `target` goal rule). */
  readonly targets: readonly (number | undefined)[];
  readonly goalsMet: readonly boolean[] | undefined;
  readonly events: readonly { readonly kind: 'measure' | 'session' | 'deviation'; readonly day: number; readonly value: 0 | 1; readonly attended: boolean }[];
  /** Answers to the questionnaire at closing (used when the plan asks it there): items left out were not answered. */
  readonly views: Readonly<Record<string, number | boolean>>;
}

export const recordShape: fc.Arbitrary<RecordShape> = fc
  .record({
    intervention: fc.constantFrom('a' as const, 'b' as const),
    gender: fc.constantFrom('kvinna' as const, 'man' as const),
    age: fc.integer({ min: 18, max: 80 }),
    fate: fc.constantFrom<Fate>('enrolled', 'withdrawn_before', 'ongoing', 'withdrawn_during', 'closed', 'closed', 'closed'),
    withdrawReason: fc.constantFrom('breakdown' as const, 'moved' as const, 'declined' as const, 'other' as const),
    closeReason: fc.constantFrom('completed' as const, 'completed' as const, 'breakdown' as const, 'moved' as const, 'declined' as const, 'other' as const),
    before: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 6 }),
    after: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 6 }),
    mainProblem: fc.constantFrom('alkohol' as const, 'narkotika' as const),
    boende: fc.constantFrom('eget' as const, 'hemlos' as const, undefined),
    goals: fc.array(fc.constantFrom('arbete' as const, 'halsa' as const, undefined), { maxLength: 2 }),
    targets: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), { minLength: 2, maxLength: 2 }),
    assessed: fc.integer({ min: 0, max: 5 }),
    met: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
    events: fc.array(
      fc.record({
        kind: fc.constantFrom('measure' as const, 'measure' as const, 'session' as const, 'deviation' as const),
        day: fc.integer({ min: 0, max: 49 }),
        value: fc.constantFrom(0 as const, 1 as const),
        attended: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    views: fc.record(
      {
        respekt: fc.integer({ min: 0, max: 4 }),
        nojd: fc.integer({ min: 0, max: 4 }),
        rekommendera: fc.constantFrom<number | boolean>(true, true, false, 0),
        vantetid: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ assessed, met, ...s }) => ({ ...s, goalsMet: assessed === 0 ? undefined : met.slice(0, s.goals.length) }));

let serial = 0;

/**
 * Builds a record from a shape, through the step functions. The plan must be
 * the small plan or a variant of it whose primary measure has a 1–5 scale.
 */
export function buildRecord(s: RecordShape, plan: Plan = smallPlan): ClientRecord {
  const primary = plan.primaryMeasure;
  const withTargets = plan.goalRule.kind === 'target';
  serial += 1;
  let r = enrol(plan, { clientId: `p-${serial}`, intervention: s.intervention, enrolled: '2024-01-08', gender: s.gender, age: s.age });
  if (s.fate === 'enrolled') return r;
  if (s.fate === 'withdrawn_before') return withdraw(plan, r, { date: '2024-01-10', reason: s.withdrawReason });
  r = before(plan, r, {
    date: START,
    mainProblem: s.mainProblem,
    goals: s.goals.map((area, i) => ({
      statement: `mål ${i + 1}`,
      ...(area === undefined ? {} : { area }),
      ...(withTargets && s.targets[i] !== undefined ? { target: s.targets[i] } : {}),
    })),
    measures: s.before === undefined ? {} : { [primary]: s.before },
    background: s.boende === undefined ? {} : { boende: s.boende },
  });
  if (s.events.length > 0) {
    const events: DuringEvent[] = s.events.map((e) => {
      const date = addDaysIso(START, e.day);
      if (e.kind === 'measure') return { kind: 'measure', date, measure: 'up', value: e.value };
      if (e.kind === 'session') return { kind: 'session', date, attended: e.attended };
      return { kind: 'deviation', date };
    });
    r = during(plan, r, events);
  }
  if (s.fate === 'ongoing') return r;
  if (s.fate === 'withdrawn_during') return withdraw(plan, r, { date: addDaysIso(START, 55), reason: s.withdrawReason });
  return after(plan, r, {
    date: addDaysIso(START, 60),
    reason: s.closeReason,
    measures: s.after === undefined ? {} : { [primary]: s.after },
    ...(s.goalsMet === undefined ? {} : { goalsMet: [...s.goalsMet] }),
    ...viewsFor(plan, s.views),
  });
}

/** The shape's answers to the items the plan asks at closing; nothing when it asks none there. */
function viewsFor(plan: Plan, views: RecordShape['views']): { views?: Record<string, number | boolean> } {
  if (!(plan.clientViews?.at ?? []).includes('after')) return {};
  const known = new Set(api.viewItems(plan).map((i) => i.id));
  return { views: Object.fromEntries(Object.entries(views).filter(([id]) => known.has(id))) };
}

/** A valid record of the small plan. */
export const validRecord: fc.Arbitrary<ClientRecord> = recordShape.map((s) => buildRecord(s));

/** A list of valid records of another plan with a 1–5 primary scale. */
export const validRecordsOf = (plan: Plan, maxLength = 30): fc.Arbitrary<ClientRecord[]> =>
  fc.array(recordShape.map((s) => buildRecord(s, plan)), { maxLength });

/** A list of valid records of the small plan. */
export const validRecords = (maxLength = 30): fc.Arbitrary<ClientRecord[]> => fc.array(validRecord, { maxLength });

/**
 * Every public function that takes a plan, as a call with that plan and valid
 * other arguments: the fuzz and bad-input tests pass plan garbage through
 * these, so that it reaches the plan check and nothing else is to blame.
 */
export function planCalls(): readonly (readonly [string, (plan: unknown) => unknown])[] {
  const started = makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } } });
  const closed = closedRecord(2, 4);
  const enrolInput = { clientId: 'k-01', intervention: 'a', enrolled: '2024-01-08', gender: 'kvinna', age: 30 };
  return [
    ['safeEnrol', (p) => api.safeEnrol(p as never, enrolInput)],
    ['safeBefore', (p) => api.safeBefore(p as never, makeRecord(), { date: '2024-01-15', mainProblem: 'alkohol' })],
    ['safeDuring', (p) => api.safeDuring(p as never, started, { kind: 'contact', date: '2024-02-01' })],
    ['safeAfter', (p) => api.safeAfter(p as never, started, { date: '2024-06-03', reason: 'completed' })],
    ['safeWithdraw', (p) => api.safeWithdraw(p as never, started, { date: '2024-03-01', reason: 'moved' })],
    ['validateRecord', (p) => api.validateRecord(p as never, closed)],
    ['classify', (p) => api.classify(p as never, closed)],
    ['selectClients', (p) => api.selectClients(p as never, [{ clientId: 'a', birthDate: '1980-03-05' }])],
    ['compile', (p) => api.compile(p as never, [closed])],
    ['csvFields', (p) => api.csvFields(p as never)],
    ['recordJsonSchema', (p) => api.recordJsonSchema(p as never)],
  ];
}
