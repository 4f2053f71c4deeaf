/** Shared by groups.test.ts and groups.slow.test.ts: the R cases and a check that a result was computed. */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';

/** The result, after checking it was computed. */
export const ok = <T>(r: T | { computed: false }): T => {
  expect((r as { computed: boolean }).computed).toBe(true);
  return r as T;
};

// R 4.2.2 (with exactRankTests 0.8-35) on random cases, written by
// tests/stats/fixtures/groups.R; the R calls are listed there.
const rows = JSON.parse(readFileSync(new URL('./fixtures/groups.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>[];

/** The R cases of one kind. */
export const of = (kind: string) => rows.filter((r) => r.kind === kind);
