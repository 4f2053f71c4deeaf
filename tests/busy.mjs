// Runs the README's test command, `npm test`, once with every core busy: one
// CPU-bound process per core, started before and stopped after (also when the
// tests fail or this script is interrupted). No test may need a quiet machine.
// Both the tests and the busy processes are bounded in time.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const limitMs = Number(process.env.BUSY_LIMIT_MINUTES ?? 40) * 60_000;
const cores = availableParallelism();
const extra = process.argv.slice(2); // passed on to vitest, e.g. a folder to try this script on
const until = Date.now() + limitMs + 60_000;

// Each one spins until it is killed, and in any case stops by itself at `until`,
// so none outlives this script even if it is killed with SIGKILL.
const busy = Array.from({ length: cores }, () =>
  spawn(process.execPath, ['-e', `while (Date.now() < ${until}) {}`], { stdio: 'ignore' }),
);
const stopBusy = () => {
  for (const child of busy) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
console.log(`--- npm test beside ${cores} CPU-bound processes (one per core), at most ${limitMs / 60_000} min`);

let status = 1;
try {
  status = await new Promise((resolve) => {
    // Its own process group, so that a timeout stops npm, tests/tz.mjs and vitest together.
    const tests = spawn('npm', ['test', ...(extra.length ? ['--', ...extra] : [])], { stdio: 'inherit', detached: true });
    const stopTests = (signal) => {
      try {
        process.kill(-tests.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      console.error(`npm test did not finish within ${limitMs / 60_000} min beside ${cores} busy processes`);
      stopTests('SIGKILL');
    }, limitMs);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        stopTests('SIGKILL');
        stopBusy();
        process.exit(1);
      });
    }
    tests.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
    tests.on('error', (e) => {
      clearTimeout(timer);
      console.error(e);
      resolve(1);
    });
  });
} finally {
  stopBusy();
}
process.exit(status);
