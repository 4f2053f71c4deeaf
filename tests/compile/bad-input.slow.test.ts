import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compile,
  emptyCompilation,
  mergeCompilations,
  safeMergeCompilations,
  tabulate,
  UppfoljningError,
  validateCompilation,
  type ClientRecord,
} from '../../src/index.js';
import { closedRecord, smallPlan as plan, smallPlanInput, makeRecord } from '../helpers/fixtures.js';
import { parsePlan } from '../../src/index.js';
import { validRecord, validRecords } from '../helpers/arbitraries.js';
import { thrown } from '../helpers/errors.js';

const T = 'tilltro-nykterhet';
const closed = () => makeRecord({ before: { measures: { [T]: 2 } }, after: { measures: { [T]: 4 } } });

/** Sets a value at a path in a deep copy. */
function withAt(record: ClientRecord, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(record) as unknown as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
  return copy;
}

describe('compile never throws on garbage and counts it in invalid', () => {
  it('anything at all', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 10 }), validRecords(5), (junk, good) => {
        const c = compile(plan, [...good, ...(junk as ClientRecord[])]);
        // Every record is either counted as selected or as invalid.
        expect(tabulate(c).total.flow.selected + c.invalid.total).toBe(good.length + junk.length);
        if (c.invalid.total === junk.length) expect(c.counts).toEqual(compile(plan, good).counts);
      }),
    );
  });

  it('a valid record with one field replaced by garbage', () => {
    const paths: (string | number)[][] = [
      ['planId'], ['intervention'], ['gender'], ['age'], ['before'], ['before', 'date'], ['before', 'mainProblem'], ['before', 'goals'],
      ['before', 'measures'], ['before', 'background'], ['during'], ['during', 0], ['during', 0, 'date'], ['during', 0, 'value'],
      ['during', 0, 'kind'], ['during', 0, 'measure'], ['after'], ['after', 'reason'], ['after', 'measures'], ['after', 'goalsMet'],
      ['withdrawal'], ['withdrawal', 'reason'],
    ];
    const base = makeRecord({
      before: { goals: [{ statement: 'x', area: 'arbete' }], measures: { [T]: 2 } },
      during: [{ kind: 'measure', date: '2024-01-20', measure: 'up', value: 0 }],
      after: { measures: { [T]: 4 }, goalsMet: [true] },
    });
    const junk = fc.oneof(fc.constantFrom(null, undefined, 0, -1, 1.5, NaN, Infinity, '', 'x', '2021-02-30', true, [], {}, [null], [1], { length: 1 }), fc.anything());
    fc.assert(
      fc.property(fc.constantFrom(...paths), junk, (path, value) => {
        const record = withAt(base, path, value) as ClientRecord;
        const c = compile(plan, [record]);
        expect(tabulate(c).total.flow.selected + c.invalid.total).toBe(1);
        // Nothing half-counted: a rejected record leaves every counter at zero.
        if (c.invalid.total === 1) expect(c.counts).toEqual(emptyCompilation(plan).counts);
      }),
      { numRuns: 1000 },
    );
  });

  it('specific garbage lands under the rule it broke', () => {
    const c = compile(plan, [
      withAt(closed(), ['after', 'measures', T], 9), // out_of_range
      withAt(closed(), ['before', 'mainProblem'], 'spel'), // unknown_code
      withAt(closed(), ['after', 'reason'], 'finished'), // one_of
      { ...withdrawnAndClosed() }, // step_order
      withAt(closed(), ['during'], [{ kind: 'measure', date: '2024-01-01', measure: 'up', value: 0 }]), // date_order: before the start
      withAt(closed(), ['during'], [{ kind: 'measure', date: '2024-01-20', measure: 'up', value: 2 }]), // out_of_range: a binary test of 2
    ] as ClientRecord[]);
    expect(c.invalid).toEqual({ total: 6, byRule: { out_of_range: 2, unknown_code: 1, one_of: 1, step_order: 1, date_order: 1 } });
    expect(tabulate(c).total.flow.selected).toBe(0);
  });
});

function withdrawnAndClosed(): ClientRecord {
  return { ...closed(), withdrawal: { date: '2024-02-01', reason: 'moved' } };
}

describe('merge and validateCompilation: bad input', () => {
  it('a histogram that disagrees with its sum counter is rejected (a huge count in one bin crashed analyse, which expands it)', () => {
    const good = compile(plan, [closedRecord(2, 4)]);
    const before = [...good.counts.before];
    const at = before.findIndex((v) => v > 0);
    before[at] = 169_220_804; // the size of the array V8 refused to grow to
    const r = validateCompilation({ ...good, counts: { ...good.counts, before } });
    expect(r.success).toBe(false);
    const issue = r.success ? undefined : r.issues[0];
    expect(issue).toMatchObject({ path: ['counts', 'sums', 0], rule: 'margin_mismatch', params: { value: 1, expected: 169_220_804 } });
    expect(() => tabulate({ ...good, counts: { ...good.counts, before } })).toThrow(UppfoljningError);
  });

  it('compilations of different plans are incompatible, in sv and en', () => {
    const other = parsePlan({ ...smallPlanInput, grouping: { ageBands: [{ from: 18, to: 39 }, { from: 40 }] } });
    const r = safeMergeCompilations([emptyCompilation(plan), emptyCompilation(other)]);
    // The issue names the part that differs, with both sides, so a county can tell which plan version each unit used.
    expect(r).toEqual({
      success: false,
      issues: [{ path: ['compilations', 1, 'meta', 'fingerprint'], rule: 'incompatible', params: { what: 'plans', parts: ['ageBands'], first: ['["18–29","30+"]'], other: ['["18–39","40+"]'] } }],
    });
    expect(thrown(() => mergeCompilations([emptyCompilation(plan), emptyCompilation(other)])).format('en')).toBe(
      'compilations[1].meta.fingerprint: cannot be merged: the plans differ; what differs: age bands (["18–29","30+"] against ["18–39","40+"]) [incompatible]',
    );
    expect(() => mergeCompilations([emptyCompilation(plan), emptyCompilation(other)])).toThrow(
      'compilations[1].meta.fingerprint: kan inte slås ihop: planerna skiljer sig åt; det som skiljer: åldersgrupperna (["18–29","30+"] mot ["18–39","40+"]) [incompatible]',
    );
  });

  it('no compilations, malformed ones, wrong lengths, fractions, unknown counters', () => {
    expect(safeMergeCompilations([])).toEqual({ success: false, issues: [{ path: ['compilations'], rule: 'min', params: { minimum: 1, origin: 'array' } }] });
    const good = emptyCompilation(plan);
    const rulesOf = (x: unknown) => {
      const r = validateCompilation(x);
      return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule]);
    };
    expect(rulesOf({ ...good, counts: { ...good.counts, flow: [1, 2] } })).toEqual([['counts.flow', 'one_of']]);
    expect(rulesOf({ ...good, counts: { ...good.counts, flow: good.counts.flow.map(() => 0.5) } })[0]).toEqual(['counts.flow.0', 'integer']);
    expect(rulesOf({ ...good, counts: { ...good.counts, extra: [] } })).toEqual([['counts', 'unknown_key']]);
    expect(rulesOf({ ...good, counts: { ...good.counts, flow: good.counts.flow.map((_, i) => (i === 3 ? -1 : 0)) } })).toEqual([['counts.flow.3', 'min']]);
    expect(rulesOf({ ...good, counts: { ...good.counts, dose: good.counts.dose.map((_, i) => (i === 1 ? 'x' : 0)) } })).toEqual([['counts.dose.1', 'type']]);
    expect(rulesOf({ ...good, counts: { ...good.counts, dose: good.counts.dose.map((_, i) => (i === 2 ? Infinity : 0)) } })).toEqual([['counts.dose.2', 'integer']]);
    expect(rulesOf({ ...good, counts: { ...good.counts, dose: null } })).toEqual([['counts.dose', 'type']]);
    expect(validateCompilation(JSON.parse(JSON.stringify(good)))).toEqual({ success: true, data: good });
    expect(rulesOf({ ...good, cells: 3 })).toEqual([['cells', 'one_of']]);
    expect(rulesOf({ ...good, format: 'x' })).toEqual([['format', 'one_of']]);
    expect(rulesOf({ ...good, version: '1' })).toEqual([['version', 'one_of']]);
    const r = safeMergeCompilations([good, { ...good, cells: 3 }]);
    expect(r.success ? [] : r.issues.map((i) => i.path)).toEqual([['compilations', 1, 'cells']]);
    fc.assert(fc.property(fc.anything(), (x) => validateCompilation(x).success === false));
    expect(() => mergeCompilations([null as never])).toThrow(UppfoljningError);
  });

  it('merging validated compilations does not depend on their counts being mutable', () => {
    fc.assert(
      fc.property(validRecord, (r) => {
        const A = compile(plan, [r]);
        const frozen = JSON.parse(JSON.stringify(A));
        Object.freeze(frozen.counts.flow);
        expect(mergeCompilations([frozen, A]).counts.flow).toEqual(A.counts.flow.map((n) => 2 * n));
      }),
      { numRuns: 10 },
    );
  });

  it('tabulate rejects an unknown dimension', () => {
    expect(() => tabulate(emptyCompilation(plan), { by: ['kommun' as never] })).toThrow(UppfoljningError);
  });
});
