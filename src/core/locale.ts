/**
 * A language for text shown to people. Swedish is the default everywhere;
 * English is given on request.
 *
 * @example
 * ```ts
 * const locale: Locale = 'en';
 * ```
 */
export type Locale = 'sv' | 'en';

/**
 * A label in both of the library's languages.
 *
 * @example
 * ```ts
 * const label: Label = { sv: 'Ingen förändring', en: 'No change' };
 * ```
 */
export interface Label {
  readonly sv: string;
  readonly en: string;
}
