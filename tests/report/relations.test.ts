/**
 * The library's own model of what a reader knows (src/report/_lib/relations.ts):
 * every relation must hold for the true counts, or the joint protection would
 * reason from something false (and could find no solution at all). Checked on
 * the internal report (k = 1, every count shown) of the Björkebo pilot, the
 * case-system example's follow-up plan, and random cohorts.
 */
import { describe, expect, it } from 'vitest';
import { compile, parsePlan, type Compilation } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { countCells, reportRelations } from '../../src/report/_lib/relations.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { caseSystemPlan } from '../../examples/case-system/plan.js';
import { caseLoad, replay } from '../../examples/case-system/synthetic.js';
import { randomCohort, randomCohortPlan } from '../privacy/random-cohort.js';

/** The relations that do not hold on the true counts, written out. */
function falseRelations(compilation: Compilation): string[] {
  const model = buildReport(compilation, { audience: 'internal' });
  const cells = countCells(model);
  const relations = reportRelations(model);
  expect(relations.length).toBeGreaterThan(10);
  return relations.flatMap((r) => {
    const v = r.terms.reduce((s, [c, coef]) => s + coef * cells.get(c)!, 0);
    return v >= r.min - 1e-6 && v <= r.max + 1e-6 ? [] : [`${r.terms.map(([c, coef]) => `${coef}·${c}`).join(' + ')} = ${v} ∉ [${r.min}, ${r.max}]`];
  });
}

describe('the relations of a report', () => {
  it('hold on the Björkebo pilot', () => {
    const plan = parsePlan(bjorkeboPlan);
    expect(falseRelations(compile(plan, bjorkeboCohort(plan)))).toEqual([]);
  });

  it('hold on the case-system example (a follow-up six months after the end, a second measure)', () => {
    const plan = parsePlan(caseSystemPlan);
    const records = replay(plan, caseLoad(plan, { clients: 600, bulk: true, seed: 'relations' })).records;
    expect(falseRelations(compile(plan, records))).toEqual([]);
  });

  it('hold on random cohorts (5–400 people, skewed)', async () => {
    for (let seed = 0; seed < 30; seed++) {
      // Back to the event loop between cohorts (a synchronous stretch over 60 s makes vitest's worker RPC time out under load).
      await new Promise((resolve) => setImmediate(resolve));
      expect(falseRelations(compile(randomCohortPlan, randomCohort(seed).records)), `seed ${seed}`).toEqual([]);
    }
  });
});
