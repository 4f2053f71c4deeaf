import { it, expect } from 'vitest';
import { findingNotes, findingText } from '../../src/index.js';
import { firstCrash } from '../helpers/fuzz-api.js';
import { issuesOf } from '../core/fuzz-result.js';

// The findings' renderers (analyse itself is covered in bad-input.test.ts).
for (const [name, f] of Object.entries({ findingNotes, findingText })) {
  it(name, async () => {
    expect(await firstCrash(f as (...args: unknown[]) => unknown, 100)).toBeUndefined();
  });
}

it('names the argument and the rule for typical mistakes', async () => {
  const finding = { code: 'no_comparison_group', caution: false, params: {} } as const;
  expect(await issuesOf(() => findingText({ ...finding, code: 'nope' } as never))).toEqual([[['finding', 'code'], 'one_of']]);
  expect(await issuesOf(() => findingText(finding, 'de' as never))).toEqual([[['locale'], 'one_of']]);
  expect(await issuesOf(() => findingNotes({ ...finding, notes: [{ code: 'zeros_dropped', params: { count: {} } }] } as never))).toEqual([[['finding', 'notes', 0, 'params', 'count'], 'type']]);
});
