import { describe, it, expect } from 'vitest';
import * as api from '../../src/index.js';
import { firstCrash } from '../helpers/fuzz-api.js';
import { closedRecord, makeRecord, smallPlan } from '../helpers/fixtures.js';
import * as plan from '../../src/plan/index.js';
import { fuzzEveryFunction, issuesOf } from '../core/fuzz-result.js';

// Every function the plan module exports (src/index.ts re-exports them all).
fuzzEveryFunction(plan);

it('names the argument and the rule for typical mistakes', async () => {
  expect(plan.selectClients(null as never, [])).toMatchObject({ success: false, issues: [{ path: ['plan'], rule: 'type' }] });
  expect(plan.selectClients({ selection: { kind: 'random', size: 0, seed: 1 } }, [])).toMatchObject({ success: false, issues: [{ path: ['plan', 'selection', 'size'], rule: 'min' }] });
  expect(await issuesOf(() => plan.sampleSeeded('abc' as never, 2, Math.random))).toEqual([[['items'], 'type']]);
  expect(await issuesOf(() => plan.sampleSeeded([1, 2, 3], 2, () => 1))).toEqual([[['random'], 'out_of_range']]);
  expect(await issuesOf(() => plan.seededRandom({} as never))).toEqual([[['seed'], 'type']]);
  expect(await issuesOf(() => plan.planInstrument({} as never, 'audit'))).toEqual([[['plan', 'instruments'], 'required']]);
});

// Plan garbage with valid other arguments: every function that takes a plan checks it first.
describe('a hostile plan with valid other arguments', () => {
  const started = makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } } });
  const closed = closedRecord(2, 4);
  const enrolInput = { clientId: 'k-01', intervention: 'a', enrolled: '2024-01-08', gender: 'kvinna', age: 30 };
  const cases: [string, (p: unknown) => unknown][] = [
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
  // A key of the plan picked by the fuzzed value (a string is taken as it is).
  const keys = Object.keys(smallPlan);
  const planKey = (k: unknown): string => (typeof k === 'string' ? k : keys[typeof k === 'number' && Number.isInteger(k) ? Math.abs(k) % keys.length : 0]!);
  for (const [name, call] of cases) {
    // One argument: the plan; a spread of a valid plan with one field replaced reaches the deeper checks.
    it(name, async () => {
      expect(await firstCrash((p) => call(p), 100)).toBeUndefined();
      expect(await firstCrash((key, value) => call({ ...smallPlan, [planKey(key)]: value }), 100)).toBeUndefined();
    });
  }
});
