import type { Locale } from '../core/locale.js';
import { issue, type Issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { localeIssues, typeName, valueTextByType } from '../core/args.js';

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
  checkFormatArgs(value, locale, digits);
  return nf(locale, digits).format(value);
}

/** Throws UppfoljningError unless the value is a finite number, the locale sv/en and digits a whole number 0–20. */
function checkFormatArgs(value: unknown, locale: unknown, digits: unknown): void {
  const issues: Issue[] = [];
  if (typeof value !== 'number') issues.push(issue(['value'], 'type', { expected: 'number', received: typeName(value) }));
  else if (!Number.isFinite(value)) issues.push(issue(['value'], 'finite', { value: String(value) }));
  issues.push(...localeIssues(locale, ['locale']));
  if (typeof digits !== 'number' || !Number.isInteger(digits)) issues.push(issue(['digits'], 'integer', { value: valueTextByType(digits) }));
  else if (digits < 0 || digits > 20) issues.push(issue(['digits'], digits < 0 ? 'min' : 'max', digits < 0 ? { minimum: 0, origin: 'number' } : { maximum: 20, origin: 'number' }));
  if (issues.length > 0) throw new UppfoljningError(issues);
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
  checkFormatArgs(share, locale, 0);
  const whole = nf(locale, 0).format(Math.round(share * 100));
  return locale === 'sv' ? `${whole}\u00a0%` : `${whole}%`;
}
