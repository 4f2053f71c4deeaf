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
 *
 * The arguments are {@link hostile}: besides `anything`, the inputs a
 * stronger fuzzer found crashes with (issue 9): sparse arrays, null-prototype
 * objects, BigInts, counts beyond 2^53, deeply frozen values, objects whose
 * getters throw, `__proto__` keys. And every call must leave its arguments
 * as they were (compared by `fc.stringify` before and after).
 */
import fc from 'fast-check';
import { UppfoljningError } from '../../src/index.js';


/** `Object.freeze` all the way down (cycles and getters left alone). */
export function deepFreeze<T>(value: T, seen = new Set<object>()): T {
  // Typed arrays cannot be frozen.
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d && 'value' in d) deepFreeze(d.value as unknown, seen);
  }
  return Object.freeze(value);
}

/** An object whose every key is a getter that throws. */
const throwingGetters = (keys: readonly string[]): object =>
  Object.defineProperties(
    {},
    Object.fromEntries(
      keys.map((k) => [
        k,
        {
          enumerable: true,
          get() {
            throw new Error(`getter ${k}`);
          },
        },
      ]),
    ),
  );

/** Keys the library reads (plans, records, options, tables), so that hostile objects reach its checks. */
const KNOWN_KEYS = ['id', 'plan', 'selection', 'measures', 'during', 'before', 'after', 'date', 'kind', 'counts', 'meta', 'cells', 'rows', 'by', 'locale', 'k', 'confidence', 'value', 'suppressed', 'spec', 'data', 'values'];

/** The values the fuzz tests call public functions with. */
export const hostile: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
    fc.constantFrom(2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_VALUE, 1n, -0, Number.NaN),
    fc.sparseArray(tie('value'), { maxLength: 4 }),
    fc.array(fc.oneof(fc.nat(), fc.constantFrom(2 ** 53, 2 ** 52, 1e300)), { maxLength: 4 }).map((row) => [row, row]),
    // As JSON.parse reads it: a `__proto__` key is an own key there.
    fc.dictionary(fc.constantFrom(...KNOWN_KEYS, '__proto__'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((o) => JSON.parse(JSON.stringify(o)) as unknown),
    fc.dictionary(fc.constantFrom(...KNOWN_KEYS), tie('value'), { maxKeys: 4 }).map((o) => Object.assign(Object.create(null) as object, o)),
    fc.subarray(KNOWN_KEYS, { minLength: 1, maxLength: 3 }).map(throwingGetters),
    tie('value').map((v) => deepFreeze(v)),
  ),
})).value;

/** A value as text to compare before and after a call; undefined when it cannot be read (a getter that throws). */
function snapshot(value: unknown): string | undefined {
  try {
    return fc.stringify(value);
  } catch {
    return undefined;
  }
}

export async function firstCrash(f: (...args: unknown[]) => unknown, runs = 100, seed?: number): Promise<string | undefined> {
  for (let arity = 0; arity <= 3; arity++) {
    const property = fc.asyncProperty(fc.array(hostile, { minLength: arity, maxLength: arity }), async (args) => {
      const before = snapshot(args);
      try {
        const r = f(...args);
        if (r && typeof (r as Promise<unknown>).then === 'function') await r;
      } catch (e) {
        if (!(e instanceof UppfoljningError)) {
          throw new Error(`${(e as Error)?.constructor?.name}: ${String((e as Error)?.message).slice(0, 200)} with ${(before ?? 'arguments with a throwing getter').slice(0, 200)}`);
        }
      }
      if (before !== undefined && snapshot(args) !== before) throw new Error(`an argument was changed: ${before.slice(0, 200)}`);
    });
    const details = await fc.check(property, seed === undefined ? { numRuns: runs } : { numRuns: runs, seed });
    if (details.failed) return fc.defaultReportMessage(details) ?? 'failed';
  }
  return undefined;
}
