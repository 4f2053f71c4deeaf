import { z } from 'zod';
import { CategorySchema, CodeSchema, IsoDateSchema, LabelSchema } from '../core/schemas.js';
import { isRecord, parseArg, throwIfAny, typeIssues, type ParsedArg } from '../core/args.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import { InstrumentSchema, valueProblem, type Instrument } from '../measure/instrument.js';
import { BUILTIN_INSTRUMENTS } from '../measure/catalogue.js';

/**
 * The reasons an intervention ends (*avslutsorsak*): completed as planned
 * (*fullföljd*), breakdown (*sammanbrott*), the client moved (*flyttat*), the
 * client declined to go on (*avböjt*), or another reason.
 *
 * @example
 * ```ts
 * ClosingReasonSchema.options;
 * // => ['completed', 'breakdown', 'moved', 'declined', 'other']
 * ```
 */
export const ClosingReasonSchema = z.enum(['completed', 'breakdown', 'moved', 'declined', 'other']);

/**
 * Why an intervention ended.
 *
 * @example
 * ```ts
 * const reason: ClosingReason = 'breakdown';
 * withdraw(plan, record, { date: '2019-03-02', reason }).withdrawal;
 * // => { date: '2019-03-02', reason: 'breakdown' }
 * ```
 */
export type ClosingReason = z.infer<typeof ClosingReasonSchema>;

/**
 * An age band (*åldersgrupp*): ages `from` to `to` inclusive, in completed
 * years; leave out `to` for an open band (e.g. 65+).
 *
 * @example
 * ```ts
 * AgeBandSchema.parse({ from: 21 });
 * // => { from: 21 }
 * ```
 */
export const AgeBandSchema = z
  .object({ from: z.number().int().min(0).max(130), to: z.number().int().min(0).max(130).optional(), label: LabelSchema.optional() })
  .strict();

/**
 * An age band, as defined by {@link AgeBandSchema}.
 *
 * @example
 * ```ts
 * const bands: AgeBand[] = [{ from: 18, to: 29 }, { from: 30, to: 44 }, { from: 45 }];
 * ageBandOf(34, bands);
 * // => 1 (30–44)
 * ```
 */
export type AgeBand = z.infer<typeof AgeBandSchema>;

const BackgroundVariableSchema = z.discriminatedUnion('kind', [
  z.object({ id: CodeSchema, label: LabelSchema, kind: z.literal('category'), options: z.array(CategorySchema).min(1) }).strict(),
  z
    .object({ id: CodeSchema, label: LabelSchema, kind: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(true) })
    .strict(),
  z.object({ id: CodeSchema, label: LabelSchema, kind: z.literal('boolean') }).strict(),
]);

/** @internal How clients are selected (the plan's `selection`). */
export const SelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('birthdays'), days: z.array(z.number().int().min(1).max(31)).min(1) }).strict(),
  z.object({ kind: z.literal('random'), size: z.number().int().min(1), seed: z.union([z.string().min(1), z.number().int()]) }).strict(),
]);

const DuringMeasureSchema = z
  .object({
    id: CodeSchema,
    label: LabelSchema,
    instrument: CodeSchema,
    /** How often the measure is expected: at least `atLeast` times a week. */
    perWeek: z.number().int().min(1).default(1),
    /** How many weeks from the start the compilation follows, week by week. */
    weeks: z.number().int().min(1).max(520).default(26),
  })
  .strict();

const GoalRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assessed'), combine: z.enum(['all', 'any']).default('all') }).strict(),
  z.object({ kind: z.literal('target') }).strict(),
  z.object({ kind: z.literal('plan_target'), value: z.number() }).strict(),
]);

const DEFAULT_GENDERS = [
  { code: 'kvinna', label: { sv: 'Kvinna', en: 'Woman' } },
  { code: 'man', label: { sv: 'Man', en: 'Man' } },
];

const PlanObjectSchema = z
  .object({
    id: CodeSchema,
    title: z.string().min(1),
    question: z.string().min(1),
    period: z.object({ from: IsoDateSchema, to: IsoDateSchema.optional() }).strict().optional(),
    interventions: z.array(CategorySchema).min(1),
    targetGroup: z.string().min(1),
    selection: SelectionSchema,
    background: z.array(BackgroundVariableSchema).default([]),
    mainProblems: z.array(CategorySchema).min(1),
    goalAreas: z.array(CategorySchema).default([]),
    instruments: z.array(InstrumentSchema).default([]),
    measures: z.object({ before: z.array(CodeSchema).min(1), after: z.array(CodeSchema).min(1) }).strict(),
    primaryMeasure: CodeSchema,
    during: z.array(DuringMeasureSchema).default([]),
    goalRule: GoalRuleSchema,
    withdrawOn: z.array(ClosingReasonSchema.exclude(['completed'])).default(['breakdown']),
    grouping: z
      .object({
        ageBands: z.array(AgeBandSchema).min(1),
        genders: z.array(CategorySchema).min(1).default(DEFAULT_GENDERS),
      })
      .strict(),
  })
  .strict();

/**
 * A follow-up plan (step 1, *planera systematisk uppföljning*): the contract
 * that every client record is validated against.
 *
 * - `question`: what the follow-up should answer; `interventions`: the
 *   interventions (*insatser*) followed, a grouping dimension.
 * - `selection`: all clients, the method's representative rule (clients born
 *   on given days of the month), or a reproducible seeded random sample.
 * - `background`, `mainProblems`, `goalAreas`: the coded variables that
 *   describe the target group; free text stays in the record, never in results.
 * - `instruments`: the plan's own instruments, besides the built-in ones.
 * - `measures`: which instrument is measured before and after;
 *   `primaryMeasure` must be in both (the problem is measured the same way
 *   before and after).
 * - `during`: repeated measures while the intervention runs, and how often.
 * - `goalRule`: how a client's goal is judged met: `assessed` by worker and
 *   client at closing (`combine` all or any of the goals), `target` (the
 *   client's own target value on the primary measure), or `plan_target` (one
 *   target value for everyone).
 * - `withdrawOn`: closing reasons that withdraw the client from the results
 *   (still counted in the attrition flow); the pilot withdraws on breakdown.
 * - `grouping`: age bands and gender categories; with the interventions they
 *   make the groups that compile counts.
 *
 * @example
 * ```ts
 * const plan = PlanSchema.parse(bjorkeboPlanInput);
 * plan.primaryMeasure;
 * // => 'tilltro-nykterhet'
 * ```
 */
export const PlanSchema = PlanObjectSchema.superRefine((plan, ctx) => {
  const custom = (path: (string | number)[], params: Record<string, unknown>) =>
    ctx.addIssue({ code: 'custom', path, params });

  const unique = (values: readonly string[], path: (string | number)[], field: string) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (seen.has(value)) custom(field === '' ? [...path, i] : [...path, i, field], { rule: 'duplicate', value });
      seen.add(value);
    });
  };
  unique(plan.interventions.map((c) => c.code), ['interventions'], 'code');
  unique(plan.grouping.genders.map((c) => c.code), ['grouping', 'genders'], 'code');
  unique(plan.mainProblems.map((c) => c.code), ['mainProblems'], 'code');
  unique(plan.goalAreas.map((c) => c.code), ['goalAreas'], 'code');
  unique(plan.background.map((b) => b.id), ['background'], 'id');
  unique(plan.during.map((d) => d.id), ['during'], 'id');
  plan.instruments.forEach((instrument, i) => {
    if (Object.hasOwn(BUILTIN_INSTRUMENTS, instrument.id)) custom(['instruments', i, 'id'], { rule: 'duplicate', value: instrument.id });
  });
  unique(plan.instruments.map((c) => c.id), ['instruments'], 'id');
  plan.background.forEach((b, i) => {
    if (b.kind === 'category') unique(b.options.map((o) => o.code), ['background', i, 'options'], 'code');
  });

  const instruments = instrumentMap(plan.instruments);
  const known = [...instruments.keys()];
  const checkInstrument = (id: string, path: (string | number)[]) => {
    if (!instruments.has(id)) custom(path, { rule: 'unknown_instrument', id, known });
  };
  plan.measures.before.forEach((id, i) => checkInstrument(id, ['measures', 'before', i]));
  plan.measures.after.forEach((id, i) => checkInstrument(id, ['measures', 'after', i]));
  unique(plan.measures.before, ['measures', 'before'], '');
  unique(plan.measures.after, ['measures', 'after'], '');
  plan.during.forEach((d, i) => checkInstrument(d.instrument, ['during', i, 'instrument']));

  if (!plan.measures.before.includes(plan.primaryMeasure)) {
    custom(['primaryMeasure'], { rule: 'primary_same_instrument', instrument: plan.primaryMeasure, missing: 'before' });
  } else if (!plan.measures.after.includes(plan.primaryMeasure)) {
    custom(['primaryMeasure'], { rule: 'primary_same_instrument', instrument: plan.primaryMeasure, missing: 'after' });
  }

  const primary = instruments.get(plan.primaryMeasure);
  if (primary && plan.goalRule.kind === 'plan_target') {
    const problem = valueProblem(primary.range, plan.goalRule.value);
    if (problem) custom(['goalRule', 'value'], problem);
  }

  let previousTo = -1;
  let open = false;
  plan.grouping.ageBands.forEach((band, i) => {
    const label = `${band.from}–${band.to ?? ''}`;
    if (band.to !== undefined && band.to < band.from) {
      custom(['grouping', 'ageBands', i, 'to'], { rule: 'min', minimum: band.from, origin: 'number' });
    }
    if (open || band.from <= previousTo) {
      custom(['grouping', 'ageBands', i, 'from'], { rule: 'overlap', band: label, previous: previousTo });
    }
    previousTo = band.to ?? 130;
    open = band.to === undefined;
  });

  if (plan.period?.to !== undefined && plan.period.to < plan.period.from) {
    custom(['period', 'to'], { rule: 'date_order', value: plan.period.to, other: 'period.from', otherValue: plan.period.from, otherLabel: 'period_start' });
  }
});

/**
 * A validated follow-up plan, as defined by {@link PlanSchema}.
 *
 * @example
 * ```ts
 * const plan: Plan = parsePlan(bjorkeboPlanInput);
 * plan.primaryMeasure;
 * // => 'tilltro-nykterhet'
 * ```
 */
export type Plan = z.infer<typeof PlanSchema>;

/**
 * What a user writes for a plan (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const input: PlanInput = { ...bjorkeboPlanInput, selection: { kind: 'birthdays', days: [5, 15, 25] } };
 * validatePlan(input).success;
 * // => true
 * ```
 */
export type PlanInput = z.input<typeof PlanSchema>;

/** @internal The instruments a plan can use: built-in ones and the plan's own. */
export function instrumentMap(own: readonly Instrument[]): Map<string, Instrument> {
  const map = new Map<string, Instrument>(Object.entries(BUILTIN_INSTRUMENTS));
  for (const instrument of own) map.set(instrument.id, instrument);
  return map;
}

/**
 * Looks up an instrument by id in a plan: the plan's own instruments first,
 * then the built-in catalogue.
 *
 * @param plan - a validated plan
 * @param id - the instrument's id
 * @returns the instrument, or undefined if the plan does not know it
 * @throws UppfoljningError when the plan has no `instruments` array or the id is not a string
 *
 * @example
 * ```ts
 * planInstrument(plan, 'tilltro-nykterhet')?.range.max;
 * // => 5
 * ```
 */
export function planInstrument(plan: Pick<Plan, 'instruments'>, id: string): Instrument | undefined {
  const instruments: unknown = isRecord(plan) ? plan.instruments : undefined;
  throwIfAny([
    ...(isRecord(plan) ? typeIssues(instruments, 'array', ['plan', 'instruments']) : typeIssues(plan, 'object', ['plan'])),
    ...(Array.isArray(instruments) ? instruments.flatMap((i: unknown, n) => typeIssues(i, 'object', ['plan', 'instruments', n])) : []),
    ...typeIssues(id, 'string', ['id']),
  ]);
  // Own properties only: 'constructor' is a valid code but not a built-in instrument.
  return plan.instruments.find((i) => i.id === id) ?? (Object.hasOwn(BUILTIN_INSTRUMENTS, id) ? BUILTIN_INSTRUMENTS[id] : undefined);
}

/**
 * Validates a plan without throwing.
 *
 * @param input - the plan as data (e.g. parsed from JSON)
 * @returns the plan with defaults filled in, or every issue found
 *
 * @example
 * ```ts
 * validatePlan({}).success;
 * // => false
 * ```
 */
export function validatePlan(input: unknown): Result<Plan> {
  const parsed = parseArg(PlanSchema, input, []);
  return parsed.issues.length === 0 ? ok(parsed.value) : fail(parsed.issues);
}

/**
 * Validates a plan and returns it; throws on bad input. The plan's primary
 * measure must be measured with the same instrument before and after.
 *
 * @param input - the plan as data
 * @returns the plan with defaults filled in
 * @throws UppfoljningError naming every field that breaks a rule
 *
 * @example
 * ```ts
 * parsePlan({ ...bjorkeboPlanInput, measures: { before: ['tilltro-nykterhet'], after: ['audit'] } });
 * // => throws UppfoljningError: primary_same_instrument
 * // primaryMeasure: huvudmåttet "tilltro-nykterhet" måste mätas med samma instrument
 * // före och efter insatsen, men mäts inte efter [primary_same_instrument]
 * ```
 */
export function parsePlan(input: unknown): Plan {
  return unwrap(validatePlan(input));
}

/**
 * A plan argument, checked with the plan schema once per call, its issues
 * under `plan`: what every step and every function that takes a plan runs
 * first, so that plan garbage gives an UppfoljningError, not a TypeError.
 *
 * @internal
 */
export const planArg = (plan: unknown): ParsedArg<Plan> => parseArg(PlanSchema, plan, ['plan']);
