// The pooled report's protection, measured: `npx tsx tests/privacy/pooled.bench.ts`. The three-unit
// fixture of pooled-attacker.test.ts (random cohorts of 20, 30 and 40 clients). Prints, for the merged
// compilation (its joint protection knows each unit's own counts) and for the same counts pooled into one
// unit (protected as a single unit's, the baseline, measured in the same run), the share of count cells
// shown, the time of buildReport (best of RUNS) and the ratio, and what each contributor recovers from
// each (must be 0 for the merged one).
import { compile, mergeCompilations, tabulate, type Plan } from '../../src/index.js';
import { buildReport, type ReportModel } from '../../src/report/index.js';
import { contributorCells, reportCounts } from '../../src/report/_lib/pooled.js';
import { randomCohort, randomCohortPlan } from './random-cohort.js';
import { attackAsContributor } from './pooled-attacker.js';

const RUNS = Number(process.env.RUNS ?? 3);
const unitPlan = (code: string): Plan => ({ ...randomCohortPlan, unit: { code, label: { sv: code, en: code } } });
const parts = [21, 22, 23].map((seed, i) => compile(unitPlan(`enhet-${i + 1}`), randomCohort(seed, 20 + 10 * i).records));
const merged = mergeCompilations(parts);
const pooled = mergeCompilations(parts, { pool: true });
const { contributors } = contributorCells(merged);
const views = tabulate(merged).total.views;

function timed(compilation: typeof merged): { model: ReportModel; ms: number } {
  let best = Infinity;
  let model: ReportModel | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    model = buildReport(compilation, { locale: 'sv' });
    best = Math.min(best, performance.now() - start);
  }
  return { model: model!, ms: best };
}

const rows = (['pooled as one unit', 'merged, contributors known'] as const).map((name, i) => {
  const { model, ms } = timed(i === 0 ? pooled : merged);
  const counts = [...reportCounts(model).values()];
  const shown = counts.filter((v) => v !== null).length;
  const leaks = [...contributors.values()].map((own) => attackAsContributor(model, own, views).disclosed.length);
  return { name, shown, counts: counts.length, ms, leaks };
});
for (const r of rows) console.log(`${r.name.padEnd(28)} shown ${r.shown}/${r.counts} (${((100 * r.shown) / r.counts).toFixed(0)} %)  buildReport ${r.ms.toFixed(0)} ms  disclosed to each contributor ${r.leaks.join(', ')}`);
console.log(`time ratio merged / pooled: ${(rows[1]!.ms / rows[0]!.ms).toFixed(2)}`);
