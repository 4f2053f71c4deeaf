import type { Locale } from '../../core/locale.js';
import type { GroupRow, Share } from '../../compile/tabulate.js';
import type { Analysis, Finding } from '../../analyse/index.js';
import { byPhrase, findingText, outcomeTestSentence } from '../../analyse/findings.js';
import { ATTAINMENT_LEVELS } from '../../after/classify.js';
import { LEVEL_LABELS, REPORT_LABELS as L } from '../labels.js';
import type { RawCell, RawTable, ReportCell, ReportTable } from '../protect.js';
import { isSuppressed, shownCount } from './cell.js';

/**
 * The report's section "Bakgrund och insatsens omfattning" (background and
 * dose, the method's *why did some not change?*): per background variable
 * counted by options, goal attainment by its values (the four levels, n and
 * goal met, one row per value and one for the classified without an answer);
 * per dose (sessions attended, weeks in the intervention), the four levels,
 * n, the share improved and the mean change of the primary measure by band
 * (bands with anyone classified); then each test in words, with n and the
 * Holm-adjusted p, or why it could not be made.
 *
 * Protection: every table here is a breakdown of the classified, so its
 * columns add up to the attainment total's levels and n. The tables are
 * built raw here and protected in `buildReport` together with the attainment
 * tables ({@link protectReportTable} through `linkAdditiveTables`), so a
 * total hidden in one stays hidden in all; the goal-met shares are linked the
 * same way. In a dose table the share improved is levels 1 + 2 over n, so it
 * is hidden in a row with any hidden cell, and the mean change is hidden
 * whenever the table hides anything (an equation on the same clients, as
 * the pairs' means in "Andra mått"). A level whose total the attainment
 * total hides is hidden whole in every table here (see `hideLevels`). A test's n is the sum of the rows' n (or
 * of the goal shares' n): it is given only when none of them is hidden and
 * it is the attainment total's n (or goal-share n) as shown, the same cell.
 *
 * @internal
 */

const T = {
  title: { sv: 'Bakgrund och insatsens omfattning', en: 'Background and dose' },
  missing: { sv: 'Uppgift saknas', en: 'Not recorded' },
  improved: { sv: 'Andel förbättrade', en: 'Share improved' },
  meanChange: { sv: 'Förändring i huvudmåttet, medelvärde', en: 'Change in the primary measure, mean' },
  band: { sv: 'besök', en: 'sessions' },
  weeks: { sv: 'veckor', en: 'weeks' },
} as const;

/** @internal The section's title. */
export const BACKGROUND_TITLE = T.title;

const count = (value: number): RawCell => ({ kind: 'count', value });
const shareCell = (s: Share): RawCell => ({ kind: 'share', count: s.count, n: s.n, lower: s.share.computed ? s.share.lower : null, upper: s.share.computed ? s.share.upper : null });
const levelCells = (o: { readonly n: number; readonly levels: GroupRow['attainment']['levels'] }): RawCell[] => [
  ...ATTAINMENT_LEVELS.map((l) => count(o.levels[l].count)),
  count(o.n),
];

/** The n column of the tables here (after the four levels), and the share after it. */
const N_COLUMN = ATTAINMENT_LEVELS.length;
const SHARE_COLUMN = N_COLUMN + 1;
const MEAN_COLUMN = SHARE_COLUMN + 1;

/** The id of a background variable's table. */
const backgroundId = (id: string) => `background-outcome-${id}`;
/** The id of a dose's table. */
const doseId = (measure: string) => `dose-${measure}`;

/**
 * Goal attainment by the values of each background variable counted by
 * options, unprotected, in the layout of the attainment tables (the four
 * levels, n, goal met) so that they are protected with them.
 */
export function backgroundTables(total: GroupRow, locale: Locale): RawTable[] {
  return total.background.flatMap((b) => {
    if (b.outcome === null) return [];
    const rows = b.outcome
      .filter((v) => v.code !== 'missing' || v.outcome.n > 0)
      .map((v) => ({ key: v.code, label: v.code === 'missing' ? T.missing[locale] : v.label[locale], cells: [...levelCells(v.outcome), shareCell(v.outcome.goalMet)] }));
    return [
      {
        id: backgroundId(b.id),
        title: `${L.attainment[locale]} ${byPhrase(b, locale)}`,
        columns: [...ATTAINMENT_LEVELS.map((l) => LEVEL_LABELS[l][locale]), L.n[locale], L.goalMet[locale]],
        rows,
        additive: [0, 1, 2, 3],
        rowTotal: N_COLUMN,
      },
    ];
  });
}

/**
 * Goal attainment by the bands of each dose (those with anyone classified),
 * unprotected, with the share improved and the mean change of the primary
 * measure; protected with the attainment tables (the levels and n).
 */
export function doseTables(total: GroupRow, locale: Locale): RawTable[] {
  return total.doseOutcome.map((d) => ({
    id: doseId(d.measure),
    title: `${L.attainment[locale]} ${byPhrase(d, locale)}`,
    columns: [...ATTAINMENT_LEVELS.map((l) => LEVEL_LABELS[l][locale]), L.n[locale], T.improved[locale], T.meanChange[locale]],
    rows: d.bands
      .filter((band) => band.outcome.n > 0)
      .map((band) => ({
        key: band.code,
        label: `${band.label[locale]} ${(d.measure === 'sessions' ? T.band : T.weeks)[locale]}`,
        cells: [
          ...levelCells(band.outcome),
          shareCell(band.outcome.improved),
          { kind: 'number' as const, value: band.change.computed ? band.change.mean : null, n: band.change.n, digits: 2 },
        ],
      })),
    additive: [0, 1, 2, 3],
    rowTotal: N_COLUMN,
  }));
}

/**
 * A table here with every cell of a level hidden whose total the attainment
 * total hides (`hidden`, column indices). Linked protection keeps that total
 * unrecoverable from each table alone, but a count shown in its column is a
 * lower bound on it, and several breakdowns together narrowed a hidden
 * period cell of the Björkebo example to 1–4 (the whole-report attacker
 * found it): the column is hidden whole instead.
 */
function hideLevels(t: ReportTable, hidden: readonly number[]): ReportTable {
  if (hidden.length === 0) return t;
  let suppressed = t.suppressed;
  const rows = t.rows.map((r) => ({
    ...r,
    cells: r.cells.map((c, j): ReportCell => {
      if (!hidden.includes(j) || c.kind !== 'count' || 'suppressed' in c.value) return c;
      suppressed = true;
      return { kind: 'count', value: { suppressed: 'secondary' } };
    }),
  }));
  return { ...t, rows, suppressed };
}

const SECONDARY_SHARE: ReportCell = { kind: 'share', share: { suppressed: 'secondary' }, lower: null, upper: null };

/**
 * A dose table after linked protection: the share improved is hidden in a
 * row with any hidden count (it is levels 1 + 2 of n), and every mean change
 * when the table hides anything.
 */
function doseProtected(t: ReportTable): ReportTable {
  const anyHidden = t.rows.some((r) => r.cells.slice(0, SHARE_COLUMN).some(isSuppressed));
  let suppressed = t.suppressed;
  const rows = t.rows.map((r) => {
    const rowHidden = r.cells.slice(0, SHARE_COLUMN).some(isSuppressed);
    const cells = r.cells.map((c, j): ReportCell => {
      if (j === SHARE_COLUMN && rowHidden && c.kind === 'share' && !('suppressed' in c.share)) return (suppressed = true), SECONDARY_SHARE;
      if (j === MEAN_COLUMN && anyHidden && c.kind === 'number' && c.value !== null) return (suppressed = true), { ...c, value: null, suppressed: true };
      return c;
    });
    return { ...r, cells };
  });
  return { ...t, rows, suppressed };
}

/** Whether no cell of a column is hidden in the table: a test's n, the column's sum, may then be given. */
const columnShown = (t: ReportTable | undefined, column: number) => t !== undefined && t.rows.every((r) => !isSuppressed(r.cells[column]));

/**
 * The counts of the attainment total a test's n may be printed as: its n
 * (those classified) and the n of its goal-met share (those with a goal),
 * where shown. A test's n is the sum of its table's rows; it is printed only
 * when it is one of these cells, never a sum no table shows (e.g. when the
 * classified without an answer are left out of the test).
 */
function totalCounts(total: ReportTable | undefined): number[] {
  const cells = total?.rows[0]?.cells ?? [];
  const n = shownCount(cells[N_COLUMN]);
  const goal = cells[SHARE_COLUMN];
  return [...(n === undefined ? [] : [n]), ...(goal?.kind === 'share' && !('suppressed' in goal.share) ? [goal.share.denominator] : [])];
}

/** Whether a finding's n is one of `counts` (and there is an n). */
const nIn = (finding: Finding | undefined, counts: readonly number[]) =>
  finding !== undefined && (finding.code === 'background_test' || finding.code === 'dose_test') && counts.includes(finding.params.n);

/** The sentence of one background or dose test, from the analysis' finding: with n only when `nShown`. */
function testText(finding: Finding | undefined, nShown: boolean, locale: Locale): string[] {
  if (finding === undefined) return [];
  if (finding.code === 'background_test' || finding.code === 'dose_test') return [outcomeTestSentence(finding.params, locale, nShown)];
  return [findingText(finding, locale)];
}

/**
 * The section's tables and sentences: `linked` are the tables of
 * {@link backgroundTables} then {@link doseTables}, after the protection
 * they share with the attainment tables; `attainmentTotal`, the protected
 * attainment total, whose shown n a test's n must be to be printed.
 */
export function backgroundSection(
  linked: readonly ReportTable[],
  hiddenLevels: readonly number[],
  analysis: Analysis,
  locale: Locale,
  attainmentTotal?: ReportTable,
): { tables: ReportTable[]; text: string[] } {
  const totals = totalCounts(attainmentTotal);
  const tables = linked.map((t) => hideLevels(t, hiddenLevels)).map((t) => (t.id.startsWith('dose-') ? doseProtected(t) : t));
  const byId = new Map(tables.map((t) => [t.id, t]));
  const findings = analysis.findings;
  const text: string[] = [];
  for (const b of analysis.background) {
    const t = byId.get(backgroundId(b.id));
    for (const outcome of ['goal_met', 'level'] as const) {
      const f = findings.find(
        (x) =>
          (x.code === 'background_test' && x.params.variable === b.id && x.params.outcome === outcome) ||
          (x.code === 'not_tested' && x.params.test === 'background' && x.params.variable === b.id && x.params.outcome === outcome),
      );
      text.push(...testText(f, columnShown(t, outcome === 'goal_met' ? SHARE_COLUMN : N_COLUMN) && nIn(f, totals), locale));
    }
  }
  for (const d of analysis.dose) {
    const t = byId.get(doseId(d.measure));
    for (const outcome of ['improved', 'level'] as const) {
      const f = findings.find(
        (x) =>
          (x.code === 'dose_test' && x.params.measure === d.measure && x.params.outcome === outcome) ||
          (x.code === 'not_tested' && x.params.test === 'dose' && x.params.measure === d.measure && x.params.outcome === outcome),
      );
      text.push(...testText(f, columnShown(t, N_COLUMN) && nIn(f, totals), locale));
    }
  }
  return { tables, text };
}
