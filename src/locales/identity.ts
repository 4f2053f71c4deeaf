import type { IdentityRule } from '../core/codes.js';
import type { MessageTable } from './table.js';

const part = (p: unknown, sv: boolean): string => {
  if (p === 'month') return sv ? 'månaden' : 'the month';
  if (p === 'day') return sv ? 'dagen' : 'the day';
  return sv ? 'datumet' : 'the date';
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
};
