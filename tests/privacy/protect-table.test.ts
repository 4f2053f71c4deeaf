import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UppfoljningError } from '../../src/index.js';
import {
  formatProtectedCell,
  isSuppressed,
  protectTable,
  validateProtectTable,
  type CountTable,
  type ProtectedTable,
} from '../../src/privacy/index.js';
import { feasibleRanges, publishedGrid } from './lp-audit.js';

const grid = (cells: number[][]): number[][] => {
  const rowSums = cells.map((r) => r.reduce((s, v) => s + v, 0));
  const colSums = (cells[0] ?? []).map((_, j) => cells.reduce((s, r) => s + (r[j] ?? 0), 0));
  return [...cells.map((r, i) => [...r, rowSums[i]!]), [...colSums, rowSums.reduce((s, v) => s + v, 0)]];
};

const marks = (t: ProtectedTable) =>
  publishedGrid(t).map((row, i) =>
    row.map((v, j) => {
      const cell = i < t.cells.length ? (j < t.cells[0]!.length ? t.cells[i]![j]! : t.rowTotals[i]!) : j < t.columnTotals.length ? t.columnTotals[j]! : t.total;
      return 'suppressed' in cell ? (cell.suppressed === 'primary' ? 'P' : 'S') : String(v);
    }),
  );

describe('protectTable: worked examples', () => {
  it('publishes a table without small counts unchanged', () => {
    const t = protectTable({ cells: [[12, 30], [7, 9]] });
    expect(t).toEqual({
      k: 5,
      cells: [[{ value: 12 }, { value: 30 }], [{ value: 7 }, { value: 9 }]],
      rowTotals: [{ value: 42 }, { value: 16 }],
      columnTotals: [{ value: 19 }, { value: 39 }],
      total: { value: 58 },
    });
  });

  it('one small cell in a 2×2 table takes the whole inner table with it', () => {
    // 3 < 5 is primary. Row 0 then has one suppression: its cheapest partner is 12
    // (inner, positive). Column 0 now has one: partner 7. Column 1 has one (the 3):
    // partner 9, whose row already has the 7. All margins stay: each inner value
    // can move ±t around the 4-cycle 12, 3, 9, 7, so none is recoverable.
    expect(marks(protectTable({ cells: [[12, 3], [7, 9]] }))).toEqual([
      ['S', 'P', '15'],
      ['S', 'S', '16'],
      ['19', '12', '31'],
    ]);
  });

  it('suppresses small margins too, and protects them', () => {
    // Row 1 sums to 3 (< 5): its total is primary, as are the 1 and the 2 in it.
    const t = protectTable({ cells: [[10, 8, 6], [1, 2, 0], [9, 7, 11]] });
    const m = marks(t);
    expect(m[1]).toEqual(['P', 'P', '0', 'P']);
    expect(feasibleRanges(publishedGrid(t)).every((r) => r.max - r.min > 1e-6)).toBe(true);
  });

  it('two suppressions per line are not enough: a bridge between two cycles is caught by the exact check', () => {
    // The small counts form two 4-cycles, rows 0–1 × cols 0–1 and rows 2–3 × cols 2–3,
    // joined by the 2 at (1,2). Every row and column already holds ≥ 2 suppressed values,
    // but a circulation cannot cross a bridge: with the other cells of row 1 published,
    // (1,2) = 56 − (3 + 1) − 50 − … is fixed (the LP gives min = max = 2). The library must
    // add a secondary suppression (the 50 at (1,3)), after which the LP finds no point range.
    const t = protectTable({ cells: [[1, 2, 50, 50], [3, 1, 2, 50], [50, 50, 1, 3], [50, 50, 2, 1]] });
    expect(marks(t)[1]).toEqual(['P', 'P', 'P', 'S', '56']);
    for (const r of feasibleRanges(publishedGrid(t))) expect(r.max - r.min).toBeGreaterThan(1e-6);
    // The same pattern with (1,3) published, as a line-count rule alone would leave it:
    const naive = publishedGrid(t).map((row) => [...row]);
    naive[1]![3] = 50;
    const fixed = feasibleRanges(naive).filter((r) => r.max - r.min < 1e-6);
    expect(fixed).toEqual([{ cell: [1, 2], min: 2, max: 2 }]);
  });

  it('publishes zeros (they are not primary) and never shows a suppressed value as 0', () => {
    const t = protectTable({ cells: [[0, 20], [0, 25]] });
    expect(t.cells[0]![0]).toEqual({ value: 0 });
    expect(formatProtectedCell({ suppressed: 'secondary' })).toBe('..');
    expect(formatProtectedCell({ value: 0 })).toBe('0');
    expect(formatProtectedCell({ value: 1234 }, (n) => n.toLocaleString('sv-SE'))).toBe('1\u00a0234');
  });

  it('honours k', () => {
    expect(isSuppressed(protectTable({ cells: [[3, 10], [10, 10]] }, { k: 3 }).cells[0]![0]!)).toBe(false);
    expect(isSuppressed(protectTable({ cells: [[3, 10], [10, 10]] }, { k: 4 }).cells[0]![0]!)).toBe(true);
  });

  it('a column total hidden in a linked table takes an inner cell of its column with it', () => {
    // The column total 12 + 9 = 21 is hidden elsewhere; with 12 and 9 both published it would be their sum.
    // The cheapest partner is the 9 (smallest), then its row needs a second (16), and column 2 then holds
    // one hidden value, so its total goes too: 9 and 16 can move ±1 against the two column totals.
    const t = protectTable({ cells: [[12, 30], [9, 16]] }, { hidden: { columnTotals: [0] } });
    expect(marks(t)).toEqual([
      ['12', '30', '42'],
      ['S', 'S', '25'],
      ['S', 'S', '67'],
    ]);
  });

  it('rejects hidden margins outside the table, with path and rule', () => {
    const r = validateProtectTable({ cells: [[12, 30]] }, { hidden: { columnTotals: [2], rowTotals: [-1, 0.5] } });
    expect(r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['hidden.rowTotals.0', 'min'],
      ['hidden.rowTotals.1', 'integer'],
      ['hidden.columnTotals.0', 'max'],
    ]);
  });

  it('rejects bad tables with path and rule', () => {
    const rules = (t: unknown, k?: number) => {
      const r = validateProtectTable(t, k === undefined ? {} : { k });
      return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule]);
    };
    expect(rules({ cells: [[1, 2], [3]] })).toEqual([['cells.1', 'ragged_table']]);
    expect(rules({ cells: [[1, -2]] })).toEqual([['cells.0.1', 'min']]);
    expect(rules({ cells: [[1.5]] })).toEqual([['cells.0.0', 'integer']]);
    expect(rules({ cells: [[1, 2]], rowTotals: [4] })).toEqual([['rowTotals.0', 'margin_mismatch']]);
    expect(rules({ cells: [[1, 2]], total: 4 })).toEqual([['total', 'margin_mismatch']]);
    expect(rules({ cells: [] })).toEqual([['cells', 'min']]);
    expect(rules({ cells: [[1]] }, 0)).toEqual([['k', 'min']]);
    expect(() => protectTable({ cells: [[1, 2]], total: 4 })).toThrow(UppfoljningError);
    try {
      protectTable({ cells: [[1, 2]], total: 4 });
    } catch (e) {
      expect((e as UppfoljningError).format('en')).toBe('total: the total 4 does not match the cells (which sum to 3) [margin_mismatch]');
    }
  });
});

describe('protectTable: properties on random tables (audited by an independent LP)', () => {
  // Many small counts so that primary and secondary suppression both happen.
  const count = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 }), fc.constant(0));
  const table = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
  const k = fc.integer({ min: 2, max: 6 });

  it('no suppressed value can be recomputed exactly from the published cells and margins', () => {
    fc.assert(
      fc.property(table, k, (cells, kk) => {
        const t = protectTable({ cells }, { k: kk });
        for (const r of feasibleRanges(publishedGrid(t))) {
          expect(r.max - r.min, `cell ${r.cell.join(',')} of ${JSON.stringify(cells)}`).toBeGreaterThan(1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('margins hidden elsewhere (linked tables) are hidden here and stay unrecoverable', () => {
    const withHidden = table.chain((cells) =>
      fc.record({
        cells: fc.constant(cells),
        rowTotals: fc.subarray(cells.map((_, i) => i)),
        columnTotals: fc.subarray((cells[0] ?? []).map((_, j) => j)),
        total: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(withHidden, k, ({ cells, ...hidden }, kk) => {
        const t = protectTable({ cells }, { k: kk, hidden });
        for (const i of hidden.rowTotals) expect(isSuppressed(t.rowTotals[i]!)).toBe(true);
        for (const j of hidden.columnTotals) expect(isSuppressed(t.columnTotals[j]!)).toBe(true);
        if (hidden.total) expect(isSuppressed(t.total)).toBe(true);
        for (const r of feasibleRanges(publishedGrid(t))) {
          expect(r.max - r.min, `cell ${r.cell.join(',')} of ${JSON.stringify(cells)}`).toBeGreaterThan(1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('published values are unchanged, every count 1..k−1 is suppressed, and primary marks only those', () => {
    fc.assert(
      fc.property(table, k, (cells, kk) => {
        const t = protectTable({ cells }, { k: kk });
        const truth = grid(cells);
        const pub = publishedGrid(t);
        const m = marks(t);
        truth.forEach((row, i) =>
          row.forEach((v, j) => {
            const shown = pub[i]![j];
            if (shown !== null) expect(shown).toBe(v);
            const small = v >= 1 && v < kk;
            expect(m[i]![j] === 'P').toBe(small);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('every row and column (margins included) holding a suppressed value holds at least two', () => {
    fc.assert(
      fc.property(table, k, (cells, kk) => {
        const m = marks(protectTable({ cells }, { k: kk }));
        for (const row of m) {
          const n = row.filter((x) => x === 'P' || x === 'S').length;
          expect(n === 0 || n >= 2).toBe(true);
        }
        for (let j = 0; j < m[0]!.length; j++) {
          const n = m.filter((row) => row[j] === 'P' || row[j] === 'S').length;
          expect(n === 0 || n >= 2).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const input: CountTable = { cells };
        const before = structuredClone(input);
        protectTable(input);
        expect(input).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});
