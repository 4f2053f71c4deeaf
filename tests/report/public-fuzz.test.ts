/**
 * Every function of the report entry, called with arbitrary arguments
 * (fast-check `anything`, 0–3 of them): it returns, or it throws an
 * UppfoljningError naming the path and the rule; never a TypeError or a
 * RangeError from inside (tests/helpers/fuzz-api.ts).
 */
import { describe, expect, it } from 'vitest';
import * as report from '../../src/report/index.js';
import { firstCrash } from '../helpers/fuzz-api.js';

describe('uppfoljning/report: nothing a caller passes crashes', () => {
  for (const [name, f] of Object.entries(report)) {
    if (typeof f !== 'function') continue;
    it(name, async () => {
      expect(await firstCrash(f as (...args: unknown[]) => unknown, 60)).toBeUndefined();
    });
  }

  it('formatNumber and formatPercent refuse what they cannot write, by path and rule', () => {
    expect(() => report.formatNumber(Number.NaN)).toThrow('value: måste vara ett ändligt tal');
    expect(() => report.formatPercent(0.5, 'de' as never)).toThrow(/locale: .*\[one_of\]/);
    expect(() => report.formatNumber(1, 'sv', 21)).toThrow(/digits: .*\[max\]/);
  });

  it('renderSvg: not an object is a type issue, a specification vega rejects a format issue', async () => {
    await expect(report.renderSvg(null as never)).rejects.toMatchObject({ issues: [{ path: ['spec'], rule: 'type' }] });
    await expect(report.renderSvg({ $schema: 'x', mark: 'no-such-mark' } as never)).rejects.toMatchObject({ issues: [{ path: ['spec'], rule: 'format' }] });
  });
});
