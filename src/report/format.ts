import type { Locale } from '../core/locale.js';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    cache.set(key, f);
  }
  return f;
}

/**
 * Writes a number the way readers of the locale expect: in Swedish with a
 * decimal comma, a space between thousands and a true minus sign
 * (`Intl.NumberFormat('sv-SE')`); in English with a decimal point.
 *
 * @param value - the number
 * @param locale - `sv` (default) or `en`
 * @param digits - the most decimals shown (default 1)
 * @returns the text
 *
 * @example
 * ```ts
 * formatNumber(2.25, 'sv', 2);
 * // => '2,25'
 * ```
 */
export function formatNumber(value: number, locale: Locale = 'sv', digits = 1): string {
  return nf(locale, digits).format(value);
}

/**
 * Writes a share as a whole percentage: `72 %` in Swedish (with a no-break
 * space, as Swedish typography has it), `72%` in English.
 *
 * @param share - a share between 0 and 1
 * @param locale - `sv` (default) or `en`
 * @returns the text
 *
 * @see https://www.sprakradet.se/ Språkrådet's guidance: a space before the per cent sign
 *
 * @example
 * ```ts
 * formatPercent(0.7234);
 * // => '72\u00a0%' (a no-break space before the sign)
 * formatPercent(0.7234, 'en');
 * // => '72%'
 * ```
 */
export function formatPercent(share: number, locale: Locale = 'sv'): string {
  const whole = nf(locale, 0).format(Math.round(share * 100));
  return locale === 'sv' ? `${whole}\u00a0%` : `${whole}%`;
}
