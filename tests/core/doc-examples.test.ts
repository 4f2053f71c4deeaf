/**
 * The `@example` blocks of the spine's TSDoc, run: each claimed `// =>`
 * result is checked here, so a documented example that no longer holds fails.
 * Examples that need a plan or a record use the Björkebo plan and records
 * made for them below.
 */
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  after,
  ATTAINMENT_LEVELS,
  AUDIT,
  AgeBandSchema,
  before,
  BUILTIN_INSTRUMENTS,
  classify,
  classifyChange,
  ClientIdSchema,
  ClientRecordSchema,
  ClosingReasonSchema,
  CodeSchema,
  compile,
  CONFIDENCE_SOBRIETY,
  daysBetweenIso,
  defineInstrument,
  describeNotComputed,
  DUDIT,
  during,
  emptyCompilation,
  enrol,
  formatIssue,
  formatIssues,
  GOAL_STATUSES,
  InstrumentSchema,
  IsoDateSchema,
  issue,
  LabelSchema,
  MAX_HISTOGRAM_BINS,
  MeasuresSchema,
  notComputed,
  parsePlan,
  planInstrument,
  RATING_5,
  ruleText,
  safeAfter,
  safeBefore,
  safeDuring,
  safeEnrol,
  safeMergeCompilations,
  safeWithdraw,
  sampleSeeded,
  seededRandom,
  selectClients,
  tabulate,
  TEST_RESULT,
  toDotPath,
  unwrap,
  UppfoljningError,
  validateCompilation,
  validateInstrument,
  validatePlan,
  validateRecord,
  withdraw,
  type Issue,
} from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

const plan = parsePlan(bjorkeboPlan);
const enrolled = () => enrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', age: 34 });
const started = () => before(plan, enrolled(), { date: '2019-01-14', mainProblem: 'alkohol', goals: [{ statement: 'x' }], measures: { 'tilltro-nykterhet': 2 } });

describe('core', () => {
  it('dates, issues, texts, results', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetweenIso('2019-03-30', '2019-04-01')).toBe(2);
    let error: unknown;
    try {
      parsePlan({});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UppfoljningError);
    const e = error as UppfoljningError;
    expect(e.issues[0]?.rule).toBe('required');
    expect(e.format('en').startsWith('id: the value is missing but required [required]\n')).toBe(true);
    const i: Issue = { path: ['before', 'date'], rule: 'calendar_date', params: { value: '2021-02-30' } };
    expect(formatIssue(i, 'en')).toBe('before.date: 2021-02-30 is not a date in the calendar (expected YYYY-MM-DD) [calendar_date]');
    expect(issue(['after', 'measures', 'audit'], 'out_of_range', { value: 41, min: 0, max: 40 })).toEqual({
      path: ['after', 'measures', 'audit'], rule: 'out_of_range', params: { value: 41, min: 0, max: 40 },
    });
    expect(toDotPath(['records', 3, 'before', 'date'])).toBe('records[3].before.date');
    expect(formatIssue({ path: ['after', 'date'], rule: 'calendar_date', params: { value: '2021-02-30' } })).toBe(
      'after.date: 2021-02-30 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]',
    );
    expect(ruleText('too_few', { n: 3, minimum: 6 }, 'en')).toBe('too few to compute (n = 3, at least 6 needed)');
    expect(formatIssues([{ path: ['id'], rule: 'required', params: {} }], 'en')).toBe('id: the value is missing but required [required]');
    expect(notComputed(3, 'too_few', { minimum: 6 })).toEqual({ computed: false, n: 3, reason: 'too_few', params: { n: 3, minimum: 6 } });
    expect(describeNotComputed(notComputed(3, 'too_few', { minimum: 6 }), 'en')).toBe('too few to compute (n = 3, at least 6 needed)');
    expect(unwrap({ success: true, data: 42 })).toBe(42);
    expect(CodeSchema.parse('f-cra')).toBe('f-cra');
    expect(LabelSchema.parse({ sv: 'Kvinna', en: 'Woman' })).toEqual({ sv: 'Kvinna', en: 'Woman' });
    expect(IsoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
  });
});

describe('measure', () => {
  it('catalogue and instruments', () => {
    expect(CONFIDENCE_SOBRIETY.range).toEqual({ min: 1, max: 5, step: 1 });
    expect(AUDIT.direction).toBe('lower_is_better');
    expect(DUDIT.range.max).toBe(44);
    expect(RATING_5.levels?.length).toBe(5);
    expect(TEST_RESULT.levels?.map((l) => l.label.en)).toEqual(['Negative', 'Positive']);
    expect(Object.keys(BUILTIN_INSTRUMENTS)).toEqual(['tilltro-nykterhet', 'audit', 'dudit', 'skattning-5', 'provresultat']);
    expect(classifyChange(AUDIT, 18, 9)).toEqual({ difference: -9, improvement: 9, direction: 'positive' });
    expect(
      InstrumentSchema.parse({ id: 'sleep-quality', label: { sv: 'Sömnkvalitet', en: 'Sleep quality' }, kind: 'ordinal', range: { min: 1, max: 5 }, direction: 'higher_is_better' }).range.step,
    ).toBe(1);
    expect(validateInstrument({ id: 'x' }).success).toBe(false);
    expect(
      defineInstrument({ id: 'k10', label: { sv: 'K10 psykisk ohälsa', en: 'K10 psychological distress' }, kind: 'interval', range: { min: 10, max: 50 }, direction: 'lower_is_better' }).id,
    ).toBe('k10');
  });
});

describe('plan', () => {
  it('plan, selection, enrolment', () => {
    expect(ClosingReasonSchema.options).toEqual(['completed', 'breakdown', 'moved', 'declined', 'other']);
    expect(AgeBandSchema.parse({ from: 21 })).toEqual({ from: 21 });
    expect(plan.primaryMeasure).toBe('tilltro-nykterhet');
    expect(planInstrument(plan, 'tilltro-nykterhet')?.range.max).toBe(5);
    expect(validatePlan({}).success).toBe(false);
    expect(seededRandom('björkebo-2019')() === seededRandom('björkebo-2019')()).toBe(true);
    expect(sampleSeeded(['a', 'b', 'c', 'd'], 2, seededRandom(1)).length).toBe(2);
    expect(
      selectClients({ ...plan, selection: { kind: 'birthdays', days: [5, 15, 25] } }, [
        { clientId: 'a', birthDate: '1980-03-05' },
        { clientId: 'b', birthDate: '1979-11-06' },
      ]),
    ).toEqual({ success: true, data: ['a'] });
    expect(safeEnrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', age: 34 })).toEqual({
      success: true,
      data: { planId: 'bjorkebo-fcra', clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', age: 34, gender: 'man', during: [], followUps: [] },
    });
    expect(enrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', birthDate: '1984-06-30' }).age).toBe(34);
  });
});

describe('record and steps', () => {
  it('schemas, validation and the steps', () => {
    expect(ClientIdSchema.safeParse('20180101-2392').success).toBe(false);
    expect(MeasuresSchema.parse({ audit: 14 })).toEqual({ audit: 14 });
    expect(ClientRecordSchema.parse({ planId: 'bjorkebo-fcra', clientId: 'k-7f3a', intervention: 'f-cra', enrolled: '2019-01-07', age: 34, gender: 'man' }).during).toEqual([]);
    const closed = after(plan, started(), { date: '2019-06-10', reason: 'completed', measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true] });
    const r = validateRecord(plan, { ...closed, after: { ...closed.after, date: '2018-01-01' } });
    expect(r.success === false && r.issues[0]).toMatchObject({ path: ['after', 'date'], rule: 'date_order' });
    expect(safeBefore(plan, enrolled(), { date: '2019-01-14', mainProblem: 'alkohol', measures: { 'tilltro-nykterhet': 2 } }).success).toBe(true);
    expect(before(plan, enrolled(), { date: '2019-01-14', birthDate: '1984-06-30', mainProblem: 'alkohol', measures: { 'tilltro-nykterhet': 2 } }).age).toBe(34);
    expect(safeDuring(plan, started(), { kind: 'measure', date: '2019-01-21', measure: 'urinprov', value: 0 }).success).toBe(true);
    expect(
      during(plan, started(), [
        { kind: 'measure', date: '2019-01-21', measure: 'urinprov', value: 0 },
        { kind: 'session', date: '2019-01-22', attended: true },
      ]).during.length,
    ).toBe(2);
    expect(safeAfter(plan, started(), { date: '2019-06-10', reason: 'completed', measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true] }).success).toBe(true);
    expect(closed.after?.reason).toBe('completed');
    expect(ATTAINMENT_LEVELS[0]).toBe('positive_goal_met');
    expect(GOAL_STATUSES.length).toBe(4);
    expect(classify(plan, closed)).toEqual({ classified: true, level: 'positive_goal_met', rank: 1, goal: 'met', before: 2, after: 4, difference: 2, improvement: 2 });
    expect(safeWithdraw(plan, started(), { date: '2019-03-02', reason: 'breakdown' }).success).toBe(true);
    expect(withdraw(plan, started(), { date: '2019-03-02', reason: 'breakdown' }).withdrawal?.reason).toBe('breakdown');
  });
});

describe('compile', () => {
  it('compile, merge, validate', () => {
    const records = bjorkeboCohort(plan);
    expect(emptyCompilation(plan).invalid.total).toBe(0);
    // The compile example reads the total: with no grouping, tabulate has no rows.
    expect(tabulate(compile(plan, records)).total.flow.selected).toBe(40);
    expect(validateCompilation(JSON.parse(JSON.stringify(compile(plan, records)))).success).toBe(true);
    expect(validateCompilation({}).success).toBe(false);
    expect(safeMergeCompilations([compile(plan, records.slice(0, 20)), compile(plan, records.slice(20))]).success).toBe(true);
    expect(MAX_HISTOGRAM_BINS).toBe(1001);
  });
});
