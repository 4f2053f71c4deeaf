// chiSquareIndependence (src/stats/chi-square.ts): Pearson's test, its fall-backs and notes.
// The exact Fisher–Freeman–Halton engine behind it is tested in freeman-halton.slow.test.ts.
import { describe, expect, it } from 'vitest';
import { chiSquareIndependence, type ChiSquareResult } from '../../src/stats/index.js';
import { UppfoljningError } from '../../src/core/error.js';
import { ok } from './r-cases.js';

describe('chiSquareIndependence', () => {
  it("Agresti (2007) p. 38 gender × party (R ?chisq.test): X² = 30.07, df = 2, p = 2.954e-07", () => {
    const r = ok<ChiSquareResult>(chiSquareIndependence([[762, 327, 468], [484, 239, 477]]));
    expect(r.method).toBe('chi-square-pearson');
    expect(r.statistic).toBeCloseTo(30.070149, 6);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(2.953589e-7, 12);
    expect(r.cochranOk).toBe(true);
    // Expected count, row 1 col 1: 1557 · 1246 / 2757 = 703.67…
    expect(r.expected[0]![0]).toBeCloseTo((1557 * 1246) / 2757, 10);
  });
  it('drops an empty row and says so; a table with one non-empty row is not computed', () => {
    const r = ok<ChiSquareResult>(chiSquareIndependence([[3, 1], [0, 0], [1, 3]]));
    expect(r.method).toBe('fisher-exact');
    expect(r.pValue).toBeCloseTo(0.4857143, 7); // the tea-tasting table once the empty row is gone
    expect(r.rowsDropped).toEqual([1]);
    expect(r.notes.map((n) => n.code)).toContain('empty_rows_dropped');
    expect(chiSquareIndependence([[3, 4], [0, 0]])).toMatchObject({ computed: false, reason: 'table_shape' });
  });
  it('says when the exact test is too heavy and keeps the chi-square value, flagged', () => {
    const big = [
      [1, 10, 20, 30, 40, 25],
      [0, 12, 18, 33, 37, 30],
      [1, 9, 22, 28, 40, 22],
      [2, 11, 19, 31, 37, 27],
      [0, 0, 1, 0, 1, 1],
    ];
    // A small step limit keeps the test quick; the default (10 million) gives up on this table too.
    const r = ok<ChiSquareResult>(chiSquareIndependence(big, { maxSteps: 100_000 }));
    expect(r.method).toBe('chi-square-pearson');
    expect(r.notes[1]).toEqual({ code: 'exact_infeasible', params: { limit: 100_000 } });
    expect(r.notes.map((n) => n.code)).toEqual(['expected_counts_small', 'exact_infeasible', 'chi_square_approximation']);
  });
  it('rejects ragged tables', () => {
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(UppfoljningError);
  });
});
