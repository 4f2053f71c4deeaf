import type { Locale } from '../../core/locale.js';
import type { NotComputed } from '../../core/not-computed.js';
import type { MeasureChange, MeasureSummary } from '../../compile/measure-summary.js';
import type { Distribution } from '../../compile/distribution.js';
import type { MeasureChangeAnalysis } from '../../analyse/index.js';
import { SIGNIFICANCE } from '../../analyse/findings.js';
import { methodLabel } from '../../stats/methods.js';
import { formatNumber } from '../format.js';
import { countText } from '../../locales/count.js';
import { protectReportTable, type RawCell, type ReportTable } from '../protect.js';
import { isSuppressed, pValueText } from './cell.js';

/**
 * The report's section "Andra mått" (the secondary instruments): per
 * instrument measured before and after, a table of n, median and mean before
 * and after (and the means of the same pairs), a table of the direction of
 * change (improved / unchanged / worsened, an additive block whose row total
 * is the number of pairs), and one sentence with the paired test.
 *
 * Protection: every count and statistic passes {@link protectReportTable}
 * (a statistic resting on fewer than k is hidden). No histogram is printed
 * here, so a mean cannot undo a distribution cell of this section; but the
 * pairs' means say the mean change, an equation on the same changes the
 * direction counts classify, so when the direction table hides a cell the
 * pairs' means are hidden too, and the test sentence then gives no n.
 *
 * @internal
 */

const T = {
  title: { sv: 'Andra mått', en: 'Other measures' },
  n: { sv: 'n', en: 'n' },
  median: { sv: 'Median', en: 'Median' },
  mean: { sv: 'Medelvärde', en: 'Mean' },
  before: { sv: 'Före', en: 'Before' },
  pairsBefore: { sv: 'Före (samma par)', en: 'Before (same pairs)' },
  pairsAfter: { sv: 'Efter (samma par)', en: 'After (same pairs)' },
  improved: { sv: 'Förbättrad', en: 'Improved' },
  unchanged: { sv: 'Oförändrad', en: 'Unchanged' },
  worsened: { sv: 'Försämrad', en: 'Worsened' },
  pairs: { sv: 'Par', en: 'Pairs' },
  direction: { sv: 'riktning på förändringen', en: 'direction of change' },
} as const;

/** @internal The section's title. */
export const MEASURES_TITLE = T.title;

const count = (value: number): RawCell => ({ kind: 'count', value });
const numberCell = (value: number | null, n: number, digits = 1): RawCell => ({ kind: 'number', value, n, digits });

/** n, median and mean of one phase's distribution. */
function phaseCells(d: Distribution | NotComputed): RawCell[] {
  if (!d.computed) return [count(d.n), numberCell(null, d.n), numberCell(null, d.n, 2)];
  return [count(d.n), numberCell(d.quantiles.computed ? d.quantiles.median : null, d.n), numberCell(d.mean, d.n, 2)];
}

/** The tables of one instrument's change from before to `change.phase` (`id` names the tables). */
export function changeTables(m: MeasureSummary, change: MeasureChange, id: string, laterLabel: string, locale: Locale, k: number): ReportTable[] {
  const before = m.phases.find((p) => p.phase === 'before');
  const later = m.phases.find((p) => p.phase === change.phase);
  const d = change.direction;
  const direction = protectReportTable(
    {
      id: `${id}-direction`,
      title: `${m.label[locale]}: ${T.direction[locale]} (${locale === 'sv' ? 'minst' : 'at least'} ${formatNumber(d.minimalChange, locale)} ${locale === 'sv' ? 'poäng' : 'points'})`,
      columns: [T.improved[locale], T.unchanged[locale], T.worsened[locale], T.pairs[locale]],
      rows: [{ key: 'pairs', label: laterLabel, cells: [count(d.improved.count), count(d.unchanged.count), count(d.worsened.count), count(d.n)] }],
      additive: [0, 1, 2],
      rowTotal: 3,
    },
    k,
  );
  const directionHidden = direction.suppressed;
  const p = change.pairs;
  const pairCells = (value: number | null): RawCell[] => [count(p.n), numberCell(null, p.n), numberCell(directionHidden ? null : value, p.n, 2)];
  const summary = protectReportTable(
    {
      id,
      title: `${m.label[locale]}: ${T.before[locale].toLowerCase()} ${locale === 'sv' ? 'och' : 'and'} ${laterLabel.toLowerCase()}`,
      columns: [T.n[locale], T.median[locale], T.mean[locale]],
      rows: [
        ...(before ? [{ key: 'before', label: T.before[locale], cells: phaseCells(before.distribution) }] : []),
        ...(later ? [{ key: change.phase, label: laterLabel, cells: phaseCells(later.distribution) }] : []),
        { key: 'pairs-before', label: T.pairsBefore[locale], cells: pairCells(p.computed ? p.before : null) },
        { key: 'pairs-after', label: T.pairsAfter[locale], cells: pairCells(p.computed ? p.after : null) },
      ],
    },
    k,
  );
  // The pairs' means are hidden with the direction table: mark them suppressed, not merely empty.
  const rows = summary.rows.map((r) =>
    directionHidden && r.key.startsWith('pairs-') ? { ...r, cells: r.cells.map((c) => (c.kind === 'number' ? { ...c, value: null, suppressed: true } : c)) } : r,
  );
  return [{ ...summary, rows, suppressed: summary.suppressed || directionHidden }, direction];
}

/**
 * One sentence on an instrument's paired test: established or not, with the
 * method, p, and n when it is at least k and the `direction` table (from
 * {@link changeTables}) hides nothing; or that it could not be tested, too
 * few pairs.
 */
export function changeTestSentence(a: MeasureChangeAnalysis | undefined, label: string, laterWords: string, direction: ReportTable, k: number, locale: Locale): string {
  const sv = locale === 'sv';
  const nShown = !direction.suppressed && !isSuppressed(direction.rows[0]?.cells[3]);
  const what = sv ? `Förändringen av ${label} från före till ${laterWords}` : `The change in ${label} from before to ${laterWords}`;
  const test = a?.pairedTest;
  const n = a?.change.direction.n ?? 0;
  const nText = nShown && n >= k ? `, n = ${countText(n, locale)}` : '';
  if (test === undefined || !test.computed) {
    return sv ? `${what} kunde inte testas: för få par${nText === '' ? '' : ` (${countText(n, locale)})`}.` : `${what} could not be tested: too few pairs${nText === '' ? '' : ` (${countText(n, locale)})`}.`;
  }
  const reading = test.pValue < SIGNIFICANCE ? (sv ? 'går att säkerställa statistiskt' : 'is statistically established') : sv ? 'går inte att säkerställa statistiskt' : 'cannot be statistically established';
  const pText = pValueText(test.pValue, locale);
  return `${what} ${reading}: ${methodLabel(test.method, locale)}, ${pText}${nText}.`;
}

/**
 * The section's tables and sentences: each secondary instrument (not the
 * primary, which has its own section) with a change from before to after.
 */
export function measuresSection(measures: readonly MeasureSummary[], analysis: readonly MeasureChangeAnalysis[], k: number, locale: Locale): { tables: ReportTable[]; text: string[] } {
  const tables: ReportTable[] = [];
  const text: string[] = [];
  for (const m of measures) {
    if (m.primary) continue;
    const change = m.changes.find((c) => c.phase === 'after');
    if (change === undefined) continue;
    const laterLabel = change.label[locale];
    const [summary, direction] = changeTables(m, change, `measures-${m.id}`, laterLabel, locale, k);
    tables.push(summary!, direction!);
    const a = analysis.find((x) => x.id === m.id && x.phase === 'after' && !x.primary);
    text.push(changeTestSentence(a, m.label[locale], locale === 'sv' ? 'efter' : 'after', direction!, k, locale));
  }
  return { tables, text };
}
