import { issue, type Issue } from '../core/issue.js';
import type { Label } from '../core/locale.js';
import { UppfoljningError } from '../core/error.js';
import { completedYears, utcDate } from '../core/dates.js';
import { isRecord, kindOf, numberIssues, optionsIssues, throwIfAny, valueText } from '../core/args.js';

const LEAP_DAY_RULES = ['feb28', 'mar1'];

/**
 * Options for {@link ageInCompletedYears}.
 *
 * @example
 * ```ts
 * const options: AgeOptions = { leapDayBirthday: 'mar1' };
 * ageInCompletedYears('2004-02-29', '2022-02-28', options);
 * // => 17 (18 with the default, Swedish 'feb28')
 * ```
 */
export interface AgeOptions {
  /**
   * When a person born on 29 February turns a year older in a common year:
   * `'feb28'` (default) follows Swedish law on computing time in years
   * (lag (1930:173) om beräkning av lagstadgad tid, 1 §: when the end month
   * has no day with the start day's number, its last day is the end day);
   * `'mar1'` is the rule of, e.g., England and Wales and New Zealand.
   */
  readonly leapDayBirthday?: 'feb28' | 'mar1';
}

/**
 * Age in completed years (*fyllda år*) at a reference date, from two ISO
 * calendar dates, with date-fns on UTC dates (core/dates.ts), so the answer is
 * the same in every time zone. A person is a year
 * older on the birthday itself; someone born on 29 February is a year older on
 * 28 February in common years (Swedish rule, see {@link AgeOptions}).
 *
 * @param birthDate - date of birth, `YYYY-MM-DD`
 * @param referenceDate - the date the age is wanted at, `YYYY-MM-DD`
 * @param options - the leap-day rule
 * @returns the age in whole years (0 or more)
 * @throws UppfoljningError `calendar_date` when a date is not a calendar date,
 *   `date_order` when the reference date is before the birth date
 * @see https://lagen.nu/1930:173 (lag (1930:173) om beräkning av lagstadgad tid, 1 §)
 *
 * @example
 * ```ts
 * ageInCompletedYears('2004-02-29', '2022-02-27'); // => 17
 * ageInCompletedYears('2004-02-29', '2022-02-28'); // => 18
 * ageInCompletedYears('2004-02-29', '2022-02-28', { leapDayBirthday: 'mar1' }); // => 17
 * ```
 */
export function ageInCompletedYears(birthDate: string, referenceDate: string, options: AgeOptions = {}): number {
  const b = utcDate(birthDate);
  const r = utcDate(referenceDate);
  const issues: Issue[] = [];
  if (!b) issues.push(birthDate === undefined ? issue(['birthDate'], 'required') : issue(['birthDate'], 'calendar_date', { value: valueText(birthDate) }));
  if (!r) issues.push(referenceDate === undefined ? issue(['referenceDate'], 'required') : issue(['referenceDate'], 'calendar_date', { value: valueText(referenceDate) }));
  issues.push(...optionsIssues(options));
  const rule: unknown = isRecord(options) ? options.leapDayBirthday : undefined;
  if (rule !== undefined && !LEAP_DAY_RULES.includes(rule as string)) {
    issues.push(issue(['options', 'leapDayBirthday'], 'one_of', { values: LEAP_DAY_RULES, value: valueText(rule) }));
  }
  if (!b || !r || issues.length > 0) throw new UppfoljningError(issues);
  if (referenceDate < birthDate) {
    throw new UppfoljningError([
      // The birth date is left out: no message repeats one.
      issue(['referenceDate'], 'date_order', { value: referenceDate, other: 'birthDate', otherLabel: 'date_of_birth' }),
    ]);
  }
  return completedYears(birthDate, referenceDate, options.leapDayBirthday === 'mar1' ? 'mar1' : 'feb28');
}

/**
 * An age band (*åldersgrupp*) as the identity module reads it: ages `from`
 * to `to` inclusive in completed years, open-ended when `to` is left out.
 * The plan's `AgeBandSchema` produces values of this shape.
 *
 * @example
 * ```ts
 * const band: AgeBandBounds = { from: 21, label: { sv: '21 år och äldre', en: '21 and over' } };
 * ```
 */
export interface AgeBandBounds {
  /** The lowest age in the band, in completed years. */
  readonly from: number;
  /** The highest age in the band (inclusive); left out for an open band such as 65+. */
  readonly to?: number | undefined;
  /** The band's name in Swedish and English. */
  readonly label?: Label | undefined;
}

/**
 * The index of the band an age falls in, or `-1` if it falls in none. Bands
 * are searched in order; the first that contains the age wins.
 *
 * @param age - age in completed years
 * @param bands - the bands
 * @returns the index into `bands`, or -1 (also for NaN or an infinite age)
 * @throws UppfoljningError when the age is not a number or a band has no numeric `from` (or a non-numeric `to`)
 *
 * @example
 * ```ts
 * ageBandOf(17, REACTUALISATION_AGE_BANDS); // => 1 (13–20)
 * ageBandOf(5, [{ from: 18 }]); // => -1
 * ```
 */
export function ageBandOf(age: number, bands: readonly AgeBandBounds[]): number {
  throwIfAny([...(typeof age === 'number' ? [] : numberIssues(age, ['age'])), ...bandsIssues(bands)]);
  if (!Number.isFinite(age)) return -1;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i];
    if (band && age >= band.from && (band.to === undefined || age <= band.to)) return i;
  }
  return -1;
}

function bandsIssues(bands: unknown): Issue[] {
  if (!Array.isArray(bands)) return bands === undefined ? [issue(['bands'], 'required')] : [issue(['bands'], 'type', { expected: 'array', received: kindOf(bands) })];
  return bands.flatMap((b: unknown, i): Issue[] => {
    if (!isRecord(b)) return [issue(['bands', i], 'type', { expected: 'object', received: kindOf(b) })];
    return [...numberIssues(b.from, ['bands', i, 'from']), ...(b.to === undefined ? [] : numberIssues(b.to, ['bands', i, 'to']))];
  });
}

const band = (from: number, to: number | undefined, sv: string, en: string): AgeBandBounds =>
  to === undefined ? { from, label: { sv, en } } : { from, to, label: { sv, en } };

/**
 * Children 0–12, youth 13–20 and adults 21+: the groups of the national
 * indicators on re-actualisation (*återaktualisering*) one year after a
 * closed case in Kolada / Öppna jämförelser (e.g. "barn 0–12 år",
 * "ungdomar 13–20 år", "vuxna 21+ med missbruk"), and Socialstyrelsen's
 * definition of adults with substance misuse as aged 21 or more.
 *
 * @see https://www.kolada.se (indicators on re-actualisation within IFO)
 * @see https://www.socialstyrelsen.se/statistik-och-data/statistik/alla-statistikamnen/vuxna-personer-med-missbruk-och-beroende/
 *
 * @example
 * ```ts
 * REACTUALISATION_AGE_BANDS.map((b) => b.label?.sv);
 * // => ['0–12 år', '13–20 år', '21 år och äldre']
 * ```
 */
export const REACTUALISATION_AGE_BANDS: readonly AgeBandBounds[] = [
  band(0, 12, '0–12 år', '0–12 years'),
  band(13, 20, '13–20 år', '13–20 years'),
  band(21, undefined, '21 år och äldre', '21 and over'),
];

/**
 * Adults in about ten-year bands: 18–24, 25–34, 35–44, 45–54, 55–64 and 65+.
 * The breakdown the issue asks for, modelled on the adult age groups common
 * in SCB's survey tables; wide enough that small units keep cells above the
 * small-cell threshold more often than with five-year bands.
 *
 * @see https://www.statistikdatabasen.scb.se (SCB's tables by age group)
 *
 * @example
 * ```ts
 * ageBandOf(24, ADULT_AGE_BANDS); // => 0
 * ageBandOf(70, ADULT_AGE_BANDS); // => 5
 * ```
 */
export const ADULT_AGE_BANDS: readonly AgeBandBounds[] = [
  band(18, 24, '18–24 år', '18–24 years'),
  band(25, 34, '25–34 år', '25–34 years'),
  band(35, 44, '35–44 år', '35–44 years'),
  band(45, 54, '45–54 år', '45–54 years'),
  band(55, 64, '55–64 år', '55–64 years'),
  band(65, undefined, '65 år och äldre', '65 and over'),
];

/**
 * Adults with substance misuse as Socialstyrelsen's official statistics count
 * them (21 and over for voluntary interventions), split 21–24, 25–34, …, 65+
 * so that the youngest band starts at the group's lower age limit.
 *
 * @see https://www.socialstyrelsen.se/statistik-och-data/statistik/alla-statistikamnen/vuxna-personer-med-missbruk-och-beroende/
 *
 * @example
 * ```ts
 * ageBandOf(20, SUBSTANCE_MISUSE_AGE_BANDS); // => -1 (under 21)
 * ageBandOf(21, SUBSTANCE_MISUSE_AGE_BANDS); // => 0
 * ```
 */
export const SUBSTANCE_MISUSE_AGE_BANDS: readonly AgeBandBounds[] = [
  band(21, 24, '21–24 år', '21–24 years'),
  ...ADULT_AGE_BANDS.slice(1),
];
