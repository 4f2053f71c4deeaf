/**
 * The whole-report attacker (tests/privacy/report-attacker.ts) on the
 * Björkebo example's sections that share the attainment totals: goal
 * attainment and "Bakgrund och insatsens omfattning" (background and dose).
 * Its integer programs have some 80 hidden cells (minutes with yalps; a few
 * seconds with HiGHS per component).
 */
import { describe, expect, it } from 'vitest';
import { compile, parsePlan } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { bjorkeboExamplePlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { attackReport } from './report-attacker.js';

describe('the whole-report attacker on the background and dose section', () => {
  it('finds no disclosed cell in the Björkebo example report, its background and dose tables included (k = 5)', () => {
    const plan = parsePlan(bjorkeboExamplePlan);
    const compilation = compile(plan, bjorkeboCohort(plan));
    for (const k of [5]) {
      // The sections linked with the new one (attainment, background and dose), so the integer programs stay small.
      const full = buildReport(compilation, { locale: 'sv', k });
      const model = { ...full, sections: full.sections.filter((s) => s.id === 'attainment' || s.id === 'background') };
      const { intervals, disclosed } = attackReport(model, k);
      const attacked = intervals.filter((i) => i.max !== Infinity).map((i) => i.cell);
      // It did attack the new section: hidden cells of each background variable and of the sessions table are bounded.
      for (const id of ['background-outcome-tidigare-behandling', 'background-outcome-huvuddrog', 'background-outcome-boende-fore', 'dose-sessions']) {
        expect(attacked.some((c) => c.startsWith(`${id}|`))).toBe(true);
      }
      expect(disclosed).toEqual([]);
    }
  }, 900_000);
});
