import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRecord, UppfoljningError, validateRecord, type ClientRecord } from '../../src/index.js';
import { makeRecord, smallPlan as plan } from '../helpers/fixtures.js';
import { validRecord } from '../helpers/arbitraries.js';

const T = 'tilltro-nykterhet';
const closed = () =>
  makeRecord({
    before: { goals: [{ statement: 'x' }], measures: { [T]: 2 } },
    during: [{ kind: 'measure', date: '2024-02-01', measure: 'up', value: 0 }],
    after: { measures: { [T]: 4 }, goalsMet: [true] },
  });
const rules = (input: unknown) => {
  const r = validateRecord(plan, input);
  return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule]);
};

describe('validateRecord', () => {
  it('accepts records made by the step functions, and returns them unchanged', () => {
    fc.assert(
      fc.property(validRecord, (r) => {
        const copy = structuredClone(r);
        const result = validateRecord(plan, r);
        expect(result).toEqual({ success: true, data: r });
        expect(r).toEqual(copy);
      }),
    );
  });

  it('after before before, events outside the intervention, withdrawal before the start', () => {
    const r = closed();
    expect(rules({ ...r, after: { ...r.after, date: '2024-01-14' } })).toEqual([
      ['during.0.date', 'date_order'], // the event (1 Feb) is now after the closing date
      ['after.date', 'date_order'],
    ]);
    expect(rules({ ...r, during: [{ kind: 'deviation', date: '2024-01-01' }] })).toEqual([['during.0.date', 'date_order']]);
    const started = makeRecord({ before: {} });
    expect(rules({ ...started, withdrawal: { date: '2024-01-01', reason: 'moved' } })).toEqual([['withdrawal.date', 'date_order']]);
    // An event after the withdrawal date.
    expect(rules({ ...r, after: undefined, withdrawal: { date: '2024-01-20', reason: 'moved' } })).toEqual([['during.0.date', 'date_order']]);
  });

  it('steps out of order: closed and withdrawn, closed without a start', () => {
    const r = closed();
    expect(rules({ ...r, withdrawal: { date: '2024-02-02', reason: 'moved' } })).toEqual([['withdrawal', 'step_order']]);
    const { before: _b, during: _d, ...noStart } = r;
    expect(rules(noStart)).toEqual([['before', 'required']]);
  });

  it('impossible dates, values off the scale, unknown instruments and codes, identity-like ids, another plan', () => {
    const r = closed();
    expect(rules({ ...r, enrolled: '2021-02-30' })).toEqual([['enrolled', 'calendar_date']]);
    expect(rules({ ...r, after: { ...r.after, measures: { [T]: 7 } } })).toEqual([['after.measures.tilltro-nykterhet', 'out_of_range']]);
    expect(rules({ ...r, after: { ...r.after, measures: { dudit: 7 } } })).toEqual([['after.measures.dudit', 'unknown_instrument']]);
    expect(rules({ ...r, during: [{ kind: 'measure', date: '2024-02-01', measure: 'up', value: 0.5 }] })).toEqual([['during.0.value', 'not_on_scale']]);
    expect(rules({ ...r, gender: 'annat' })).toEqual([['gender', 'unknown_code']]);
    expect(rules({ ...r, clientId: '191212121212' })).toEqual([['clientId', 'looks_like_identity_number']]);
    expect(rules({ ...r, planId: 'annan-plan' })).toEqual([['planId', 'plan_mismatch']]);
    expect(rules({ ...r, age: 131 })).toEqual([['age', 'max']]);
    expect(rules({ ...r, age: 'trettio' })).toEqual([['age', 'type']]);
    expect(rules({ ...r, after: { ...r.after, reason: 'klar' } })).toEqual([['after.reason', 'one_of']]);
  });

  it('parseRecord throws one error naming the path and rule in sv and en', () => {
    const r = closed();
    let error: UppfoljningError | undefined;
    try {
      parseRecord(plan, { ...r, enrolled: '2021-02-30' });
    } catch (e) {
      error = e as UppfoljningError;
    }
    expect(error).toBeInstanceOf(UppfoljningError);
    expect(error?.message).toBe('enrolled: 2021-02-30 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]');
    expect(error?.format('en')).toBe('enrolled: 2021-02-30 is not a date in the calendar (expected YYYY-MM-DD) [calendar_date]');
    expect(parseRecord(plan, JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('garbage never crashes', () => {
    fc.assert(fc.property(fc.anything(), (x) => validateRecord(plan, x).success === false));
    const base = closed() as unknown as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), fc.anything(), (key, value) => {
        const result = validateRecord(plan, { ...base, [key]: value } as ClientRecord);
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});
