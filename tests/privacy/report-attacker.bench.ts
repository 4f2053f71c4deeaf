// The whole-report attacker over random cohorts (issue 12, item 1): builds the
// published report of each cohort of tests/privacy/random-cohort.ts (the
// Björkebo example plan, every section, with the analysis), solves for every
// hidden count, and prints the disclosed cells by table and the share of
// count cells shown. `npx tsx tests/privacy/report-attacker.bench.ts [from] [to]`
// (seeds, default 0–40). A measurement, not a test: the counts it prints are in
// docs/privacy.md. Deterministic: the cohorts come from their seeds.
import { analyse, compile } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { randomCohort, randomCohortPlan as plan } from './random-cohort.js';
import { attackReport, countCells } from './report-attacker.js';

const from = Number(process.argv[2] ?? 0);
const to = Number(process.argv[3] ?? 40);
let cells = 0;
let hidden = 0;
let disclosedCells = 0;
let cohortsWithDisclosure = 0;
let small = 0;
const byTable = new Map<string, number>();
for (let seed = from; seed < to; seed++) {
  const cohort = randomCohort(seed);
  const compilation = compile(plan, cohort.records);
  const model = buildReport(compilation, { locale: 'sv', plan, date: '2021-06-15' }, analyse(compilation));
  const published = countCells(model);
  cells += published.size;
  hidden += [...published.values()].filter((v) => v === null).length;
  const { disclosed } = attackReport(model);
  disclosedCells += disclosed.length;
  if (disclosed.length > 0) cohortsWithDisclosure++;
  small += disclosed.filter((d) => d.max <= 4 && d.min >= 1).length;
  for (const d of disclosed) byTable.set(d.cell.split('|')[0]!, (byTable.get(d.cell.split('|')[0]!) ?? 0) + 1);
  if (disclosed.length > 0) console.log(`seed ${seed} (${cohort.size} people, ${cohort.skew}): ${disclosed.map((d) => `${d.cell} ∈ [${d.min}, ${d.max}]`).join('; ')}`);
}
console.log(`\n${to - from} cohorts: ${cells} count cells, ${hidden} hidden (${((100 * (cells - hidden)) / cells).toFixed(1)} % shown)`);
console.log(`disclosed: ${disclosedCells} hidden cells in ${cohortsWithDisclosure} cohorts, ${small} of them within 1..4`);
console.log('by table:', Object.fromEntries([...byTable].sort((a, b) => b[1] - a[1])));
