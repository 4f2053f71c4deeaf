/**
 * How fast the streaming import is on a large export (issue 11 item 4).
 *
 * A seeded N-row export (default 1,000,000) is written to os.tmpdir(): the
 * Björkebo clean export's rows drawn at random (mulberry32, seed 11), each
 * with its own client id and age. Then, interleaved, minimum of RUNS:
 *  (a) papaparse and a plain counting loop over the same file (rows by the
 *      gender column, ages summed): papaparse's streaming `step` on a file
 *      stream, and `Papa.parse` of the whole text; the faster is the baseline;
 *  (b) the project's path: `importCsvStream` → compile on a file stream.
 * The ratio (b) / (a) is printed (target ≤ 1). Peak RSS of (b) at 1 M and
 * 5 M rows is measured in a child process, the export generated as a stream
 * into the import (not written to disk; target < 250 MB), twice: under tsx,
 * as the tests run (its TypeScript loader and the transpiled sources
 * included, about 140 MB before the first row), and as one JavaScript file
 * bundled by esbuild (npm packages left as imports) under plain node, as the
 * built library and CLI run. The child loads neither papaparse nor esbuild.
 *
 * Run: npm run bench:import [N] [RUNS]
 */
import { createReadStream, createWriteStream, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { ParseStepResult } from 'papaparse';
import { once } from 'node:events';
import { CsvMappingSchema, importCsvStream, parsePlan } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'cli');
const plan = parsePlan(bjorkeboPlan);
const mapping = CsvMappingSchema.parse(JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')));
const [header, ...rows] = readFileSync(join(dir, 'clean.csv'), 'utf8').trimEnd().split('\n');

/** mulberry32: a small seeded generator, so every run reads the same export. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The export, 10,000 rows a chunk: header, then rows drawn at random, each with its own id and an age of 18–79. */
export function* exportChunks(n: number): Generator<Uint8Array> {
  const next = random(11);
  const encoder = new TextEncoder();
  yield encoder.encode(`${header}\n`);
  for (let i = 0; i < n; i += 10_000) {
    const part: string[] = [];
    for (let k = i; k < Math.min(n, i + 10_000); k++) {
      const fields = rows[Math.floor(next() * rows.length)]!.split(',');
      fields[0] = `bench-${k}`;
      fields[2] = String(18 + Math.floor(next() * 62));
      part.push(fields.join(','));
    }
    yield encoder.encode(`${part.join('\n')}\n`);
  }
}

/**
 * This process's peak RSS in MB: on Linux the high-water mark of its own memory
 * (`VmHWM`); `process.resourceUsage().maxRSS` there also counts the parent's
 * RSS at the fork (a child of a 343 MB parent starts at 304 MB by it, 43 MB by
 * VmHWM). Elsewhere maxRSS.
 */
function peakRssMB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm !== null) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** (b): the streaming import and compile of a byte source. */
async function project(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
  const result = await importCsvStream(plan, { clients: source }, mapping);
  return { rows: result.rows, valid: result.valid, selected: result.compilation.counts.flow.length };
}

if (process.argv[2] === '--child') {
  const n = Number(process.argv[3]);
  const baseRssMB = peakRssMB();
  const t0 = performance.now();
  const r = await project(exportChunks(n));
  const s = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ n, rows: r.rows, valid: r.valid, seconds: s, maxRssMB: peakRssMB(), baseRssMB }));
  process.exit(0);
}

// Loaded only here, not in the child: the CLI loads neither, so they are not in its peak RSS.
const { default: Papa } = await import('papaparse');
const { build } = await import('esbuild');

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.argv[3] ?? 3);
const file = join(tmpdir(), `uppfoljning-bench-${N}.csv`);
const out = createWriteStream(file);
for (const chunk of exportChunks(N)) if (!out.write(chunk)) await once(out, 'drain');
out.end();
await once(out, 'finish');

const GENDER = header!.split(',').indexOf('Kön');
const AGE = header!.split(',').indexOf('Ålder');

/** (a1): papaparse streaming, a step per row, counting rows by gender and summing ages. */
function papaStream(): Promise<number> {
  return new Promise((resolve, reject) => {
    const byGender = new Map<string, number>();
    let ages = 0;
    let n = 0;
    let first = true;
    Papa.parse(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as File, {
      step: (r: ParseStepResult<string[]>) => {
        if (first) return void (first = false);
        const row = r.data;
        byGender.set(row[GENDER]!, (byGender.get(row[GENDER]!) ?? 0) + 1);
        ages += Number(row[AGE]);
        n++;
      },
      complete: () => resolve(n + (ages > 0 ? 0 : 0)),
      error: reject,
    });
  });
}

/** (a2): the whole text read, then Papa.parse of it and the same counting loop. */
function papaWhole(): number {
  const text = readFileSync(file, 'utf8');
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const byGender = new Map<string, number>();
  let ages = 0;
  for (let i = 1; i < data.length; i++) {
    const row = data[i]!;
    byGender.set(row[GENDER]!, (byGender.get(row[GENDER]!) ?? 0) + 1);
    ages += Number(row[AGE]);
  }
  return data.length - 1 + (ages > 0 ? 0 : 0);
}

const time = async (f: () => Promise<unknown> | unknown) => {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
};

const best = { papaStream: Infinity, papaWhole: Infinity, project: Infinity };
for (let run = 0; run < RUNS; run++) {
  const a1 = await time(papaStream);
  const a2 = await time(papaWhole);
  const b = await time(() => project(createReadStream(file, { highWaterMark: 1 << 20 })));
  best.papaStream = Math.min(best.papaStream, a1.ms);
  best.papaWhole = Math.min(best.papaWhole, a2.ms);
  best.project = Math.min(best.project, b.ms);
  console.log(`run ${run + 1}: papaparse step ${(a1.ms / 1000).toFixed(2)} s (${a1.value} rows), papaparse whole ${(a2.ms / 1000).toFixed(2)} s, importCsvStream → compile ${(b.ms / 1000).toFixed(2)} s (${JSON.stringify(b.value)})`);
}
rmSync(file);
const baseline = Math.min(best.papaStream, best.papaWhole);
console.log(
  `${N.toLocaleString('en')} rows, min of ${RUNS}: papaparse + counting loop ${(baseline / 1000).toFixed(2)} s (${best.papaStream <= best.papaWhole ? 'step' : 'whole'}), ` +
    `importCsvStream → compile ${(best.project / 1000).toFixed(2)} s: ratio ${(best.project / baseline).toFixed(2)} (target ≤ 1)`,
);
// This file bundled, beside node_modules so that its packages resolve; the paths it reads its fixtures by stay this file's.
const bundle = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'uppfoljning-bench', 'import.bench.mjs');
if (!process.argv.includes('--no-rss')) {
  await build({
    entryPoints: [import.meta.filename],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    define: { 'import.meta.dirname': JSON.stringify(import.meta.dirname), 'import.meta.filename': JSON.stringify(bundle) },
    logLevel: 'error',
  });
}
for (const n of [1_000_000, 5_000_000]) {
  if (process.argv.includes('--no-rss')) break;
  for (const [how, args] of [['under tsx', ['--import', 'tsx', import.meta.filename]], ['bundled, plain node', [bundle]]] as const) {
    const child = execFileSync(process.execPath, [...args, '--child', String(n)], { encoding: 'utf8' });
    const r = JSON.parse(child.trim().split('\n').at(-1)!) as { n: number; seconds: number; maxRssMB: number; baseRssMB: number };
    console.log(`peak RSS of importCsvStream → compile at ${n.toLocaleString('en')} rows, ${how}: ${r.maxRssMB.toFixed(0)} MB (target < 250; ${r.baseRssMB.toFixed(0)} MB before the first row), ${r.seconds.toFixed(1)} s`);
  }
}
