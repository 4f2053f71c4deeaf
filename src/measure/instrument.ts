import { z } from 'zod';
import { parseArg } from '../core/args.js';
import { CodeSchema, LabelSchema } from '../core/schemas.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';

/** @internal A field's description for the plan reference (docs/plan.md): English, and Swedish under `sv`. */
const doc = (description: string, sv: string) => ({ description, sv });

const NormSchema = z
  .object({
    mean: z.number().meta(doc('The mean in the norm group.', 'Medelvärdet i normgruppen.')),
    sd: z.number().positive().meta(doc('The standard deviation in the norm group.', 'Standardavvikelsen i normgruppen.')),
  })
  .strict();

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
 *   the goal-attainment scale (default: one step, meant for short ordinal
 *   scales; give one for a sum score). A plan's `minimalChange` overrides it,
 *   and must give it for AUDIT and DUDIT, which have no published value.
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
    id: CodeSchema.meta(doc('The instrument\'s code, used in `measures` and `during`.', 'Instrumentets kod, som används i `measures` och `during`.')),
    label: LabelSchema.meta(doc('The instrument\'s name.', 'Instrumentets namn.')),
    description: LabelSchema.optional().meta(doc('What the instrument measures, in a sentence.', 'Vad instrumentet mäter, i en mening.')),
    kind: z
      .enum(['ordinal', 'interval', 'binary'])
      .meta(doc('`ordinal` (ordered steps, e.g. a smiley scale), `interval` (e.g. a sum score) or `binary` (0/1, e.g. a urine test).', '`ordinal` (ordnade steg, t.ex. en smileyskala), `interval` (t.ex. en summapoäng) eller `binary` (0/1, t.ex. ett urinprov).')),
    range: z
      .object({
        min: z.number().meta(doc('The smallest value.', 'Det minsta värdet.')),
        max: z.number().meta(doc('The largest value; above `min` and on the grid from `min` in steps of `step` (rule `not_on_scale`).', 'Det största värdet; större än `min` och på skalan från `min` i steg om `step` (regel `not_on_scale`).')),
        step: z
          .number()
          .positive()
          .default(1)
          .meta(doc('The step between values; `0.5` for half steps. Every value must lie on the grid.', 'Steget mellan värdena; `0.5` för halva steg. Varje värde måste ligga på skalan.')),
      })
      .strict()
      .meta(doc('The scale (*skala*); a binary instrument has 0–1 in steps of 1.', 'Skalan; ett binärt instrument har 0–1 i steg om 1.')),
    direction: z
      .enum(['higher_is_better', 'lower_is_better'])
      .meta(doc('Whether a higher value is better (`higher_is_better`) or worse (`lower_is_better`).', 'Om ett högre värde är bättre (`higher_is_better`) eller sämre (`lower_is_better`).')),
    minimalImportantChange: z
      .number()
      .positive()
      .optional()
      .meta(doc('The smallest change that counts as a change on the four-level scale; by default one step.', 'Den minsta förändring som räknas som en förändring på fyrgradiga skalan; annars ett steg.')),
    reliability: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .meta(doc('The published reliability (e.g. Cronbach\'s α), for the reliable change index.', 'Den publicerade reliabiliteten (t.ex. Cronbachs α), för index för reliabel förändring.')),
    norms: z
      .object({
        clinical: NormSchema.meta(doc('The clinical group\'s mean and standard deviation.', 'Den kliniska gruppens medelvärde och standardavvikelse.')),
        functional: NormSchema.optional().meta(doc('The functional (general) population\'s, where published.', 'Normalbefolkningens, där sådana finns publicerade.')),
      })
      .strict()
      .optional()
      .meta(doc('Published norms, for clinical cut-offs.', 'Publicerade normer, för kliniska gränsvärden.')),
    levels: z
      .array(
        z
          .object({
            value: z.number().meta(doc('A value on the scale.', 'Ett värde på skalan.')),
            label: LabelSchema.meta(doc('What the value means.', 'Vad värdet betyder.')),
          })
          .strict(),
      )
      .optional()
      .meta(doc('Labels for the values of an ordinal or binary scale; each value on the scale.', 'Benämningar på värdena på en ordinal- eller binär skala; varje värde på skalan.')),
    source: z.string().optional().meta(doc('Where the instrument is published.', 'Var instrumentet är publicerat.')),
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
