import type { StatsRule } from '../core/codes.js';
import type { MessageTable } from './table.js';

/**
 * Swedish and English texts for every {@link StatsRule}.
 *
 * @example
 * ```ts
 * statsMessages.exceeds_total.en({ value: 9, total: 8, totalName: 'n' });
 * // => 'must not exceed n (9 > 8)'
 * ```
 */
export const statsMessages: MessageTable<StatsRule> = {
  exceeds_total: {
    sv: (p) => `får inte vara större än ${String(p.totalName)} (${String(p.value)} > ${String(p.total)})`,
    en: (p) => `must not exceed ${String(p.totalName)} (${String(p.value)} > ${String(p.total)})`,
  },
  open_interval: {
    sv: (p) => `måste ligga strikt mellan ${String(p.min)} och ${String(p.max)}, fick ${String(p.value)}`,
    en: (p) => `must lie strictly between ${String(p.min)} and ${String(p.max)}, got ${String(p.value)}`,
  },
  probability: {
    sv: (p) => `måste vara en sannolikhet mellan 0 och 1, fick ${String(p.value)}`,
    en: (p) => `must be a probability between 0 and 1, got ${String(p.value)}`,
  },
  table_shape: {
    sv: (p) =>
      `tabellen måste vara rektangulär med minst ${String(p.minRows)} rader och ${String(p.minCols)} kolumner som inte är tomma`,
    en: (p) =>
      `the table must be rectangular with at least ${String(p.minRows)} rows and ${String(p.minCols)} columns that are not empty`,
  },
  exact_infeasible: {
    sv: (p) => `det exakta testet kräver för många beräkningar (över ${String(p.limit)} steg)`,
    en: (p) => `the exact test needs too much computation (more than ${String(p.limit)} steps)`,
  },
  length_mismatch: {
    sv: (p) => `måste ha lika många värden som ${String(p.other)} (${String(p.length)} mot ${String(p.otherLength)})`,
    en: (p) => `must have as many values as ${String(p.other)} (${String(p.length)} against ${String(p.otherLength)})`,
  },
  positive: {
    sv: (p) => `måste vara större än 0, fick ${String(p.value)}`,
    en: (p) => `must be greater than 0, got ${String(p.value)}`,
  },
  too_large: {
    sv: (p) => `omfattar ${String(p.total)} värden, fler än de högst ${String(p.maximum)} som kan beräknas`,
    en: (p) => `covers ${String(p.total)} values, more than the ${String(p.maximum)} that can be computed`,
  },
  direction_conflict: {
    sv: (p) =>
      `normgruppernas medelvärden (klinisk ${String(p.clinical)}, normal ${String(p.functional)}) stämmer inte med riktningen ${String(p.direction)}`,
    en: (p) =>
      `the norm groups' means (clinical ${String(p.clinical)}, functional ${String(p.functional)}) contradict the direction ${String(p.direction)}`,
  },
};
