import { z } from 'zod';
import { CategorySchema, CodeSchema, IsoDateSchema, LabelSchema } from '../core/schemas.js';
import { isRecord, parseArg, throwIfAny, typeIssues, type ParsedArg } from '../core/args.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import { InstrumentSchema, valueProblem, type Instrument } from '../measure/instrument.js';
import { BUILTIN_INSTRUMENTS, NO_PUBLISHED_MINIMAL_CHANGE } from '../measure/catalogue.js';
import { FollowUpPointSchema, followUpPlanIssues } from './follow-up.js';
import { DoseBandsSchema, NumberBandsSchema, bandPlanIssues } from './background.js';

import { MAX_PERIODS, PeriodBySchema, periodsOf } from './periods.js';
import { ClientViewsSchema, clientViewsIssues } from './views.js';

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
 * @internal A field's description for the plan reference (docs/plan.md and
 * docs/plan.sv.md, written by `npm run docs:plan`): English, with the
 * Swedish term in italics, and the Swedish text under `sv`.
 */
const doc = (description: string, sv: string) => ({ description, sv });

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
  .object({
    from: z.number().int().min(0).max(130).meta(doc('The band\'s lowest age, in completed years.', 'Gruppens lägsta ålder, i fyllda år.')),
    to: z
      .number()
      .int()
      .min(0)
      .max(130)
      .optional()
      .meta(doc('The band\'s highest age, inclusive; leave it out for an open band (e.g. 65+). Not below `from`.', 'Gruppens högsta ålder, den inräknad; utelämna för en öppen grupp (t.ex. 65+). Inte lägre än `from`.')),
    label: LabelSchema.optional().meta(doc('A label for the band; by default it reads as its ages (18–29).', 'En benämning på gruppen; annars visas åldrarna (18–29).')),
  })
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

const backgroundId = () => CodeSchema.meta(doc('The variable\'s code, unique in `background`.', 'Variabelns kod, unik i `background`.'));
const backgroundLabel = () => LabelSchema.meta(doc('The variable\'s name.', 'Variabelns namn.'));

const BackgroundVariableSchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: backgroundId(),
      label: backgroundLabel(),
      kind: z.literal('category'),
      options: z.array(CategorySchema).min(1).meta(doc('The categories a client can have; codes unique.', 'De kategorier en klient kan ha; koderna unika.')),
    })
    .strict()
    .meta(doc('A categorical variable: one of the listed options.', 'En kategorivariabel: ett av de angivna alternativen.')),
  z
    .object({
      id: backgroundId(),
      label: backgroundLabel(),
      kind: z.literal('number'),
      min: z.number().optional().meta(doc('The smallest value allowed.', 'Det minsta tillåtna värdet.')),
      max: z.number().optional().meta(doc('The largest value allowed.', 'Det största tillåtna värdet.')),
      integer: z
        .boolean()
        .default(true)
        .meta(doc('Whether values must be whole numbers; set `false` for decimals (e.g. 2,5).', 'Om värdena måste vara heltal; ange `false` för decimaltal (t.ex. 2,5).')),
      bands: NumberBandsSchema.optional(),
    })
    .strict()
    .meta(doc('A number, such as the number of earlier interventions.', 'Ett tal, till exempel antal tidigare insatser.')),
  z
    .object({ id: backgroundId(), label: backgroundLabel(), kind: z.literal('boolean') })
    .strict()
    .meta(doc('Yes or no (*ja/nej*).', 'Ja eller nej.')),
]);

/** @internal How clients are selected (the plan's `selection`). */
export const SelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict().meta(doc('Every client (*totalundersökning*).', 'Alla klienter (totalundersökning).')),
  z
    .object({
      kind: z.literal('birthdays'),
      days: z
        .array(z.number().int().min(1).max(31))
        .min(1)
        .meta(doc('The days of the month; a client born on one of them is selected.', 'Dagarna i månaden; en klient född en av dem väljs ut.')),
    })
    .strict()
    .meta(doc('Clients born on given days of the month (*födelsedagsurval*), the method\'s representative rule.', 'Klienter födda vissa dagar i månaden (födelsedagsurval), metodens regel för ett representativt urval.')),
  z
    .object({
      kind: z.literal('random'),
      size: z.number().int().min(1).meta(doc('How many clients to draw.', 'Hur många klienter som dras.')),
      seed: z
        .union([z.string().min(1), z.number().int()])
        .meta(doc('The seed, so that the same sample is drawn again.', 'Fröet, så att samma urval kan dras igen.')),
    })
    .strict()
    .meta(doc('A reproducible random sample (*slumpmässigt urval*).', 'Ett slumpmässigt urval som kan upprepas.')),
]);

const DuringMeasureSchema = z
  .object({
    id: CodeSchema.meta(doc('The measure\'s code, unique in `during`.', 'Mätningens kod, unik i `during`.')),
    label: LabelSchema.meta(doc('The measure\'s name, e.g. urine test.', 'Mätningens namn, t.ex. urinprov.')),
    instrument: CodeSchema.meta(doc('The instrument measured: a built-in one or one of `instruments` (rule `unknown_instrument`).', 'Instrumentet som används: ett inbyggt eller ett i `instruments` (regel `unknown_instrument`).')),
    /** How often the measure is expected: at least `perWeek` times a week. */
    perWeek: z.number().int().min(1).default(1).meta(doc('How often the measure is expected: at least this many times a week.', 'Hur ofta mätningen väntas: minst så många gånger i veckan.')),
    /** How many weeks from the start the compilation follows, week by week. */
    weeks: z
      .number()
      .int()
      .min(1)
      .max(520)
      .default(26)
      .meta(doc('How many weeks from the start the compilation follows, week by week.', 'Hur många veckor från start sammanställningen följer, vecka för vecka.')),
  })
  .strict();

const GoalRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('assessed'),
      combine: z
        .enum(['all', 'any'])
        .default('all')
        .meta(doc('`all`: every goal must be met; `any`: one is enough.', '`all`: alla mål måste vara nådda; `any`: ett räcker.')),
    })
    .strict()
    .meta(doc('Worker and client judge at closing whether each goal was met (*bedömd måluppfyllelse*).', 'Handläggare och klient bedömer vid avslut om varje mål nåtts (bedömd måluppfyllelse).')),
  z
    .object({ kind: z.literal('target') })
    .strict()
    .meta(doc('The client\'s own target value on the primary measure, set before (`goals[].target`), reached or not after.', 'Klientens eget målvärde på huvudmåttet, satt före (`goals[].target`), nått eller inte efter.')),
  z
    .object({
      kind: z.literal('plan_target'),
      value: z.number().meta(doc('The target value, on the primary measure\'s scale (rules `out_of_range`, `not_on_scale`).', 'Målvärdet, på huvudmåttets skala (regler `out_of_range`, `not_on_scale`).')),
    })
    .strict()
    .meta(doc('One target value on the primary measure for every client.', 'Ett målvärde på huvudmåttet för alla klienter.')),
]);

const DEFAULT_GENDERS = [
  { code: 'kvinna', label: { sv: 'Kvinna', en: 'Woman' } },
  { code: 'man', label: { sv: 'Man', en: 'Man' } },
];

const PlanObjectSchema = z
  .object({
    id: CodeSchema.meta(doc('The plan\'s code; every record carries it as `planId`.', 'Planens kod; varje klientpost bär den som `planId`.')),
    title: z.string().min(1).meta(doc('The follow-up\'s title, shown on the report.', 'Uppföljningens rubrik, som visas i rapporten.')),
    question: z.string().min(1).meta(doc('What the follow-up should answer (*frågeställning*).', 'Vad uppföljningen ska besvara (frågeställning).')),
    period: z
      .object({
        from: IsoDateSchema.meta(doc('The first day of the period.', 'Periodens första dag.')),
        to: IsoDateSchema.optional().meta(doc('The last day; not before `from` (rule `date_order`).', 'Periodens sista dag; inte före `from` (regel `date_order`).')),
      })
      .strict()
      .optional()
      .meta(doc('The period the follow-up covers (*uppföljningsperiod*).', 'Perioden uppföljningen gäller (uppföljningsperiod).')),
    unit: CategorySchema.optional().meta(
      doc(
        'The unit or municipality that runs the follow-up (*enhet*, *kommun*): a dimension of the compilation, so that merged compilations keep each contributor apart. Without it the compilation has one unnamed unit.',
        'Enheten eller kommunen som gör uppföljningen: en dimension i sammanställningen, så att sammanslagna sammanställningar håller isär varje bidragsgivare. Utan den har sammanställningen en namnlös enhet.',
      ),
    ),
    periodBy: PeriodBySchema.optional().meta(
      doc(
        'Divide `period` into calendar years, half-years or quarters (*år*, *halvår*, *kvartal*), counted apart; a record\'s period is the one its start (`before.date`; never started: `enrolled`) falls in, and a start outside `period` is refused by `before` and `validateRecord` and not counted by `compile` (rule `outside_period`), and so is a record that never started whose date of selection (`enrolled`) is outside it (by `validateRecord`). Needs `period.to` (rule `required`).',
        'Dela `period` i kalenderår, halvår eller kvartal som räknas var för sig; en klientposts period är den som starten (`before.date`; aldrig påbörjad: `enrolled`) ligger i, och en start utanför `period` avvisas av `before` och `validateRecord` och räknas inte av `compile` (regel `outside_period`), liksom en klientpost som aldrig påbörjats vars urvalsdatum (`enrolled`) ligger utanför (av `validateRecord`). Kräver `period.to` (regel `required`).',
      ),
    ),
    interventions: z
      .array(CategorySchema)
      .min(1)
      .meta(doc('The interventions (*insatser*) followed; codes unique. With more than one, each record names its own.', 'Insatserna som följs upp; koderna unika. Med fler än en anger varje klientpost sin.')),
    targetGroup: z.string().min(1).meta(doc('Who the follow-up is about (*målgrupp*), in words.', 'Vilka uppföljningen gäller (målgrupp), i ord.')),
    selection: SelectionSchema.meta(doc('How clients are selected (*urval*).', 'Hur klienterna väljs ut (urval).')),
    background: z
      .array(BackgroundVariableSchema)
      .default([])
      .meta(doc('Coded background variables (*bakgrundsuppgifter*) recorded before the intervention; ids unique.', 'Kodade bakgrundsuppgifter som registreras före insatsen; koderna unika.')),
    mainProblems: z
      .array(CategorySchema)
      .min(1)
      .meta(doc('The main problems (*huvudproblem*) a client can have; codes unique.', 'De huvudproblem en klient kan ha; koderna unika.')),
    goalAreas: z
      .array(CategorySchema)
      .default([])
      .meta(doc('The areas (*målområden*) goals are coded in; codes unique.', 'Områdena (målområden) som målen kodas i; koderna unika.')),
    instruments: z
      .array(InstrumentSchema)
      .default([])
      .meta(doc('The plan\'s own instruments, besides the built-in ones; an id may not repeat a built-in one (rule `duplicate`).', 'Planens egna instrument, utöver de inbyggda; koden får inte vara ett inbyggt instruments (regel `duplicate`).')),
    measures: z
      .object({
        before: z
          .array(CodeSchema)
          .min(1)
          .meta(doc('Instruments measured before (*före*); each known (rule `unknown_instrument`), none twice.', 'Instrument som mäts före; vart och ett känt (regel `unknown_instrument`), inget två gånger.')),
        after: z
          .array(CodeSchema)
          .min(1)
          .meta(doc('Instruments measured after (*efter*); each known, none twice.', 'Instrument som mäts efter; vart och ett känt, inget två gånger.')),
      })
      .strict()
      .meta(doc('Which instruments are measured before and after the intervention (*mätning före och efter*).', 'Vilka instrument som mäts före och efter insatsen.')),
    minimalChange: z
      .record(CodeSchema, z.number().positive())
      .default({})
      .meta(
        doc(
          'The smallest change that counts as a change on the four-level scale, by instrument id, where the plan decides it: required for a built-in instrument measured before and after that has no published minimal important change (AUDIT, DUDIT; rule `required`); overrides an instrument\'s own value otherwise. Each id a known instrument (rule `unknown_instrument`).',
          'Den minsta förändring som räknas som en förändring på fyrgradiga skalan, per instrument, där planen bestämmer den: krävs för ett inbyggt instrument som mäts före och efter och saknar publicerad minsta betydelsefulla förändring (AUDIT, DUDIT; regel `required`); ersätter annars instrumentets eget värde. Varje kod ett känt instrument (regel `unknown_instrument`).',
        ),
      ),
    primaryMeasure: CodeSchema.meta(
      doc(
        'The primary measure (*huvudmått*): an instrument in both `measures.before` and `measures.after`, so the problem is measured the same way before and after (rule `primary_same_instrument`).',
        'Huvudmåttet: ett instrument i både `measures.before` och `measures.after`, så att problemet mäts på samma sätt före och efter (regel `primary_same_instrument`).',
      ),
    ),
    during: z
      .array(DuringMeasureSchema)
      .default([])
      .meta(doc('Repeated measures while the intervention runs (*under insatsen*); ids unique.', 'Upprepade mätningar medan insatsen pågår (under insatsen); koderna unika.')),
    followUps: z
      .array(FollowUpPointSchema)
      .default([])
      .meta(doc('Measurement points after the closing date (*efteruppföljning*), e.g. 6 and 12 months after; ids unique.', 'Mättillfällen efter avslutet (efteruppföljning), t.ex. 6 och 12 månader efter; koderna unika.')),
    goalRule: GoalRuleSchema.meta(doc('How a client\'s goal is judged met (*måluppfyllelse*).', 'Hur det avgörs om en klients mål är nått (måluppfyllelse).')),
    clientViews: ClientViewsSchema.optional().meta(
      doc(
        'The client questionnaire (*klienternas synpunkter*): the national template and/or the unit\'s own items, asked at closing and/or at follow-up points.',
        'Klientenkäten (klienternas synpunkter): den nationella mallen och/eller enhetens egna frågor, vid avslut och/eller vid uppföljningstillfällen.',
      ),
    ),
    withdrawOn: z
      .array(ClosingReasonSchema.exclude(['completed']))
      .default(['breakdown'])
      .meta(
        doc(
          'Closing reasons that withdraw a client from the results (*avförs*); still counted in the attrition flow. Any closing reason but `completed`.',
          'Avslutsorsaker som gör att klienten avförs från resultaten; klienten räknas ändå i bortfallet. Alla avslutsorsaker utom `completed`.',
        ),
      ),
    doseBands: DoseBandsSchema.optional(),
    grouping: z
      .object({
        ageBands: z
          .array(AgeBandSchema)
          .min(1)
          .meta(doc('Age bands (*åldersgrupper*) in order, not overlapping (rule `overlap`); only the last may be open.', 'Åldersgrupper i ordning, utan överlapp (regel `overlap`); bara den sista får vara öppen.')),
        genders: z
          .array(CategorySchema)
          .min(1)
          .default(DEFAULT_GENDERS)
          .meta(doc('Gender categories (*kön*); codes unique.', 'Könskategorier; koderna unika.')),
      })
      .strict()
      .meta(doc('The groups compile counts by (*redovisningsgrupper*), with the interventions.', 'Grupperna som sammanställningen redovisar, tillsammans med insatserna.')),
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
 * - `minimalChange`: the smallest change that counts, by instrument, where
 *   the plan sets it: required for AUDIT and DUDIT measured before and after,
 *   which have no published minimal important change (see the catalogue).
 * - `during`: repeated measures while the intervention runs, and how often.
 * - `followUps`: measurement points months after the closing date
 *   (*efteruppföljning*), each with a window and its instruments.
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
  for (const [path, params] of followUpPlanIssues(plan.followUps, known)) custom(path, params);

  if (!plan.measures.before.includes(plan.primaryMeasure)) {
    custom(['primaryMeasure'], { rule: 'primary_same_instrument', instrument: plan.primaryMeasure, missing: 'before' });
  } else if (!plan.measures.after.includes(plan.primaryMeasure)) {
    custom(['primaryMeasure'], { rule: 'primary_same_instrument', instrument: plan.primaryMeasure, missing: 'after' });
  }

  // A change of one point on a 0–40 sum score is not a change: a built-in
  // instrument without a published minimal important change needs the
  // plan's, wherever change is classified (measured before and after).
  for (const id of Object.keys(plan.minimalChange)) checkInstrument(id, ['minimalChange', id]);
  for (const id of plan.measures.before) {
    const instrument = instruments.get(id);
    if (
      instrument !== undefined &&
      plan.measures.after.includes(id) &&
      NO_PUBLISHED_MINIMAL_CHANGE.includes(id) &&
      plan.minimalChange[id] === undefined
    ) {
      custom(['minimalChange', id], { rule: 'required' });
    }
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

  bandPlanIssues(plan.background, plan.doseBands, custom);
  if (plan.clientViews !== undefined) {
    const followUps = (plan as { followUps?: readonly { id: string }[] }).followUps ?? [];
    clientViewsIssues(plan.clientViews, followUps.map((f) => f.id), custom);
  }

  if (plan.period?.to !== undefined && plan.period.to < plan.period.from) {
    custom(['period', 'to'], { rule: 'date_order', value: plan.period.to, other: 'period.from', otherValue: plan.period.from, otherLabel: 'period_start' });
  }
  if (plan.periodBy !== undefined) {
    if (plan.period === undefined) custom(['period'], { rule: 'required', when: 'periodBy' });
    else if (plan.period.to === undefined) custom(['period', 'to'], { rule: 'required', when: 'periodBy' });
    else if (periodsOf(plan).length > MAX_PERIODS) custom(['periodBy'], { rule: 'max', maximum: MAX_PERIODS, origin: 'periods' });
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
 * then the built-in catalogue, with the plan's `minimalChange` for it, if
 * any, as its `minimalImportantChange`.
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
export function planInstrument(plan: Pick<Plan, 'instruments'> & { readonly minimalChange?: Readonly<Record<string, number>> }, id: string): Instrument | undefined {
  const instruments: unknown = isRecord(plan) ? plan.instruments : undefined;
  throwIfAny([
    ...(isRecord(plan) ? typeIssues(instruments, 'array', ['plan', 'instruments']) : typeIssues(plan, 'object', ['plan'])),
    ...(Array.isArray(instruments) ? instruments.flatMap((i: unknown, n) => typeIssues(i, 'object', ['plan', 'instruments', n])) : []),
    ...typeIssues(id, 'string', ['id']),
  ]);
  // Own properties only: 'constructor' is a valid code but not a built-in instrument.
  const instrument = plan.instruments.find((i) => i.id === id) ?? (Object.hasOwn(BUILTIN_INSTRUMENTS, id) ? BUILTIN_INSTRUMENTS[id] : undefined);
  const own = isRecord(plan.minimalChange) && Object.hasOwn(plan.minimalChange, id) ? plan.minimalChange[id] : undefined;
  return instrument === undefined || own === undefined ? instrument : { ...instrument, minimalImportantChange: own };
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
