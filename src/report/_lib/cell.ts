import type { Locale } from '../../core/locale.js';
import { SUPPRESSED_MARK } from '../../privacy/index.js';
import { formatNumber, formatPercent } from '../format.js';
import { countText } from '../../locales/count.js';
import type { ReportCell } from '../protect.js';

/** A protected cell as text: counts, shares with interval and n, statistics; `..` when suppressed. */
export function cellText(cell: ReportCell, locale: Locale): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'count':
      return 'suppressed' in cell.value ? SUPPRESSED_MARK : countText(cell.value.value, locale);
    case 'share': {
      const s = cell.share;
      if ('suppressed' in s) return SUPPRESSED_MARK;
      const interval =
        cell.lower !== null && cell.upper !== null
          ? ` (${percentRange(cell.lower, cell.upper, locale)})`
          : '';
      return `${formatPercent(s.share, locale)}${interval}, n\u00a0=\u00a0${countText(s.denominator, locale)}`;
    }
    case 'number':
      if (cell.suppressed) return SUPPRESSED_MARK;
      return cell.value === null ? '–' : formatNumber(cell.value, locale, cell.digits);
  }
}

/** The numbers of a protected cell for a tidy CSV row: count, n (of a share), value, lower, upper, suppressed. */
export function cellValues(cell: ReportCell): {
  count: number | null;
  n: number | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
  text: string | null;
} {
  const none = { count: null, n: null, value: null, lower: null, upper: null, suppressed: false, text: null };
  switch (cell.kind) {
    case 'text':
      return { ...none, text: cell.text };
    case 'count':
      return 'suppressed' in cell.value ? { ...none, suppressed: true } : { ...none, count: cell.value.value };
    case 'share':
      return 'suppressed' in cell.share
        ? { ...none, suppressed: true }
        : { ...none, count: cell.share.numerator, n: cell.share.denominator, value: cell.share.share, lower: cell.lower, upper: cell.upper };
    case 'number':
      // A statistic's n is not printed: it is a count (the clients tested in a week, the pairs of a
      // test) that its own table may hide, so printing it beside the statistic would undo that cell.
      return { ...none, value: cell.suppressed ? null : cell.value, suppressed: cell.suppressed };
  }
}

/** Whether a protected cell is hidden (`..`); false for a missing cell. */
export const isSuppressed = (cell: ReportCell | undefined): boolean => cell !== undefined && cellValues(cell).suppressed;

/** The count a protected cell shows; undefined when it is hidden or not a count. */
export const shownCount = (cell: ReportCell | undefined): number | undefined =>
  cell?.kind === 'count' && !('suppressed' in cell.value) ? cell.value.value : undefined;

/** "p < 0,001" or "p = 0,028", as the report's test sentences write a p-value. */
export const pValueText = (p: number, locale: Locale): string =>
  p < 0.001 ? `p < ${formatNumber(0.001, locale, 3)}` : `p = ${formatNumber(p, locale, 3)}`;

/** Escapes text for HTML content and double-quoted attributes (the renderers write no other kind). */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An interval of shares as the report prints it: "27–61 %"; one value,
 * "53 %", when both ends round to the same whole per cent (never "53 %–53 %").
 */
export function percentRange(lower: number, upper: number, locale: Locale): string {
  const high = formatPercent(upper, locale);
  const low = formatPercent(lower, locale);
  return low === high ? high : `${low.replace(/\u00a0?%$/, '')}–${high}`;
}
