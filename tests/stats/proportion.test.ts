import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  clopperPearsonInterval,
  newcombeDifference,
  riskDifference,
  shareWithInterval,
  wilsonInterval,
  type ShareDifference,
  type ShareInterval,
} from '../../src/stats/proportion.js';
import { UppfoljningError } from '../../src/core/error.js';
// The texts are their own module (every entry point loads it); this test imports stats directly.
import '../../src/locales/index.js';

const computed = <T>(r: T | { computed: false }): T => {
  expect((r as { computed: boolean }).computed).toBe(true);
  return r as T;
};

describe('wilsonInterval and clopperPearsonInterval', () => {
  // R. G. Newcombe (1998), Two-sided confidence intervals for the single
  // proportion, Stat Med 17:857–872, Table I: method 3 (Wilson score) and
  // method 5 (Clopper–Pearson exact), to 4 decimals.
  const published: [number, number, [number, number], [number, number]][] = [
    [81, 263, [0.2553, 0.3662], [0.2527, 0.3676]],
    [15, 148, [0.0624, 0.1605], [0.0578, 0.1617]],
    [0, 20, [0, 0.1611], [0, 0.1684]],
    [1, 29, [0.0061, 0.1718], [0.0009, 0.1776]],
  ];
  for (const [x, n, w, cp] of published) {
    it(`${x}/${n} matches Newcombe 1998a Table I`, () => {
      const wi = computed<ShareInterval>(wilsonInterval(x, n));
      expect(wi.lower).toBeCloseTo(w[0], 4);
      expect(wi.upper).toBeCloseTo(w[1], 4);
      const ci = computed<ShareInterval>(clopperPearsonInterval(x, n));
      expect(ci.lower).toBeCloseTo(cp[0], 4);
      expect(ci.upper).toBeCloseTo(cp[1], 4);
    });
  }

  // R 4.2.2: prop.test(x, n, correct = FALSE) and binom.test(x, n) on random
  // cases, written by tests/stats/fixtures/proportion.R.
  const rows = JSON.parse(readFileSync(new URL('./fixtures/proportion.json', import.meta.url), 'utf8')) as {
    x: number;
    n: number;
    conf: number;
    wilson: [number, number];
    cp: [number, number];
  }[];
  it('agrees with R on 60 random cases to 1e-9', () => {
    for (const r of rows) {
      const w = computed<ShareInterval>(wilsonInterval(r.x, r.n, { confidence: r.conf }));
      const c = computed<ShareInterval>(clopperPearsonInterval(r.x, r.n, { confidence: r.conf }));
      expect(w.lower).toBeCloseTo(r.wilson[0], 9);
      expect(w.upper).toBeCloseTo(r.wilson[1], 9);
      expect(c.lower).toBeCloseTo(r.cp[0], 9);
      expect(c.upper).toBeCloseTo(r.cp[1], 9);
    }
  });

  it('says n = 0 is too few instead of printing NaN', () => {
    expect(wilsonInterval(0, 0)).toEqual({ computed: false, n: 0, reason: 'too_few', params: { n: 0, minimum: 1 } });
    expect(shareWithInterval(0, 0, { method: 'clopper-pearson' })).toMatchObject({ computed: false, reason: 'too_few' });
  });

  it('names the parameter and the rule for bad input', () => {
    const rule = (f: () => unknown): [string, string] => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(UppfoljningError);
        const i = (e as UppfoljningError).issues[0]!;
        return [i.path.join('.'), i.rule];
      }
      throw new Error('did not throw');
    };
    expect(rule(() => wilsonInterval(9, 8))).toEqual(['successes', 'exceeds_total']);
    expect(rule(() => wilsonInterval(Number.NaN, 8))).toEqual(['successes', 'finite']);
    expect(rule(() => wilsonInterval(1, Infinity))).toEqual(['n', 'finite']);
    expect(rule(() => wilsonInterval(-1, 8))).toEqual(['successes', 'min']);
    expect(rule(() => wilsonInterval(1.5, 8))).toEqual(['successes', 'integer']);
    expect(rule(() => clopperPearsonInterval(1, 8, { confidence: 1 }))).toEqual(['options.confidence', 'open_interval']);
    expect(rule(() => riskDifference({ successes: 3, n: 2 }, { successes: 0, n: 1 }))).toEqual([
      'group1.successes',
      'exceeds_total',
    ]);
    try {
      wilsonInterval(9, 8);
    } catch (e) {
      expect((e as UppfoljningError).format('en')).toBe('successes: must not exceed n (9 > 8) [exceeds_total]');
    }
  });

  it('contains the estimate and stays within [0, 1]; Clopper–Pearson contains Wilson at 0 and n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.8, 0.9, 0.95, 0.99), (n, f, confidence) => {
        const x = Math.round(f * n);
        for (const r of [wilsonInterval(x, n, { confidence }), clopperPearsonInterval(x, n, { confidence })]) {
          const s = computed<ShareInterval>(r);
          expect(s.lower).toBeGreaterThanOrEqual(0);
          expect(s.upper).toBeLessThanOrEqual(1);
          expect(s.lower).toBeLessThanOrEqual(s.estimate);
          expect(s.upper).toBeGreaterThanOrEqual(s.estimate);
        }
        // Symmetry: the interval for n − x failures mirrors the one for x.
        const a = computed<ShareInterval>(wilsonInterval(x, n, { confidence }));
        const b = computed<ShareInterval>(wilsonInterval(n - x, n, { confidence }));
        expect(a.lower).toBeCloseTo(1 - b.upper, 12);
      }),
    );
  });
});

describe('newcombeDifference / riskDifference', () => {
  // R. G. Newcombe (1998), Interval estimation for the difference between
  // independent proportions, Stat Med 17:873–890, Table II, method 10, to 4 decimals.
  const published: [number, number, number, number, number, number][] = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ];
  for (const [x1, n1, x2, n2, lo, hi] of published) {
    it(`${x1}/${n1} − ${x2}/${n2} matches Newcombe 1998b Table II`, () => {
      const d = computed<ShareDifference>(newcombeDifference(x1, n1, x2, n2));
      expect(d.lower).toBeCloseTo(lo, 4);
      expect(d.upper).toBeCloseTo(hi, 4);
      expect(riskDifference({ successes: x1, n: n1 }, { successes: x2, n: n2 })).toEqual(d);
    });
  }

  it('an empty group is too few', () => {
    expect(newcombeDifference(0, 0, 1, 2)).toMatchObject({ computed: false, reason: 'too_few', params: { minimum: 1 } });
  });

  it('swapping the groups mirrors the interval; it contains the estimate within [−1, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }), fc.nat(), fc.nat(), (n1, n2, a, b) => {
        const x1 = a % (n1 + 1);
        const x2 = b % (n2 + 1);
        const d = computed<ShareDifference>(newcombeDifference(x1, n1, x2, n2));
        const e = computed<ShareDifference>(newcombeDifference(x2, n2, x1, n1));
        expect(d.lower).toBeCloseTo(-e.upper, 12);
        expect(d.upper).toBeCloseTo(-e.lower, 12);
        expect(d.lower).toBeLessThanOrEqual(d.estimate + 1e-12);
        expect(d.upper).toBeGreaterThanOrEqual(d.estimate - 1e-12);
        expect(d.lower).toBeGreaterThanOrEqual(-1);
        expect(d.upper).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('continuity-corrected Wilson and Newcombe intervals (issue 13)', () => {
  // R. G. Newcombe (1998), Stat Med 17:857–872, Table I, method 4 (score with continuity correction), to 4 decimals.
  const method4: [number, number, [number, number]][] = [
    [81, 263, [0.2535, 0.3682]],
    [15, 148, [0.0598, 0.1644]],
    [0, 20, [0, 0.2005]],
    [1, 29, [0.0018, 0.1963]],
  ];
  for (const [x, n, [lo, hi]] of method4) {
    it(`${x}/${n} matches Newcombe 1998a Table I, method 4`, () => {
      const w = computed<ShareInterval>(wilsonInterval(x, n, { correct: true }));
      expect(w.lower).toBeCloseTo(lo, 4);
      expect(w.upper).toBeCloseTo(hi, 4);
      expect(w.notes).toEqual([{ code: 'continuity_corrected', params: {} }]);
    });
  }
  const rows = JSON.parse(readFileSync(new URL('./fixtures/group-options.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
  it('agrees with R prop.test(x, n, correct =)$conf.int to 1e-9, except R\'s cap at x = n/2 (documented)', () => {
    const cases = rows.filter((r) => r.kind === 'wilson');
    let halves = 0;
    for (const c of cases) {
      const [x, n, conf, correct] = [c.x as number, c.n as number, c.conf as number, c.correct as boolean];
      const [lo, hi] = c.ci as [number, number];
      const w = computed<ShareInterval>(wilsonInterval(x, n, { confidence: conf, correct }));
      if (correct && 2 * x === n) {
        // R's correction is min(½, |x − n/2|) = 0 here: R gives the uncorrected interval, Newcombe's is wider.
        halves++;
        const plain = computed<ShareInterval>(wilsonInterval(x, n, { confidence: conf }));
        expect(plain.lower).toBeCloseTo(lo, 9);
        expect(plain.upper).toBeCloseTo(hi, 9);
        expect(w.lower).toBeLessThan(lo);
        expect(w.upper).toBeGreaterThan(hi);
        continue;
      }
      expect(w.lower).toBeCloseTo(lo, 9);
      expect(w.upper).toBeCloseTo(hi, 9);
    }
    expect(halves).toBeGreaterThan(0);
  });
  it("newcombeDifference with and without correction agrees with Newcombe's closed forms (methods 10, 11) written in R", () => {
    const cases = rows.filter((r) => r.kind === 'newcombe');
    expect(cases.length).toBeGreaterThan(100);
    for (const c of cases) {
      const [lo, hi] = c.ci as [number, number];
      const d = computed<ShareDifference>(
        newcombeDifference(c.x1 as number, c.n1 as number, c.x2 as number, c.n2 as number, { confidence: c.conf as number, correct: c.correct as boolean }),
      );
      expect(d.lower).toBeCloseTo(Math.max(-1, lo), 9);
      expect(d.upper).toBeCloseTo(Math.min(1, hi), 9);
    }
  });
  it('the corrected interval contains the uncorrected one and the estimate; Clopper–Pearson refuses correct', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), ([x, n]) => {
        const w = computed<ShareInterval>(wilsonInterval(x, n));
        const c = computed<ShareInterval>(wilsonInterval(x, n, { correct: true }));
        expect(c.lower).toBeLessThanOrEqual(w.lower + 1e-15);
        expect(c.upper).toBeGreaterThanOrEqual(w.upper - 1e-15);
        expect(c.lower).toBeLessThanOrEqual(x / n);
        expect(c.upper).toBeGreaterThanOrEqual(x / n);
      }),
    );
    expect(() => clopperPearsonInterval(3, 8, { correct: true })).toThrow(UppfoljningError);
    expect(() => wilsonInterval(3, 8, { correct: 'yes' as unknown as boolean })).toThrow(/correct/);
  });
});
