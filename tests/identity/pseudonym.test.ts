import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UppfoljningError } from '../../src/index.js';
import { createPseudonymizer, parseIdentityNumber, pseudonymize } from '../../src/identity/index.js';
import { syncPseudonymizer } from '../../src/identity/pseudonym.js';
import { TEST_KEY } from '../helpers/keys.js';

// Expected pseudonyms computed independently with the OpenSSL command line
// (not Web Crypto, not @noble/hashes), key = TEST_KEY (tests/helpers/keys.ts):
//   KEY=$(printf 'uppfoljning test key' | openssl dgst -sha256 -hex | awk '{print $2}')
//   printf '20180101-2392' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary \
//     | openssl base64 -A | tr '+/' '-_' | tr -d '='
//   → oSnXcANHGbYxZPxHkEQgrLe56-DaAYjVNRxOJ0Jmskw
//   printf 'bjorkebo-2019\x0020180101-2392' | … → SHchg9wD-6kAVkPhMJWvtHaodYWEXkODhCYxjBg_pEk
//   printf '19140168-2396' | …                 → LDeIhrKwwj4xmdYFJPtAXrGjI-mhKlsvVJamxKqmXho
// (The bytes 00 01 … 1f, the key these vectors used before, are refused now: an even run.)
// Identity numbers from Skatteverket's test series (AllPins (2018,01,01,239,2),
// AllCoordNums (1914,01,68,239,6), see identity-number.test.ts).

const KEY = TEST_KEY;
const REF = { referenceDate: '2026-11-23' };

/** Keys of 32–64 unbiased random bytes: fast-check's default bias towards small and repeated values would make weak keys. */
const strongKey = fc.noBias(fc.uint8Array({ minLength: 32, maxLength: 64 }));

describe('pseudonymize', () => {
  it('is HMAC-SHA-256 over the normalised number, base64url without padding', async () => {
    expect(await pseudonymize('180101-2392', KEY, REF)).toBe('oSnXcANHGbYxZPxHkEQgrLe56-DaAYjVNRxOJ0Jmskw');
    expect(await pseudonymize('140168+2396', KEY, REF)).toBe('LDeIhrKwwj4xmdYFJPtAXrGjI-mhKlsvVJamxKqmXho');
  });

  it('gives every form of one number the same pseudonym', async () => {
    const p = await createPseudonymizer(KEY, REF);
    const forms = ['180101-2392', '1801012392', '201801012392', '20180101-2392'];
    const ids = await Promise.all(forms.map((f) => p.pseudonymize(f)));
    expect(new Set(ids).size).toBe(1);
    expect(await p.pseudonymize(parseIdentityNumber('180101-2392', REF))).toBe(ids[0]);
  });

  it('separates contexts', async () => {
    expect(await pseudonymize('180101-2392', KEY, { ...REF, context: 'bjorkebo-2019' })).toBe(
      'SHchg9wD-6kAVkPhMJWvtHaodYWEXkODhCYxjBg_pEk',
    );
  });

  it('accepts a non-extractable CryptoKey and an ArrayBuffer', async () => {
    const cryptoKey = await crypto.subtle.importKey('raw', KEY, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect(await pseudonymize('180101-2392', cryptoKey, REF)).toBe('oSnXcANHGbYxZPxHkEQgrLe56-DaAYjVNRxOJ0Jmskw');
    expect(await pseudonymize('180101-2392', KEY.buffer, REF)).toBe('oSnXcANHGbYxZPxHkEQgrLe56-DaAYjVNRxOJ0Jmskw');
  });

  it('rejects short keys and invalid numbers with UppfoljningError', async () => {
    await expect(pseudonymize('180101-2392', new Uint8Array(16), REF)).rejects.toThrow(UppfoljningError);
    await expect(pseudonymize('180101-2393', KEY, REF)).rejects.toThrow(/identity_check_digit/);
  });

  it('depends on the key, is URL-safe and does not contain the number', async () => {
    await fc.assert(
      fc.asyncProperty(strongKey, async (key) => {
        const id = await pseudonymize('180101-2392', key, REF);
        expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(id).not.toContain('2392');
        if (key.every((b, i) => b === KEY[i]) && key.length === 32) return;
        expect(id).not.toBe('oSnXcANHGbYxZPxHkEQgrLe56-DaAYjVNRxOJ0Jmskw');
      }),
      { numRuns: 50 },
    );
  });

  it('does not mutate the key', async () => {
    const key = KEY.slice();
    await pseudonymize('180101-2392', key, REF);
    expect(key).toEqual(KEY);
  });
});

/** The rule of each issue a rejected call gives. */
async function refusal(call: () => Promise<unknown>): Promise<[string, unknown][]> {
  try {
    await call();
  } catch (e) {
    if (e instanceof UppfoljningError) return e.issues.map((i) => [i.rule, i.params.reason ?? i.params.bytes]);
    throw e;
  }
  return [];
}

describe('keys that cannot protect anything are refused', () => {
  const ascii = (text: string) => new TextEncoder().encode(text);
  it.each([
    ['all zero', new Uint8Array(32), 'repeated'],
    ['32 × "a"', ascii('a'.repeat(32)), 'repeated'],
    ['the run 00 01 … 1f', Uint8Array.from({ length: 32 }, (_, i) => i), 'sequence'],
    ['the run ff fe … e0', Uint8Array.from({ length: 32 }, (_, i) => 255 - i), 'sequence'],
    ['"abcdefgh" four times (96 bits by the rule)', ascii('abcdefgh'.repeat(4)), 'entropy'],
    ['a word padded with zeros', ascii('hemligt'.padEnd(32, '0')), 'entropy'],
    ['a typed passphrase', ascii('sommar sommar sommar sommar 2019'), 'entropy'],
  ])('%s', async (_name, key, reason) => {
    expect(await refusal(() => pseudonymize('180101-2392', key, REF))).toEqual([['identity_key_weak', reason]]);
    expect(await refusal(() => createPseudonymizer(key.buffer as ArrayBuffer, REF))).toEqual([['identity_key_weak', reason]]);
    const sync = syncPseudonymizer(key, undefined, ['options', 'pseudonym']);
    expect(sync.ok ? [] : sync.issues.map((i) => [i.path.join('.'), i.rule, i.params.reason])).toEqual([['options.pseudonym.key', 'identity_key_weak', reason]]);
  });

  it('refuses keys under 32 bytes, raw or as a CryptoKey (a 1-byte CryptoKey too)', async () => {
    expect(await refusal(() => pseudonymize('180101-2392', TEST_KEY.slice(0, 31), REF))).toEqual([['identity_key', 31]]);
    const oneByte = await crypto.subtle.importKey('raw', new Uint8Array([7]), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect(await refusal(() => pseudonymize('180101-2392', oneByte, REF))).toEqual([['identity_key', 1]]);
    const short = await crypto.subtle.importKey('raw', TEST_KEY.slice(0, 16), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect(await refusal(() => createPseudonymizer(short, REF))).toEqual([['identity_key', 16]]);
    const generated = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect((await pseudonymize('180101-2392', generated, REF)).length).toBe(43);
  });

  it('says why in Swedish and English without showing the key', async () => {
    const error = await pseudonymize('180101-2392', new Uint8Array(32), REF).catch((e: unknown) => e as UppfoljningError);
    expect(error).toBeInstanceOf(UppfoljningError);
    const e = error as UppfoljningError;
    expect(e.format('sv')).toBe('key: pseudonymnyckeln skyddar inget: den är samma byte upprepad; använd 32 slumpmässiga byte (t.ex. openssl rand -hex 32) [identity_key_weak]');
    expect(e.format('en')).toBe('key: the pseudonym key protects nothing: it is one byte repeated; use 32 random bytes (e.g. openssl rand -hex 32) [identity_key_weak]');
  });

  it('accepts random keys: 2,000 keys of 32 unbiased random bytes all pass the rule', () => {
    fc.assert(
      fc.property(fc.noBias(fc.uint8Array({ minLength: 32, maxLength: 32 })), (key) => {
        const sync = syncPseudonymizer(key, undefined, []);
        expect(sync.ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a parsed identity must be a valid number', () => {
  it('refuses a normalized form with a wrong check digit or birth number 000', async () => {
    const fake = { ...parseIdentityNumber('180101-2392', REF), normalized: '20180101-2393' };
    expect(await refusal(() => pseudonymize(fake, KEY, REF))).toEqual([['identity_check_digit', undefined]]);
    // AllPins (2015,09,16,000,6) is not in the test series: birth number 000 does not exist.
    expect(await refusal(() => pseudonymize({ ...fake, normalized: '20150916-0006' }, KEY, REF))).toEqual([['identity_birth_number', undefined]]);
  });
});

describe('the synchronous pseudonymiser of the import', () => {
  it('gives the pseudonym Web Crypto gives (and OpenSSL: see the vectors above)', async () => {
    const sync = syncPseudonymizer(KEY, undefined, []);
    const withContext = syncPseudonymizer(KEY, 'bjorkebo-2019', []);
    if (!sync.ok || !withContext.ok) throw new Error('the test key was refused');
    expect(sync.pseudonymize(parseIdentityNumber('180101-2392', REF))).toBe('oSnXcANHGbYxZPxHkEQgrLe56-DaAYjVNRxOJ0Jmskw');
    expect(withContext.pseudonymize(parseIdentityNumber('180101-2392', REF))).toBe('SHchg9wD-6kAVkPhMJWvtHaodYWEXkODhCYxjBg_pEk');
    await fc.assert(
      fc.asyncProperty(strongKey, fc.option(fc.string(), { nil: undefined }), async (key, context) => {
        const s = syncPseudonymizer(key, context, []);
        if (!s.ok) return; // a weak key, refused by both (tested above)
        const id = parseIdentityNumber('140168+2396', REF);
        expect(s.pseudonymize(id)).toBe(await pseudonymize(id, key, { ...REF, ...(context === undefined ? {} : { context }) }));
      }),
      { numRuns: 50 },
    );
  });
});
