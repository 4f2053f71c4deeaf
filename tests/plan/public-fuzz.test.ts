import { describe, it, expect } from 'vitest';
import { firstCrash } from '../helpers/fuzz-api.js';
import { smallPlan } from '../helpers/fixtures.js';
import { planCalls } from '../helpers/arbitraries.js';
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
  const cases = planCalls();
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
