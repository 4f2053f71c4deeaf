import { issue, type Issue, type PathSegment } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import { daysInMonth, isoDateParts } from '../core/dates.js';
import { isRecord, kindOf, pathIssues, throwIfAny, typeIssues, valueText } from '../core/args.js';

/** @internal The options of the identity functions: an object with a calendar `referenceDate`. */
export function referenceDateIssues(options: unknown): Issue[] {
  if (!isRecord(options)) return typeIssues(options, 'object', ['options']);
  if (isoDateParts(options.referenceDate)) return [];
  if (options.referenceDate === undefined) return [issue(['options', 'referenceDate'], 'required')];
  return [issue(['options', 'referenceDate'], 'calendar_date', { value: valueText(options.referenceDate) })];
}

/**
 * A parsed personal identity number (*personnummer*) or coordination number
 * (*samordningsnummer*), as plain JSON. An output type (the input is a
 * string), so it is an interface rather than a schema.
 *
 * @example
 * ```ts
 * const id: IdentityNumber = {
 *   kind: 'personnummer', birthDate: '2018-01-01', birthYear: 2018,
 *   legalGender: 'man', normalized: '20180101-2392',
 * };
 * ```
 */
export interface IdentityNumber {
  /** `samordningsnummer` when the day of birth has 60 added (Folkbokföringslagen 18 a §). */
  readonly kind: 'personnummer' | 'samordningsnummer';
  /**
   * The date of birth written in the number, `YYYY-MM-DD`; `null` only for a
   * coordination number whose month (`00`) or day (`60`) is unknown. Since
   * 2009 Skatteverket may write a nearby day when a date runs out of birth
   * numbers (18 § FOL), so this is the date *in the number*.
   */
  readonly birthDate: string | null;
  /** The year of birth, with the century resolved. */
  readonly birthYear: number;
  /** `kvinna` when the second-to-last digit is even, `man` when odd (18 § FOL). */
  readonly legalGender: 'kvinna' | 'man';
  /**
   * The canonical form `YYYYMMDD-NNNN`: the 12 digits Skatteverket stores,
   * with a hyphen; a coordination number keeps its day + 60. Every accepted
   * form of one number normalises to the same string.
   */
  readonly normalized: string;
}

/**
 * Options for {@link validateIdentityNumber} and {@link parseIdentityNumber}.
 *
 * @example
 * ```ts
 * const options: IdentityNumberOptions = { referenceDate: '2019-01-07', path: ['clients', 0, 'identity'] };
 * validateIdentityNumber('180101-2393', options);
 * // => { success: false, issues: [{ path: ['clients', 0, 'identity'], rule: 'identity_check_digit', params: {} }] }
 * ```
 */
export interface IdentityNumberOptions {
  /**
   * The date the number is read at, `YYYY-MM-DD` (e.g. the start of the
   * intervention). A 10-digit number has no century: it is resolved against
   * this date, and `+` means the person turns 100 or more in this date's year.
   */
  readonly referenceDate: string;
  /** Where the number sits in the caller's input, prefixed to every issue's path. */
  readonly path?: readonly PathSegment[];
}

/**
 * @internal The shape of a personal identity or coordination number in the
 * forms case systems hold (10 or 12 digits, `-`, `+` or nothing before the
 * last four), with the date digits, the separator and the last four as
 * groups: the one definition that the record schema refuses as a client id
 * and the JSON Schema for host forms writes as a pattern.
 */
export const IDENTITY_NUMBER_SHAPE = /^(\d{6}|\d{8})([-+]?)(\d{4})$/;

/**
 * The Luhn (modulus 10, weights 2-1-2-1…) check over the last 10 digits,
 * as Skatteverket computes the check digit.
 */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let v = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Reads a personal identity number or coordination number in any form case
 * systems hold, without throwing: 10 or 12 digits, with or without `-`, or
 * `+` for a person who turns 100 or more in the reference date's year
 * (Folkbokföringslagen 18 §: the hyphen "byts mot ett plustecken det år en
 * person fyller 100 år"). Checks the Luhn check digit, the date (and that it
 * is not after the reference date), and derives the birth date (a
 * coordination number's day has 60 added) and legal gender. Surrounding
 * white space is ignored.
 *
 * Century of a 10-digit number: with `-` or no separator the birth year is
 * the one year in `[refYear − 99, refYear]` that ends in the two digits; with
 * `+` it is the one in `[refYear − 199, refYear − 100]`. This is calendar
 * arithmetic on integers, the same in every time zone.
 *
 * Issues (rules in `identity/rules.ts`) never repeat the number: they say
 * which part is wrong (`identity_format`, `identity_length`,
 * `identity_date`, `identity_birth_number` (the three digits after the date
 * are `000`: birth numbers run 001–999), `identity_check_digit`, `identity_century`,
 * `identity_separator`, `identity_future`); a bad reference date gives
 * `calendar_date` at `options.referenceDate`, a non-string number `type`.
 *
 * @param input - the number as held by the host system
 * @param options - the reference date and an optional issue path
 * @returns the parsed number, or every issue found
 * @see https://www4.skatteverket.se/rattsligvagledning/edition/2021.18/330242.html (Skatteverket: personnummer, check digit)
 * @see https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/folkbokforingslag-1991481_sfs-1991-481/ (18 §, 18 a §)
 *
 * @example
 * ```ts
 * validateIdentityNumber('180101-2392', { referenceDate: '2026-11-23' });
 * // => { success: true, data: { kind: 'personnummer', birthDate: '2018-01-01', birthYear: 2018, legalGender: 'man', normalized: '20180101-2392' } }
 * validateIdentityNumber('180101-2393', { referenceDate: '2026-11-23' }).success;
 * // => false (identity_check_digit)
 * ```
 */
export function validateIdentityNumber(input: unknown, options: IdentityNumberOptions): Result<IdentityNumber> {
  const optionIssues = referenceDateIssues(options);
  if (optionIssues.length === 0 && options.path !== undefined) optionIssues.push(...pathIssues(options.path, ['options', 'path']));
  if (optionIssues.length > 0) return fail(optionIssues);
  const path = options.path ?? [];
  const ref = isoDateParts(options.referenceDate)!;
  if (typeof input !== 'string') {
    return fail([input === undefined ? issue(path, 'required') : issue(path, 'type', { expected: 'string', received: kindOf(input) })]);
  }
  const text = input.trim();
  const match = IDENTITY_NUMBER_SHAPE.exec(text);
  if (!match) {
    if (/[^\d+-]/.test(text) || text === '') return fail([issue(path, 'identity_format')]);
    const digits = text.replace(/\D/g, '').length;
    if (digits !== 10 && digits !== 12) return fail([issue(path, 'identity_length', { digits })]);
    return fail([issue(path, 'identity_format')]);
  }
  const datePart = match[1] ?? '';
  const separator = match[2] ?? '';
  const last4 = match[3] ?? '';
  const issues: Issue[] = [];
  const ten = datePart.slice(-6) + last4;

  // Year, with the century resolved.
  let year: number;
  if (datePart.length === 8) {
    year = Number(datePart.slice(0, 4));
    const century = Math.floor(year / 100);
    if (century < 18 || century > 20) issues.push(issue(path, 'identity_century', { century }));
    if (separator === '+' && ref.y - year < 100) issues.push(issue(path, 'identity_separator'));
  } else {
    const yy = Number(datePart.slice(0, 2));
    const top = separator === '+' ? ref.y - 100 : ref.y;
    year = top - ((((top - yy) % 100) + 100) % 100);
  }

  // Month and day; a coordination number has 60 added to the day, and may
  // carry 00 as month or 60 as day when that part of the birth date is unknown.
  const month = Number(datePart.slice(-4, -2));
  const dayField = Number(datePart.slice(-2));
  const coordination = dayField >= 60;
  const day = coordination ? dayField - 60 : dayField;
  const monthKnown = month !== 0 || !coordination;
  const dayKnown = day !== 0 || !coordination;
  if (month > 12 || (month === 0 && !coordination)) issues.push(issue(path, 'identity_date', { part: 'month' }));
  else if (day > (month === 0 ? 31 : daysInMonth(year, month)) || (day === 0 && !coordination)) {
    issues.push(issue(path, 'identity_date', { part: 'day' }));
  }

  // The birth number (the three digits after the date) runs 001–999 (18 § FOL).
  if (last4.startsWith('000')) issues.push(issue(path, 'identity_birth_number'));
  if (!luhnValid(ten)) issues.push(issue(path, 'identity_check_digit'));
  if (issues.length > 0) return fail(issues);

  const birthDate = monthKnown && dayKnown ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : null;
  const refIso = `${pad(ref.y, 4)}-${pad(ref.m, 2)}-${pad(ref.d, 2)}`;
  const future = birthDate === null ? year > ref.y : birthDate > refIso;
  if (future) return fail([issue(path, 'identity_future', { referenceDate: refIso })]);

  const genderDigit = ten.charCodeAt(8) - 48;
  return ok({
    kind: coordination ? 'samordningsnummer' : 'personnummer',
    birthDate,
    birthYear: year,
    legalGender: genderDigit % 2 === 0 ? 'kvinna' : 'man',
    normalized: `${pad(year, 4)}${datePart.slice(-4)}-${last4}`,
  });
}

/**
 * Reads a personal identity number or coordination number, and throws if it
 * is not valid. The throwing twin of {@link validateIdentityNumber}, with the
 * same rules.
 *
 * @param input - the number as held by the host system
 * @param options - the reference date and an optional issue path
 * @returns the parsed number
 * @throws UppfoljningError with the issues found (never the number itself)
 *
 * @example
 * ```ts
 * parseIdentityNumber('080229+9800', { referenceDate: '2026-11-23' }).birthDate;
 * // => '1908-02-29'
 * ```
 */
export function parseIdentityNumber(input: unknown, options: IdentityNumberOptions): IdentityNumber {
  return unwrap(validateIdentityNumber(input, options));
}

/**
 * @internal What is wrong with a parsed identity given back to the library
 * (to {@link shortForm} or a pseudonymiser): it must be an object whose
 * `normalized` is `YYYYMMDD-NNNN` and a valid number in itself — check digit,
 * date and birth number as {@link validateIdentityNumber} checks them — so a
 * hand-made `{ normalized: '20180101-2393' }` is not taken for a number.
 */
export function identityArgIssues(identity: unknown, referenceDate: string, path: readonly PathSegment[]): Issue[] {
  if (!isRecord(identity)) {
    return identity === undefined ? [issue(path, 'required')] : [issue(path, 'type', { expected: 'string | object', received: kindOf(identity) })];
  }
  const normalized = identity.normalized;
  const at = [...path, 'normalized'];
  if (normalized === undefined) return [issue(at, 'required')];
  if (typeof normalized !== 'string' || !/^\d{8}-\d{4}$/.test(normalized)) return [issue(at, 'format', { format: 'YYYYMMDD-NNNN' })];
  const checked = validateIdentityNumber(normalized, { referenceDate, path: at });
  return checked.success ? [] : [...checked.issues];
}

/**
 * Options for {@link shortForm}.
 *
 * @example
 * ```ts
 * const options: ShortFormOptions = { referenceDate: '2026-11-23' };
 * shortForm('19080229-9800', options);
 * // => '080229+9800'
 * ```
 */
export interface ShortFormOptions {
  /** The date the number is shown at, `YYYY-MM-DD`: `+` from the year the person turns 100. */
  readonly referenceDate: string;
}

/**
 * The 10-digit form of an identity number, `YYMMDD-NNNN`, or `YYMMDD+NNNN`
 * from the year the person turns 100 (Folkbokföringslagen 18 §: the hyphen
 * "byts mot ett plustecken det år en person fyller 100 år"), for showing a
 * number to a case worker. A coordination number keeps its day + 60. Reading
 * the short form back with {@link validateIdentityNumber} at the same
 * reference date gives the same number. Never put it in a compilation or a
 * report: use a pseudonym there.
 *
 * @param identity - the number in any accepted form, or one parsed by {@link validateIdentityNumber}
 * @param options - the reference date
 * @returns the short form
 * @throws UppfoljningError when the number (or a parsed one's `normalized`) is not a valid number at the reference date,
 *   or the reference date is not a calendar date; the issues never repeat the number
 *
 * @example
 * ```ts
 * shortForm('20180101-2392', { referenceDate: '2026-11-23' });
 * // => '180101-2392'
 * shortForm(parseIdentityNumber('191401682396', { referenceDate: '2026-11-23' }), { referenceDate: '2026-11-23' });
 * // => '140168+2396'
 * ```
 */
export function shortForm(identity: string | IdentityNumber, options: ShortFormOptions): string {
  throwIfAny(referenceDateIssues(options));
  const { referenceDate } = options;
  if (typeof identity !== 'string') throwIfAny(identityArgIssues(identity, referenceDate, ['identity']));
  const normalized =
    typeof identity === 'string' ? parseIdentityNumber(identity, { referenceDate, path: ['identity'] }).normalized : identity.normalized;
  const birthYear = Number(normalized.slice(0, 4));
  const referenceYear = isoDateParts(referenceDate)!.y;
  return `${normalized.slice(2, 8)}${referenceYear - birthYear >= 100 ? '+' : '-'}${normalized.slice(9)}`;
}
