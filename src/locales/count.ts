import type { Locale } from '../core/locale.js';

/**
 * The words the command line and the reports put after a number, in the
 * singular and the plural: "1 rad", "0 rader", "2 rader". One table, so that
 * no message writes a plural by hand and gets "1 rader".
 * Not exported by the locales' index: the CLI and the report modules read it.
 */
const WORDS = {
  row: { sv: ['rad', 'rader'], en: ['row', 'rows'] },
  valid: { sv: ['giltig', 'giltiga'], en: ['valid', 'valid'] },
  client: { sv: ['klient', 'klienter'], en: ['client', 'clients'] },
  compilation: { sv: ['sammanställning', 'sammanställningar'], en: ['compilation', 'compilations'] },
  rowWithProblems: { sv: ['rad med fel', 'rader med fel'], en: ['row with problems', 'rows with problems'] },
  statement: { sv: ['påstående', 'påståenden'], en: ['statement', 'statements'] },
} as const satisfies Record<string, Record<Locale, readonly [string, string]>>;

/** A word of the table above. */
export type CountWord = keyof typeof WORDS;

/** The word for `n` things: the singular for 1 (and −1), the plural otherwise, in both languages. */
export function countWord(n: number, word: CountWord, locale: Locale): string {
  const [one, many] = WORDS[word][locale === 'en' ? 'en' : 'sv'];
  return Math.abs(n) === 1 ? one : many;
}

const COUNT_FORMATS = {
  sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
} as const;

/**
 * A count as the report's tables write it, for every sentence that prints
 * one: "200 000" in Swedish (a no-break space between thousands, as
 * `Intl.NumberFormat('sv-SE')` writes it), "200,000" in English, "39" in
 * both. The tables' count cells are written by this function too, so a
 * sentence and a table can never print the same count differently.
 */
export function countText(n: number, locale: Locale): string {
  return COUNT_FORMATS[locale === 'en' ? 'en' : 'sv'].format(n);
}

/** `n` followed by its word: `counted(1, 'row', 'sv')` is "1 rad", `counted(2, 'row', 'sv')` "2 rader" (the digits as they are, as the command line prints them; a report writes {@link countedText}). */
export function counted(n: number, word: CountWord, locale: Locale): string {
  return `${n} ${countWord(n, word, locale)}`;
}

/** `n` as the report's tables write it, followed by its word: `countedText(2000, 'row', 'sv')` is "2 000 rader". */
export function countedText(n: number, word: CountWord, locale: Locale): string {
  return `${countText(n, locale)} ${countWord(n, word, locale)}`;
}
