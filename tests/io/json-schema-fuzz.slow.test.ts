// recordJsonSchema builds the whole JSON Schema on every call (about 1.5 ms), so its
// 400 garbage calls after a valid plan are in the slow project.
import { fuzzCalls } from '../compile/fuzz-module.js';
import * as api from '../../src/index.js';
import { smallPlan } from '../helpers/fixtures.js';

fuzzCalls('with a valid plan, the other arguments of recordJsonSchema are still checked', [
  ['recordJsonSchema', (...a) => api.recordJsonSchema(smallPlan, ...(a as []))],
]);
