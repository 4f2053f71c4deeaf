import { it, expect } from 'vitest';
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
