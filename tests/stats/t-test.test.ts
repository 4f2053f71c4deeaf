// twoSampleTTest (src/stats/t-test.ts) against R t.test(x, y, var.equal =, alternative =, conf.level =):
// R's ?t.test sleep example and the random cases of fixtures/group-options.json (group-options.R).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { twoSampleTTest, type TwoSampleTTestResult } from '../../src/stats/index.js';
import { UppfoljningError } from '../../src/core/error.js';
import '../../src/locales/index.js';
import { expectRel, ok, rOptionCases } from './r-cases.js';

const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2];
const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('twoSampleTTest', () => {
  it("R's ?t.test sleep data: t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776, p-value = 0.07939, [-3.3654832, 0.2054832]", () => {
    const r = ok<TwoSampleTTestResult>(twoSampleTTest(g1, g2));
    expect(r).toMatchObject({ method: 'welch-t', statisticName: 't', alternative: 'two-sided', estimateName: 'difference in means', n: 20, n1: 10, n2: 10 });
    expect(r.statistic).toBeCloseTo(-1.860813, 6);
    expect(r.df).toBeCloseTo(17.77647, 5);
    expect(r.pValue).toBeCloseTo(0.07939414, 8);
    expect(r.estimate).toBeCloseTo(-1.58, 12);
    expect(r.interval.lower).toBeCloseTo(-3.3654832, 7);
    expect(r.interval.upper).toBeCloseTo(0.2054832, 7);
    // var.equal = TRUE: t = -1.8608, df = 18, p-value = 0.07919
    const s = ok<TwoSampleTTestResult>(twoSampleTTest(g1, g2, { varEqual: true }));
    expect(s.method).toBe('student-t');
    expect(s.df).toBe(18);
    expect(s.pValue).toBeCloseTo(0.07918671, 8);
  });
  it('agrees with R on random samples, both variances, all three alternatives, to 1e-9', () => {
    const cases = rOptionCases('t2');
    expect(cases.length).toBeGreaterThan(60);
    for (const c of cases) {
      const alternative = c.alternative as 'two-sided' | 'greater' | 'less';
      const r = ok<TwoSampleTTestResult>(
        twoSampleTTest(c.x as number[], c.y as number[], { alternative, varEqual: c.varEqual as boolean, confidence: c.conf as number }),
      );
      const what = `${alternative} varEqual=${String(c.varEqual)}`;
      expectRel(r.statistic, c.t as number, 1e-9, `${what} t`);
      expectRel(r.df, c.df as number, 1e-9, `${what} df`);
      expectRel(r.pValue, c.p as number, 1e-9, `${what} p`);
      expectRel(r.estimate, c.estimate as number, 1e-9, `${what} estimate`);
      expectRel(r.stderr, c.stderr as number, 1e-9, `${what} stderr`);
      const [lo, hi] = c.ci as [number, number];
      expectRel(r.interval.lower, lo, 1e-9, `${what} lower`);
      expectRel(r.interval.upper, hi, 1e-9, `${what} upper`);
    }
  });
  it('greater + less = 1; swapping the groups swaps them; the interval contains the estimate', () => {
    const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 15 });
    fc.assert(
      fc.property(sample, sample, fc.boolean(), (x, y, varEqual) => {
        const g = twoSampleTTest(x, y, { alternative: 'greater', varEqual });
        const l = twoSampleTTest(x, y, { alternative: 'less', varEqual });
        const t = twoSampleTTest(x, y, { varEqual });
        if (!g.computed || !l.computed || !t.computed) return;
        expect(g.pValue + l.pValue).toBeCloseTo(1, 12);
        const sg = twoSampleTTest(y, x, { alternative: 'greater', varEqual }) as TwoSampleTTestResult;
        expect(sg.pValue).toBeCloseTo(l.pValue, 12);
        expect(t.interval.lower).toBeLessThanOrEqual(t.estimate);
        expect(t.interval.upper).toBeGreaterThanOrEqual(t.estimate);
        expect(g.interval.upper).toBe(Infinity);
        expect(l.interval.lower).toBe(-Infinity);
      }),
    );
  });
  it('computes whenever the statistic is defined, and says why not otherwise', () => {
    expect(twoSampleTTest([], [1, 2])).toMatchObject({ computed: false, reason: 'too_few', params: { minimum: 1 } });
    expect(twoSampleTTest([1], [1, 2, 4])).toMatchObject({ computed: false, reason: 'too_few', params: { minimum: 2 } });
    // Student's test is defined with one value in a group (R gives the same).
    expect(ok<TwoSampleTTestResult>(twoSampleTTest([1], [1, 2, 4], { varEqual: true })).df).toBe(2);
    expect(twoSampleTTest([3, 3], [3, 3, 3])).toMatchObject({ computed: false, reason: 'no_variation' });
  });
  it('rejects bad options with their path and rule', () => {
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as UppfoljningError).issues.map((i) => [i.path.join('.'), i.rule]);
      }
      return [];
    };
    expect(issues(() => twoSampleTTest(g1, g2, { alternative: 'up' as 'less' }))).toEqual([['options.alternative', 'one_of']]);
    expect(issues(() => twoSampleTTest(g1, g2, { varEqual: 'yes' as unknown as boolean }))).toEqual([['options.varEqual', 'one_of']]);
    expect(issues(() => twoSampleTTest(g1, g2, { confidence: 1 }))).toEqual([['options.confidence', 'open_interval']]);
    expect(issues(() => twoSampleTTest(g1, [1, Number.NaN]))).toEqual([['y.1', 'finite']]);
  });
});
