/**
 * Every relation the whole-report attacker (tests/privacy/report-attacker.ts)
 * writes holds for the true counts: the hidden cells replaced by the internal
 * report's counts (tests/privacy/report-truth.ts), over many random cohorts
 * and the Björkebo report; one with auxiliary unknowns (a hidden share's
 * numerator) holds when some non-negative integers satisfy it with them. A relation that does not hold would let the
 * attacker "disclose" a wrong value, or miss nothing it should find.
 */
import { describe, expect, it } from 'vitest';
import { analyse, compile, parsePlan } from '../../src/index.js';
import { buildReport, type ReportModel } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { countCells, hiddenIntervals, isAuxiliary, reportRelations } from './report-attacker.js';
import { cohortReport, trueCells } from './report-truth.js';

/** The relations that do not hold for the true counts, as readable lines (empty when all hold). */
function broken(published: ReportModel, truth: ReadonlyMap<string, number>): string[] {
  // The published cells are the true ones (protection hides, it never alters).
  const shown = [...countCells(published)].filter(([c, v]) => v !== null && v !== truth.get(c)).map(([c, v]) => `${c} shown ${v}, true ${truth.get(c)}`);
  const all = reportRelations(published);
  // Relations with auxiliary unknowns (a hidden share's numerator) hold when some non-negative integers make them hold with the true counts.
  const withAuxiliary = all.filter((r) => r.terms.some(([c]) => isAuxiliary(c)));
  let auxiliary: string[] = [];
  try {
    hiddenIntervals(truth, withAuxiliary);
  } catch (e) {
    auxiliary = [`auxiliary relations: ${(e as Error).message}`];
  }
  const relations = all.filter((r) => !withAuxiliary.includes(r)).flatMap((r) => {
    const value = r.terms.reduce((s, [c, coef]) => s + coef * truth.get(c)!, 0);
    return value >= r.min - 1e-6 && value <= r.max + 1e-6 ? [] : [`${r.why}: ${value} not in [${r.min}, ${r.max}]`];
  });
  return [...shown, ...relations, ...auxiliary];
}

const COHORTS = Number(process.env.RELATION_COHORTS ?? 20);

describe('the attacker\'s relations hold for the true counts', () => {
  it('on the Björkebo report', () => {
    const plan = parsePlan(bjorkeboPlan);
    const compilation = compile(plan, bjorkeboCohort(plan));
    const analysis = analyse(compilation);
    const published = buildReport(compilation, { locale: 'sv', plan }, analysis);
    expect(reportRelations(published).length).toBeGreaterThan(100);
    expect(broken(published, trueCells(published, buildReport(compilation, { locale: 'sv', plan, audience: 'internal' }, analysis), compilation))).toEqual([]);
  }, 60_000);

  // Seeds in chunks so that each test stays bounded on a loaded machine.
  const chunks = Array.from({ length: Math.ceil(COHORTS / 10) }, (_, i) => [i * 10, Math.min(COHORTS, i * 10 + 10)] as const);
  it.each(chunks)('on random cohorts %i–%i (sizes 5–400, skewed)', async (from, to) => {
    for (let seed = from; seed < to; seed++) {
      // Back to the event loop between cohorts, so that a long chunk does not starve vitest's worker messages.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { cohort, model, truth } = cohortReport(seed);
      expect(broken(model, truth), `seed ${seed} (${cohort.size} people, ${cohort.skew})`).toEqual([]);
    }
  }, 120_000);
});
