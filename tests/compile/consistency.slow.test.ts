/**
 * validateCompilation's cross-field rules: every compilation compile makes
 * satisfies them, and raising any one count that some rule ties to others is
 * caught, naming a consistency rule. The counters no rule ties (dose, goal
 * areas, the number selected, the tests and sums of the during-measures, the
 * change sums per dose band) are
 * listed and shown to stay free: some set of records gives any value of them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, mergeCompilations, validateCompilation, type Compilation } from '../../src/index.js';
import { smallPlan as plan } from '../helpers/fixtures.js';
import { validRecords } from '../helpers/arbitraries.js';

type Counts = Record<string, number[]>;
type Json = { counts: Counts; invalid: { total: number; byRule: Record<string, number> }; cells: number };

const CONSISTENCY = new Set(['count_sum', 'exceeds_total', 'moment_bounds', 'margin_mismatch']);
const json = (c: Compilation): Json => JSON.parse(JSON.stringify(c)) as Json;
const rulesOf = (x: unknown) => {
  const r = validateCompilation(x);
  return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule, i.params] as const);
};

// A counter's width per cell.
const width = (c: Json, name: string) => c.counts[name]!.length / c.cells;

/**
 * What raising one slot by `by` must do, from how compile counts a record:
 * `free` when some set of records gives any value of it, `fails` when it
 * always breaks a rule, or a condition on the other counts of the cell.
 */
function expected(c: Json, name: string, index: number, by: number): 'free' | 'fails' | 'passes' {
  const cell = Math.floor(index / width(c, name));
  const slot = index % width(c, name);
  const flow = c.counts.flow!.slice(cell * 5, cell * 5 + 5);
  const [selected, started] = [flow[0]!, flow[1]!];
  switch (name) {
    case 'dose':
    case 'goalAreas':
      return 'free';
    case 'doseOutcome':
      // Per dose band: four levels, then n, Σk and Σk² of the change; only the levels and n are tied (to the cell's levels and classified).
      return slot % 7 < 5 ? 'fails' : 'free';
    case 'flow':
      // More selected who never started, and were not withdrawn: any number.
      return slot === 0 ? 'free' : 'fails';
    case 'withdrawn': {
      if (slot % 2 === 1) return 'fails';
      // Withdrawn before the start: at most the selected who never started.
      const w = c.counts.withdrawn!.slice(cell * 8, cell * 8 + 8).filter((_, i) => i % 2 === 0).reduce((s, v) => s + v, 0);
      return w + by > selected - started ? 'fails' : 'passes';
    }
    case 'during': {
      // Per week: tests, Σk, clients tested. Only the clients are bounded: by the tests and by those who started.
      if (slot % 3 !== 2) return 'free';
      const tests = c.counts.during![index - 2]!;
      return c.counts.during![index]! + by > Math.min(tests, started) ? 'fails' : 'passes';
    }
    default:
      return 'fails';
  }
}

describe('validateCompilation: the counts agree with each other (properties)', () => {
  it('every compilation compile makes validates, and so does every merge of them', () => {
    fc.assert(
      fc.property(validRecords(40), validRecords(20), (a, b) => {
        const A = compile(plan, a);
        expect(rulesOf(json(A))).toEqual([]);
        expect(rulesOf(json(mergeCompilations([A, compile(plan, b)])))).toEqual([]);
      }),
    );
  });

  it('any single count raised breaks a consistency rule, unless no rule ties it (listed), or is caught as a bad count', () => {
    fc.assert(
      fc.property(
        validRecords(40),
        // Counters the plan has no slots for (e.g. follow-ups of a plan without follow-up points) have nothing to raise.
        fc.constantFrom(...Object.entries(compile(plan, []).counts).filter(([, v]) => v.length > 0).map(([k]) => k), 'invalid.total', 'invalid.byRule'),
        fc.nat(),
        fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 ** 40 })),
        (records, name, at, by) => {
          const c = json(compile(plan, records));
          if (name === 'invalid.total') c.invalid.total += by;
          else if (name === 'invalid.byRule') c.invalid.byRule.type = (c.invalid.byRule.type ?? 0) + by;
          const index = name.startsWith('invalid') ? 0 : at % c.counts[name]!.length;
          const outcome = name.startsWith('invalid') ? 'fails' : expected(c, name, index, by);
          if (!name.startsWith('invalid')) c.counts[name]![index]! += by;
          const issues = rulesOf(c);
          if (outcome === 'fails') {
            expect(issues.length).toBeGreaterThan(0);
            for (const [, rule] of issues) expect(CONSISTENCY.has(rule)).toBe(true);
          } else expect(issues).toEqual([]);
        },
      ),
    );
  });
});
