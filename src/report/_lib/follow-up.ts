import type { Locale } from '../../core/locale.js';
import type { MeasureSummary } from '../../compile/measure-summary.js';
import type { FollowUpReach } from '../../compile/tabulate.js';
import type { MeasureChangeAnalysis } from '../../analyse/index.js';
import { protectReportTable, type RawCell, type ReportTable } from '../protect.js';
import { shownCount } from './cell.js';
import { countText } from '../../locales/count.js';
import { changeTables, changeTestSentence } from './measures.js';

/**
 * The report's section "Efteruppföljning" (follow-up after the end): per
 * follow-up point, who could be reached of those closed in the results (an
 * additive block whose row total is the number closed, protected with its
 * margins), the change of each instrument measured there from before to the
 * point (the same tables and test sentence as "Andra mått", the primary
 * measure included), and a caution on attrition in words, with numbers only
 * when the reach table shows them.
 *
 * @internal
 */

const T = {
  title: { sv: 'Efteruppföljning', en: 'Follow-up after the end' },
  reach: { sv: 'nåddes vid efteruppföljningen', en: 'reached at the follow-up' },
  reached: { sv: 'Nåddes', en: 'Reached' },
  notReached: { sv: 'Kunde inte nås', en: 'Could not be reached' },
  declined: { sv: 'Avböjde', en: 'Declined' },
  missing: { sv: 'Uppgift saknas', en: 'Not recorded' },
  closed: { sv: 'Avslutade', en: 'Closed' },
  row: { sv: 'Avslutade i resultaten', en: 'Closed in the results' },
} as const;

/** @internal The section's title. */
export const FOLLOW_UP_TITLE = T.title;

const count = (value: number): RawCell => ({ kind: 'count', value });

/** The point in a sentence: "uppföljningen 12 månader efter avslut", "the follow-up 12 months after closing" (the label alone names a time, not the measurement). */
const atPoint = (label: string, locale: Locale): string => (locale === 'sv' ? `uppföljningen ${label.toLowerCase()}` : `the follow-up ${label.toLowerCase()}`);

/** The attrition caution for one point, with its numbers only where the protected reach table shows them. */
function caution(label: string, reached: number | undefined, closed: number | undefined, locale: Locale): string {
  const sv = locale === 'sv';
  const at = atPoint(label, locale);
  const numbers = reached !== undefined && closed !== undefined;
  const [r, c] = numbers ? [countText(reached, locale), countText(closed, locale)] : ['', ''];
  if (numbers && reached === closed) {
    return sv ? `Alla de ${c} som avslutades i resultaten nåddes vid ${at}.` : `All ${c} closed in the results were reached at ${at}.`;
  }
  if (sv) {
    const who = numbers ? `${r} av de ${c} som avslutades i resultaten nåddes vid ${at}` : `Inte alla som avslutades i resultaten nåddes vid ${at}`;
    return `${who}. De som inte nåddes kan skilja sig från dem som nåddes, så förändringen fram till uppföljningen gäller bara dem som nåddes.`;
  }
  const who = numbers ? `${r} of the ${c} closed in the results were reached at ${at}` : `Not everyone closed in the results was reached at ${at}`;
  return `${who}. Those not reached may differ from those reached, so the change up to the follow-up holds only for those reached.`;
}

/**
 * The section's tables and sentences: for each follow-up point, the reach
 * table, each instrument's change from before to the point, and the caution.
 */
export function followUpSection(
  reach: readonly FollowUpReach[],
  measures: readonly MeasureSummary[],
  analysis: readonly MeasureChangeAnalysis[],
  k: number,
  locale: Locale,
): { tables: ReportTable[]; text: string[] } {
  const tables: ReportTable[] = [];
  const text: string[] = [];
  for (const point of reach) {
    if (point.closed === 0) continue;
    const label = point.label[locale];
    const table = protectReportTable(
      {
        id: `follow-up-${point.id}`,
        title: `${label}: ${T.reach[locale]}`,
        columns: [T.reached[locale], T.notReached[locale], T.declined[locale], T.missing[locale], T.closed[locale]],
        rows: [
          {
            key: point.id,
            label: T.row[locale],
            cells: [count(point.reached.count), count(point.notReached.count), count(point.declined.count), count(point.missing.count), count(point.closed)],
          },
        ],
        additive: [0, 1, 2, 3],
        rowTotal: 4,
      },
      k,
    );
    tables.push(table);
    const cells = table.rows[0]?.cells;
    text.push(caution(label, shownCount(cells?.[0]), shownCount(cells?.[4]), locale));
    for (const m of measures) {
      const change = m.changes.find((c) => c.phase === point.id);
      if (change === undefined) continue;
      const [summary, direction] = changeTables(m, change, `follow-up-${point.id}-${m.id}`, label, locale, k);
      tables.push(summary!, direction!);
      const a = analysis.find((x) => x.id === m.id && x.phase === point.id);
      text.push(changeTestSentence(a, m.label[locale], atPoint(label, locale), direction!, k, locale));
    }
  }
  return { tables, text };
}
