import { z } from 'zod';
import { parseArg } from '../core/args.js';
import { CodeSchema, LabelSchema } from '../core/schemas.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';

const NormSchema = z.object({ mean: z.number(), sd: z.number().positive() }).strict();

/**
 * The definition of a measurement instrument (*bedömningsinstrument* or
 * *skattningsskala*): how a client's situation is measured, the same way
 * before and after an intervention.
 *
 * - `kind`: `ordinal` (ordered steps, e.g. a smiley scale), `interval`
 *   (differences mean the same everywhere, e.g. a sum score), or `binary`
 *   (0/1, e.g. a urine test).
 * - `range`: the smallest and largest value and the `step` between values
 *   (default 1). Every value must lie on this grid. Compilation counts values
 *   per grid point, which makes medians and quartiles exact and mergeable.
 * - `direction`: whether a higher value is better (`higher_is_better`) or worse.
 * - `minimalImportantChange`: the smallest change that counts as a change on
 *   the goal-attainment scale (default: one step).
 * - `reliability` and `norms`: for the Jacobson–Truax reliable change index and
 *   clinical cut-offs, where the instrument has published values.
 * - `levels`: labels for the values of an ordinal or binary scale.
 *
 * @example
 * ```ts
 * InstrumentSchema.parse({
 *   id: 'sleep-quality',
 *   label: { sv: 'Sömnkvalitet', en: 'Sleep quality' },
 *   kind: 'ordinal',
 *   range: { min: 1, max: 5 },
 *   direction: 'higher_is_better',
 * }).range.step;
 * // => 1
 * ```
 */
export const InstrumentSchema = z
  .object({
    id: CodeSchema,
    label: LabelSchema,
    description: LabelSchema.optional(),
    kind: z.enum(['ordinal', 'interval', 'binary']),
    range: z
      .object({
        min: z.number(),
        max: z.number(),
        step: z.number().positive().default(1),
      })
      .strict(),
    direction: z.enum(['higher_is_better', 'lower_is_better']),
    minimalImportantChange: z.number().positive().optional(),
    reliability: z.number().gt(0).lt(1).optional(),
    norms: z.object({ clinical: NormSchema, functional: NormSchema.optional() }).strict().optional(),
    levels: z.array(z.object({ value: z.number(), label: LabelSchema }).strict()).optional(),
    source: z.string().optional(),
  })
  .strict()
  .superRefine((instrument, ctx) => {
    const { min, max, step } = instrument.range;
    if (!(max > min)) {
      ctx.addIssue({ code: 'custom', path: ['range', 'max'], params: { rule: 'min', minimum: min, origin: 'number' } });
      return;
    }
    const steps = (max - min) / step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['range', 'max'], params: { rule: 'not_on_scale', value: max, min, step } });
    }
    if (instrument.kind === 'binary' && (min !== 0 || max !== 1 || step !== 1)) {
      ctx.addIssue({ code: 'custom', path: ['range'], params: { rule: 'one_of', values: ['0–1'], value: `${min}–${max}` } });
    }
    instrument.levels?.forEach((level, i) => {
      const problem = valueProblem(instrument.range, level.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['levels', i, 'value'], params: problem });
    });
  });

/**
 * A measurement instrument, as defined by {@link InstrumentSchema}.
 *
 * @example
 * ```ts
 * const instrument: Instrument | undefined = planInstrument(plan, 'tilltro-nykterhet');
 * instrument?.range;
 * // => { min: 1, max: 5, step: 1 }
 * ```
 */
export type Instrument = z.infer<typeof InstrumentSchema>;

/**
 * What a user writes to define an instrument (`step` may be left out).
 *
 * @example
 * ```ts
 * const input: InstrumentInput = { id: 'k10', label: { sv: 'K10 psykisk ohälsa', en: 'K10 psychological distress' },
 *   kind: 'interval', range: { min: 10, max: 50 }, direction: 'lower_is_better', minimalImportantChange: 4 };
 * defineInstrument(input).range;
 * // => { min: 10, max: 50, step: 1 }
 * ```
 */
export type InstrumentInput = z.input<typeof InstrumentSchema>;

/** @internal The rule a value breaks on an instrument's scale, or undefined. */
export function valueProblem(
  range: { readonly min: number; readonly max: number; readonly step: number },
  value: number,
): { rule: 'finite' | 'out_of_range' | 'not_on_scale'; [k: string]: string | number } | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { rule: 'finite', value: String(value) };
  if (value < range.min || value > range.max) {
    return { rule: 'out_of_range', value, min: range.min, max: range.max };
  }
  const k = (value - range.min) / range.step;
  if (Math.abs(k - Math.round(k)) > 1e-9) return { rule: 'not_on_scale', value, min: range.min, step: range.step };
  return undefined;
}

/**
 * Validates a user-defined instrument without throwing.
 *
 * @param input - the definition
 * @returns the instrument, or every issue found
 *
 * @example
 * ```ts
 * validateInstrument({ id: 'x' }).success;
 * // => false
 * ```
 */
export function validateInstrument(input: unknown): Result<Instrument> {
  const parsed = parseArg(InstrumentSchema, input, []);
  return parsed.issues.length === 0 ? ok(parsed.value) : fail(parsed.issues);
}

/**
 * Defines an instrument, validating it; throws on bad input.
 *
 * @param input - the definition
 * @returns the instrument, with defaults filled in
 * @throws UppfoljningError naming every field that breaks a rule
 *
 * @example
 * ```ts
 * defineInstrument({
 *   id: 'k10',
 *   label: { sv: 'K10 psykisk ohälsa', en: 'K10 psychological distress' },
 *   kind: 'interval',
 *   range: { min: 10, max: 50 },
 *   direction: 'lower_is_better',
 * }).id;
 * // => 'k10'
 * ```
 */
export function defineInstrument(input: InstrumentInput): Instrument {
  return unwrap(validateInstrument(input));
}
