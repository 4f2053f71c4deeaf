/**
 * Benchmark of compile (step 5): 1,000,000 synthetic records grouped by age
 * band × gender × intervention (2 × 2 × 2 = 8 cells), against two baselines
 * measured in the same run on the same records:
 *
 * 1. the fastest honest hand-written loop we could write for this one plan:
 *    codes dictionary-encoded up front into small integers, every counter a
 *    slot in one typed array, no generality, no checks — the same counters as
 *    compile (flow, withdrawals, closing reasons, levels, goal status,
 *    histograms before/after/change, sums, main problems, goal areas);
 * 2. arquero 7's groupby/rollup computing the same counts over a columnar
 *    table (the table is built outside the timing, which favours arquero).
 *
 * Also: memory after 1,000,000 vs 100,000 records streamed from a generator,
 * and merging 290 compilations (one per Swedish municipality).
 *
 * Run: npm run bench   (prints figures; it asserts nothing about time)
 */
import * as aq from 'arquero';
import { compile, mergeCompilations, parsePlan, seededRandom, type ClientRecord, type PlanInput } from '../../src/index.js';

const N = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const planInput: PlanInput = {
  id: 'bench',
  title: 'Benchmark',
  question: 'Throughput of compile',
  interventions: [
    { code: 'f-cra', label: { sv: 'F-CRA', en: 'F-CRA' } },
    { code: 'mi', label: { sv: 'MI', en: 'MI' } },
  ],
  targetGroup: 'synthetic',
  selection: { kind: 'all' },
  mainProblems: [
    { code: 'alkohol', label: { sv: 'Alkohol', en: 'Alcohol' } },
    { code: 'narkotika', label: { sv: 'Narkotika', en: 'Drugs' } },
    { code: 'blandmissbruk', label: { sv: 'Blandmissbruk', en: 'Polysubstance' } },
  ],
  goalAreas: [
    { code: 'arbete', label: { sv: 'Arbete', en: 'Work' } },
    { code: 'boende', label: { sv: 'Boende', en: 'Housing' } },
  ],
  measures: { before: ['tilltro-nykterhet'], after: ['tilltro-nykterhet'] },
  primaryMeasure: 'tilltro-nykterhet',
  goalRule: { kind: 'assessed', combine: 'all' },
  grouping: { ageBands: [{ from: 18, to: 39 }, { from: 40 }] },
};
const plan = parsePlan(planInput);

const PROBLEMS = ['alkohol', 'narkotika', 'blandmissbruk'] as const;
const AREAS = ['arbete', 'boende'] as const;

function* records(n: number, seed: string): Generator<ClientRecord> {
  const random = seededRandom(seed);
  for (let i = 0; i < n; i++) {
    const u = random();
    const b = 1 + Math.floor(random() * 5);
    const a = Math.min(5, Math.max(1, b + Math.floor(random() * 4) - 1));
    const record: ClientRecord = {
      planId: 'bench',
      clientId: `c${i}`,
      intervention: random() < 0.5 ? 'f-cra' : 'mi',
      enrolled: '2019-01-07',
      age: 18 + Math.floor(random() * 60),
      gender: random() < 0.4 ? 'kvinna' : 'man',
      during: [],
      followUps: [],
      before: {
        date: '2019-01-14',
        background: {},
        mainProblem: PROBLEMS[Math.floor(random() * 3)]!,
        goals: [{ area: AREAS[Math.floor(random() * 2)]!, statement: 'mål' }],
        measures: { 'tilltro-nykterhet': b },
      },
    };
    if (u < 0.1) record.withdrawal = { date: '2019-03-01', reason: 'breakdown' };
    else if (u < 0.95) {
      record.after = {
        date: '2019-06-10',
        reason: u < 0.9 ? 'completed' : 'moved',
        measures: u < 0.93 ? { 'tilltro-nykterhet': a } : {},
        goalsMet: [random() < 0.5],
      };
    }
    yield record;
  }
}

// ---- Baseline 1: a hand-written loop for this plan, into one typed array.
const STRIDE = 5 + 8 + 5 + 4 + 4 + 3 + 5 + 5 + 9 + 5 + 12 + 3 + 3;
function handWritten(rs: readonly ClientRecord[]): Float64Array {
  const acc = new Float64Array(8 * STRIDE);
  const gIdx: Record<string, number> = { kvinna: 0, man: 1 };
  const iIdx: Record<string, number> = { 'f-cra': 0, mi: 1 };
  const pIdx: Record<string, number> = { alkohol: 0, narkotika: 1, blandmissbruk: 2 };
  const aIdx: Record<string, number> = { arbete: 0, boende: 1 };
  const cIdx: Record<string, number> = { completed: 0, breakdown: 1, moved: 2, declined: 3, other: 4 };
  for (let r = 0; r < rs.length; r++) {
    const x = rs[r]!;
    const cell = ((x.age <= 39 ? 0 : 1) * 2 + gIdx[x.gender]!) * 2 + iIdx[x.intervention]!;
    const o = cell * STRIDE;
    acc[o]! += 1;
    acc[o + 1]! += 1;
    const b = x.before!;
    const kb = b.measures['tilltro-nykterhet']! - 1;
    acc[o + 18 + 4 + 4 + 3 + kb]! += 1; // before histogram
    acc[o + 56]! += 1;
    acc[o + 57]! += kb;
    acc[o + 58]! += kb * kb;
    acc[o + 68 + pIdx[b.mainProblem]!]! += 1;
    const goals = b.goals;
    for (let g = 0; g < goals.length; g++) acc[o + 71 + aIdx[goals[g]!.area!]!]! += 1;
    if (x.withdrawal) {
      acc[o + 5 + 1]! += 1;
      acc[o + 42 + kb]! += 1;
      continue;
    }
    const a = x.after;
    if (!a) {
      acc[o + 2]! += 1;
      continue;
    }
    acc[o + 3]! += 1;
    acc[o + 13 + cIdx[a.reason]!]! += 1;
    const va = a.measures['tilltro-nykterhet'];
    if (va === undefined) {
      acc[o + 26]! += 1;
      continue;
    }
    const ka = va - 1;
    acc[o + 34 + ka]! += 1;
    acc[o + 47 + ka - kb + 4]! += 1;
    acc[o + 59]! += 1;
    acc[o + 60]! += ka;
    acc[o + 61]! += ka * ka;
    const d = ka - kb;
    acc[o + 62]! += 1;
    acc[o + 63]! += d;
    acc[o + 64]! += d * d;
    const goalsMet = a.goalsMet!;
    let met = true;
    for (let g = 0; g < goalsMet.length; g++) met = met && goalsMet[g]!;
    const level = d >= 1 ? (met ? 0 : 1) : d <= -1 ? 3 : 2;
    acc[o + 4]! += 1;
    acc[o + 18 + level]! += 1;
    acc[o + 22 + (met ? 0 : 2)]! += 1;
  }
  return acc;
}

// ---- Baseline 2: arquero groupby/rollup over columns.
function columns(rs: readonly ClientRecord[]) {
  const n = rs.length;
  const col = () => new Array<number | null>(n);
  const c = {
    band: col(), gender: col(), intervention: col(), withdrawn: col(), closed: col(), reason: col(),
    before: col(), after: col(), change: col(), level: col(), met: col(), problem: col(), area: col(),
  };
  const cIdx: Record<string, number> = { completed: 0, breakdown: 1, moved: 2, declined: 3, other: 4 };
  rs.forEach((x, i) => {
    const kb = x.before!.measures['tilltro-nykterhet']! - 1;
    const a = x.withdrawal ? undefined : x.after;
    const va = a?.measures['tilltro-nykterhet'];
    const d = va === undefined ? null : va - 1 - kb;
    const met = a?.goalsMet?.every(Boolean) ?? null;
    c.band[i] = x.age <= 39 ? 0 : 1;
    c.gender[i] = x.gender === 'kvinna' ? 0 : 1;
    c.intervention[i] = x.intervention === 'f-cra' ? 0 : 1;
    c.withdrawn[i] = x.withdrawal ? 1 : 0;
    c.closed[i] = a ? 1 : 0;
    c.reason[i] = a ? cIdx[a.reason]! : null;
    c.before[i] = kb;
    c.after[i] = va === undefined ? null : va - 1;
    c.change[i] = d;
    c.level[i] = d === null ? null : d >= 1 ? (met ? 0 : 1) : d <= -1 ? 3 : 2;
    c.met[i] = met === null ? null : met ? 1 : 0;
    c.problem[i] = ['alkohol', 'narkotika', 'blandmissbruk'].indexOf(x.before!.mainProblem);
    c.area[i] = x.before!.goals[0]!.area === 'arbete' ? 0 : 1;
  });
  return aq.table(c);
}

function arqueroRollup(table: ReturnType<typeof columns>) {
  const spec: Record<string, string> = {
    selected: 'd => op.count()',
    withdrawn: 'd => op.sum(d.withdrawn)',
    closed: 'd => op.sum(d.closed)',
    classified: 'd => op.valid(d.level)',
    beforeSum: 'd => op.sum(d.before)',
    beforeSq: 'd => op.sum(d.before * d.before)',
    afterN: 'd => op.valid(d.after)',
    afterSum: 'd => op.sum(d.after)',
    afterSq: 'd => op.sum(d.after * d.after)',
    changeSum: 'd => op.sum(d.change)',
    changeSq: 'd => op.sum(d.change * d.change)',
  };
  for (let k = 0; k < 5; k++) {
    spec[`before${k}`] = `d => op.sum(d.before === ${k} ? 1 : 0)`;
    spec[`after${k}`] = `d => op.sum(d.after === ${k} ? 1 : 0)`;
    spec[`withdrawnBefore${k}`] = `d => op.sum(d.withdrawn === 1 && d.before === ${k} ? 1 : 0)`;
    spec[`reason${k}`] = `d => op.sum(d.reason === ${k} ? 1 : 0)`;
  }
  for (let k = -4; k <= 4; k++) spec[`change${k + 4}`] = `d => op.sum(d.change === ${k} ? 1 : 0)`;
  for (let k = 0; k < 4; k++) spec[`level${k}`] = `d => op.sum(d.level === ${k} ? 1 : 0)`;
  for (let k = 0; k < 3; k++) spec[`problem${k}`] = `d => op.sum(d.problem === ${k} ? 1 : 0)`;
  for (let k = 0; k < 2; k++) spec[`area${k}`] = `d => op.sum(d.area === ${k} ? 1 : 0)`;
  spec.met = 'd => op.sum(d.met)';
  return table.groupby('band', 'gender', 'intervention').rollup(spec);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(label: string, runs: number, fn: () => unknown): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const m = median(times);
  console.log(`${label.padEnd(44)} ${m.toFixed(1).padStart(8)} ms (median of ${runs})`);
  return m;
}

function heapAfter(n: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const compilation = compile(plan, records(n, 'heap'));
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (compilation.cells !== 8) throw new Error('unexpected');
  return after - before;
}

console.log(`uppfoljning compile benchmark: ${N.toLocaleString('en')} records, 8 cells, node ${process.version}\n`);
const data = [...records(N, 'bench')];

// The three must agree before their times mean anything.
const ours = compile(plan, data);
const hand = handWritten(data);
const oursLevels = ours.counts.levels.reduce((a, b) => a + b, 0);
let handLevels = 0;
for (let c = 0; c < 8; c++) for (let k = 0; k < 4; k++) handLevels += hand[c * STRIDE + 18 + k]!;
const table = columns(data);
const rolled = arqueroRollup(table).objects() as Record<string, number>[];
const aqLevels = rolled.reduce((s, r) => s + r.level0! + r.level1! + r.level2! + r.level3!, 0);
if (oursLevels !== handLevels || oursLevels !== aqLevels) {
  throw new Error(`baselines disagree: compile ${oursLevels}, hand-written ${handLevels}, arquero ${aqLevels}`);
}

const tOurs = time('compile (uppfoljning)', RUNS, () => compile(plan, data));
const tHand = time('hand-written typed-array loop (baseline)', RUNS, () => handWritten(data));
const tAq = time('arquero 7 groupby/rollup (baseline)', Math.max(1, Math.floor(RUNS / 2)), () => arqueroRollup(table).objects());

console.log('');
console.log(`compile throughput:            ${Math.round(N / (tOurs / 1000)).toLocaleString('en')} records/s`);
console.log(`compile / hand-written loop:   ${(tOurs / tHand).toFixed(2)}× the time   (target ≤ 2×)`);
console.log(`arquero / compile:             ${(tAq / tOurs).toFixed(1)}× faster than arquero   (target ≥ 10×)`);

// Merging 290 compilations.
const parts = Array.from({ length: 290 }, (_, i) => compile(plan, records(200, `kommun-${i}`)));
const tMerge = time('merge 290 compilations', RUNS, () => mergeCompilations(parts));
console.log(`merge of 290 compilations:     ${tMerge.toFixed(1)} ms   (target < 100 ms)`);

// Memory: a compilation's size depends on the cells, not the records.
if (typeof (globalThis as { gc?: unknown }).gc === 'function') {
  const small = median([heapAfter(100_000), heapAfter(100_000), heapAfter(100_000)]);
  const large = median([heapAfter(N), heapAfter(N), heapAfter(N)]);
  console.log(`heap growth after 100,000 records:   ${(small / 1024).toFixed(0)} KiB`);
  console.log(`heap growth after ${N.toLocaleString('en')} records: ${(large / 1024).toFixed(0)} KiB   (target: no larger, beyond noise)`);
  console.log(`compilation JSON size:         ${(JSON.stringify(ours).length / 1024).toFixed(1)} KiB`);
} else {
  console.log('heap: run with node --expose-gc to measure');
}
