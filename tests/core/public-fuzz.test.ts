import { it, expect } from 'vitest';
import {
  issue, toDotPath, formatIssue, formatIssues, ruleText, UppfoljningError, unwrap,
  notComputed, describeNotComputed, addDaysIso, daysBetweenIso,
} from '../../src/index.js';
import { firstCrash } from '../helpers/fuzz-api.js';
import { issuesOf } from './fuzz-result.js';

// Every function of the core as exported from src/index.ts; the error class is
// called with `new`, and its `format` with garbage too.
const core: Record<string, (...args: unknown[]) => unknown> = {
  issue, toDotPath, formatIssue, formatIssues, ruleText, unwrap, notComputed, describeNotComputed, addDaysIso, daysBetweenIso,
  UppfoljningError: (...args: unknown[]) => new UppfoljningError(...(args as [never])),
  'UppfoljningError.format': (...args: unknown[]) => new UppfoljningError([issue(['id'], 'required')]).format(...(args as [never])),
} as never;

for (const [name, f] of Object.entries(core)) {
  it(name, async () => {
    expect(await firstCrash(f, 100)).toBeUndefined();
  });
}

// Typical mistakes: the path names the argument, the rule says what is wrong.

it('names the argument and the rule for typical mistakes', async () => {
  expect(await issuesOf(() => addDaysIso('2024-02-30', 1))).toEqual([[['date'], 'calendar_date']]);
  expect(await issuesOf(() => addDaysIso('2024-02-28', 1.5))).toEqual([[['days'], 'integer']]);
  expect(await issuesOf(() => addDaysIso('9999-12-31', 1))).toEqual([[['days'], 'max']]);
  expect(await issuesOf(() => daysBetweenIso('2024-01-01', undefined as never))).toEqual([[['to'], 'required']]);
  // issue() builds data and does not check itself (issue 9); what accepts an issue checks it.
  expect(await issuesOf(() => issue('id' as never, 'required'))).toEqual([]);
  expect(await issuesOf(() => formatIssue(issue('id' as never, 'required')))).toEqual([[['issue', 'path'], 'type']]);
  expect(await issuesOf(() => formatIssue(issue(['id'], 7 as never)))).toEqual([[['issue', 'rule'], 'type']]);
  expect(await issuesOf(() => toDotPath([Symbol('x')] as never))).toEqual([[['path', 0], 'type']]);
  expect(await issuesOf(() => formatIssue(null as never))).toEqual([[['issue'], 'type']]);
  expect(await issuesOf(() => formatIssues([{ path: ['id'], rule: 'required', params: {} }], 'de' as never))).toEqual([[['locale'], 'one_of']]);
  expect(await issuesOf(() => formatIssues('id: required' as never))).toEqual([[['issues'], 'type']]);
  expect(await issuesOf(() => unwrap({} as never))).toEqual([[['result', 'success'], 'required']]);
  expect(await issuesOf(() => describeNotComputed({ computed: false, n: 1 } as never))).toEqual([[['result', 'reason'], 'required']]);
});

it('the error itself never fails while reporting odd issues', () => {
  expect(new UppfoljningError(null as never).message).toBe('(root): null [null]');
  expect(new UppfoljningError([{ path: [Symbol('x')], rule: 'required' }] as never).message).toBe('(root): uppgiften saknas men krävs [required]');
  // The message is Swedish; an extra argument (the locale it once took) is ignored, and format renders English.
  expect(new (UppfoljningError as new (...a: unknown[]) => UppfoljningError)([issue(['id'], 'required')], 'en').message).toBe('id: uppgiften saknas men krävs [required]');
  expect(new UppfoljningError([issue(['id'], 'required')]).format('en')).toBe('id: the value is missing but required [required]');
});

it('ruleText stays total for a rule whose toString is not a function', () => {
  expect(ruleText({ toString: 1 } as never)).toBe('object');
});
