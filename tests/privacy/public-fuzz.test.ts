import { it, expect } from 'vitest';
import * as privacy from '../../src/privacy/index.js';
import { fuzzEveryFunction, issuesOf } from '../core/fuzz-result.js';

// Every function the privacy module exports (src/index.ts re-exports them all).
fuzzEveryFunction(privacy);

// Typical mistakes: the path names the argument (options by the option's own name, as before), the rule says what is wrong.
it('names the argument and the rule for typical mistakes', async () => {
  expect(privacy.validateProtectShare(3, 20, null as never)).toEqual({ success: false, issues: [{ path: ['options'], rule: 'type', params: { expected: 'object', received: 'null' } }] });
  expect(privacy.validateProtectShare(3, 20, { complement: 'yes' } as never)).toMatchObject({ success: false, issues: [{ path: ['complement'], rule: 'type' }] });
  expect(privacy.validateProtectTable('1,2;3,4' as never)).toMatchObject({ success: false, issues: [{ path: ['table'], rule: 'type' }] });
  expect(privacy.validateProtectTable({ cells: [[1, 2]] }, { hidden: { rowTotals: 0 } } as never)).toMatchObject({ success: false, issues: [{ path: ['hidden', 'rowTotals'], rule: 'type' }] });
  // An extra argument (the locale it once took for its errors) is ignored.
  expect(await issuesOf(() => (privacy.protectShare as (...a: unknown[]) => unknown)(12, 20, {}, 'de'))).toEqual([]);
  expect(await issuesOf(() => privacy.isSuppressed(null as never))).toEqual([[['cell'], 'type']]);
  expect(await issuesOf(() => privacy.formatProtectedCell({ suppressed: 'tertiary' } as never))).toEqual([[['cell', 'suppressed'], 'one_of']]);
  expect(await issuesOf(() => privacy.formatProtectedCell({ value: '12' } as never))).toEqual([[['cell', 'value'], 'type']]);
  expect(await issuesOf(() => privacy.formatProtectedCell({ value: 12 }, 'sv' as never))).toEqual([[['formatNumber'], 'type']]);
});
