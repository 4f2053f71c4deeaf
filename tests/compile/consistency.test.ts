/**
 * validateCompilation's cross-field rules on examples worked by hand: each
 * issue names the path, the rule and the numbers. The properties (every
 * compilation compile makes validates; any count raised is caught) are in
 * consistency.slow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { compile, formatIssue, parsePlan, validateCompilation, type Compilation } from '../../src/index.js';
import { closedRecord, makeRecord, smallPlan as plan, smallPlanInput } from '../helpers/fixtures.js';

type Counts = Record<string, number[]>;
type Json = { counts: Counts; invalid: { total: number; byRule: Record<string, number> }; cells: number };

const json = (c: Compilation): Json => JSON.parse(JSON.stringify(c)) as Json;
const rulesOf = (x: unknown) => {
  const r = validateCompilation(x);
  return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule, i.params] as const);
};

describe('validateCompilation: the counts agree with each other', () => {
  it('names the path and the numbers: a goal status more than the classified, started more than selected, flows that do not add up', () => {
    const records = [closedRecord(2, 4), closedRecord(3, 3, false), makeRecord({})];
    const good = json(compile(plan, records));
    const cell = good.counts.flow!.findIndex((v, i) => i % 5 === 4 && v > 0) - 4; // the first cell with a classified client
    const c = cell / 5;

    const goalRaised = json(compile(plan, records));
    goalRaised.counts.goal![c * 4]! += 1;
    // The goal statuses by each background value no longer add up to the cell's either (boende, then tidigare).
    expect(rulesOf(goalRaised)).toEqual([
      ['counts.flow.' + (cell + 4), 'count_sum', { value: 2, expected: 3, parts: ['counts.goal'] }],
      ...['boende', 'tidigare'].map((id, v) => [
        `counts.backgroundOutcome.${c * 48 + (v === 0 ? 0 : 24) + 4}`,
        'count_sum',
        { value: 1, expected: 2, parts: ['counts.goal (met)', `counts.backgroundOutcome (${id})`] },
      ]),
    ]);
    const r = validateCompilation(goalRaised);
    expect(r.success ? '' : formatIssue(r.issues[0]!, 'en')).toBe(`counts.flow[${cell + 4}]: the count 2 does not match the sum of counts.goal (3) [count_sum]`);
    expect(r.success ? '' : formatIssue(r.issues[0]!, 'sv')).toBe(`counts.flow[${cell + 4}]: antalet 2 stämmer inte med summan av counts.goal (3) [count_sum]`);

    const flows = json(compile(plan, records));
    flows.counts.flow![cell + 0] = 0; // selected
    expect(rulesOf(flows)[0]).toEqual(['counts.flow.' + (cell + 1), 'exceeds_total', { value: 2, total: 0, totalName: 'counts.flow.selected' }]);

    const closed = json(compile(plan, records));
    closed.counts.flow![cell + 3]! += 1;
    expect(rulesOf(closed).map(([path, rule, params]) => [path, rule, params.parts])).toEqual([
      ['counts.flow.' + (cell + 1), 'count_sum', ['counts.withdrawn (during)', 'counts.flow.ongoing', 'counts.flow.closed']],
      ['counts.flow.' + (cell + 3), 'count_sum', ['counts.closing']],
      ['counts.flow.' + (cell + 3), 'count_sum', ['counts.flow.classified', 'counts.unclassified']],
    ]);

    const invalid = json(compile(plan, records));
    invalid.invalid.total = 2;
    expect(rulesOf(invalid)).toEqual([['invalid.total', 'count_sum', { value: 2, expected: 0, parts: ['invalid.byRule'] }]]);
    invalid.invalid.byRule = { nonsense: 2 };
    expect(rulesOf(invalid).map(([path, rule]) => [path, rule])).toEqual([
      ['invalid.byRule', 'unknown_key'],
      ['invalid.total', 'count_sum'], // the known rules sum to 0
    ]);
  });

  it('a histogram whose moments disagree with the sums (Σk = 1·2 − 1 for one client at 3 on 1–5)', () => {
    const c = json(compile(plan, [closedRecord(3, 4)]));
    const cell = c.counts.sums!.findIndex((v) => v > 0);
    c.counts.sums![cell + 1]! += 1;
    expect(rulesOf(c)).toEqual([['counts.sums.' + (cell + 1), 'moment_bounds', { value: 3, minimum: 2, maximum: 2 }]]);
  });

  it('without histograms (a fine scale): Σk at most n·kmax, and Σk² between max(Σk, ⌈(Σk)²/n⌉) and Σk·kmax', () => {
    const fine = parsePlan({
      ...smallPlanInput,
      id: 'fine',
      instruments: [{ id: 'fin', label: { sv: 'F', en: 'F' }, kind: 'interval', range: { min: 0, max: 100, step: 0.01 }, direction: 'higher_is_better' }],
      measures: { before: ['fin'], after: ['fin'] },
      primaryMeasure: 'fin',
    });
    const record = (before: number, after: number) =>
      makeRecord({ before: { goals: [{ area: 'arbete', statement: 'Få ett arbete' }], measures: { fin: before } }, after: { measures: { fin: after }, goalsMet: [true] } }, fine);
    const good = compile(fine, [record(10, 20), record(30, 50)]);
    expect(good.meta.primary.histogram).toBe(false);
    const c = json(good);
    const at = c.counts.sums!.findIndex((v) => v > 0); // before: n = 2, Σk = 4000, Σk² = 1000² + 3000²
    expect(c.counts.sums!.slice(at, at + 3)).toEqual([2, 4000, 10_000_000]);
    expect(rulesOf(c)).toEqual([]);
    const low = json(good);
    low.counts.sums![at + 2] = 7_999_999; // below (Σk)²/n = 8,000,000: no two grid points give it
    expect(rulesOf(low)).toEqual([['counts.sums.' + (at + 2), 'moment_bounds', { value: 7_999_999, minimum: 8_000_000, maximum: 40_000_000 }]]);
    const high = json(good);
    high.counts.sums![at + 1] = 20_001; // more than 2 × 10,000
    expect(rulesOf(high)).toEqual([['counts.sums.' + (at + 1), 'moment_bounds', { value: 20_001, minimum: 0, maximum: 20_000 }]]);
  });
});
