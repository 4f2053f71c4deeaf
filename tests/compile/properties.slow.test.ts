import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import {
  classify,
  compile,
  compileAsync,
  emptyCompilation,
  mergeCompilations,
  tabulate,
  validateRecord,
  type ClientRecord,
  type Dimension,
  type GroupRow,
} from '../../src/index.js';
import { smallPlan as plan } from '../helpers/fixtures.js';
import { validRecord, validRecords, validRecordsOf } from '../helpers/arbitraries.js';
import { parsePlan } from '../../src/index.js';
import { smallPlanInput } from '../helpers/fixtures.js';

/** Variants of the small plan: other goal rules, a lower_is_better 1–5 scale with a minimal important change of 2. */
const VARIANTS = [
  parsePlan({ ...smallPlanInput, id: 'v-target', goalRule: { kind: 'target' } }),
  parsePlan({ ...smallPlanInput, id: 'v-plan-target', goalRule: { kind: 'plan_target', value: 4 } }),
  parsePlan({ ...smallPlanInput, id: 'v-any', goalRule: { kind: 'assessed', combine: 'any' } }),
  parsePlan({
    ...smallPlanInput,
    id: 'v-lower',
    instruments: [{ id: 'lagre', label: { sv: 'L', en: 'L' }, kind: 'ordinal', range: { min: 1, max: 5 }, direction: 'lower_is_better', minimalImportantChange: 2 }],
    measures: { before: ['lagre'], after: ['lagre'] },
    primaryMeasure: 'lagre',
    goalRule: { kind: 'target' },
  }),
];

/**
 * Every count in a group row, flattened to path → number: flow, withdrawals,
 * closing, unclassified, levels and goal counts with their n, histogram counts
 * by value, main problems, goal areas and background by code, dose, and
 * during-weeks. Means, sds, quantiles and intervals are left out: they are
 * not additive.
 */
function countsOf(row: GroupRow): Map<string, number> {
  const out = new Map<string, number>();
  const put = (k: string, v: number) => out.set(k, v);
  for (const [k, v] of Object.entries(row.flow)) put(`flow.${k}`, v);
  for (const w of row.withdrawals) {
    put(`withdrawals.${w.reason}.beforeStart`, w.beforeStart);
    put(`withdrawals.${w.reason}.during`, w.during);
  }
  for (const [k, v] of Object.entries(row.closing.byReason)) put(`closing.${k}`, v);
  put('closing.completed.n', row.closing.completed.n);
  for (const [k, v] of Object.entries(row.unclassified)) put(`unclassified.${k}`, v);
  for (const [k, s] of Object.entries(row.attainment.levels)) {
    put(`levels.${k}.count`, s.count);
    put(`levels.${k}.n`, s.n);
  }
  for (const [k, v] of Object.entries(row.attainment.goal)) put(`goal.${k}`, v);
  put('goalMet.count', row.attainment.goalMet.count);
  put('goalMet.n', row.attainment.goalMet.n);
  for (const [name, d] of Object.entries(row.primary)) {
    put(`primary.${name}.n`, d.n);
    if (d.computed) for (const h of d.histogram) put(`primary.${name}.hist.${h.value}`, h.count);
  }
  for (const m of row.mainProblems) put(`mainProblems.${m.code}`, m.count);
  for (const g of row.goalAreas) put(`goalAreas.${g.code}`, g.count);
  for (const b of row.background) {
    for (const o of b.options) put(`background.${b.id}.${o.code}`, o.count);
    put(`background.${b.id}.missing`, b.missing);
  }
  put('dose.attended', row.dose.sessionsAttended);
  put('dose.missed', row.dose.sessionsMissed);
  put('dose.deviations', row.dose.deviations);
  for (const d of row.during) {
    for (const w of d.weeks) {
      put(`during.${d.id}.${w.week}.tests`, w.tests);
      put(`during.${d.id}.${w.week}.clients`, w.clients);
      if (w.good) put(`during.${d.id}.${w.week}.good`, w.good.count);
    }
    put(`during.${d.id}.later.tests`, d.later.tests);
    put(`during.${d.id}.later.clients`, d.later.clients);
  }
  return out;
}

const GROUPINGS: Dimension[][] = [['ageBand'], ['gender'], ['intervention'], ['ageBand', 'gender'], ['ageBand', 'intervention'], ['gender', 'intervention'], ['ageBand', 'gender', 'intervention']];

describe('compile: properties over valid records of the small plan', () => {
  it('the generated records are valid against the plan', () => {
    fc.assert(fc.property(validRecord, (r) => validateRecord(plan, r).success));
  });

  it('group counts sum to the total, for every dimension and combination, every counter', () => {
    fc.assert(
      fc.property(validRecords(25), (records) => {
        const c = compile(plan, records);
        const total = countsOf(tabulate(c).total);
        expect(total.get('flow.selected')).toBe(records.length);
        expect(c.invalid.total).toBe(0);
        for (const by of GROUPINGS) {
          const rows = tabulate(c, { by }).rows;
          // 2 age bands × 2 genders × 2 interventions.
          expect(rows).toHaveLength(2 ** by.length);
          const sum = new Map<string, number>();
          for (const row of rows) for (const [k, v] of countsOf(row)) sum.set(k, (sum.get(k) ?? 0) + v);
          expect(sum).toEqual(total);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the flow adds up: selected = started + not started; started = withdrawn + ongoing + closed; closed = classified + unclassified', () => {
    fc.assert(
      fc.property(validRecords(25), (records) => {
        const f = tabulate(compile(plan, records)).total.flow;
        expect(f.selected).toBe(f.started + f.notStarted);
        expect(f.started).toBe(f.withdrawn + f.ongoing + f.closed);
        expect(f.closed).toBe(f.classified + f.unclassified);
        expect(f.withdrawnBeforeStart).toBeLessThanOrEqual(f.notStarted);
      }),
    );
  });

  it('compile classifies as classify does, record by record', () => {
    fc.assert(
      fc.property(validRecords(25), (records) => {
        const t = tabulate(compile(plan, records)).total;
        const expected = { positive_goal_met: 0, positive_goal_not_met: 0, no_change: 0, negative_change: 0 };
        const reasons = { withdrawn: 0, not_closed: 0, missing_before: 0, missing_after: 0, missing_goal_assessment: 0 };
        for (const r of records) {
          const c = classify(plan, r);
          if (c.classified) expected[c.level] += 1;
          else if (c.reason === 'missing_measure') reasons[c.params.phase === 'before' ? 'missing_before' : 'missing_after'] += 1;
          else reasons[c.reason] += 1;
        }
        expect(Object.fromEntries(Object.entries(t.attainment.levels).map(([k, s]) => [k, s.count]))).toEqual(expected);
        expect(t.unclassified).toEqual({ missing_before: reasons.missing_before, missing_after: reasons.missing_after, missing_goal_assessment: reasons.missing_goal_assessment });
        expect(t.flow.withdrawn + t.flow.withdrawnBeforeStart).toBe(reasons.withdrawn);
        expect(t.flow.ongoing + t.flow.notStarted - t.flow.withdrawnBeforeStart).toBe(reasons.not_closed);
      }),
    );
  });

  it('compile classifies as classify does under every goal rule and direction', () => {
    for (const variant of VARIANTS) {
      fc.assert(
        fc.property(validRecordsOf(variant, 20), (records) => {
          const t = tabulate(compile(variant, records)).total;
          const levels = { positive_goal_met: 0, positive_goal_not_met: 0, no_change: 0, negative_change: 0 };
          const goal = { met: 0, met_before: 0, not_met: 0, no_goal: 0 };
          for (const r of records) {
            const c = classify(variant, r);
            if (!c.classified) continue;
            levels[c.level] += 1;
            goal[c.goal] += 1;
          }
          expect(Object.fromEntries(Object.entries(t.attainment.levels).map(([k, s]) => [k, s.count]))).toEqual(levels);
          expect(t.attainment.goal).toEqual(goal);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('during-weeks and before-distributions agree with the records counted directly', () => {
    // Independent of compile: days by UTC Date arithmetic, statistics by simple-statistics.
    const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
    fc.assert(
      fc.property(validRecords(25), (records) => {
        const t = tabulate(compile(plan, records)).total;
        const up = t.during[0]!;
        const weeks = up.weeks.length; // 4 followed weeks, then 'later'
        for (let w = 0; w <= weeks; w++) {
          let tests = 0;
          let positives = 0;
          let clients = 0;
          for (const r of records) {
            if (!r.before) continue;
            const inWeek = r.during.filter((e) => {
              if (e.kind !== 'measure') return false;
              const k = Math.floor((day(e.date) - day(r.before!.date)) / 7);
              return w < weeks ? k === w : k >= weeks;
            });
            tests += inWeek.length;
            positives += inWeek.filter((e) => e.kind === 'measure' && e.value === 1).length;
            if (inWeek.length > 0) clients += 1;
          }
          if (w < weeks) expect([up.weeks[w]!.tests, up.weeks[w]!.clients, up.weeks[w]!.good?.count]).toEqual([tests, clients, tests - positives]);
          else expect(up.later).toEqual({ tests, clients });
        }
        const befores = records.flatMap((r) => (r.before?.measures['tilltro-nykterhet'] === undefined ? [] : [r.before.measures['tilltro-nykterhet']]));
        const d = t.primary.before;
        expect(d.n).toBe(befores.length);
        if (befores.length >= 2 && d.computed) {
          expect(d.mean).toBeCloseTo(mean(befores), 10);
          expect(d.sd).toBeCloseTo(sampleStandardDeviation(befores), 10);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('merge(compile(A), compile(B)) equals compile(A ∪ B)', () => {
    fc.assert(
      fc.property(validRecords(), validRecords(), (a, b) => {
        expect(mergeCompilations([compile(plan, a), compile(plan, b)])).toEqual(compile(plan, [...a, ...b]));
      }),
      { numRuns: 60 },
    );
  });

  it('merge is associative and commutative, and the empty compilation is its identity', () => {
    fc.assert(
      fc.property(validRecords(15), validRecords(15), validRecords(15), (a, b, c) => {
        const [A, B, C] = [compile(plan, a), compile(plan, b), compile(plan, c)];
        const left = mergeCompilations([mergeCompilations([A, B]), C]);
        const right = mergeCompilations([A, mergeCompilations([B, C])]);
        expect(left).toEqual(right);
        expect(mergeCompilations([A, B, C])).toEqual(left);
        expect(mergeCompilations([B, A])).toEqual(mergeCompilations([A, B]));
        expect(mergeCompilations([A, emptyCompilation(plan)])).toEqual(A);
        expect(mergeCompilations([emptyCompilation(plan), A])).toEqual(A);
        expect(mergeCompilations([A])).toEqual(A);
      }),
      { numRuns: 40 },
    );
  });

  it('a compilation survives JSON and still merges', () => {
    fc.assert(
      fc.property(validRecords(15), validRecords(15), (a, b) => {
        const viaJson = JSON.parse(JSON.stringify(compile(plan, a)));
        expect(mergeCompilations([viaJson, compile(plan, b)])).toEqual(compile(plan, [...a, ...b]));
      }),
      { numRuns: 30 },
    );
  });

  it('the order of records does not matter', () => {
    fc.assert(
      fc.property(validRecords(20), (records) => {
        expect(compile(plan, [...records].reverse())).toEqual(compile(plan, records));
      }),
      { numRuns: 40 },
    );
  });

  it('compileAsync equals compile', async () => {
    await fc.assert(
      fc.asyncProperty(validRecords(20), async (records) => {
        async function* stream(): AsyncGenerator<ClientRecord> {
          for (const r of records) yield r;
        }
        expect(await compileAsync(plan, stream())).toEqual(compile(plan, records));
      }),
      { numRuns: 30 },
    );
  });

  it('inputs are never mutated: plan, records, compilations', () => {
    fc.assert(
      fc.property(validRecords(15), validRecords(15), (a, b) => {
        const [planCopy, aCopy, bCopy] = [structuredClone(plan), structuredClone(a), structuredClone(b)];
        const A = compile(plan, a);
        const B = compile(plan, b);
        const [ACopy, BCopy] = [structuredClone(A), structuredClone(B)];
        mergeCompilations([A, B]);
        tabulate(A, { by: ['gender', 'ageBand'] });
        for (const r of a) classify(plan, r);
        validateRecord(plan, a[0]);
        expect(plan).toEqual(planCopy);
        expect(a).toEqual(aCopy);
        expect(b).toEqual(bCopy);
        expect(A).toEqual(ACopy);
        expect(B).toEqual(BCopy);
      }),
      { numRuns: 30 },
    );
  });
});
