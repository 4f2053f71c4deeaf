import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, compile, emptyCompilation, findingText, parsePlan, FINDING_CODES, type Analysis } from '../../src/index.js';
import { auditPlan, makeRecord, smallPlan as plan, smallPlanInput } from '../helpers/fixtures.js';
import { validRecords } from '../helpers/arbitraries.js';
import { handCohort } from '../compile/cohort.js';

const analysis = analyse(compile(plan, handCohort()));

// Never NaN; ±Infinity only where the result shape puts it (issue 13): an open interval limit,
// or an odds ratio estimated at the boundary (Fisher's test with a = its largest value).
const mayBeInfinite = new Set(['lower', 'upper', 'estimate']);
const noNumberProblems = (a: Analysis) => {
  const json = JSON.stringify(a, (k, v) =>
    typeof v === 'number' && !Number.isFinite(v) && !(mayBeInfinite.has(k) && !Number.isNaN(v)) ? `!${String(v)}` : v,
  );
  expect(json).not.toMatch(/"!(NaN|Infinity|-Infinity)"/);
  for (const f of a.findings) {
    for (const locale of ['sv', 'en'] as const) expect(findingText(f, locale)).not.toMatch(/undefined|NaN|null|\[object/);
  }
};

describe('analyse: the hand-counted cohort (tests/compile/cohort.ts)', () => {
  it('goal met, direction and attrition, by hand', () => {
    // Classified with a goal: R1 (met), R2 (not met) → 1 of 2. R10 has no goal.
    expect([analysis.goalMet.count, analysis.goalMet.n]).toEqual([1, 2]);
    // Classified: R1 improved, R2 unchanged, R10 worse.
    expect([analysis.direction.improved.count, analysis.direction.unchanged.count, analysis.direction.worse.count]).toEqual([1, 1, 1]);
    expect(analysis.direction.improved.n).toBe(3);
    // Started 9, withdrawn during 2 (R4, R5), not started 2 (R6, R7).
    expect(analysis.attrition.started).toBe(9);
    expect([analysis.attrition.withdrawn.count, analysis.attrition.withdrawn.n]).toEqual([2, 9]);
    expect(analysis.attrition.notStarted).toBe(2);
    // Before-measure of the withdrawn: R4 2, R5 1 → mean 1.5; of those who stayed: R1 2, R2 3, R3 4, R9 5, R10 4, R11 1 → 19/6.
    const w = analysis.attrition.withdrawnBefore;
    const s = analysis.attrition.stayedBefore;
    expect(w.computed && [w.n, w.mean]).toEqual([2, 1.5]);
    expect(s.computed && s.n).toBe(6);
    expect(s.computed && s.mean).toBeCloseTo(19 / 6, 12);
  });

  it('states the findings, flagging attrition and small n as cautions', () => {
    const byCode = new Map(analysis.findings.map((f) => [f.code, f]));
    expect([...byCode.keys()]).toEqual(expect.arrayContaining(['followed', 'withdrawn', 'not_started', 'unclassified', 'goal_met', 'direction', 'attrition_baseline', 'small_n', 'no_comparison_group']));
    for (const code of ['withdrawn', 'small_n', 'attrition_baseline', 'no_comparison_group'] as const) expect(byCode.get(code)?.caution).toBe(true);
    expect(byCode.get('followed')?.params).toMatchObject({ selected: 11, started: 9, closed: 6, classified: 3 });
    expect(findingText(byCode.get('followed')!, 'en')).toBe(
      '11 clients were selected for the follow-up; 9 started the intervention and 6 have closed it. 3 of those closed could be placed on the goal-attainment scale.',
    );
    expect(findingText(byCode.get('followed')!, 'sv')).toBe(
      '11 klienter valdes ut till uppföljningen; 9 påbörjade insatsen och 6 har avslutat den. 3 av de avslutade kunde bedömas på skalan för måluppfyllelse.',
    );
    for (const f of analysis.findings) expect(FINDING_CODES).toContain(f.code);
    noNumberProblems(analysis);
  });
});

describe('analyse: methods by the primary measure’s kind', () => {
  const pair = (p: typeof plan, id: string, b: number, a: number) => makeRecord({ before: { measures: { [id]: b } }, after: { measures: { [id]: a } } }, p);

  it('ordinal: Wilcoxon signed-rank, no paired t-test', () => {
    const a = analyse(compile(plan, [1, 2, 3, 2, 1, 3].map((b, i) => pair(plan, 'tilltro-nykterhet', b, Math.min(5, b + 1 + (i % 2))))));
    expect(a.pairedTest.computed && 'method' in a.pairedTest && a.pairedTest.method).toMatch(/^wilcoxon/);
    expect(a.pairedTTest).toMatchObject({ computed: false, reason: 'one_of' });
  });

  it('interval (AUDIT): Wilcoxon and the paired t-test', () => {
    const a = analyse(compile(auditPlan, [[20, 10], [18, 15], [30, 12], [25, 26], [12, 4], [22, 9]].map(([b, x]) => pair(auditPlan, 'audit', b!, x!))));
    expect(a.pairedTest.computed && 'method' in a.pairedTest && a.pairedTest.method).toMatch(/^wilcoxon/);
    expect(a.pairedTTest.computed).toBe(true);
  });

  it('binary: McNemar', () => {
    const binary = parsePlan({ ...smallPlanInput, id: 'bin', measures: { before: ['provresultat'], after: ['provresultat'] }, primaryMeasure: 'provresultat' });
    // 5 pairs 1 → 0 (better: lower is better), 2 pairs 0 → 1, 1 pair 1 → 1: 7 discordant pairs.
    const pairs = [[1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [1, 1]];
    const a = analyse(compile(binary, pairs.map(([b, x]) => pair(binary, 'provresultat', b!, x!))));
    const t = a.pairedTest;
    if (!t.computed || !('b' in t)) throw new Error('McNemar not computed');
    expect(t.method).toBe('mcnemar-exact');
    expect([t.b + t.c, Math.min(t.b, t.c)]).toEqual([7, 2]);
    // Exact: 2·P(X ≤ 2), X ~ Bin(7, ½) = 2·(1 + 7 + 21)/128 = 0.453125 (R: binom.test(2, 7)$p.value).
    expect(t.pValue).toBeCloseTo(0.453125, 12);
  });
});

describe('analyse: never NaN, never a crash, never a mutation', () => {
  it('the empty compilation', () => {
    const a = analyse(emptyCompilation(plan));
    expect(a.goalMet.share.computed).toBe(false);
    expect(a.pairedTest.computed).toBe(false);
    noNumberProblems(a);
  });

  it('random cohorts of the small plan', () => {
    fc.assert(
      fc.property(validRecords(30), (records) => {
        const c = compile(plan, records);
        const copy = structuredClone(c);
        const a = analyse(c);
        expect(c).toEqual(copy);
        noNumberProblems(a);
        expect(a.total.flow.selected).toBe(records.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('every test counted in Holm\'s adjustment is reported', () => {
  it('Björkebo: goal attainment and change, by age band and by gender: 4 tests, 4 findings, each saying 4', async () => {
    const { bjorkeboPlan } = await import('../../examples/bjorkebo-fcra/plan.js');
    const { bjorkeboCohort } = await import('../../examples/bjorkebo-fcra/cohort.js');
    const plan = parsePlan(bjorkeboPlan);
    const a = analyse(compile(plan, bjorkeboCohort(plan)));
    const counted = a.subgroups.flatMap((s) => [s.goalMetTest, s.changeTest]).filter((t) => t.computed).length;
    const reported = a.findings.filter((f) => f.code === 'subgroup_test' || f.code === 'subgroup_change_test');
    expect(counted).toBe(4);
    expect(reported).toHaveLength(counted);
    for (const f of reported) expect(f.params).toMatchObject({ tests: 4, adjusted: true });
    const change = reported.find((f) => f.code === 'subgroup_change_test' && f.params.dimension === 'gender')!;
    expect(findingText(change, 'en')).toMatch(/^The difference between the genders in the change in own confidence in staying sober\/drug-free in one year \(n = 30\) cannot be statistically established: Mann–Whitney U test \(exact distribution\), p = 1 after adjustment for 4 comparisons by Holm's method\.$/);
  });
});
