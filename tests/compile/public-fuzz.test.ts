/**
 * Every function src/compile exports (through src/index.ts), called with
 * arbitrary arguments, either returns or throws an UppfoljningError naming
 * the path and the rule: never a TypeError or RangeError from inside.
 */
import { describe, expect, it } from 'vitest';
import { fuzzCalls, fuzzModule, rules } from './fuzz-module.js';
import * as api from '../../src/index.js';
import * as compileModule from '../../src/compile/index.js';
import { smallPlan } from '../helpers/fixtures.js';

fuzzModule('src/compile', compileModule, ['compile', 'compileAsync', 'emptyCompilation', 'mergeCompilations', 'safeMergeCompilations', 'tabulate', 'validateCompilation']);

// Garbage after a valid first argument reaches the checks of the later ones.
const compilation = api.compile(smallPlan, []);
fuzzCalls('with a valid plan or compilation first, the other arguments are still checked', [
  ['compile', (...a) => api.compile(smallPlan, ...(a as [never]))],
  ['compileAsync', (...a) => api.compileAsync(smallPlan, ...(a as [never]))],
  ['mergeCompilations', (...a) => api.mergeCompilations([compilation, ...a] as never)],
  ['tabulate', (...a) => api.tabulate(compilation, ...(a as []))],
]);

describe('typical mistakes name the argument and the rule', () => {
  it('a plan that is not a parsed plan, records that cannot be iterated', () => {
    expect(rules(() => api.compile(null as never, []))).toEqual([['plan', 'type']]);
    expect(rules(() => api.compile(smallPlan, 'records' as never))).toEqual([['records', 'type']]);
    expect(rules(() => api.compile(smallPlan, undefined as never))).toEqual([['records', 'type']]);
    expect(rules(() => api.compile({ ...smallPlan, primaryMeasure: 7 } as never, {} as never))).toEqual([['plan.primaryMeasure', 'type'], ['records', 'type']]);
    expect(rules(() => api.emptyCompilation({} as never))[0]).toEqual(['plan.id', 'required']);
  });
  it('compileAsync rejects instead of throwing', async () => {
    await expect(api.compileAsync(smallPlan, 42 as never)).rejects.toThrow('records: ');
  });
  it('merging: not an array, a bad element; options that are not options (the locale it once took is refused, not ignored)', () => {
    const c = api.emptyCompilation(smallPlan);
    expect(api.safeMergeCompilations(null as never)).toEqual({ success: false, issues: [{ path: ['compilations'], rule: 'type', params: { expected: 'array', received: 'null' } }] });
    expect(rules(() => api.mergeCompilations([c, c, null as never]))).toEqual([['compilations.2', 'type']]);
    expect(rules(() => (api.mergeCompilations as (...a: unknown[]) => unknown)([c], 'de'))).toEqual([['options', 'type']]);
    expect(rules(() => api.mergeCompilations([c], { pool: 'yes' } as never))).toEqual([['options.pool', 'type']]);
    expect(rules(() => api.mergeCompilations([c], { unit: 'x' } as never))).toEqual([['options', 'unknown_key']]);
  });
});
