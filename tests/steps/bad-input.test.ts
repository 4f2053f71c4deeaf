import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classify,
  safeAfter,
  safeBefore,
  safeDuring,
  safeEnrol,
  safeWithdraw,
  selectClients,
  UppfoljningError,
  type ClientRecord,
  type Plan,
  type Result,
} from '../../src/index.js';

const selections: Plan['selection'][] = [{ kind: 'all' }, { kind: 'birthdays', days: [5, 15, 25] }, { kind: 'random', size: 2, seed: 's' }];
import { makeRecord, smallPlan as plan } from '../helpers/fixtures.js';

const steps = {
  before: (r: ClientRecord, x: unknown) => safeBefore(plan, r, x),
  during: (r: ClientRecord, x: unknown) => safeDuring(plan, r, x),
  after: (r: ClientRecord, x: unknown) => safeAfter(plan, r, x),
  withdraw: (r: ClientRecord, x: unknown) => safeWithdraw(plan, r, x),
};
const failed = (r: Result<unknown>) => {
  expect(r.success).toBe(false);
  if (r.success) return [];
  expect(r.issues.length).toBeGreaterThan(0);
  return r.issues;
};

describe('every step given malformed input fails with issues, never a TypeError, and changes nothing', () => {
  it('garbage input on records in every state', () => {
    const records = [
      makeRecord(),
      makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } } }),
      makeRecord({ before: {}, after: {} }),
      makeRecord({ withdraw: { date: '2024-01-10', reason: 'declined' } }),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...records), fc.constantFrom(...Object.values(steps)), fc.anything(), (record, step, input) => {
        const copy = structuredClone(record);
        const result = step(record, input);
        // Some garbage is by chance valid input (e.g. a withdrawal { date, reason }), so only check it never throws and never mutates.
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
        expect(record).toEqual(copy);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.anything(), (input) => failed(safeEnrol(plan, input)).length > 0));
  });

  it('a record that is not an object: a type issue at record, in sv and en', () => {
    for (const [name, step] of Object.entries(steps)) {
      for (const bad of [null, undefined, 42, 'k-1', []]) {
        const issues = failed(step(bad as never, {}));
        expect(issues.map((i) => [i.path.join('.'), i.rule]), name).toEqual([['record', 'type']]);
      }
    }
    expect(() => classify(plan, null as never)).toThrow(UppfoljningError);
    expect(() => classify(plan, null as never)).toThrow('record: fel typ: väntade object, fick null [type]');
  });

  it('selectClients: candidates that are not an array, or not objects', () => {
    expect(selectClients({ selection: { kind: 'all' } }, null as never)).toEqual({
      success: false,
      issues: [{ path: ['candidates'], rule: 'type', params: { expected: 'array', received: 'null' } }],
    });
    const r = selectClients({ selection: { kind: 'birthdays', days: [5] } }, [null, 7, { clientId: 'a', birthDate: '1990-01-05' }] as never);
    expect(failed(r).map((i) => [i.path.join('.'), i.rule])).toEqual([['candidates.0', 'type'], ['candidates.1', 'type']]);
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...selections), (junk, selection) => {
        selectClients({ selection }, junk as never);
        selectClients({ selection }, [junk] as never);
      }),
    );
  });
});
