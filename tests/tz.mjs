// Runs the whole test suite once per time zone: calendar dates must give the
// same answers everywhere. Prints one plain closing line with the totals.
// One fast-check seed for all the zones (FC_SEED, or a fresh one), printed
// with each zone, so `FC_SEED=… npm test` replays a run.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const zones = (process.env.TEST_TZS ?? 'UTC,America/Los_Angeles,Pacific/Kiritimati,Europe/Stockholm').split(',');
const extra = process.argv.slice(2);
const seed = process.env.FC_SEED || String(randomInt(2 ** 31));
const dir = mkdtempSync(join(tmpdir(), 'uppfoljning-tests-'));
let passed = 0;
let failed = 0;
let status = 0;
// The whole suite in the first zone; in the others, the unit tests of the folders whose code reads or computes dates
// (DATED: the plan's periods and windows, ages, identity numbers, the import's date cells, compile, the CLI and the
// example end to end). The rest — report, privacy, analyse, stats, docs — works on compilations, which hold no dates,
// and tests/architecture/dates.test.ts fails if their code ever touches one. TEST_ALL_ZONES=1 runs everything everywhere.
const DATED = ['core', 'plan', 'record', 'steps', 'follow-up', 'compile', 'identity', 'io', 'cli', 'views', 'measure', 'example'].map((d) => `tests/${d}/`);
const all = process.env.TEST_ALL_ZONES === '1';
for (const [i, tz] of zones.entries()) {
  const outputFile = join(dir, `${tz.replace(/\W/g, '_')}.json`);
  const only = i === 0 || all || extra.length > 0 ? [] : ['--project', 'unit', ...DATED];
  console.log(`\n=== TZ=${tz} FC_SEED=${seed}${only.length > 0 ? ' (the unit tests of the code that handles dates)' : ''}`);
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${outputFile}`, ...only, ...extra],
    { stdio: 'inherit', env: { ...process.env, TZ: tz, FC_SEED: seed } },
  );
  if (run.status !== 0) status = run.status ?? 1;
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } catch {
    failed += 1;
    status = status || 1;
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(status);
