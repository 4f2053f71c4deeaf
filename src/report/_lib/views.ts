import type { Label, Locale } from '../../core/locale.js';
import type { ViewAnswerCount, ViewSummary } from '../../compile/views.js';
import { shareOf } from '../../compile/share.js';
import type { ViewAnalysis, ViewTest } from '../../analyse/index.js';
import { BETWEEN, SIGNIFICANCE } from '../../analyse/findings.js';
import { ATTAINMENT_LEVELS } from '../../after/classify.js';
import { methodLabel } from '../../stats/methods.js';
import { formatNumber, formatPercent } from '../format.js';
import { countText } from '../../locales/count.js';
import { LEVEL_LABELS } from '../labels.js';
import { protectReportTable, type RawCell, type RawTable, type ReportCell, type ReportTable } from '../protect.js';
import { isSuppressed, percentRange, pValueText, shownCount } from './cell.js';

/**
 * The report's section "Klienternas synpunkter" (the client questionnaire):
 * per item a table of its answers by goal-attainment level (the unclassified
 * apart, each answer's total beside), and one summary table of the share
 * with a positive view; then the findings in words. Every count passes
 * through protection: an item's table is protected with the level totals
 * (and the unclassified) the attainment and flow tables hide marked hidden,
 * since its column totals are those; the summary's n and share are hidden
 * when any answer total of the item is, since n and the positive count are
 * sums of them; a sentence gives a share only where the table shows it and
 * no count below k.
 *
 * When the flow hides the closed but unclassified, the section counts only
 * the classified (and says so): their column would add up to the hidden
 * count, and with the levels, the totals and the summary's answered it
 * would give it back — or hide most of the section to keep it. Then an
 * item's table has the four levels and their total (the classified asked),
 * and its columns add up to the attainment total's levels and n.
 *
 * @internal
 */

const T = {
  title: { sv: 'Klienternas synpunkter', en: "Clients' views" },
  summary: { sv: 'Klienternas synpunkter: andel positiva svar', en: "Clients' views: share of positive answers" },
  answered: { sv: 'Besvarade', en: 'Answered' },
  positive: { sv: 'Andel positiva', en: 'Share positive' },
  unclassified: { sv: 'Ej bedömd', en: 'Not classified' },
  total: { sv: 'Totalt', en: 'Total' },
  notAnswered: { sv: 'Ej besvarat', en: 'Not answered' },
  after: { sv: 'vid avslut', en: 'at closing' },
  classifiedOnly: {
    sv: 'Synpunkterna redovisas för dem som bedömdes på skalan för måluppfyllelse. Svaren från de avslutade som inte kunde bedömas redovisas inte, för att skydda enskilda.',
    en: 'The views are given for those classified on the goal-attainment scale. The answers of those closed but not classified are not shown, to protect individuals.',
  },
} as const;

/** @internal The section's title. */
export const VIEWS_TITLE = T.title;

const count = (value: number): RawCell => ({ kind: 'count', value });
const pointWords = (point: string, locale: Locale) => (point === 'after' ? T.after[locale] : locale === 'sv' ? `vid uppföljningen ${point}` : `at follow-up ${point}`);
const tableId = (v: { point: string; id: string }) => `views-${v.point}-${v.id}`;

type ItemRow = { readonly key: string; readonly label: string; readonly counts: ViewAnswerCount };

/** An item's answers, then don't know, then not answered: the table's rows as the questionnaire has them. */
function fullRows(v: ViewSummary, locale: Locale): ItemRow[] {
  return [
    ...v.answers.map((a) => ({ key: String(a.value), label: a.label[locale], counts: a })),
    ...(v.dontKnow === null ? [] : [{ key: 'dont_know', label: v.dontKnow.label[locale], counts: v.dontKnow }]),
    { key: 'not_answered', label: T.notAnswered[locale], counts: v.notAnswered },
  ];
}

/** Adds answer counts, column by column. */
function added(parts: readonly ViewAnswerCount[]): ViewAnswerCount {
  const byLevel = Object.fromEntries(VIEW_COLUMNS_KEYS.map((c) => [c, parts.reduce((n, p) => n + p.byLevel[c], 0)])) as ViewAnswerCount['byLevel'];
  return { count: parts.reduce((n, p) => n + p.count, 0), byLevel };
}

/**
 * The rows regrouped (before anything is suppressed, as the design asks):
 * the positive answers, the other answers, and don't know with not answered.
 */
function groupedRows(v: ViewSummary, locale: Locale): ItemRow[] {
  const words = (list: readonly { label: Label }[]) => list.map((a, i) => (i === 0 ? a.label[locale] : a.label[locale].toLowerCase())).join(locale === 'sv' ? ' eller ' : ' or ');
  const positive = v.answers.filter((a) => a.positive);
  const other = v.answers.filter((a) => !a.positive);
  const rest = [...(v.dontKnow === null ? [] : [v.dontKnow]), v.notAnswered];
  return [
    { key: 'positive', label: words(positive), counts: added(positive) },
    { key: 'other', label: words(other), counts: added(other) },
    { key: 'no_answer', label: v.dontKnow === null ? T.notAnswered[locale] : `${v.dontKnow.label[locale]} ${locale === 'sv' ? 'eller ej besvarat' : 'or not answered'}`, counts: added(rest) },
  ];
}

/**
 * An item's rows by attainment level, with each row's total: the four levels, the unclassified and all asked, or
 * (`classified`) the four levels and the classified asked (see {@link viewsSection}).
 */
function itemTable(v: ViewSummary, rows: readonly ItemRow[], locale: Locale, hiddenLevels: readonly number[], classified: boolean): RawTable {
  const keys = columnKeys(classified);
  const margins = hiddenLevels.filter((j) => j < keys.length);
  return {
    id: tableId(v),
    title: `${v.label[locale]} (${pointWords(v.point, locale)})`,
    columns: [...ATTAINMENT_LEVELS.map((l) => LEVEL_LABELS[l][locale]), ...(classified ? [] : [T.unclassified[locale]]), T.total[locale]],
    rows: rows.map((r) => ({
      key: r.key,
      label: r.label,
      cells: [...keys.map((c) => count(r.counts.byLevel[c])), count(r.counts.count)],
    })),
    additive: keys.map((_, j) => j),
    rowTotal: keys.length,
    ...(margins.length > 0 ? { hiddenMargins: { columnTotals: margins, total: false } } : {}),
  };
}

const VIEW_COLUMNS_KEYS = [...ATTAINMENT_LEVELS, 'unclassified'] as const;
/** An item table's count columns before its total: the four levels and the unclassified, or the four levels alone. */
const columnKeys = (classified: boolean): readonly (typeof VIEW_COLUMNS_KEYS)[number][] => (classified ? ATTAINMENT_LEVELS : VIEW_COLUMNS_KEYS);

/** @internal Whether a client-view item's table counts the classified only (no column of the unclassified): the four levels and the total. */
export const countsClassifiedOnly = (t: { readonly columns: readonly string[] }): boolean => t.columns.length === ATTAINMENT_LEVELS.length + 1;

/** An answer's counts without the unclassified. */
const classifiedCounts = <T extends ViewAnswerCount>(a: T): T => ({ ...a, count: a.count - a.byLevel.unclassified, byLevel: { ...a.byLevel, unclassified: 0 } });

/** The item counted among the classified only: every answer without the unclassified, and its answered and positive share again. */
function classifiedItem(v: ViewSummary): ViewSummary {
  const answers = v.answers.map(classifiedCounts);
  const dontKnow = v.dontKnow === null ? null : classifiedCounts(v.dontKnow);
  const notAnswered = classifiedCounts(v.notAnswered);
  const answered = answers.reduce((n, a) => n + a.count, 0);
  const positive = answers.reduce((n, a) => n + (a.positive ? a.count : 0), 0);
  return { ...v, answers, dontKnow, notAnswered, asked: answered + (dontKnow?.count ?? 0) + notAnswered.count, answered, positive: shareOf(positive, answered) };
}

/** The item's table as the questionnaire has it, or regrouped when that would hide an answer's total. */
function protectedItem(v: ViewSummary, locale: Locale, hiddenLevels: readonly number[], classified: boolean, k: number): ReportTable {
  const full = protectReportTable(itemTable(v, fullRows(v, locale), locale, hiddenLevels, classified), k);
  if (full.rows.every((r) => !isSuppressed(r.cells.at(-1)))) return full;
  return protectReportTable(itemTable(v, groupedRows(v, locale), locale, hiddenLevels, classified), k);
}

/**
 * The section's tables and sentences. `hiddenLevels`: the columns of the
 * item tables (the four levels, then the unclassified) whose totals the
 * attainment-total and flow tables hide.
 */
export function viewsSection(
  rows: readonly ViewSummary[],
  analysis: readonly ViewAnalysis[],
  hiddenLevels: readonly number[],
  k: number,
  locale: Locale,
): { tables: ReportTable[]; text: string[] } {
  if (rows.length === 0) return { tables: [], text: [] };
  // The flow hides the unclassified: counted among the classified only (see above).
  const classified = hiddenLevels.includes(VIEW_COLUMNS_KEYS.length - 1);
  if (classified) rows = rows.map(classifiedItem);
  const items = rows.map((v) => protectedItem(v, locale, hiddenLevels, classified, k));
  // An item whose answer totals are all shown: its n answered and positive count are sums of shown numbers.
  const whole = items.map((t) => t.rows.every((r) => !isSuppressed(r.cells.at(-1))));
  const summaryRaw: RawTable = {
    id: 'views-summary',
    title: T.summary[locale],
    columns: [T.answered[locale], T.positive[locale]],
    rows: rows.map((v) => ({
      key: `${v.point}-${v.id}`,
      label: `${v.label[locale]} (${pointWords(v.point, locale)})`,
      cells: [
        count(v.answered),
        { kind: 'share', count: v.positive.count, n: v.positive.n, lower: v.positive.share.computed ? v.positive.share.lower : null, upper: v.positive.share.computed ? v.positive.share.upper : null },
      ],
    })),
  };
  const summary = protectReportTable(summaryRaw, k);
  const secondary: ReportCell[] = [
    { kind: 'count', value: { suppressed: 'secondary' } },
    { kind: 'share', share: { suppressed: 'secondary' }, lower: null, upper: null },
  ];
  const summaryRows = summary.rows.map((r, i) => (whole[i] ? r : { ...r, cells: secondary }));
  const protectedSummary: ReportTable = { ...summary, rows: summaryRows, suppressed: summary.suppressed || whole.some((w) => !w) };

  const text: string[] = classified ? [T.classifiedOnly[locale]] : [];
  const nulls: NullTest[] = [];
  rows.forEach((v, i) => {
    const a = analysis[i];
    const cell = protectedSummary.rows[i]!.cells[1];
    const shown = cell?.kind === 'share' && !('suppressed' in cell.share) && v.positive.share.computed;
    if (shown && v.positive.share.computed) text.push(shareSentence(v, locale));
    if (a === undefined) return;
    const kItem = whole[i] ? k : Infinity;
    // The one count of the item a sentence may print: its respondents, as the summary table shows them.
    const answered = shownCount(protectedSummary.rows[i]!.cells[0]);
    for (const g of a.byGroup) {
      const r = testResult(g.test, g.adjusted, kItem, locale, locale === 'sv' ? `mellan ${BETWEEN[g.dimension].sv}` : `between ${BETWEEN[g.dimension].en}`, v.label, v.point, answered);
      if (typeof r === 'string') text.push(r);
      else if (r !== undefined) nulls.push({ ...r, groups: true });
    }
    const r = testResult(a.byAttainment.test, a.byAttainment.adjusted, kItem, locale, undefined, v.label, v.point, answered);
    if (typeof r === 'string') text.push(r);
    else if (r !== undefined) nulls.push({ ...r, groups: false });
  });
  // Tests that find nothing are one sentence (issue 12 item 4), each with its details in a table below.
  if (nulls.length === 0) return { tables: [protectedSummary, ...items], text };
  text.push(nullSentence(nulls, locale));
  return { tables: [protectedSummary, ...items, nullTestsTable(nulls, k, locale)], text };
}

/** A test that found nothing (or could not be made): its details for the table below the one sentence. */
interface NullTest {
  readonly what: string;
  readonly method: string;
  readonly p: string;
  /** The test's n, and whether it may be shown (the item's table hides no answer total). */
  readonly n: number;
  readonly nShown: boolean;
  readonly groups: boolean;
}

/** "Inga skillnader i synpunkterna mellan grupperna eller mellan nivåerna av måluppfyllelse kunde visas." */
function nullSentence(nulls: readonly NullTest[], locale: Locale): string {
  const sv = locale === 'sv';
  const parts = [
    ...(nulls.some((t) => t.groups) ? [sv ? 'mellan grupperna' : 'between the groups'] : []),
    ...(nulls.some((t) => !t.groups) ? [sv ? 'mellan nivåerna av måluppfyllelse' : 'between the levels of goal attainment'] : []),
  ];
  const details = sv ? ` (${nulls.length === 1 ? 'testet' : `de ${countText(nulls.length, locale)} testen`} redovisas i tabellen nedan)` : ` (${nulls.length === 1 ? 'the test is' : `the ${countText(nulls.length, locale)} tests are`} shown in the table below)`;
  return sv
    ? `Inga skillnader i synpunkterna ${parts.join(' eller ')} kunde visas${details}.`
    : `No differences in the views ${parts.join(' or ')} could be shown${details}.`;
}

/** The details of the tests that found nothing: method, p and n (n as a statistic resting on n, hidden below k). */
function nullTestsTable(nulls: readonly NullTest[], k: number, locale: Locale): ReportTable {
  const sv = locale === 'sv';
  return protectReportTable(
    {
      id: 'views-tests',
      title: sv ? 'Klienternas synpunkter: tester utan påvisad skillnad' : "Clients' views: tests that showed no difference",
      columns: [sv ? 'Metod' : 'Method', 'p', 'n'],
      rows: nulls.map((t, i) => ({
        key: String(i + 1),
        label: t.what,
        cells: [{ kind: 'text', text: t.method }, { kind: 'text', text: t.p }, { kind: 'number', value: t.n, n: t.nShown ? t.n : 0, digits: 0 }],
      })),
    },
    k,
  );
}

/** "72 % av de 25 som svarade (vid avslut) instämmer helt eller till stor del i ”…” (95 % konfidensintervall 52–86 %)." */
function shareSentence(v: ViewSummary, locale: Locale): string {
  const s = v.positive.share;
  if (!s.computed) return '';
  const positive = v.answers.filter((a) => a.positive).map((a) => a.label[locale].toLowerCase());
  const words = positive.join(locale === 'sv' ? ' eller ' : ' or ');
  const interval = percentRange(s.lower, s.upper, locale);
  return locale === 'sv'
    ? `${formatPercent(s.estimate, 'sv')} av de ${countText(v.positive.n, 'sv')} som svarade ${pointWords(v.point, 'sv')} svarade ”${words}” på ”${v.label.sv}” (95 % konfidensintervall ${interval}).`
    : `${formatPercent(s.estimate, 'en')} of the ${countText(v.positive.n, 'en')} who answered ${pointWords(v.point, 'en')} answered “${words}” to “${v.label.en}” (95% confidence interval ${interval}).`;
}

/**
 * A test's sentence when it finds a difference or link (established, with
 * the method, p, Holm-adjusted when there were several, and n when ≥ `k`
 * and the item's respondents `answered` as the summary table shows them);
 * a test that finds nothing, or could not be made for too few answers, is
 * returned as details for the one sentence and the table (`k` is Infinity
 * when the item's table hides an answer's total: the test's n, the answers
 * counted, would give it back); undefined for a test not to be mentioned.
 */
function testResult(test: ViewTest, adjusted: number | null, k: number, locale: Locale, between: string | undefined, label: Label, point: string, answered: number | undefined): string | Omit<NullTest, 'groups'> | undefined {
  const sv = locale === 'sv';
  const what = between === undefined
    ? sv ? `Sambandet mellan svaren på ”${label.sv}” (${pointWords(point, 'sv')}) och måluppfyllelsen` : `The link between the answers to “${label.en}” (${pointWords(point, 'en')}) and goal attainment`
    : sv ? `Skillnaden ${between} i svaren på ”${label.sv}” (${pointWords(point, 'sv')})` : `The difference ${between} in the answers to “${label.en}” (${pointWords(point, 'en')})`;
  if (!test.computed) {
    if (test.reason !== 'too_few' || test.params.what === 'groups') return undefined;
    const minimum = String(test.params.minimum);
    return { what, method: sv ? `kunde inte testas: för få svar (minst ${minimum} behövs)` : `could not be tested: too few answers (at least ${minimum} needed)`, p: '–', n: test.n, nShown: test.n >= k };
  }
  const p = adjusted ?? test.pValue;
  const pText = pValueText(p, locale);
  const n = 'n' in test && typeof test.n === 'number' ? test.n : 0;
  if (p >= SIGNIFICANCE) {
    const holm = adjusted !== null ? (sv ? ' (justerat med Holms metod)' : " (adjusted by Holm's method)") : '';
    return { what, method: methodLabel(test.method, locale), p: `${formatNumber(p, locale, 3)}${holm}`, n, nShown: n >= k };
  }
  const holm = adjusted !== null ? (sv ? ', justerat med Holms metod' : ", adjusted by Holm's method") : '';
  // The test's n is the answers it counted (by level, without the unclassified; or within the groups):
  // printed only when it is the item's respondents as the summary table shows them, never a sum no cell has.
  const nText = n >= k && n === answered ? `, n = ${countText(n, locale)}` : '';
  return `${what} ${sv ? 'går att säkerställa statistiskt' : 'is statistically established'}: ${methodLabel(test.method, locale)}, ${pText}${holm}${nText}.`;
}
