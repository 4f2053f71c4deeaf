import type { Locale } from './locale.js';
import { toDotPath, type CoreRule, type Issue, type IssueParams, type Rule } from './issue.js';
import { statsMessages } from '../stats/rules.js';
import { identityMessages } from '../identity/rules.js';
import { privacyMessages } from '../privacy/rules.js';
import { ioMessages } from '../io/rules.js';
import { isRecord, kindOf, localeIssues, paramsIssues, pathIssues, throwIfAny, typeIssues, valueText } from './args.js';

/**
 * A text template per locale for one rule.
 *
 * @example
 * ```ts
 * const text: RuleText = identityMessages.identity_length;
 * text.en({ digits: 11 });
 * // => 'has 11 digits; a personal identity or coordination number has 10 or 12'
 * ```
 */
export interface RuleText {
  /** The Swedish text, filled in from the rule's parameters. */
  readonly sv: (params: IssueParams) => string;
  /** The English text, filled in from the rule's parameters. */
  readonly en: (params: IssueParams) => string;
}

/**
 * A table with a Swedish and an English text for every rule in `R`: a rule
 * missing from the table is a compile error.
 *
 * @example
 * ```ts
 * // The privacy module's texts: leaving out a PrivacyRule would not compile.
 * const texts: MessageTable<PrivacyRule> = privacyMessages;
 * texts.margin_mismatch.en({ value: 30, expected: 31 });
 * // => 'the total 30 does not match the cells (which sum to 31)'
 * ```
 */
export type MessageTable<R extends string> = { readonly [K in R]: RuleText };

const show = (value: unknown): string =>
  Array.isArray(value) ? value.map((v) => String(v)).join(', ') : String(value);

const orList = (values: unknown, sep: string): string =>
  Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(sep) : show(values);

const coreMessages: MessageTable<CoreRule> = {
  required: {
    sv: () => 'uppgiften saknas men krävs',
    en: () => 'the value is missing but required',
  },
  type: {
    sv: (p) => `fel typ: väntade ${show(p.expected)}, fick ${show(p.received)}`,
    en: (p) => `wrong type: expected ${show(p.expected)}, got ${show(p.received)}`,
  },
  min: {
    sv: (p) =>
      p.origin === 'array' || p.origin === 'set'
        ? `måste ha minst ${show(p.minimum)} element`
        : p.origin === 'string'
          ? `måste ha minst ${show(p.minimum)} tecken`
          : `måste vara minst ${show(p.minimum)}`,
    en: (p) =>
      p.origin === 'array' || p.origin === 'set'
        ? `must have at least ${show(p.minimum)} ${p.minimum === 1 ? 'item' : 'items'}`
        : p.origin === 'string'
          ? `must have at least ${show(p.minimum)} ${p.minimum === 1 ? 'character' : 'characters'}`
          : `must be at least ${show(p.minimum)}`,
  },
  max: {
    sv: (p) =>
      p.origin === 'array' || p.origin === 'set'
        ? `får ha högst ${show(p.maximum)} element`
        : p.origin === 'string'
          ? `får ha högst ${show(p.maximum)} tecken`
          : `får vara högst ${show(p.maximum)}`,
    en: (p) =>
      p.origin === 'array' || p.origin === 'set'
        ? `must have at most ${show(p.maximum)} ${p.maximum === 1 ? 'item' : 'items'}`
        : p.origin === 'string'
          ? `must have at most ${show(p.maximum)} ${p.maximum === 1 ? 'character' : 'characters'}`
          : `must be at most ${show(p.maximum)}`,
  },
  integer: {
    sv: (p) => `måste vara ett heltal, fick ${show(p.value)}`,
    en: (p) => `must be a whole number, got ${show(p.value)}`,
  },
  format: {
    sv: (p) => `har fel format: väntade ${show(p.format)}`,
    en: (p) => `has the wrong format: expected ${show(p.format)}`,
  },
  calendar_date: {
    sv: (p) => `${show(p.value)} är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD)`,
    en: (p) => `${show(p.value)} is not a date in the calendar (expected YYYY-MM-DD)`,
  },
  one_of: {
    sv: (p) => `måste vara ett av ${orList(p.values, ', ')}; fick ${JSON.stringify(p.value)}`,
    en: (p) => `must be one of ${orList(p.values, ', ')}; got ${JSON.stringify(p.value)}`,
  },
  unknown_key: {
    sv: (p) => `okänt fält: ${show(p.keys)}`,
    en: (p) => `unknown field: ${show(p.keys)}`,
  },
  finite: {
    sv: (p) => `måste vara ett ändligt tal, fick ${show(p.value)}`,
    en: (p) => `must be a finite number, got ${show(p.value)}`,
  },
  unknown_instrument: {
    sv: (p) => `okänt bedömningsinstrument ${JSON.stringify(p.id)}; planen känner till ${orList(p.known, ', ')}`,
    en: (p) => `unknown instrument ${JSON.stringify(p.id)}; the plan knows ${orList(p.known, ', ')}`,
  },
  unknown_code: {
    sv: (p) => `okänd kod ${JSON.stringify(p.value)} för ${show(p.field)}; planen har ${orList(p.known, ', ')}`,
    en: (p) => `unknown code ${JSON.stringify(p.value)} for ${show(p.field)}; the plan has ${orList(p.known, ', ')}`,
  },
  out_of_range: {
    sv: (p) => `värdet ${show(p.value)} ligger utanför skalan ${show(p.min)}–${show(p.max)}`,
    en: (p) => `the value ${show(p.value)} is outside the scale ${show(p.min)}–${show(p.max)}`,
  },
  not_on_scale: {
    sv: (p) => `värdet ${show(p.value)} finns inte på skalan (steg ${show(p.step)} från ${show(p.min)})`,
    en: (p) => `the value ${show(p.value)} is not on the scale (steps of ${show(p.step)} from ${show(p.min)})`,
  },
  date_order: {
    sv: (p) => `datumet ${show(p.value)} ligger före ${show(p.otherLabelSv ?? p.other)} (${show(p.otherValue)})`,
    en: (p) => `the date ${show(p.value)} is before ${show(p.otherLabelEn ?? p.other)} (${show(p.otherValue)})`,
  },
  primary_same_instrument: {
    sv: (p) =>
      `huvudmåttet ${JSON.stringify(p.instrument)} måste mätas med samma instrument före och efter insatsen, men mäts inte ${p.missing === 'before' ? 'före' : 'efter'}`,
    en: (p) =>
      `the primary measure ${JSON.stringify(p.instrument)} must be measured with the same instrument before and after the intervention, but is not measured ${show(p.missing)}`,
  },
  duplicate: {
    sv: (p) => `${JSON.stringify(p.value)} förekommer mer än en gång`,
    en: (p) => `${JSON.stringify(p.value)} occurs more than once`,
  },
  outside_age_bands: {
    sv: (p) => `åldern ${show(p.age)} år ligger utanför planens åldersgrupper (${show(p.bands)})`,
    en: (p) => `the age ${show(p.age)} is outside the plan's age bands (${show(p.bands)})`,
  },
  overlap: {
    sv: (p) => `åldersgruppen ${show(p.band)} överlappar eller kommer före föregående grupp (${show(p.previous)})`,
    en: (p) => `the age band ${show(p.band)} overlaps or comes before the previous band (${show(p.previous)})`,
  },
  looks_like_identity_number: {
    sv: () => 'ser ut som ett person- eller samordningsnummer; använd en pseudonym som klient-id',
    en: () => 'looks like a personal identity or coordination number; use a pseudonym as client id',
  },
  missing_goal_assessment: {
    sv: () => 'bedömningen av om målen uppnåddes saknas',
    en: () => 'the assessment of whether the goals were met is missing',
  },
  plan_mismatch: {
    sv: (p) => `hör till planen ${JSON.stringify(p.value)}, inte ${JSON.stringify(p.expected)}`,
    en: (p) => `belongs to plan ${JSON.stringify(p.value)}, not ${JSON.stringify(p.expected)}`,
  },
  step_order: {
    sv: (p) => `steget ${show(p.stepSv ?? p.step)} kan inte göras när ärendet är ${show(p.stateSv ?? p.state)}`,
    en: (p) => `the step ${show(p.step)} cannot be taken when the record is ${show(p.state)}`,
  },
  incompatible: {
    sv: (p) => `kan inte slås ihop: ${show(p.whatSv ?? p.what)} skiljer sig åt`,
    en: (p) => `cannot be merged: the ${show(p.what)} differ`,
  },
  empty: {
    sv: () => 'får inte vara tom',
    en: () => 'must not be empty',
  },
  too_few: {
    sv: (p) => `för få för att beräkna (n = ${show(p.n)}, minst ${show(p.minimum)} behövs)`,
    en: (p) => `too few to compute (n = ${show(p.n)}, at least ${show(p.minimum)} needed)`,
  },
  no_variation: {
    sv: () => 'alla värden är lika, så det finns ingen variation att pröva',
    en: () => 'all values are equal, so there is no variation to test',
  },
  missing_measure: {
    sv: (p) => `mätningen ${p.phase === 'before' ? 'före' : 'efter'} insatsen saknas`,
    en: (p) => `the ${show(p.phase)} measurement is missing`,
  },
  withdrawn: {
    sv: () => 'klienten har avförts från uppföljningen',
    en: () => 'the client was withdrawn from the follow-up',
  },
  not_closed: {
    sv: () => 'insatsen är inte avslutad',
    en: () => 'the intervention has not been closed',
  },
  fine_scale: {
    sv: (p) => `skalan har för många steg (${show(p.bins)}) för exakta kvartiler; medelvärde och standardavvikelse visas`,
    en: (p) => `the scale has too many steps (${show(p.bins)}) for exact quartiles; mean and standard deviation are shown`,
  },
};

// Each module with rules of its own adds its table here; `Rule` in issue.ts
// names the union, so a rule without texts does not compile.
const messages: MessageTable<Rule> = { ...coreMessages, ...statsMessages, ...identityMessages, ...privacyMessages, ...ioMessages };

/** @internal Every rule the library has, for an `one_of` issue about a rule. */
export const RULES = (): string[] => Object.keys(messages);

/** @internal Whether a string is one of the library's rules. */
export function isRule(value: string): value is Rule {
  return Object.prototype.hasOwnProperty.call(messages, value);
}

/**
 * Renders one issue as text: the field path, the problem, and the rule's code
 * in brackets.
 *
 * @param issue - the issue
 * @param locale - `sv` (default) or `en`
 * @returns one line of text
 *
 * @example
 * ```ts
 * formatIssue({ path: ['after', 'date'], rule: 'calendar_date', params: { value: '2021-02-30' } });
 * // => 'after.date: 2021-02-30 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]'
 * ```
 */
export function formatIssue(issue: Issue, locale: Locale = 'sv'): string {
  throwIfAny([...issueIssues(issue, ['issue']), ...localeIssues(locale)]);
  return line(issue, locale);
}

const line = (issue: Issue, locale: Locale): string =>
  `${toDotPath(issue.path)}: ${ruleText(issue.rule, issue.params, locale)} [${issue.rule}]`;

/** @internal What is wrong with a value given as an {@link Issue}: its path, rule and params. */
export function issueIssues(value: unknown, at: readonly (string | number)[]): Issue[] {
  if (!isRecord(value)) return typeIssues(value, 'object', at);
  return [
    ...pathIssues(value.path, [...at, 'path']),
    ...typeIssues(value.rule, 'string', [...at, 'rule']),
    ...paramsIssues(value.params, [...at, 'params']),
  ];
}

/**
 * @internal The text of anything given as issues, never failing: the
 * UppfoljningError constructor uses it, so that reporting an error cannot
 * itself throw. A malformed issue is shown by what could be read of it.
 */
export function issuesTextLeniently(issues: unknown, locale: unknown): string {
  const lang: Locale = locale === 'en' ? 'en' : 'sv';
  const list: unknown[] = Array.isArray(issues) ? issues : [issues];
  return list
    .map((i) => {
      if (issueIssues(i, []).length === 0) return line(i as Issue, lang);
      const rule = isRecord(i) && typeof i.rule === 'string' ? i.rule : kindOf(i);
      const path = isRecord(i) && pathIssues(i.path, []).length === 0 ? toDotPath(i.path as (string | number)[]) : '(root)';
      return `${path}: ${rule === kindOf(i) ? valueText(i) : ruleText(rule as Rule, {}, lang)} [${rule}]`;
    })
    .join('\n');
}

/**
 * Renders a rule's text without a path, e.g. for a "not computed" reason.
 *
 * @param rule - the rule
 * @param params - its parameters
 * @param locale - `sv` (default) or `en`
 * @returns the text
 *
 * @example
 * ```ts
 * ruleText('too_few', { n: 3, minimum: 6 }, 'en');
 * // => 'too few to compute (n = 3, at least 6 needed)'
 * ```
 */
export function ruleText(rule: Rule, params: IssueParams = {}, locale: Locale = 'sv'): string {
  // Error texts must never fail themselves: an unknown locale reads Swedish, an
  // unknown rule or unreadable params give the rule's name rather than a TypeError.
  const lang: Locale = locale === 'en' ? 'en' : 'sv';
  const text = typeof rule === 'string' && Object.prototype.hasOwnProperty.call(messages, rule) ? messages[rule][lang] : undefined;
  if (text === undefined) return valueText(rule);
  try {
    return text(typeof params === 'object' && params !== null ? params : {});
  } catch {
    return valueText(rule);
  }
}

/**
 * Renders a list of issues, one per line.
 *
 * @param issues - the issues
 * @param locale - `sv` (default) or `en`
 * @returns the lines joined with newlines
 *
 * @example
 * ```ts
 * formatIssues([{ path: ['id'], rule: 'required', params: {} }], 'en');
 * // => 'id: the value is missing but required [required]'
 * ```
 */
export function formatIssues(issues: readonly Issue[], locale: Locale = 'sv'): string {
  const found = Array.isArray(issues) ? issues.flatMap((i: unknown, n) => issueIssues(i, ['issues', n])) : typeIssues(issues, 'array', ['issues']);
  throwIfAny([...found, ...localeIssues(locale)]);
  return issues.map((i) => line(i, locale)).join('\n');
}
