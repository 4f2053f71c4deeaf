import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { before, compile, enrol, formatIssue, parsePlan, parseRecord, safeBefore, tabulate, UppfoljningError, validateRecord, withdraw, type ClientRecord } from '../../src/index.js';
import { makeRecord, smallPlanInput, smallPlan as plan } from '../helpers/fixtures.js';
import { followUpPlan } from '../follow-up/fixtures.js';
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

const firstIssue = (r: ReturnType<typeof validateRecord>) => {
  if (r.success) throw new Error('expected the record to be refused');
  return r.issues[0]!;
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

  it('a start outside the plan\'s periods is refused by before() and validateRecord, and counted (not dropped) by compile', () => {
    // The plan names two half-years of 2024; the helper's records start on 2024-01-15.
    const halfYears = parsePlan({ ...smallPlanInput, period: { from: '2024-01-01', to: '2024-12-31' }, periodBy: 'half_year' });
    const r = closed();
    const early = { ...r, before: { ...r.before!, date: '2023-12-31' } };
    const late = { ...r, before: { ...r.before!, date: '2025-01-01' }, during: [], after: { ...r.after!, date: '2025-03-01' } };
    const refused = (input: unknown) => {
      const v = validateRecord(halfYears, input);
      return v.success ? [] : v.issues.map((i) => [i.path.join('.'), i.rule, i.params.value]);
    };
    expect(refused(early)).toEqual([['before.date', 'outside_period', '2023-12-31']]);
    expect(refused(late)).toEqual([['before.date', 'outside_period', '2025-01-01']]);
    // The first and last day of the plan's periods are inside.
    expect(refused({ ...r, before: { ...r.before!, date: '2024-01-01' } })).toEqual([]);
    expect(refused({ ...r, before: { ...r.before!, date: '2024-12-31' }, during: [], after: { ...r.after!, date: '2024-12-31' } })).toEqual([]);
    // Without periodBy the plan names no periods: the same record is accepted.
    expect(validateRecord(plan, early).success).toBe(true);
    // The message names the field, the value and the period, in Swedish and English.
    const issue = firstIssue(validateRecord(halfYears, early));
    expect(formatIssue(issue, 'sv')).toBe('before.date: starten "2023-12-31" ligger utanför uppföljningsperioden 2024-01-01–2024-12-31 [outside_period]');
    expect(formatIssue(issue, 'en')).toBe('before.date: the start "2023-12-31" is outside the follow-up period 2024-01-01 to 2024-12-31 [outside_period]');
    // The step refuses it too (the same rule in record/check.ts), and compile counts it under invalid.
    const enrolled = enrol(halfYears, { clientId: 'k-p', intervention: 'a', enrolled: '2023-12-20', gender: 'man', age: 30 });
    const step = safeBefore(halfYears, enrolled, { date: '2023-12-31', mainProblem: 'alkohol' });
    expect(step.success ? [] : step.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['date', 'outside_period']]);
    expect(() => before(halfYears, enrolled, { date: '2024-01-02', mainProblem: 'alkohol' })).not.toThrow();
    const c = compile(halfYears, [early, late, r].map((x) => ({ ...x, planId: halfYears.id })) as ClientRecord[]);
    expect(c.invalid).toEqual({ total: 2, byRule: { outside_period: 2 } });
  });

  it('a record that never started is placed by its date of selection: enrolled outside the periods, validateRecord refuses it as compile does', () => {
    const halfYears = parsePlan({ ...smallPlanInput, period: { from: '2024-01-01', to: '2024-12-31' }, periodBy: 'half_year' });
    const waiting = (enrolled: string, id = 'v') => enrol(halfYears, { clientId: `k-${id}-${enrolled}`, intervention: 'a', enrolled, gender: 'man', age: 30 });
    const withdrawn = (enrolled: string) => withdraw(halfYears, waiting(enrolled, 'w'), { date: '2025-02-01', reason: 'declined' });
    const refused = (input: unknown) => {
      const v = validateRecord(halfYears, input);
      return v.success ? [] : v.issues.map((i) => [i.path.join('.'), i.rule, i.params.value]);
    };
    for (const make of [waiting, withdrawn]) {
      expect(refused(make('2023-12-20'))).toEqual([['enrolled', 'outside_period', '2023-12-20']]);
      expect(refused(make('2025-01-10'))).toEqual([['enrolled', 'outside_period', '2025-01-10']]);
      // The first and last day are inside.
      expect(refused(make('2024-01-01'))).toEqual([]);
      expect(refused(make('2024-12-31'))).toEqual([]);
    }
    // What validateRecord refuses, compile does not count; what it accepts, compile counts in the period of the selection.
    const records = ['2023-12-20', '2024-03-01', '2024-08-01', '2025-01-10'].flatMap((d) => [waiting(d), withdrawn(d)]);
    const c = compile(halfYears, records);
    expect(c.invalid).toEqual({ total: 4, byRule: { outside_period: 4 } });
    expect(tabulate(c, { by: ['period'] }).rows.map((row) => [row.key.period, row.flow.selected])).toEqual([['2024-h1', 2], ['2024-h2', 2]]);
    // The message names the field, the value, the period and the rule, in Swedish and English.
    const issue = firstIssue(validateRecord(halfYears, waiting('2023-12-20')));
    expect(formatIssue(issue, 'sv')).toBe(
      'enrolled: urvalsdatumet "2023-12-20" ligger utanför uppföljningsperioden 2024-01-01–2024-12-31, och en klient som inte har påbörjat insatsen räknas i perioden för sitt urval [outside_period]',
    );
    expect(formatIssue(issue, 'en')).toBe(
      'enrolled: the date of selection "2023-12-20" is outside the follow-up period 2024-01-01 to 2024-12-31, and a client who has not started is counted in the period of their selection [outside_period]',
    );
    // Once the client starts inside the period, the start decides and the record is valid.
    expect(refused(before(halfYears, waiting('2023-12-20'), { date: '2024-01-02', mainProblem: 'alkohol' }))).toEqual([]);
    // Without periods the same record is accepted.
    expect(validateRecord(plan, { ...waiting('2023-12-20'), planId: plan.id }).success).toBe(true);
  });

  it('a follow-up measurement outside its window is an error in validateRecord and a counted rule in compile', () => {
    const base = makeRecord({ before: { goals: [{ statement: 'x' }], measures: { [T]: 2 } }, after: { measures: { [T]: 4 }, goalsMet: [true] } }, followUpPlan);
    // Closed 2024-06-03: 6 months is 2024-12-03, the window ±14 days is 2024-11-19 to 2024-12-17.
    const at = (date: string) => ({ ...base, followUps: [{ point: '6m', date, status: 'reached', measures: {} }] });
    const issues = (date: string) => {
      const v = validateRecord(followUpPlan, at(date));
      return v.success ? [] : v.issues.map((i) => [i.path.join('.'), i.rule, i.params.start, i.params.end]);
    };
    expect(issues('2024-11-19')).toEqual([]);
    expect(issues('2024-12-17')).toEqual([]);
    expect(issues('2024-11-18')).toEqual([['followUps.0.date', 'outside_window', '2024-11-19', '2024-12-17']]);
    expect(issues('2024-12-18')).toEqual([['followUps.0.date', 'outside_window', '2024-11-19', '2024-12-17']]);
    const issue = firstIssue(validateRecord(followUpPlan, at('2024-12-18')));
    expect(formatIssue(issue, 'sv')).toBe('followUps[0].date: datumet 2024-12-18 ligger utanför fönstret för efteruppföljningen "6m" (2024-11-19–2024-12-17) [outside_window]');
    expect(formatIssue(issue, 'en')).toBe('followUps[0].date: the date 2024-12-18 is outside the window of the follow-up "6m" (2024-11-19–2024-12-17) [outside_window]');
    expect(compile(followUpPlan, [at('2024-12-18'), at('2024-12-17')] as ClientRecord[]).invalid).toEqual({ total: 1, byRule: { outside_window: 1 } });
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
