/**
 * The whole-report attacker's solver (HiGHS, exact integer programs per
 * connected component; tests/privacy/report-attacker.ts) against two
 * independent sources on random cohorts: the true counts (the internal
 * report, tests/privacy/report-truth.ts) lie in every interval, and every
 * interval lies within the previous solver's (yalps, LP relaxation then a
 * capped branch and bound; tests/privacy/report-attacker-yalps.ts), whose
 * intervals hold the exact ones. SOLVER_COHORTS cohorts (default 10).
 */
import { describe, expect, it } from 'vitest';
import { countCells, hiddenIntervals, reportRelations } from './report-attacker.js';
import { hiddenIntervalsYalps } from './report-attacker-yalps.js';
import { cohortReport } from './report-truth.js';

const COHORTS = Number(process.env.SOLVER_COHORTS ?? 10);
const chunks = Array.from({ length: Math.ceil(COHORTS / 5) }, (_, i) => [i * 5, Math.min(COHORTS, i * 5 + 5)] as const);

describe('the attacker\'s intervals against the true counts and against yalps', () => {
  it.each(chunks)('random cohorts %i–%i', async (from, to) => {
    let attacked = 0;
    for (let seed = from; seed < to; seed++) {
      // Back to the event loop between cohorts, so that a long chunk does not starve vitest's worker messages.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { cohort, model, truth } = cohortReport(seed);
      const cells = countCells(model);
      const relations = reportRelations(model);
      const exact = hiddenIntervals(cells, relations);
      const reference = hiddenIntervalsYalps(cells, relations);
      const wrong = exact.flatMap((e, i) => {
        const r = reference[i]!;
        const t = truth.get(e.cell)!;
        return e.cell === r.cell && e.min <= t && t <= e.max && r.min <= e.min && e.max <= r.max ? [] : [`${e.cell}: [${e.min}, ${e.max}], yalps [${r.min}, ${r.max}], true ${t}`];
      });
      expect(wrong, `seed ${seed} (${cohort.size} people, ${cohort.skew})`).toEqual([]);
      attacked += exact.filter((e) => e.max !== Infinity).length;
    }
    expect(attacked).toBeGreaterThan(0);
  }, 600_000);
});
