import type { Label, Locale } from '../../core/locale.js';
import type { NotComputed } from '../../core/not-computed.js';
import { describeNotComputed } from '../../locales/not-computed.js';
import type { Dimension } from '../../compile/tabulate.js';
import type { UNCLASSIFIED, WITHDRAWAL_REASONS } from '../../compile/layout.js';
import { methodLabel } from '../../stats/methods.js';
import { countText } from '../../locales/count.js';
import type { Finding, FindingCode, FindingOf } from '../findings.js';

// The wording of findings: everything a finding says in Swedish or English,
// from its params (data only), for `findingText` (and the report's summary,
// through findings.ts). Nothing here decides what is said.

/**
 * The dimensions' names.
 *
 * @example
 * ```ts
 * DIMENSION_LABELS.ageBand.sv;
 * // => 'åldersgrupp'
 * ```
 */
export const DIMENSION_LABELS: { readonly [D in Dimension]: Label } = {
  ageBand: { sv: 'åldersgrupp', en: 'age band' },
  gender: { sv: 'kön', en: 'gender' },
  intervention: { sv: 'insats', en: 'intervention' },
  unit: { sv: 'enhet', en: 'unit' },
  period: { sv: 'period', en: 'period' },
};

const WITHDRAWAL_REASON_WORDS: { readonly [R in (typeof WITHDRAWAL_REASONS)[number]]: Label } = {
  breakdown: { sv: 'sammanbrott', en: 'breakdown' },
  moved: { sv: 'flyttat', en: 'moved' },
  declined: { sv: 'avböjt', en: 'declined' },
  other: { sv: 'annat skäl', en: 'other reason' },
};

const UNCLASSIFIED_WORDS: { readonly [R in (typeof UNCLASSIFIED)[number]]: Label } = {
  missing_before: { sv: 'saknar mätning före', en: 'missing the before measure' },
  missing_after: { sv: 'saknar mätning efter', en: 'missing the after measure' },
  missing_goal_assessment: { sv: 'saknar bedömning av målen', en: 'missing the goal assessment' },
};

/** Plural forms of the usual gender categories, for "among women" (lower case key → plural). */
const GENDER_PLURALS: { readonly [L in Locale]: Readonly<Record<string, string>> } = {
  sv: { kvinna: 'kvinnor', man: 'män', flicka: 'flickor', pojke: 'pojkar' },
  en: { woman: 'women', man: 'men', female: 'females', male: 'males', girl: 'girls', boy: 'boys' },
};

/**
 * @internal Withdrawals by reason, as a finding lists them: "sammanbrott 3,
 * flyttat 1" / "breakdown 3, moved 1".
 */
export function withdrawalReasonsText(reasons: FindingOf<'withdrawn'>['params']['reasons'], locale: Locale): string {
  return reasons.map((r) => `${WITHDRAWAL_REASON_WORDS[r.code][locale]} ${countText(r.count, locale)}`).join(', ');
}

/**
 * A subgroup as the object of "the share was 45 % …": `bland män` / `among
 * men` for the usual gender categories, `i åldersgruppen 18–29 år` / `in the
 * age band 18–29 years`, `bland dem som fick F-CRA` / `among those who
 * received F-CRA`, `vid Nexus` / `at Nexus` for a unit, `under perioden
 * 2019` / `in the period 2019` for a period, and `i gruppen …` / `in the group …` for a gender the
 * plan names otherwise. Labels are used as the plan writes them.
 */
function groupPhrase(dimension: Dimension, name: Label, locale: Locale): string {
  const text = name[locale];
  const sv = locale === 'sv';
  switch (dimension) {
    case 'ageBand':
      return sv ? `i åldersgruppen ${text}` : `in the age band ${text}`;
    case 'intervention':
      return sv ? `bland dem som fick ${text}` : `among those who received ${text}`;
    case 'gender': {
      const plural = Object.prototype.hasOwnProperty.call(GENDER_PLURALS[locale], text.toLowerCase()) ? GENDER_PLURALS[locale][text.toLowerCase()] : undefined;
      if (plural !== undefined) return sv ? `bland ${plural}` : `among ${plural}`;
      return sv ? `i gruppen ${text}` : `in the group ${text}`;
    }
    case 'unit':
      return sv ? `vid ${text}` : `at ${text}`;
    case 'period':
      return sv ? `under perioden ${text}` : `in the period ${text}`;
  }
}

/**
 * Why a test was not computed, in words: `too_few` says what there were too
 * few of (pairs with a change, groups); other reasons are rendered by
 * `describeNotComputed`.
 */
function notTestedWhy(result: NotComputed, unit: 'pairs' | 'groups', zeros: number, locale: Locale): string {
  const n = result.n;
  const minimum = Number(result.params.minimum);
  const sv = locale === 'sv';
  if (result.reason === 'too_few' && unit === 'pairs') {
    const pairs = sv ? `${countText(n, locale)} par med förändring` : `${countText(n, locale)} ${n === 1 ? 'pair' : 'pairs'} with a change`;
    const unchanged = zeros > 0 ? (sv ? ` (${countText(zeros, locale)} utan förändring räknas inte)` : ` (${countText(zeros, locale)} without change ${zeros === 1 ? 'does' : 'do'} not count)`) : '';
    return sv ? `för få för att pröva: ${pairs}${unchanged}, minst ${minimum} behövs` : `too few to test: ${pairs}${unchanged}, at least ${minimum} needed`;
  }
  if (result.reason === 'too_few' && unit === 'groups') {
    return sv
      ? `för få grupper att jämföra: ${countText(n, locale)} ${n === 1 ? 'grupp' : 'grupper'} med någon som hade mål, minst ${minimum} behövs`
      : `too few groups to compare: ${countText(n, locale)} ${n === 1 ? 'group' : 'groups'} with anyone who had a goal, at least ${minimum} needed`;
  }
  if (result.reason === 'table_shape') {
    return sv ? 'alla i grupperna hade samma utfall (alla eller ingen nådde målet)' : 'everyone in the groups had the same outcome (all or none reached their goal)';
  }
  return describeNotComputed(result, locale);
}

const pct = (n: number, locale: Locale) => (locale === 'sv' ? `${Math.round(n * 100)} %` : `${Math.round(n * 100)}%`);
const num = (value: number, locale: Locale, digits = 2) => value.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits });
/** A mean beside another, both with one decimal as the report's tables write means (2,6 and 2,3, not 2,6 and 2,26). */
const mean1 = (value: number, locale: Locale) =>
  value.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pValue = (value: number, locale: Locale) => (value < 0.001 ? `p < ${num(0.001, locale, 3)}` : `p = ${num(value, locale, 3)}`);
/** The singular form for exactly 1, the plural otherwise (also for 0). */
const one = (n: number, singular: string, plural: string) => (n === 1 ? singular : plural);
/** A difference of shares in whole percentage points, with a minus sign (U+2212) when negative, never "−0". */
const points = (value: number) => {
  const p = Math.round(value * 100) + 0;
  return p < 0 ? `\u2212${-p}` : `${p}`;
};
const holm = (p: { readonly adjusted: boolean; readonly tests: number }, locale: Locale) =>
  !p.adjusted ? '' : locale === 'sv' ? ` efter justering för ${p.tests} jämförelser med Holms metod` : ` after adjustment for ${p.tests} comparisons by Holm's method`;
/**
 * @internal The level below which a p-value reads as a difference that can be
 * established: the conventional 5 %, applied to the Holm-adjusted p-value when
 * there were several comparisons.
 */
export const SIGNIFICANCE = 0.05;
/** What a p-value means for a reader, as the rest of "the difference …": whether it can be established. */
const reading = (pValue: number, locale: Locale) =>
  pValue < SIGNIFICANCE
    ? locale === 'sv' ? 'går att säkerställa statistiskt' : 'is statistically established'
    : locale === 'sv' ? 'går inte att säkerställa statistiskt' : 'cannot be statistically established';
/** @internal The groups of a dimension as the object of "between": "mellan åldersgrupperna" / "between the age bands". */
export const BETWEEN: { readonly [D in Dimension]: Label } = {
  ageBand: { sv: 'åldersgrupperna', en: 'the age bands' },
  gender: { sv: 'könen', en: 'the genders' },
  intervention: { sv: 'insatserna', en: 'the interventions' },
  unit: { sv: 'enheterna', en: 'the units' },
  period: { sv: 'perioderna', en: 'the periods' },
};
/** "väntar … och … avfördes före start (avböjt 1)": the parts of "not started" there are. */
const notStartedParts = (p: FindingOf<'not_started'>['params'], locale: Locale) => {
  const sv = locale === 'sv';
  const waiting = p.waiting > 0 ? (sv ? `${countText(p.waiting, locale)} väntar fortfarande på att börja` : `${countText(p.waiting, locale)} ${one(p.waiting, 'is', 'are')} still waiting to start`) : '';
  const before = sv ? `${countText(p.withdrawnBeforeStart, locale)} avfördes före start` : `${countText(p.withdrawnBeforeStart, locale)} ${one(p.withdrawnBeforeStart, 'was', 'were')} withdrawn before the start`;
  const withdrawn = p.withdrawnBeforeStart > 0 ? `${before} (${withdrawalReasonsText(p.reasons, locale)})` : '';
  return [waiting, withdrawn].filter(Boolean).join(sv ? ' och ' : ' and ');
};
const unclassifiedParts = (p: FindingOf<'unclassified'>['params'], locale: Locale) => p.reasons.map((r) => `${countText(r.count, locale)} ${UNCLASSIFIED_WORDS[r.code][locale]}`).join(', ');
const effect = (p: FindingOf<'paired_test'>['params'], locale: Locale) =>
  p.rankBiserial === null ? '' : locale === 'sv' ? `; rangbiseriell korrelation ${p.rankBiserial.toFixed(2).replace('.', ',')}` : `; rank-biserial correlation ${p.rankBiserial.toFixed(2)}`;
/** ", a difference of 5 percentage points (95 % confidence interval from −28 to 38)". */
const difference = (p: FindingOf<'subgroup_gap'>['params'], locale: Locale) =>
  locale === 'sv'
    ? `, en skillnad på ${points(p.difference)} procentenheter (95 % konfidensintervall från ${points(p.lower)} till ${points(p.upper)})`
    : `, a difference of ${points(p.difference)} ${Math.abs(Math.round(p.difference * 100)) === 1 ? 'percentage point' : 'percentage points'} (95% confidence interval from ${points(p.lower)} to ${points(p.upper)})`;
const method = (p: { readonly method: FindingOf<'subgroup_test'>['params']['method'] }, locale: Locale) => methodLabel(p.method, locale);
/** From before to a later phase: "från före till efter", "från före till 12 månader efter avslut". */
const fromBefore = (phase: Label, locale: Locale) =>
  locale === 'sv' ? `från före till ${phase.sv.toLowerCase()}` : `from before to ${phase.en.toLowerCase()}`;
/** What a `not_tested` finding says was not tested. */
const notTestedWhat = (p: FindingOf<'not_tested'>['params'], locale: Locale) =>
  p.test === 'background' || p.test === 'dose'
    ? `${locale === 'sv' ? 'Skillnaden i' : 'The difference in'} ${OUTCOME_WORDS[p.outcome][locale]} ${byPhrase(p, locale)}`
    : p.test === 'paired'
    ? `${p.instrument[locale]} ${locale === 'sv' ? 'före och efter' : 'before and after'}`
    : p.test === 'paired_measure'
      ? `${locale === 'sv' ? 'Förändringen i' : 'The change in'} ${p.instrument[locale]} ${fromBefore(p.phase, locale)}`
      : locale === 'sv'
      ? `Skillnaden i måluppfyllelse mellan ${BETWEEN[p.dimension].sv}`
      : `The difference in goal attainment between ${BETWEEN[p.dimension].en}`;
const notTestedReason = (p: FindingOf<'not_tested'>['params'], locale: Locale) =>
  p.test === 'paired' || p.test === 'paired_measure'
    ? notTestedWhy(p.result, 'pairs', p.zeros, locale)
    : p.test === 'background' || p.test === 'dose'
      ? tooFewToCompare(p.result, locale)
      : notTestedWhy(p.result, 'groups', 0, locale);

/**
 * Why a background or dose test was not computed, without a count of people
 * (the report gives it beside tables that may hide those counts): too few
 * groups with anyone classified, or too few classified to compare.
 */
function tooFewToCompare(result: NotComputed, locale: Locale): string {
  const sv = locale === 'sv';
  if (result.reason === 'too_few' && result.params.what === 'groups') {
    return sv ? 'för få grupper att jämföra (minst 2 med bedömda klienter behövs)' : 'too few groups to compare (at least 2 with classified clients needed)';
  }
  if (result.reason === 'too_few') return sv ? 'för få bedömda klienter att jämföra' : 'too few classified clients to compare';
  return notTestedWhy(result, 'groups', 0, locale);
}

/** "Tidigare behandling" → "tidigare behandling", as the object of "efter"; a label that starts with an acronym ("AUDIT-poäng") as it is. */
const lowerFirst = (text: string) => (/^\p{Lu}{2}/u.test(text) ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`);

const DOSE_WORDS: { readonly [M in FindingOf<'dose_test'>['params']['measure']]: Label } = {
  sessions: { sv: 'antal genomförda besök', en: 'sessions attended' },
  weeks: { sv: 'antal veckor i insatsen', en: 'weeks in the intervention' },
};

const OUTCOME_WORDS: { readonly [O in FindingOf<'background_test'>['params']['outcome'] | FindingOf<'dose_test'>['params']['outcome']]: Label } = {
  goal_met: { sv: 'andelen som nådde målet', en: 'the share who reached their goal' },
  improved: { sv: 'andelen som förändrades till det bättre', en: 'the share who changed for the better' },
  level: { sv: 'nivån på skalan för måluppfyllelse', en: 'the level on the goal-attainment scale' },
};

/**
 * @internal What a background or dose test groups by, as the report's
 * summary and the findings say it: "efter tidigare behandling för missbruk",
 * "by sessions attended".
 */
export function byPhrase(source: { readonly label: Label } | { readonly measure: FindingOf<'dose_test'>['params']['measure'] }, locale: Locale): string {
  const name = 'label' in source ? lowerFirst(source.label[locale]) : DOSE_WORDS[source.measure][locale];
  return locale === 'sv' ? `efter ${name}` : `by ${name}`;
}

/**
 * @internal A background or dose test in words: what it compares, whether a
 * difference is established, the method and p (Holm-adjusted when there were
 * several), and n unless `showN` is false (the report leaves it out where
 * its table hides a count the n is the sum of).
 */
export function outcomeTestSentence(p: FindingOf<'background_test'>['params'] | FindingOf<'dose_test'>['params'], locale: Locale, showN = true): string {
  const nText = showN ? `, n = ${countText(p.n, locale)}` : '';
  const what = `${locale === 'sv' ? 'Skillnaden i' : 'The difference in'} ${OUTCOME_WORDS[p.outcome][locale]} ${byPhrase(p, locale)}`;
  return `${what} ${reading(p.pValue, locale)}: ${method(p, locale)}, ${pValue(p.pValue, locale)}${holm(p, locale)}${nText}.`;
}

/** "AUDIT (alkohol) sjönk från 14,2 till 9,1 i genomsnitt": the same clients' means, one decimal each. */
const meanMove = (p: FindingOf<'measure_change'>['params'], locale: Locale) => {
  const [b, a] = [mean1(p.before, locale), mean1(p.after, locale)];
  const name = p.instrument[locale];
  if (locale === 'sv') return b === a ? `${name} låg i genomsnitt kvar på ${b}` : `${name} ${p.after < p.before ? 'sjönk' : 'steg'} från ${b} till ${a} i genomsnitt`;
  return b === a ? `${name} stayed at a mean of ${b}` : `${name} ${p.after < p.before ? 'fell' : 'rose'} from ${b} to ${a} on average`;
};
/** "; 12 förbättrades och 1 försämrades mer än mätfelet (reliabel förändring)", for an instrument with reliability and norms. */
const reliablePart = (p: FindingOf<'measure_change'>['params'], locale: Locale) => {
  if (p.reliableImproved === null || p.reliableWorse === null) return '';
  return locale === 'sv'
    ? `; ${countText(p.reliableImproved, locale)} förbättrades och ${countText(p.reliableWorse, locale)} försämrades mer än mätfelet (reliabel förändring)`
    : `; ${countText(p.reliableImproved, locale)} improved and ${countText(p.reliableWorse, locale)} got worse beyond measurement error (reliable change)`;
};
/** ". Förändringen går att säkerställa statistiskt: Wilcoxons teckenrangtest, p = 0,003", or nothing when not tested. */
const measureTest = (p: FindingOf<'measure_change'>['params'], locale: Locale) =>
  p.method === null || p.pValue === null
    ? ''
    : `. ${locale === 'sv' ? 'Förändringen' : 'The change'} ${reading(p.pValue, locale)}: ${methodLabel(p.method, locale)}, ${pValue(p.pValue, locale)}`;

type Texts = { readonly [C in FindingCode]: { readonly [L in Locale]: (p: FindingOf<C>['params']) => string } };

const texts: Texts = {
  followed: {
    sv: (p) => `${countText(p.selected, 'sv')} ${one(p.selected, 'klient', 'klienter')} valdes ut till uppföljningen; ${countText(p.started, 'sv')} påbörjade insatsen och ${countText(p.closed, 'sv')} har avslutat den. ${countText(p.classified, 'sv')} av de avslutade kunde bedömas på skalan för måluppfyllelse.`,
    en: (p) => `${countText(p.selected, 'en')} ${one(p.selected, 'client was', 'clients were')} selected for the follow-up; ${countText(p.started, 'en')} started the intervention and ${countText(p.closed, 'en')} ${one(p.closed, 'has', 'have')} closed it. ${countText(p.classified, 'en')} of those closed could be placed on the goal-attainment scale.`,
  },
  withdrawn: {
    sv: (p) => `${countText(p.count, 'sv')} av ${countText(p.started, 'sv')} som påbörjade (${pct(p.share, 'sv')}) avfördes från uppföljningen under insatsen (${withdrawalReasonsText(p.reasons, 'sv')}).`,
    en: (p) => `${countText(p.count, 'en')} of ${countText(p.started, 'en')} who started (${pct(p.share, 'en')}) ${one(p.count, 'was', 'were')} withdrawn from the follow-up during the intervention (${withdrawalReasonsText(p.reasons, 'en')}).`,
  },
  not_started: {
    sv: (p) => `${countText(p.count, 'sv')} ${one(p.count, 'utvald', 'utvalda')} har inte påbörjat insatsen: ${notStartedParts(p, 'sv')}.`,
    en: (p) => `${countText(p.count, 'en')} selected ${one(p.count, 'client has', 'clients have')} not started the intervention: ${notStartedParts(p, 'en')}.`,
  },
  unclassified: {
    sv: (p) => `${countText(p.count, 'sv')} ${one(p.count, 'avslutad', 'avslutade')} kunde inte bedömas: ${unclassifiedParts(p, 'sv')}.`,
    en: (p) => `${countText(p.count, 'en')} of those closed could not be classified: ${unclassifiedParts(p, 'en')}.`,
  },
  goal_met: {
    sv: (p) => `${countText(p.count, 'sv')} av ${countText(p.n, 'sv')} (${pct(p.share, 'sv')}, 95 % konfidensintervall ${pct(p.lower, 'sv')}–${pct(p.upper, 'sv')}) nådde sitt mål.`,
    en: (p) => `${countText(p.count, 'en')} of ${countText(p.n, 'en')} (${pct(p.share, 'en')}, 95% confidence interval ${pct(p.lower, 'en')}–${pct(p.upper, 'en')}) reached their goal.`,
  },
  direction: {
    sv: (p) => `Av ${countText(p.n, 'sv')} ${one(p.n, 'bedömd', 'bedömda')} förändrades ${countText(p.improved, 'sv')} till det bättre (${pct(p.improvedShare, 'sv')}), ${countText(p.unchanged, 'sv')} var ${one(p.unchanged, 'oförändrad', 'oförändrade')} och ${countText(p.worse, 'sv')} försämrades.`,
    en: (p) => `Of ${countText(p.n, 'en')} classified, ${countText(p.improved, 'en')} changed for the better (${pct(p.improvedShare, 'en')}), ${countText(p.unchanged, 'en')} ${one(p.unchanged, 'was', 'were')} unchanged and ${countText(p.worse, 'en')} got worse.`,
  },
  worse: {
    sv: (p) => `${countText(p.count, 'sv')} ${one(p.count, 'klient', 'klienter')} försämrades och ${countText(p.unchanged, 'sv')} var ${one(p.unchanged, 'oförändrad', 'oförändrade')}: metoden ber enheten se närmare på hur de skiljer sig från dem som blev bättre (genomfördes insatsen som tänkt, deltog klienten, passade metoden behoven, spelade yttre händelser in?).`,
    en: (p) => `${countText(p.count, 'en')} ${one(p.count, 'client', 'clients')} got worse and ${countText(p.unchanged, 'en')} ${one(p.unchanged, 'was', 'were')} unchanged: the method asks the unit to look closer at how they differ from those who improved (was the intervention delivered as intended, did the client take part, did the method match the needs, did outside events matter?).`,
  },
  paired_test: {
    sv: (p) =>
      `Förändringen i ${p.instrument.sv.toLowerCase()} från före till efter ${reading(p.pValue, 'sv')}: ${method(p, 'sv')}, ${pValue(p.pValue, 'sv')}, n = ${countText(p.n, 'sv')} par${p.zeros > 0 ? ` (varav ${countText(p.zeros, 'sv')} utan förändring, som inte ingår i testet)` : ''}${effect(p, 'sv')}.`,
    en: (p) =>
      `The change in ${p.instrument.en.toLowerCase()} from before to after ${reading(p.pValue, 'en')}: ${method(p, 'en')}, ${pValue(p.pValue, 'en')}, n = ${countText(p.n, 'en')} ${one(p.n, 'pair', 'pairs')}${p.zeros > 0 ? ` (of which ${countText(p.zeros, 'en')} without change, left out of the test)` : ''}${effect(p, 'en')}.`,
  },
  subgroup_gap: {
    sv: (p) => {
      const [high, low] = [groupPhrase(p.dimension, p.highLabel, 'sv'), groupPhrase(p.dimension, p.lowLabel, 'sv')];
      return p.groups > 2
        ? `Andelen som nådde målet var högst ${high} (${pct(p.highShare, 'sv')}, n = ${countText(p.highN, 'sv')}) och lägst ${low} (${pct(p.lowShare, 'sv')}, n = ${countText(p.lowN, 'sv')})${difference(p, 'sv')}.`
        : `Andelen som nådde målet var ${pct(p.highShare, 'sv')} ${high} (n = ${countText(p.highN, 'sv')}) och ${pct(p.lowShare, 'sv')} ${low} (n = ${countText(p.lowN, 'sv')})${difference(p, 'sv')}.`;
    },
    en: (p) => {
      const [high, low] = [groupPhrase(p.dimension, p.highLabel, 'en'), groupPhrase(p.dimension, p.lowLabel, 'en')];
      return p.groups > 2
        ? `The share who reached their goal was highest ${high} (${pct(p.highShare, 'en')}, n = ${countText(p.highN, 'en')}) and lowest ${low} (${pct(p.lowShare, 'en')}, n = ${countText(p.lowN, 'en')})${difference(p, 'en')}.`
        : `The share who reached their goal was ${pct(p.highShare, 'en')} ${high} (n = ${countText(p.highN, 'en')}) and ${pct(p.lowShare, 'en')} ${low} (n = ${countText(p.lowN, 'en')})${difference(p, 'en')}.`;
    },
  },
  subgroup_test: {
    sv: (p) => `Skillnaden i måluppfyllelse mellan ${BETWEEN[p.dimension].sv} ${reading(p.pValue, 'sv')}: ${method(p, 'sv')}, ${pValue(p.pValue, 'sv')}${holm(p, 'sv')}.`,
    en: (p) => `The difference in goal attainment between ${BETWEEN[p.dimension].en} ${reading(p.pValue, 'en')}: ${method(p, 'en')}, ${pValue(p.pValue, 'en')}${holm(p, 'en')}.`,
  },
  subgroup_change_test: {
    sv: (p) => `Skillnaden mellan ${BETWEEN[p.dimension].sv} i förändringen av ${p.instrument.sv.toLowerCase()} (n = ${countText(p.n, 'sv')}) ${reading(p.pValue, 'sv')}: ${method(p, 'sv')}, ${pValue(p.pValue, 'sv')}${holm(p, 'sv')}.`,
    en: (p) => `The difference between ${BETWEEN[p.dimension].en} in the change in ${p.instrument.en.toLowerCase()} (n = ${countText(p.n, 'en')}) ${reading(p.pValue, 'en')}: ${method(p, 'en')}, ${pValue(p.pValue, 'en')}${holm(p, 'en')}.`,
  },
  attrition_baseline: {
    sv: (p) => `De som avfördes hade före insatsen i genomsnitt ${mean1(p.withdrawnMean, 'sv')} på ${p.instrument.sv.toLowerCase()} (n = ${countText(p.withdrawnN, 'sv')}), de som stannade ${mean1(p.stayedMean, 'sv')} (n = ${countText(p.stayedN, 'sv')}): resultaten gäller dem som stannade, och bortfallet kan dölja sämre utfall.`,
    en: (p) => `Those withdrawn had a mean of ${mean1(p.withdrawnMean, 'en')} on ${p.instrument.en.toLowerCase()} before the intervention (n = ${countText(p.withdrawnN, 'en')}), those who stayed ${mean1(p.stayedMean, 'en')} (n = ${countText(p.stayedN, 'en')}): the results describe those who stayed, and attrition may hide worse outcomes.`,
  },
  small_n: {
    sv: (p) => `Gruppen är liten (${countText(p.n, 'sv')} ${one(p.n, 'bedömd', 'bedömda')}): andelarna är osäkra, vilket de breda konfidensintervallen visar, och skillnader mellan undergrupper bör inte tolkas som säkra.`,
    en: (p) => `The group is small (${countText(p.n, 'en')} classified): the shares are uncertain, as the wide confidence intervals show, and differences between subgroups should not be read as certain.`,
  },
  no_comparison_group: {
    sv: () => 'Uppföljningen har ingen jämförelsegrupp: den visar om klienternas situation förändrades, inte att förändringen beror på insatsen.',
    en: () => 'The follow-up has no comparison group: it shows whether the clients’ situation changed, not that the change was caused by the intervention.',
  },
  invalid_records: {
    sv: (p) => `${countText(p.count, 'sv')} ${one(p.count, 'post', 'poster')} kunde inte räknas på grund av felaktiga uppgifter och redovisas separat.`,
    en: (p) => `${countText(p.count, 'en')} ${one(p.count, 'record', 'records')} could not be counted because of invalid data and ${one(p.count, 'is', 'are')} reported separately.`,
  },
  during_trend: {
    sv: (p) => `${p.label.sv}: ${pct(p.firstShare, 'sv')} negativa prov de första ${p.span} veckorna (n = ${countText(p.firstN, 'sv')}) och ${pct(p.lastShare, 'sv')} veckorna ${p.lastFrom}–${p.lastTo} (n = ${countText(p.lastN, 'sv')}).`,
    en: (p) => `${p.label.en}: ${pct(p.firstShare, 'en')} negative tests in the first ${p.span} weeks (n = ${countText(p.firstN, 'en')}) and ${pct(p.lastShare, 'en')} in weeks ${p.lastFrom}–${p.lastTo} (n = ${countText(p.lastN, 'en')}).`,
  },
  measure_change: {
    sv: (p) =>
      `${meanMove(p, 'sv')} ${fromBefore(p.phase, 'sv')} (n = ${countText(p.n, 'sv')} par): ${countText(p.improved, 'sv')} blev bättre och ${countText(p.worse, 'sv')} sämre med minst ${num(p.minimalChange, 'sv')} (den minsta förändring som räknas), ${countText(p.unchanged, 'sv')} var ${one(p.unchanged, 'oförändrad', 'oförändrade')}${reliablePart(p, 'sv')}${measureTest(p, 'sv')}.`,
    en: (p) =>
      `${meanMove(p, 'en')} ${fromBefore(p.phase, 'en')} (n = ${countText(p.n, 'en')} ${one(p.n, 'pair', 'pairs')}): ${countText(p.improved, 'en')} improved and ${countText(p.worse, 'en')} got worse by at least ${num(p.minimalChange, 'en')} (the smallest change that counts), ${countText(p.unchanged, 'en')} ${one(p.unchanged, 'was', 'were')} unchanged${reliablePart(p, 'en')}${measureTest(p, 'en')}.`,
  },
  background_test: {
    sv: (p) => outcomeTestSentence(p, 'sv'),
    en: (p) => outcomeTestSentence(p, 'en'),
  },
  dose_test: {
    sv: (p) => outcomeTestSentence(p, 'sv'),
    en: (p) => outcomeTestSentence(p, 'en'),
  },
  not_tested: {
    sv: (p) => `${notTestedWhat(p, 'sv')} kunde inte prövas: ${notTestedReason(p, 'sv')}.`,
    en: (p) => `${notTestedWhat(p, 'en')} could not be tested: ${notTestedReason(p, 'en')}.`,
  },
};

/** @internal A finding whose params fit its code (findingText checks that first), as a sentence. */
export function findingSentence(finding: Finding, locale: Locale): string {
  const words = texts[finding.code][locale] as (p: Finding['params']) => string;
  return words(finding.params);
}
