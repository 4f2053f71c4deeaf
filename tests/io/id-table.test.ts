/**
 * The streaming import's compact id table answers as a Map would: for any
 * sequence of ids set and asked for (short and long ones, empty, Latin-1 and
 * wider characters, ids longer than it keeps as bytes, ids ending in digits
 * with leading zeros or none, more prefixes than it numbers, lines in any
 * order and far apart, enough of them to grow its slots and fill pages),
 * `get`, `has`, `size` and `claim` (get, and set when absent) are the
 * Map's, also past the ids it numbers in its slots.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdLines } from '../../src/io/id-table.js';

const idArb = fc.oneof(
  fc.constantFrom('', 'k-1', 'k-2', 'bk-01-896c', 'Åsa-1', 'ö', 'k\u0101', '\u{1f600}', 'x'.repeat(255), 'x'.repeat(256)),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.nat(5000).map((n) => `id-${n}`),
  // Prefix and digits: leading zeros, no digits, only digits, a wide character in the prefix, a digit run too long to pack.
  fc.tuple(fc.constantFrom('', 'k-', 'k-0', 'klient-', 'ö-', '\u0101-', 'x'.repeat(33)), fc.stringMatching(/^[0-9]{0,12}$/)).map(([p, d]) => p + d),
  fc.constantFrom('1'.repeat(508), '1'.repeat(509), `k-${'2'.repeat(600)}`),
);

describe('IdLines', () => {
  it('answers get, has and size as a Map of the same sets', () => {
    fc.assert(
      // A table that numbers only a few ids (then keeps the rest in a Map beside), or the usual one.
      fc.property(fc.array(fc.tuple(idArb, fc.nat(1_000_000), fc.constantFrom('get', 'set', 'claim')), { maxLength: 3000 }), fc.option(fc.nat(50)), (ops, max) => {
        const table = max === null ? new IdLines() : new IdLines(max);
        const map = new Map<string, number>();
        for (const [id, line, op] of ops) {
          expect(table.get(id)).toBe(map.get(id));
          expect(table.has(id)).toBe(map.has(id));
          if (op === 'set') {
            table.set(id, line);
            map.set(id, line);
          } else if (op === 'claim') {
            // claim: the line it had, or enter it.
            const had = map.get(id);
            expect(table.claim(id, line)).toBe(had);
            if (had === undefined) map.set(id, line);
          }
        }
        expect(table.size).toBe(map.size);
        for (const [id, line] of map) expect(table.get(id)).toBe(line);
      }),
      { seed: 11, numRuns: 60 },
    );
  }, 60_000);

  it('keeps ids exactly once its 255 numbered prefixes are used up, and lines far apart or out of order', () => {
    const table = new IdLines();
    const map = new Map<string, number>();
    const ids: string[] = [];
    for (let p = 0; p < 400; p++) for (let i = 0; i < 30; i++) ids.push(`p${String.fromCharCode(97 + (p % 26))}${Math.floor(p / 26)}-x${String(i).padStart(4, '0')}`);
    // A prefix first seen after the numbers are gone is asked for before and after it is set.
    ids.push('zz-0001', 'zz-01', '0001', '');
    let line = 2;
    for (const [k, id] of ids.entries()) {
      expect(table.get(id)).toBe(map.get(id));
      line += k % 97 === 0 ? 100_000 : k % 13 === 0 ? 300 : 1;
      const at = k % 211 === 0 ? 5 : line;
      table.set(id, at);
      map.set(id, at);
    }
    // Every id set again, some with another line, as a Map takes it.
    for (const [k, id] of ids.entries()) if (k % 7 === 0) (table.set(id, k), map.set(id, k));
    expect(table.size).toBe(map.size);
    for (const [id, at] of map) expect(table.get(id)).toBe(at);
    for (const id of ['pa0-x0030', 'zz-001', 'zz-1', '01', '00001', 'pa0-x', 'pa0-']) expect(table.get(id)).toBe(map.get(id));
  });

  it('keeps 200,000 ids across pages of characters and entries, each with its line', () => {
    const table = new IdLines();
    for (let i = 0; i < 200_000; i++) table.set(`klient-${i}-${'y'.repeat(i % 40)}`, i + 2);
    expect(table.size).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(table.get(`klient-${i}-${'y'.repeat(i % 40)}`)).toBe(i + 2);
    expect(table.get('klient-200000-')).toBeUndefined();
  }, 60_000);
});
