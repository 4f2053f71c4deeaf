/**
 * Every rule code the library reports, with no text: codes and their parameters
 * are core data; the Swedish and English texts live in `src/locales/`, which
 * core does not import. Each module's `rules.ts` re-exports its own list.
 */

/**
 * Every rule the library's own code can report, in one closed list. The text
 * for each rule lives in `src/locales/`, typed so that a rule without a Swedish
 * and an English text does not compile.
 *
 * @example
 * ```ts
 * CORE_RULES.includes('step_order');
 * // => true
 * ```
 */
export const CORE_RULES = [
  // Structure and types (mapped from zod's issue codes).
  'required',
  'type',
  'min',
  'max',
  'integer',
  'format',
  'calendar_date',
  'one_of',
  'unknown_key',
  'finite',
  // The follow-up's own rules.
  'unknown_instrument',
  'unknown_code',
  'out_of_range',
  'not_on_scale',
  'date_order',
  'primary_same_instrument',
  'duplicate',
  'duplicate_record',
  'outside_age_bands',
  'outside_period',
  'overlap',
  'outside_bands',
  'looks_like_identity_number',
  'missing_goal_assessment',
  'plan_mismatch',
  'step_order',
  'incompatible',
  'empty',
  // Follow-up after the end (record/check-follow-up.ts).
  'outside_window',
  'measured_not_reached',
  // A compilation's counts that contradict each other (compile/schema.ts).
  'count_sum',
  'moment_bounds',
  // Reasons a statistic or a classification was not computed.
  'too_few',
  'no_variation',
  'missing_measure',
  'withdrawn',
  'not_closed',
  'fine_scale',
] as const;

/**
 * A rule of the library's core (structure, dates, the follow-up's rules).
 *
 * @example
 * ```ts
 * const rule: CoreRule = 'required';
 * ruleText(rule, {}, 'en');
 * // => 'the value is missing but required'
 * ```
 */
export type CoreRule = (typeof CORE_RULES)[number];

// The stats module's rules (re-exported by src/stats/rules.ts).
/**
 * The rules of the statistics module: input problems it reports and reasons a
 * statistic was not computed, beyond the core's `too_few`, `no_variation`,
 * `finite`, `integer` and `min`.
 *
 * @example
 * ```ts
 * STATS_RULES.includes('exceeds_total'); // => true
 * ```
 */
export const STATS_RULES = [
  'exceeds_total',
  'open_interval',
  'probability',
  'table_shape',
  'exact_infeasible',
  'direction_conflict',
  'positive',
  'length_mismatch',
  'too_large',
] as const;

/**
 * A rule of the statistics module.
 *
 * @example
 * ```ts
 * const rule: StatsRule = 'exceeds_total';
 * ruleText(rule, { value: 9, total: 8, totalName: 'n' }, 'en'); // => 'must not exceed n (9 > 8)'
 * ```
 */
export type StatsRule = (typeof STATS_RULES)[number];

// The identity module's rules (re-exported by src/identity/rules.ts).
/**
 * The rules of the identity module: what can be wrong with a personal
 * identity number (*personnummer*) or a coordination number
 * (*samordningsnummer*). No text built from these rules repeats the number:
 * the parameters carry only a digit count, a part's name or a year.
 *
 * @example
 * ```ts
 * IDENTITY_RULES.includes('identity_check_digit'); // => true
 * ```
 */
export const IDENTITY_RULES = [
  'identity_format',
  'identity_length',
  'identity_date',
  'identity_birth_number',
  'identity_check_digit',
  'identity_century',
  'identity_separator',
  'identity_future',
  'identity_key',
  'identity_key_weak',
  'identity_birth_date_unknown',
] as const;

/**
 * A rule of the identity module.
 *
 * @example
 * ```ts
 * const rule: IdentityRule = 'identity_check_digit';
 * ruleText(rule, {}, 'en');
 * // => 'the check digit does not match (a mistyped digit?)'
 * ```
 */
export type IdentityRule = (typeof IDENTITY_RULES)[number];

// The privacy module's rules (re-exported by src/privacy/rules.ts).
/**
 * The rules of the privacy module: problems with a table or a share handed
 * to small-cell protection (beyond the core's `integer`, `min` and `type`).
 *
 * @example
 * ```ts
 * PRIVACY_RULES.includes('margin_mismatch'); // => true
 * ```
 */
export const PRIVACY_RULES = ['ragged_table', 'margin_mismatch', 'numerator_exceeds_denominator'] as const;

/**
 * A rule of the privacy module.
 *
 * @example
 * ```ts
 * const rule: PrivacyRule = 'margin_mismatch';
 * ruleText(rule, { value: 30, expected: 31 }, 'en');
 * // => 'the total 30 does not match the cells (which sum to 31)'
 * ```
 */
export type PrivacyRule = (typeof PRIVACY_RULES)[number];

// The io module's rules (re-exported by src/io/rules.ts).
/**
 * The rules of the import module: problems with a CSV export or its mapping
 * file (beyond the core's rules, which the imported records are checked
 * against afterwards).
 *
 * @example
 * ```ts
 * IO_RULES.includes('missing_column'); // => true
 * ```
 */
export const IO_RULES = [
  'missing_column',
  'unknown_field',
  'field_count',
  'unclosed_quote',
  'not_a_number',
  'not_a_boolean',
  'duplicate_client',
  'unknown_client',
  // The file as a whole: nothing to read, a header and nothing under it, not text at all.
  'empty_file',
  'no_rows',
  'not_csv',
] as const;

/**
 * A rule of the import module.
 *
 * @example
 * ```ts
 * const rule: IoRule = 'missing_column';
 * ruleText(rule, { column: 'clientId', field: 'clientId' }, 'en');
 * // => 'the column "clientId" (for clientId) is missing from the file'
 * ```
 */
export type IoRule = (typeof IO_RULES)[number];

/**
 * The closed union of every rule an {@link Issue} can carry.
 *
 * @example
 * ```ts
 * const rule: Rule = 'calendar_date';
 * ```
 */
export type Rule = CoreRule | StatsRule | IdentityRule | PrivacyRule | IoRule;

/** @internal Every rule the library has, core's first, then each module's. */
export const RULES = [...CORE_RULES, ...STATS_RULES, ...IDENTITY_RULES, ...PRIVACY_RULES, ...IO_RULES] as const satisfies readonly Rule[];

const known: ReadonlySet<string> = new Set(RULES);

/** @internal Whether a string is one of the library's rules. */
export function isRule(value: string): value is Rule {
  return known.has(value);
}
