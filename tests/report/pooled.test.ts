/**
 * A pooled report's contributors (src/report/_lib/pooled.ts, issue 12 item 1):
 * each unit's own counts in the total report's layout, and the cells a
 * contributor could subtract its own counts from to read a small count of the others.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, mergeCompilations, type Plan } from '../../src/index.js';
import { buildReport, protectReportTable, type RawTable, type ReportModel } from '../../src/report/index.js';
import { withHidden } from '../../src/report/protect.js';
import { protectJointly } from '../../src/report/_lib/joint.js';
import { attackAsContributor } from '../privacy/pooled-attacker.js';
import { contributorCells, pooledPrimary, reportCounts } from '../../src/report/_lib/pooled.js';
import { randomCohort, randomCohortPlan } from '../privacy/random-cohort.js';

const unitPlan = (code: string): Plan => ({ ...randomCohortPlan, unit: { code, label: { sv: code, en: code } } });

describe('pooledPrimary', () => {
  it('hides a total whose difference with a contributor is 1..k−1, not one whose difference is 0 or ≥ k', () => {
    const total = new Map([['t|a|0', 12], ['t|b|0', 7], ['t|c|0', 3], ['t|d|0', 9], ['t|e|0', 0]]);
    const a = new Map([['t|a|0', 12], ['t|b|0', 5], ['t|c|0', 3], ['t|d|0', 4], ['t|e|0', 0]]);
    const b = new Map([['t|a|0', 0], ['t|b|0', 2], ['t|c|0', 0], ['t|d|0', 5], ['t|e|0', 0]]);
    // a: 12−12 = 0, 7−5 = 2 (small), 3−3 = 0, 9−4 = 5; b: 12, 5, 3 (small), 4 (small).
    expect([...pooledPrimary(total, [a, b], 5)]).toEqual(['t|b|0', 't|c|0', 't|d|0']);
    expect([...pooledPrimary(total, [a], 5)]).toEqual(['t|b|0']);
    expect([...pooledPrimary(total, [a, b], 2)]).toEqual([]); // k = 2: only a difference of 1 is small
    expect([...pooledPrimary(total, [new Map()], 5)]).toEqual(['t|c|0']); // a contributor without the cell has 0 there
    expect(() => pooledPrimary(total, [new Map([['t|c|0', 4]])], 5)).toThrow(/above the total/);
  });

  it('property: a cell is listed exactly when some contributor leaves the others 1..k−1', () => {
    const parts = fc.array(fc.array(fc.nat(12), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(parts, fc.integer({ min: 1, max: 6 }), (cells, k) => {
        const refs = cells.map((_, i) => `t|${i}|0`);
        const total = new Map(cells.map((p, i) => [refs[i]!, p.reduce((x, y) => x + y, 0)]));
        const units = Math.min(...cells.map((p) => p.length));
        const owns = Array.from({ length: units }, (_, u) => new Map(cells.map((p, i) => [refs[i]!, p[u]!])));
        const hidden = pooledPrimary(total, owns, k);
        cells.forEach((p, i) => {
          const t = p.reduce((x, y) => x + y, 0);
          const small = p.slice(0, units).some((own) => t - own >= 1 && t - own <= k - 1);
          expect(hidden.has(refs[i]!)).toBe(small);
        });
      }),
      { seed: 1203, numRuns: 200 },
    );
  });
});

describe('contributorCells', () => {
  const cohorts = [11, 12, 13].map((seed, i) => ({ code: `enhet-${i + 1}`, records: randomCohort(seed, 18 + 7 * i).records }));
  const compilations = cohorts.map((c) => compile(unitPlan(c.code), c.records));
  const county = mergeCompilations(compilations);

  it('gives each unit its own counts: those of its own report, the total the sum of them', { timeout: 60_000 }, () => {
    const { total, contributors } = contributorCells(county);
    expect([...contributors.keys()]).toEqual(['enhet-1', 'enhet-2', 'enhet-3']);
    expect(total.get('flow|selected|0')).toBe(18 + 25 + 32);
    // Every count of the total is the sum of the contributors' (counts of people add up over units).
    for (const [ref, t] of total) expect([ref, [...contributors.values()].reduce((s, own) => s + own.get(ref)!, 0)]).toEqual([ref, t]);
    // A unit's counts are those of the report of its own compilation, for every cell that report has
    // (the total's has more: the table by unit, each unit's row 0 there but its own).
    cohorts.forEach((c, i) => {
      const alone = reportCounts(buildReport(compilations[i]!, { k: 1, regroup: false }));
      const own = contributors.get(c.code)!;
      let compared = 0;
      for (const [ref, v] of alone)
        if (own.has(ref) && !ref.startsWith('unusable|')) {
          expect([ref, own.get(ref)]).toEqual([ref, v]);
          compared++;
        }
      expect(compared).toBeGreaterThan(50);
      expect(own.get(`attainment-unit|${c.code}|4`)).toBe(total.get(`attainment-unit|${c.code}|4`));
    });
  });

  it('refuses a compilation of one unit', () => {
    expect(() => contributorCells(compilations[0]!)).toThrow();
  });

  it('finds cells a contributor could read the others\' small count from, though their totals are shown', { timeout: 60_000 }, () => {
    const { total, contributors } = contributorCells(county);
    const hide = pooledPrimary(total, contributors.values(), 5);
    expect(hide.size).toBeGreaterThan(0);
    for (const ref of hide) expect([...contributors.values()].some((own) => total.get(ref)! - own.get(ref)! >= 1 && total.get(ref)! - own.get(ref)! <= 4)).toBe(true);
  });
});

describe('protectJointly with contributors', () => {
  // A template for the model's other fields; its sections are replaced by one table of goal attainment.
  const template = buildReport(compile(randomCohortPlan, randomCohort(1, 10).records), { k: 1 });
  const raw = (values: readonly number[]): RawTable => ({
    id: 'attainment-total',
    title: 'Måluppfyllelse',
    columns: ['a', 'b', 'c', 'd', 'n'],
    rows: [{ key: 'all', label: 'Alla', cells: values.map((value) => ({ kind: 'count' as const, value })) }],
    additive: [0, 1, 2, 3],
    rowTotal: 4,
  });
  const build = (hide: ReadonlySet<string>): ReportModel =>
    withHidden(hide, () => ({ ...template, sections: [{ id: 'attainment', title: 'Måluppfyllelse', tables: [protectReportTable(raw([12, 9, 7, 6, 34]), 5)] }] }));
  // The contributor has 5 of the 7 and 32 of the 34: the others have 2 and 2.
  const own = new Map([['attainment-total|all|0', 12], ['attainment-total|all|1', 9], ['attainment-total|all|2', 5], ['attainment-total|all|3', 6], ['attainment-total|all|4', 32]]);

  it('hides what a contributor subtracting its own counts would read, and only then', () => {
    expect([...reportCounts(protectJointly(build, 5)).values()]).toEqual([12, 9, 7, 6, 34]);
    const pooled = protectJointly(build, 5, { seed: pooledPrimary(new Map([...reportCounts(build(new Set()))].map(([c, v]) => [c, v!])), [own], 5), owns: () => [own] });
    const counts = reportCounts(pooled);
    expect(counts.get('attainment-total|all|2')).toBeNull();
    expect(counts.get('attainment-total|all|4')).toBeNull();
    expect(attackAsContributor(pooled, own).disclosed).toEqual([]);
    // No contributor is the joint pass without them.
    expect(protectJointly(build, 5, { seed: new Set(), owns: () => [] })).toEqual(protectJointly(build, 5));
  });

  it('ends, with nothing disclosed to the contributor, when it knows almost everything', () => {
    // The others: 0, 0, 1, 0 (n 1).
    const most = new Map([...own, ['attainment-total|all|2', 6], ['attainment-total|all|4', 33]]);
    const pooled = protectJointly(build, 5, { seed: new Set(), owns: () => [most] });
    expect(attackAsContributor(pooled, most).disclosed).toEqual([]);
    expect(reportCounts(pooled).get('attainment-total|all|2')).toBeNull();
  });
});
