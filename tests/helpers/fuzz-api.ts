/**
 * Calls a public function with arbitrary arguments (fast-check's `anything`,
 * 0 to 3 of them) and reports the first failure that is not an
 * UppfoljningError: a TypeError from inside, a RangeError, a rejected promise
 * of another kind. Returning normally is fine; throwing UppfoljningError
 * (which names the path and the rule in sv/en) is fine. Used by the
 * `public-fuzz` tests of each module: nothing a caller passes may crash.
 *
 * A property per arity, run with the test's seed (tests/setup.ts), so a
 * failure is shrunk to a small counterexample and replays with `FC_SEED`.
 */
import fc from 'fast-check';
import { UppfoljningError } from '../../src/index.js';

const shown = (args: unknown[]): string | undefined => JSON.stringify(args, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 200);

export async function firstCrash(f: (...args: unknown[]) => unknown, runs = 100, seed?: number): Promise<string | undefined> {
  for (let arity = 0; arity <= 3; arity++) {
    const property = fc.asyncProperty(fc.array(fc.anything(), { minLength: arity, maxLength: arity }), async (args) => {
      try {
        const r = f(...args);
        if (r && typeof (r as Promise<unknown>).then === 'function') await r;
      } catch (e) {
        if (!(e instanceof UppfoljningError)) {
          throw new Error(`${(e as Error)?.constructor?.name}: ${String((e as Error)?.message).slice(0, 200)} with ${shown(args)}`);
        }
      }
    });
    const details = await fc.check(property, seed === undefined ? { numRuns: runs } : { numRuns: runs, seed });
    if (details.failed) return fc.defaultReportMessage(details) ?? 'failed';
  }
  return undefined;
}
