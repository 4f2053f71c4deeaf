import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { protectShare, validateProtectShare } from '../../src/privacy/index.js';

describe('protectShare', () => {
  it('suppresses small numerators and denominators, publishes the rest', () => {
    expect(protectShare(3, 20)).toEqual({ suppressed: 'primary', because: 'numerator' });
    expect(protectShare(4, 4)).toEqual({ suppressed: 'primary', because: 'denominator' });
    expect(protectShare(0, 0)).toEqual({ suppressed: 'primary', because: 'denominator' });
    expect(protectShare(0, 20)).toEqual({ share: 0, numerator: 0, denominator: 20 });
    // 5 / 20 = 0.25
    expect(protectShare(5, 20)).toEqual({ share: 0.25, numerator: 5, denominator: 20 });
    expect(protectShare(6, 8, { complement: true })).toEqual({ suppressed: 'primary', because: 'complement' });
    expect(protectShare(2, 4, { k: 2 })).toEqual({ share: 0.5, numerator: 2, denominator: 4 });
  });

  it('rejects counts that are not whole, negative, or a numerator above the denominator', () => {
    const rules = (n: number, d: number) => {
      const r = validateProtectShare(n, d);
      return r.success ? [] : r.issues.map((i) => i.rule);
    };
    expect(rules(1.5, 10)).toEqual(['integer']);
    expect(rules(-1, 10)).toEqual(['min']);
    expect(rules(11, 10)).toEqual(['numerator_exceeds_denominator']);
    expect(rules(Number.NaN, 10)).toEqual(['integer']);
    expect(() => protectShare(11, 10)).toThrow(/numerator_exceeds_denominator/);
  });

  it('never publishes a share built on a count from 1 to k − 1 and never NaN', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.integer({ min: 1, max: 10 }), (a, b, k) => {
        const [n, d] = a <= b ? [a, b] : [b, a];
        const r = protectShare(n, d, { k });
        if ('share' in r) {
          expect(Number.isFinite(r.share)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(k);
          expect(n === 0 || n >= k).toBe(true);
        } else {
          expect(d < k || (n >= 1 && n < k)).toBe(true);
        }
      }),
    );
  });
});
