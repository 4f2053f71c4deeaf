/**
 * Benchmark of validateCompilation on a large compilation: 5 age bands × 3
 * genders × 4 interventions (60 cells), a primary measure of 1001 grid
 * points (exact histograms: about 6,000 numbers per cell), two
 * during-measures of 52 weeks; 200,000 synthetic records compiled once, then
 * the compilation (as parsed JSON, the way one arrives from elsewhere)
 * validated RUNS times. Prints the median; asserts nothing about time.
 *
 * Run: npx tsx tests/bench/validate-compilation.bench.ts
 */
import { compile, parsePlan, seededRandom, validateCompilation, type ClientRecord, type PlanInput } from '../../src/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const N = Number(process.env.BENCH_RECORDS ?? 200_000);
const coded = (codes: string[]) => codes.map((code) => ({ code, label: { sv: code, en: code } }));

const planInput: PlanInput = {
  id: 'bench-validate',
  title: 'Benchmark',
  question: 'Cost of validating a received compilation',
  interventions: coded(['a', 'b', 'c', 'd']),
  targetGroup: 'synthetic',
  selection: { kind: 'all' },
  mainProblems: coded(['p1', 'p2', 'p3']),
  goalAreas: coded(['g1', 'g2']),
  instruments: [
    { id: 'fin', label: { sv: 'Fin', en: 'Fine' }, kind: 'interval', range: { min: 0, max: 100, step: 0.1 }, direction: 'higher_is_better' },
    { id: 'vecka', label: { sv: 'Vecka', en: 'Week' }, kind: 'ordinal', range: { min: 1, max: 5 }, direction: 'higher_is_better', minimalImportantChange: 1 },
  ],
  measures: { before: ['fin'], after: ['fin'] },
  primaryMeasure: 'fin',
  during: [
    { id: 'v1', label: { sv: 'V1', en: 'W1' }, instrument: 'vecka', weeks: 52, perWeek: 1 },
    { id: 'v2', label: { sv: 'V2', en: 'W2' }, instrument: 'vecka', weeks: 52, perWeek: 1 },
  ],
  goalRule: { kind: 'assessed', combine: 'all' },
  grouping: {
    ageBands: [{ from: 18, to: 24 }, { from: 25, to: 34 }, { from: 35, to: 44 }, { from: 45, to: 64 }, { from: 65 }],
    genders: coded(['kvinna', 'man', 'annat']),
  },
};
const plan = parsePlan(planInput);
const GENDERS = ['kvinna', 'man', 'annat'];
const INTERVENTIONS = ['a', 'b', 'c', 'd'];

function* records(n: number): Generator<ClientRecord> {
  const random = seededRandom('validate-bench');
  for (let i = 0; i < n; i++) {
    const u = random();
    const b = Math.round(random() * 1000) / 10;
    const record: ClientRecord = {
      planId: plan.id,
      clientId: `c${i}`,
      intervention: INTERVENTIONS[Math.floor(random() * 4)]!,
      enrolled: '2019-01-07',
      age: 18 + Math.floor(random() * 70),
      gender: GENDERS[Math.floor(random() * 3)]!,
      during: [{ kind: 'measure', measure: random() < 0.5 ? 'v1' : 'v2', date: '2019-02-01', value: 1 + Math.floor(random() * 5) }],
      followUps: [],
      before: { date: '2019-01-14', background: {}, mainProblem: 'p1', goals: [{ area: 'g1', statement: 'mål' }], measures: { fin: b } },
    };
    if (u < 0.1) record.withdrawal = { date: '2019-03-01', reason: 'breakdown' };
    else if (u < 0.9) {
      record.after = { date: '2019-06-10', reason: 'completed', measures: { fin: Math.round(random() * 1000) / 10 }, goalsMet: [random() < 0.6] };
    }
    yield record;
  }
}

const compilation = JSON.parse(JSON.stringify(compile(plan, records(N))));
if (compilation.invalid.total !== 0) throw new Error(`bench records invalid: ${JSON.stringify(compilation.invalid)}`);
const numbers = Object.values(compilation.counts as Record<string, number[]>).reduce((s, a) => s + a.length, 0);
const times: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const result = validateCompilation(compilation);
  times.push(performance.now() - t0);
  if (!result.success) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
}
times.sort((a, b) => a - b);
console.log(
  `validateCompilation: ${compilation.cells} cells, ${numbers} counts: median ${times[Math.floor(RUNS / 2)]!.toFixed(2)} ms, ` +
    `min ${times[0]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms (${RUNS} runs)`,
);
