/**
 * The bad inputs a stronger fuzzer found (issue 9), each with its exact
 * input: every public function returns a failed Result or throws an
 * UppfoljningError naming the path and the rule, never a TypeError, and no
 * input is mutated. The V8 aborts (counts beyond 2^53) are proved fixed here
 * directly: the inputs that aborted Node are now refused before any work.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import * as report from '../../src/report/index.js';
import { closedRecord, makeRecord, smallPlan as plan } from '../helpers/fixtures.js';
import { planCalls } from '../helpers/arbitraries.js';

type Outcome = { readonly kind: 'ok' } | { readonly kind: 'issues'; readonly issues: readonly (readonly [string, string])[] };

/** What a call gave: a value, or the dotted paths and rules of its UppfoljningError or failed Result. Anything else is rethrown. */
function outcome(f: () => unknown): Outcome {
  let r: unknown;
  try {
    r = f();
  } catch (e) {
    if (e instanceof api.UppfoljningError) return { kind: 'issues', issues: e.issues.map((i) => [i.path.join('.'), i.rule] as const) };
    throw e;
  }
  const result = r as { success?: boolean; issues?: api.Issue[] };
  if (result?.success === false) return { kind: 'issues', issues: result.issues!.map((i) => [i.path.join('.'), i.rule] as const) };
  return { kind: 'ok' };
}
const issuesOf = (f: () => unknown): readonly (readonly [string, string])[] => {
  const o = outcome(f);
  expect(o.kind).toBe('issues');
  return o.kind === 'issues' ? o.issues : [];
};

const enrolInput = { clientId: 'k-01', intervention: 'a', enrolled: '2024-01-08', gender: 'kvinna', age: 30 };
const started = makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } } });
const closed = closedRecord(2, 4);
const throwing = (): Record<string, unknown> =>
  Object.defineProperty({}, 'date', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });

describe('plan garbage with valid other arguments', () => {
  const garbage: unknown[] = [{}, null, 7, [], { ...plan, selection: 5 }, { ...plan, measures: null }, Object.create(null)];
  const calls = planCalls();
  for (const [name, call] of calls) {
    it(`${name} names the plan`, () => {
      // A plan garbage in a part the function does not read (selectClients reads only the selection) may pass.
      for (const p of garbage) {
        const o = outcome(() => call(p));
        if (o.kind === 'issues') expect(o.issues.every(([path]) => path === 'plan' || path.startsWith('plan.'))).toBe(true);
      }
      expect(outcome(() => call({})).kind).toBe('issues');
    });
  }
  it('safeEnrol({}, input) fails at plan.id instead of reading a property of undefined', () => {
    expect(issuesOf(() => api.safeEnrol({} as never, enrolInput))[0]).toEqual(['plan.id', 'required']);
  });
});

describe('a malformed record with a valid plan', () => {
  for (const during of [5, [null], [{ kind: 'measure' }], [, { kind: 'contact', date: '2024-02-01' }]]) {
    it(`safeAfter and safeWithdraw: record.during = ${JSON.stringify(during)}`, () => {
      const record = { ...started, during } as never;
      expect(issuesOf(() => api.safeAfter(plan, record, { date: '2024-06-03', reason: 'completed' }))[0]![0]).toMatch(/^record\.during/);
      expect(issuesOf(() => api.safeWithdraw(plan, record, { date: '2024-03-01', reason: 'moved' }))[0]![0]).toMatch(/^record\.during/);
    });
  }
});

describe('sparse arrays', () => {
  const c = api.compile(plan, [closed]);
  it('tabulate and analyse: a hole in by is not a dimension', () => {
    expect(issuesOf(() => api.tabulate(c, { by: [, 'gender'] as never }))).toEqual([['by.0', 'one_of']]);
    expect(issuesOf(() => api.analyse(c, { by: [, 'gender'] as never }))).toEqual([['by.0', 'one_of']]);
  });
  it('linkAdditiveTables([, t]): the hole is a missing table', () => {
    // Every table is checked at once: the hole, then what the empty table lacks.
    const issues = issuesOf(() => report.linkAdditiveTables([, {}] as never));
    expect(issues[0]).toEqual(['tables.0', 'required']);
    expect(issues.slice(1).every(([path]) => path.startsWith('tables.1.'))).toBe(true);
  });
  it('stats: a hole in the values is not a number', () => {
    expect(issuesOf(() => api.pairedDifferences([1, , 3] as never, [1, 2, 3]))).toEqual([['before.1', 'finite']]);
  });
});

describe('null-prototype objects and BigInt', () => {
  it('isSuppressed: a null-prototype cell is a cell without a mark; a null-prototype mark is not a mark', () => {
    expect(api.isSuppressed(Object.create(null))).toBe(false);
    expect(issuesOf(() => api.isSuppressed(Object.assign(Object.create(null), { suppressed: Object.create(null) })))).toEqual([['cell.suppressed', 'one_of']]);
  });
  it('pairedDifferences([1n], [2]) names the BigInt', () => {
    expect(issuesOf(() => api.pairedDifferences([1n] as never, [2]))).toEqual([['before.0', 'finite']]);
    expect(issuesOf(() => api.pairedDifferences([2], [1n] as never))).toEqual([['after.0', 'finite']]);
  });
});

describe('counts are safe integers', () => {
  it('chiSquareIndependence([[2 ** 53, 4], [5, 6]]) is refused (it aborted Node)', () => {
    expect(issuesOf(() => api.chiSquareIndependence([[2 ** 53, 4], [5, 6]]))).toEqual([['table.0.0', 'max']]);
    // Every cell safe, their sum not.
    expect(issuesOf(() => api.chiSquareIndependence([[2 ** 52, 2 ** 52], [5, 6]]))).toEqual([['table', 'max']]);
  });
  const records = [closed, closedRecord(1, 3, false), closedRecord(3, 3), makeRecord({ gender: 'man' })];
  const raised = (by: number) => {
    const json = JSON.parse(JSON.stringify(api.compile(plan, records))) as { counts: Record<string, number[]> };
    for (const name of Object.keys(json.counts)) json.counts[name] = json.counts[name]!.map((v, i) => (i % 7 === 0 && v > 0 ? v + by : v));
    return json;
  };
  it('validateCompilation refuses counts raised by 2^53, so renderMarkdown and buildReport throw instead of aborting', () => {
    const big = raised(2 ** 53);
    const issues = issuesOf(() => api.validateCompilation(big));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every(([path, rule]) => path.startsWith('counts.') && rule === 'max')).toBe(true);
    expect(issuesOf(() => report.renderMarkdown(big as never)).every(([path]) => path.startsWith('compilation.counts.'))).toBe(true);
    expect(outcome(() => report.buildReport(big as never)).kind).toBe('issues');
  });
  it('mergeCompilations refuses a merged total beyond 2^53', () => {
    const json = JSON.parse(JSON.stringify(api.compile(plan, records))) as { counts: Record<string, number[]> };
    json.counts.flow![0] = json.counts.flow![0]! + 2 ** 51;
    expect(api.validateCompilation(json).success).toBe(true);
    expect(issuesOf(() => api.mergeCompilations([json, json, json, json, json] as never))).toEqual([['compilations', 'max']]);
  });
});

describe('__proto__ keys', () => {
  const c = api.compile(plan, [closed]);
  it('a __proto__ key in counts is refused, not taken as the prototype', () => {
    const json = JSON.parse(JSON.stringify(c).replace('"counts":{', '"counts":{"__proto__":{"flow":[1]},'));
    expect(issuesOf(() => api.validateCompilation(json))).toEqual([['counts', 'unknown_key']]);
  });
  it('in a plan and in a step input', () => {
    const planJson = JSON.parse(JSON.stringify(plan).replace('{', '{"__proto__":{"id":"x"},'));
    expect(issuesOf(() => api.validatePlan(planJson))).toEqual([['', 'unknown_key']]);
    const input = JSON.parse('{"__proto__": {"date": "2024-06-03"}, "reason": "completed"}');
    expect(issuesOf(() => api.safeAfter(plan, started, input))).toEqual([['', 'unknown_key']]);
  });
});

describe('getters that throw', () => {
  it('give a failed Result or an UppfoljningError, not the getter’s error', () => {
    expect(outcome(() => api.safeAfter(plan, started, throwing())).kind).toBe('issues');
    expect(outcome(() => api.safeWithdraw(plan, started, throwing())).kind).toBe('issues');
    expect(outcome(() => api.validateRecord(plan, { ...closed, get after() { throw new Error('getter'); } })).kind).toBe('issues');
    expect(outcome(() => api.safeEnrol(Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new Error('getter'); } }) as never, enrolInput)).kind).toBe('issues');
  });
});

describe('renderSvg', () => {
  const model = report.buildReport(api.compile(plan, [closed, closedRecord(1, 3, false)]));
  const spec = report.chartSpecs(model)[0]!.spec;
  const deepFreeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null) {
      for (const v of Object.values(value)) deepFreeze(v);
      Object.freeze(value);
    }
    return value;
  };
  it('does not mark the spec’s data rows (Symbol(vega_id)) nor change it otherwise', async () => {
    const before = JSON.stringify(spec);
    await report.renderSvg(spec);
    expect(JSON.stringify(spec)).toBe(before);
    const rows = (spec as { data?: { values?: object[] } }).data?.values ?? [];
    for (const row of rows) expect(Object.getOwnPropertySymbols(row)).toEqual([]);
  });
  it('renders a frozen spec', async () => {
    const frozen = deepFreeze(structuredClone(spec));
    expect((await report.renderSvg(frozen)).startsWith('<svg')).toBe(true);
  });
  it('a spec that cannot be copied is a format issue', async () => {
    await expect(report.renderSvg({ ...spec, data: { values: [{ f: () => 1 }] } } as never)).rejects.toBeInstanceOf(api.UppfoljningError);
  });
});
