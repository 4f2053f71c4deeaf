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

/** `n` followed by its word: `counted(1, 'row', 'sv')` is "1 rad", `counted(2, 'row', 'sv')` "2 rader". */
export function counted(n: number, word: CountWord, locale: Locale): string {
  return `${n} ${countWord(n, word, locale)}`;
}
