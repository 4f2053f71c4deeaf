import { describe, expect, it } from 'vitest';
import { sampleStandardDeviation } from 'simple-statistics';
import { compile, compileAsync, emptyCompilation, tabulate, type ClientRecord, type Distribution, type NotComputed } from '../../src/index.js';
import { smallPlan as plan } from '../helpers/fixtures.js';
import { garbage, handCohort } from './cohort.js';

const records = handCohort();
const compilation = compile(plan, [...records, ...(garbage as ClientRecord[])]);
const total = tabulate(compilation).total;

const dist = (d: Distribution | NotComputed): Distribution => {
  if (!d.computed) throw new Error(`not computed: ${d.reason}`);
  return d;
};
const hist = (d: Distribution | NotComputed) => dist(d).histogram.filter((h) => h.count > 0).map((h) => [h.value, h.count]);

describe('compile: a hand-counted cohort (tests/compile/cohort.ts, R1–R11 + 5 garbage)', () => {
  it('the attrition flow', () => {
    // selected: R1–R11 = 11; started (have before): R1–R5, R8–R11 = 9; not started R6, R7 = 2, of whom R7 withdrawn before the start;
    // withdrawn during: R4 (withdrawal) and R5 (closed as breakdown, which the plan withdraws on) = 2; ongoing: R9 = 1;
    // closed: R1, R2, R3, R8, R10, R11 = 6 (9 = 2 + 1 + 6); classified: R1, R2, R10 = 3; unclassified: R3, R8, R11 = 3.
    expect(total.flow).toEqual({
      selected: 11, notStarted: 2, withdrawnBeforeStart: 1, started: 9, withdrawn: 2, ongoing: 1, closed: 6, classified: 3, unclassified: 3,
    });
  });

  it('withdrawals by reason and stage', () => {
    expect(total.withdrawals).toEqual([
      { reason: 'breakdown', beforeStart: 0, during: 2 }, // R4, R5
      { reason: 'moved', beforeStart: 0, during: 0 },
      { reason: 'declined', beforeStart: 1, during: 0 }, // R7
      { reason: 'other', beforeStart: 0, during: 0 },
    ]);
  });

  it('closing reasons, completed vs discontinued', () => {
    // completed: R1, R2, R3, R11 = 4; moved: R8; declined: R10 (not withdrawn: the plan withdraws on breakdown only).
    expect(total.closing.byReason).toEqual({ completed: 4, breakdown: 0, moved: 1, declined: 1, other: 0 });
    expect([total.closing.completed.count, total.closing.completed.n]).toEqual([4, 6]);
    expect([total.closing.discontinued.count, total.closing.discontinued.n]).toEqual([2, 6]);
  });

  it('unclassified reasons, levels and goal status', () => {
    expect(total.unclassified).toEqual({ missing_before: 1, missing_after: 1, missing_goal_assessment: 1 }); // R8, R3, R11
    const levels = Object.fromEntries(Object.entries(total.attainment.levels).map(([k, s]) => [k, [s.count, s.n]]));
    // R1 2→4 met: level 1; R2 3→3: level 3; R10 4→2: level 4.
    expect(levels).toEqual({ positive_goal_met: [1, 3], positive_goal_not_met: [0, 3], no_change: [1, 3], negative_change: [1, 3] });
    expect(total.attainment.goal).toEqual({ met: 1, met_before: 0, not_met: 1, no_goal: 1 });
    // Goal met among the classified with a goal: R1 of R1, R2 → 1 of 2.
    expect([total.attainment.goalMet.count, total.attainment.goalMet.n]).toEqual([1, 2]);
    expect([total.attainment.improved.count, total.attainment.unchanged.count, total.attainment.worse.count]).toEqual([1, 1, 1]);
  });

  it('histograms of the primary measure before, after, change and before-of-withdrawn', () => {
    // Before (all started with a measure): R1 2, R2 3, R3 4, R4 2, R5 1, R9 5, R10 4, R11 1.
    expect(hist(total.primary.before)).toEqual([[1, 2], [2, 2], [3, 1], [4, 2], [5, 1]]);
    // After (closed, not withdrawn): R1 4, R2 3, R8 3, R10 2, R11 2.
    expect(hist(total.primary.after)).toEqual([[2, 2], [3, 2], [4, 1]]);
    // Change (both measured, closed): R1 +2, R2 0, R10 −2, R11 +1.
    expect(hist(total.primary.change)).toEqual([[-2, 1], [0, 1], [1, 1], [2, 1]]);
    // Withdrawn: R4 2, R5 1. Stayed: the before list without them: 3, 4, 5, 4, 1, 2.
    expect(hist(total.primary.withdrawnBefore)).toEqual([[1, 1], [2, 1]]);
    expect(hist(total.primary.stayedBefore)).toEqual([[1, 1], [2, 1], [3, 1], [4, 2], [5, 1]]);
  });

  it('sums: mean and sd against simple-statistics on the expanded data', () => {
    const before = [2, 3, 4, 2, 1, 5, 4, 1];
    const b = dist(total.primary.before);
    // Σ = 22, n = 8 → 2.75. sd: Σv² = 76, (76 − 8·2.75²)/7 = 15.5/7 → 1.488048 (R: sd(c(1,1,2,2,3,4,4,5)) = 1.488048).
    expect(b.n).toBe(8);
    expect(b.mean).toBeCloseTo(2.75, 12);
    expect(b.sd).toBeCloseTo(sampleStandardDeviation(before), 12);
    expect(b.sd).toBeCloseTo(1.488048, 6);
    const a = dist(total.primary.after);
    expect(a.mean).toBeCloseTo(14 / 5, 12);
    expect(a.sd).toBeCloseTo(sampleStandardDeviation([4, 3, 3, 2, 2]), 12); // R: 0.83666
    const c = dist(total.primary.change);
    expect(c.mean).toBeCloseTo(1 / 4, 12);
    expect(c.sd).toBeCloseTo(sampleStandardDeviation([2, 0, -2, 1]), 12); // R: 1.707825
    const w = dist(total.primary.withdrawnBefore);
    expect(w.mean).toBeCloseTo(1.5, 12);
  });

  it("quartiles are R's type 2", () => {
    // R: quantile(c(1,1,2,2,3,4,4,5), type = 2) → 1, 1.5, 2.5, 4, 5.
    // By hand: n = 8; p = .25: np = 2 is whole → (x2 + x3)/2 = (1 + 2)/2; p = .5: (x4 + x5)/2 = (2 + 3)/2; p = .75: (x6 + x7)/2 = (4 + 4)/2.
    expect(dist(total.primary.before).quantiles).toEqual({ computed: true, min: 1, q1: 1.5, median: 2.5, q3: 4, max: 5 });
    // R: quantile(c(2,2,3,3,4), type = 2) → 2, 2, 3, 3, 4. n = 5: np = 1.25 → x2; 2.5 → x3; 3.75 → x4.
    expect(dist(total.primary.after).quantiles).toEqual({ computed: true, min: 2, q1: 2, median: 3, q3: 3, max: 4 });
    // R: quantile(c(-2,0,1,2), type = 2) → -2, -1, 0.5, 1.5, 2.
    expect(dist(total.primary.change).quantiles).toEqual({ computed: true, min: -2, q1: -1, median: 0.5, q3: 1.5, max: 2 });
  });

  it('main problems, goal areas and background', () => {
    // Started: R9 narkotika, the other 8 alkohol (the builder's default).
    expect(total.mainProblems.map((m) => [m.code, m.count])).toEqual([['alkohol', 8], ['narkotika', 1]]);
    // Goals: R1 arbete, R2 halsa + one without area, R11 arbete.
    expect(total.goalAreas.map((g) => [g.code, g.count])).toEqual([['arbete', 2], ['halsa', 1], ['none', 1]]);
    // boende: R1 eget, R2 hemlos, 7 started without it. tidigare (yes/no): R1 yes, 8 without it.
    expect(total.background.map((b) => [b.id, b.kind, b.summary])).toEqual([['boende', 'category', 'options'], ['tidigare', 'boolean', 'options']]);
    expect(total.background[0]?.options.map((o) => [o.code, o.count])).toEqual([['eget', 1], ['hemlos', 1]]);
    expect(total.background[0]?.missing).toBe(7);
    expect(total.background[1]?.options.map((o) => [o.code, o.count])).toEqual([['yes', 1], ['no', 0]]);
    expect(total.background[1]?.missing).toBe(8);
  });

  it('the outcome by background value: levels and goal status of the classified (R1, R2, R10)', () => {
    // R1 eget, yes: positive with the goal met (met). R2 hemlos, no answer: no change, [true, false] under 'all' → not met.
    // R10 no answers: negative change, no goal.
    const levels = (v: { outcome: { levels: Record<string, { count: number }> } }) => Object.values(v.outcome.levels).map((l) => l.count);
    const boende = total.background[0]!.outcome!;
    expect(boende.map((v) => [v.code, v.count, v.outcome.n])).toEqual([['eget', 1, 1], ['hemlos', 1, 1], ['missing', 7, 1]]);
    expect(boende.map(levels)).toEqual([[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]);
    expect(boende.map((v) => [v.outcome.goalMet.count, v.outcome.goalMet.n])).toEqual([[1, 1], [0, 1], [0, 0]]);
    const tidigare = total.background[1]!.outcome!;
    expect(tidigare.map((v) => [v.code, v.outcome.n, v.outcome.improved.count, v.outcome.notImproved.count])).toEqual([
      ['yes', 1, 1, 0],
      ['no', 0, 0, 0],
      ['missing', 2, 0, 2],
    ]);
    expect(tidigare[2]!.outcome.goal).toEqual({ met: 0, met_before: 0, not_met: 1, no_goal: 1 });
  });

  it('dose against the outcome: sessions attended and weeks from the start to closing, in bands', () => {
    const [sessions, weeks] = total.doseOutcome;
    // Sessions attended: R1 1 (band 1–4), R2 and R10 none (band 0).
    expect(sessions!.measure).toBe('sessions');
    expect(sessions!.bands.map((b) => [b.code, b.outcome.n, b.outcome.improved.count])).toEqual([['0', 2, 0], ['1–4', 1, 1], ['5–9', 0, 0], ['10–19', 0, 0], ['20+', 0, 0]]);
    // Change in band 0: 0 (R2) and −2 (R10): mean −1, sd √2.
    const zero = sessions!.bands[0]!.change;
    expect(zero.computed && [zero.n, zero.mean, zero.sd]).toEqual([2, -1, Math.SQRT2]);
    // All three closed on 2024-06-03, started 2024-01-15: 140 days = 20 whole weeks (band 13–25); change +2, 0, −2.
    expect(weeks!.bands.map((b) => [b.code, b.outcome.n])).toEqual([['0–3', 0], ['4–12', 0], ['13–25', 3], ['26–51', 0], ['52+', 0]]);
    const w = weeks!.bands[2]!.change;
    expect(w.computed && [w.n, w.mean, w.sd]).toEqual([3, 0, 2]);
  });

  it('dose', () => {
    expect(total.dose).toMatchObject({ sessionsAttended: 1, sessionsMissed: 1, deviations: 1 });
    expect([total.dose.attendance.count, total.dose.attendance.n]).toEqual([1, 2]);
  });

  it("during weeks: clients counted once per week, the 'later' bucket, the share of negative tests", () => {
    const up = total.during[0]!;
    expect(up.id).toBe('up');
    // Week 1 (days 0–6): R1 day 0 (0) and day 5 (1), R5 day 0 (1): 3 tests, 2 clients, 1 negative.
    // Week 2: R2 day 7 (0). Weeks 3–4: none. Later: R2 day 35 (week 6 > 4 followed weeks).
    expect(up.weeks.map((w) => [w.week, w.tests, w.clients, w.good?.count ?? null])).toEqual([
      [1, 3, 2, 1],
      [2, 1, 1, 1],
      [3, 0, 0, 0],
      [4, 0, 0, 0],
    ]);
    expect(up.weeks[0]?.mean).toBeCloseTo(2 / 3, 12);
    expect(up.weeks[2]?.mean).toBeNull();
    expect(up.later).toEqual({ tests: 1, clients: 1 });
  });

  it('garbage is counted in invalid by rule, never half-counted', () => {
    expect(compilation.invalid).toEqual({ total: 5, byRule: { type: 2, plan_mismatch: 1, unknown_code: 1, outside_age_bands: 1 } });
    // The valid records alone give the same counts.
    const clean = compile(plan, records);
    expect(clean.counts).toEqual(compilation.counts);
  });

  it('groups: by gender, age band, intervention; one raw cell', () => {
    const flow = (by: 'gender' | 'ageBand' | 'intervention') => tabulate(compilation, { by: [by] }).rows.map((r) => [r.label.en, r.flow.selected, r.flow.started, r.flow.closed, r.flow.classified]);
    // Women: R1, R2, R6, R7, R10, R11; men: R3, R4, R5, R8, R9.
    expect(flow('gender')).toEqual([['Woman', 6, 4, 4, 3], ['Man', 5, 5, 2, 0]]);
    // 18–29: R1, R2, R8, R9, R10, R11; 30+: R3, R4, R5, R6, R7.
    expect(flow('ageBand')).toEqual([['18–29 years', 6, 6, 5, 3], ['30+ years', 5, 3, 1, 0]]);
    // a: R1, R2, R6, R7, R8, R9, R11; b: R3, R4, R5, R10.
    expect(flow('intervention')).toEqual([['Intervention A', 7, 5, 4, 2], ['Intervention B', 4, 4, 2, 1]]);
    // Cell 0 = (18–29, kvinna, a): R1, R2, R11 → selected, started, ongoing, closed, classified.
    expect(compilation.counts.flow.slice(0, 5)).toEqual([3, 3, 0, 3, 2]);
    expect(compilation.cells).toBe(8);
  });

  it('the compilation is plain JSON without microdata', () => {
    const json = JSON.stringify(compilation);
    expect(JSON.parse(json)).toEqual(compilation);
    for (const secret of ['r1', 'r11', '2024-01-15', 'Arbeta', 'Sova']) expect(json).not.toContain(`"${secret}"`);
  });

  it('compileAsync gives the same compilation, from an async generator', async () => {
    async function* stream() {
      for (const r of [...records, ...(garbage as ClientRecord[])]) yield r;
    }
    expect(await compileAsync(plan, stream())).toEqual(compilation);
    expect(await compileAsync(plan, records)).toEqual(compile(plan, records));
  });

  it('takes any iterable: a generator or a Set gives the same compilation as an array', () => {
    function* gen() {
      yield* records;
    }
    expect(compile(plan, gen())).toEqual(compile(plan, records));
    expect(compile(plan, new Set(records))).toEqual(compile(plan, records));
  });

  it('an empty input gives the empty compilation, with distributions not computed', () => {
    expect(compile(plan, [])).toEqual(emptyCompilation(plan));
    const t = tabulate(compile(plan, [])).total;
    expect(t.primary.before).toEqual({ computed: false, n: 0, reason: 'too_few', params: { n: 0, minimum: 1 } });
    expect(t.attainment.goalMet.share.computed).toBe(false);
  });

  it('does not change the records', () => {
    const copy = structuredClone(records);
    compile(plan, records);
    expect(records).toEqual(copy);
  });
});
