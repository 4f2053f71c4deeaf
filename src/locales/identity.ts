import type { IdentityRule } from '../core/codes.js';
import type { MessageTable } from './table.js';

const part = (p: unknown, sv: boolean): string => {
  if (p === 'month') return sv ? 'månaden' : 'the month';
  if (p === 'day') return sv ? 'dagen' : 'the day';
  return sv ? 'datumet' : 'the date';
};

const weakness = (reason: unknown, sv: boolean): string => {
  if (reason === 'repeated') return sv ? 'den är samma byte upprepad' : 'it is one byte repeated';
  if (reason === 'sequence') return sv ? 'den är en jämn talföljd (som 00 01 02 …)' : 'it is an even run of bytes (such as 00 01 02 …)';
  return sv ? 'den har för få olika byte (under 128 bitar enligt regeln i dokumentationen)' : 'it has too few different bytes (under 128 bits by the documented rule)';
};

/**
 * Swedish and English texts for every {@link IdentityRule}. None of them
 * echoes the identity number.
 *
 * @example
 * ```ts
 * identityMessages.identity_length.en({ digits: 11 });
 * // => 'has 11 digits; a personal identity or coordination number has 10 or 12'
 * ```
 */
export const identityMessages: MessageTable<IdentityRule> = {
  identity_format: {
    sv: () =>
      'har fel format: väntade ÅÅMMDD-NNNN, ÅÅMMDD+NNNN, ÅÅÅÅMMDD-NNNN eller samma siffror utan skiljetecken',
    en: () => 'has the wrong format: expected YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN or the same digits without a separator',
  },
  identity_length: {
    sv: (p) => `har ${String(p.digits)} siffror; ett person- eller samordningsnummer har 10 eller 12`,
    en: (p) => `has ${String(p.digits)} digits; a personal identity or coordination number has 10 or 12`,
  },
  identity_date: {
    sv: (p) => `födelsetiden är inget giltigt datum (${part(p.part, true)} finns inte)`,
    en: (p) => `the date of birth is not a valid date (${part(p.part, false)} does not exist)`,
  },
  identity_birth_number: {
    sv: () => 'födelsenumret (de tre siffrorna efter födelsedatumet) är 000; det går från 001 till 999',
    en: () => 'the birth number (the three digits after the date of birth) is 000; it runs from 001 to 999',
  },
  identity_check_digit: {
    sv: () => 'kontrollsiffran stämmer inte (fel i någon siffra?)',
    en: () => 'the check digit does not match (a mistyped digit?)',
  },
  identity_century: {
    sv: (p) => `århundradet ${String(p.century)} är inte 18, 19 eller 20`,
    en: (p) => `the century ${String(p.century)} is not 18, 19 or 20`,
  },
  identity_separator: {
    sv: () => 'plustecknet (100 år eller äldre) stämmer inte med födelseåret',
    en: () => 'the plus sign (aged 100 or more) does not match the year of birth',
  },
  identity_future: {
    sv: (p) => `födelsetiden ligger efter referensdatumet ${String(p.referenceDate)}`,
    en: (p) => `the date of birth is after the reference date ${String(p.referenceDate)}`,
  },
  identity_key: {
    sv: (p) => `pseudonymnyckeln är för kort: minst ${String(p.minimum)} byte behövs, fick ${String(p.bytes)}`,
    en: (p) => `the pseudonym key is too short: at least ${String(p.minimum)} bytes needed, got ${String(p.bytes)}`,
  },
  identity_key_weak: {
    sv: (p) => `pseudonymnyckeln skyddar inget: ${weakness(p.reason, true)}; använd ${String(p.minimum)} slumpmässiga byte (t.ex. openssl rand -hex 32)`,
    en: (p) => `the pseudonym key protects nothing: ${weakness(p.reason, false)}; use ${String(p.minimum)} random bytes (e.g. openssl rand -hex 32)`,
  },
  identity_birth_date_unknown: {
    sv: () => 'födelsedatumet är okänt i samordningsnumret (månad 00 eller dag 60), så åldern kan inte räknas ut; ange åldern i en egen kolumn',
    en: () => 'the coordination number does not give the date of birth (month 00 or day 60), so the age cannot be worked out; give the age in a column of its own',
  },
};
