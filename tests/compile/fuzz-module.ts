/** Shared by the public-fuzz tests of src/compile and src/io. */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { firstCrash } from '../helpers/fuzz-api.js';

type Fn = (...args: unknown[]) => unknown;

/**
 * Fuzzes every function a module exports, as src/index.ts exports it, and
 * checks that the list is the expected one (a new export is fuzzed too).
 */
export function fuzzModule(title: string, module: object, expected: readonly string[]): void {
  const names = Object.keys(module).filter((name) => typeof (module as Record<string, unknown>)[name] === 'function');
  describe(`${title} never crashes on garbage arguments`, () => {
    it('covers every exported function', () => expect([...names].sort()).toEqual([...expected].sort()));
    for (const name of names) {
      it(name, async () => expect(await firstCrash((api as Record<string, unknown>)[name] as Fn, 100)).toBeUndefined());
    }
  });
}

/** Fuzzes calls whose first arguments are valid, so garbage reaches the checks of the later ones. */
export function fuzzCalls(title: string, cases: readonly (readonly [string, Fn])[]): void {
  describe(title, () => {
    for (const [name, f] of cases) it(name, async () => expect(await firstCrash(f, 100)).toBeUndefined());
  });
}

/** The paths (dotted) and rules of the UppfoljningError a call throws; [] when it returns. */
export function rules(f: () => unknown): string[][] {
  try {
    f();
  } catch (e) {
    if (e instanceof api.UppfoljningError) return e.issues.map((i) => [i.path.join('.'), i.rule]);
    throw e;
  }
  return [];
}
