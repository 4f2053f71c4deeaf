import type { Label, Locale } from '../core/locale.js';
import type { IssueParams } from '../core/issue.js';
import { localeIssues, localeOf, oneOfIssues, throwIfAny, typeIssues, valueTextByType } from '../core/args.js';

/**
 * Every method a statistics result can name, in one closed list. Each has a
 * Swedish and an English name in {@link STATS_METHOD_LABELS}.
 *
 * @example
 * ```ts
 * STATS_METHODS.includes('wilson'); // => true
 * ```
 */
export const STATS_METHODS = [
  'wilson',
  'clopper-pearson',
  'newcombe-wilson',
  'wilcoxon-signed-rank-exact',
  'wilcoxon-signed-rank-normal',
  'sign-test-exact',
  'binomial-exact',
  'paired-t',
  'mcnemar-exact',
  'mcnemar-chi-square',
  'fisher-exact',
  'fisher-freeman-halton',
  'chi-square-pearson',
  'mann-whitney-exact',
  'mann-whitney-normal',
  'kruskal-wallis',
  'kruskal-wallis-exact',
  'kendall-tau-b',
  'kendall-tau-b-exact',
  'student-t',
  'welch-t',
  'cohen-dz',
  'cohen-dav',
  'hedges-gav',
  'rank-biserial-paired',
  'jacobson-truax',
  'gas-t-score',
  'holm',
] as const;

/**
 * A statistical method named in a result.
 *
 * @example
 * ```ts
 * const method: StatsMethod = 'wilson';
 * methodLabel(method, 'en'); // => 'Wilson score interval'
 * ```
 */
export type StatsMethod = (typeof STATS_METHODS)[number];

/**
 * The Swedish and English names of every {@link StatsMethod}.
 *
 * @example
 * ```ts
 * STATS_METHOD_LABELS.wilson.en; // => 'Wilson score interval'
 * ```
 */
export const STATS_METHOD_LABELS: { readonly [M in StatsMethod]: Label } = {
  wilson: { sv: 'Wilsons konfidensintervall', en: 'Wilson score interval' },
  'clopper-pearson': { sv: 'exakt konfidensintervall (Clopper–Pearson)', en: 'exact (Clopper–Pearson) interval' },
  'newcombe-wilson': {
    sv: 'Newcombes intervall för skillnad mellan andelar (Wilson-baserat)',
    en: "Newcombe's hybrid score interval for a difference of shares (Wilson-based)",
  },
  'wilcoxon-signed-rank-exact': {
    sv: 'Wilcoxons teckenrangtest (exakt fördelning)',
    en: 'Wilcoxon signed-rank test (exact distribution)',
  },
  'wilcoxon-signed-rank-normal': {
    sv: 'Wilcoxons teckenrangtest (normalapproximation)',
    en: 'Wilcoxon signed-rank test (normal approximation)',
  },
  'sign-test-exact': { sv: 'teckentest (exakt binomialfördelning)', en: 'sign test (exact binomial)' },
  'binomial-exact': { sv: 'binomialtest (exakt binomialfördelning)', en: 'exact binomial test' },
  'paired-t': { sv: 't-test för parade observationer', en: 'paired t-test' },
  'mcnemar-exact': { sv: 'McNemars test (exakt binomialfördelning)', en: "McNemar's test (exact binomial)" },
  'mcnemar-chi-square': {
    sv: 'McNemars test (χ²-approximation)',
    en: "McNemar's test (chi-square approximation)",
  },
  'fisher-exact': { sv: 'Fishers exakta test', en: "Fisher's exact test" },
  'fisher-freeman-halton': { sv: 'Fisher–Freeman–Haltons exakta test', en: 'Fisher–Freeman–Halton exact test' },
  'chi-square-pearson': { sv: 'Pearsons χ²-test för oberoende', en: "Pearson's chi-square test of independence" },
  'mann-whitney-exact': { sv: 'Mann–Whitneys U-test (exakt fördelning)', en: 'Mann–Whitney U test (exact distribution)' },
  'mann-whitney-normal': {
    sv: 'Mann–Whitneys U-test (normalapproximation)',
    en: 'Mann–Whitney U test (normal approximation)',
  },
  'kruskal-wallis': { sv: 'Kruskal–Wallis-test (χ²-approximation)', en: 'Kruskal–Wallis test (chi-square approximation)' },
  'kruskal-wallis-exact': { sv: 'Kruskal–Wallis-test (exakt fördelning)', en: 'Kruskal–Wallis test (exact distribution)' },
  'kendall-tau-b': { sv: 'Kendalls tau-b (trendtest, normalapproximation)', en: "Kendall's tau-b (trend test, normal approximation)" },
  'kendall-tau-b-exact': { sv: 'Kendalls tau-b (trendtest, exakt fördelning)', en: "Kendall's tau-b (trend test, exact distribution)" },
  'student-t': { sv: 't-test för två oberoende grupper (lika varianser)', en: "Student's two-sample t-test (equal variances)" },
  'welch-t': { sv: 'Welchs t-test för två oberoende grupper', en: "Welch's two-sample t-test" },
  'cohen-dz': { sv: 'Cohens d för parade observationer (d_z)', en: "Cohen's d for paired data (d_z)" },
  'cohen-dav': {
    sv: 'Cohens d för parade observationer, standardiserat med medelvärdet av standardavvikelserna (d_av)',
    en: "Cohen's d for paired data, standardised by the average standard deviation (d_av)",
  },
  'hedges-gav': {
    sv: 'Hedges g för parade observationer, korrigerat för små urval (g_av)',
    en: "Hedges' g for paired data, corrected for small samples (g_av)",
  },
  'rank-biserial-paired': {
    sv: 'rangbiseriell korrelation för parade observationer',
    en: 'matched-pairs rank-biserial correlation',
  },
  'jacobson-truax': { sv: 'Jacobson–Truax index för reliabel förändring', en: 'Jacobson–Truax reliable change index' },
  'gas-t-score': { sv: 'GAS T-värde (Kiresuk–Sherman)', en: 'GAS T-score (Kiresuk–Sherman)' },
  holm: { sv: 'Holms korrektion för multipla jämförelser', en: "Holm's adjustment for multiple comparisons" },
};

/**
 * The name of a method in a language.
 *
 * @param method - the method code
 * @param locale - `sv` (default) or `en`
 * @returns the method's name
 * @throws UppfoljningError when the method is not one of {@link STATS_METHODS} (`one_of`, also
 *   `required`; path `method`) or the locale is neither `sv` nor `en` (`one_of`, path `locale`)
 *
 * @example
 * ```ts
 * methodLabel('fisher-exact', 'sv');
 * // => 'Fishers exakta test'
 * ```
 */
export function methodLabel(method: StatsMethod, locale: Locale = 'sv'): string {
  throwIfAny([...oneOfIssues(method, STATS_METHODS, ['method'], true), ...localeIssues(locale)]);
  return STATS_METHOD_LABELS[method][localeOf(locale)];
}

/**
 * Every kind of note a result can carry about how it was computed.
 *
 * @example
 * ```ts
 * STATS_NOTE_CODES.includes('zeros_dropped'); // => true
 * ```
 */
export const STATS_NOTE_CODES = [
  'zeros_dropped',
  'zeros_pratt',
  'ties_corrected',
  'ties_corrected_pairs',
  'exact_conditional_on_ties',
  'continuity_corrected',
  'exact_distribution',
  'normal_approximation',
  'chi_square_approximation',
  'expected_counts_small',
  'empty_rows_dropped',
  'empty_columns_dropped',
  'exact_infeasible',
  'exact_n_too_large',
  'estimate_at_boundary',
] as const;

/**
 * A kind of note about how a result was computed.
 *
 * @example
 * ```ts
 * const r = signTest([1, 2, 3, 4, 5, 6, -1, 0]) as SignTestResult;
 * r.notes.map((n) => n.code); // => ['zeros_dropped', 'exact_distribution']
 * ```
 */
export type StatsNoteCode = (typeof STATS_NOTE_CODES)[number];

/**
 * A note about how a result was computed: a code and its parameters, rendered
 * by {@link noteText}.
 *
 * @example
 * ```ts
 * const note: StatsNote = { code: 'zeros_dropped', params: { count: 2 } };
 * ```
 */
export interface StatsNote {
  readonly code: StatsNoteCode;
  readonly params: IssueParams;
}

/** A parameter as text; never calls a garbage value's own toString. */
const s = valueTextByType;

const NOTE_TEXTS: { readonly [C in StatsNoteCode]: { sv: (p: IssueParams) => string; en: (p: IssueParams) => string } } = {
  zeros_dropped: {
    sv: (p) => `${s(p.count)} nollskillnader togs bort före rangordningen (Wilcoxons metod)`,
    en: (p) => `${s(p.count)} zero differences were dropped before ranking (Wilcoxon's method)`,
  },
  zeros_pratt: {
    sv: (p) => `${s(p.count)} nollskillnader rangordnades men räknades inte i teststorheten (Pratts metod)`,
    en: (p) => `${s(p.count)} zero differences were ranked but left out of the statistic (Pratt's method)`,
  },
  ties_corrected: {
    sv: (p) => `${s(p.groups)} grupper av lika värden fick medelrang; variansen är korrigerad för dem`,
    en: (p) => `${s(p.groups)} groups of tied values got mid-ranks; the variance is corrected for them`,
  },
  ties_corrected_pairs: {
    sv: (p) => `tau-b och variansen är korrigerade för ${s(p.groups)} grupper av lika värden`,
    en: (p) => `tau-b and the variance are corrected for ${s(p.groups)} groups of tied values`,
  },
  exact_conditional_on_ties: {
    sv: (p) =>
      `exakt fördelning betingad på de observerade rangerna (permutationsfördelning)${
        Number(s(p.groups)) > 0 ? `; ${s(p.groups)} grupper av lika värden fick medelrang` : ''
      }`,
    en: (p) =>
      `exact distribution conditional on the observed ranks (permutation distribution)${
        Number(s(p.groups)) > 0 ? `; ${s(p.groups)} groups of tied values got mid-ranks` : ''
      }`,
  },
  continuity_corrected: {
    sv: () => 'med kontinuitetskorrektion',
    en: () => 'with continuity correction',
  },
  exact_distribution: {
    sv: () => 'p-värdet kommer från den exakta fördelningen',
    en: () => 'the p-value comes from the exact distribution',
  },
  normal_approximation: {
    sv: () => 'p-värdet kommer från normalapproximationen',
    en: () => 'the p-value comes from the normal approximation',
  },
  chi_square_approximation: {
    sv: (p) => `p-värdet kommer från χ²-fördelningen med ${s(p.df)} frihetsgrader`,
    en: (p) => `the p-value comes from the chi-square distribution with ${s(p.df)} degrees of freedom`,
  },
  expected_counts_small: {
    sv: (p) =>
      `förväntade antal är för små för χ²-testet (minsta ${s(p.minExpected)}, ${s(p.cellsBelow5)} av ${s(p.cells)} celler under 5; Cochrans regel)`,
    en: (p) =>
      `expected counts are too small for the chi-square test (smallest ${s(p.minExpected)}, ${s(p.cellsBelow5)} of ${s(p.cells)} cells below 5; Cochran's rule)`,
  },
  empty_rows_dropped: {
    sv: (p) => `${s(p.count)} tomma rader togs bort`,
    en: (p) => `${s(p.count)} empty rows were dropped`,
  },
  empty_columns_dropped: {
    sv: (p) => `${s(p.count)} tomma kolumner togs bort`,
    en: (p) => `${s(p.count)} empty columns were dropped`,
  },
  exact_infeasible: {
    sv: (p) => `det exakta testet var för tungt att beräkna (över ${s(p.limit)} steg); p-värdet från χ²-fördelningen är osäkert`,
    en: (p) => `the exact test was too heavy to compute (over ${s(p.limit)} steps); the chi-square p-value is unreliable`,
  },
  exact_n_too_large: {
    sv: (p) => `den exakta fördelningen beräknas inte för n över ${s(p.limit)}; normalapproximationen används`,
    en: (p) => `the exact distribution is not computed for n above ${s(p.limit)}; the normal approximation is used`,
  },
  estimate_at_boundary: {
    sv: () => 'skattningen ligger vid gränsen (0 eller oändlig)',
    en: () => 'the estimate lies on the boundary (0 or infinite)',
  },
};

/**
 * Renders a note in a language.
 *
 * @param note - the note
 * @param locale - `sv` (default) or `en`
 * @returns the note as a sentence fragment
 * @throws UppfoljningError when the note is not an object, its code not one of {@link STATS_NOTE_CODES}
 *   or its params not an object (paths `note`, `note.code`, `note.params`; `required`, `type`, `one_of`),
 *   or the locale is neither `sv` nor `en` (`one_of`, path `locale`)
 *
 * @example
 * ```ts
 * noteText({ code: 'zeros_dropped', params: { count: 2 } }, 'en');
 * // => "2 zero differences were dropped before ranking (Wilcoxon's method)"
 * ```
 */
export function noteText(note: StatsNote, locale: Locale = 'sv'): string {
  throwIfAny(typeIssues(note, 'object', ['note']));
  throwIfAny(oneOfIssues(note.code, STATS_NOTE_CODES, ['note', 'code'], true));
  throwIfAny(typeIssues(note.params, 'object', ['note', 'params']));
  throwIfAny(localeIssues(locale));
  return NOTE_TEXTS[note.code][localeOf(locale)](note.params);
}

/** @internal */
export const note = (code: StatsNoteCode, params: IssueParams = {}): StatsNote => ({ code, params });
