import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  betaQuantile,
  binomialCdf,
  chiSquareUpper,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from '../../src/stats/_lib/special.js';

// Expected values: R 4.2.2's pnorm, qnorm, pchisq, pt, qt, pbinom, qbeta at a
// grid of points, written by tests/stats/fixtures/special.R.
interface Row {
  f: string;
  x: number;
  df?: number;
  n?: number;
  p?: number;
  a?: number;
  b?: number;
  value: number;
}
const rows = JSON.parse(readFileSync(new URL('./fixtures/special.json', import.meta.url), 'utf8')) as Row[];

function compute(r: Row): number {
  switch (r.f) {
    case 'pnorm':
      return normalCdf(r.x);
    case 'qnorm':
      return normalQuantile(r.x);
    case 'pchisq_upper':
      return chiSquareUpper(r.x, r.df!);
    case 'pt':
      return tCdf(r.x, r.df!);
    case 'qt':
      return tQuantile(r.x, r.df!);
    case 'pbinom':
      return binomialCdf(r.x, r.n!, r.p!);
    case 'qbeta':
      return betaQuantile(r.x, r.a!, r.b!);
    default:
      throw new Error(r.f);
  }
}

describe('special functions against R', () => {
  it('has a fixture', () => {
    expect(rows.length).toBeGreaterThan(200);
  });
  for (const r of rows) {
    it(`${r.f}(${r.x}${r.df !== undefined ? `, df=${r.df}` : ''}${r.n !== undefined ? `, n=${r.n}, p=${r.p}` : ''}${r.a !== undefined ? `, a=${r.a}, b=${r.b}` : ''})`, () => {
      const got = compute(r);
      // Relative agreement to 1e-9, or absolute 1e-300 for values that underflow.
      expect(Math.abs(got - r.value)).toBeLessThanOrEqual(Math.max(1e-9 * Math.abs(r.value), 1e-300));
    });
  }
});
