// The exact Fisher–Freeman–Halton test (src/stats/_lib/freeman-halton.ts and its network
// algorithm, src/stats/_lib/network.ts), through chiSquareIndependence, against R fisher.test on
// the r×c tables of tests/stats/fixtures/freeman-halton.json (written by group-tests.R): exact
// enumeration of every table with the observed margins, about a second of CPU, so in the slow project.
import { describe, expect, it } from 'vitest';
import { chiSquareIndependence, type ChiSquareResult } from '../../src/stats/index.js';
import { freemanHaltonNetwork } from '../../src/stats/_lib/network.js';
import { ok, rCases } from './r-cases.js';

describe('the exact Fisher–Freeman–Halton test, through chiSquareIndependence', () => {
  it('falls back to the exact test when expected counts are small, and matches R fisher.test (r×c)', () => {
    const cases = rCases('freeman-halton');
    expect(cases.length).toBeGreaterThan(15);
    let exactCount = 0;
    for (const c of cases) {
      const r = ok<ChiSquareResult>(chiSquareIndependence(c.table as number[][], { exact: true }));
      if (r.method === 'chi-square-pearson') {
        // Enumeration would pass the limit: it must say so, and only for the larger tables.
        expect(r.notes.map((n) => n.code)).toContain('exact_infeasible');
        expect(r.n).toBeGreaterThan(30);
        continue;
      }
      exactCount++;
      expect(r.method).toBe('fisher-freeman-halton');
      expect(r.pValue).toBeCloseTo(c.p as number, 9);
      expect(r.statistic).toBeCloseTo(c.x2 as number, 9);
      expect(r.df).toBe(c.df);
      expect(r.chiSquarePValue).toBeCloseTo(c.chisq_p as number, 9);
      const auto = ok<ChiSquareResult>(chiSquareIndependence(c.table as number[][]));
      expect(auto.cochranOk).toBe(false); // these small tables all fail Cochran's rule
      expect(auto.method).toBe('fisher-freeman-halton');
    }
    expect(exactCount).toBeGreaterThan(12);
  });
  it('Job satisfaction × income (R ?fisher.test, n = 104): exact Fisher–Freeman–Halton p = 0.7827', () => {
    const job = [
      [1, 3, 10, 6],
      [2, 3, 10, 7],
      [1, 6, 14, 12],
      [0, 1, 9, 11],
    ];
    const r = ok<ChiSquareResult>(chiSquareIndependence(job));
    expect(r.cochranOk).toBe(false);
    expect(r.method).toBe('fisher-freeman-halton');
    expect(r.pValue).toBeCloseTo(0.7827, 4); // R: fisher.test(Job) p-value = 0.7827
    expect(r.statistic).toBeCloseTo(5.9655, 4); // R: chisq.test(Job) X-squared = 5.9655, df = 9
    expect(r.chiSquarePValue).toBeCloseTo(0.7434, 4); // R: p-value = 0.7434 (with a warning)
  });
  it('both exact algorithms (network, depth-first) agree with R fisher.test on the random r×c tables', () => {
    for (const c of rCases('freeman-halton')) {
      const t = c.table as number[][];
      const rows = t.map((r) => r.reduce((a, b) => a + b, 0));
      const cols = t[0]!.map((_, j) => t.reduce((a, r) => a + r[j]!, 0));
      const n = rows.reduce((a, b) => a + b, 0);
      expect(freemanHaltonNetwork(t, rows, cols, n, 1e7)).toBeCloseTo(c.p as number, 9);
    }
    // R: fisher.test(matrix(c(1,2,5,5, 1,5,3,5, 4,0,5,1, 3,3,4,2), 4, byrow = TRUE)) p-value = 0.2023858
    const hard = [
      [1, 2, 5, 5],
      [1, 5, 3, 5],
      [4, 0, 5, 1],
      [3, 3, 4, 2],
    ];
    expect(ok<ChiSquareResult>(chiSquareIndependence(hard)).pValue).toBeCloseTo(0.2023858, 7);
  });
});
