/**
 * Benchmark of compile (step 5): 1,000,000 synthetic records grouped by age
 * band × gender × intervention (2 × 2 × 2 = 8 cells), against two baselines
 * measured in the same run on the same records:
 *
 * 1. the fastest honest hand-written loop we could write for this one plan:
 *    codes dictionary-encoded up front into small integers, every counter a
 *    slot in one typed array, no generality, no checks but counting each record once — the same counters as
 *    compile (flow, withdrawals, closing reasons, levels, goal status,
 *    histograms before/after/change, sums, main problems, goal areas);
 * 2. arquero 7's groupby/rollup computing the same counts over a columnar
 *    table (the table is built outside the timing, which favours arquero).
 *
 * Also: memory after 1,000,000 vs 100,000 records streamed from a generator,
 * and merging 290 compilations (one per Swedish municipality).
 *
 * And a richer plan (issue 10): three measures before and after (the primary,
 * AUDIT, DUDIT), the national client questionnaire at closing and a 12-month
 * follow-up point with the primary measured there, against a hand-written
 * loop that does the same counting on top of baseline 1 (each instrument's
 * histograms, moments and change direction, the follow-up status, the
 * primary at the point and its change there, each item's answer × attainment
 * level). Both hand-written loops also count each record once (a Map of
 * client ids, as compile does); the richer one is timed without that check
 * too. compile alone checks every field it reads (types, codes, scales,
 * dates): that cost is in its time and in no loop's. The two and compile on the base plan run interleaved, and the
 * minimum of several runs is kept, so load on the machine hits them alike;
 * it prints the ratio and what the new counters cost per record.
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
const gIdx: Record<string, number> = { kvinna: 0, man: 1 };
const iIdx: Record<string, number> = { 'f-cra': 0, mi: 1 };
const pIdx: Record<string, number> = { alkohol: 0, narkotika: 1, blandmissbruk: 2 };
const aIdx: Record<string, number> = { arbete: 0, boende: 1 };
const cIdx: Record<string, number> = { completed: 0, breakdown: 1, moved: 2, declined: 3, other: 4 };
/** What {@link countBase} found: a level 0–3, or one of these. */
const WITHDRAWN = -1;
const OPEN = -2;
const UNMEASURED = -3;

const cellOf = (x: ClientRecord): number => ((x.age <= 39 ? 0 : 1) * 2 + gIdx[x.gender]!) * 2 + iIdx[x.intervention]!;

/** The base plan's counters of one record at offset o; the level, or WITHDRAWN, OPEN, UNMEASURED. */
function countBase(acc: Float64Array, o: number, x: ClientRecord): number {
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
    return WITHDRAWN;
  }
  const a = x.after;
  if (!a) {
    acc[o + 2]! += 1;
    return OPEN;
  }
  acc[o + 3]! += 1;
  acc[o + 13 + cIdx[a.reason]!]! += 1;
  const va = a.measures['tilltro-nykterhet'];
  if (va === undefined) {
    acc[o + 26]! += 1;
    return UNMEASURED;
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
  return level;
}

/**
 * compile counts each record once (issue 10 item 6): a further copy of the
 * same (client, intervention, enrolment date) is not counted. The fastest
 * honest hand-written way: one Map per intervention from client id to
 * enrolment date, as compile keeps (the bench's records are all distinct, so
 * no array of dates is ever needed). Without it the loop does less than compile.
 */
function firstCopy(ids: Map<string, string>[], x: ClientRecord): boolean {
  const map = ids[iIdx[x.intervention]!]!;
  const known = map.get(x.clientId);
  if (known === x.enrolled) return false;
  map.set(x.clientId, x.enrolled);
  return true;
}

function handWritten(rs: readonly ClientRecord[], once = true): Float64Array {
  const acc = new Float64Array(8 * STRIDE);
  const ids = [new Map<string, string>(), new Map<string, string>()];
  for (let r = 0; r < rs.length; r++) {
    const x = rs[r]!;
    if (once && !firstCopy(ids, x)) continue;
    countBase(acc, cellOf(x) * STRIDE, x);
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

// ---- A richer plan: three measures, a client questionnaire, a follow-up point (issue 10).
const NR = Number(process.env.BENCH_RICH_RECORDS ?? Math.min(N, 250_000));
const RICH_RUNS = Number(process.env.BENCH_RICH_RUNS ?? 7);
const richPlan = parsePlan({
  ...planInput,
  id: 'bench',
  measures: { before: ['tilltro-nykterhet', 'audit', 'dudit'], after: ['tilltro-nykterhet', 'audit', 'dudit'] },
  minimalChange: { audit: 3, dudit: 3 },
  clientViews: { template: 'national' },
  followUps: [{ id: '12m', label: { sv: '12 månader efter', en: '12 months after' }, monthsAfter: 12, windowDays: 30, measures: ['tilltro-nykterhet'] }],
});
const AGREE_ITEMS = ['respekt', 'lyssnad', 'information', 'inflytande', 'nojd'] as const;
const STATUSES = ['reached', 'not_reached', 'declined'] as const;

/** The base records with AUDIT and DUDIT before and after, answers at closing and a 12-month follow-up. */
function* richRecords(n: number, seed: string): Generator<ClientRecord> {
  const random = seededRandom(`${seed}-rich`);
  for (const x of records(n, seed)) {
    // Built as literals in one key order, as the base records are, so property reads stay monomorphic.
    const b = x.before!;
    const record: ClientRecord = {
      planId: x.planId,
      clientId: x.clientId,
      intervention: x.intervention,
      enrolled: x.enrolled,
      age: x.age,
      gender: x.gender,
      during: [],
      followUps: [],
      before: {
        date: b.date,
        background: {},
        mainProblem: b.mainProblem,
        goals: b.goals,
        measures: { 'tilltro-nykterhet': b.measures['tilltro-nykterhet']!, audit: Math.floor(random() * 41), dudit: Math.floor(random() * 45) },
      },
    };
    if (x.withdrawal) record.withdrawal = x.withdrawal;
    else if (x.after) {
      const primary = x.after.measures['tilltro-nykterhet'];
      const views: Record<string, number | boolean> = {};
      for (const item of AGREE_ITEMS) if (random() < 0.9) views[item] = Math.floor(random() * 5); // 0 = Vet inte
      const r = random();
      if (r < 0.8) views.rekommendera = r < 0.6;
      else if (r < 0.9) views.rekommendera = 0;
      record.after = {
        date: x.after.date,
        reason: x.after.reason,
        measures: primary === undefined ? {} : { 'tilltro-nykterhet': primary, audit: Math.floor(random() * 41), dudit: Math.floor(random() * 45) },
        goalsMet: x.after.goalsMet,
        views,
      };
      const s = random();
      const status = STATUSES[s < 0.7 ? 0 : s < 0.85 ? 1 : 2]!;
      const measures: Record<string, number> = status === 'reached' && random() < 0.9 ? { 'tilltro-nykterhet': 1 + Math.floor(random() * 5) } : {};
      if (s < 0.95) record.followUps = [{ point: '12m', date: '2020-06-15', status, measures }];
    }
    yield record;
  }
}

// Per cell, after baseline 1's counters: per instrument (AUDIT 41 bins, DUDIT 45), before and after
// histograms with n, Σk, Σk², the change histogram with its moments, the before moments of the
// pairs and the direction (improved, unchanged, worsened); the primary at 12 months and its change;
// the follow-up status; each item's rows (answers, Vet inte, not answered) × 5 columns.
const instrumentWidth = (bins: number): number => 2 * (bins + 3) + (2 * bins - 1) + 3 + 3 + 3;
const AUDIT_AT = 0;
const DUDIT_AT = AUDIT_AT + instrumentWidth(41);
const POINT_AT = DUDIT_AT + instrumentWidth(45);
const STATUS_AT = POINT_AT + 5 + 3 + 9 + 3 + 3 + 3;
const VIEWS_AT = STATUS_AT + 4;
const RICH_STRIDE = VIEWS_AT + 5 * 6 * 5 + 4 * 5;

function moments(acc: Float64Array, at: number, k: number): void {
  acc[at]! += 1;
  acc[at + 1]! += k;
  acc[at + 2]! += k * k;
}

/** A change kb → ka of a measure with `bins` values (lower is better when sign = −1) at offset at. */
function countChange(acc: Float64Array, at: number, bins: number, kb: number, ka: number, mic: number, sign: number): void {
  const index = ka - kb + bins - 1;
  acc[at + index]! += 1;
  const m = at + 2 * bins - 1;
  moments(acc, m, index);
  moments(acc, m + 3, kb);
  const improvement = (ka - kb) * sign;
  acc[m + 6 + (improvement >= mic ? 0 : improvement <= -mic ? 2 : 1)]! += 1;
}

/** An instrument's before value kb and after value ka (−1: none) at offset at. */
function countInstrument(acc: Float64Array, at: number, bins: number, kb: number, ka: number): void {
  acc[at + kb]! += 1;
  moments(acc, at + bins, kb);
  if (ka < 0) return;
  const after = at + bins + 3;
  acc[after + ka]! += 1;
  moments(acc, after + bins, ka);
  countChange(acc, after + bins + 3, bins, kb, ka, 3, -1);
}

function handWrittenRich(rs: readonly ClientRecord[], once = true): { base: Float64Array; rich: Float64Array } {
  const base = new Float64Array(8 * STRIDE);
  const rich = new Float64Array(8 * RICH_STRIDE);
  const ids = [new Map<string, string>(), new Map<string, string>()];
  for (let r = 0; r < rs.length; r++) {
    const x = rs[r]!;
    if (once && !firstCopy(ids, x)) continue;
    const cell = cellOf(x);
    const level = countBase(base, cell * STRIDE, x);
    const o = cell * RICH_STRIDE;
    const bm = x.before!.measures;
    const closed = level !== WITHDRAWN && level !== OPEN;
    const am = closed ? x.after!.measures : undefined;
    countInstrument(rich, o + AUDIT_AT, 41, bm.audit!, am?.audit ?? -1);
    countInstrument(rich, o + DUDIT_AT, 45, bm.dudit!, am?.dudit ?? -1);
    if (!closed) continue;
    const f = x.followUps[0];
    rich[o + STATUS_AT + (f === undefined ? 3 : f.status === 'reached' ? 0 : f.status === 'not_reached' ? 1 : 2)]! += 1;
    const v = f?.measures?.['tilltro-nykterhet'];
    if (v !== undefined) {
      const kp = v - 1;
      rich[o + POINT_AT + kp]! += 1;
      moments(rich, o + POINT_AT + 5, kp);
      countChange(rich, o + POINT_AT + 8, 5, bm['tilltro-nykterhet']! - 1, kp, 1, 1);
    }
    const column = level === UNMEASURED ? 4 : level;
    const views = x.after!.views!;
    for (let i = 0; i < AGREE_ITEMS.length; i++) {
      const answer = views[AGREE_ITEMS[i]!] as number | undefined;
      const row = answer === undefined ? 5 : answer === 0 ? 4 : 4 - answer;
      rich[o + VIEWS_AT + i * 30 + row * 5 + column]! += 1;
    }
    const yes = views.rekommendera;
    const row = yes === undefined ? 3 : yes === true ? 0 : yes === false ? 1 : 2;
    rich[o + VIEWS_AT + 150 + row * 5 + column]! += 1;
  }
  return { base, rich };
}

const sum = (xs: ArrayLike<number>, from = 0, to = xs.length): number => {
  let t = 0;
  for (let i = from; i < to; i++) t += xs[i]!;
  return t;
};
/** The sum over every cell of a block [from, from + width) of a per-cell stride. */
const blockSum = (xs: ArrayLike<number>, stride: number, from: number, width: number): number => {
  let t = 0;
  for (let c = 0; c < 8; c++) t += sum(xs, c * stride + from, c * stride + from + width);
  return t;
};

console.log(`\nricher plan: 3 measures, the national questionnaire (6 items), a 12-month follow-up; ${NR.toLocaleString('en')} records`);
const richData = [...richRecords(NR, 'bench')];
const baseData = data.slice(0, NR);
const richOurs = compile(richPlan, richData);
const richHand = handWrittenRich(richData);
// The same counting, checked before any time is read: nothing refused, and the totals agree.
const agree: [string, number, number][] = [
  ['invalid', richOurs.invalid.total, 0],
  ['levels', sum(richOurs.counts.levels), blockSum(richHand.base, STRIDE, 18, 4)],
  ['view answers', sum(richOurs.counts.views), blockSum(richHand.rich, RICH_STRIDE, VIEWS_AT, RICH_STRIDE - VIEWS_AT)],
  ['follow-up statuses', sum(richOurs.counts.followUps), blockSum(richHand.rich, RICH_STRIDE, STATUS_AT, 4)],
];
for (const [what, a, b] of agree) if (a !== b) throw new Error(`richer plan: compile and the hand-written loop disagree on ${what}: ${a} vs ${b}`);

const mins = { rich: Infinity, hand: Infinity, base: Infinity, handBase: Infinity, handCounting: Infinity };
compile(richPlan, richData); // warm-up
handWrittenRich(richData);
for (let i = 0; i < RICH_RUNS; i++) {
  for (const [key, fn] of [
    ['rich', () => compile(richPlan, richData)],
    ['hand', () => handWrittenRich(richData)],
    ['base', () => compile(plan, baseData)],
    ['handBase', () => handWritten(baseData)],
    ['handCounting', () => handWrittenRich(richData, false)],
  ] as const) {
    const t0 = performance.now();
    fn();
    mins[key] = Math.min(mins[key], performance.now() - t0);
  }
}
const ns = (ms: number) => ((ms * 1e6) / NR).toFixed(0);
console.log(`compile, richer plan                         ${mins.rich.toFixed(1).padStart(8)} ms (min of ${RICH_RUNS}, interleaved)`);
console.log(`hand-written loop, same counting (baseline)  ${mins.hand.toFixed(1).padStart(8)} ms`);
console.log(`compile, base plan, same records             ${mins.base.toFixed(1).padStart(8)} ms`);
console.log(`hand-written loop without the duplicate check ${mins.handCounting.toFixed(1).padStart(7)} ms`);
console.log(`compile / hand-written loop (richer plan):   ${(mins.rich / mins.hand).toFixed(2)}× the time   (target ≤ 2×)`);
console.log(`  against the loop without the duplicate check: ${(mins.rich / mins.handCounting).toFixed(2)}× (compile also checks every field; neither loop does)`);
console.log(`the new counters cost:                       ${ns(mins.rich - mins.base)} ns per record (${ns(mins.base)} → ${ns(mins.rich)} ns)`);
console.log(`  in the hand-written loop:                  ${ns(mins.hand - mins.handBase)} ns per record (${ns(mins.handBase)} → ${ns(mins.hand)} ns)`);
