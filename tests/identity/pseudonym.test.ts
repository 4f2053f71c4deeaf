import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UppfoljningError } from '../../src/index.js';
import { createPseudonymizer, parseIdentityNumber, pseudonymize } from '../../src/identity/index.js';

// Expected pseudonyms computed independently with the OpenSSL command line
// (not Web Crypto), key = bytes 0x00..0x1f:
//   KEY=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
//   printf '20180101-2392' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary \
//     | openssl base64 -A | tr '+/' '-_' | tr -d '='
//   → B1YH0VTMx1gkGe-U_NXnwR2c4GOnVlcL3hwJayuAkQA
//   printf 'bjorkebo-2019\x0020180101-2392' | … → VWV62ZFEaT9pjrKNRPGes8s50GyhjfVQ8IROEraS5K4
//   printf '19140168-2396' | …                 → N3s3IF2WYGMSp10Z8yzNWd2n4egTRifnCMMB6MaTBJ0
// Identity numbers from Skatteverket's test series (AllPins (2018,01,01,239,2),
// AllCoordNums (1914,01,68,239,6), see identity-number.test.ts).

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);
const REF = { referenceDate: '2026-11-23' };

describe('pseudonymize', () => {
  it('is HMAC-SHA-256 over the normalised number, base64url without padding', async () => {
    expect(await pseudonymize('180101-2392', KEY, REF)).toBe('B1YH0VTMx1gkGe-U_NXnwR2c4GOnVlcL3hwJayuAkQA');
    expect(await pseudonymize('140168+2396', KEY, REF)).toBe('N3s3IF2WYGMSp10Z8yzNWd2n4egTRifnCMMB6MaTBJ0');
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
      'VWV62ZFEaT9pjrKNRPGes8s50GyhjfVQ8IROEraS5K4',
    );
  });

  it('accepts a non-extractable CryptoKey and an ArrayBuffer', async () => {
    const cryptoKey = await crypto.subtle.importKey('raw', KEY, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect(await pseudonymize('180101-2392', cryptoKey, REF)).toBe('B1YH0VTMx1gkGe-U_NXnwR2c4GOnVlcL3hwJayuAkQA');
    expect(await pseudonymize('180101-2392', KEY.buffer, REF)).toBe('B1YH0VTMx1gkGe-U_NXnwR2c4GOnVlcL3hwJayuAkQA');
  });

  it('rejects short keys and invalid numbers with UppfoljningError', async () => {
    await expect(pseudonymize('180101-2392', new Uint8Array(16), REF)).rejects.toThrow(UppfoljningError);
    await expect(pseudonymize('180101-2393', KEY, REF)).rejects.toThrow(/identity_check_digit/);
  });

  it('depends on the key, is URL-safe and does not contain the number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 64 }), async (key) => {
        const id = await pseudonymize('180101-2392', key, REF);
        expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(id).not.toContain('2392');
        if (key.every((b, i) => b === KEY[i]) && key.length === 32) return;
        expect(id).not.toBe('B1YH0VTMx1gkGe-U_NXnwR2c4GOnVlcL3hwJayuAkQA');
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
