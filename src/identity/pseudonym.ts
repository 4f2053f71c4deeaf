import { issue, type Issue } from '../core/issue.js';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { identityArgIssues, parseIdentityNumber, referenceDateIssues, type IdentityNumber } from './identity-number.js';
import { isRecord, kindOf, throwIfAny, typeIssues } from '../core/args.js';

/**
 * The least number of bytes a raw pseudonym key must have (256 bits, the HMAC-SHA-256 output size).
 *
 * @example
 * ```ts
 * const key = crypto.getRandomValues(new Uint8Array(MIN_PSEUDONYM_KEY_BYTES)); // 32 bytes
 * await pseudonymize('180101-2392', new Uint8Array(16), { referenceDate: '2019-01-07' });
 * // => throws UppfoljningError: identity_key (at least 32 bytes needed, got 16)
 * ```
 */
export const MIN_PSEUDONYM_KEY_BYTES = 32;

/**
 * The host's secret key for pseudonyms: a Web Crypto `CryptoKey` for
 * HMAC-SHA-256 (it may be non-extractable) of at least 256 bits, or at least
 * {@link MIN_PSEUDONYM_KEY_BYTES} raw random bytes. The library never stores it.
 *
 * A key that cannot protect anything is refused, since identity numbers are
 * so few that a guessed key lets anyone recompute every pseudonym (one
 * birth-year window is about 365 000 numbers). Raw bytes are refused
 * (`identity_key`, `identity_key_weak` with a `reason`) when they are
 * - fewer than 32 bytes;
 * - one byte repeated (`repeated`: 32 × 0x00, 32 × "a");
 * - an even run, each byte the one before plus the same step modulo 256
 *   (`sequence`: 00 01 02 … 1f, "abcd…");
 * - below 128 bits by the plug-in entropy rule (`entropy`): the number of
 *   bytes times the Shannon entropy of the key's own byte frequencies,
 *   n · Σ −(cᵢ/n) log₂(cᵢ/n), is under 128. Random bytes score about 155 at
 *   32 bytes (a failure by chance is far rarer than guessing the key);
 *   a short pattern repeated ("abcdefgh" × 4: 96), a word padded out
 *   and most typed passphrases fail.
 * A `CryptoKey` (whose bytes may not be readable) is refused when its
 * `algorithm.length` is under 256 bits. No rule can prove a key random: make
 * it with `crypto.getRandomValues` or `openssl rand -hex 32`.
 *
 * @example
 * ```ts
 * // Raw random bytes (crypto.getRandomValues(new Uint8Array(32))), or a non-extractable Web Crypto key:
 * const key: PseudonymKey = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
 * (await pseudonymize('180101-2392', key, { referenceDate: '2019-01-07' })).length;
 * // => 43
 * ```
 */
export type PseudonymKey = CryptoKey | Uint8Array | ArrayBuffer;

/**
 * Options for {@link createPseudonymizer} and {@link pseudonymize}.
 *
 * @example
 * ```ts
 * // One key, two follow-ups: the same person gets unlinkable pseudonyms.
 * const options: PseudonymOptions = { referenceDate: '2019-01-07', context: 'bjorkebo-fcra' };
 * (await pseudonymize('180101-2392', key, options)) === (await pseudonymize('180101-2392', key, { ...options, context: 'other' }));
 * // => false
 * ```
 */
export interface PseudonymOptions {
  /** The date 10-digit numbers are read at (their century), `YYYY-MM-DD`. */
  readonly referenceDate: string;
  /**
   * An optional context, e.g. a follow-up's id: the same person gets
   * unlinkable pseudonyms in different contexts under one key.
   */
  readonly context?: string;
}

/**
 * Turns identity numbers into pseudonyms under one key; made by {@link createPseudonymizer}.
 *
 * @example
 * ```ts
 * const p: Pseudonymizer = await createPseudonymizer(key, { referenceDate: '2019-01-07' });
 * const clientId = await p.pseudonymize('180101-2392'); // store this, not the number
 * ClientIdSchema.safeParse(clientId).success;
 * // => true
 * ```
 */
export interface Pseudonymizer {
  /**
   * The pseudonym of one identity number (any accepted form, or a parsed one).
   *
   * @throws UppfoljningError when the number is not valid
   */
  readonly pseudonymize: (identity: string | IdentityNumber) => Promise<string>;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('Web Crypto (globalThis.crypto.subtle) is not available in this environment');
  return s;
}

const KEY_TYPES = 'CryptoKey | Uint8Array | ArrayBuffer';

/** The least entropy, in bits by the plug-in rule of {@link PseudonymKey}, that raw key bytes must have. */
const MIN_KEY_BITS = 128;

/** Why raw key bytes cannot protect anything, by the rules documented at {@link PseudonymKey}. */
function weakKeyIssues(bytes: Uint8Array): Issue[] {
  const n = bytes.length;
  if (n < MIN_PSEUDONYM_KEY_BYTES) return [issue(['key'], 'identity_key', { bytes: n, minimum: MIN_PSEUDONYM_KEY_BYTES })];
  const weak = (reason: string) => [issue(['key'], 'identity_key_weak', { reason, minimum: MIN_PSEUDONYM_KEY_BYTES })];
  const step = (bytes[1]! - bytes[0]! + 256) % 256;
  let even = true;
  for (let i = 1; i < n && even; i++) even = (bytes[i]! - bytes[i - 1]! + 256) % 256 === step;
  if (even) return weak(step === 0 ? 'repeated' : 'sequence');
  const counts = new Map<number, number>();
  for (const b of bytes) counts.set(b, (counts.get(b) ?? 0) + 1);
  let bits = 0;
  for (const c of counts.values()) bits -= c * Math.log2(c / n);
  return bits < MIN_KEY_BITS ? weak('entropy') : [];
}

/** What is wrong with a key: not one of the accepted kinds, too weak, or a CryptoKey that cannot sign with HMAC-SHA-256 or is under 256 bits. */
function keyIssues(key: unknown): Issue[] {
  if (key instanceof Uint8Array) return weakKeyIssues(key);
  if (key instanceof ArrayBuffer) return weakKeyIssues(new Uint8Array(key));
  if (typeof CryptoKey === 'function' && key instanceof CryptoKey) {
    const algorithm = key.algorithm as { name?: string; hash?: { name?: string }; length?: number };
    if (algorithm.name !== 'HMAC' || algorithm.hash?.name !== 'SHA-256' || !key.usages.includes('sign')) {
      return [issue(['key'], 'format', { format: 'HMAC-SHA-256 CryptoKey with the usage sign' })];
    }
    const bits = algorithm.length ?? 0;
    return bits < MIN_PSEUDONYM_KEY_BYTES * 8 ? [issue(['key'], 'identity_key', { bytes: Math.floor(bits / 8), minimum: MIN_PSEUDONYM_KEY_BYTES })] : [];
  }
  return key === undefined ? [issue(['key'], 'required')] : [issue(['key'], 'type', { expected: KEY_TYPES, received: kindOf(key) })];
}

/** The options: an object with a calendar reference date and, if given, a string context. */
function pseudonymOptionsIssues(options: unknown): Issue[] {
  const issues = referenceDateIssues(options);
  const context = isRecord(options) ? options.context : undefined;
  if (context !== undefined && typeof context !== 'string') issues.push(...typeIssues(context, 'string', ['options', 'context']));
  return issues;
}

/**
 * An identity given to `pseudonymize`: a string (parsed later), or a parsed
 * number whose `normalized` is itself a valid number at the reference date.
 */
function identityIssues(identity: unknown, referenceDate: string): Issue[] {
  return typeof identity === 'string' ? [] : identityArgIssues(identity, referenceDate, ['identity']);
}

async function importKey(key: PseudonymKey): Promise<CryptoKey> {
  if (!(key instanceof Uint8Array || key instanceof ArrayBuffer)) return key;
  const bytes = key instanceof Uint8Array ? key : new Uint8Array(key);
  // Copy into a fresh buffer so a view into a larger buffer is not read past its end.
  return subtle().importKey('raw', bytes.slice(), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

function base64Url(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * The message that is signed: the normalised number (`YYYYMMDD-NNNN`), after
 * the context and a NUL byte when a context is given.
 */
function message(normalized: string, context: string | undefined): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(context === undefined ? normalized : `${context}\u0000${normalized}`);
}

/**
 * Makes a keyed pseudonymiser: HMAC-SHA-256 (Web Crypto, so it runs in
 * browsers and Node 20) over the normalised identity number, written as
 * unpadded base64url (43 characters, URL-safe). The number is parsed first,
 * so `180101-2392`, `1801012392` and `20180101-2392` get the same pseudonym.
 * The key is imported once, as non-extractable, and kept only in the closure.
 *
 * Why keyed: identity numbers are few and structured (about 365 × 100 × 1 000
 * per century), so a plain hash of one is reversed by hashing every possible
 * number; without the key, an HMAC cannot be recomputed.
 *
 * @param key - the host's secret key (CryptoKey for HMAC-SHA-256, or ≥ 32 raw bytes)
 * @param options - the reference date for 10-digit numbers, and an optional context
 * @returns a pseudonymiser whose `pseudonymize` resolves to the pseudonym
 * @throws UppfoljningError (rejected promise) `identity_key` when raw key bytes are fewer than 32 (or a CryptoKey under 256 bits),
 *   `identity_key_weak` for a key that cannot protect anything (see {@link PseudonymKey}); `type`/`format` at `key`
 *   for another kind of key or a CryptoKey that cannot sign with HMAC-SHA-256; `calendar_date` at `options.referenceDate`
 * @see https://www.rfc-editor.org/rfc/rfc2104 (HMAC)
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5 (base64url)
 *
 * @example
 * ```ts
 * const key = crypto.getRandomValues(new Uint8Array(32));
 * const p = await createPseudonymizer(key, { referenceDate: '2026-11-23' });
 * (await p.pseudonymize('180101-2392')) === (await p.pseudonymize('20180101-2392'));
 * // => true
 * ```
 */
export async function createPseudonymizer(key: PseudonymKey, options: PseudonymOptions): Promise<Pseudonymizer> {
  throwIfAny([...keyIssues(key), ...pseudonymOptionsIssues(options)]);
  const cryptoKey = await importKey(key);
  const { referenceDate, context } = options;
  return {
    pseudonymize: async (identity) => {
      throwIfAny(identityIssues(identity, referenceDate));
      const normalized =
        typeof identity === 'string' ? parseIdentityNumber(identity, { referenceDate, path: ['identity'] }).normalized : identity.normalized;
      const signature = await subtle().sign('HMAC', cryptoKey, message(normalized, context));
      return base64Url(new Uint8Array(signature));
    },
  };
}

/**
 * The keyed pseudonym of one identity number: a one-off form of
 * {@link createPseudonymizer} (which imports the key once for many numbers).
 *
 * @param identity - the number in any accepted form, or a parsed one
 * @param key - the host's secret key
 * @param options - the reference date for 10-digit numbers, and an optional context
 * @returns the pseudonym, 43 URL-safe characters
 * @throws UppfoljningError (rejected promise) when the number or the key is not valid
 *
 * @example
 * ```ts
 * const pseudonym = await pseudonymize('180101-2392', key, { referenceDate: '2026-11-23' });
 * /^[\w-]{43}$/.test(pseudonym);
 * // => true (43 base64url characters)
 * pseudonym === (await pseudonymize('20180101-2392', key, { referenceDate: '2026-11-23' }));
 * // => true (the same for every form of the number)
 * ```
 */
export async function pseudonymize(identity: string | IdentityNumber, key: PseudonymKey, options: PseudonymOptions): Promise<string> {
  const optionIssues = pseudonymOptionsIssues(options);
  const identityProblems = optionIssues.length === 0 ? identityIssues(identity, options.referenceDate) : [];
  throwIfAny([...identityProblems, ...keyIssues(key), ...optionIssues]);
  return (await createPseudonymizer(key, options)).pseudonymize(identity);
}

/**
 * @internal A pseudonymiser that answers at once, for the CSV import (which
 * is synchronous): the same HMAC-SHA-256 over the same message as
 * {@link createPseudonymizer}, by @noble/hashes (audited, no dependencies)
 * since Web Crypto's `sign` only answers with a promise. Takes raw key bytes
 * only (a non-extractable CryptoKey cannot be read), checked by the same
 * rules; the numbers given to it are already parsed.
 *
 * @returns the pseudonymiser, or the key's and context's issues
 */
export function syncPseudonymizer(
  key: unknown,
  context: unknown,
  path: readonly (string | number)[],
): { ok: true; pseudonymize: (identity: IdentityNumber) => string } | { ok: false; issues: Issue[] } {
  const at = (i: Issue): Issue => ({ ...i, path: [...path, ...i.path] });
  const issues =
    key instanceof Uint8Array || key instanceof ArrayBuffer
      ? keyIssues(key).map(at)
      : key === undefined
        ? [issue([...path, 'key'], 'required')]
        : [issue([...path, 'key'], 'type', { expected: 'Uint8Array | ArrayBuffer', received: kindOf(key) })];
  if (context !== undefined && typeof context !== 'string') issues.push(...typeIssues(context, 'string', [...path, 'context']));
  if (issues.length > 0) return { ok: false, issues };
  const bytes = (key instanceof Uint8Array ? key : new Uint8Array(key as ArrayBuffer)).slice();
  return {
    ok: true,
    pseudonymize: (identity) => base64Url(hmac(sha256, bytes, message(identity.normalized, context as string | undefined))),
  };
}
