/**
 * A fixed pseudonym key for tests: the SHA-256 of the text "uppfoljning test key",
 *   printf 'uppfoljning test key' | openssl dgst -sha256 -hex
 * so it is 32 bytes that pass the key rules (a run like 00 01 … 1f, or one byte
 * repeated, is refused as a key that protects nothing). Never a real key.
 */
export const TEST_KEY_HEX = '9e499f55d58d0ff48a9a2bafa5474866347ea2508400c3f93b8efe9da57c1520';

/** {@link TEST_KEY_HEX} as bytes. */
export const TEST_KEY: Uint8Array<ArrayBuffer> = Uint8Array.from(TEST_KEY_HEX.match(/../g)!, (h) => parseInt(h, 16));
