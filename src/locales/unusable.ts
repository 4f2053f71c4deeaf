import type { Label, Locale } from '../core/locale.js';
import type { Rule } from '../core/issue.js';
import { countedText, countText } from './count.js';

/**
 * What a row or record that could not be used was "with", by the rule of its
 * first problem: "3 med ogiltigt datum", "3 with an invalid date". A
 * compilation's `invalid` counts rows by rule, and every report says how many
 * were left out and why. Typed over every rule, so a new rule without its
 * phrase does not compile. Not exported by the locales' index: the report reads it.
 */
const WITH: { readonly [K in Rule]: Label } = {
  required: { sv: 'med en uppgift som saknas', en: 'with a required value missing' },
  type: { sv: 'med ett värde av fel typ', en: 'with a value of the wrong type' },
  min: { sv: 'med ett för litet värde', en: 'with a value too small' },
  max: { sv: 'med ett för stort värde', en: 'with a value too large' },
  integer: { sv: 'med ett tal som inte är ett heltal', en: 'with a number that is not whole' },
  format: { sv: 'med ett värde i fel format', en: 'with a value in the wrong format' },
  calendar_date: { sv: 'med ogiltigt datum', en: 'with an invalid date' },
  one_of: { sv: 'med ett värde som inte är tillåtet', en: 'with a value that is not allowed' },
  unknown_key: { sv: 'med ett okänt fält', en: 'with an unknown field' },
  finite: { sv: 'med ett tal som inte är ändligt', en: 'with a number that is not finite' },
  unknown_instrument: { sv: 'med ett okänt bedömningsinstrument', en: 'with an unknown instrument' },
  unknown_code: { sv: 'med en kod som planen inte har', en: 'with a code the plan does not have' },
  out_of_range: { sv: 'med ett värde utanför skalan', en: 'with a value outside the scale' },
  not_on_scale: { sv: 'med ett värde som inte finns på skalan', en: 'with a value not on the scale' },
  date_order: { sv: 'med datum i fel ordning', en: 'with dates in the wrong order' },
  primary_same_instrument: { sv: 'med huvudmåttet mätt på olika sätt', en: 'with the primary measure measured differently' },
  duplicate: { sv: 'med ett värde som förekommer flera gånger', en: 'with a value given more than once' },
  duplicate_record: { sv: 'som en extra kopia av en post (samma klient, insats och urvalsdatum)', en: 'as an extra copy of a record (same client, intervention and date of selection)' },
  outside_age_bands: { sv: 'med en ålder utanför åldersgrupperna', en: 'with an age outside the age bands' },
  outside_period: { sv: 'med en start (eller, aldrig påbörjad, ett urval) utanför uppföljningsperioden', en: 'with a start (or, never started, a selection) outside the follow-up period' },
  overlap: { sv: 'med överlappande åldersgrupper', en: 'with overlapping age bands' },
  outside_bands: { sv: 'med ett värde utanför en bakgrundsvariabels intervall', en: 'with a value outside a background variable\'s bands' },
  looks_like_identity_number: { sv: 'med ett personnummer som klient-id', en: 'with an identity number as client id' },
  missing_goal_assessment: { sv: 'utan bedömning av målen', en: 'without an assessment of the goals' },
  plan_mismatch: { sv: 'från en annan plan', en: 'from another plan' },
  step_order: { sv: 'med steg i fel ordning', en: 'with steps in the wrong order' },
  incompatible: { sv: 'som inte går att slå ihop', en: 'that cannot be merged' },
  empty: { sv: 'med ett tomt värde', en: 'with an empty value' },
  outside_window: { sv: 'med en efteruppföljning utanför sitt fönster', en: 'with a follow-up outside its window' },
  measured_not_reached: { sv: 'med mätningar vid en efteruppföljning där klienten inte nåddes', en: 'with measurements at a follow-up where the client was not reached' },
  count_sum: { sv: 'med antal som inte går ihop', en: 'with counts that do not add up' },
  moment_bounds: { sv: 'med summor utanför det möjliga', en: 'with sums outside what is possible' },
  too_few: { sv: 'med för få värden', en: 'with too few values' },
  no_variation: { sv: 'utan variation', en: 'without variation' },
  missing_measure: { sv: 'med en mätning som saknas', en: 'with a measurement missing' },
  withdrawn: { sv: 'som har avförts', en: 'that were withdrawn' },
  not_closed: { sv: 'som inte har avslutats', en: 'that were not closed' },
  fine_scale: { sv: 'med en för fin skala', en: 'with too fine a scale' },
  exceeds_total: { sv: 'med ett antal större än totalen', en: 'with a count above its total' },
  open_interval: { sv: 'med ett värde utanför intervallet', en: 'with a value outside the interval' },
  probability: { sv: 'med en sannolikhet utanför 0–1', en: 'with a probability outside 0–1' },
  table_shape: { sv: 'med fel form på tabellen', en: 'with a table of the wrong shape' },
  exact_infeasible: { sv: 'för stora för en exakt beräkning', en: 'too large for an exact computation' },
  direction_conflict: { sv: 'med motstridig riktning', en: 'with a conflicting direction' },
  positive: { sv: 'med ett värde som inte är positivt', en: 'with a value that is not positive' },
  length_mismatch: { sv: 'med listor av olika längd', en: 'with lists of different lengths' },
  too_large: { sv: 'med ett för stort värde', en: 'with a value too large' },
  identity_format: { sv: 'med ett personnummer i fel format', en: 'with an identity number in the wrong format' },
  identity_length: { sv: 'med fel antal siffror i personnumret', en: 'with the wrong number of digits in the identity number' },
  identity_date: { sv: 'med ett ogiltigt datum i personnumret', en: 'with an invalid date in the identity number' },
  identity_birth_number: { sv: 'med födelsenummer 000 i personnumret', en: 'with birth number 000 in the identity number' },
  identity_check_digit: { sv: 'med fel kontrollsiffra i personnumret', en: 'with a wrong check digit in the identity number' },
  identity_century: { sv: 'med ett personnummer vars århundrade inte går att avgöra', en: 'with an identity number whose century cannot be told' },
  identity_separator: { sv: 'med fel skiljetecken i personnumret', en: 'with the wrong separator in the identity number' },
  identity_future: { sv: 'med ett födelsedatum i framtiden', en: 'with a birth date in the future' },
  identity_key: { sv: 'med en nyckel som inte duger', en: 'with a key that cannot be used' },
  identity_key_weak: { sv: 'med en nyckel som inte skyddar', en: 'with a key that protects nothing' },
  identity_birth_date_unknown: { sv: 'med okänt födelsedatum', en: 'with an unknown birth date' },
  ragged_table: { sv: 'med rader av olika längd', en: 'with rows of different lengths' },
  margin_mismatch: { sv: 'med summor som inte stämmer', en: 'with totals that do not match' },
  numerator_exceeds_denominator: { sv: 'med en täljare större än nämnaren', en: 'with a numerator above its denominator' },
  missing_column: { sv: 'med en kolumn som saknas i filen', en: 'with a column missing from the file' },
  unknown_field: { sv: 'med ett fält som planen inte har', en: 'with a field the plan does not have' },
  field_count: { sv: 'med fel antal fält', en: 'with the wrong number of fields' },
  unclosed_quote: { sv: 'med ett citattecken som aldrig stängs', en: 'with a quotation mark never closed' },
  not_a_number: { sv: 'med text där ett tal ska stå', en: 'with text where a number belongs' },
  not_a_boolean: { sv: 'med ett värde som varken är ja eller nej', en: 'with a value that is neither yes nor no' },
  duplicate_client: { sv: 'med en klient som redan finns', en: 'with a client already in the file' },
  unknown_client: { sv: 'med en okänd klient', en: 'with an unknown client' },
  empty_file: { sv: 'från en tom fil', en: 'from an empty file' },
  no_rows: { sv: 'från en fil utan rader', en: 'from a file without rows' },
  not_csv: { sv: 'från en fil som inte är CSV', en: 'from a file that is not CSV' },
};

/** Rows left out, by rule, most first (ties in the rules' own order). */
export function unusableByRule(byRule: Readonly<Partial<Record<Rule, number>>>): { rule: Rule; count: number }[] {
  const order = Object.keys(WITH);
  return (Object.entries(byRule) as [Rule, number][])
    .filter(([, n]) => n > 0)
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || order.indexOf(a.rule) - order.indexOf(b.rule));
}

/** The phrase for a rule ("med ogiltigt datum"); a code no table knows (from a newer version) is named as it is. */
export function unusableWith(rule: Rule, locale: Locale): string {
  const lang = locale === 'en' ? 'en' : 'sv';
  return Object.hasOwn(WITH, rule) ? WITH[rule][lang] : lang === 'sv' ? `med fel enligt regeln ${rule}` : `breaking the rule ${rule}`;
}

/**
 * The sentence every report shows when rows were left out: "5 rader kunde inte
 * användas och ingår inte i resultaten: 3 med ogiltigt datum och 2 med en kod
 * som planen inte har." (Swedish) or its English.
 */
export function unusableSentence(invalid: { readonly total: number; readonly byRule: Readonly<Partial<Record<Rule, number>>> }, locale: Locale): string {
  const sv = locale !== 'en';
  const parts = unusableByRule(invalid.byRule).map((r) => `${countText(r.count, locale)} ${unusableWith(r.rule, locale)}`);
  const list = parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${sv ? 'och' : 'and'} ${parts.at(-1)!}`;
  const head = sv
    ? `${countedText(invalid.total, 'row', locale)} kunde inte användas och ingår inte i resultaten`
    : `${countedText(invalid.total, 'row', locale)} could not be used and ${invalid.total === 1 ? 'is' : 'are'} not in the results`;
  return `${head}${list === '' ? '' : `: ${list}`}.`;
}
