/**
 * Shared by the statistics tests (fisher, chi-square, freeman-halton, mann-whitney,
 * kruskal-wallis, kendall, paired, effect sizes): their R cases and a check that a result was computed.
 */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';

/** The result, after checking it was computed. */
export const ok = <T>(r: T | { computed: false }): T => {
  expect((r as { computed: boolean }).computed).toBe(true);
  return r as T;
};

/**
 * The R cases in `fixtures/<name>.json`: R 4.2.2 (with exactRankTests 0.8-35) on random cases,
 * written by tests/stats/fixtures/group-tests.R, which lists the R calls; `published.json`
 * holds the worked examples of R's documentation (written by published.R); `group-options.json`
 * the options of issue 13 (alternative, correct, exact, confidence, varEqual; written by
 * group-options.R, which lists its R calls).
 */
export const rCases = (name: 'fisher' | 'freeman-halton' | 'mann-whitney' | 'kruskal-wallis' | 'kendall' | 'published' | 'group-options') =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>[];

/** The cases of one kind in group-options.json. */
export const rOptionCases = (kind: string) => rCases('group-options').filter((r) => r.kind === kind);

/** |actual / expected − 1| ≤ tol, with equal infinities and exact zeros allowed. */
export const expectRel = (actual: number, expected: number, tol = 1e-9, what = '') => {
  if (expected === 0 || !Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(Math.abs(actual / expected - 1), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
};

/** One worked example of published.json by its name. */
export const published = (name: string): Record<string, unknown> => {
  const found = rCases('published').find((p) => p.name === name);
  if (found === undefined) throw new Error(`no published example named ${name}`);
  return found;
};
