/**
 * A small hand-made cohort for the compile tests, built through the step
 * functions: eleven valid records covering every branch of the attrition
 * flow, and five garbage ones. The expected counts in compile.test.ts were
 * worked out by hand from this list (see the comments there).
 */
import type { ClientRecord } from '../../src/index.js';
import { makeRecord } from '../helpers/fixtures.js';

const T = 'tilltro-nykterhet';

export function handCohort(): ClientRecord[] {
  return [
    // R1 kvinna 25 a: 2 → 4, goal met (arbete), completed; urine tests in week 1 (0 and 1); dose 1 attended, 1 missed, 1 deviation.
    makeRecord({
      id: 'r1', gender: 'kvinna', age: 25, intervention: 'a',
      before: { goals: [{ area: 'arbete', statement: 'Arbeta' }], measures: { [T]: 2 }, background: { boende: 'eget', tidigare: true } },
      during: [
        { kind: 'measure', date: '2024-01-15', measure: 'up', value: 0 },
        { kind: 'measure', date: '2024-01-20', measure: 'up', value: 1 },
        { kind: 'session', date: '2024-01-16', attended: true },
        { kind: 'session', date: '2024-01-23', attended: false },
        { kind: 'deviation', date: '2024-01-25' },
      ],
      after: { measures: { [T]: 4 }, goalsMet: [true] },
    }),
    // R2 kvinna 25 a: 3 → 3, goals halsa + one without area, [true, false]; urine test day 7 (week 2) and day 35 (after week 4: later).
    makeRecord({
      id: 'r2', gender: 'kvinna', age: 25, intervention: 'a',
      before: { goals: [{ area: 'halsa', statement: 'Sova' }, { statement: 'Något' }], measures: { [T]: 3 }, background: { boende: 'hemlos' } },
      during: [
        { kind: 'measure', date: '2024-01-22', measure: 'up', value: 0 },
        { kind: 'measure', date: '2024-02-19', measure: 'up', value: 1 },
      ],
      after: { measures: { [T]: 3 }, goalsMet: [true, false] },
    }),
    // R3 man 40 b: 4 → (missing), completed: closed, unclassified (missing after).
    makeRecord({ id: 'r3', gender: 'man', age: 40, intervention: 'b', before: { measures: { [T]: 4 } }, after: {} }),
    // R4 man 40 b: 2, withdrawn during on breakdown.
    makeRecord({ id: 'r4', gender: 'man', age: 40, intervention: 'b', before: { measures: { [T]: 2 } }, withdraw: { date: '2024-02-01', reason: 'breakdown' } }),
    // R5 man 40 b: 1, closed with reason breakdown (the plan withdraws on it); a positive urine test on the start day (week 1).
    makeRecord({
      id: 'r5', gender: 'man', age: 40, intervention: 'b',
      before: { measures: { [T]: 1 } },
      during: [{ kind: 'measure', date: '2024-01-15', measure: 'up', value: 1 }],
      after: { reason: 'breakdown', measures: { [T]: 3 } },
    }),
    // R6 kvinna 35 a: enrolled, never started.
    makeRecord({ id: 'r6', gender: 'kvinna', age: 35, intervention: 'a' }),
    // R7 kvinna 35 a: withdrawn before the start (declined).
    makeRecord({ id: 'r7', gender: 'kvinna', age: 35, intervention: 'a', withdraw: { date: '2024-01-10', reason: 'declined' } }),
    // R8 man 20 a: no before-measure, 3 after, moved: closed, unclassified (missing before).
    makeRecord({ id: 'r8', gender: 'man', age: 20, intervention: 'a', before: {}, after: { reason: 'moved', measures: { [T]: 3 } } }),
    // R9 man 20 a: 5, narkotika, ongoing.
    makeRecord({ id: 'r9', gender: 'man', age: 20, intervention: 'a', before: { mainProblem: 'narkotika', measures: { [T]: 5 } } }),
    // R10 kvinna 25 b: 4 → 2, no goals, closed as declined: negative change, no goal.
    makeRecord({ id: 'r10', gender: 'kvinna', age: 25, intervention: 'b', before: { measures: { [T]: 4 } }, after: { reason: 'declined', measures: { [T]: 2 } } }),
    // R11 kvinna 25 a: 1 → 2, goal arbete set, assessment missing: unclassified.
    makeRecord({ id: 'r11', gender: 'kvinna', age: 25, intervention: 'a', before: { goals: [{ area: 'arbete', statement: 'Arbeta' }], measures: { [T]: 1 } }, after: { measures: { [T]: 2 } } }),
  ];
}

/** Garbage that compile must count in `invalid`, by rule, and never throw on. */
export const garbage: unknown[] = [
  null, // type
  42, // type
  { planId: 'other-plan' }, // plan_mismatch
  { planId: 'test-plan', clientId: 'x', intervention: 'a', gender: 'x', age: 30, during: [] }, // unknown_code
  { planId: 'test-plan', clientId: 'x', intervention: 'a', gender: 'man', age: 10, during: [] }, // outside_age_bands
];
