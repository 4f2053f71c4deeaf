import { z } from 'zod';
import type { DeepReadonly } from '../core/readonly.js';
import { MeasureMetaSchema } from './measure-meta.js';
import { WHOLE_PERIOD } from '../plan/periods.js';
import { UNNAMED_UNIT } from './dims.js';
import { ViewsMetaSchema } from './_lib/views.js';

const LabelShape = z.object({ sv: z.string(), en: z.string() });
const Coded = z.object({ code: z.string(), label: LabelShape });
const Kind = z.enum(['ordinal', 'interval', 'binary']);
const Direction = z.enum(['higher_is_better', 'lower_is_better']);

/**
 * @internal The shape of a compilation's `meta` as JSON: the one definition
 * of {@link CompilationMeta}, which {@link CompilationSchema} checks a
 * received compilation's description with.
 */
export const MetaSchema = z.object({
  planId: z.string(),
  fingerprint: z.string(),
  title: z.string(),
  dims: z.object({
    ageBands: z.array(Coded).min(1),
    genders: z.array(Coded).min(1),
    interventions: z.array(Coded).min(1),
    // A compilation made before units and periods were dimensions has one unnamed unit and the whole period.
    units: z.array(Coded).min(1).default([UNNAMED_UNIT]),
    periods: z
      .array(z.object({ code: z.string(), label: LabelShape, from: z.string().optional(), to: z.string().optional() }))
      .min(1)
      .default([WHOLE_PERIOD]),
  }),
  /**
   * The parts of the plan the fingerprint is made of, each as its JSON text
   * (`ageBands`, `primary`, `goalRule`, …), so that merging compilations of
   * different plan versions can say which part differs and how.
   */
  parts: z.record(z.string(), z.string()).default({}),
  primary: z.object({
    id: z.string(),
    label: LabelShape,
    kind: Kind,
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    direction: Direction,
    minimalChange: z.number().positive(),
    bins: z.number().int().min(2),
    histogram: z.boolean(),
    levels: z.array(z.object({ value: z.number(), label: LabelShape })).optional(),
  }),
  mainProblems: z.array(Coded),
  goalAreas: z.array(Coded),
  background: z.array(
    z.object({
      id: z.string(),
      label: LabelShape,
      /** The plan's kind of variable. */
      kind: z.enum(['category', 'boolean', 'number']),
      /**
       * How it is counted: `options` one count per option (a category's, yes/no, a
       * number's bands), `histogram` one per whole number from `min` to `max`,
       * `sums` n, Σk and Σk² of k = value / `resolution`.
       */
      summary: z.enum(['options', 'histogram', 'sums']),
      options: z.array(Coded),
      /** A banded number's bands, in the order of `options`. */
      bands: z.array(z.object({ from: z.number(), to: z.number().optional() })).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      resolution: z.number().positive().optional(),
    }),
  ),
  /** The bands sessions attended and weeks in the intervention are set against the outcome in. */
  doseBands: z.object({
    sessions: z.array(Coded.extend({ from: z.number(), to: z.number().optional() })).min(1),
    weeks: z.array(Coded.extend({ from: z.number(), to: z.number().optional() })).min(1),
  }),
  during: z.array(
    z.object({
      id: z.string(),
      label: LabelShape,
      instrumentId: z.string(),
      kind: Kind,
      min: z.number(),
      step: z.number().positive(),
      direction: Direction,
      weeks: z.number().int().min(1),
      perWeek: z.number().int().min(1),
    }),
  ),
  /** Every instrument of the plan at each phase it is measured (the primary at its follow-up points only). */
  measures: z.array(MeasureMetaSchema),
  /** The plan's follow-up points after the end, whose attrition is counted in `counts.followUps`. */
  followUps: z
    .array(z.object({ id: z.string(), label: LabelShape, monthsAfter: z.number().int().min(1), windowDays: z.number().int().min(0) }))
    .default([]),
  views: ViewsMetaSchema.describe('The client questionnaire: the points it is asked at and its items (empty without one).'),
});

/**
 * The self-description a compilation carries, so that it can be read without
 * the plan: the type of what {@link CompilationSchema} accepts as `meta`, read-only.
 *
 * @example
 * ```ts
 * const meta: CompilationMeta = compile(plan, records).meta;
 * meta.dims.ageBands.map((band) => band.code);
 * // => ['18–29', '30–44', '45+']
 * meta.primary.id;
 * // => 'tilltro-nykterhet'
 * ```
 */
export type CompilationMeta = DeepReadonly<z.output<typeof MetaSchema>>;
