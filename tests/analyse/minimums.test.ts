/**
 * The minimum sizes for a test are analyse's policy, in one place
 * (ANALYSE_MINIMUMS), overridable per call; the statistics functions compute
 * whenever the mathematics is defined (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { ANALYSE_MINIMUMS, analyse, compile, mannWhitneyU, UppfoljningError, wilcoxonSignedRank, toDotPath } from '../../src/index.js';
import { closedRecord, smallPlan as plan } from '../helpers/fixtures.js';

// Three pairs with a change (2 → 4, 2 → 3, 3 → 2) and two without.
const few = [closedRecord(2, 4), closedRecord(2, 3), closedRecord(3, 2), closedRecord(3, 3), closedRecord(2, 2)];

describe('analyse minimums', () => {
  it('defaults: 6 pairs, 3 per group and 8 in all', () => {
    expect(ANALYSE_MINIMUMS).toEqual({ pairs: 6, groupSize: 3, groupTotal: 8 });
    const a = analyse(compile(plan, few), { by: [] });
    expect(a.pairedTest).toEqual({ computed: false, n: 3, reason: 'too_few', params: { n: 3, minimum: 6 } });
    expect(a.findings.some((f) => f.code === 'not_tested')).toBe(true);
  });

  it('a lower minimum reports the test the primitive computes anyway; a higher one names itself', () => {
    const a = analyse(compile(plan, few), { by: [], minimums: { pairs: 3 } });
    const diffs = [2, 1, -1, 0, 0]; // after − before
    expect(a.pairedTest).toMatchObject({ computed: true, n: 3, method: 'wilcoxon-signed-rank-exact' });
    expect(a.pairedTest.computed && a.pairedTest.pValue).toBe(
      (() => {
        const w = wilcoxonSignedRank(diffs);
        return w.computed && w.pValue;
      })(),
    );
    expect(a.findings.some((f) => f.code === 'not_tested' && f.params.test === 'paired')).toBe(false);
    expect(analyse(compile(plan, few), { by: [], minimums: { pairs: 4 } }).pairedTest).toMatchObject({ reason: 'too_few', n: 3, params: { minimum: 4 } });
  });

  it('group minimums decide the change test between two subgroups', () => {
    // Two women and five men with a change: 2 + 5 is below groupSize 3 and groupTotal 8.
    const rec = (gender: 'kvinna' | 'man', after: number) => closedRecord(3, after, true, { gender });
    const records = [rec('kvinna', 1), rec('kvinna', 2), rec('man', 4), rec('man', 5), rec('man', 3), rec('man', 4), rec('man', 5)];
    const c = compile(plan, records);
    const byDefault = analyse(c, { by: ['gender'] }).subgroups[0]!.changeTest;
    expect(byDefault).toEqual({ computed: false, n: 2, reason: 'too_few', params: { n: 2, minimum: 3 } });
    const total = analyse(c, { by: ['gender'], minimums: { groupSize: 2 } }).subgroups[0]!.changeTest;
    expect(total).toEqual({ computed: false, n: 7, reason: 'too_few', params: { n: 7, minimum: 8 } });
    const tested = analyse(c, { by: ['gender'], minimums: { groupSize: 2, groupTotal: 7 } }).subgroups[0]!.changeTest;
    expect(tested).toMatchObject({ computed: true, method: 'mann-whitney-exact' });
    // The same test as called directly on the two groups' changes.
    const direct = mannWhitneyU([-2, -1], [1, 2, 0, 1, 2]);
    expect(tested.computed && direct.computed && tested.pValue).toBe(direct.computed && direct.pValue);
  });

  it('rejects minimums that are not whole numbers ≥ 0, or unknown keys, naming each', () => {
    const issues = (options: unknown) => {
      try {
        analyse(compile(plan, few), options as never);
      } catch (e) {
        expect(e).toBeInstanceOf(UppfoljningError);
        return (e as UppfoljningError).issues.map((i) => [toDotPath(i.path), i.rule]);
      }
      throw new Error('did not throw');
    };
    expect(issues({ minimums: { pairs: -1, groupSize: 2.5 } })).toEqual([
      ['minimums.pairs', 'min'],
      ['minimums.groupSize', 'integer'],
    ]);
    expect(issues({ minimums: { pair: 6 } })).toEqual([['minimums', 'unknown_key']]);
    expect(issues({ minimums: 6 })).toEqual([['minimums', 'type']]);
  });
});
