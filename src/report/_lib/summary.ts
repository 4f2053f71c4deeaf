import type { Label, Locale } from '../../core/locale.js';
import { jointlyHidden, type ReportTable } from '../protect.js';
import { isRecord } from '../../core/args.js';
import { findingText, type Finding } from '../../analyse/index.js';
import { BETWEEN, byPhrase, SIGNIFICANCE, withdrawnReasonsText } from '../../analyse/findings.js';
import { formatNumber, formatPercent } from '../format.js';
import { shownCount } from './cell.js';
import { countText } from '../../locales/count.js';

/** Parameters of findings that are counts of people (or rest on them). */
const COUNT_KEYS = [
  'selected', 'started', 'closed', 'classified', 'count', 'n', 'improved', 'unchanged', 'worse', 'zeros',
  'highN', 'lowN', 'firstN', 'lastN', 'waiting', 'withdrawnBeforeStart', 'reliableImproved', 'reliableWorse',
];
/** Shares paired with their n: the count behind the share is share × n. */
const SHARE_PAIRS = [
  ['highShare', 'highN'],
  ['lowShare', 'lowN'],
  ['firstShare', 'firstN'],
  ['lastShare', 'lastN'],
] as const;

/** A finding's params as read here: any object (a finding may come from JSON), nothing else. */
type Params = Readonly<Record<string, unknown>>;
const paramsOf = (finding: Finding): Params => (isRecord(finding.params) ? finding.params : {});

/** The counts of people a finding's sentence would show. */
function countsIn(params: Params): number[] {
  const out: number[] = [];
  for (const key of COUNT_KEYS) {
    const v = params[key];
    if (typeof v === 'number' && Number.isInteger(v)) out.push(v);
  }
  for (const [share, n] of SHARE_PAIRS) {
    const s = params[share];
    const m = params[n];
    if (typeof s === 'number' && typeof m === 'number') out.push(Math.round(s * m), m - Math.round(s * m));
  }
  // Reasons are listed with their counts in the text ("sammanbrott 3, flyttat 1").
  out.push(...reasonCounts(params));
  return out;
}

/** The counts of a finding's `reasons` (withdrawn, not started or unclassified, by reason). */
function reasonCounts(params: Params): number[] {
  const reasons = params.reasons;
  if (!Array.isArray(reasons)) return [];
  return reasons.flatMap((r: unknown) => (isRecord(r) && typeof r.count === 'number' && Number.isInteger(r.count) ? [r.count] : []));
}

const small = (counts: readonly number[], k: number) => counts.some((c) => c >= 1 && c < k);

/** Words for the findings about who left, when their numbers cannot all be shown. */
const WHO_LEFT = {
  not_started: {
    flowRow: 'notStarted',
    someSv: 'Några utvalda har inte påbörjat insatsen',
    someEn: 'Some selected clients have not started the intervention',
    countSv: 'utvalda har inte påbörjat insatsen',
    countEn: 'selected clients have not started the intervention',
  },
  unclassified: {
    flowRow: 'unclassified',
    someSv: 'Några avslutade kunde inte bedömas på skalan, eftersom en mätning eller en bedömning saknades',
    someEn: 'Some closed could not be placed on the scale, since a measurement or an assessment was missing',
    countSv: 'avslutade kunde inte bedömas på skalan',
    countEn: 'of those closed could not be placed on the scale',
  },
  withdrawn: {
    flowRow: 'withdrawn',
    someSv: 'Några avfördes från uppföljningen under insatsen',
    someEn: 'Some were withdrawn from the follow-up during the intervention',
    countSv: 'avfördes från uppföljningen under insatsen',
    countEn: 'were withdrawn from the follow-up during the intervention',
  },
} as const;

/**
 * The sentence for those who never started, were withdrawn or were closed but not classified when the flow table
 * hides how many: it says there were some (at least 1), and no more. relations.ts reads that back, by the words of
 * {@link LEFT_ROWS}, as flow row ≥ 1.
 */
function leftUnshown(code: keyof typeof WHO_LEFT, locale: Locale): string {
  const words = WHO_LEFT[code];
  return locale === 'sv' ? `${words.someSv} (antalet visas inte, för att skydda enskilda).` : `${words.someEn} (the number is not shown, to protect individuals).`;
}

/**
 * @internal The flow rows that a sentence of the report tells are at least 1 when it speaks of them at all, with
 * the words that name them: those who never started, were withdrawn (also the attrition caution, "De som avfördes
 * hade …") or were closed but not classified.
 */
export const LEFT_ROWS = [
  { row: 'notStarted', sv: ['har inte påbörjat insatsen'], en: ['have not started the intervention'] },
  { row: 'withdrawn', sv: ['avfördes från uppföljningen under insatsen', 'De som avfördes hade'], en: ['were withdrawn from the follow-up during the intervention', 'Those withdrawn had'] },
  { row: 'unclassified', sv: ['kunde inte bedömas på skalan'], en: ['could not be placed on the scale'] },
] as const;

/** The flow row each finding's sentence speaks of (and so tells is at least 1). */
const SAID_ROW: Partial<Record<string, string>> = { ...Object.fromEntries(Object.entries(WHO_LEFT).map(([code, w]) => [code, w.flowRow])), attrition_baseline: WHO_LEFT.withdrawn.flowRow };

/** @internal The reference of the sentences on a flow row, for the joint protection to leave them out (relations.ts). */
export const saidRef = (row: string): string => `said|${row}|0`;

/** Sentences that say what can be said when the finding's own numbers are too small to show. */
function substitute(finding: Finding, k: number, locale: Locale, hidden: ReadonlySet<string>, tables?: readonly ReportTable[]): string | undefined {
  const p = paramsOf(finding);
  // A count the report's tables do not show is not printed here either (without tables: only the small ones are held back).
  const shown = tables === undefined ? undefined : shownCountsOf(tables);
  const unshown = (counts: readonly number[]) => shown !== undefined && counts.some((c) => !shown.has(c));
  const sv = locale === 'sv';
  switch (finding.code) {
    case 'followed': {
      const selected = Number(p.selected);
      const started = Number(p.started);
      const classified = Number(p.classified);
      if (hidden.has('classified') || small([classified], k) || unshown([classified])) return undefined;
      if (!hidden.has('selected') && !small([selected], k) && !unshown([selected])) {
        return sv
          ? `${countText(selected, locale)} klienter valdes ut till uppföljningen; ${countText(classified, locale)} av dem kunde bedömas på skalan för måluppfyllelse när insatsen avslutats.`
          : `${countText(selected, locale)} clients were selected for the follow-up; ${countText(classified, locale)} of them could be placed on the goal-attainment scale at closing.`;
      }
      // The number selected is hidden (it would reveal the few who never started): say who started.
      if (hidden.has('started') || small([started], k) || unshown([started])) return undefined;
      return sv
        ? `${countText(started, locale)} klienter påbörjade insatsen; ${countText(classified, locale)} av dem kunde bedömas på skalan för måluppfyllelse när insatsen avslutats.`
        : `${countText(started, locale)} clients started the intervention; ${countText(classified, locale)} of them could be placed on the goal-attainment scale at closing.`;
    }
    case 'not_started':
    case 'unclassified':
    case 'withdrawn': {
      const count = Number(p.count);
      const words = WHO_LEFT[finding.code];
      const total = sv ? words.countSv : words.countEn;
      // A count the flow table hides (a small one, or by secondary suppression) is not given at all, nor a bound on it:
      // "fewer than 5" would tell that it lies within 1..k − 1, which is what hiding it protects. The sentence tells
      // that it is at least 1, which the joint protection knows (see leftUnshown).
      if (hidden.has(words.flowRow) || count < k || unshown([count])) return leftUnshown(finding.code, locale);
      // The total alone, or with the reasons when none of them is small and the table by reason shows them all; never the small parts.
      const reasons = withdrawnReasonsText(finding, locale);
      const why = reasons === '' || small(reasonCounts(p), k) || !reasonsShown(tables) ? '' : ` (${reasons})`;
      return `${countText(count, locale)} ${total}${why}.`;
    }
    case 'direction': {
      const n = Number(p.n);
      const improved = Number(p.improved);
      if (tables !== undefined) {
        // Those improved are the first two levels added up, a sum no table has: the share instead, when
        // the attainment total shows both levels and n (so it says nothing they do not), with the
        // unchanged and the worse when it shows those levels too.
        const cells = tableById(tables, 'attainment-total')?.rows[0]?.cells ?? [];
        const [first, second, unchanged, worse, total] = [0, 1, 2, 3, 4].map((j) => shownCount(cells[j]));
        if (first === undefined || second === undefined || total === undefined || total !== n || total === 0 || small([total], k)) return undefined;
        const share = formatPercent((first + second) / total, locale);
        const rest = unchanged === undefined || worse === undefined ? undefined : [countText(unchanged, locale), countText(worse, locale)];
        if (sv) {
          const tail = rest === undefined ? '' : `, ${rest[0]} var ${unchanged === 1 ? 'oförändrad' : 'oförändrade'} och ${rest[1]} försämrades`;
          return `Av ${countText(total, locale)} bedömda förändrades ${share} till det bättre${tail}.`;
        }
        const tail = rest === undefined ? '' : `, ${rest[0]} ${unchanged === 1 ? 'was' : 'were'} unchanged and ${rest[1]} got worse`;
        return `Of ${countText(total, locale)} classified, ${share} changed for the better${tail}.`;
      }
      if (small([improved, n - improved, n], k)) return undefined;
      return sv
        ? `Av ${countText(n, locale)} bedömda förändrades ${countText(improved, locale)} till det bättre (${formatPercent(improved / n, 'sv')}); ${countText(n - improved, locale)} var oförändrade eller försämrades.`
        : `Of ${countText(n, locale)} classified, ${countText(improved, locale)} changed for the better (${formatPercent(improved / n, 'en')}); ${countText(n - improved, locale)} were unchanged or worse.`;
    }
    default:
      return undefined;
  }
}

/** The counts a table shows: its shown count cells, and the n and count of its shown shares. */
function shownCountsOf(tables: readonly ReportTable[]): Set<number> {
  const out = new Set<number>();
  for (const t of tables) {
    for (const r of t.rows) {
      for (const c of r.cells) {
        if (c.kind === 'count' && !('suppressed' in c.value)) out.add(c.value.value);
        if (c.kind === 'share' && !('suppressed' in c.share)) out.add(c.share.denominator).add(c.share.numerator);
      }
    }
  }
  return out;
}

/** Whether the table of withdrawals by reason hides none of those during the intervention (true without tables). */
function reasonsShown(tables: readonly ReportTable[] | undefined): boolean {
  if (tables === undefined) return true;
  const t = tables.find((x) => x.id === 'withdrawals');
  return t !== undefined && t.rows.every((r) => r.cells[1] === undefined || !isHidden(r.cells[1]));
}

/** A whole number among a finding's params, or nothing. */
const whole = (v: unknown): number[] => (typeof v === 'number' && Number.isInteger(v) ? [v] : []);

/**
 * The counts of people a finding's sentence prints (as `findingText` words
 * it), each of which must be a count the report's tables show. Not here:
 * numbers that are not counts of people (weeks, the groups compared, a
 * method's minimum, the comparisons of Holm's adjustment).
 */
function printedCounts(finding: Finding): number[] {
  const p = paramsOf(finding);
  const keys: Readonly<Partial<Record<string, readonly string[]>>> = {
    followed: ['selected', 'started', 'closed', 'classified'],
    withdrawn: ['count', 'started'],
    not_started: ['count', 'waiting', 'withdrawnBeforeStart'],
    unclassified: ['count'],
    goal_met: ['count', 'n'],
    direction: ['n', 'improved', 'unchanged', 'worse'],
    worse: ['count', 'unchanged'],
    paired_test: ['n', 'zeros'],
    subgroup_gap: ['highN', 'lowN'],
    subgroup_change_test: ['n'],
    attrition_baseline: ['withdrawnN', 'stayedN'],
    small_n: ['n'],
    during_trend: ['firstN', 'lastN'],
    measure_change: ['n', 'improved', 'worse', 'unchanged', 'reliableImproved', 'reliableWorse'],
    background_test: ['n'],
    dose_test: ['n'],
  };
  const own = (keys[finding.code] ?? []).flatMap((key) => (key === 'zeros' && p.zeros === 0 ? [] : whole(p[key])));
  // The reasons of the withdrawn, the not started and the unclassified are listed with their counts.
  const reasons = finding.code === 'not_started' && p.withdrawnBeforeStart === 0 ? [] : reasonCounts(p);
  // A test not made prints its pairs with a change and those without ("3 par med förändring (2 utan förändring räknas inte)").
  const result = isRecord(p.result) ? p.result : {};
  const untested = finding.code === 'not_tested' && (p.test === 'paired' || p.test === 'paired_measure') ? [...whole(result.n), ...(p.zeros === 0 ? [] : whole(p.zeros))] : [];
  return [...own, ...reasons, ...untested];
}

/** The one table of `tables` with `id`, or undefined. */
const tableById = (tables: readonly ReportTable[], id: string) => tables.find((t) => t.id === id);

const isHidden = (c: ReportTable['rows'][number]['cells'][number]): boolean =>
  (c.kind === 'count' && 'suppressed' in c.value) || (c.kind === 'share' && 'suppressed' in c.share) || (c.kind === 'number' && c.suppressed);

/** A mean with one decimal, as the tables and the findings write means beside each other ("3,0 och 2,9"). */
const mean1 = (value: number, locale: Locale) => formatNumber(value, locale, 1).replace(/^(−?\d+)$/, `$1${locale === 'sv' ? ',' : '.'}0`);

/**
 * The report's own wording of a finding whose sentence (as the analysis
 * words it) prints a number that is not a cell of the protected tables:
 * a sentence, the finding with that number left out, or null when nothing
 * can be said. Findings not listed here are returned as they are.
 *
 * - the weekly trend ("75 % negativa prov de första 3 veckorna (n = 36)"):
 *   its n are sums over weeks, and its shares with shown weekly counts undo
 *   hidden weeks; said without n, and only when the week table hides
 *   nothing; when it pooled weeks into periods, as the shares of its first
 *   and last period ("97 % negativa prov under vecka 1–4 och 98 % under vecka 21–24");
 * - the attrition caution's means of those withdrawn and those who stayed:
 *   the n of those withdrawn is no cell, and with fewer than k it is a
 *   person's score; said without n, the means only when the primary
 *   measure's table shows the n and mean before and among those who stayed
 *   and at least k were withdrawn, otherwise in words alone (that they may
 *   have differed: the finding is made whether or not the means differ);
 * - the paired test's pairs without change, and a measure's reliable change
 *   counts, which no table has: left out;
 * - the paired and subgroup change tests' n (the pairs), and the worse and
 *   unchanged of the `worse` caution: said only when they are those cells of
 *   the primary measure's and the attainment total's tables as shown.
 */
function rewordedFinding(finding: Finding, tables: readonly ReportTable[], k: number, locale: Locale): Finding | string | null {
  const sv = locale === 'sv';
  switch (finding.code) {
    case 'during_trend': {
      const p = finding.params;
      const t = tables.find((x) => x.id.startsWith('during-') && x.title.endsWith(`: ${p.label[locale]}`));
      if (t === undefined || t.rows.some((r) => r.cells.some(isHidden))) return null;
      if (t.note === undefined) {
        const [first, last] = [formatPercent(p.firstShare, locale), formatPercent(p.lastShare, locale)];
        return sv
          ? `${p.label.sv}: ${first} negativa prov de första ${p.span} veckorna och ${last} veckorna ${p.lastFrom}–${p.lastTo}.`
          : `${p.label.en}: ${first} negative tests in the first ${p.span} weeks and ${last} in weeks ${p.lastFrom}–${p.lastTo}.`;
      }
      // Weeks pooled into periods: the first and the last period with tests, as the table shows them
      // (the finding's own spans would cut across a period and say something about part of it).
      const periods = t.rows.flatMap((r) => {
        const c = r.cells.find((x) => x.kind === 'share');
        return c?.kind === 'share' && !('suppressed' in c.share) ? [{ label: r.label.toLowerCase(), share: c.share.share }] : [];
      });
      const [a, b] = [periods[0], periods.at(-1)];
      if (a === undefined || b === undefined || a === b) return null;
      return sv
        ? `${p.label.sv}: ${formatPercent(a.share, locale)} negativa prov under ${a.label} och ${formatPercent(b.share, locale)} under ${b.label}.`
        : `${p.label.en}: ${formatPercent(a.share, locale)} negative tests in ${a.label} and ${formatPercent(b.share, locale)} in ${b.label}.`;
    }
    case 'attrition_baseline': {
      const p = finding.params;
      const t = tableById(tables, 'primary-summary');
      const rowShown = (key: string) => {
        const cells = t?.rows.find((r) => r.key === key)?.cells;
        return cells !== undefined && cells.length >= 2 && !isHidden(cells[0]!) && !isHidden(cells[1]!);
      };
      const name = p.instrument[locale].toLowerCase();
      if (p.withdrawnN >= k && rowShown('before') && rowShown('before-stayed')) {
        return sv
          ? `De som avfördes hade före insatsen i genomsnitt ${mean1(p.withdrawnMean, locale)} på ${name}, de som stannade ${mean1(p.stayedMean, locale)}: resultaten gäller dem som stannade, och bortfallet kan dölja sämre utfall.`
          : `Those withdrawn had a mean of ${mean1(p.withdrawnMean, locale)} on ${name} before the intervention, those who stayed ${mean1(p.stayedMean, locale)}: the results describe those who stayed, and attrition may hide worse outcomes.`;
      }
      return sv
        ? `De som avfördes kan ha skilt sig från dem som stannade redan före insatsen: resultaten gäller dem som stannade, och bortfallet kan dölja sämre utfall.`
        : `Those withdrawn may have differed from those who stayed already before the intervention: the results describe those who stayed, and attrition may hide worse outcomes.`;
    }
    case 'subgroup_gap': {
      // Each group's share is a cell of the attainment table by that dimension: said only when both are shown.
      const p = finding.params;
      const t = tableById(tables, `attainment-${p.dimension}`);
      const shareShown = (label: string) => {
        const cell = t?.rows.find((r) => r.label === label)?.cells.find((c) => c.kind === 'share');
        return cell?.kind === 'share' && !('suppressed' in cell.share);
      };
      return shareShown(p.highLabel[locale]) && shareShown(p.lowLabel[locale]) ? finding : null;
    }
    case 'paired_test':
    case 'subgroup_change_test': {
      // Their n is the pairs, the primary measure's table's n of the change: said only when that cell shows it.
      const pairs = shownCount(tableById(tables, 'primary-summary')?.rows.find((r) => r.key === 'change')?.cells[0]);
      if (pairs !== finding.params.n) return null;
      return finding.code === 'subgroup_change_test' || finding.params.zeros === 0 ? finding : { ...finding, params: { ...finding.params, zeros: 0 } };
    }
    case 'worse': {
      // Those worse and those unchanged are the attainment total's last two levels.
      const cells = tableById(tables, 'attainment-total')?.rows[0]?.cells ?? [];
      return shownCount(cells[3]) === finding.params.count && shownCount(cells[2]) === finding.params.unchanged ? finding : null;
    }
    case 'measure_change':
      return finding.params.reliableImproved === null ? finding : { ...finding, params: { ...finding.params, reliableImproved: null, reliableWorse: null } };
    default:
      return finding;
  }
}

/**
 * The summary's sentences, from the analysis' findings, after small-cell
 * protection: a sentence that would show a count of 1 to k − 1 people is
 * replaced by one that does not (e.g. "fewer than 5 never started"), or left
 * out and counted. With the report's protected `tables`, every count a
 * sentence prints is also one they show (the same cell), else the sentence
 * is replaced or left out in the same way, and the findings whose numbers
 * no table has are worded without them ({@link rewordedFinding}).
 */
export function protectedFindings(
  findings: readonly Finding[],
  k: number,
  locale: Locale,
  hidden: ReadonlySet<string> = new Set(),
  tables?: readonly ReportTable[],
): { texts: Map<Finding, string>; withheld: number } {
  const texts = new Map<Finding, string>();
  let withheld = 0;
  const shown = tables === undefined ? undefined : shownCountsOf(tables);
  for (const finding of findings) {
    // The sentences on who never started, was withdrawn or was not classified tell that there was at least one; where
    // that with the rest would put the hidden count within 1..k − 1, the joint protection asks for them to be left out.
    const about = SAID_ROW[finding.code];
    if (about !== undefined && jointlyHidden(saidRef(about))) {
      withheld++;
      continue;
    }
    const reworded = tables === undefined || k <= 1 ? finding : rewordedFinding(finding, tables, k, locale);
    if (reworded === null) {
      withheld++;
      continue;
    }
    if (typeof reworded === 'string') {
      texts.set(finding, reworded);
      continue;
    }
    // A sentence may not show a count the flow table hides (e.g. "started",
    // which would reveal "never started" as selected − started).
    const ownRow = finding.code in WHO_LEFT ? WHO_LEFT[finding.code as keyof typeof WHO_LEFT].flowRow : undefined;
    const showsHidden =
      ((['followed', 'withdrawn'] as string[]).includes(finding.code) && [...hidden].some((key) => key in paramsOf(finding))) ||
      (ownRow !== undefined && hidden.has(ownRow)) ||
      (finding.code === 'goal_met' && hidden.has('goalMet'));
    // The paired test's pairs without change are said only when every level of attainment is shown.
    const zeros = paramsOf(reworded).zeros;
    const said: Finding =
      reworded.code === 'paired_test' && typeof zeros === 'number' && zeros > 0 && hidden.has('attainmentLevels')
        ? ({ ...reworded, params: { ...paramsOf(reworded), zeros: 0 } } as Finding)
        : reworded;
    // Every count the sentence prints must be one the tables show (the flow, the withdrawals by
    // reason, the attainment levels and shares …): a sum of cells, or a count no table has, is not.
    const unshown =
      shown !== undefined && k > 1 && (printedCounts(said).some((c) => !shown.has(c)) || (said.code === 'withdrawn' && !reasonsShown(tables)));
    if (k <= 1 || (!small(countsIn(paramsOf(said)), k) && !showsHidden && !unshown)) {
      texts.set(finding, findingText(said, locale));
      continue;
    }
    const replacement = substitute(finding, k, locale, hidden, tables);
    if (replacement !== undefined) texts.set(finding, replacement);
    else withheld++;
  }
  return { texts, withheld };
}

/** The findings that report a statistical test: supporting detail, below the summary. */
export const TEST_CODES: ReadonlySet<string> = new Set(['paired_test', 'subgroup_test', 'subgroup_change_test', 'background_test', 'dose_test']);

/** The protected cells of one row of the primary measure's summary table: n and mean. */
function meanOf(table: ReportTable | undefined, key: string): { n: number; mean: number } | undefined {
  const row = table?.rows.find((r) => r.key === key);
  const [n, mean] = [row?.cells[0], row?.cells[1]];
  if (n?.kind !== 'count' || 'suppressed' in n.value || mean?.kind !== 'number' || mean.suppressed || mean.value === null) return undefined;
  return { n: n.value.value, mean: mean.value };
}

/**
 * The result in words, for the top of the summary: how the primary measure
 * changed on average among those measured both before and after, read from
 * the protected summary table of the primary measure (so nothing is printed
 * that the table hides). The average before among the pairs is the average
 * after minus the average change when both rest on the same people (the n
 * after equals the number of pairs, pairs being among those measured after);
 * otherwise only the average change is given. `established` adds whether the
 * paired test could establish the change. Undefined when the table hides
 * what the sentence needs.
 */
export function changeSentence(
  table: ReportTable | undefined,
  primary: { readonly label: Label; readonly kind: string; readonly min: number; readonly max: number },
  locale: Locale,
  established: boolean | undefined,
): string | undefined {
  const after = meanOf(table, 'after');
  const change = meanOf(table, 'change');
  if (change === undefined || change.n === 0) return undefined;
  const sv = locale === 'sv';
  const name = primary.label[locale];
  const scale = primary.kind === 'binary' ? '' : sv ? ` (skala ${formatNumber(primary.min, locale)}–${formatNumber(primary.max, locale)})` : ` (scale ${formatNumber(primary.min, locale)}–${formatNumber(primary.max, locale)})`;
  const who = sv ? `bland de ${countText(change.n, locale)} som mättes både före och efter` : `among the ${countText(change.n, locale)} measured both before and after`;
  const tail = established === undefined ? '' : established
    ? sv ? '; förändringen går att säkerställa statistiskt' : '; the change is statistically established'
    : sv ? '; förändringen går inte att säkerställa statistiskt' : '; the change cannot be statistically established';
  const rounded = Math.round(change.mean * 10) / 10;
  const verb = rounded > 0 ? (sv ? 'steg' : 'rose') : rounded < 0 ? (sv ? 'sjönk' : 'fell') : undefined;
  if (after !== undefined && after.n === change.n) {
    // One decimal each, as means beside each other ("från 3,0 till 4,0", never "från 3 till 4", which reads as counts).
    const [from, to] = [mean1(after.mean - change.mean, locale), mean1(after.mean, locale)];
    if (verb === undefined || from === to) {
      return sv ? `${name} var i genomsnitt oförändrad, ${to}${scale}, ${who}${tail}.` : `${name} was unchanged on average, at ${to}${scale}, ${who}${tail}.`;
    }
    return sv ? `${name} ${verb} i genomsnitt från ${from} till ${to}${scale} ${who}${tail}.` : `${name} ${verb} on average from ${from} to ${to}${scale} ${who}${tail}.`;
  }
  const by = mean1(Math.abs(change.mean), locale);
  if (verb === undefined) return sv ? `${name} var i genomsnitt oförändrad${scale} ${who}${tail}.` : `${name} was unchanged on average${scale} ${who}${tail}.`;
  return sv ? `${name} ${verb} i genomsnitt med ${by}${scale} ${who}${tail}.` : `${name} ${verb} on average by ${by}${scale} ${who}${tail}.`;
}


/** "a, b och c" / "a, b and c" (or `last` instead of "och"). */
const listed = (items: readonly string[], locale: Locale, last = locale === 'sv' ? 'och' : 'and') =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;

/**
 * The subgroup, background and dose tests in one sentence each way for the
 * summary, without numbers: the dimensions, background variables and doses
 * along which no difference could be established ("Inga skillnader i
 * måluppfyllelse eller förändring mellan könen, mellan åldersgrupperna eller
 * efter tidigare behandling kunde säkerställas statistiskt"), and those along
 * which one could. The details are in the tests below and in the section on
 * background and dose. A p-value below the findings' own threshold (after
 * Holm's adjustment) counts as a difference established.
 */
export function subgroupSummary(findings: readonly Finding[], locale: Locale): string[] {
  const sv = locale === 'sv';
  // Each grouping as the words of the sentence ("mellan könen", "efter antal genomförda besök"), in the findings' order.
  const found = new Map<string, boolean>();
  for (const f of findings) {
    const p = paramsOf(f);
    if (typeof p.pValue !== 'number') continue;
    let where: string | undefined;
    if ((f.code === 'subgroup_test' || f.code === 'subgroup_change_test') && typeof p.dimension === 'string' && Object.prototype.hasOwnProperty.call(BETWEEN, p.dimension)) {
      where = `${sv ? 'mellan' : 'between'} ${BETWEEN[p.dimension as keyof typeof BETWEEN][locale]}`;
    } else if (f.code === 'background_test' && isRecord(p.label) && typeof p.label.sv === 'string' && typeof p.label.en === 'string') {
      where = byPhrase({ label: { sv: p.label.sv, en: p.label.en } }, locale);
    } else if (f.code === 'dose_test' && (p.measure === 'sessions' || p.measure === 'weeks')) {
      where = byPhrase({ measure: p.measure }, locale);
    }
    if (where !== undefined) found.set(where, (found.get(where) ?? false) || p.pValue < SIGNIFICANCE);
  }
  const none = [...found].filter(([, s]) => !s).map(([w]) => w);
  const some = [...found].filter(([, s]) => s).map(([w]) => w);
  const out: string[] = [];
  if (none.length > 0) {
    const where = listed(none, locale, sv ? 'eller' : 'or');
    out.push(sv ? `Inga skillnader i måluppfyllelse eller förändring ${where} kunde säkerställas statistiskt.` : `No differences in goal attainment or change ${where} could be statistically established.`);
  }
  if (some.length > 0) {
    const where = listed(some, locale);
    out.push(sv ? `Skillnader ${where} gick att säkerställa statistiskt (se de statistiska testen nedan).` : `Differences ${where} could be statistically established (see the statistical tests below).`);
  }
  return out;
}
