import { it, expect } from 'vitest';
import { firstCrash } from '../helpers/fuzz-api.js';
import { UppfoljningError } from '../../src/index.js';

/**
 * For the public-fuzz tests: a `safe*`/`validate*` function returns
 * `{ success: false, issues }` for bad input and never throws, not even an
 * UppfoljningError. `resultOnly(f)` turns any throw, and a return value that
 * is not a Result, into a plain Error, which `firstCrash` reports.
 */
export function resultOnly(f: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args) => {
    let r: unknown;
    try {
      r = f(...args);
    } catch (e) {
      throw new Error(`a Result function threw ${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 200)}`);
    }
    const success = (r as { success?: unknown } | null)?.success;
    if (success !== true && success !== false) throw new Error('a Result function returned something that is not a Result');
    return r;
  };
}

/** Whether an export is a `safe*`/`validate*` function, which returns a Result. */
export const isResultFunction = (name: string): boolean => /^(safe|validate)[A-Z]/.test(name);

/** The [path, rule] of each issue of the UppfoljningError that `f` throws (or rejects with); [] when it does not throw. */
export async function issuesOf(f: () => unknown): Promise<[readonly (string | number)[], string][]> {
  try {
    await f();
  } catch (e) {
    if (e instanceof UppfoljningError) return e.issues.map((i) => [i.path, i.rule]);
    throw e;
  }
  return [];
}

/**
 * One test per exported function of a module: garbage arguments give an
 * UppfoljningError, and a safe*\/validate* function returns a failed Result
 * instead of throwing.
 */
export function fuzzEveryFunction(api: Readonly<Record<string, unknown>>, runs = 100): void {
  for (const [name, f] of Object.entries(api)) {
    if (typeof f !== 'function') continue;
    const call = f as (...args: unknown[]) => unknown;
    it(name, async () => {
      expect(await firstCrash(isResultFunction(name) ? resultOnly(call) : call, runs)).toBeUndefined();
    });
  }
}
