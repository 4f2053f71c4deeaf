/**
 * Calls a public function with arbitrary arguments (fast-check's `anything`,
 * 0 to 3 of them) and reports the first failure that is not an
 * UppfoljningError: a TypeError from inside, a RangeError, a rejected promise
 * of another kind. Returning normally is fine; throwing UppfoljningError
 * (which names the path and the rule in sv/en) is fine. Used by the
 * `public-fuzz` tests of each module: nothing a caller passes may crash.
 */
import fc from 'fast-check';
import { UppfoljningError } from '../../src/index.js';

export async function firstCrash(f: (...args: unknown[]) => unknown, runs = 100, seed?: number): Promise<string | undefined> {
  for (let arity = 0; arity <= 3; arity++) {
    const samples = fc.sample(fc.array(fc.anything(), { minLength: arity, maxLength: arity }), seed === undefined ? runs : { numRuns: runs, seed });
    for (const args of samples) {
      try {
        const r = f(...args);
        if (r && typeof (r as Promise<unknown>).then === 'function') await r;
      } catch (e) {
        if (!(e instanceof UppfoljningError)) {
          const shown = JSON.stringify(args, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 200);
          return `${(e as Error)?.constructor?.name}: ${String((e as Error)?.message).slice(0, 200)} with ${shown}`;
        }
      }
    }
  }
  return undefined;
}
