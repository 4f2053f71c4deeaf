/**
 * Benchmark of analyse on a compilation of about a million clients: the
 * Björkebo example's compilation merged with itself 15 times (2^15 copies,
 * exact, since merge adds integer counters). Its subgroup comparisons include
 * Fisher's 2×2 test on goal met by gender with margins in the hundreds of
 * thousands, whose odds-ratio interval once ran its noncentral hypergeometric
 * over every value the first cell could take (issue 11, item 6).
 *
 * Then the report: analyse plus buildReport plus renderHtml (the charts
 * rendered to SVG by vega), the issue's target being under 2 s for any
 * compilation; the minimum of several runs is printed, so that load on the
 * shared machine shows as spread rather than as the figure.
 *
 * Run: npm run bench:analyse   (prints figures; asserts nothing about time)
 */
import { analyse, compile, fisherExact2x2, mergeCompilations, parsePlan } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { buildReport, renderHtml } from '../../src/report/index.js';

const plan = parsePlan(bjorkeboPlan);
let compilation = compile(plan, bjorkeboCohort(plan));
for (let i = 0; i < Number(process.env.BENCH_DOUBLINGS ?? 15); i++) compilation = mergeCompilations([compilation, compilation]);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const times: number[] = [];
let analysis: ReturnType<typeof analyse> | undefined;
for (let r = 0; r < RUNS; r++) {
  const start = performance.now();
  analysis = analyse(compilation);
  times.push(performance.now() - start);
}
const gender = analysis!.subgroups.find((s) => s.dimension === 'gender');
console.log(`analyse on ${gender?.groups.reduce((n, g) => n + g.classified, 0)} classified clients: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
// The same Fisher test alone, on the table analyse builds (goal met, not met, by gender).
const table = gender!.groups.map((g) => [g.goalMet.count, g.goalMet.n - g.goalMet.count]) as [[number, number], [number, number]];
const fisherTimes: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const start = performance.now();
  fisherExact2x2(table);
  fisherTimes.push(performance.now() - start);
}
console.log(`fisherExact2x2(${JSON.stringify(table)}): ${fisherTimes.map((t) => t.toFixed(0)).join(', ')} ms`);

// analyse + renderHtml, as the report command runs them (the model built from the analysis).
const reportTimes: { analyse: number; html: number }[] = [];
let html = '';
for (let r = 0; r < RUNS; r++) {
  const start = performance.now();
  const a = analyse(compilation);
  const analysed = performance.now();
  html = await renderHtml(buildReport(compilation, { locale: 'sv', date: '2026-12-02' }, a));
  reportTimes.push({ analyse: analysed - start, html: performance.now() - analysed });
}
const total = reportTimes.map((t) => t.analyse + t.html);
const min = Math.min(...total);
console.log(
  `analyse + renderHtml (${(html.length / 1024).toFixed(0)} KB): ${reportTimes.map((t) => `${(t.analyse + t.html).toFixed(0)} (${t.analyse.toFixed(0)} + ${t.html.toFixed(0)})`).join(', ')} ms; ` +
    `min ${min.toFixed(0)} ms, target 2000 ms: ${min < 2000 ? 'met' : 'NOT met'}`,
);
