import type { z } from 'zod';
import type { LabelSchema } from './schemas.js';

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
 * A label in both of the library's languages: `sv` and `en`, each a non-empty
 * text. The type of what {@link LabelSchema} accepts, read-only.
 *
 * @example
 * ```ts
 * const label: Label = { sv: 'Ingen förändring', en: 'No change' };
 * ```
 */
export type Label = Readonly<z.output<typeof LabelSchema>>;
