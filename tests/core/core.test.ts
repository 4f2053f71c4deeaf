import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import {
  addDaysIso,
  daysBetweenIso,
  describeNotComputed,
  formatIssue,
  formatIssues,
  issue,
  notComputed,
  ruleText,
  toDotPath,
  unwrap,
  UppfoljningError,
} from '../../src/index.js';
import { fromZodIssues } from '../../src/core/from-zod.js';
import { thrown } from '../helpers/errors.js';

describe('issues and their texts', () => {
  it('toDotPath writes keys with dots and indices in brackets', () => {
    expect(toDotPath([])).toBe('(root)');
    expect(toDotPath(['records', 3, 'before', 'date'])).toBe('records[3].before.date');
    expect(toDotPath([0, 'a'])).toBe('[0].a');
  });

  it('issue copies its path', () => {
    const path = ['a'];
    const i = issue(path, 'required');
    path.push('b');
    expect(i).toEqual({ path: ['a'], rule: 'required', params: {} });
  });

  it('formats in Swedish by default and English on request', () => {
    const i = issue(['after', 'date'], 'calendar_date', { value: '2021-02-30' });
    expect(formatIssue(i)).toBe('after.date: 2021-02-30 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]');
    expect(formatIssue(i, 'en')).toBe('after.date: 2021-02-30 is not a date in the calendar (expected YYYY-MM-DD) [calendar_date]');
    expect(formatIssues([i, issue(['id'], 'required')], 'en').split('\n')).toHaveLength(2);
  });

  it('UppfoljningError carries the issues and renders either locale', () => {
    const e = new UppfoljningError([issue(['id'], 'required')]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('UppfoljningError');
    expect(e.message).toBe('id: uppgiften saknas men krävs [required]');
    expect(e.format('en')).toBe('id: the value is missing but required [required]');
    expect(new UppfoljningError([issue([], 'empty')]).format('en')).toBe('(root): must not be empty [empty]');
  });

  it('unwrap returns data or throws the issues', () => {
    expect(unwrap({ success: true, data: 42 })).toBe(42);
    expect(() => unwrap({ success: false, issues: [issue(['x'], 'empty')] })).toThrow('x: får inte vara tom [empty]');
    expect(thrown(() => unwrap({ success: false, issues: [issue(['x'], 'empty')] })).format('en')).toBe('x: must not be empty [empty]');
  });

  it('notComputed puts n into its params and describes itself', () => {
    const r = notComputed(3, 'too_few', { minimum: 6 });
    expect(r).toEqual({ computed: false, n: 3, reason: 'too_few', params: { n: 3, minimum: 6 } });
    expect(describeNotComputed(r, 'en')).toBe('too few to compute (n = 3, at least 6 needed)');
    expect(describeNotComputed(r)).toBe('för få för att beräkna (n = 3, minst 6 behövs)');
    expect(ruleText('withdrawn', {}, 'en')).toBe('the client was withdrawn from the follow-up');
  });
});

describe('fromZodIssues', () => {
  const schema = z.object({ a: z.string(), d: z.iso.date(), e: z.enum(['x', 'y']), n: z.number(), i: z.number().int() }).strict();
  const good = { a: 's', d: '2024-02-29', e: 'x', n: 1, i: 2 };
  const translate = (input: unknown, reportInput = true) => {
    const r = schema.safeParse(input, { reportInput });
    return r.success ? [] : fromZodIssues(r.error.issues);
  };

  it('tells a missing value from a wrong type', () => {
    const { a: _a, ...missing } = good;
    expect(translate(missing)).toEqual([{ path: ['a'], rule: 'required', params: {} }]);
    expect(translate({ ...good, a: 7 })).toEqual([{ path: ['a'], rule: 'type', params: { expected: 'string', received: 'number' } }]);
    expect(translate({ ...good, a: null })).toEqual([{ path: ['a'], rule: 'type', params: { expected: 'string', received: 'null' } }]);
  });

  it('still tells them apart when the caller forgot reportInput', () => {
    const { a: _a, ...missing } = good;
    expect(translate(missing, false).map((i) => i.rule)).toEqual(['required']);
    expect(translate({ ...good, a: 7 }, false).map((i) => i.rule)).toEqual(['type']);
  });

  it('impossible dates, options, non-finite numbers, non-integers and unknown keys', () => {
    expect(translate({ ...good, d: '2021-02-30' })).toEqual([{ path: ['d'], rule: 'calendar_date', params: { value: '2021-02-30' } }]);
    expect(translate({ ...good, d: '2023-02-29' })[0]?.rule).toBe('calendar_date');
    expect(translate({ ...good, e: 'q' })).toEqual([{ path: ['e'], rule: 'one_of', params: { values: ['x', 'y'], value: 'q' } }]);
    expect(translate({ ...good, n: Infinity })).toEqual([{ path: ['n'], rule: 'finite', params: { value: 'Infinity' } }]);
    expect(translate({ ...good, n: NaN })).toEqual([{ path: ['n'], rule: 'finite', params: { value: 'NaN' } }]);
    expect(translate({ ...good, i: 1.5 })[0]?.rule).toBe('integer');
    expect(translate({ ...good, zz: 1 })).toEqual([{ path: [], rule: 'unknown_key', params: { keys: ['zz'] } }]);
  });

  it('a discriminated union with an unknown tag names the tag and its options', () => {
    const tagged = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]);
    const r = tagged.safeParse({ kind: 'q' }, { reportInput: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(fromZodIssues(r.error.issues)).toEqual([{ path: ['kind'], rule: 'one_of', params: { values: ['a', 'b'], value: 'q' } }]);
  });

  it('a custom issue carries its rule', () => {
    const custom = z.string().refine(() => false, { params: { rule: 'looks_like_identity_number' } });
    const r = custom.safeParse('x');
    expect(r.success).toBe(false);
    if (!r.success) expect(fromZodIssues(r.error.issues, ['clientId'])).toEqual([{ path: ['clientId'], rule: 'looks_like_identity_number', params: {} }]);
  });
});

describe('calendar dates (same answer in every TZ)', () => {
  it('leap days and year ends', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDaysIso('1900-02-28', 1)).toBe('1900-03-01'); // 1900 is not a leap year (divisible by 100, not 400)
    expect(addDaysIso('2000-02-28', 1)).toBe('2000-02-29'); // 2000 is (divisible by 400)
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysIso('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetweenIso('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetweenIso('2023-01-01', '2024-01-01')).toBe(365);
  });

  it('daylight-saving change days count as one day each', () => {
    // Europe/Stockholm: 2024-03-31 (23 h) and 2024-10-27 (25 h).
    expect(daysBetweenIso('2024-03-30', '2024-04-01')).toBe(2);
    expect(addDaysIso('2024-10-26', 1)).toBe('2024-10-27');
    expect(addDaysIso('2024-10-27', 1)).toBe('2024-10-28');
    // America/Los_Angeles: 2024-03-10 and 2024-11-03.
    expect(addDaysIso('2024-03-09', 2)).toBe('2024-03-11');
    expect(daysBetweenIso('2024-11-02', '2024-11-04')).toBe(2);
  });

  it('addDaysIso and daysBetweenIso agree with UTC Date arithmetic', () => {
    // Date.UTC is an independent implementation of the proleptic Gregorian calendar.
    const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }), fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const iso = d.toISOString().slice(0, 10);
        const later = addDaysIso(iso, n);
        expect(new Date(utc(iso) + n * 86_400_000).toISOString().slice(0, 10)).toBe(later);
        expect(daysBetweenIso(iso, later)).toBe(n);
      }),
    );
  });
});

describe('zod issues become our issues without calling a value’s own toString', () => {
  it('an object whose toString is not a function, at an enum or literal field', async () => {
    const { validateCompilation, validatePlan } = await import('../../src/index.js');
    const odd = { toString: 1 };
    const c = validateCompilation({ format: odd });
    expect(c.success ? null : c.issues[0]).toEqual({ path: ['format'], rule: 'one_of', params: { values: ['uppfoljning.compilation'], value: 'object' } });
    const p = validatePlan({ withdrawOn: [odd] });
    expect(p.success).toBe(false);
    expect(p.success ? [] : p.issues.filter((i) => i.path[0] === 'withdrawOn').map((i) => i.rule)).toEqual(['one_of']);
  });
});
