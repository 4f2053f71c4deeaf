import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** The fast-check seed of this run (tests/setup.ts derives one per test from it); FC_SEED replays a run. */
function fcSeed(): number {
  const given = process.env.FC_SEED;
  if (given === undefined || given === '') return randomInt(2 ** 31);
  if (!/^-?\d+$/.test(given) || !Number.isSafeInteger(Number(given))) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(given)}`);
  return Number(given);
}

/**
 * Two projects, both run by `npm test`: `unit`, tests that take well under a
 * second on a quiet machine, and `slow` (`*.slow.test.ts`: brute-force oracles,
 * the LP audit, the bin as a process, and the byte-for-byte snapshot of the
 * whole Björkebo example, charts included, which keeps its name). A time limit
 * here is a guard against a hang, never a speed requirement: with eight
 * processes on two cores (load 17) a 0.5 s unit test took 6.3 s, past
 * vitest's 5 s default, so each project gets one generous limit instead of
 * one per test.
 */
const HANG_GUARD_MS = 120_000;
const slow = ['tests/**/*.slow.test.ts', 'tests/example/snapshot.test.ts'];

export default defineConfig({
  test: {
    // One worker per core (vitest's default leaves one core to its main process, which waits; on two cores that is one worker).
    maxWorkers: Math.max(2, availableParallelism()),
    provide: { fcSeed: fcSeed() },
    setupFiles: ['tests/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: slow,
          typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'] },
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: slow,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}
