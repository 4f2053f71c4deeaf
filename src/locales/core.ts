import type { CoreRule } from '../core/codes.js';
import type { IssueParams } from '../core/issue.js';
import type { MessageTable } from './table.js';
import { orList, show } from './_lib/show.js';

// Swedish names for the codes some rules carry (the English text uses the code itself).
const STEPS_SV: Readonly<Record<string, string>> = { before: 'före insats', during: 'under insats', after: 'efter insats', withdraw: 'avföra', follow_up: 'efteruppföljning' };
const STATES_SV: Readonly<Record<string, string>> = { withdrawn: 'avfört', closed: 'avslutat', started: 'påbörjat', enrolled: 'utvalt' };
const MERGED_SV: Readonly<Record<string, string>> = { plans: 'planerna' };
// What a date_order issue's date comes before, by its code (or, for an issue without one, by the field's path).
const DATES: Readonly<Record<string, { readonly sv: string; readonly en: string }>> = {
  intervention_start: { sv: 'insatsens start', en: 'the start of the intervention' },
  period_start: { sv: 'periodens början', en: 'the start of the period' },
  birth_date: { sv: 'födelsedatum', en: 'the birth date' },
  date_of_birth: { sv: 'födelsedatumet', en: 'the date of birth' },
  event: { sv: 'en händelse under insatsen', en: 'an event during the intervention' },
  closing_date: { sv: 'avslutsdatumet', en: 'the closing date' },
  range_start: { sv: 'periodens första dag', en: 'the first day of the range' },
};
const DATE_PATHS: Readonly<Record<string, string>> = { 'before.date': 'intervention_start', 'period.from': 'period_start', 'after.date': 'closing_date' };
const own = (names: Readonly<Record<string, string>>, key: unknown): string | undefined =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(names, key) ? names[key] : undefined;
const dateLabel = (p: IssueParams, locale: 'sv' | 'en'): string => {
  const code = typeof p.otherLabel === 'string' && Object.prototype.hasOwnProperty.call(DATES, p.otherLabel) ? p.otherLabel : own(DATE_PATHS, p.other);
  return code === undefined ? show(p.other) : DATES[code]![locale];
};
// The counters a count_sum issue adds up, as paths joined by plus signs.
const parts = (value: unknown): string => (Array.isArray(value) ? value.map((v) => String(v)).join(' + ') : show(value));
const sv = (names: Readonly<Record<string, string>>, code: unknown): string => own(names, code) ?? show(code);
// The fields an unknown_code issue names, in words (a background variable is named by its own id).
const FIELDS: Readonly<Record<string, { readonly sv: string; readonly en: string }>> = {
  gender: { sv: 'kön', en: 'gender' },
  intervention: { sv: 'insats', en: 'intervention' },
  mainProblem: { sv: 'huvudproblem', en: 'main problem' },
  'goal area': { sv: 'målområde', en: 'goal area' },
  'during measure': { sv: 'mätningar under insatsen', en: 'measurements during the intervention' },
  'follow-up point': { sv: 'tillfällen för efteruppföljning', en: 'follow-up points' },
};
const fieldName = (field: unknown, locale: 'sv' | 'en'): string =>
  typeof field === 'string' && Object.prototype.hasOwnProperty.call(FIELDS, field) ? FIELDS[field]![locale] : show(field);
// The parts of a plan's fingerprint an incompatible issue names (`parts`), in words; another part reads as its code.
const PLAN_PARTS: Readonly<Record<string, { readonly sv: string; readonly en: string }>> = {
  plan: { sv: 'planens kod', en: "plan's code" },
  ageBands: { sv: 'åldersgrupperna', en: 'age bands' },
  genders: { sv: 'könskategorierna', en: 'gender categories' },
  interventions: { sv: 'insatserna', en: 'interventions' },
  primary: { sv: 'huvudmåttet (instrument, skala, riktning, minsta viktiga förändring)', en: 'primary measure (instrument, scale, direction, minimal important change)' },
  mainProblems: { sv: 'huvudproblemen', en: 'main problems' },
  goalAreas: { sv: 'målområdena', en: 'goal areas' },
  background: { sv: 'bakgrundsuppgifterna', en: 'background variables' },
  during: { sv: 'mätningarna under insatsen', en: 'measures during the intervention' },
  goalRule: { sv: 'regeln för måluppfyllelse', en: 'goal rule' },
  withdrawOn: { sv: 'avslutsorsakerna som avför', en: 'closing reasons that withdraw' },
  periodBy: { sv: 'periodindelningen', en: 'division into periods' },
  periods: { sv: 'perioderna', en: 'periods' },
  units: { sv: 'enheternas namn', en: "units' names" },
  counters: { sv: 'räknarnas bredd', en: "counters' widths" },
};
const clip = (text: unknown): string => {
  const t = String(text);
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
};
/** An incompatible issue's differing parts (`parts`, with each side's value in `first` and `other`), in words. */
const differences = (p: IssueParams, locale: 'sv' | 'en'): string => {
  if (!Array.isArray(p.parts) || p.parts.length === 0) return '';
  const first = Array.isArray(p.first) ? p.first : [];
  const other = Array.isArray(p.other) ? p.other : [];
  const list = p.parts.map((part, i) => {
    const name = own(Object.fromEntries(Object.entries(PLAN_PARTS).map(([k, v]) => [k, v[locale]])), part) ?? String(part);
    const values = first[i] === undefined ? '' : ` (${clip(first[i])} ${locale === 'sv' ? 'mot' : 'against'} ${clip(other[i])})`;
    return `${name}${values}`;
  });
  return locale === 'sv' ? `; det som skiljer: ${list.join(', ')}` : `; what differs: ${list.join(', ')}`;
};
/** The value that broke a rule, when the issue carries it (the import adds the cell's text): `before` it, then `after`. */
const given = (p: IssueParams, before: string, after = ''): string =>
  typeof p.value === 'string' || typeof p.value === 'number' ? `${before}${JSON.stringify(p.value)}${after}` : '';

/**
 * Swedish and English texts for every {@link CoreRule}, read by `ruleText`.
 *
 * @example
 * ```ts
 * ruleText('required', {}, 'en');
 * // => 'the value is missing but required'
 * ```
 */
export const coreMessages: MessageTable<CoreRule> = {
  required: {
    sv: (p) => `uppgiften saknas men krävs${typeof p.when === 'string' ? ` när ${p.when} anges` : ''}`,
    en: (p) => `the value is missing but required${typeof p.when === 'string' ? ` when ${p.when} is given` : ''}`,
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
          : `måste vara minst ${show(p.minimum)}${given(p, ', fick ')}`,
    en: (p) =>
      p.origin === 'array' || p.origin === 'set'
        ? `must have at least ${show(p.minimum)} ${p.minimum === 1 ? 'item' : 'items'}`
        : p.origin === 'string'
          ? `must have at least ${show(p.minimum)} ${p.minimum === 1 ? 'character' : 'characters'}`
          : `must be at least ${show(p.minimum)}${given(p, ', got ')}`,
  },
  max: {
    sv: (p) =>
      p.origin === 'array' || p.origin === 'set'
        ? `får ha högst ${show(p.maximum)} element`
        : p.origin === 'periods'
          ? `ger fler än ${show(p.maximum)} perioder`
          : p.origin === 'string'
          ? `får ha högst ${show(p.maximum)} tecken`
          : `får vara högst ${show(p.maximum)}${given(p, ', fick ')}`,
    en: (p) =>
      p.origin === 'array' || p.origin === 'set'
        ? `must have at most ${show(p.maximum)} ${p.maximum === 1 ? 'item' : 'items'}`
        : p.origin === 'periods'
          ? `gives more than ${show(p.maximum)} periods`
          : p.origin === 'string'
          ? `must have at most ${show(p.maximum)} ${p.maximum === 1 ? 'character' : 'characters'}`
          : `must be at most ${show(p.maximum)}${given(p, ', got ')}`,
  },
  integer: {
    sv: (p) => `måste vara ett heltal, fick ${show(p.value)}`,
    en: (p) => `must be a whole number, got ${show(p.value)}`,
  },
  format: {
    sv: (p) => `${given(p, '', ' ')}har fel format: väntade ${show(p.format)}`,
    en: (p) => `${given(p, '', ' ')}has the wrong format: expected ${show(p.format)}`,
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
    sv: (p) => `${JSON.stringify(p.value)} finns inte bland koderna för ${fieldName(p.field, 'sv')}: ${orList(p.known, ', ')}`,
    en: (p) => `${JSON.stringify(p.value)} is not one of the codes for ${fieldName(p.field, 'en')}: ${orList(p.known, ', ')}`,
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
    // A birth date comes without its value (otherValue left out): no message repeats one.
    sv: (p) => `datumet ${show(p.value)} ligger före ${dateLabel(p, 'sv')}${p.otherValue === undefined ? '' : ` (${show(p.otherValue)})`}`,
    en: (p) => `the date ${show(p.value)} is before ${dateLabel(p, 'en')}${p.otherValue === undefined ? '' : ` (${show(p.otherValue)})`}`,
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
  duplicate_record: {
    sv: () => 'samma post finns redan i sammanställningen (samma klient, insats och urvalsdatum); den räknas en gång',
    en: () => 'the same record is already in the compilation (same client, intervention and date of selection); it is counted once',
  },
  outside_age_bands: {
    sv: (p) => `åldern ${show(p.age)} år ligger utanför planens åldersgrupper (${show(p.bands)})`,
    en: (p) => `the age ${show(p.age)} is outside the plan's age bands (${show(p.bands)})`,
  },
  overlap: {
    sv: (p) =>
      p.what === 'band'
        ? `intervallet ${show(p.band)} överlappar, kommer före eller följer inte direkt på föregående intervall (${show(p.previous)})`
        : `åldersgruppen ${show(p.band)} överlappar eller kommer före föregående grupp (${show(p.previous)})`,
    en: (p) =>
      p.what === 'band'
        ? `the band ${show(p.band)} overlaps, comes before or does not follow right after the previous band (${show(p.previous)})`
        : `the age band ${show(p.band)} overlaps or comes before the previous band (${show(p.previous)})`,
  },
  outside_bands: {
    sv: (p) => `värdet ${show(p.value)} ligger utanför planens intervall för variabeln (${show(p.bands)})`,
    en: (p) => `the value ${show(p.value)} is outside the plan's bands for the variable (${show(p.bands)})`,
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
    sv: (p) => `steget ${sv(STEPS_SV, p.step)} kan inte göras när ärendet är ${sv(STATES_SV, p.state)}`,
    en: (p) => `the step ${show(p.step)} cannot be taken when the record is ${show(p.state)}`,
  },
  incompatible: {
    sv: (p) => `kan inte slås ihop: ${sv(MERGED_SV, p.what)} skiljer sig åt${differences(p, 'sv')}`,
    en: (p) => `cannot be merged: the ${show(p.what)} differ${differences(p, 'en')}`,
  },
  outside_period: {
    sv: (p) =>
      p.date === 'enrolled'
        ? `urvalsdatumet${given(p, ' ')} ligger utanför uppföljningsperioden${p.from === undefined ? '' : ` ${show(p.from)}–${show(p.to)}`}, och en klient som inte har påbörjat insatsen räknas i perioden för sitt urval`
        : `starten${given(p, ' ')} ligger utanför uppföljningsperioden${p.from === undefined ? '' : ` ${show(p.from)}–${show(p.to)}`}`,
    en: (p) =>
      p.date === 'enrolled'
        ? `the date of selection${given(p, ' ')} is outside the follow-up period${p.from === undefined ? '' : ` ${show(p.from)} to ${show(p.to)}`}, and a client who has not started is counted in the period of their selection`
        : `the start${given(p, ' ')} is outside the follow-up period${p.from === undefined ? '' : ` ${show(p.from)} to ${show(p.to)}`}`,
  },
  empty: {
    sv: () => 'får inte vara tom',
    en: () => 'must not be empty',
  },
  outside_window: {
    sv: (p) =>
      p.status === 'reached'
        ? `datumet ${show(p.value)} ligger utanför fönstret för efteruppföljningen ${JSON.stringify(p.point)} (${show(p.start)}–${show(p.end)})`
        : `datumet ${show(p.value)} ligger före fönstret för efteruppföljningen ${JSON.stringify(p.point)} (${show(p.start)}–${show(p.end)}), så försöket kan inte ha avslutats då`,
    en: (p) =>
      p.status === 'reached'
        ? `the date ${show(p.value)} is outside the window of the follow-up ${JSON.stringify(p.point)} (${show(p.start)}–${show(p.end)})`
        : `the date ${show(p.value)} is before the window of the follow-up ${JSON.stringify(p.point)} opens (${show(p.start)}–${show(p.end)}), so the attempt cannot have ended then`,
  },
  measured_not_reached: {
    sv: (p) => `mätningar (${show(p.ids)}) vid en efteruppföljning där klienten ${p.status === 'declined' ? 'avböjde' : 'inte nåddes'}`,
    en: (p) => `measurements (${show(p.ids)}) at a follow-up where the client ${p.status === 'declined' ? 'declined' : 'was not reached'}`,
  },
  count_sum: {
    sv: (p) => `antalet ${show(p.value)} stämmer inte med summan av ${parts(p.parts)} (${show(p.expected)})`,
    en: (p) => `the count ${show(p.value)} does not match the sum of ${parts(p.parts)} (${show(p.expected)})`,
  },
  moment_bounds: {
    sv: (p) =>
      p.minimum === p.maximum
        ? `summan ${show(p.value)} stämmer inte med fördelningen, som ger ${show(p.minimum)}`
        : `summan ${show(p.value)} är omöjlig med de andra talen i cellen (den ligger mellan ${show(p.minimum)} och ${show(p.maximum)})`,
    en: (p) =>
      p.minimum === p.maximum
        ? `the sum ${show(p.value)} does not match the distribution, which gives ${show(p.minimum)}`
        : `the sum ${show(p.value)} is impossible with the cell's other numbers (it lies between ${show(p.minimum)} and ${show(p.maximum)})`,
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
