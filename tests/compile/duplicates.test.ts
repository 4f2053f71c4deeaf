import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, compileAsync, formatIssue, mergeCompilations } from '../../src/index.js';
import { validRecords } from '../helpers/arbitraries.js';
import { makeRecord, smallPlan as plan } from '../helpers/fixtures.js';

/** Picks indices (with repeats) of records to give again, and a shuffle of the whole list. */
const withCopies = validRecords(25).chain((records) =>
  fc.record({
    records: fc.constant(records),
    again: records.length === 0 ? fc.constant([] as number[]) : fc.array(fc.nat(records.length - 1), { maxLength: 10 }),
    seed: fc.integer(),
  }),
);

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('a record given twice is reported and counted once (issue 10, item 6)', () => {
  it('one copy: counted once, the other in invalid.byRule.duplicate_record', () => {
    const r = makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } }, after: { measures: { 'tilltro-nykterhet': 4 }, goalsMet: [] } });
    const once = compile(plan, [r]);
    const twice = compile(plan, [r, structuredClone(r)]);
    expect(twice.counts).toEqual(once.counts);
    expect(twice.invalid).toEqual({ total: 1, byRule: { duplicate_record: 1 } });
  });

  it('the identity is client, intervention and enrolment date: a client selected again later, or in another intervention, is another record', () => {
    const a = makeRecord({ id: 'k-same', enrolled: '2024-01-08' });
    const later = makeRecord({ id: 'k-same', enrolled: '2024-05-06' });
    const other = makeRecord({ id: 'k-same', enrolled: '2024-01-08', intervention: 'b' });
    const c = compile(plan, [a, later, other, a]);
    expect(c.invalid).toEqual({ total: 1, byRule: { duplicate_record: 1 } });
    expect(c.counts.flow.filter((_, i) => i % (c.counts.flow.length / c.cells) === 0).reduce((x, y) => x + y, 0)).toBe(3);
  });

  it('two versions of one record (an old export and a new one): the first read counts, the other is reported', () => {
    const enrolled = makeRecord({ id: 'k-v' });
    const closed = makeRecord({ id: 'k-v', before: {}, after: { goalsMet: [] } });
    expect(compile(plan, [enrolled, closed]).invalid.byRule).toEqual({ duplicate_record: 1 });
    expect(compile(plan, [closed, enrolled]).invalid.byRule).toEqual({ duplicate_record: 1 });
  });

  it('property: compiling with extra copies, in any order, equals compiling each record once, with the copies counted in invalid', async () => {
    await fc.assert(
      fc.asyncProperty(withCopies, async ({ records, again, seed }) => {
        const given = shuffled([...records, ...again.map((i) => structuredClone(records[i]!))], seed);
        const once = compile(plan, records);
        const withDuplicates = compile(plan, given);
        expect(withDuplicates.counts).toEqual(once.counts);
        expect(withDuplicates.invalid).toEqual(again.length === 0 ? { total: 0, byRule: {} } : { total: again.length, byRule: { duplicate_record: again.length } });
        expect(await compileAsync(plan, given)).toEqual(withDuplicates);
      }),
      { numRuns: 60 },
    );
  });

  it('merge adds the duplicates each compilation found (it cannot see a record given to two of them: no ids leave a compilation)', () => {
    const r = makeRecord({ before: {} });
    const merged = mergeCompilations([compile(plan, [r, r]), compile(plan, [r])]);
    expect(merged.invalid).toEqual({ total: 1, byRule: { duplicate_record: 1 } });
    expect(JSON.stringify(merged)).not.toContain(r.clientId);
  });

  it('the rule has a Swedish and an English text', () => {
    const issue = { path: [3], rule: 'duplicate_record', params: {} } as const;
    expect(formatIssue(issue, 'sv')).toMatch(/samma klient, insats och urvalsdatum/);
    expect(formatIssue(issue, 'en')).toMatch(/counted once/);
  });
});
