/**
 * The Björkebo example end to end, in-process: the plan and the synthetic
 * cohort from examples/bjorkebo-fcra, compiled and analysed. The expected
 * counts come from the cohort's design (examples/bjorkebo-fcra/cohort.ts,
 * FATES: 30 completed, 1 completed without an after-measure, 5 breakdowns,
 * 1 move, 2 ongoing, 1 declined before the start = 40), and the outcome
 * counts are recomputed record by record with classify, a path that does
 * not go through compile.
 */
import { describe, expect, it } from 'vitest';
import { analyse, classify, compile, findingText, mergeCompilations, parsePlan, selectClients, tabulate, validateRecord } from '../../src/index.js';
import { bjorkeboExamplePlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

const plan = parsePlan(bjorkeboExamplePlan);
const records = bjorkeboCohort(plan);
const compilation = compile(plan, records);
const total = tabulate(compilation).total;

describe('the Björkebo F-CRA example', () => {
  it('is deterministic: the same seed gives the same cohort', () => {
    expect(bjorkeboCohort(plan)).toEqual(records);
    expect(bjorkeboCohort(plan, 'another-seed')).not.toEqual(records);
  });

  it('40 clients are selected, and every record is valid against the plan', () => {
    expect(records).toHaveLength(40);
    const selected = selectClients(plan, records.map((r) => ({ clientId: r.clientId })));
    expect(selected.success && selected.data.length).toBe(40);
    for (const r of records) expect(validateRecord(plan, r).success).toBe(true);
    expect(compilation.invalid.total).toBe(0);
  });

  it('the attrition flow adds up', () => {
    // 40 selected; 1 declined before the start → 39 started; 5 breakdowns withdrawn; 2 ongoing;
    // 39 − 5 − 2 = 32 closed (30 + 1 completed, 1 moved); 32 − 2 unclassified = 30 classified.
    expect(total.flow).toEqual({
      selected: 40, notStarted: 1, withdrawnBeforeStart: 1, started: 39, withdrawn: 5, ongoing: 2, closed: 32, classified: 30, unclassified: 2,
    });
  });

  it('breakdowns are withdrawn and counted, with their reason and stage', () => {
    expect(total.withdrawals.find((w) => w.reason === 'breakdown')).toEqual({ reason: 'breakdown', beforeStart: 0, during: 5 });
    expect(total.withdrawals.find((w) => w.reason === 'declined')).toEqual({ reason: 'declined', beforeStart: 1, during: 0 });
    const breakdowns = records.filter((r) => r.after?.reason === 'breakdown');
    expect(breakdowns).toHaveLength(5);
    for (const r of breakdowns) expect(classify(plan, r)).toEqual({ classified: false, reason: 'withdrawn', params: {} });
  });

  it('the move and the missing after-measure are closed but unclassified, with the right reasons', () => {
    expect(total.closing.byReason).toEqual({ completed: 31, breakdown: 0, moved: 1, declined: 0, other: 0 });
    expect(total.unclassified).toEqual({ missing_before: 0, missing_after: 2, missing_goal_assessment: 0 });
    const moved = records.filter((r) => r.after?.reason === 'moved');
    expect(moved).toHaveLength(1);
    expect(classify(plan, moved[0]!)).toEqual({ classified: false, reason: 'missing_measure', params: { phase: 'after' } });
    const missing = records.filter((r) => r.after?.reason === 'completed' && r.after.measures['tilltro-nykterhet'] === undefined);
    expect(missing).toHaveLength(1);
    expect(classify(plan, missing[0]!)).toEqual({ classified: false, reason: 'missing_measure', params: { phase: 'after' } });
  });

  it('levels, goal met and the mean change agree with the records classified one by one', () => {
    const levels = { positive_goal_met: 0, positive_goal_not_met: 0, no_change: 0, negative_change: 0 };
    let goalMet = 0;
    let withGoal = 0;
    const diffs: number[] = [];
    for (const r of records) {
      const c = classify(plan, r);
      if (!c.classified) continue;
      levels[c.level] += 1;
      if (c.goal !== 'no_goal') withGoal += 1;
      if (c.goal === 'met' || c.goal === 'met_before') goalMet += 1;
      diffs.push(c.difference);
    }
    expect(Object.fromEntries(Object.entries(total.attainment.levels).map(([k, s]) => [k, s.count]))).toEqual(levels);
    expect([total.attainment.goalMet.count, total.attainment.goalMet.n]).toEqual([goalMet, withGoal]);
    const change = total.primary.change;
    if (!change.computed) throw new Error('change not computed');
    expect(change.n).toBe(diffs.length);
    expect(change.mean).toBeCloseTo(diffs.reduce((s, d) => s + d, 0) / diffs.length, 12);
  });

  it('weekly tests: every urine and breath test is counted once, week by week', () => {
    for (const measure of ['urinprov', 'utandningsprov']) {
      const tests = records.flatMap((r) => r.during.filter((e) => e.kind === 'measure' && e.measure === measure));
      const d = total.during.find((x) => x.id === measure)!;
      expect(d.weeks.reduce((s, w) => s + w.tests, 0) + d.later.tests).toBe(tests.length);
      // Clients tested in week 1 = started clients with a test in days 0–6 of their start.
      const week1 = records.filter((r) => r.before && r.during.some((e) => e.kind === 'measure' && e.measure === measure && e.date < addDays(r.before!.date, 7))).length;
      expect(d.weeks[0]?.clients).toBe(week1);
    }
  });

  it('analyse states the findings the method asks for, in sv and en', () => {
    const analysis = analyse(compilation);
    const codes = analysis.findings.map((f) => f.code);
    for (const code of ['followed', 'not_started', 'withdrawn', 'unclassified', 'goal_met', 'direction', 'paired_test', 'attrition_baseline', 'no_comparison_group'] as const) {
      expect(codes).toContain(code);
    }
    const followed = analysis.findings.find((f) => f.code === 'followed')!;
    expect(followed.params).toMatchObject({ selected: 40, started: 39, closed: 32, classified: 30 });
    expect(findingText(followed, 'en')).toContain('40 clients were selected');
    expect(findingText(followed, 'sv')).toContain('40 klienter valdes ut');
    const withdrawn = analysis.findings.find((f) => f.code === 'withdrawn')!;
    expect(withdrawn.caution).toBe(true);
    expect(withdrawn.params).toMatchObject({ count: 5, started: 39 });
    expect(analysis.attrition.withdrawn.count).toBe(5);
    // An ordinal primary measure: Wilcoxon signed-rank, no paired t-test.
    expect(analysis.pairedTest.computed && 'method' in analysis.pairedTest && analysis.pairedTest.method).toMatch(/^wilcoxon/);
    expect(analysis.pairedTTest.computed).toBe(false);
    for (const f of analysis.findings) {
      expect(findingText(f, 'sv')).not.toMatch(/undefined|NaN|null/);
      expect(findingText(f, 'en')).not.toMatch(/undefined|NaN|null/);
    }
  });

  it('AUDIT is a secondary measure: 39 before, 30 pairs, better or worse only by the plan\'s 4 points', () => {
    // Every started client answers AUDIT before; only the 30 completed with an after-measure answer it after.
    const pairs = records.filter((r) => r.before?.measures.audit !== undefined && r.after?.measures.audit !== undefined);
    expect(records.filter((r) => r.before?.measures.audit !== undefined)).toHaveLength(39);
    expect(pairs).toHaveLength(30);
    const audit = total.measures.find((m) => m.id === 'audit')!;
    expect(audit.primary).toBe(false);
    expect(audit.phases.map((p) => [p.phase, p.distribution.computed && p.distribution.n])).toEqual([['before', 39], ['after', 30]]);
    const change = audit.changes.find((c) => c.phase === 'after')!;
    // Lower is better: a drop of at least minimalChange = 4 is better, a rise of at least 4 worse.
    const diffs = pairs.map((r) => r.after!.measures.audit! - r.before!.measures.audit!);
    expect(change.direction.minimalChange).toBe(4);
    expect(change.direction.improved.count).toBe(diffs.filter((d) => d <= -4).length);
    expect(change.direction.worsened.count).toBe(diffs.filter((d) => d >= 4).length);
    expect(change.change.computed && change.change.mean).toBeCloseTo(diffs.reduce((s, d) => s + d, 0) / diffs.length, 12);
    // Plausible: within 0–40, and most drink less at closing.
    for (const r of pairs) for (const v of [r.before!.measures.audit!, r.after!.measures.audit!]) expect(v >= 0 && v <= 40).toBe(true);
    expect(diffs.filter((d) => d < 0).length).toBeGreaterThan(diffs.length / 2);
  });

  it('the 12-month follow-up: each of the 32 closed in the results once, 20 reached, 7 not reached, 5 declined', () => {
    const closed = records.filter((r) => r.after !== undefined && r.after.reason !== 'breakdown');
    expect(closed).toHaveLength(32);
    for (const r of records) expect(r.followUps).toHaveLength(closed.includes(r) ? 1 : 0);
    const status = (s: string) => closed.filter((r) => r.followUps[0]!.status === s);
    expect([status('reached').length, status('not_reached').length, status('declined').length]).toEqual([20, 7, 5]);
    // compile counts per cell [reached, not reached, declined, missing]; summed over the cells:
    const sums = [0, 0, 0, 0];
    compilation.counts.followUps.forEach((n, i) => (sums[i % 4]! += n));
    expect(sums).toEqual([20, 7, 5, 0]);
    // A reached measurement lies within 30 days of the day 12 months after closing (none closed on 29 February).
    for (const r of status('reached')) {
      expect(r.after!.date.slice(5)).not.toBe('02-29');
      const target = `${Number(r.after!.date.slice(0, 4)) + 1}${r.after!.date.slice(4)}`;
      const f = r.followUps[0]!;
      expect(f.date >= addDays(target, -30) && f.date <= addDays(target, 30)).toBe(true);
      expect(f.measures['tilltro-nykterhet']).toBeDefined();
    }
    const confidence = total.measures.find((m) => m.id === 'tilltro-nykterhet')!;
    const at12 = confidence.phases.find((p) => p.phase === '12m')!.distribution;
    expect(at12.computed && at12.n).toBe(20);
  });

  it('two half-years as periods: a client\'s half-year is that of the start', () => {
    const byPeriod = tabulate(compilation, { by: ['period'] }).rows;
    const startOf = (r: (typeof records)[number]) => r.before?.date ?? r.enrolled;
    const spring = records.filter((r) => startOf(r) < '2019-07-01').length;
    expect(byPeriod.map((g) => [g.key.period, g.flow.selected])).toEqual([['2019-h1', spring], ['2019-h2', 40 - spring]]);
    expect(spring).toBeGreaterThan(10);
    expect(40 - spring).toBeGreaterThan(10);
  });

  it('analysis is the same from a pooled compilation as from all records', () => {
    const half = Math.floor(records.length / 2);
    const pooled = mergeCompilations([compile(plan, records.slice(0, half)), compile(plan, records.slice(half))]);
    expect(pooled).toEqual(compilation);
    expect(analyse(pooled)).toEqual(analyse(compilation));
  });

  it('analyse does not change the compilation', () => {
    const copy = structuredClone(compilation);
    analyse(compilation);
    tabulate(compilation, { by: ['gender', 'ageBand'] });
    expect(compilation).toEqual(copy);
  });
});

function addDays(iso: string, days: number): string {
  // Independent of the library: UTC Date arithmetic.
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
