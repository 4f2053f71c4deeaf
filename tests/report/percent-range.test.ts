import { describe, expect, it } from 'vitest';
import { percentRange } from '../../src/report/_lib/cell.js';

// Issue 12 item 5: an interval must never read "53 %–53 %".
describe('percentRange', () => {
  it('prints both ends, the sign once', () => {
    // 0.2654 → 27 %, 0.6146 → 61 %
    expect(percentRange(0.2654, 0.6146, 'sv')).toBe('27–61\u00a0%');
    expect(percentRange(0.2654, 0.6146, 'en')).toBe('27–61%');
  });
  it('prints one value when both ends round to the same whole per cent', () => {
    // 0.5251 and 0.5349 both round to 53
    expect(percentRange(0.5251, 0.5349, 'sv')).toBe('53\u00a0%');
    expect(percentRange(0.5251, 0.5349, 'en')).toBe('53%');
  });
});
