import { z } from 'zod';

/**
 * A code: a short, stable identifier for a category, an instrument or a plan
 * (lower case letters, digits, `-` and `_`, starting with a letter or digit).
 *
 * @example
 * ```ts
 * CodeSchema.parse('f-cra');
 * // => 'f-cra'
 * ```
 */
export const CodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'a-z 0-9 - _' });

/**
 * A label in Swedish and English.
 *
 * @example
 * ```ts
 * LabelSchema.parse({ sv: 'Kvinna', en: 'Woman' });
 * // => { sv: 'Kvinna', en: 'Woman' }
 * ```
 */
export const LabelSchema = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

/**
 * A calendar date as an ISO string `YYYY-MM-DD`. Impossible dates such as
 * `2021-02-30` are rejected. Dates are never `Date` objects in data.
 *
 * @example
 * ```ts
 * IsoDateSchema.parse('2024-02-29');
 * // => '2024-02-29'
 * ```
 */
export const IsoDateSchema = z.iso.date();

/**
 * A coded category with a label: an intervention, a gender category, a main
 * problem, a goal area or a background option.
 *
 * @example
 * ```ts
 * CategorySchema.parse({ code: 'kvinna', label: { sv: 'Kvinna', en: 'Woman' } });
 * ```
 */
export const CategorySchema = z.object({ code: CodeSchema, label: LabelSchema }).strict();

/**
 * A coded category with a label.
 *
 * @example
 * ```ts
 * const woman: Category = { code: 'kvinna', label: { sv: 'Kvinna', en: 'Woman' } };
 * CategorySchema.safeParse(woman).success;
 * // => true
 * ```
 */
export type Category = z.infer<typeof CategorySchema>;

/**
 * A calendar date `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * const start: IsoDate = '2019-01-14';
 * addDaysIso(start, 7);
 * // => '2019-01-21'
 * ```
 */
export type IsoDate = string;
