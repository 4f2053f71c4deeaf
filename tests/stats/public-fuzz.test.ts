/**
 * Every public function of the statistics module, called with arbitrary
 * arguments (none, null, strings where arrays belong, objects whose toString
 * is not a function, …), either returns or throws an UppfoljningError naming
 * the path and the rule: never a TypeError or RangeError from inside.
 */
import { describe, expect, it } from 'vitest';
import * as stats from '../../src/stats/index.js';
import * as api from '../../src/index.js';
import { firstCrash } from '../helpers/fuzz-api.js';

const functions = Object.entries(stats).filter(([, f]) => typeof f === 'function') as [string, (...args: unknown[]) => unknown][];

describe('public stats functions given arbitrary arguments', () => {
  it('covers every function, each exported from the package root', () => {
    expect(functions.length).toBeGreaterThanOrEqual(25);
    for (const [name, f] of functions) expect((api as Record<string, unknown>)[name]).toBe(f);
  });
  for (const [name, f] of functions) {
    it(`${name} throws only UppfoljningError`, async () => {
      expect(await firstCrash(f, 100)).toBeUndefined();
    });
  }
});

const mistake = (f: () => unknown): { path: string; rule: string }[] => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(api.UppfoljningError);
    return (e as api.UppfoljningError).issues.map((i) => ({ path: api.toDotPath(i.path), rule: i.rule }));
  }
  throw new Error('did not throw');
};

describe('typical mistakes name the argument path and the rule', () => {
  it('null, an array or a string as options', () => {
    expect(mistake(() => stats.wilsonInterval(5, 8, null as never))).toEqual([{ path: 'options', rule: 'type' }]);
    expect(mistake(() => stats.pairedTTest([1, 2, 3], [] as never))).toEqual([{ path: 'options', rule: 'type' }]);
    expect(mistake(() => stats.reliableChangeIndex(30, 18, undefined as never))).toEqual([{ path: 'options', rule: 'required' }]);
    expect(mistake(() => stats.gasTScore([1, 0], 'equal' as never))).toEqual([{ path: 'options', rule: 'type' }]);
  });
  it('a string or nothing where an array belongs', () => {
    expect(mistake(() => stats.holm('0.01, 0.04' as never))).toEqual([{ path: 'pValues', rule: 'type' }]);
    expect(mistake(() => stats.signTest(undefined as never))).toEqual([{ path: 'differences', rule: 'required' }]);
    expect(mistake(() => stats.kruskalWallis([[1, 2, 3], '456' as never]))).toEqual([{ path: 'groups[1]', rule: 'type' }]);
    expect(mistake(() => stats.pairedDifferences([1, 2], null as never))).toEqual([{ path: 'after', rule: 'type' }]);
  });
  it('a negative, fractional or enormous count', () => {
    expect(mistake(() => stats.expandCounts([2, -1, 0.5], { min: 0 }))).toEqual([
      { path: 'counts[1]', rule: 'min' },
      { path: 'counts[2]', rule: 'integer' },
    ]);
    expect(mistake(() => stats.expandHistogram([{ value: 1, count: -3 }, null as never]))).toEqual([
      { path: 'bins[0].count', rule: 'min' },
      { path: 'bins[1]', rule: 'type' },
    ]);
    expect(mistake(() => stats.mcnemarTest(-1, 3))).toEqual([{ path: 'b', rule: 'min' }]);
    // Expanding two billion values would exhaust memory: refused up front.
    expect(mistake(() => stats.expandHistogram([{ value: 1, count: 2e9 }]))).toEqual([{ path: 'bins', rule: 'too_large' }]);
    // Fisher's test holds only the support points that carry probability (some 20 standard
    // deviations, at most 100,000): margins of a billion with a small one are fine, margins
    // of a billion each are refused up front.
    expect(stats.fisherExact2x2([[1e9, 5], [3, 0]])).toMatchObject({ computed: true, statistic: 1e9 });
    expect(mistake(() => stats.fisherExact2x2([[1e9, 0], [0, 1e9]]))).toEqual([{ path: 'table', rule: 'too_large' }]);
    expect(stats.fisherExact2x2([[1e9, 0], [0, 1]])).toMatchObject({ computed: true, statistic: 1e9 });
  });
  it('a missing group, a garbage option choice, an unknown locale, method or note', () => {
    expect(mistake(() => stats.riskDifference(null as never, { successes: 1, n: 2 }))).toEqual([{ path: 'group1', rule: 'type' }]);
    expect(mistake(() => stats.shareWithInterval(5, 8, { method: 'wald' as never }))).toEqual([
      { path: 'options.method', rule: 'one_of' },
    ]);
    expect(mistake(() => stats.wilcoxonSignedRank([1, 2, 3], { exact: 'yes' as never }))).toEqual([
      { path: 'options.exact', rule: 'one_of' },
    ]);
    expect(mistake(() => stats.clinicalCutoffs({ clinical: { mean: 30, sd: 8 }, direction: 'down' as never }))).toEqual([
      { path: 'input.direction', rule: 'one_of' },
    ]);
    expect(mistake(() => stats.methodLabel('wilson', 'de' as never))).toEqual([{ path: 'locale', rule: 'one_of' }]);
    expect(mistake(() => stats.methodLabel('wald' as never))).toEqual([{ path: 'method', rule: 'one_of' }]);
    expect(mistake(() => stats.noteText({ code: 'zeros_dropped' } as never))).toEqual([{ path: 'note.params', rule: 'required' }]);
  });
  it('says it in Swedish and English, without calling a garbage toString', () => {
    const garbage = { toString: 'not a function' };
    try {
      stats.wilsonInterval(garbage as never, 8);
      expect.unreachable();
    } catch (e) {
      expect((e as api.UppfoljningError).format('sv')).toBe('successes: måste vara ett ändligt tal, fick object [finite]');
      expect((e as api.UppfoljningError).format('en')).toBe('successes: must be a finite number, got object [finite]');
    }
    expect(stats.noteText({ code: 'zeros_dropped', params: { count: garbage as never } }, 'en')).toBe(
      "object zero differences were dropped before ranking (Wilcoxon's method)",
    );
  });
  it('valid calls still work as before', () => {
    expect(stats.methodLabel('fisher-exact')).toBe('Fishers exakta test');
    expect(stats.expandCounts([1, 0, 2], { min: -1 })).toEqual([-1, 1, 1]);
    expect(stats.classifyIndividualChange(null, 12, { sdBefore: 7.5, reliability: 0.88, direction: 'lower_is_better' })).toMatchObject({
      computed: false,
      reason: 'missing_measure',
    });
  });
});
