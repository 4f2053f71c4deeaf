/**
 * The rank tests of analyse on counts per value (src/stats/counted-rank.ts)
 * give exactly what mannWhitneyU and kruskalWallis give on the same samples
 * written out value by value: the array functions are checked against R
 * (tests/stats/mann-whitney.test.ts, kruskal-wallis.test.ts), so equality
 * here carries that check over.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandHistogram, kruskalWallis, mannWhitneyU, type HistogramBin } from '../../src/index.js';
import { kruskalWallisCounted, mannWhitneyCounted } from '../../src/stats/counted-rank.js';

/** A histogram on a few change values (−4 … 4), counts up to `max`, some bins empty. */
const histogram = (max: number) =>
  fc.uniqueArray(fc.record({ value: fc.integer({ min: -4, max: 4 }), count: fc.nat(max) }), { selector: (b) => b.value, minLength: 1, maxLength: 9 });

describe('rank tests on counts per value', () => {
  it('Mann–Whitney: the same result as on the values written out, small (exact) and large (normal) samples', () => {
    fc.assert(
      fc.property(fc.oneof(histogram(6), histogram(400)), fc.oneof(histogram(6), histogram(400)), (x, y) => {
        const counted = mannWhitneyCounted(x, y);
        expect(counted).toEqual(mannWhitneyU(expandHistogram(x), expandHistogram(y)));
      }),
      { numRuns: 150 },
    );
  });

  it('Kruskal–Wallis: the same result as on the values written out, for 2 to 5 groups', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(histogram(3), histogram(300)), { minLength: 2, maxLength: 5 }), (groups) => {
        const used = groups.filter((g) => g.some((b) => b.count > 0));
        if (used.length < 2) return;
        expect(kruskalWallisCounted(used)).toEqual(kruskalWallis(used.map((g) => expandHistogram(g))));
      }),
      { numRuns: 150 },
    );
  });

  it('large samples take the normal and chi-square forms from the counts (hand-checked case)', () => {
    // x: 60 at 0, 40 at 1; y: 30 at 0, 70 at 1. Ranks: value 0 holds positions 1–90 (midrank 45.5),
    // value 1 positions 91–200 (midrank 145.5). Rank sum of x = 60·45.5 + 40·145.5 = 8 550,
    // W = 8 550 − 100·101/2 = 3 500, below n1·n2/2 = 5 000.
    const x: HistogramBin[] = [{ value: 0, count: 60 }, { value: 1, count: 40 }];
    const y: HistogramBin[] = [{ value: 0, count: 30 }, { value: 1, count: 70 }];
    const r = mannWhitneyCounted(x, y);
    expect(r).toMatchObject({ computed: true, method: 'mann-whitney-normal', statistic: 3500, n: 200 });
    const k = kruskalWallisCounted([x, y, [{ value: 1, count: 50 }]]);
    expect(k).toMatchObject({ computed: true, method: 'kruskal-wallis', n: 250, sizes: [100, 100, 50] });
  });
});
