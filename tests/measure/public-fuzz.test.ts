import { it, expect } from 'vitest';
import * as measure from '../../src/measure/index.js';
import { fuzzEveryFunction, issuesOf } from '../core/fuzz-result.js';

// Every function the measure module exports (src/index.ts re-exports them all).
fuzzEveryFunction(measure);

it('names the argument and the rule for typical mistakes', async () => {
  expect(await issuesOf(() => measure.classifyChange(measure.AUDIT, '18' as never, 9))).toEqual([[['before'], 'type']]);
  expect(await issuesOf(() => measure.classifyChange({ direction: 'up', range: { step: 1 } } as never, 18, 9))).toEqual([[['instrument', 'direction'], 'one_of']]);
  expect(await issuesOf(() => measure.classifyChange(null as never, 18, 9))).toEqual([[['instrument'], 'type']]);
});
