/**
 * The integers printed in a report's sentences (tests/privacy/report-numbers.ts):
 * each is a count a table shows, or of an allowed kind that is not a count of
 * people (ALLOWED: a percent, a year, a week, a scale bound, k …). On the
 * Björkebo report and NUMBER_COHORTS random cohorts (default 20); and on a
 * sentence that prints a count no table shows, so that the check can fail.
 */
import { describe, expect, it } from 'vitest';
import { compile, parsePlan } from '../../src/index.js';
import { buildReport, type ReportModel } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { printedNumbers, unshownNumbers } from './report-numbers.js';
import { cohortReport } from './report-truth.js';

const COHORTS = Number(process.env.NUMBER_COHORTS ?? 20);
const lines = (model: ReportModel) => unshownNumbers(model).map((p) => `${p.where}: ${p.value} in "${p.sentence}"`);

describe('the numbers in a report\'s sentences', () => {
  const plan = parsePlan(bjorkeboPlan);
  const bjorkebo = buildReport(compile(plan, bjorkeboCohort(plan)), { locale: 'sv', plan });

  it('are shown counts or numbers that are not counts of people, in the Björkebo report', () => {
    const printed = printedNumbers(bjorkebo);
    expect(printed.length).toBeGreaterThan(50); // it did read the sentences
    expect(printed.some((p) => p.kind === null)).toBe(true); // and some of them are counts
    expect(lines(bjorkebo)).toEqual([]);
  });

  it('are found when a sentence prints a count no table shows, and not when it prints a week or a percent', () => {
    const model = { ...bjorkebo, summary: [...bjorkebo.summary, '9 999 kvinnor avbröt insatsen vecka 9 998 (9 997 %).'] };
    expect(unshownNumbers(model).map((p) => p.value)).toEqual([9999]);
    expect(printedNumbers(model).filter((p) => p.value > 9000).map((p) => p.kind)).toEqual([null, 'week', 'percent']);
  });

  const chunks = Array.from({ length: Math.ceil(COHORTS / 10) }, (_, i) => [i * 10, Math.min(COHORTS, i * 10 + 10)] as const);
  it.each(chunks)('are shown counts or numbers that are not counts of people, in random cohorts %i–%i', async (from, to) => {
    for (let seed = from; seed < to; seed++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { cohort, model } = cohortReport(seed);
      expect(lines(model), `seed ${seed} (${cohort.size} people, ${cohort.skew})`).toEqual([]);
    }
  }, 300_000);
});
