import type { ProtectedCell, SuppressedValue } from './protect-table.js';
import type { ProtectedShare, SuppressedShare } from './protect-share.js';
import { SUPPRESSED_MARK } from './protect-table.js';

/**
 * Whether a protected value is suppressed.
 *
 * @param cell - a protected cell or share
 * @returns true when it carries `suppressed`
 *
 * @example
 * ```ts
 * isSuppressed({ suppressed: 'secondary' }); // => true
 * isSuppressed({ value: 0 }); // => false
 * ```
 */
export function isSuppressed(cell: ProtectedCell | ProtectedShare): cell is SuppressedValue | SuppressedShare {
  return 'suppressed' in cell;
}

/**
 * Renders a protected cell for people: the count, or {@link SUPPRESSED_MARK}
 * (`..`) when it is suppressed, never a zero.
 *
 * @param cell - the protected cell
 * @param formatNumber - how to write a count (default `String`)
 * @returns the text to show
 *
 * @example
 * ```ts
 * formatProtectedCell({ value: 12 }); // => '12'
 * formatProtectedCell({ suppressed: 'primary' }); // => '..'
 * ```
 */
export function formatProtectedCell(cell: ProtectedCell, formatNumber: (n: number) => string = String): string {
  return 'suppressed' in cell ? SUPPRESSED_MARK : formatNumber(cell.value);
}
