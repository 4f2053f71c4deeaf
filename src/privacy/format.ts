import type { ProtectedCell, SuppressedValue } from './protect-table.js';
import type { ProtectedShare, SuppressedShare } from './protect-share.js';
import { SUPPRESSED_MARK } from './protect-table.js';
import { issue, type Issue } from '../core/issue.js';
import { isRecord, numberIssues, ownValue, throwIfAny, typeIssues, valueText } from '../core/args.js';

/** A protected cell or share: an object that is suppressed (`primary` or `secondary`) or carries its number. */
function cellIssues(cell: unknown, number: 'value' | 'share' | undefined): Issue[] {
  const shape = typeIssues(cell, 'object', ['cell']);
  if (shape.length > 0 || !isRecord(cell)) return shape;
  if (Object.hasOwn(cell, 'suppressed')) {
    return cell.suppressed === 'primary' || cell.suppressed === 'secondary'
      ? []
      : [issue(['cell', 'suppressed'], 'one_of', { values: ['primary', 'secondary'], value: valueText(cell.suppressed) })];
  }
  return number === undefined ? [] : numberIssues(ownValue(cell, number), ['cell', number]);
}

/**
 * Whether a protected value is suppressed.
 *
 * @param cell - a protected cell or share
 * @returns true when it carries `suppressed`
 * @throws UppfoljningError `type` at `cell` when it is not an object, `one_of` at `cell.suppressed` for another mark
 *
 * @example
 * ```ts
 * isSuppressed({ suppressed: 'secondary' }); // => true
 * isSuppressed({ value: 0 }); // => false
 * ```
 */
export function isSuppressed(cell: ProtectedCell | ProtectedShare): cell is SuppressedValue | SuppressedShare {
  throwIfAny(cellIssues(cell, undefined));
  return Object.hasOwn(cell, 'suppressed');
}

/**
 * Renders a protected cell for people: the count, or {@link SUPPRESSED_MARK}
 * (`..`) when it is suppressed, never a zero.
 *
 * @param cell - the protected cell
 * @param formatNumber - how to write a count (default `String`)
 * @returns the text to show
 * @throws UppfoljningError when the cell is neither suppressed nor a finite `value`, or `formatNumber` is not a function
 *
 * @example
 * ```ts
 * formatProtectedCell({ value: 12 }); // => '12'
 * formatProtectedCell({ suppressed: 'primary' }); // => '..'
 * ```
 */
export function formatProtectedCell(cell: ProtectedCell, formatNumber: (n: number) => string = String): string {
  throwIfAny([...cellIssues(cell, 'value'), ...(typeof formatNumber === 'function' ? [] : typeIssues(formatNumber, 'function', ['formatNumber']))]);
  return Object.hasOwn(cell, 'suppressed') ? SUPPRESSED_MARK : formatNumber((cell as { value: number }).value);
}
