/** @internal How much of an export a proposal reads: enough for its sample of rows, not the whole file. */
export const HEAD_BYTES = 8 * 1024 * 1024;

/**
 * @internal The first {@link HEAD_BYTES} of a file (all of it when shorter),
 * cut after its last line break so that no row and no UTF-8 character is
 * cut in two (a line break byte is never part of a multi-byte character).
 * The bytes are not copied.
 */
export function exportHead(bytes: Uint8Array, max: number = HEAD_BYTES): Uint8Array {
  if (bytes.length <= max) return bytes;
  const head = bytes.subarray(0, max);
  const last = head.lastIndexOf(0x0a);
  return last < 0 ? head : head.subarray(0, last + 1);
}
