/**
 * Follow-up after the end (*efteruppföljning*): the plan's points, the
 * calendar window, the step `followUp`, and the record rules.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  followUp,
  followUpWindow,
  parsePlan,
  recordJsonSchema,
  safeFollowUp,
  validatePlan,
  validateRecord,
  type ClientRecord,
  type Issue,
  type Plan,
  type Result,
} from '../../src/index.js';
import { closedRecord, makeRecord, smallPlanInput } from '../helpers/fixtures.js';
import { followUpPlan, label } from './fixtures.js';
import { thrown } from '../helpers/errors.js';


const rules = (result: Result<unknown>) => (result.success ? [] : result.issues.map((i: Issue) => [i.path.join('.'), i.rule]));

// closedRecord closes on 2024-06-03 (tests/helpers/fixtures.ts).
const closed = (): ClientRecord => closedRecord(2, 4);

describe('followUpWindow: calendar months, then ± windowDays', () => {
  it('adds calendar months; a day the month lacks becomes its last day', () => {
    // 31 Jan + 1 month: February has no 31st, so its last day (common year 28, leap year 29).
    expect(followUpWindow({ monthsAfter: 1, windowDays: 0 }, '2019-01-31').target).toBe('2019-02-28');
    expect(followUpWindow({ monthsAfter: 1, windowDays: 0 }, '2020-01-31').target).toBe('2020-02-29');
    // Leap day + 12 months: 2021 has no 29 February → 28 February; + 48 months lands on a leap day again.
    expect(followUpWindow({ monthsAfter: 12, windowDays: 0 }, '2020-02-29').target).toBe('2021-02-28');
    expect(followUpWindow({ monthsAfter: 48, windowDays: 0 }, '2020-02-29').target).toBe('2024-02-29');
    // 31 Aug + 1 month → 30 Sep; + 6 months from 31 Aug → 28 Feb (2019 common).
    expect(followUpWindow({ monthsAfter: 1, windowDays: 0 }, '2018-08-31').target).toBe('2018-09-30');
    expect(followUpWindow({ monthsAfter: 6, windowDays: 0 }, '2018-08-31').target).toBe('2019-02-28');
    // Across the year end.
    expect(followUpWindow({ monthsAfter: 2, windowDays: 0 }, '2019-11-15').target).toBe('2020-01-15');
  });
  it('opens windowDays before and closes windowDays after the target, both ends included', () => {
    // 2019-06-10 + 12 months = 2020-06-10; − 30 days = 2020-05-11 (May has 31 days); + 30 = 2020-07-10.
    expect(followUpWindow({ monthsAfter: 12, windowDays: 30 }, '2019-06-10')).toEqual({ start: '2020-05-11', target: '2020-06-10', end: '2020-07-10' });
    // Around a leap day: 2020-02-29 ± 1 day.
    expect(followUpWindow({ monthsAfter: 1, windowDays: 1 }, '2020-01-29')).toEqual({ start: '2020-02-28', target: '2020-02-29', end: '2020-03-01' });
  });
  it('never opens before the closing date', () => {
    expect(followUpWindow({ monthsAfter: 1, windowDays: 60 }, '2019-01-31').start).toBe('2019-01-31');
  });
  it('is the same in every time zone (no clock, no local time): start ≤ target ≤ end, and the day arithmetic agrees with UTC', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 365 }),
        (d, monthsAfter, windowDays) => {
          const closedOn = d.toISOString().slice(0, 10);
          const w = followUpWindow({ monthsAfter, windowDays }, closedOn);
          // The target from plain integer arithmetic on year/month, clamped to the month's length (UTC only).
          const [y, m, day] = closedOn.split('-').map(Number) as [number, number, number];
          const months = y * 12 + (m - 1) + monthsAfter;
          const ty = Math.floor(months / 12);
          const tm = months % 12;
          const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
          const target = new Date(Date.UTC(ty, tm, Math.min(day, last)));
          target.setUTCFullYear(ty);
          expect(w.target).toBe(target.toISOString().slice(0, 10));
          const plus = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
          expect(w.end).toBe(plus(w.target, windowDays));
          const start = plus(w.target, -windowDays);
          expect(w.start).toBe(start < closedOn ? closedOn : start);
        },
      ),
    );
  });
  it('bad input: a clear error naming the field', () => {
    expect(thrown(() => followUpWindow({ monthsAfter: 0, windowDays: 1 }, '2019-01-01')).issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['point.monthsAfter', 'min']]);
    expect(thrown(() => followUpWindow({ monthsAfter: 1.5, windowDays: -1 }, '2019-02-30')).issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['point.monthsAfter', 'integer'],
      ['point.windowDays', 'min'],
      ['closed', 'calendar_date'],
    ]);
    expect(thrown(() => followUpWindow({ monthsAfter: 1, windowDays: 1 }, '9999-12-01')).issues[0]!.rule).toBe('max');
    expect(thrown(() => followUpWindow(null as never, '2019-01-01')).issues[0]!.path).toEqual(['point']);
  });
});

describe('the plan field followUps', () => {
  it('defaults to [] and windowDays to 30', () => {
    expect(parsePlan(smallPlanInput).followUps).toEqual([]);
    expect(followUpPlan.followUps[1]!.windowDays).toBe(30);
  });
  it('ids unique, instruments known and listed once', () => {
    const bad = validatePlan({
      ...smallPlanInput,
      followUps: [
        { id: '6m', label: label('a', 'a'), monthsAfter: 6, measures: ['okand', 'audit', 'audit'] },
        { id: '6m', label: label('b', 'b'), monthsAfter: 0, measures: [] },
      ],
    });
    expect(rules(bad)).toEqual([
      ['followUps.1.monthsAfter', 'min'],
      ['followUps.0.measures.0', 'unknown_instrument'],
      ['followUps.0.measures.2', 'duplicate'],
      ['followUps.1.id', 'duplicate'],
    ]);
    const bad2 = validatePlan({
      ...smallPlanInput,
      followUps: [
        { id: '6m', label: label('a', 'a'), monthsAfter: 6, measures: ['okand', 'audit', 'audit'] },
        { id: '6m', label: label('b', 'b'), monthsAfter: 7 },
      ],
    });
    expect(rules(bad2)).toEqual([
      ['followUps.0.measures.0', 'unknown_instrument'],
      ['followUps.0.measures.2', 'duplicate'],
      ['followUps.1.id', 'duplicate'],
    ]);
  });
});

describe('followUp: the step', () => {
  it('adds a reached measurement in the window, in date order, without touching the input', () => {
    const record = closed();
    const copy = structuredClone(record);
    // 2024-06-03 + 12 months = 2025-06-03; 6 months = 2024-12-03 ± 14 days.
    const once = followUp(followUpPlan, record, { point: '12m', date: '2025-06-03', status: 'reached', measures: { 'tilltro-nykterhet': 5, audit: 3 } });
    const twice = followUp(followUpPlan, once, { point: '6m', date: '2024-12-17', status: 'not_reached' });
    expect(record).toEqual(copy);
    expect(twice.followUps.map((f) => [f.point, f.date, f.status])).toEqual([
      ['6m', '2024-12-17', 'not_reached'],
      ['12m', '2025-06-03', 'reached'],
    ]);
    expect(validateRecord(followUpPlan, twice).success).toBe(true);
  });
  it('window edges: the first and last day count, the day before and after do not', () => {
    const record = closed();
    const at = (date: string) => safeFollowUp(followUpPlan, record, { point: '6m', date, status: 'reached' }).success;
    // 6m: target 2024-12-03, window 2024-11-19 … 2024-12-17.
    expect([at('2024-11-18'), at('2024-11-19'), at('2024-12-17'), at('2024-12-18')]).toEqual([false, true, true, false]);
  });
  it('not reached or declined: not before the window opens, but may be written down after it closed', () => {
    const record = closed();
    const at = (date: string, status: 'not_reached' | 'declined') => rules(safeFollowUp(followUpPlan, record, { point: '6m', date, status }));
    expect(at('2024-11-18', 'not_reached')).toEqual([['date', 'outside_window']]);
    expect(at('2025-01-10', 'not_reached')).toEqual([]);
    expect(at('2025-01-10', 'declined')).toEqual([]);
  });
  it('bad input: each a clear error naming the field, nothing applied', () => {
    const record = closed();
    const r = (input: unknown) => rules(safeFollowUp(followUpPlan, record, input));
    expect(r({ point: '3m', date: '2024-12-03', status: 'reached' })).toEqual([['point', 'unknown_code']]);
    expect(r({ point: '6m', date: '2024-05-01', status: 'reached' })).toEqual([['date', 'date_order']]);
    expect(r({ point: '6m', date: '2024-12-03', status: 'reached', measures: { audit: 3 } })).toEqual([['measures.audit', 'unknown_instrument']]);
    expect(r({ point: '6m', date: '2024-12-03', status: 'reached', measures: { 'tilltro-nykterhet': 9 } })).toEqual([['measures.tilltro-nykterhet', 'out_of_range']]);
    expect(r({ point: '6m', date: '2024-12-03', status: 'declined', measures: { 'tilltro-nykterhet': 3 } })).toEqual([['measures', 'measured_not_reached']]);
    expect(r({ point: '6m', date: '2024-12-03', status: 'maybe' })).toEqual([['status', 'one_of']]);
    expect(r({ point: '6m', status: 'reached' })).toEqual([['date', 'required']]);
    const once = followUp(followUpPlan, record, { point: '6m', date: '2024-12-03', status: 'reached' });
    expect(rules(safeFollowUp(followUpPlan, once, { point: '6m', date: '2024-12-04', status: 'reached' }))).toEqual([['point', 'duplicate']]);
  });
  it('only on a closed record: started or withdrawn is a step_order error', () => {
    const started = makeRecord({ before: {} });
    const withdrawn = makeRecord({ before: {}, withdraw: { date: '2024-02-01', reason: 'breakdown' } });
    for (const record of [started, withdrawn]) {
      expect(rules(safeFollowUp(followUpPlan, record, { point: '6m', date: '2024-12-03', status: 'reached' }))).toEqual([['', 'step_order']]);
    }
    // Closed for a reason the plan withdraws on (breakdown): withdrawn from the results, so not followed up.
    const broken = makeRecord({ before: {}, after: { reason: 'breakdown' } });
    expect(safeFollowUp(followUpPlan, broken, { point: '6m', date: '2024-12-03', status: 'reached' })).toMatchObject({ success: false, issues: [{ rule: 'step_order', params: { state: 'withdrawn' } }] });
    expect(rules(validateRecord(followUpPlan, { ...broken, followUps: [{ point: '6m', date: '2024-12-03', status: 'reached' }] }))).toEqual([['followUps', 'step_order']]);
    expect(thrown(() => followUp(followUpPlan, started, { point: '6m', date: '2024-12-03', status: 'reached' })).format('en')).toContain('follow_up');
  });
  it('validateRecord finds the same rules in a stored record, with paths from its root', () => {
    const record = closed();
    const stored = { ...record, followUps: [{ point: '6m', date: '2025-03-01', status: 'reached', measures: {} }] };
    expect(rules(validateRecord(followUpPlan, stored))).toEqual([['followUps.0.date', 'outside_window']]);
    const open = { ...makeRecord({ before: {} }), followUps: [{ point: '6m', date: '2025-03-01', status: 'reached', measures: {} }] };
    expect(rules(validateRecord(followUpPlan, open))).toEqual([['followUps', 'step_order']]);
  });
  it('the messages say what is wrong, in Swedish and English', () => {
    const e = thrown(() => followUp(followUpPlan, closed(), { point: '6m', date: '2025-03-01', status: 'reached' }));
    expect(e.format('sv')).toContain('utanför fönstret för efteruppföljningen "6m" (2024-11-19–2024-12-17)');
    expect(e.format('en')).toContain('outside the window of the follow-up "6m" (2024-11-19–2024-12-17)');
  });
});

describe('the JSON Schema carries the follow-ups', () => {
  it('one object per point with its own instruments', () => {
    const schema = recordJsonSchema(followUpPlan, { locale: 'en' }) as any;
    const items = schema.properties.followUps.items;
    const variants = items.oneOf ?? items.anyOf;
    expect(variants.map((v: any) => v.properties.point.const)).toEqual(['6m', '12m']);
    expect(Object.keys(variants[1].properties.measures.properties)).toEqual(['tilltro-nykterhet', 'audit']);
    expect(schema.then).toEqual({ required: ['after'] });
  });
});
