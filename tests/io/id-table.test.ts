/**
 * The streaming import's compact id table answers as a Map would: for any
 * sequence of ids set and asked for (short and long ones, empty, Latin-1 and
 * wider characters, ids longer than it keeps as bytes, enough of them to
 * grow its slots and fill pages), `get`, `has` and `size` are the Map's.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdLines } from '../../src/io/id-table.js';

const idArb = fc.oneof(
  fc.constantFrom('', 'k-1', 'k-2', 'bk-01-896c', 'Åsa-1', 'ö', 'k\u0101', '\u{1f600}', 'x'.repeat(255), 'x'.repeat(256)),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.nat(5000).map((n) => `id-${n}`),
);

describe('IdLines', () => {
  it('answers get, has and size as a Map of the same sets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, fc.nat(1_000_000), fc.boolean()), { maxLength: 3000 }), (ops) => {
        const table = new IdLines();
        const map = new Map<string, number>();
        for (const [id, line, write] of ops) {
          expect(table.get(id)).toBe(map.get(id));
          expect(table.has(id)).toBe(map.has(id));
          if (write) {
            table.set(id, line);
            map.set(id, line);
          }
        }
        expect(table.size).toBe(map.size);
        for (const [id, line] of map) expect(table.get(id)).toBe(line);
      }),
      { seed: 11, numRuns: 60 },
    );
  }, 60_000);

  it('keeps 200,000 ids across pages of characters and entries, each with its line', () => {
    const table = new IdLines();
    for (let i = 0; i < 200_000; i++) table.set(`klient-${i}-${'y'.repeat(i % 40)}`, i + 2);
    expect(table.size).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(table.get(`klient-${i}-${'y'.repeat(i % 40)}`)).toBe(i + 2);
    expect(table.get('klient-200000-')).toBeUndefined();
  }, 60_000);
});
