import type { Label, Locale } from '../../core/locale.js';
import type { ReportTable } from '../protect.js';
import { isRecord } from '../../core/args.js';
import { findingText, type Finding } from '../../analyse/index.js';
import { BETWEEN, byPhrase, SIGNIFICANCE, withdrawnReasonsText } from '../../analyse/findings.js';
import { formatNumber, formatPercent } from '../format.js';

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
    fewerSv: 'utvalda har inte påbörjat insatsen',
    fewerEn: 'selected clients have not started the intervention',
    someSv: 'Några utvalda har inte påbörjat insatsen',
    someEn: 'Some selected clients have not started the intervention',
    countSv: 'utvalda har inte påbörjat insatsen',
    countEn: 'selected clients have not started the intervention',
  },
  unclassified: {
    flowRow: 'unclassified',
    fewerSv: 'avslutade kunde inte bedömas på skalan (mätning eller bedömning saknades)',
    fewerEn: 'closed could not be placed on the scale (a measurement or an assessment was missing)',
    someSv: 'Några avslutade kunde inte bedömas på skalan',
    someEn: 'Some closed could not be placed on the scale',
    countSv: 'avslutade kunde inte bedömas på skalan',
    countEn: 'of those closed could not be placed on the scale',
  },
  withdrawn: {
    flowRow: 'withdrawn',
    fewerSv: 'avfördes från uppföljningen under insatsen',
    fewerEn: 'were withdrawn from the follow-up during the intervention',
    someSv: 'Några avfördes från uppföljningen under insatsen',
    someEn: 'Some were withdrawn from the follow-up during the intervention',
    countSv: 'avfördes från uppföljningen under insatsen',
    countEn: 'were withdrawn from the follow-up during the intervention',
  },
} as const;

/** Sentences that say what can be said when the finding's own numbers are too small to show. */
function substitute(finding: Finding, k: number, locale: Locale, hidden: ReadonlySet<string>): string | undefined {
  const p = paramsOf(finding);
  const sv = locale === 'sv';
  switch (finding.code) {
    case 'followed': {
      const selected = Number(p.selected);
      const started = Number(p.started);
      const classified = Number(p.classified);
      if (hidden.has('classified') || small([classified], k)) return undefined;
      if (!hidden.has('selected') && !small([selected], k)) {
        return sv
          ? `${selected} klienter valdes ut till uppföljningen; ${classified} av dem kunde bedömas på skalan för måluppfyllelse när insatsen avslutats.`
          : `${selected} clients were selected for the follow-up; ${classified} of them could be placed on the goal-attainment scale at closing.`;
      }
      // The number selected is hidden (it would reveal the few who never started): say who started.
      if (hidden.has('started') || small([started], k)) return undefined;
      return sv
        ? `${started} klienter påbörjade insatsen; ${classified} av dem kunde bedömas på skalan för måluppfyllelse när insatsen avslutats.`
        : `${started} clients started the intervention; ${classified} of them could be placed on the goal-attainment scale at closing.`;
    }
    case 'not_started':
    case 'unclassified':
    case 'withdrawn': {
      const count = Number(p.count);
      const words = WHO_LEFT[finding.code];
      const [fewer, some, total] = sv ? [words.fewerSv, words.someSv, words.countSv] : [words.fewerEn, words.someEn, words.countEn];
      // A count the flow table hides by secondary suppression is not given at all.
      if (hidden.has(words.flowRow) && count >= k) return `${some} ${sv ? '(antalet visas inte, för att skydda enskilda)' : '(the number is not shown, to protect individuals)'}.`;
      if (count < k) return `${sv ? `Färre än ${k}` : `Fewer than ${k}`} ${fewer}.`;
      // The total alone, or with the reasons when none of them is small; never the small parts.
      const reasons = withdrawnReasonsText(finding, locale);
      const why = reasons === '' || small(reasonCounts(p), k) ? '' : ` (${reasons})`;
      return `${count} ${total}${why}.`;
    }
    case 'direction': {
      const n = Number(p.n);
      const improved = Number(p.improved);
      if (small([improved, n - improved, n], k)) return undefined;
      return sv
        ? `Av ${n} bedömda förändrades ${improved} till det bättre (${formatPercent(improved / n, 'sv')}); ${n - improved} var oförändrade eller försämrades.`
        : `Of ${n} classified, ${improved} changed for the better (${formatPercent(improved / n, 'en')}); ${n - improved} were unchanged or worse.`;
    }
    default:
      return undefined;
  }
}

/**
 * The summary's sentences, from the analysis' findings, after small-cell
 * protection: a sentence that would show a count of 1 to k − 1 people is
 * replaced by one that does not (e.g. "fewer than 5 never started"), or left
 * out and counted.
 */
export function protectedFindings(
  findings: readonly Finding[],
  k: number,
  locale: Locale,
  hidden: ReadonlySet<string> = new Set(),
): { texts: Map<Finding, string>; withheld: number } {
  const texts = new Map<Finding, string>();
  let withheld = 0;
  for (const finding of findings) {
    // A sentence may not show a count the flow table hides (e.g. "started",
    // which would reveal "never started" as selected − started).
    const ownRow = finding.code in WHO_LEFT ? WHO_LEFT[finding.code as keyof typeof WHO_LEFT].flowRow : undefined;
    const showsHidden =
      ((['followed', 'withdrawn'] as string[]).includes(finding.code) && [...hidden].some((key) => key in paramsOf(finding))) ||
      (ownRow !== undefined && hidden.has(ownRow)) ||
      (finding.code === 'goal_met' && hidden.has('goalMet'));
    // The paired test's pairs without change are said only when every level of attainment is shown.
    const zeros = paramsOf(finding).zeros;
    const said: Finding =
      finding.code === 'paired_test' && typeof zeros === 'number' && zeros > 0 && hidden.has('attainmentLevels')
        ? ({ ...finding, params: { ...paramsOf(finding), zeros: 0 } } as Finding)
        : finding;
    if (k <= 1 || (!small(countsIn(paramsOf(said)), k) && !showsHidden)) {
      texts.set(finding, findingText(said, locale));
      continue;
    }
    const replacement = substitute(finding, k, locale, hidden);
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
  const who = sv ? `bland de ${change.n} som mättes både före och efter` : `among the ${change.n} measured both before and after`;
  const tail = established === undefined ? '' : established
    ? sv ? '; förändringen går att säkerställa statistiskt' : '; the change is statistically established'
    : sv ? '; förändringen går inte att säkerställa statistiskt' : '; the change cannot be statistically established';
  const rounded = Math.round(change.mean * 10) / 10;
  const verb = rounded > 0 ? (sv ? 'steg' : 'rose') : rounded < 0 ? (sv ? 'sjönk' : 'fell') : undefined;
  if (after !== undefined && after.n === change.n) {
    const [from, to] = [formatNumber(after.mean - change.mean, locale), formatNumber(after.mean, locale)];
    if (verb === undefined || from === to) {
      return sv ? `${name} var i genomsnitt oförändrad, ${to}${scale}, ${who}${tail}.` : `${name} was unchanged on average, at ${to}${scale}, ${who}${tail}.`;
    }
    return sv ? `${name} ${verb} i genomsnitt från ${from} till ${to}${scale} ${who}${tail}.` : `${name} ${verb} on average from ${from} to ${to}${scale} ${who}${tail}.`;
  }
  const by = formatNumber(Math.abs(change.mean), locale);
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
