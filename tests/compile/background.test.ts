/**
 * Background variables of every kind (yes/no, numbers in bands, whole numbers
 * as an exact distribution, other numbers as sums) and dose against the
 * outcome: plan rules, record rules, a hand-computed cohort, bad input and
 * the fold's algebra.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compile,
  mergeCompilations,
  parsePlan,
  tabulate,
  validatePlan,
  validateRecord,
  type ClientRecord,
  type PlanInput,
} from '../../src/index.js';
import { makeRecord, smallPlanInput } from '../helpers/fixtures.js';

const input: PlanInput = {
  ...smallPlanInput,
  id: 'bg-plan',
  background: [
    { id: 'tidigare', label: { sv: 'Tidigare insats', en: 'Earlier intervention' }, kind: 'boolean' },
    {
      id: 'ar',
      label: { sv: 'År med missbruk', en: 'Years of misuse' },
      kind: 'number',
      min: 0,
      max: 60,
      bands: [{ from: 0, to: 4 }, { from: 5, to: 9 }, { from: 10, label: { sv: '10 år eller mer', en: '10 years or more' } }],
    },
    { id: 'insatser', label: { sv: 'Tidigare insatser', en: 'Earlier interventions' }, kind: 'number', min: 0, max: 20 },
    { id: 'vikt', label: { sv: 'Dagar i veckan', en: 'Days a week' }, kind: 'number', min: 0, max: 7, integer: false },
  ],
  doseBands: { sessions: [{ from: 0, to: 0 }, { from: 1, to: 2 }, { from: 3 }] },
};
const plan = parsePlan(input);
const T = 'tilltro-nykterhet';

const rec = (bg: Record<string, unknown>, beforeValue: number, afterValue: number | undefined, sessions = 0, goalMet = true): ClientRecord =>
  makeRecord(
    {
      before: { goals: [{ area: 'arbete', statement: 'Arbeta' }], measures: { [T]: beforeValue }, background: bg as Record<string, number | boolean> },
      during: Array.from({ length: sessions }, (_, i) => ({ kind: 'session' as const, date: `2024-01-${String(16 + i).padStart(2, '0')}`, attended: true })),
      ...(afterValue === undefined ? {} : { after: { measures: { [T]: afterValue }, goalsMet: [goalMet] } }),
    },
    plan,
  );

describe('plan: number bands and dose bands', () => {
  const issuesOf = (changes: Partial<PlanInput>) => {
    const r = validatePlan({ ...input, ...changes });
    return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule]);
  };
  const withBands = (bands: unknown, extra: Record<string, unknown> = {}) =>
    issuesOf({ background: [{ id: 'ar', label: { sv: 'År', en: 'Years' }, kind: 'number', min: 0, max: 60, ...extra, bands }] as PlanInput['background'] });

  it('accepts the plan, and keeps bands and dose bands as given', () => {
    expect(plan.background[1]).toMatchObject({ kind: 'number', bands: [{ from: 0, to: 4 }, { from: 5, to: 9 }, { from: 10 }] });
    expect(plan.doseBands?.sessions).toHaveLength(3);
  });

  it('refuses bands out of order or overlapping, an open band before the last, a to below its from', () => {
    expect(withBands([{ from: 0, to: 5 }, { from: 5, to: 9 }])).toEqual([['background.0.bands.1.from', 'overlap']]);
    expect(withBands([{ from: 5 }, { from: 10 }])).toEqual([['background.0.bands.1.from', 'overlap']]);
    expect(withBands([{ from: 4, to: 2 }])).toEqual([['background.0.bands.0.to', 'min']]);
  });

  it('refuses bands outside min–max, and decimals in the bands of a whole number', () => {
    expect(withBands([{ from: -1, to: 4 }, { from: 5, to: 70 }])).toEqual([
      ['background.0.bands.0.from', 'min'],
      ['background.0.bands.1.to', 'max'],
    ]);
    expect(withBands([{ from: 0, to: 2.5 }])).toEqual([['background.0.bands.0.to', 'integer']]);
    expect(withBands([{ from: 0, to: 2.5 }], { integer: false })).toEqual([]);
  });

  it('refuses dose bands that do not start at 0, leave a gap or end closed', () => {
    expect(issuesOf({ doseBands: { sessions: [{ from: 1, to: 2 }, { from: 3 }] } })).toEqual([['doseBands.sessions.0.from', 'one_of']]);
    expect(issuesOf({ doseBands: { weeks: [{ from: 0, to: 2 }, { from: 4 }] } })).toEqual([['doseBands.weeks.1.from', 'overlap']]);
    expect(issuesOf({ doseBands: { weeks: [{ from: 0, to: 2 }, { from: 3, to: 9 }] } })).toEqual([['doseBands.weeks.1.to', 'one_of']]);
  });

  it('says what is wrong in Swedish and English', () => {
    const r = validatePlan({ ...input, background: [{ id: 'ar', label: { sv: 'År', en: 'Years' }, kind: 'number', bands: [{ from: 0, to: 5 }, { from: 5 }] }] });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues[0]!.params).toMatchObject({ band: '5+', previous: 5, what: 'band' });
  });
});

describe('record: a number outside its bands or its min/max', () => {
  const gapPlan = parsePlan({
    ...input,
    background: [{ id: 'ar', label: { sv: 'År', en: 'Years' }, kind: 'number', min: 0, max: 60, bands: [{ from: 0, to: 4 }, { from: 10 }] }],
  });
  const record = (value: number): ClientRecord => ({ ...makeRecord({ before: {} }, gapPlan), before: { ...makeRecord({ before: {} }, gapPlan).before!, background: { ar: value } } });

  it('validateRecord names the field, the value and the bands', () => {
    const r = validateRecord(gapPlan, record(7));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.path.join('.'), i.rule, i.params])).toEqual([['before.background.ar', 'outside_bands', { value: 7, bands: ['0–4', '10+'] }]]);
    const e = validateRecord(gapPlan, record(61));
    expect(e.success ? [] : e.issues.map((i) => i.rule)).toEqual(['max']);
  });

  it('compile counts such a record in invalid by its rule and nothing else, never drops it', () => {
    const good = record(3);
    const c = compile(gapPlan, [good, record(7), record(61), record(-1), record(2.5)]);
    expect(c.invalid).toEqual({ total: 4, byRule: { outside_bands: 1, max: 1, min: 1, integer: 1 } });
    expect(tabulate(c).total.flow.started).toBe(1);
    expect(tabulate(c).total.background[0]!.options.map((o) => o.count)).toEqual([1, 0]);
    const typed = { ...good, before: { ...good.before!, background: { ar: 'tre' } } } as unknown as ClientRecord;
    expect(compile(gapPlan, [typed]).invalid.byRule).toEqual({ type: 1 });
  });
});

describe('compile: background of every kind, hand-computed', () => {
  // Four who started, three of them closed and classified (higher is better, minimal change 1):
  //   A: yes, 2 years, 3 earlier, 2,5 days;  2 → 4 (+2), goal met, 3 sessions   → positive_goal_met
  //   B: no, 7 years, 0 earlier, 3,25 days;  3 → 3 (0), goal not met, 1 session → no_change
  //   C: no, 12 years, 3 earlier, no days;   4 → 2 (−2), goal not met, 0        → negative_change
  //   D: no answers, 1 before, ongoing.
  const records = [
    rec({ tidigare: true, ar: 2, insatser: 3, vikt: 2.5 }, 2, 4, 3, true),
    rec({ tidigare: false, ar: 7, insatser: 0, vikt: 3.25 }, 3, 3, 1, false),
    rec({ tidigare: false, ar: 12, insatser: 3 }, 4, 2, 0, false),
    rec({}, 1, undefined),
  ];
  const total = tabulate(compile(plan, records)).total;
  const [tidigare, ar, insatser, vikt] = total.background;

  it('describes each variable by how it is counted', () => {
    expect(total.background.map((b) => [b.id, b.kind, b.summary])).toEqual([
      ['tidigare', 'boolean', 'options'],
      ['ar', 'number', 'options'],
      ['insatser', 'number', 'histogram'],
      ['vikt', 'number', 'sums'],
    ]);
  });

  it('yes/no and bands: counts per option and missing, and the outcome per value', () => {
    expect(tidigare!.options.map((o) => [o.code, o.count])).toEqual([['yes', 1], ['no', 2]]);
    expect(tidigare!.missing).toBe(1);
    expect(tidigare!.outcome!.map((v) => [v.code, v.outcome.n, v.outcome.improved.count, v.outcome.goalMet.count, v.outcome.goalMet.n])).toEqual([
      ['yes', 1, 1, 1, 1],
      ['no', 2, 0, 0, 2],
      ['missing', 0, 0, 0, 0],
    ]);
    expect(ar!.options.map((o) => [o.code, o.label.sv, o.count])).toEqual([['0–4', '0–4', 1], ['5–9', '5–9', 1], ['10+', '10 år eller mer', 1]]);
    expect(ar!.outcome!.map((v) => Object.values(v.outcome.levels).map((l) => l.count))).toEqual([[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0, 0]]);
  });

  it('a whole number with a bounded range: the exact distribution (R type 2 quartiles)', () => {
    // Values 3, 0, 3 (D has none): mean 2, sd √3, median 3; Q1 = the 0.75th of 3 → the 1st value, 0; Q3 the 3rd, 3.
    const d = insatser!.distribution!;
    expect(d.computed && [d.n, d.mean, d.sd, d.quantiles]).toEqual([3, 2, Math.sqrt(3), { computed: true, min: 0, q1: 0, median: 3, q3: 3, max: 3 }]);
    expect(insatser!.missing).toBe(1);
    expect(insatser!.outcome).toBeNull();
  });

  it('a decimal number without bands: mean and sd from exact sums in hundredths, quartiles not computed (said why)', () => {
    // 2,5 and 3,25: mean 2,875, sd = |3,25 − 2,5| / √2 = 0,5303…
    const d = vikt!.distribution!;
    expect(d.computed && d.n).toBe(2);
    expect(d.computed && d.mean).toBeCloseTo(2.875, 12);
    expect(d.computed && d.sd).toBeCloseTo(0.75 / Math.SQRT2, 12);
    expect(d.computed && d.quantiles).toMatchObject({ computed: false, reason: 'fine_scale' });
    expect(vikt!.missing).toBe(2);
  });

  it('dose in the plan\'s bands: sessions 0, 1–2, 3+ against the levels and the change', () => {
    const sessions = total.doseOutcome[0]!;
    expect(sessions.bands.map((b) => [b.code, b.outcome.n, Object.values(b.outcome.levels).map((l) => l.count)])).toEqual([
      ['0', 1, [0, 0, 0, 1]],
      ['1–2', 1, [0, 0, 1, 0]],
      ['3+', 1, [1, 0, 0, 0]],
    ]);
    expect(sessions.bands.map((b) => (b.change.computed ? b.change.mean : null))).toEqual([-2, 0, 2]);
  });
});

describe('compile: background and dose, properties', () => {
  const arbRecord = fc
    .record({
      tidigare: fc.option(fc.boolean(), { nil: undefined }),
      ar: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      insatser: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      vikt: fc.option(fc.integer({ min: 0, max: 700 }).map((k) => k / 100), { nil: undefined }),
      b: fc.integer({ min: 1, max: 5 }),
      a: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      sessions: fc.integer({ min: 0, max: 4 }),
      met: fc.boolean(),
    })
    .map(({ tidigare, ar, insatser, vikt, b, a, sessions, met }) => {
      const bg = Object.fromEntries(Object.entries({ tidigare, ar, insatser, vikt }).filter(([, v]) => v !== undefined));
      return rec(bg, b, a, sessions, met);
    });

  it('merge(compile(A), compile(B)) equals compile(A ∪ B), and order does not matter', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 12 }), fc.array(arbRecord, { maxLength: 12 }), (a, b) => {
        const union = compile(plan, [...a, ...b]);
        expect(mergeCompilations([compile(plan, a), compile(plan, b)])).toEqual(union);
        expect(compile(plan, [...b, ...a].reverse())).toEqual(union);
      }),
      { numRuns: 40 },
    );
  });

  it('each variable accounts for everyone who started; each value\'s and band\'s outcomes for everyone classified', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 20 }), (records) => {
        const before = structuredClone(records);
        const total = tabulate(compile(plan, records)).total;
        expect(records).toEqual(before);
        for (const b of total.background) {
          const answered = b.summary === 'options' ? b.options.reduce((n, o) => n + o.count, 0) : b.distribution?.computed ? b.distribution.n : 0;
          expect(answered + b.missing).toBe(total.flow.started);
          if (b.outcome) expect(b.outcome.reduce((n, v) => n + v.outcome.n, 0)).toBe(total.flow.classified);
        }
        for (const d of total.doseOutcome) expect(d.bands.reduce((n, band) => n + band.outcome.n, 0)).toBe(total.flow.classified);
      }),
      { numRuns: 40 },
    );
  });
});
