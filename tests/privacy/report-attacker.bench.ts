// The whole-report attacker over random cohorts (issue 12, item 1): builds the
// published report of each cohort of tests/privacy/random-cohort.ts (the
// Björkebo example plan, every section, with the analysis), solves for every
// hidden count, and prints the time per cohort, the disclosed cells by table
// and by route (the relation families without which a cell is not disclosed,
// report-attacker.ts disclosureRoutes), and the share of count cells shown.
// `npx tsx tests/privacy/report-attacker.bench.ts [from] [to] [--yalps]`
// (seeds, default 0–200). With --yalps the previous solver
// (report-attacker-yalps.ts) is timed on the same relations in the same run,
// as the baseline. A measurement, not a test. Deterministic apart from the
// times: the cohorts come from their seeds.
import { analyse, compile } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { randomCohort, randomCohortPlan as plan } from './random-cohort.js';
import { countCells, disclosed as disclosedOf, disclosureRoutes, hiddenIntervals, reportRelations } from './report-attacker.js';
import { hiddenIntervalsYalps } from './report-attacker-yalps.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const yalps = process.argv.includes('--yalps');
const from = Number(args[0] ?? 0);
const to = Number(args[1] ?? 200);
const k = 5;
let cells = 0;
let hidden = 0;
let disclosedCells = 0;
let cohortsWithDisclosure = 0;
let small = 0;
const byTable = new Map<string, number>();
const byRoute = new Map<string, number>();
const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
// A relation family (report-attacker.ts relationFamily) in broad words, for the route summary.
const broad = (family: string): string =>
  /printed (q1|median|q3)/.test(family) ? 'printed quartiles' :
  /printed (mean|SD)/.test(family) ? 'printed mean/SD' :
  /distribution = n/.test(family) ? 'distribution = n' :
  /^views/.test(family) ? 'client views' :
  /^(attainment|background|dose)/.test(family) ? 'attainment and its breakdowns' :
  /^during/.test(family) ? 'weekly tables' :
  /^follow/.test(family) ? 'follow-up reach' :
  /withdrawn (during|before)/.test(family) ? 'withdrawals against the flow' :
  /^[a-z-]+: /.test(family) ? family.split(':')[0]! : 'flow steps';
// Time per cohort by size band: [ms HiGHS, ms yalps, cohorts].
const bands = [[5, 20], [21, 60], [61, 150], [151, 400]] as const;
const times = new Map<string, [number, number, number]>(bands.map(([a, b]) => [`${a}–${b}`, [0, 0, 0]]));
const ms = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
// The solver's first call compiles its WebAssembly: once, before the clock runs.
hiddenIntervals(new Map([['w|a|0', null]]), [{ terms: [['w|a|0', 1]], min: 1, max: 2, why: 'warm-up' }]);
for (let seed = from; seed < to; seed++) {
  const cohort = randomCohort(seed);
  const compilation = compile(plan, cohort.records);
  const model = buildReport(compilation, { locale: 'sv', plan, date: '2021-06-15' }, analyse(compilation));
  const published = countCells(model);
  const relations = reportRelations(model);
  cells += published.size;
  hidden += [...published.values()].filter((v) => v === null).length;
  let intervals: ReturnType<typeof hiddenIntervals> = [];
  const t = ms(() => (intervals = hiddenIntervals(published, relations)));
  const ty = yalps ? ms(() => hiddenIntervalsYalps(published, relations)) : 0;
  const band = bands.find(([a, b]) => cohort.size >= a && cohort.size <= b)!;
  const entry = times.get(`${band[0]}–${band[1]}`)!;
  entry[0] += t;
  entry[1] += ty;
  entry[2]++;
  const disclosed = disclosedOf(intervals, k);
  disclosedCells += disclosed.length;
  if (disclosed.length > 0) cohortsWithDisclosure++;
  small += disclosed.filter((d) => d.max <= k - 1 && d.min >= 1).length;
  for (const d of disclosed) {
    add(byTable, d.cell.split('|')[0]!);
    const routes = disclosureRoutes(published, relations, d.cell, k);
    add(byRoute, routes.length === 0 ? '(no single family needed: more than one route)' : [...new Set(routes.map(broad))].sort().join(' + '));
  }
  if (disclosed.length > 0) console.log(`seed ${seed} (${cohort.size} people, ${cohort.skew}): ${disclosed.map((d) => `${d.cell} ∈ [${d.min}, ${d.max}]`).join('; ')}`);
}
console.log(`\n${to - from} cohorts: ${cells} count cells, ${hidden} hidden (${((100 * (cells - hidden)) / cells).toFixed(1)} % shown)`);
console.log(`disclosed: ${disclosedCells} hidden cells in ${cohortsWithDisclosure} cohorts, ${small} of them within 1..${k - 1}`);
console.log('by table:', Object.fromEntries([...byTable].sort((a, b) => b[1] - a[1])));
console.log('by route:', Object.fromEntries([...byRoute].sort((a, b) => b[1] - a[1])));
console.log('\ntime per cohort (attack only, ms), by cohort size:');
for (const [band, [th, ty, n]] of times)
  if (n > 0) console.log(`  ${band} people, ${n} cohorts: HiGHS ${(th / n).toFixed(0)}${yalps ? `, yalps ${(ty / n).toFixed(0)} (yalps/HiGHS ${(ty / th).toFixed(2)})` : ''}`);
