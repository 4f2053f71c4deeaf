import type { PrivacyRule } from '../core/codes.js';
import type { MessageTable } from './table.js';

/**
 * Swedish and English texts for every {@link PrivacyRule}.
 *
 * @example
 * ```ts
 * privacyMessages.ragged_table.en({ row: 2, length: 3, expected: 4 });
 * // => 'row 2 has 3 cells, but the first row has 4'
 * ```
 */
export const privacyMessages: MessageTable<PrivacyRule> = {
  ragged_table: {
    sv: (p) => `rad ${String(p.row)} har ${String(p.length)} celler, men första raden har ${String(p.expected)}`,
    en: (p) => `row ${String(p.row)} has ${String(p.length)} cells, but the first row has ${String(p.expected)}`,
  },
  margin_mismatch: {
    sv: (p) => `summan ${String(p.value)} stämmer inte med cellerna (som summerar till ${String(p.expected)})`,
    en: (p) => `the total ${String(p.value)} does not match the cells (which sum to ${String(p.expected)})`,
  },
  numerator_exceeds_denominator: {
    sv: (p) => `täljaren ${String(p.numerator)} är större än nämnaren ${String(p.denominator)}`,
    en: (p) => `the numerator ${String(p.numerator)} is greater than the denominator ${String(p.denominator)}`,
  },
};
