/**
 * tabulate and analyse at their boundary: whatever arrives as a compilation
 * or as options, the answer is a result or an UppfoljningError naming the
 * field's path and the rule, in Swedish and English — never a TypeError.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, compile, tabulate, UppfoljningError, type Compilation } from '../../src/index.js';
import { smallPlan as plan } from '../helpers/fixtures.js';
import { validRecords } from '../helpers/arbitraries.js';
import { handCohort } from '../compile/cohort.js';

const good = compile(plan, handCohort());

/** What a call throws, or undefined. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** The call throws an UppfoljningError with a path and a rule, readable in both languages. */
function expectUppfoljningError(f: () => unknown): UppfoljningError {
  const e = thrown(f);
  expect(e).toBeInstanceOf(UppfoljningError);
  const error = e as UppfoljningError;
  expect(error.issues.length).toBeGreaterThan(0);
  for (const i of error.issues) {
    expect(i.path.length).toBeGreaterThan(0);
    expect(typeof i.rule).toBe('string');
  }
  for (const locale of ['sv', 'en'] as const) expect(error.format(locale)).not.toMatch(/undefined|\[object/);
  return error;
}

/** The call returns, or throws an UppfoljningError: nothing else. */
function expectResultOrUppfoljningError(f: () => unknown): void {
  const e = thrown(f);
  if (e !== undefined) expect(e, String(e)).toBeInstanceOf(UppfoljningError);
}

/** A deep copy with the value at a path replaced (or removed, for `undefined`). */
function withAt(c: Compilation, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(c) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

/** Every path into a JSON value (objects and arrays, down to the leaves; long arrays by their ends). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) {
    const idx = value.length <= 4 ? value.map((_, i) => i) : [0, value.length - 1];
    for (const i of idx) out.push(...paths(value[i], [...prefix, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

const calls = {
  tabulate: (c: unknown, o?: unknown) => tabulate(c as Compilation, o as never),
  analyse: (c: unknown, o?: unknown) => analyse(c as Compilation, o as never),
};

describe('tabulate and analyse reject what is not a compilation', () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: {}, null, a number, a string, an array, undefined`, () => {
      for (const input of [{}, null, 42, 'compilation', [], undefined]) {
        const error = expectUppfoljningError(() => call(input));
        expect(error.issues[0]!.path[0]).toBe('compilation');
      }
      const e = expectUppfoljningError(() => call(null));
      expect(e.issues[0]).toMatchObject({ path: ['compilation'], rule: 'type', params: { expected: 'object', received: 'null' } });
      expect(e.format('en')).toBe('compilation: wrong type: expected object, got null [type]');
      expect(e.format('sv')).toBe('compilation: fel typ: väntade object, fick null [type]');
    });

    it(`${name}: a compilation with a missing field names the field`, () => {
      const missing: [(string | number)[], (string | number)[], string][] = [
        [['meta', 'dims'], ['compilation', 'meta', 'dims'], 'required'],
        [['meta'], ['compilation', 'meta'], 'required'],
        [['counts', 'flow'], ['compilation', 'counts', 'flow'], 'required'],
        // A missing enum is reported as a value not among the allowed ones.
        [['meta', 'primary', 'kind'], ['compilation', 'meta', 'primary', 'kind'], 'one_of'],
        [['invalid'], ['compilation', 'invalid'], 'required'],
      ];
      for (const [path, expected, rule] of missing) {
        const error = expectUppfoljningError(() => call(withAt(good, path, undefined)));
        expect(error.issues).toContainEqual(expect.objectContaining({ path: expected, rule }));
      }
      // A counter that is not an array names what it is instead.
      const text = withAt(good, ['counts', 'flow'], 'many');
      expect(expectUppfoljningError(() => call(text)).issues).toContainEqual({
        path: ['compilation', 'counts', 'flow'],
        rule: 'type',
        params: { expected: 'array', received: 'string' },
      });
      // A counter array of the wrong length.
      const short = withAt(good, ['counts', 'flow'], good.counts.flow.slice(1));
      expect(expectUppfoljningError(() => call(short)).issues[0]).toMatchObject({ path: ['compilation', 'counts', 'flow'], rule: 'one_of' });
    });

    it(`${name}: anything at all (fast-check) is an UppfoljningError, never a TypeError`, () => {
      fc.assert(
        fc.property(fc.anything(), (input) => {
          expectUppfoljningError(() => call(input));
        }),
        { numRuns: 200 },
      );
    });

    it(`${name}: a valid compilation with one field replaced by garbage or removed`, () => {
      const where = paths(JSON.parse(JSON.stringify(good)));
      const junk = fc.oneof(fc.constantFrom(undefined, null, 0, -1, 1.5, NaN, Infinity, '', 'x', true, [], {}, [null], [1]), fc.anything());
      fc.assert(
        fc.property(fc.constantFrom(...where), junk, (path, value) => {
          expectResultOrUppfoljningError(() => call(withAt(good, path, value)));
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: a valid compilation with one counter set to another whole number`, () => {
      const names = Object.keys(good.counts) as (keyof Compilation['counts'])[];
      fc.assert(
        fc.property(fc.constantFrom(...names), fc.nat(), fc.nat({ max: 50 }), (counter, at, value) => {
          const array = good.counts[counter];
          if (array.length === 0) return;
          expectResultOrUppfoljningError(() => call(withAt(good, ['counts', counter, at % array.length], value)));
        }),
        { numRuns: 200 },
      );
    });
  }

  it('options that are not options: UppfoljningError naming `options`, `by`, `by[i]` or `smallN`', () => {
    for (const call of Object.values(calls)) {
      expect(expectUppfoljningError(() => call(good, null)).issues[0]).toMatchObject({ path: ['options'], rule: 'type' });
      expect(expectUppfoljningError(() => call(good, 3)).issues[0]).toMatchObject({ path: ['options'], rule: 'type' });
      expect(expectUppfoljningError(() => call(good, { by: 'gender' })).issues[0]).toMatchObject({ path: ['by'], rule: 'type' });
      expect(expectUppfoljningError(() => call(good, { by: ['gender', 'kommun'] })).issues[0]).toMatchObject({ path: ['by', 1], rule: 'one_of' });
    }
    expect(expectUppfoljningError(() => analyse(good, { smallN: Number.NaN })).issues[0]).toMatchObject({ path: ['smallN'], rule: 'finite' });
    expect(expectUppfoljningError(() => analyse(good, { smallN: -1 })).issues[0]).toMatchObject({ path: ['smallN'], rule: 'min' });
    expect(expectUppfoljningError(() => analyse(good, { smallN: '30' as never })).issues[0]).toMatchObject({ path: ['smallN'], rule: 'type' });
    fc.assert(
      fc.property(fc.anything(), (options) => {
        for (const call of Object.values(calls)) expectResultOrUppfoljningError(() => call(good, options));
      }),
      { numRuns: 150 },
    );
  });

  it('valid compilations still tabulate and analyse as before (random cohorts)', () => {
    fc.assert(
      fc.property(validRecords(20), (records) => {
        const c = compile(plan, records);
        expect(tabulate(c).total.flow.selected).toBe(records.length);
        expect(analyse(c).total).toEqual(tabulate(c).total);
      }),
      { numRuns: 20 },
    );
  });
});
