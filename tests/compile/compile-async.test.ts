/**
 * compileAsync as a host system uses it: fed from a database cursor or a file
 * read in chunks. It must pull one record at a time (never ask for the next
 * before the last arrived, so a cursor is read page by page), reject with the
 * source's own error when the source fails (no half compilation, the
 * source's cleanup run), and count what it cannot place instead of failing.
 */
import { describe, expect, it } from 'vitest';
import { compile, compileAsync, UppfoljningError, type ClientRecord } from '../../src/index.js';
import { smallPlan as plan } from '../helpers/fixtures.js';
import { garbage, handCohort } from './cohort.js';

const records = handCohort();

/** An async source that notes every pull and fails if a pull starts while the previous one is unanswered. */
function instrumented(items: readonly unknown[], delayMs = 1) {
  const log = { pulls: 0, inFlight: 0, maxInFlight: 0, returned: false };
  const source: AsyncIterable<ClientRecord> = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        async next() {
          log.pulls++;
          log.inFlight++;
          log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          log.inFlight--;
          return i < items.length ? { done: false, value: items[i++] as ClientRecord } : { done: true, value: undefined };
        },
        async return() {
          log.returned = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { source, log };
}

describe('compileAsync for a host system', () => {
  it('pulls one record at a time: never a second pull before the first is answered, and one pull per record plus the end', async () => {
    const { source, log } = instrumented(records);
    expect(await compileAsync(plan, source)).toEqual(compile(plan, records));
    expect(log.maxInFlight).toBe(1);
    expect(log.pulls).toBe(records.length + 1);
  });

  it('reads a paged source lazily: the next page is fetched only when its first record is asked for', async () => {
    const pageSize = 3;
    const fetched: number[] = [];
    let consumed = 0;
    async function* paged() {
      for (let at = 0; at < records.length; at += pageSize) {
        // Every record of the pages fetched so far has been handed over before this fetch.
        fetched.push(consumed);
        const page = records.slice(at, at + pageSize);
        for (const r of page) {
          consumed++;
          yield r;
        }
      }
    }
    await compileAsync(plan, paged());
    // 11 records in pages of 3: fetches after 0, 3, 6 and 9 records were handed over.
    expect(fetched).toEqual([0, 3, 6, 9]);
  });

  it('rejects with the source\'s own error when the source fails part way, after the source has cleaned up', async () => {
    const failure = new Error('connection lost');
    let cleanedUp = false;
    async function* failing() {
      try {
        yield records[0]!;
        yield records[1]!;
        throw failure;
      } finally {
        cleanedUp = true;
      }
    }
    await expect(compileAsync(plan, failing())).rejects.toBe(failure);
    expect(cleanedUp).toBe(true);
  });

  it('rejects when a pull itself rejects (a plain iterator, not a generator), and does not pull again', async () => {
    let pulls = 0;
    const source: AsyncIterable<ClientRecord> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          pulls++;
          if (pulls === 3) throw new Error('fetch failed');
          return { done: false, value: records[pulls - 1]! };
        },
      }),
    };
    await expect(compileAsync(plan, source)).rejects.toThrow('fetch failed');
    expect(pulls).toBe(3);
  });

  it('counts records it cannot place by rule, the same as compile, and keeps reading after them', async () => {
    const mixed = [records[0], ...garbage, ...records.slice(1)];
    const { source, log } = instrumented(mixed);
    const compilation = await compileAsync(plan, source);
    expect(compilation).toEqual(compile(plan, mixed as ClientRecord[]));
    expect(compilation.invalid).toEqual({ total: 5, byRule: { type: 2, plan_mismatch: 1, unknown_code: 1, outside_age_bands: 1 } });
    expect(compilation.counts).toEqual(compile(plan, records).counts);
    expect(log.pulls).toBe(mixed.length + 1);
  });

  it('rejects, never throws synchronously, for a source that is not iterable', async () => {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = compileAsync(plan, { next: () => undefined } as never);
    }).not.toThrow();
    await expect(promise).rejects.toBeInstanceOf(UppfoljningError);
  });
});
