/**
 * Linked tables: goal attainment in total, by gender and by age band share
 * the totals per level. Protected one by one, a breakdown can publish every
 * cell of a level whose total the total table hides, and so give it away
 * (and, with n, the total's other hidden level). linkAdditiveTables protects
 * them together; this audits the result with an independent LP solver
 * (yalps, tests/privacy/lp-audit.ts) on random three-way tables: for every
 * breakdown, with the total table's published cells as its column totals,
 * no hidden value has a single feasible value.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linkAdditiveTables, protectReportTable, type RawTable, type ReportTable } from '../../src/report/index.js';
import { feasibleRanges } from '../privacy/lp-audit.js';

const LEVELS = 4;
const row = (key: string, counts: readonly number[]) => ({
  key,
  label: key,
  cells: [...counts, counts.reduce((a, b) => a + b, 0)].map((value) => ({ kind: 'count' as const, value })),
});
const table = (id: string, rows: ReturnType<typeof row>[]): RawTable => ({ id, title: id, columns: ['+g', '+', '0', '−', 'n'], rows, additive: [0, 1, 2, 3], rowTotal: 4 });
const value = (t: ReportTable, i: number, j: number): number | null => {
  const c = t.rows[i]!.cells[j]!;
  return c.kind === 'count' && 'value' in c.value ? c.value.value : null;
};

/** Counts as follow-ups have them: many zeros, some small, some large (a level's cells all 0 or ≥ 5 is what leaks). */
const count = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 }, { arbitrary: fc.integer({ min: 5, max: 12 }), weight: 3 });

/** A three-way table gender × age band × level, and its three two-way views. */
const cube = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
  .chain(([g, a]) => fc.array(fc.array(fc.array(count, { minLength: LEVELS, maxLength: LEVELS }), { minLength: a, maxLength: a }), { minLength: g, maxLength: g }));

function views(c: number[][][]): RawTable[] {
  const levels = (pick: (l: number) => number) => Array.from({ length: LEVELS }, (_, l) => pick(l));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const total = levels((l) => sum(c.flatMap((ages) => ages.map((cell) => cell[l]!))));
  return [
    table('total', [row('total', total)]),
    table('gender', c.map((ages, g) => row(`g${g}`, levels((l) => sum(ages.map((cell) => cell[l]!)))))),
    table('age', c[0]!.map((_, a) => row(`a${a}`, levels((l) => sum(c.map((ages) => ages[a]![l]!)))))),
  ];
}

/** The breakdown's grid with the total table's published cells as its column totals. */
function gridOf(breakdown: ReportTable, total: ReportTable): (number | null)[][] {
  return [
    ...breakdown.rows.map((_, i) => Array.from({ length: LEVELS + 1 }, (_, j) => value(breakdown, i, j))),
    Array.from({ length: LEVELS + 1 }, (_, j) => value(total, 0, j)),
  ];
}

describe('linkAdditiveTables', () => {
  it('no hidden value of a breakdown or of the shared totals has a single feasible value (LP audit)', () => {
    fc.assert(
      fc.property(cube, (c) => {
        const raw = views(c);
        const [total, ...breakdowns] = linkAdditiveTables(raw);
        for (const b of breakdowns) {
          for (const range of feasibleRanges(gridOf(b, total!))) expect(range.max, `cell ${range.cell}`).toBeGreaterThan(range.min);
        }
        // Published values are the true ones; small counts are never published.
        raw.forEach((t, ti) => {
          const linked = [total!, ...breakdowns][ti]!;
          t.rows.forEach((r, i) =>
            r.cells.forEach((cell, j) => {
              const shown = value(linked, i, j);
              if (shown !== null) expect(shown).toBe(cell.kind === 'count' ? cell.value : NaN);
              if (cell.kind === 'count' && cell.value >= 1 && cell.value < 5) expect(shown).toBeNull();
            }),
          );
        });
      }),
      { numRuns: 150 },
    );
  });

  it('protected one by one, the same tables do leak (the case linking exists for)', () => {
    // Totals 12, 9, 7, 2 (n 30). By age band: 18–29 has 6, 4, 7, 1 and 30+ has 6, 5, 0, 1.
    // Alone, the total table hides 7 and 2 (2 is small, 7 its partner), and the age table
    // publishes 7 and 0 in the no-change column: 7 + 0 = 7 gives the hidden total, and then
    // 30 − 12 − 9 − 7 = 2 gives the small one.
    const raw = [table('total', [row('total', [12, 9, 7, 2])]), table('age', [row('18–29', [6, 4, 7, 1]), row('30+', [6, 5, 0, 1])])];
    const alone = raw.map((t) => protectReportTable(t));
    const leaked = feasibleRanges(gridOf(alone[1]!, alone[0]!)).filter((r) => r.min === r.max);
    expect(leaked.length).toBeGreaterThan(0);
    const [total, age] = linkAdditiveTables(raw);
    expect(feasibleRanges(gridOf(age!, total!)).every((r) => r.max > r.min)).toBe(true);
    expect(value(age!, 0, 2)).toBeNull();
  });
});
