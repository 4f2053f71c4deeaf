import { describe, expect, it } from 'vitest';
import {
  after,
  before,
  during,
  enrol,
  safeAfter,
  safeBefore,
  safeDuring,
  safeEnrol,
  safeWithdraw,
  UppfoljningError,
  withdraw,
  compile,
  validateRecord,
  type ClientRecord,
  type Issue,
  type Result,
} from '../../src/index.js';
import { makeRecord, smallPlan as plan } from '../helpers/fixtures.js';
import { thrown } from '../helpers/errors.js';

const enrolInput = { clientId: 'k-1', intervention: 'a', enrolled: '2024-01-08', gender: 'kvinna', age: 25 };

function issuesOf(result: Result<ClientRecord>): readonly Issue[] {
  if (result.success) throw new Error('expected a failure');
  return result.issues;
}
const rules = (result: Result<ClientRecord>) => issuesOf(result).map((i) => [i.path.join('.'), i.rule]);

/** Runs a step on a frozen deep copy and checks the record was not changed. */
function unchanged<T>(record: ClientRecord, step: (r: ClientRecord) => T): T {
  const copy = structuredClone(record);
  const out = step(record);
  expect(record).toEqual(copy);
  return out;
}

describe('enrol: age in completed years at the given date', () => {
  const ageAt = (birthDate: string, enrolled: string) => {
    const r = safeEnrol(plan, { ...enrolInput, age: undefined, birthDate, enrolled });
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    return r.data.age;
  };
  it('the day before a birthday and the birthday', () => {
    // 2024 − 1990 = 34, minus one on 14 March since the birthday is 15 March.
    expect(ageAt('1990-03-15', '2024-03-14')).toBe(33);
    expect(ageAt('1990-03-15', '2024-03-15')).toBe(34);
  });
  it('born on 29 February: the year is completed on 28 February in years without 29 February', () => {
    // Lag (1930:173) om beräkning av lagstadgad tid, 1 §: when the end month has no
    // matching day, the period ends on the month's last day — 28 February.
    expect(ageAt('2000-02-27', '2023-02-26')).toBe(22);
    expect(ageAt('2000-02-29', '2023-02-27')).toBe(22);
    expect(ageAt('2000-02-29', '2023-02-28')).toBe(23);
    expect(ageAt('2000-02-29', '2023-03-01')).toBe(23);
    expect(ageAt('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageAt('2000-02-29', '2024-02-29')).toBe(24);
  });
  it('at year ends', () => {
    expect(ageAt('1999-01-01', '2024-12-31')).toBe(25);
    expect(ageAt('1999-12-31', '2024-12-30')).toBe(24);
    expect(ageAt('1999-12-31', '2024-12-31')).toBe(25);
  });
  it('keeps the birth date until the start, with the age at enrolment', () => {
    const r = enrol(plan, { ...enrolInput, age: undefined, birthDate: '1990-03-15' });
    expect(r).toEqual({ planId: 'test-plan', clientId: 'k-1', intervention: 'a', enrolled: '2024-01-08', age: 33, birthDate: '1990-03-15', gender: 'kvinna', during: [], followUps: [] });
  });
});

describe('age at the start of the intervention, not at enrolment (issue 10, item 6)', () => {
  const born = { ...enrolInput, age: undefined, birthDate: '1990-01-20', enrolled: '2021-01-10' };
  it('born 1990-01-20, enrolled 2021-01-10, started 2021-01-25: 31, not 30', () => {
    // 2021 − 1990 = 31 on 20 January 2021: 30 on the 10th (enrolment), 31 on the 25th (start).
    const enrolled = enrol(plan, born);
    expect(enrolled.age).toBe(30);
    const started = before(plan, enrolled, { date: '2021-01-25', mainProblem: 'alkohol' });
    expect(started.age).toBe(31);
    expect('birthDate' in started).toBe(false);
    expect(validateRecord(plan, started).success).toBe(true);
  });
  it('a client who never started keeps the age at enrolment, and a withdrawal before the start drops the birth date', () => {
    const w = withdraw(plan, enrol(plan, born), { date: '2021-01-30', reason: 'declined' });
    expect(w.age).toBe(30);
    expect('birthDate' in w).toBe(false);
  });
  it('an age or birth date given at the start wins over the one kept', () => {
    expect(before(plan, enrol(plan, born), { date: '2021-01-25', age: 40, mainProblem: 'alkohol' }).age).toBe(40);
    expect(before(plan, enrol(plan, born), { date: '2021-01-25', birthDate: '1980-01-01', mainProblem: 'alkohol' }).age).toBe(41);
  });
  it('compile groups by the age at the start: 29 at enrolment, 30 at the start is in the 30+ band', () => {
    // The small plan's bands: 18–29 and 30+. Born 1991-01-20: 29 on 2021-01-10, 30 on 2021-01-25.
    const r = before(plan, enrol(plan, { ...born, birthDate: '1991-01-20' }), { date: '2021-01-25', mainProblem: 'alkohol' });
    const c = compile(plan, [r]);
    const cellsPerBand = c.cells / c.meta.dims.ageBands.length;
    const selected = (band: number) =>
      Array.from({ length: cellsPerBand }, (_, i) => c.counts.flow[(band * cellsPerBand + i) * (c.counts.flow.length / c.cells)]!).reduce((a, b) => a + b, 0);
    expect([selected(0), selected(1)]).toEqual([0, 1]);
  });
  it('a record that has started may not hold a birth date', () => {
    const started = before(plan, enrol(plan, born), { date: '2021-01-25', mainProblem: 'alkohol' });
    const r = validateRecord(plan, { ...started, birthDate: '1990-01-20' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['birthDate', 'unknown_key']]);
  });
});

describe('enrol: bad input', () => {
  it('both age and birth date, neither, a birth date after enrolment', () => {
    expect(rules(safeEnrol(plan, { ...enrolInput, birthDate: '1990-01-01' }))).toEqual([['age', 'unknown_key']]);
    expect(rules(safeEnrol(plan, { ...enrolInput, age: undefined }))).toEqual([['age', 'required']]);
    expect(rules(safeEnrol(plan, { ...enrolInput, age: undefined, birthDate: '2024-02-01' }))).toEqual([['birthDate', 'date_order']]);
  });
  it('codes, ages and dates', () => {
    expect(rules(safeEnrol(plan, { ...enrolInput, intervention: 'c', gender: 'x' }))).toEqual([
      ['intervention', 'unknown_code'],
      ['gender', 'unknown_code'],
    ]);
    expect(rules(safeEnrol(plan, { ...enrolInput, age: 17 }))).toEqual([['age', 'outside_age_bands']]);
    expect(rules(safeEnrol(plan, { ...enrolInput, enrolled: '2021-02-30' }))).toEqual([['enrolled', 'calendar_date']]);
    expect(rules(safeEnrol(plan, { ...enrolInput, age: '25' }))).toEqual([['age', 'type']]);
    expect(rules(safeEnrol(plan, { ...enrolInput, age: 25.5 }))).toEqual([['age', 'integer']]);
  });
  it('a client id that looks like a personnummer (Skatteverket test numbers) is rejected', () => {
    // 19121212-1212 and 191212121212 are in Skatteverket's published test series.
    for (const clientId of ['19121212-1212', '191212121212', '121212-1212', '1212121212', '121212+1212']) {
      expect(rules(safeEnrol(plan, { ...enrolInput, clientId }))).toEqual([['clientId', 'looks_like_identity_number']]);
    }
    expect(thrown(() => enrol(plan, { ...enrolInput, clientId: '19121212-1212' })).format('en')).toBe(
      'clientId: looks like a personal identity or coordination number; use a pseudonym as client id [looks_like_identity_number]',
    );
    expect(() => enrol(plan, { ...enrolInput, clientId: '19121212-1212' })).toThrow(
      'clientId: ser ut som ett person- eller samordningsnummer; använd en pseudonym som klient-id [looks_like_identity_number]',
    );
  });
  it('garbage gives issues, not a crash', () => {
    for (const input of [null, 1, 'x', [], {}]) expect(safeEnrol(plan, input).success).toBe(false);
    expect(() => enrol(plan, null as never)).toThrow(UppfoljningError);
  });
});

describe('before', () => {
  const enrolled = () => enrol(plan, enrolInput);

  it('returns a new record and leaves the old one unchanged', () => {
    const r0 = enrolled();
    const r1 = unchanged(r0, (r) =>
      before(plan, r, { date: '2024-01-15', mainProblem: 'alkohol', measures: { 'tilltro-nykterhet': 2, audit: 18 }, background: { boende: 'eget', tidigare: true } }),
    );
    expect(r1).not.toBe(r0);
    expect(r1.before).toEqual({
      date: '2024-01-15',
      mainProblem: 'alkohol',
      goals: [],
      measures: { 'tilltro-nykterhet': 2, audit: 18 },
      background: { boende: 'eget', tidigare: true },
    });
    expect(r0.before).toBeUndefined();
  });

  it('recomputes the age at the start of the intervention from a birth date', () => {
    // Enrolled at 25 on 2024-01-08 given as an age; the start is 2024-03-15, the birthday: 2024 − 1990 = 34.
    const r = before(plan, enrol(plan, { ...enrolInput, age: 33 }), { date: '2024-03-15', birthDate: '1990-03-15', mainProblem: 'alkohol' });
    expect(r.age).toBe(34);
    expect(r.before && 'birthDate' in r.before).toBe(false);
    // Without a birth date or age, the enrolment age stays.
    expect(before(plan, enrolled(), { date: '2024-03-15', mainProblem: 'alkohol' }).age).toBe(25);
  });

  it('a new age outside the bands is an issue', () => {
    expect(rules(safeBefore(plan, enrolled(), { date: '2024-01-15', age: 12, mainProblem: 'alkohol' }))).toEqual([['age', 'outside_age_bands']]);
  });

  it('values, instruments, codes, background and dates are checked; nothing is half-applied', () => {
    const r0 = enrolled();
    const result = unchanged(r0, (r) =>
      safeBefore(plan, r, {
        date: '2024-01-15',
        mainProblem: 'spel',
        goals: [{ area: 'boende', statement: 'x' }, { statement: 'y', target: 7 }],
        measures: { 'tilltro-nykterhet': 6, audit: 2.5, dudit: 3 },
        background: { boende: 'slott', tidigare: 'ja', okand: 1 },
      }),
    );
    expect(rules(result)).toEqual([
      ['mainProblem', 'unknown_code'],
      ['goals.0.area', 'unknown_code'],
      ['goals.1.target', 'out_of_range'],
      ['background.boende', 'unknown_code'],
      ['background.tidigare', 'type'],
      ['background.okand', 'unknown_key'],
      ['measures.tilltro-nykterhet', 'out_of_range'],
      ['measures.audit', 'not_on_scale'],
      ['measures.dudit', 'unknown_instrument'],
    ]);
    expect(rules(safeBefore(plan, r0, { date: '2021-02-30', mainProblem: 'alkohol' }))).toEqual([['date', 'calendar_date']]);
    expect(rules(safeBefore(plan, r0, { date: '2024-01-15', mainProblem: 'alkohol', measures: { audit: '3' } }))).toEqual([['measures.audit', 'type']]);
  });

  it('the out-of-range message in sv and en', () => {
    let error: UppfoljningError | undefined;
    try {
      before(plan, enrolled(), { date: '2024-01-15', mainProblem: 'alkohol', measures: { 'tilltro-nykterhet': 6 } });
    } catch (e) {
      error = e as UppfoljningError;
    }
    expect(error?.message).toBe('measures.tilltro-nykterhet: värdet 6 ligger utanför skalan 1–5 [out_of_range]');
    expect(error?.format('en')).toBe('measures.tilltro-nykterhet: the value 6 is outside the scale 1–5 [out_of_range]');
  });

  it('step order: not twice, not after a withdrawal', () => {
    const started = makeRecord({ before: {} });
    expect(issuesOf(safeBefore(plan, started, { date: '2024-01-15', mainProblem: 'alkohol' }))).toEqual([
      { path: [], rule: 'step_order', params: { step: 'before', state: 'started' } },
    ]);
    const gone = makeRecord({ withdraw: { date: '2024-01-10', reason: 'declined' } });
    expect(rules(safeBefore(plan, gone, { date: '2024-01-15', mainProblem: 'alkohol' }))).toEqual([['', 'step_order']]);
    expect(thrown(() => before(plan, gone, { date: '2024-01-15', mainProblem: 'alkohol' })).format('en')).toBe(
      '(root): the step before cannot be taken when the record is withdrawn [step_order]',
    );
    expect(() => before(plan, gone, { date: '2024-01-15', mainProblem: 'alkohol' })).toThrow(
      '(root): steget före insats kan inte göras när ärendet är avfört [step_order]',
    );
  });
});

describe('during', () => {
  const started = () => makeRecord({ before: {} });

  it('appends events in date order, one or many, returning a new record', () => {
    const r0 = started();
    const r1 = unchanged(r0, (r) => during(plan, r, { kind: 'measure', date: '2024-01-30', measure: 'up', value: 0 }));
    const r2 = unchanged(r1, (r) =>
      during(plan, r, [
        { kind: 'session', date: '2024-02-01', attended: true },
        { kind: 'deviation', date: '2024-01-20' },
      ]),
    );
    expect(r2.during.map((e) => e.date)).toEqual(['2024-01-20', '2024-01-30', '2024-02-01']);
    expect(r1.during).toHaveLength(1);
    expect(r0.during).toHaveLength(0);
  });

  it('all or nothing: one bad event in an array rejects the whole array, with its index', () => {
    const r0 = started();
    const result = unchanged(r0, (r) =>
      safeDuring(plan, r, [
        { kind: 'measure', date: '2024-01-20', measure: 'up', value: 0 },
        { kind: 'measure', date: '2024-01-21', measure: 'up', value: 2 },
        { kind: 'measure', date: '2024-01-10', measure: 'saliv', value: 0 },
      ]),
    );
    expect(rules(result)).toEqual([
      ['1.value', 'out_of_range'],
      ['2.date', 'date_order'],
      ['2.measure', 'unknown_code'],
    ]);
    expect(rules(safeDuring(plan, r0, { kind: 'session', date: '2024-02-30', attended: true }))).toEqual([['date', 'calendar_date']]);
    expect(issuesOf(safeDuring(plan, r0, { kind: 'visit', date: '2024-02-01' }))).toEqual([
      { path: ['kind'], rule: 'one_of', params: { values: ['measure', 'session', 'deviation'], value: 'visit' } },
    ]);
    expect(rules(safeDuring(plan, r0, [{ kind: 'deviation', date: '2024-02-01' }, { kind: 'visit', date: '2024-02-01' }]))).toEqual([['1.kind', 'one_of']]);
    expect(rules(safeDuring(plan, r0, []))).toEqual([['', 'min']]);
  });

  it('step order: not before the start, not after closing or withdrawal', () => {
    const ev = { kind: 'deviation', date: '2024-02-01' } as const;
    expect(rules(safeDuring(plan, makeRecord(), ev))).toEqual([['', 'step_order']]);
    expect(rules(safeDuring(plan, makeRecord({ before: {}, after: {} }), ev))).toEqual([['', 'step_order']]);
    expect(rules(safeDuring(plan, makeRecord({ before: {}, withdraw: { date: '2024-02-01', reason: 'moved' } }), ev))).toEqual([['', 'step_order']]);
  });
});

describe('after', () => {
  const started = () => makeRecord({ before: { goals: [{ statement: 'x' }], measures: { 'tilltro-nykterhet': 2 } } });

  it('closes with a closing measurement, returning a new record', () => {
    const r0 = started();
    const r1 = unchanged(r0, (r) => after(plan, r, { date: '2024-06-03', reason: 'completed', measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true] }));
    expect(r1.after).toEqual({ date: '2024-06-03', reason: 'completed', measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true] });
    // A missing after-measure is allowed.
    expect(after(plan, r0, { date: '2024-06-03', reason: 'moved' }).after?.measures).toEqual({});
  });

  it('after before before is rejected in sv and en', () => {
    const result = safeAfter(plan, started(), { date: '2024-01-14', reason: 'completed' });
    expect(issuesOf(result)).toEqual([
      {
        path: ['date'],
        rule: 'date_order',
        params: { value: '2024-01-14', other: 'before.date', otherValue: '2024-01-15', otherLabel: 'intervention_start' },
      },
    ]);
    expect(() => after(plan, started(), { date: '2024-01-14', reason: 'completed' })).toThrow(
      'date: datumet 2024-01-14 ligger före insatsens start (2024-01-15) [date_order]',
    );
    expect(thrown(() => after(plan, started(), { date: '2024-01-14', reason: 'completed' })).format('en')).toBe(
      'date: the date 2024-01-14 is before the start of the intervention (2024-01-15) [date_order]',
    );
    // The same day as the start is fine.
    expect(safeAfter(plan, started(), { date: '2024-01-15', reason: 'completed', goalsMet: [false] }).success).toBe(true);
  });

  it('an event recorded after the closing date is out of order', () => {
    const r = during(plan, started(), { kind: 'deviation', date: '2024-03-01' });
    expect(rules(safeAfter(plan, r, { date: '2024-02-28', reason: 'completed' }))).toEqual([['date', 'date_order']]);
  });

  it('reason, instruments, values and goal assessments are checked', () => {
    const r0 = started();
    expect(rules(safeAfter(plan, r0, { date: '2024-06-03', reason: 'finished' }))).toEqual([['reason', 'one_of']]);
    expect(rules(safeAfter(plan, r0, { date: '2024-06-03', reason: 'completed', measures: { dudit: 3, 'tilltro-nykterhet': 0 } }))).toEqual([
      ['measures.dudit', 'unknown_instrument'],
      ['measures.tilltro-nykterhet', 'out_of_range'],
    ]);
    // One goal was set: two assessments are too many, none is too few.
    expect(rules(safeAfter(plan, r0, { date: '2024-06-03', reason: 'completed', goalsMet: [true, false] }))).toEqual([['goalsMet', 'max']]);
    expect(rules(safeAfter(plan, r0, { date: '2024-06-03', reason: 'completed', goalsMet: [] }))).toEqual([['goalsMet', 'min']]);
  });

  it('step order: not before the start, not twice, not after a withdrawal', () => {
    const input = { date: '2024-06-03', reason: 'completed' };
    expect(rules(safeAfter(plan, makeRecord(), input))).toEqual([['', 'step_order']]);
    expect(issuesOf(safeAfter(plan, makeRecord({ before: {}, after: {} }), input))[0]?.params).toEqual({ step: 'after', state: 'closed' });
    expect(rules(safeAfter(plan, makeRecord({ before: {}, withdraw: { date: '2024-02-01', reason: 'moved' } }), input))).toEqual([['', 'step_order']]);
  });
});

describe('withdraw', () => {
  it('before the start and during the intervention, returning a new record', () => {
    const r0 = makeRecord();
    const r1 = unchanged(r0, (r) => withdraw(plan, r, { date: '2024-01-09', reason: 'declined' }));
    expect(r1.withdrawal).toEqual({ date: '2024-01-09', reason: 'declined' });
    const r2 = withdraw(plan, makeRecord({ before: {} }), { date: '2024-02-01', reason: 'breakdown' });
    expect(r2.withdrawal?.reason).toBe('breakdown');
  });

  it('an event recorded after the withdrawal date is out of order, as in after()', () => {
    const r = during(plan, makeRecord({ before: {} }), { kind: 'deviation', date: '2024-03-01' });
    expect(rules(safeWithdraw(plan, r, { date: '2024-02-01', reason: 'moved' }))).toEqual([['date', 'date_order']]);
    expect(safeWithdraw(plan, r, { date: '2024-03-01', reason: 'moved' }).success).toBe(true);
  });

  it('bad input and step order', () => {
    const started = makeRecord({ before: {} });
    expect(rules(safeWithdraw(plan, started, { date: '2024-02-01', reason: 'completed' }))).toEqual([['reason', 'one_of']]);
    expect(rules(safeWithdraw(plan, started, { date: '2024-01-01', reason: 'moved' }))).toEqual([['date', 'date_order']]);
    expect(rules(safeWithdraw(plan, started, { date: '2024-13-01', reason: 'moved' }))).toEqual([['date', 'calendar_date']]);
    expect(rules(safeWithdraw(plan, makeRecord({ before: {}, after: {} }), { date: '2024-07-01', reason: 'moved' }))).toEqual([['', 'step_order']]);
    const gone = withdraw(plan, started, { date: '2024-02-01', reason: 'moved' });
    expect(rules(safeWithdraw(plan, gone, { date: '2024-02-02', reason: 'moved' }))).toEqual([['', 'step_order']]);
  });
});
