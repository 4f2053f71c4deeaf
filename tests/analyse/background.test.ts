/**
 * analyse on background and dose (issue 10 item 4), on a hand-made cohort of
 * 17 closed clients, all with one goal. Level scores: 4 = positive, goal met
 * (2 → 4, met); 3 = positive, goal not met (2 → 4); 2 = no change (3 → 3);
 * 1 = negative change (4 → 2).
 *
 * | client | score | tidigare | år (band)  | sessions (band) |
 * |---|---|---|---|---|
 * | c1  | 4 | ja   | 2 (0–4)   | 1 (1–2) |
 * | c2  | 4 | ja   | 3 (0–4)   | 3 (3+)  |
 * | c3  | 4 | ja   | 0 (0–4)   | 4 (3+)  |
 * | c4  | 4 | nej  | 6 (5–9)   | 3 (3+)  |
 * | c5  | 4 | –    | 12 (10+)  | 5 (3+)  |
 * | c6  | 3 | ja   | 1 (0–4)   | 2 (1–2) |
 * | c7  | 3 | ja   | 4 (0–4)   | 1 (1–2) |
 * | c8  | 3 | nej  | 7 (5–9)   | 2 (1–2) |
 * | c9  | 3 | nej  | 15 (10+)  | 3 (3+)  |
 * | c10 | 2 | ja   | 5 (5–9)   | 0 (0)   |
 * | c11 | 2 | ja   | 10 (10+)  | 1 (1–2) |
 * | c12 | 2 | nej  | 20 (10+)  | 3 (3+)  |
 * | c13 | 1 | ja   | 2 (0–4)   | 0 (0)   |
 * | c14 | 1 | nej  | 9 (5–9)   | 0 (0)   |
 * | c15 | 1 | nej  | 11 (10+)  | 0 (0)   |
 * | c16 | 1 | nej  | 30 (10+)  | 0 (0)   |
 * | c17 | 1 | nej  | 10 (10+)  | 2 (1–2) |
 *
 * Tidigare: ja 8 clients, goal met 3 (c1–c3), improved 5; nej 8, goal met 1 (c4),
 * improved 3; one without an answer (c5), left out of the tests.
 * Sessions improved (score ≥ 3): 0 of 5 in band 0, 4 of 6 in 1–2, 5 of 6 in 3+.
 * The reference values are R's (tests/analyse/fixtures/background-tests.R → background-tests.json).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, compile, parsePlan, type ClientRecord, type PlanInput } from '../../src/index.js';
import { holm } from '../../src/stats/adjust.js';
import { wilsonInterval } from '../../src/stats/proportion.js';
import { makeRecord, smallPlanInput } from '../helpers/fixtures.js';
import R from './fixtures/background-tests.json' with { type: 'json' };

const plan = parsePlan({
  ...smallPlanInput,
  id: 'bg-analyse',
  background: [
    { id: 'tidigare', label: { sv: 'Tidigare insats', en: 'Earlier intervention' }, kind: 'boolean' },
    { id: 'ar', label: { sv: 'År med missbruk', en: 'Years of misuse' }, kind: 'number', min: 0, max: 60, bands: [{ from: 0, to: 4 }, { from: 5, to: 9 }, { from: 10 }] },
  ],
  doseBands: { sessions: [{ from: 0, to: 0 }, { from: 1, to: 2 }, { from: 3 }] },
} satisfies PlanInput);
const T = 'tilltro-nykterhet';
const LEVEL = { 4: [2, 4, true], 3: [2, 4, false], 2: [3, 3, false], 1: [4, 2, false] } as const;
type Client = readonly [score: 1 | 2 | 3 | 4, tidigare: boolean | undefined, ar: number, sessions: number];
const CLIENTS: readonly Client[] = [
  [4, true, 2, 1], [4, true, 3, 3], [4, true, 0, 4], [4, false, 6, 3], [4, undefined, 12, 5],
  [3, true, 1, 2], [3, true, 4, 1], [3, false, 7, 2], [3, false, 15, 3],
  [2, true, 5, 0], [2, true, 10, 1], [2, false, 20, 3],
  [1, true, 2, 0], [1, false, 9, 0], [1, false, 11, 0], [1, false, 30, 0], [1, false, 10, 2],
];

function record([score, tidigare, ar, sessions]: Client, i: number): ClientRecord {
  const [before, after, met] = LEVEL[score];
  return makeRecord(
    {
      id: `bg${i}`,
      before: { goals: [{ statement: 'Mål' }], measures: { [T]: before }, background: tidigare === undefined ? { ar } : { tidigare, ar } },
      during: Array.from({ length: sessions }, (_, d) => ({ kind: 'session' as const, date: `2024-01-${String(16 + d).padStart(2, '0')}`, attended: true })),
      after: { measures: { [T]: after }, goalsMet: [met] },
    },
    plan,
  );
}

describe('analyse: background and dose against the outcome (hand-computed, checked against R)', () => {
  const analysis = analyse(compile(plan, CLIENTS.map(record)));
  const tidigare = analysis.background.find((b) => b.id === 'tidigare')!;
  const ar = analysis.background.find((b) => b.id === 'ar')!;
  const sessions = analysis.dose.find((d) => d.measure === 'sessions')!;

  it('counts and shares per value, the client without an answer left out of the values', () => {
    expect(tidigare.values.map((v) => [v.code, v.classified, v.goalMet.count, v.goalMet.n, v.improved.count])).toEqual([
      ['yes', 8, 3, 8, 5],
      ['no', 8, 1, 8, 3],
    ]);
    expect(tidigare.missing).toBe(1);
    expect(tidigare.values[0]!.goalMet.share).toEqual(wilsonInterval(3, 8));
    expect([tidigare.ordered, ar.ordered]).toEqual([false, true]);
    expect(ar.values.map((v) => [v.classified, v.levels.positive_goal_met.count, v.levels.negative_change.count])).toEqual([
      [6, 3, 1],
      [4, 1, 1],
      [7, 1, 3],
    ]);
    expect(sessions.bands.map((b) => [b.code, b.classified, b.improved.count])).toEqual([
      ['0', 5, 0],
      ['1–2', 6, 4],
      ['3+', 6, 5],
    ]);
  });

  it('goal met between two values: Fisher exact, as R fisher.test', () => {
    const t = tidigare.goalMetTest;
    if (!t.computed || t.method !== 'fisher-exact') throw new Error(`expected Fisher, got ${JSON.stringify(t)}`);
    expect(t.n).toBe(16);
    expect(t.pValue).toBeCloseTo(R.fisher.p, 10);
    // R finds the conditional MLE by uniroot with its default tolerance (about 1e-4), so only four decimals.
    expect(t.estimate).toBeCloseTo(R.fisher.estimate, 4);
  });

  it('the level between two values: Mann–Whitney with the W of R wilcox.test', () => {
    const t = tidigare.levelTest;
    if (!t.computed || !t.method.startsWith('mann-whitney')) throw new Error('expected Mann–Whitney');
    expect([t.n, t.statistic]).toEqual([16, R.wilcoxon.W]);
  });

  it("the level over number bands and dose bands: Kendall's tau-b trend test, as R cor.test(method = 'kendall'), with the exact permutation p", () => {
    for (const [t, ref] of [[ar.levelTest, R.ar], [sessions.levelTest, R.sessions]] as const) {
      if (!t.computed || t.method !== 'kendall-tau-b-exact') throw new Error(`expected Kendall's tau-b, exact, got ${JSON.stringify(t)}`);
      expect(t.n).toBe(17);
      // tau-b, z and the normal p: R's cor.test(exact = FALSE).
      expect(t.tau).toBeCloseTo(ref.tau, 12);
      expect(t.statistic).toBeCloseTo(ref.z, 12);
      expect(t.normalPValue).toBeCloseTo(ref.p, 12);
      // The exact p: R's estimate from random permutations, within 4 standard errors of it.
      expect(Math.abs(t.pValue - ref.perm)).toBeLessThan(4 * Math.sqrt((ref.perm * (1 - ref.perm)) / R.draws));
    }
    // More sessions, better levels (lower level numbers): a negative tau.
    expect(sessions.levelTest.computed && sessions.levelTest.estimate! < 0).toBe(true);
  });

  it('the trend test keeps the minimums: two bands need groupSize in each, any bands groupTotal in all', () => {
    const strict = analyse(compile(plan, CLIENTS.map(record)), { minimums: { groupTotal: 18 } });
    expect(strict.dose.find((d) => d.measure === 'sessions')!.levelTest).toEqual({ computed: false, n: 17, reason: 'too_few', params: { n: 17, minimum: 18 } });
    // Clients with 0 sessions (5) and 1–2 (6) only; groupSize 6 leaves the smaller band short.
    const twoBands = CLIENTS.filter((c) => c[3] <= 2).map(record);
    const t = analyse(compile(plan, twoBands), { minimums: { groupSize: 6 } }).dose.find((d) => d.measure === 'sessions')!.levelTest;
    expect(t).toEqual({ computed: false, n: 5, reason: 'too_few', params: { n: 5, minimum: 6 } });
    const ok = analyse(compile(plan, twoBands)).dose.find((d) => d.measure === 'sessions')!.levelTest;
    expect(ok.computed && [ok.method, ok.n]).toEqual(['kendall-tau-b-exact', 11]);
  });

  it('improved by dose band (3 × 2, small expected counts): the exact Fisher–Freeman–Halton p of R fisher.test', () => {
    const t = sessions.improvedTest;
    expect(t.computed && t.method).toBe('fisher-freeman-halton');
    expect(t.computed && t.pValue).toBeCloseTo(R.improved.p, 10);
  });

  it("Holm's adjustment over the background and dose tests, in order", () => {
    const raw: number[] = [];
    const adjusted: (number | null)[] = [];
    for (const b of analysis.background) {
      for (const t of [b.goalMetTest, b.levelTest]) if (t.computed) raw.push(t.pValue);
      adjusted.push(b.adjusted.goalMetTest, b.adjusted.levelTest);
    }
    for (const d of analysis.dose) {
      for (const t of [d.improvedTest, d.levelTest]) if (t.computed) raw.push(t.pValue);
      adjusted.push(d.adjusted.improvedTest, d.adjusted.levelTest);
    }
    expect(raw.length).toBeGreaterThanOrEqual(6);
    expect(adjusted.filter((p) => p !== null)).toEqual(holm(raw));
  });

  it('too few: through the minimums of analyse, and with one value only', () => {
    const strict = analyse(compile(plan, CLIENTS.map(record)), { minimums: { groupTotal: 20 } });
    expect(strict.background[0]!.levelTest).toEqual({ computed: false, n: 16, reason: 'too_few', params: { n: 16, minimum: 20 } });
    const onlyYes = analyse(compile(plan, CLIENTS.filter((c) => c[1] === true).map(record)));
    const t = onlyYes.background[0]!.goalMetTest;
    expect(!t.computed && [t.reason, t.params.what]).toEqual(['too_few', 'groups']);
  });
});

describe('analyse: background and dose properties (seeded)', () => {
  const client: fc.Arbitrary<Client> = fc.tuple(
    fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    fc.option(fc.boolean(), { nil: undefined }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 6 }),
  );
  const cohort = fc.array(client, { maxLength: 25 });

  it('counts per value and missing sum to the classified clients; per dose band likewise', () => {
    fc.assert(
      fc.property(cohort, (clients) => {
        const a = analyse(compile(plan, clients.map(record)));
        const classified = a.total.flow.classified;
        for (const b of a.background) expect(b.values.reduce((n, v) => n + v.classified, 0) + b.missing).toBe(classified);
        for (const d of a.dose) expect(d.bands.reduce((n, v) => n + v.classified, 0)).toBe(classified);
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('permuting the records changes nothing', () => {
    fc.assert(
      fc.property(cohort, fc.array(fc.nat(), { minLength: 25, maxLength: 25 }), (clients, keys) => {
        const records = clients.map(record);
        const permuted = records.map((r, i) => [keys[i]!, r] as const).sort((x, y) => x[0] - y[0]).map(([, r]) => r);
        const a = analyse(compile(plan, records));
        const b = analyse(compile(plan, permuted));
        expect([b.background, b.dose]).toEqual([a.background, a.dose]);
      }),
      { seed: 42, numRuns: 20 },
    );
  });
});
