import { randomInt } from 'node:crypto';
import { defineConfig } from 'vitest/config';

/** The fast-check seed of this run (tests/setup.ts derives one per test from it); FC_SEED replays a run. */
function fcSeed(): number {
  const given = process.env.FC_SEED;
  if (given === undefined || given === '') return randomInt(2 ** 31);
  if (!/^-?\d+$/.test(given) || !Number.isSafeInteger(Number(given))) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(given)}`);
  return Number(given);
}

/**
 * Two projects, both run by `npm test`: `unit`, where every test stays well
 * inside vitest's 5 s default even on a busy machine, and `slow`
 * (`*.slow.test.ts`: brute-force oracles, the LP audit, the bin as a process,
 * and the byte-for-byte snapshot of the whole Björkebo example, charts included,
 * which keeps its name), which gets one generous limit here instead of one per test.
 */
const slow = ['tests/**/*.slow.test.ts', 'tests/example/snapshot.test.ts'];

export default defineConfig({
  test: {
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
