/**
 * The whole-report attacker (tests/privacy/report-attacker.ts) on many random
 * cohorts (tests/privacy/random-cohort.ts: sizes 5–400, skewed, one person in
 * a category), the "How we will know" of issue 12: no hidden count of any
 * published report is disclosed (its feasible interval a single value, or
 * within 1..k−1). ATTACK_COHORTS cohorts (default 20, each chunk of 10 seeds a
 * test; `ATTACK_COHORTS=200` for the full run, which takes a quarter of an
 * hour). With table-by-table protection it failed on 151 of 200 cohorts
 * (`npx tsx tests/privacy/report-attacker.bench.ts` lists what it finds).
 */
import { describe, expect, it } from 'vitest';
import { analyse, compile } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { randomCohort, randomCohortPlan as plan } from './random-cohort.js';
import { attackReport } from './report-attacker.js';

const COHORTS = Number(process.env.ATTACK_COHORTS ?? 20);
const CHUNK = 10;
const chunks = Array.from({ length: Math.ceil(COHORTS / CHUNK) }, (_, i) => [i * CHUNK, Math.min(COHORTS, (i + 1) * CHUNK)] as const);

describe('the whole-report attacker on random cohorts', () => {
  it.each(chunks)('discloses no hidden count in cohorts %i–%i (k = 5)', async (from, to) => {
    let attacked = 0;
    for (let seed = from; seed < to; seed++) {
      // Back to the event loop between cohorts, so that a long chunk does not starve vitest's worker messages.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const cohort = randomCohort(seed);
      const compilation = compile(plan, cohort.records);
      const model = buildReport(compilation, { locale: 'sv', plan, date: '2021-06-15' }, analyse(compilation));
      const { intervals, disclosed } = attackReport(model, 5);
      expect(disclosed, `seed ${seed} (${cohort.size} people, ${cohort.skew})`).toEqual([]);
      attacked += intervals.filter((i) => i.max !== Infinity).length;
    }
    // It did attack something in the chunk (a cohort of 400 may hide nothing; ten cohorts hide some).
    expect(attacked).toBeGreaterThan(0);
  }, 900_000);
});
