import { it, expect } from 'vitest';
import * as identity from '../../src/identity/index.js';
import { fuzzEveryFunction, issuesOf } from '../core/fuzz-result.js';
import { TEST_KEY } from '../helpers/keys.js';

// Every function the identity module exports (src/index.ts re-exports them all).
fuzzEveryFunction(identity);

// Typical mistakes: the path names the argument, the rule says what is wrong.

it('names the argument and the rule for typical mistakes', async () => {
  expect(identity.validateIdentityNumber('180101-2392', null as never)).toEqual({ success: false, issues: [{ path: ['options'], rule: 'type', params: { expected: 'object', received: 'null' } }] });
  expect(identity.validateIdentityNumber('180101-2392', { referenceDate: '2019-02-30' })).toMatchObject({ success: false, issues: [{ path: ['options', 'referenceDate'], rule: 'calendar_date' }] });
  // An extra argument (the locale it once took for its errors) is ignored.
  expect(await issuesOf(() => (identity.parseIdentityNumber as (...a: unknown[]) => unknown)('180101-2392', { referenceDate: '2019-01-07' }, 'de'))).toEqual([]);
  expect(await issuesOf(() => identity.ageInCompletedYears('2004-02-29', '2022-02-28', { leapDayBirthday: 'feb29' } as never))).toEqual([[['options', 'leapDayBirthday'], 'one_of']]);
  expect(await issuesOf(() => identity.ageBandOf('17' as never, identity.ADULT_AGE_BANDS))).toEqual([[['age'], 'type']]);
  expect(await issuesOf(() => identity.ageBandOf(17, [{ from: '13' }] as never))).toEqual([[['bands', 0, 'from'], 'type']]);
  expect(await issuesOf(() => identity.pseudonymize('180101-2392', 'secret' as never, { referenceDate: '2019-01-07' }))).toEqual([[['key'], 'type']]);
  const aesKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  expect(await issuesOf(() => identity.createPseudonymizer(aesKey as never, { referenceDate: '2019-01-07' }))).toEqual([[['key'], 'format']]);
  const key = TEST_KEY;
  expect(await issuesOf(() => identity.pseudonymize({ normalized: 42 } as never, key, { referenceDate: '2019-01-07' }))).toEqual([[['identity', 'normalized'], 'format']]);
  expect(await issuesOf(() => identity.pseudonymize('180101-2393', key, { referenceDate: '2019-01-07' }))).toEqual([[['identity'], 'identity_check_digit']]);
});
