// chiSquareIndependence (src/stats/chi-square.ts): Pearson's test, its fall-backs and notes.
// The exact Fisher–Freeman–Halton engine behind it is tested in freeman-halton.slow.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chiSquareIndependence, type ChiSquareResult } from '../../src/stats/index.js';
import { UppfoljningError } from '../../src/core/error.js';
import { expectRel, ok, rOptionCases } from './r-cases.js';

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

describe('chiSquareIndependence: Yates and residuals (issue 13)', () => {
  it('agrees with R chisq.test(correct =): X², df, p, $expected, $residuals, $stdres to 1e-9', () => {
    const cases = rOptionCases('chisq');
    expect(cases.length).toBeGreaterThan(40);
    let capped = 0;
    for (const c of cases) {
      const table = c.table as number[][];
      const correct = c.correct as boolean;
      const r = ok<ChiSquareResult>(chiSquareIndependence(table, { exact: false, correct }));
      const what = `${JSON.stringify(table)} correct=${String(correct)}`;
      expect(r.statisticName).toBe('X-squared');
      expect(r.df).toBe(c.df);
      if ((c.statistic as number) < 1e-12) {
        // A capped Yates correction leaves only round-off (R: 8e-31 where this gives 9e-32).
        expect(r.statistic).toBeLessThan(1e-12);
        expect(r.pValue).toBeCloseTo(1, 9);
      } else {
        expectRel(r.statistic, c.statistic as number, 1e-9, `${what} X²`);
        expectRel(r.pValue, c.p as number, 1e-9, `${what} p`);
      }
      for (const [mine, theirs] of [
        [r.expected, c.expected],
        [r.residuals, c.residuals],
        [r.stdres, c.stdres],
      ] as const) {
        (theirs as number[][]).forEach((row, i) => row.forEach((v, j) => expect(mine[i]![j]!).toBeCloseTo(v, 12)));
      }
      if (correct && table.length === 2 && table[0]!.length === 2) {
        const e = r.expected[0]![0]!;
        if (Math.abs(table[0]![0]! - e) < 0.5) capped++;
      }
    }
    // Some 2×2 tables have |ad − bc|/n below ½, where R caps the correction.
    expect(capped).toBeGreaterThan(0);
  });
  it('a 2×2 Yates example by hand (R chisq.test gives X-squared = 0.44643) and the cap at independence', () => {
    // By hand: [[10, 20], [30, 40]] has e = [[12, 18], [28, 42]] and |o − e| = 2 in every cell,
    // so X² = 2² Σ 1/e = 0.7937 and Yates's X² = 1.5² Σ 1/e = 0.4464 (R: X-squared = 0.44643).
    const t = [[10, 20], [30, 40]];
    const plain = ok<ChiSquareResult>(chiSquareIndependence(t, { exact: false }));
    const yates = ok<ChiSquareResult>(chiSquareIndependence(t, { exact: false, correct: true }));
    const sumInv = 1 / 12 + 1 / 18 + 1 / 28 + 1 / 42;
    expect(plain.statistic).toBeCloseTo(4 * sumInv, 12);
    expect(yates.statistic).toBeCloseTo(2.25 * sumInv, 12);
    expect(yates.notes.map((n) => n.code)).toContain('continuity_corrected');
    // At independence the correction would push X² away from 0; R's cap keeps it 0.
    const flat = ok<ChiSquareResult>(chiSquareIndependence([[5, 5], [6, 6]], { exact: false, correct: true }));
    expect(flat.statistic).toBe(0);
    expect(flat.pValue).toBe(1);
  });
  it("R's ?chisq.test 2×2 example with Yates (the default there): x <- matrix(c(12, 5, 7, 7), ncol = 2); chisq.test(x)$p.value # 0.4233", () => {
    // By hand: rows [12, 7] and [5, 7], N = 31, margins 19, 12 and 17, 14; |ad − bc|/N = 49/31 = 1.5806
    // in every cell, Σ 1/e = N³/(19·12·17·14) = 29791/54264, so Yates's
    // X² = (49/31 − 0.5)² · 29791/54264 = 0.64112 and p = P(χ²₁ > 0.64112) = 0.42331.
    const yates = ok<ChiSquareResult>(chiSquareIndependence([[12, 7], [5, 7]], { correct: true }));
    expect(yates.method).toBe('chi-square-pearson');
    expect(yates.statistic).toBeCloseTo((49 / 31 - 0.5) ** 2 * (29791 / 54264), 12);
    expect(yates.df).toBe(1);
    expect(yates.pValue).toBeCloseTo(0.4233, 4); // R's documentation prints 0.4233
    expect(yates.notes.map((n) => n.code)).toContain('continuity_corrected');
    // Without Yates (correct = FALSE in R): X² = (49/31)² · 29791/54264 = 1.3716.
    const plain = ok<ChiSquareResult>(chiSquareIndependence([[12, 7], [5, 7]]));
    expect(plain.statistic).toBeCloseTo((49 / 31) ** 2 * (29791 / 54264), 12);
    expect(plain.pValue).toBeGreaterThan(0.2);
    expect(plain.pValue).toBeLessThan(yates.pValue);
  });
  it('the squared Pearson residuals add up to X²; Yates never raises it; the residuals of a row sum to 0', () => {
    const table = fc.integer({ min: 2, max: 4 }).chain((cols) =>
      fc.array(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: cols, maxLength: cols }), { minLength: 2, maxLength: 4 }),
    );
    fc.assert(
      fc.property(table, (t) => {
        const plain = ok<ChiSquareResult>(chiSquareIndependence(t, { exact: false }));
        const sum = plain.residuals.flat().reduce((a, r) => a + r * r, 0);
        expect(sum).toBeCloseTo(plain.statistic, 9);
        plain.residuals.forEach((row, i) => {
          const weighted = row.reduce((a, r, j) => a + r * Math.sqrt(plain.expected[i]![j]!), 0);
          expect(weighted).toBeCloseTo(0, 9);
        });
        const yates = ok<ChiSquareResult>(chiSquareIndependence(t, { exact: false, correct: true }));
        expect(yates.statistic).toBeLessThanOrEqual(plain.statistic + 1e-12);
        expect(yates.residuals).toEqual(plain.residuals);
      }),
    );
  });
});
