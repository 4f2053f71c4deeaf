/**
 * Seeds every fast-check run of the suite. The run's seed comes from the
 * config (`FC_SEED`, or a fresh random one per run), and each test derives
 * its own seed from it and its full name, so a test sees the same inputs
 * whether it runs alone or with the rest. A failing test prints the line that
 * replays it:
 *
 *     FC_SEED=123 npx vitest run tests/stats/fisher.test.ts -t 'name'
 */
import fc from 'fast-check';
import { afterEach, beforeEach, inject } from 'vitest';

const runSeed = inject('fcSeed');

/** A 32-bit FNV-1a hash of the text, so each test gets its own seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

beforeEach((context) => {
  const { task } = context;
  const names: string[] = [];
  for (let t: { name: string; suite?: unknown } | undefined = task; t; t = t.suite as typeof t) names.unshift(t.name);
  const file = task.file?.name ?? '';
  fc.configureGlobal({ seed: hash(`${runSeed}:${file}:${names.join(' > ')}`) });
  context.onTestFailed(() => {
    const zone = process.env.TZ ? `TZ=${process.env.TZ} ` : '';
    console.error(`fast-check: replay with ${zone}FC_SEED=${runSeed} npx vitest run ${file} -t ${JSON.stringify(task.name)}`);
  });
});

/** One turn of the event loop (its check phase). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Back to the event loop after every test. vitest's worker talks to its main
 * process by RPC and fails the run ("Timeout calling onTaskUpdate", every test
 * green) when a reply has waited 60 s; the worker reads a reply only when its
 * event loop reaches the I/O phase, and vitest goes from one test to the next
 * in promise callbacks that never get there. So a file of many synchronous
 * tests (the @example runner, the report tests) counted as one 60-second
 * stretch on a loaded machine. Two turns put an I/O phase between any two
 * tests, so the bound is one test's own synchronous work (long loops in a
 * test go back to the event loop themselves).
 */
afterEach(async () => {
  await turn();
  await turn();
});
