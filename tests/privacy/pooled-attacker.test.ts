/**
 * A contributor of a pooled report subtracting its own counts
 * (tests/privacy/pooled-attacker.ts). The county's report, protected as one
 * unit's (the compilations pooled into one unit, which the protection cannot
 * tell apart from a single unit's), leaks the other units' small counts to
 * some contributor; the report of the merged compilation, whose joint
 * protection knows each unit's own counts, leaks nothing to any of them.
 */
import { describe, expect, it } from 'vitest';
import { compile, mergeCompilations, tabulate, type Plan } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { contributorCells, ownInLayout, pooledPrimary } from '../../src/report/_lib/pooled.js';
import { randomCohort, randomCohortPlan } from './random-cohort.js';
import { attackAsContributor, othersCells, ownCounts } from './pooled-attacker.js';
import { countCells } from './report-attacker.js';

const unitPlan = (code: string): Plan => ({ ...randomCohortPlan, unit: { code, label: { sv: code, en: code } } });
const parts = [21, 22, 23].map((seed, i) => compile(unitPlan(`enhet-${i + 1}`), randomCohort(seed, 20 + 10 * i).records));
const county = mergeCompilations(parts);
const { total, contributors } = contributorCells(county);
const views = tabulate(county).total.views;
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('a contributor of a pooled report', () => {
  it('reads the others\' small counts from the county report protected as a single unit\'s', { timeout: 120_000 }, async () => {
    const model = buildReport(mergeCompilations(parts, { pool: true }), { locale: 'sv' });
    // Pooled into one unit, it is protected as one unit's report, and says nothing of units.
    expect(model.cautions.some((c) => c.includes('enheter'))).toBe(false);
    // Back to the event loop between the attacks (each takes seconds), so that vitest's worker reads its messages.
    const leaks: ({ unit: string } & ReturnType<typeof attackAsContributor>)[] = [];
    for (const [unit, own] of contributors) {
      await turn();
      leaks.push({ unit, ...attackAsContributor(model, own, views) });
    }
    // A contributor's view is the pooled cell less its own: of every shown count (of the layout before regrouping; not the
    // client views, which may count the classified only), the others' (units 2 and 3).
    const own1 = contributors.get('enhet-1')!;
    const merged = new Set(model.sections.flatMap((s) => s.tables.flatMap((t) => (t.regrouped ?? []).map((g) => `${t.id}|${g.row}`))));
    const shown = [...countCells(model)].filter(([ref, v]) => v !== null && total.has(ref) && !merged.has(ref.split('|').slice(0, 2).join('|')) && !ref.startsWith('views-')).map(([ref]) => ref);
    expect(shown.length).toBeGreaterThan(0);
    const others = othersCells(model, own1, views);
    // (+ 0: a difference of 0 may be written -0.)
    for (const ref of shown) expect([ref, others.get(ref)! + 0]).toEqual([ref, total.get(ref)! - own1.get(ref)! + 0]);
    // Every shown total it reads a small difference from (a row not regrouped, not of the views, whose columns may be
    // the classified only) is one pooledPrimary names.
    const primary = pooledPrimary(total, contributors.values(), 5);
    for (const l of leaks) for (const d of l.shown) if (total.has(d.cell) && !d.cell.startsWith('views-')) expect([l.unit, d.cell, primary.has(d.cell)]).toEqual([l.unit, d.cell, true]);
    // Shown small differences are leaks enough (a hidden cell recovered from them is another kind, not in every layout).
    expect(leaks.some((l) => l.shown.length > 0)).toBe(true);
  });

  it('recovers nothing of the others from the merged compilation\'s report, shown or hidden', { timeout: 240_000 }, async () => {
    const model = buildReport(county, { locale: 'sv' });
    // The report says why it hides more than a unit's own would.
    expect(model.cautions.filter((c) => c.startsWith('Rapporten slår samman uppgifter från flera enheter.'))).toHaveLength(1);
    for (const [unit, own] of contributors) {
      await turn();
      expect([unit, attackAsContributor(model, own, views).disclosed]).toEqual([unit, []]);
      // The library places each unit's own counts in the published layout as the attacker does.
      const mine = ownCounts(model, own, views);
      const placed = ownInLayout(model, own, views);
      for (const [ref, o] of mine) expect([ref, placed.get(ref)]).toEqual([ref, o]);
    }
    // Not by hiding everything: counts are still shown.
    expect([...countCells(model).values()].filter((v) => v !== null).length).toBeGreaterThan(30);
  });
});
