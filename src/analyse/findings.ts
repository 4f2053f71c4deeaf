import { z } from 'zod';
import type { Locale } from '../core/locale.js';
import { issue, type Issue, type IssueParams } from '../core/issue.js';
import { isRule, type Rule } from '../core/codes.js';
import type { DeepReadonly } from '../core/readonly.js';
import { dataIssues, isRecord, localeIssues, localeOf, paramsIssues, throwIfAny, typeIssues, valueText } from '../core/args.js';
import { DIMENSIONS } from '../compile/tabulate.js';
import { UNCLASSIFIED, WITHDRAWAL_REASONS } from '../compile/layout.js';
import { noteText, STATS_METHODS, STATS_NOTE_CODES } from '../stats/methods.js';
import { findingSentence, withdrawalReasonsText } from './_lib/phrasing.js';

/** @internal The wording the report shares with the findings: the p-value threshold, "between the age bands", "by sessions attended" and a background or dose test's sentence. */
export { SIGNIFICANCE, BETWEEN, byPhrase, outcomeTestSentence } from './_lib/phrasing.js';

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
  'measure_change',
  'background_test',
  'dose_test',
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

// The parts of findings' params. A count of people is a safe non-negative
// integer; shares, means and p-values are finite numbers (zod's numbers are).
const Count = z.int().min(0);
const Num = z.number();
const LabelShape = z.object({ sv: z.string(), en: z.string() });
const Dimension = z.enum(DIMENSIONS);
const Method = z.enum(STATS_METHODS);
const ParamsShape = z.custom<IssueParams>((v) => paramsIssues(v, []).length === 0 && v !== undefined);
const NoteShape = z.object({ code: z.enum(STATS_NOTE_CODES), params: ParamsShape });
const NotComputedShape = z.object({
  computed: z.literal(false),
  n: Count,
  reason: z.custom<Rule>((v) => typeof v === 'string' && isRule(v)),
  params: ParamsShape,
});
/** The reasons and their counts, in the order of the codes, only those with anyone. */
const reasonsOf = <const C extends readonly [string, ...string[]]>(codes: C) => z.array(z.object({ code: z.enum(codes), count: Count.min(1) }));
/** One subgroup test, with the p-value adjusted by Holm's method when there were several (`adjusted`, over `tests` tests). */
const TestShape = { dimension: Dimension, method: Method, pValue: Num, unadjustedPValue: Num, adjusted: z.boolean(), tests: Count };

/** The dose measures set against the outcome (as compile counts them): sessions attended, weeks from the start to closing. */
const DoseMeasure = z.enum(['sessions', 'weeks']);
/** A background or dose test: its method, p (Holm-adjusted over the `tests` background and dose tests when `adjusted`), n compared and the number of `groups` (values or bands with anyone). */
const OutcomeTestShape = { method: Method, pValue: Num, unadjustedPValue: Num, adjusted: z.boolean(), tests: Count, n: Count, groups: Count };
/** What a background test compares: goal met (among those with a goal) or the attainment level. */
const BackgroundOutcome = z.enum(['goal_met', 'level']);
/** What a dose test compares: the share improved or the attainment level. */
const DoseOutcome = z.enum(['improved', 'level']);

/** The params of each kind of finding. */
const PARAMS = {
  followed: z.object({ selected: Count, started: Count, closed: Count, classified: Count }),
  /** Withdrawn during the intervention, `reasons` by withdrawal reason. */
  withdrawn: z.object({ count: Count, started: Count, share: Num, reasons: reasonsOf(WITHDRAWAL_REASONS) }),
  /** Selected, not started: `waiting` and `withdrawnBeforeStart`, the latter by reason in `reasons`. */
  not_started: z.object({ count: Count, waiting: Count, withdrawnBeforeStart: Count, reasons: reasonsOf(WITHDRAWAL_REASONS) }),
  unclassified: z.object({ count: Count, reasons: reasonsOf(UNCLASSIFIED) }),
  goal_met: z.object({ count: Count, n: Count, share: Num, lower: Num, upper: Num }),
  direction: z.object({ n: Count, improved: Count, improvedShare: Num, unchanged: Count, worse: Count }),
  worse: z.object({ count: Count, unchanged: Count }),
  /** The paired test of the primary measure (`instrument`); `rankBiserial` is the effect size, null when not computed. */
  paired_test: z.object({ n: Count, zeros: Count, instrument: LabelShape, method: Method, pValue: Num, rankBiserial: Num.nullable() }),
  /** The highest and the lowest share who met their goal along a dimension (with two groups, both groups), their risk difference and its interval. */
  subgroup_gap: z.object({
    dimension: Dimension,
    groups: Count,
    highLabel: LabelShape,
    highShare: Num,
    highN: Count,
    lowLabel: LabelShape,
    lowShare: Num,
    lowN: Count,
    difference: Num,
    lower: Num,
    upper: Num,
    method: Method,
  }),
  subgroup_test: z.object(TestShape),
  subgroup_change_test: z.object({ ...TestShape, instrument: LabelShape, n: Count }),
  attrition_baseline: z.object({ withdrawnMean: Num, withdrawnN: Count, stayedMean: Num, stayedN: Count, instrument: LabelShape }),
  small_n: z.object({ n: Count, minimum: Num }),
  no_comparison_group: z.object({}),
  invalid_records: z.object({ count: Count }),
  /** A during-measure (`label`): the share of good results in the first `span` weeks with tests and in the last (`lastFrom`–`lastTo`). */
  during_trend: z.object({ label: LabelShape, span: Count, firstShare: Num, firstN: Count, lastShare: Num, lastN: Count, lastFrom: Count, lastTo: Count }),
  /**
   * An instrument's change from before to a later phase (`phase`: the closing
   * or a follow-up point) among the `n` clients measured at both: the means
   * of those same clients, how many changed by at least the minimal important
   * change for the better (`improved`) or worse, how many reliably (null
   * without reliability and norms), and the paired test (null when not
   * computed: a `not_tested` finding says why).
   */
  measure_change: z.object({
    instrument: LabelShape,
    phase: LabelShape,
    primary: z.boolean(),
    n: Count,
    before: Num,
    after: Num,
    improved: Count,
    unchanged: Count,
    worse: Count,
    minimalChange: Num,
    reliableImproved: Count.nullable(),
    reliableWorse: Count.nullable(),
    method: Method.nullable(),
    pValue: Num.nullable(),
  }),
  /**
   * A background variable (`variable`, the plan's id, and its `label`) set
   * against the outcome: goal met (`outcome: 'goal_met'`) or the attainment
   * level (`'level'`) compared between its values. The method's *did clients
   * with earlier treatment improve as often?*
   */
  background_test: z.object({ variable: z.string(), label: LabelShape, outcome: BackgroundOutcome, ...OutcomeTestShape }),
  /**
   * A dose (`measure`: sessions attended or weeks in the intervention) set
   * against the outcome: the share improved (`outcome: 'improved'`) or the
   * attainment level (`'level'`) compared between its bands. The method's
   * *why did some not change?*
   */
  dose_test: z.object({ measure: DoseMeasure, outcome: DoseOutcome, ...OutcomeTestShape }),
  /**
   * A test that could not be computed (`result`): the paired test of the
   * primary measure (`n` pairs with a change, `zeros` without), the paired
   * test of another measure's change to a later phase (`paired_measure`, the
   * same counts), or the test of goal met between the groups of a dimension
   * (`groups` with anyone with a goal), or a background or dose test
   * (`background`, `dose`: what it would have compared).
   */
  not_tested: z.discriminatedUnion('test', [
    z.object({ test: z.literal('paired'), instrument: LabelShape, n: Count, zeros: Count, result: NotComputedShape }),
    z.object({ test: z.literal('goal_met_by_group'), dimension: Dimension, groups: Count, result: NotComputedShape }),
    z.object({ test: z.literal('paired_measure'), instrument: LabelShape, phase: LabelShape, n: Count, zeros: Count, result: NotComputedShape }),
    z.object({ test: z.literal('background'), variable: z.string(), label: LabelShape, outcome: BackgroundOutcome, result: NotComputedShape }),
    z.object({ test: z.literal('dose'), measure: DoseMeasure, outcome: DoseOutcome, result: NotComputedShape }),
  ]),
} as const satisfies { readonly [C in FindingCode]: z.ZodType };

const findingOf = <C extends FindingCode>(code: C) =>
  z.object({ code: z.literal(code), caution: z.boolean(), params: PARAMS[code], notes: z.array(NoteShape).optional() });

/**
 * The shape of a {@link Finding} as JSON (an analysis written out and read
 * back): one object per code, with the params that code carries. Params are
 * data only — counts, shares, method codes, the plan's labels as `{ sv, en }`,
 * lists of reasons with their counts, not-computed results — and
 * {@link findingText} words them.
 *
 * @example
 * ```ts
 * FindingSchema.parse({ code: 'invalid_records', caution: true, params: { count: 2 } }).params;
 * // => { count: 2 }
 * FindingSchema.safeParse({ code: 'invalid_records', caution: true, params: { count: 'two' } }).success;
 * // => false
 * ```
 */
export const FindingSchema = z.discriminatedUnion('code', [
  findingOf('followed'),
  findingOf('withdrawn'),
  findingOf('not_started'),
  findingOf('unclassified'),
  findingOf('goal_met'),
  findingOf('direction'),
  findingOf('worse'),
  findingOf('paired_test'),
  findingOf('subgroup_gap'),
  findingOf('subgroup_test'),
  findingOf('subgroup_change_test'),
  findingOf('attrition_baseline'),
  findingOf('small_n'),
  findingOf('no_comparison_group'),
  findingOf('invalid_records'),
  findingOf('during_trend'),
  findingOf('measure_change'),
  findingOf('background_test'),
  findingOf('dose_test'),
  findingOf('not_tested'),
]);

/**
 * One statement about the results, as data: a discriminated union by
 * `code`, each with its own params (see {@link FindingSchema}, its one
 * definition). `caution` marks what limits the reading of the numbers (small
 * n, attrition, no comparison group, a test that could not be computed). A
 * finding that reports a test or an interval carries the result's `notes`
 * (how it was computed: ties, zero differences, exact or approximate
 * p-value), rendered by {@link findingNotes}.
 *
 * @example
 * ```ts
 * const f: Finding = { code: 'small_n', caution: true, params: { n: 8, minimum: 30 } };
 * findingText(f, 'en');
 * // => 'The group is small (8 classified): the shares are uncertain, as the wide confidence intervals show, and differences between subgroups should not be read as certain.'
 * ```
 */
export type Finding = DeepReadonly<z.output<typeof FindingSchema>>;

/**
 * @internal The finding of one code, e.g. `FindingOf<'withdrawn'>`.
 */
export type FindingOf<C extends FindingCode> = Extract<Finding, { readonly code: C }>;

/** What is wrong with a value given as a {@link Finding}: its code, params (plain data) and notes. */
function findingIssues(finding: unknown): Issue[] {
  if (!isRecord(finding)) return typeIssues(finding, 'object', ['finding']);
  const code = finding.code;
  const issues: Issue[] =
    typeof code === 'string' && (FINDING_CODES as readonly string[]).includes(code)
      ? []
      : [code === undefined ? issue(['finding', 'code'], 'required') : issue(['finding', 'code'], 'one_of', { values: [...FINDING_CODES], value: valueText(code) })];
  const params = finding.params;
  if (params !== undefined) issues.push(...(isRecord(params) ? dataIssues(params, ['finding', 'params']) : typeIssues(params, 'object', ['finding', 'params'])));
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
 * A finding as a sentence. The params are read as {@link FindingSchema}
 * says the finding's code has them; a finding whose params do not fit
 * (missing, of another type, as from a hand-edited JSON file) reads as its
 * code rather than as a sentence with holes.
 *
 * @param finding - from {@link analyse}
 * @param locale - `sv` (default) or `en`
 * @returns the sentence
 * @throws UppfoljningError when the finding is not an object, has an unknown code, params or notes that are not plain data, or the locale is not sv or en
 *
 * @example
 * ```ts
 * findingText({ code: 'no_comparison_group', caution: true, params: {} }, 'en');
 * // => 'The follow-up has no comparison group: it shows whether the clients’ situation changed, not that the change was caused by the intervention.'
 * findingText({ code: 'invalid_records', caution: true, params: { count: 2 } }, 'en');
 * // => '2 records could not be counted because of invalid data and are reported separately.'
 * findingText({ code: 'invalid_records', caution: true, params: {} } as never, 'en');
 * // => 'invalid_records'
 * ```
 */
export function findingText(finding: Finding, locale: Locale = 'sv'): string {
  throwIfAny([...findingIssues(finding), ...localeIssues(locale)]);
  const parsed = PARAMS[finding.code].safeParse(finding.params ?? {});
  if (!parsed.success) return finding.code;
  return findingSentence({ code: finding.code, params: parsed.data } as Finding, locale);
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
 * const finding: Finding = {
 *   code: 'paired_test',
 *   caution: false,
 *   params: { n: 30, zeros: 7, instrument: { sv: 'Tilltro', en: 'Confidence' }, method: 'wilcoxon-signed-rank-exact', pValue: 0.02, rankBiserial: 0.5 },
 *   notes: [{ code: 'zeros_dropped', params: { count: 7 } }],
 * };
 * findingNotes(finding, 'en');
 * // => ["7 zero differences were dropped before ranking (Wilcoxon's method)"]
 * ```
 */
export function findingNotes(finding: Finding, locale: Locale = 'sv'): string[] {
  throwIfAny([...findingIssues(finding), ...localeIssues(locale)]);
  return (finding.notes ?? []).map((n) => noteText({ code: n.code, params: n.params ?? {} }, locale));
}

/**
 * @internal The withdrawal reasons a `withdrawn` finding lists, in words
 * ("sammanbrott 3, flyttat 1"), for the report's summary, which may give them
 * without the rest of the sentence; empty for any other finding or params that
 * do not fit.
 */
export function withdrawnReasonsText(finding: Finding, locale: Locale): string {
  if (!isRecord(finding) || finding.code !== 'withdrawn') return '';
  const parsed = PARAMS.withdrawn.safeParse(finding.params);
  return parsed.success ? withdrawalReasonsText(parsed.data.reasons, localeOf(locale)) : '';
}
