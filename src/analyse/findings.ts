import type { Locale } from '../core/locale.js';
import type { IssueParams } from '../core/issue.js';
import { issue, type Issue } from '../core/issue.js';
import { noteText, STATS_NOTE_CODES, type StatsNote } from '../stats/methods.js';
import { isRecord, localeIssues, paramsIssues, throwIfAny, typeIssues, valueText } from '../core/args.js';

/** What is wrong with a value given as a {@link Finding}: its code, params and notes. */
function findingIssues(finding: unknown): Issue[] {
  if (!isRecord(finding)) return typeIssues(finding, 'object', ['finding']);
  const code = finding.code;
  const issues: Issue[] =
    typeof code === 'string' && (FINDING_CODES as readonly string[]).includes(code)
      ? []
      : [code === undefined ? issue(['finding', 'code'], 'required') : issue(['finding', 'code'], 'one_of', { values: [...FINDING_CODES], value: valueText(code) })];
  issues.push(...paramsIssues(finding.params, ['finding', 'params']));
  const notes = finding.notes;
  if (notes !== undefined && !Array.isArray(notes)) issues.push(...typeIssues(notes, 'array', ['finding', 'notes']));
  if (Array.isArray(notes)) {
    notes.forEach((n: unknown, i) => {
      const at = ['finding', 'notes', i];
      if (!isRecord(n)) return issues.push(...typeIssues(n, 'object', at));
      if (!(STATS_NOTE_CODES as readonly unknown[]).includes(n.code)) issues.push(issue([...at, 'code'], 'one_of', { values: [...STATS_NOTE_CODES], value: valueText(n.code) }));
      issues.push(...paramsIssues(n.params, [...at, 'params']));
    });
  }
  return issues;
}

/**
 * The kinds of statement {@link analyse} makes, each a sentence in Swedish
 * and English filled in from the numbers: the plain-language summary of a
 * follow-up is generated from these, never written by hand. `not_tested`
 * says which test could not be computed, and why.
 *
 * @example
 * ```ts
 * FINDING_CODES.includes('not_tested');
 * // => true
 * ```
 */
export const FINDING_CODES = [
  'followed',
  'withdrawn',
  'not_started',
  'unclassified',
  'goal_met',
  'direction',
  'worse',
  'paired_test',
  'subgroup_gap',
  'subgroup_test',
  'subgroup_change_test',
  'attrition_baseline',
  'small_n',
  'no_comparison_group',
  'invalid_records',
  'during_trend',
  'not_tested',
] as const;

/**
 * A kind of finding.
 *
 * @example
 * ```ts
 * const code: FindingCode = 'goal_met';
 * ```
 */
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * One statement about the results, as data. `caution` marks what limits
 * the reading of the numbers (small n, attrition, no comparison group, a
 * test that could not be computed). A finding that reports a test or an
 * interval carries the result's `notes` (how it was computed: ties, zero
 * differences, exact or approximate p-value), rendered by
 * {@link findingNotes}.
 *
 * @example
 * ```ts
 * const f: Finding = { code: 'small_n', caution: true, params: { n: 8, minimum: 30 } };
 * findingText(f, 'en');
 * // => 'The group is small (8 classified): the shares are uncertain, as the wide confidence intervals show, and differences between subgroups should not be read as certain.'
 * ```
 */
export interface Finding {
  readonly code: FindingCode;
  readonly caution: boolean;
  readonly params: IssueParams;
  /** The statistics notes of the test or interval the finding reports. */
  readonly notes?: readonly StatsNote[];
}

type Texts = { readonly [C in FindingCode]: { readonly sv: (p: IssueParams) => string; readonly en: (p: IssueParams) => string } };

const pct = (value: unknown, locale: Locale) => {
  const n = Number(value);
  return locale === 'sv' ? `${Math.round(n * 100)} %` : `${Math.round(n * 100)}%`;
};
const pValue = (value: unknown, locale: Locale) =>
  Number(value) < 0.001 ? `p < ${num(0.001, locale, 3)}` : `p = ${num(value, locale, 3)}`;
const num = (value: unknown, locale: Locale, digits = 2) =>
  Number(value).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits });
/** The singular form for exactly 1, the plural otherwise (also for 0). */
const one = (n: unknown, singular: string, plural: string) => (Number(n) === 1 ? singular : plural);
/** A difference of shares in whole percentage points, with a minus sign (U+2212) when negative, never "−0". */
const points = (value: unknown) => {
  const p = Math.round(Number(value) * 100) + 0;
  return p < 0 ? `\u2212${-p}` : `${p}`;
};
/** ", a difference of 5 percentage points (95 % confidence interval from −28 to 38)". */
const difference = (p: IssueParams, locale: Locale) =>
  typeof p.difference !== 'number'
    ? ''
    : locale === 'sv'
      ? `, en skillnad på ${points(p.difference)} procentenheter (95 % konfidensintervall från ${points(p.lower)} till ${points(p.upper)})`
      : `, a difference of ${points(p.difference)} percentage points (95% confidence interval from ${points(p.lower)} to ${points(p.upper)})`;

const texts: Texts = {
  followed: {
    sv: (p) => `${p.selected} ${one(p.selected, 'klient', 'klienter')} valdes ut till uppföljningen; ${p.started} påbörjade insatsen och ${p.closed} har avslutat den. ${p.classified} av de avslutade kunde bedömas på skalan för måluppfyllelse.`,
    en: (p) => `${p.selected} ${one(p.selected, 'client was', 'clients were')} selected for the follow-up; ${p.started} started the intervention and ${p.closed} ${one(p.closed, 'has', 'have')} closed it. ${p.classified} of those closed could be placed on the goal-attainment scale.`,
  },
  withdrawn: {
    sv: (p) => `${p.count} av ${p.started} som påbörjade (${pct(p.share, 'sv')}) avfördes från uppföljningen under insatsen (${p.reasonsSv}).`,
    en: (p) => `${p.count} of ${p.started} who started (${pct(p.share, 'en')}) ${one(p.count, 'was', 'were')} withdrawn from the follow-up during the intervention (${p.reasonsEn}).`,
  },
  not_started: {
    sv: (p) => `${p.count} ${one(p.count, 'utvald', 'utvalda')} har inte påbörjat insatsen: ${p.reasonsSv}.`,
    en: (p) => `${p.count} selected ${one(p.count, 'client has', 'clients have')} not started the intervention: ${p.reasonsEn}.`,
  },
  unclassified: {
    sv: (p) => `${p.count} ${one(p.count, 'avslutad', 'avslutade')} kunde inte bedömas: ${p.reasonsSv}.`,
    en: (p) => `${p.count} of those closed could not be classified: ${p.reasonsEn}.`,
  },
  goal_met: {
    sv: (p) => `${p.count} av ${p.n} (${pct(p.share, 'sv')}, 95 % konfidensintervall ${pct(p.lower, 'sv')}–${pct(p.upper, 'sv')}) nådde sitt mål.`,
    en: (p) => `${p.count} of ${p.n} (${pct(p.share, 'en')}, 95% confidence interval ${pct(p.lower, 'en')}–${pct(p.upper, 'en')}) reached their goal.`,
  },
  direction: {
    sv: (p) => `Av ${p.n} ${one(p.n, 'bedömd', 'bedömda')} förändrades ${p.improved} till det bättre (${pct(p.improvedShare, 'sv')}), ${p.unchanged} var ${one(p.unchanged, 'oförändrad', 'oförändrade')} och ${p.worse} försämrades.`,
    en: (p) => `Of ${p.n} classified, ${p.improved} changed for the better (${pct(p.improvedShare, 'en')}), ${p.unchanged} ${one(p.unchanged, 'was', 'were')} unchanged and ${p.worse} got worse.`,
  },
  worse: {
    sv: (p) => `${p.count} ${one(p.count, 'klient', 'klienter')} försämrades och ${p.unchanged} var ${one(p.unchanged, 'oförändrad', 'oförändrade')}: metoden ber enheten se närmare på hur de skiljer sig från dem som blev bättre (genomfördes insatsen som tänkt, deltog klienten, passade metoden behoven, spelade yttre händelser in?).`,
    en: (p) => `${p.count} ${one(p.count, 'client', 'clients')} got worse and ${p.unchanged} ${one(p.unchanged, 'was', 'were')} unchanged: the method asks the unit to look closer at how they differ from those who improved (was the intervention delivered as intended, did the client take part, did the method match the needs, did outside events matter?).`,
  },
  paired_test: {
    sv: (p) => `${p.instrumentSv} före och efter (n = ${p.n} par${Number(p.zeros) > 0 ? `, varav ${p.zeros} utan förändring som inte ingår i testet` : ''}): ${p.methodSv}, ${pValue(p.pValue, 'sv')}${p.effectSv ? `; ${p.effectSv}` : ''}.`,
    en: (p) => `${p.instrumentEn} before and after (n = ${p.n} ${one(p.n, 'pair', 'pairs')}${Number(p.zeros) > 0 ? `, of which ${p.zeros} without change ${one(p.zeros, 'is', 'are')} left out of the test` : ''}): ${p.methodEn}, ${pValue(p.pValue, 'en')}${p.effectEn ? `; ${p.effectEn}` : ''}.`,
  },
  subgroup_gap: {
    sv: (p) =>
      Number(p.groups) > 2
        ? `Andelen som nådde målet var högst ${p.highSv} (${pct(p.highShare, 'sv')}, n = ${p.highN}) och lägst ${p.lowSv} (${pct(p.lowShare, 'sv')}, n = ${p.lowN})${difference(p, 'sv')}.`
        : `Andelen som nådde målet var ${pct(p.highShare, 'sv')} ${p.highSv} (n = ${p.highN}) och ${pct(p.lowShare, 'sv')} ${p.lowSv} (n = ${p.lowN})${difference(p, 'sv')}.`,
    en: (p) =>
      Number(p.groups) > 2
        ? `The share who reached their goal was highest ${p.highEn} (${pct(p.highShare, 'en')}, n = ${p.highN}) and lowest ${p.lowEn} (${pct(p.lowShare, 'en')}, n = ${p.lowN})${difference(p, 'en')}.`
        : `The share who reached their goal was ${pct(p.highShare, 'en')} ${p.highEn} (n = ${p.highN}) and ${pct(p.lowShare, 'en')} ${p.lowEn} (n = ${p.lowN})${difference(p, 'en')}.`,
  },
  subgroup_test: {
    sv: (p) => `Skillnad i måluppfyllelse mellan grupper efter ${p.dimensionSv}: ${p.methodSv}, ${pValue(p.pValue, 'sv')}${p.adjusted ? ` (justerat för ${p.tests} jämförelser med Holms metod)` : ''}.`,
    en: (p) => `Difference in goal attainment between groups by ${p.dimensionEn}: ${p.methodEn}, ${pValue(p.pValue, 'en')}${p.adjusted ? ` (adjusted for ${p.tests} comparisons by Holm's method)` : ''}.`,
  },
  subgroup_change_test: {
    sv: (p) => `Skillnad i förändring på ${p.instrumentSv} mellan grupper efter ${p.dimensionSv} (n = ${p.n}): ${p.methodSv}, ${pValue(p.pValue, 'sv')}${p.adjusted ? ` (justerat för ${p.tests} jämförelser med Holms metod)` : ''}.`,
    en: (p) => `Difference in change on ${p.instrumentEn} between groups by ${p.dimensionEn} (n = ${p.n}): ${p.methodEn}, ${pValue(p.pValue, 'en')}${p.adjusted ? ` (adjusted for ${p.tests} comparisons by Holm's method)` : ''}.`,
  },
  attrition_baseline: {
    sv: (p) => `De som avfördes hade före insatsen i medel ${num(p.withdrawnMean, 'sv')} på ${p.instrumentSv} (n = ${p.withdrawnN}), de som stannade ${num(p.stayedMean, 'sv')} (n = ${p.stayedN}): resultaten gäller dem som stannade, och bortfallet kan dölja sämre utfall.`,
    en: (p) => `Those withdrawn had a mean of ${num(p.withdrawnMean, 'en')} on ${p.instrumentEn} before the intervention (n = ${p.withdrawnN}), those who stayed ${num(p.stayedMean, 'en')} (n = ${p.stayedN}): the results describe those who stayed, and attrition may hide worse outcomes.`,
  },
  small_n: {
    sv: (p) => `Gruppen är liten (${p.n} ${one(p.n, 'bedömd', 'bedömda')}): andelarna är osäkra, vilket de breda konfidensintervallen visar, och skillnader mellan undergrupper bör inte tolkas som säkra.`,
    en: (p) => `The group is small (${p.n} classified): the shares are uncertain, as the wide confidence intervals show, and differences between subgroups should not be read as certain.`,
  },
  no_comparison_group: {
    sv: () => 'Uppföljningen har ingen jämförelsegrupp: den visar om klienternas situation förändrades, inte att förändringen beror på insatsen.',
    en: () => 'The follow-up has no comparison group: it shows whether the clients’ situation changed, not that the change was caused by the intervention.',
  },
  invalid_records: {
    sv: (p) => `${p.count} ${one(p.count, 'post', 'poster')} kunde inte räknas på grund av felaktiga uppgifter och redovisas separat.`,
    en: (p) => `${p.count} ${one(p.count, 'record', 'records')} could not be counted because of invalid data and ${one(p.count, 'is', 'are')} reported separately.`,
  },
  during_trend: {
    sv: (p) => `${p.labelSv}: ${pct(p.firstShare, 'sv')} negativa prov de första ${p.span} veckorna (n = ${p.firstN}) och ${pct(p.lastShare, 'sv')} veckorna ${p.lastFrom}–${p.lastTo} (n = ${p.lastN}).`,
    en: (p) => `${p.labelEn}: ${pct(p.firstShare, 'en')} negative tests in the first ${p.span} weeks (n = ${p.firstN}) and ${pct(p.lastShare, 'en')} in weeks ${p.lastFrom}–${p.lastTo} (n = ${p.lastN}).`,
  },
  not_tested: {
    sv: (p) => `${p.testSv} kunde inte prövas: ${p.whySv}.`,
    en: (p) => `${p.testEn} could not be tested: ${p.whyEn}.`,
  },
};

/**
 * A finding as a sentence.
 *
 * @param finding - from {@link analyse}
 * @param locale - `sv` (default) or `en`
 * @returns the sentence
 * @throws UppfoljningError when the finding has an unknown code, params that are not plain values, or the locale is not sv or en
 *
 * @example
 * ```ts
 * findingText({ code: 'no_comparison_group', caution: true, params: {} }, 'en');
 * // => 'The follow-up has no comparison group: it shows whether the clients’ situation changed, not that the change was caused by the intervention.'
 * ```
 */
export function findingText(finding: Finding, locale: Locale = 'sv'): string {
  throwIfAny([...findingIssues(finding), ...localeIssues(locale)]);
  return texts[finding.code][locale](finding.params ?? {});
}

/**
 * How the test or interval a finding reports was computed, in words: one
 * sentence per statistics note (zero differences dropped, tied values,
 * exact distribution or normal approximation, …), rendered by `noteText`.
 * Empty for a finding without a test. Whether p-values were adjusted by
 * Holm's method is said in the finding's own sentence.
 *
 * @param finding - from {@link analyse}
 * @param locale - `sv` (default) or `en`
 * @returns the notes as text
 * @throws UppfoljningError when the finding or one of its notes is malformed, or the locale is not sv or en
 *
 * @example
 * ```ts
 * findingNotes({ code: 'paired_test', caution: false, params: {}, notes: [{ code: 'zeros_dropped', params: { count: 7 } }] }, 'en');
 * // => ["7 zero differences were dropped before ranking (Wilcoxon's method)"]
 * ```
 */
export function findingNotes(finding: Finding, locale: Locale = 'sv'): string[] {
  throwIfAny([...findingIssues(finding), ...localeIssues(locale)]);
  return (finding.notes ?? []).map((n) => noteText({ code: n.code, params: n.params ?? {} }, locale));
}
