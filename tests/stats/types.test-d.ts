import { expectTypeOf, it } from 'vitest';
import {
  shareWithInterval,
  wilcoxonSignedRank,
  type NotComputed,
  type ShareInterval,
  type StatsMethod,
  type WilcoxonSignedRankResult,
} from '../../src/index.js';

it('results narrow on `computed`', () => {
  const r = wilcoxonSignedRank([1, 2, 3, 4, 5, 6]);
  expectTypeOf(r).toEqualTypeOf<WilcoxonSignedRankResult | NotComputed>();
  if (r.computed) {
    expectTypeOf(r.pValue).toBeNumber();
    expectTypeOf(r.method).toEqualTypeOf<'wilcoxon-signed-rank-exact' | 'wilcoxon-signed-rank-normal'>();
    expectTypeOf(r.method).toMatchTypeOf<StatsMethod>();
  } else {
    expectTypeOf(r.reason).toMatchTypeOf<string>();
  }
  const s = shareWithInterval(1, 2);
  expectTypeOf(s).toEqualTypeOf<ShareInterval | NotComputed>();
});
