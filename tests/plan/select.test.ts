import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleSeeded, seededRandom, selectClients } from '../../src/index.js';

describe('selectClients', () => {
  const candidates = [
    { clientId: 'a', birthDate: '1980-03-05' },
    { clientId: 'b', birthDate: '1979-11-06' },
    { clientId: 'c', birthDate: '1990-12-15' },
    { clientId: 'd', birthDate: '2000-02-25' },
    { clientId: 'e', birthDate: '1985-07-31' },
    { clientId: 'f', birthDate: '1975-01-04' },
  ];

  it('all: every candidate in order', () => {
    expect(selectClients({ selection: { kind: 'all' } }, candidates)).toEqual({ success: true, data: ['a', 'b', 'c', 'd', 'e', 'f'] });
  });

  it('birthdays on the 5th, 15th and 25th (the method’s representative rule)', () => {
    // Days of month: a 5, b 6, c 15, d 25, e 31, f 4 → a, c, d.
    expect(selectClients({ selection: { kind: 'birthdays', days: [5, 15, 25] } }, candidates)).toEqual({ success: true, data: ['a', 'c', 'd'] });
  });

  it('birthdays: a missing or impossible birth date is an issue, nothing is selected', () => {
    const r = selectClients({ selection: { kind: 'birthdays', days: [5] } }, [
      { clientId: 'a' },
      { clientId: 'b', birthDate: '2021-02-30' },
    ]);
    expect(r).toEqual({
      success: false,
      issues: [
        { path: ['candidates', 0, 'birthDate'], rule: 'required', params: {} },
        { path: ['candidates', 1, 'birthDate'], rule: 'calendar_date', params: { value: '2021-02-30' } },
      ],
    });
  });

  it('duplicate and missing client ids', () => {
    const r = selectClients({ selection: { kind: 'all' } }, [{ clientId: 'a' }, { clientId: 'a' }, { clientId: '' }]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['candidates.1.clientId', 'duplicate'], ['candidates.2.clientId', 'required']]);
  });

  it('random: same seed → same sample, of the plan size, in candidate order', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ clientId: `k${i}` }));
    const plan = { selection: { kind: 'random' as const, size: 10, seed: 'björkebo' } };
    const first = selectClients(plan, many);
    const again = selectClients(plan, many);
    expect(first).toEqual(again);
    if (!first.success) throw new Error('failed');
    expect(first.data).toHaveLength(10);
    expect(new Set(first.data).size).toBe(10);
    const order = first.data.map((id) => Number(id.slice(1)));
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    const other = selectClients({ selection: { kind: 'random', size: 10, seed: 'annat' } }, many);
    expect(other).not.toEqual(first);
  });

  it('does not change the candidates', () => {
    const copy = structuredClone(candidates);
    selectClients({ selection: { kind: 'random', size: 3, seed: 1 } }, candidates);
    expect(candidates).toEqual(copy);
  });
});

describe('seededRandom and sampleSeeded', () => {
  it('is reproducible and in [0, 1)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it('draws a subset without replacement, in original order; all items when size ≥ n', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 40 }), fc.integer({ min: -3, max: 50 }), fc.integer(), (items, size, seed) => {
        const copy = [...items];
        const sample = sampleSeeded(items, size, seededRandom(seed));
        expect(items).toEqual(copy);
        expect(sample).toHaveLength(Math.min(Math.max(0, size), items.length));
        // A subsequence of items: the indices rise.
        const idx = sample.map((x) => items.indexOf(x));
        expect(idx.every((v, i) => v >= 0 && (i === 0 || v > idx[i - 1]!))).toBe(true);
        expect(sampleSeeded(items, size, seededRandom(seed))).toEqual(sample);
      }),
    );
  });

  it('every item is about equally likely (a rough check that the shuffle is not biased)', () => {
    // 4000 draws of 2 out of 5: each item expected 4000 × 2/5 = 1600 times.
    const counts = [0, 0, 0, 0, 0];
    const random = seededRandom('fairness');
    for (let t = 0; t < 4000; t++) for (const x of sampleSeeded([0, 1, 2, 3, 4], 2, random)) counts[x]! += 1;
    for (const c of counts) expect(Math.abs(c - 1600)).toBeLessThan(120);
  });
});
