import { planViewItems, viewValues } from '../plan/views.js';
import { z } from 'zod';
import type { Label, Locale } from '../core/locale.js';
import { planInstrument, type Plan } from '../plan/plan.js';
import { IDENTITY_NUMBER_SHAPE } from '../identity/identity-number.js';
import {
  AfterSchema,
  BeforeSchema,
  ClientIdSchema,
  ClientRecordSchema,
  DuringEventSchema,
  FollowUpMeasurementSchema,
  GoalSchema,
  WithdrawalSchema,
} from '../record/schema.js';
import type { Issue } from '../core/issue.js';
import { localeIssues, optionsIssues, optionsOf, throwIfAny } from '../core/args.js';
import { planArg } from '../plan/plan.js';

const other = (locale: Locale): Locale => (locale === 'sv' ? 'en' : 'sv');

const STATUS_LABELS: Readonly<Record<string, Label>> = {
  reached: { sv: 'Nådd', en: 'Reached' },
  not_reached: { sv: 'Gick inte att nå', en: 'Could not be reached' },
  declined: { sv: 'Avböjde', en: 'Declined' },
};

const CLOSING_LABELS: Readonly<Record<string, Label>> = {
  completed: { sv: 'Fullföljd', en: 'Completed' },
  breakdown: { sv: 'Sammanbrott', en: 'Breakdown' },
  moved: { sv: 'Flyttat', en: 'Moved' },
  declined: { sv: 'Avböjt', en: 'Declined' },
  other: { sv: 'Annan orsak', en: 'Other reason' },
};

const FIELD_LABELS: Readonly<Record<string, Label>> = {
  planId: { sv: 'Uppföljningsplan', en: 'Follow-up plan' },
  clientId: { sv: 'Klient-id (pseudonym, aldrig personnummer)', en: 'Client id (pseudonym, never an identity number)' },
  intervention: { sv: 'Insats', en: 'Intervention' },
  enrolled: { sv: 'Datum för urval', en: 'Date of selection' },
  age: { sv: 'Ålder (fyllda år vid insatsens start)', en: 'Age (completed years at the start)' },
  birthDate: { sv: 'Födelsedatum (bara fram till insatsens start)', en: 'Date of birth (only until the start)' },
  gender: { sv: 'Kön', en: 'Gender' },
  before: { sv: 'Före insatsen', en: 'Before the intervention' },
  beforeDate: { sv: 'Insatsens startdatum', en: 'Start date of the intervention' },
  mainProblem: { sv: 'Huvudproblem', en: 'Main problem' },
  background: { sv: 'Bakgrund', en: 'Background' },
  goals: { sv: 'Mål formulerade med klienten', en: 'Goals set with the client' },
  statement: { sv: 'Målet med klientens ord', en: 'The goal in the client’s words' },
  area: { sv: 'Målområde', en: 'Goal area' },
  target: { sv: 'Målvärde på huvudmåttet', en: 'Target value on the primary measure' },
  measuresBefore: { sv: 'Mätningar före insatsen', en: 'Measurements before the intervention' },
  during: { sv: 'Under insatsen', en: 'During the intervention' },
  after: { sv: 'Efter insatsen', en: 'After the intervention' },
  afterDate: { sv: 'Avslutsdatum', en: 'Closing date' },
  reason: { sv: 'Avslutsorsak', en: 'Closing reason' },
  measuresAfter: { sv: 'Mätningar efter insatsen', en: 'Measurements after the intervention' },
  goalsMet: { sv: 'Uppnåddes målen (i målens ordning)', en: 'Were the goals met (in the order of the goals)' },
  views: { sv: 'Klientens synpunkter vid avslut', en: "The client's views at closing" },
  withdrawal: { sv: 'Avförd från uppföljningen', en: 'Withdrawn from the follow-up' },
  withdrawalDate: { sv: 'Datum', en: 'Date' },
  withdrawalReason: { sv: 'Orsak', en: 'Reason' },
  followUps: { sv: 'Efteruppföljning (månader efter avslutet)', en: 'Follow-up after the end (months after closing)' },
  followUpPoint: { sv: 'Tillfälle', en: 'Follow-up point' },
  followUpDate: { sv: 'Datum (för ej nådd eller avböjt: när försöket avslutades)', en: 'Date (for not reached or declined: when the attempt ended)' },
  followUpStatus: { sv: 'Nåddes klienten', en: 'Was the client reached' },
  measure: { sv: 'Mätning', en: 'Measurement' },
  session: { sv: 'Besök', en: 'Session' },
  deviation: { sv: 'Avvikelse', en: 'Deviation' },
  date: { sv: 'Datum', en: 'Date' },
  value: { sv: 'Värde', en: 'Value' },
  attended: { sv: 'Närvarade', en: 'Attended' },
  note: { sv: 'Anteckning', en: 'Note' },
};

/**
 * An identity number anywhere in a client id, surrounding white space
 * allowed: the record schema's check ({@link ClientIdSchema} trims, then
 * refuses {@link IDENTITY_NUMBER_SHAPE}) as a JSON Schema pattern.
 */
const IDENTITY_LIKE = `^\\s*${IDENTITY_NUMBER_SHAPE.source.slice(1, -1)}\\s*$`;

/**
 * The record schema narrowed to a plan, with labels as metadata: each part is
 * the record schema's own part (ClientRecordSchema, BeforeSchema,
 * DuringEventSchema, AfterSchema, WithdrawalSchema), extended where the plan
 * says more (its codes as enums, its instruments' ranges, its age bands).
 */
function planRecordSchema(plan: Plan, locale: Locale) {
  const o = other(locale);
  const meta = (label: Label, extra: Record<string, unknown> = {}) => ({ title: label[locale], description: label[o], ...extra });
  const f = (key: string) => meta(FIELD_LABELS[key]!);
  const codes = (list: readonly { code: string; label: Label }[], label: Label) =>
    z.enum(list.map((c) => c.code) as [string, ...string[]]).meta(
      meta(label, { 'x-labels': Object.fromEntries(list.map((c) => [c.code, c.label])) }),
    );
  const reasons = (values: readonly string[], label: Label) =>
    z.enum(values as [string, ...string[]]).meta(
      meta(label, { 'x-labels': Object.fromEntries(values.map((v) => [v, CLOSING_LABELS[v]!])) }),
    );
  const instrumentValue = (id: string) => {
    const instrument = planInstrument(plan, id)!;
    const { min, max, step } = instrument.range;
    let s = z.number().min(min).max(max);
    // JSON Schema's multipleOf is measured from 0; it expresses the grid only when min lies on it.
    const k = min / step;
    if (Math.abs(k - Math.round(k)) < 1e-9) s = s.multipleOf(step);
    const extra: Record<string, unknown> = {};
    if (instrument.levels) extra['x-labels'] = Object.fromEntries(instrument.levels.map((l) => [String(l.value), l.label]));
    return s.meta(meta(instrument.label, extra));
  };
  const measures = (ids: readonly string[], label: Label) =>
    z.object(Object.fromEntries(ids.map((id) => [id, instrumentValue(id).optional()]))).strict().meta(meta(label));

  // The questionnaire at a point ('after' or a follow-up point): each item's values (answers and
  // don't know), labelled, the same at every point it is asked at; none where it is not asked.
  const viewsAt = (point: string, label: Label) =>
    z
      .object(
        Object.fromEntries(
          ((plan.clientViews?.at ?? []).includes(point) ? planViewItems(plan.clientViews) : []).map((item) => {
            const labels = item.kind === 'ordinal' ? item.options.map((o) => [String(o.value), o.label] as const) : [];
            if (item.dontKnow) labels.push([String(item.dontKnow.value), item.dontKnow.label]);
            const values = viewValues(item).map((v) => z.literal(v));
            return [item.id, z.union(values).meta(meta(item.label, { 'x-labels': Object.fromEntries(labels) })).optional()];
          }),
        ),
      )
      .strict()
      .meta(meta(label));

  const bands = plan.grouping.ageBands;
  const contiguous = bands.every((b, i) => i === 0 || bands[i - 1]!.to === b.from - 1);
  const ageLabel = FIELD_LABELS.age!;
  const age = contiguous
    ? z.number().int().min(bands[0]!.from).max(bands[bands.length - 1]!.to ?? 130).meta(meta(ageLabel))
    : z.union(bands.map((b) => z.number().int().min(b.from).max(b.to ?? 130))).meta(meta(ageLabel));

  const background = z
    .object(
      Object.fromEntries(
        plan.background.map((b) => {
          if (b.kind === 'category') return [b.id, codes(b.options, b.label).optional()];
          if (b.kind === 'boolean') return [b.id, z.boolean().meta(meta(b.label)).optional()];
          let n = b.integer ? z.number().int() : z.number();
          if (b.min !== undefined) n = n.min(b.min);
          if (b.max !== undefined) n = n.max(b.max);
          return [b.id, n.meta(meta(b.label)).optional()];
        }),
      ),
    )
    .strict()
    .meta(f('background'));

  const primary = planInstrument(plan, plan.primaryMeasure)!;
  const goalShape = GoalSchema.shape;
  const goal = GoalSchema.extend({
    area: (plan.goalAreas.length > 0 ? codes(plan.goalAreas, FIELD_LABELS.area!) : goalShape.area.unwrap().meta(f('area'))).optional(),
    statement: goalShape.statement.meta(f('statement')),
    target: z.number().min(primary.range.min).max(primary.range.max).meta(f('target')).optional(),
  });

  const [measureEvent, sessionEvent, deviationEvent] = DuringEventSchema.options;
  // One measure event per during measure, its value held to that measure's
  // instrument (a binary urine test takes 0 or 1, not 5); with none, the
  // record schema's own measure event (validateRecord names the unknown code).
  const measureEvents = plan.during.map((d) =>
    measureEvent
      .extend({
        date: measureEvent.shape.date.meta(f('date')),
        measure: z.literal(d.id).meta(meta(d.label)),
        value: instrumentValue(d.instrument),
      })
      .meta(meta(d.label)),
  );
  const duringEvent = z.union([
    ...(measureEvents.length > 0 ? measureEvents : [measureEvent.meta(f('measure'))]),
    sessionEvent
      .extend({ date: sessionEvent.shape.date.meta(f('date')), attended: sessionEvent.shape.attended.meta(f('attended')) })
      .meta(f('session')),
    deviationEvent
      .extend({ date: deviationEvent.shape.date.meta(f('date')), note: deviationEvent.shape.note.unwrap().meta(f('note')).optional() })
      .meta(f('deviation')),
  ]);

  // One object per follow-up point, told apart by `point`: each has its own instruments.
  const followUpShape = FollowUpMeasurementSchema.shape;
  const followUpOf = (point: Plan['followUps'][number]) =>
    FollowUpMeasurementSchema.extend({
      point: z.literal(point.id).meta(meta(point.label)),
      date: followUpShape.date.meta(f('followUpDate')),
      status: z.enum(followUpShape.status.options).meta(meta(FIELD_LABELS.followUpStatus!, { 'x-labels': STATUS_LABELS })),
      measures: measures(point.measures, point.label).optional(),
      views: viewsAt(point.id, { sv: `Klientens synpunkter: ${point.label.sv}`, en: `The client's views: ${point.label.en}` }).optional(),
    }).meta(meta(point.label));
  const [first, ...rest] = plan.followUps;
  const followUps =
    first === undefined
      ? z.array(FollowUpMeasurementSchema).max(0).meta(f('followUps'))
      : z.array(rest.length === 0 ? followUpOf(first) : z.discriminatedUnion('point', [followUpOf(first), ...rest.map(followUpOf)])).meta(f('followUps'));

  const record = ClientRecordSchema.shape;
  return ClientRecordSchema.extend({
    planId: z.literal(plan.id).meta(f('planId')),
    clientId: ClientIdSchema.meta({ ...f('clientId'), not: { pattern: IDENTITY_LIKE } }),
    intervention: codes(plan.interventions, FIELD_LABELS.intervention!),
    enrolled: record.enrolled.meta(f('enrolled')),
    age,
    birthDate: record.birthDate.unwrap().meta(f('birthDate')).optional(),
    gender: codes(plan.grouping.genders, FIELD_LABELS.gender!),
    before: BeforeSchema.extend({
      date: BeforeSchema.shape.date.meta(f('beforeDate')),
      background: background.optional(),
      mainProblem: codes(plan.mainProblems, FIELD_LABELS.mainProblem!),
      goals: z.array(goal).meta(f('goals')).optional(),
      measures: measures(plan.measures.before, FIELD_LABELS.measuresBefore!).optional(),
    })
      .meta(f('before'))
      .optional(),
    during: z.array(duringEvent).meta(f('during')).optional(),
    after: AfterSchema.extend({
      date: AfterSchema.shape.date.meta(f('afterDate')),
      reason: reasons(AfterSchema.shape.reason.options, FIELD_LABELS.reason!),
      measures: measures(plan.measures.after, FIELD_LABELS.measuresAfter!).optional(),
      goalsMet: AfterSchema.shape.goalsMet.unwrap().meta(f('goalsMet')).optional(),
      views: viewsAt('after', FIELD_LABELS.views!).optional(),
    })
      .meta(f('after'))
      .optional(),
    withdrawal: WithdrawalSchema.extend({
      date: WithdrawalSchema.shape.date.meta(f('withdrawalDate')),
      reason: reasons(WithdrawalSchema.shape.reason.options, FIELD_LABELS.withdrawalReason!),
    })
      .meta(f('withdrawal'))
      .optional(),
    followUps: followUps.optional(),
  });
}

/** The rules across fields that JSON Schema cannot express; validateRecord checks them. */
const NOT_IN_SCHEMA =
  'Checked by validateRecord, not by this schema: dates in order (during events and the closing on or after before.date, ' +
  'none after the closing or withdrawal), goalsMet as long as before.goals, during events only with a before-part, ' +
  'values on the grid of a scale whose minimum is not a multiple of its step, a follow-up inside its window ' +
  '(closing date + monthsAfter calendar months ± windowDays) and not given twice for a point.';

/**
 * A JSON Schema document (draft 2020-12), as plain JSON.
 *
 * @example
 * ```ts
 * const schema: JsonSchema = recordJsonSchema(plan, { locale: 'en' });
 * schema.$schema;
 * // => 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * The JSON Schema (draft 2020-12) of the client records a plan accepts, for
 * a host system or a survey tool to build its data-entry form from. The
 * plan's codes (interventions, genders, main problems, goal areas, background
 * options, closing reasons, during measures) become `enum`s, with their
 * labels under `x-labels`; each instrument's range becomes `minimum`,
 * `maximum` and (where the grid starts on a multiple of its step)
 * `multipleOf`; ages are limited to the plan's age bands; every field has a
 * `title` in the chosen language and a `description` in the other.
 *
 * The schema checks each field (a during measure's value on its own
 * instrument's scale, so a binary urine test takes 0 or 1), that an
 * after-part has a before-part, that follow-ups (one object per plan point,
 * told apart by `point`, each with its own instruments and, where the plan
 * asks its questionnaire there, the same view items with the same values as
 * at closing) come with an after-part, and that a record is not both closed and withdrawn. What JSON
 * Schema cannot say is left to {@link validateRecord}, which stays the
 * authority, and is listed under `$comment`: dates in order (during events
 * and the closing after the start), a follow-up inside its window, `goalsMet`
 * as long as `goals`, during events only with a before-part, a value on the
 * grid of a scale whose minimum is not a multiple of its step.
 *
 * @param plan - a validated plan (as {@link parsePlan} returns it)
 * @param options - `locale` of the titles: `sv` (default) or `en`
 * @returns the JSON Schema, as plain JSON
 * @throws UppfoljningError when `plan` is not a valid plan (path `plan.…`),
 *   or `options` is not an object or has another locale (`options.locale`)
 *
 * @see https://json-schema.org/draft/2020-12/json-schema-validation the keywords used
 * @see https://zod.dev/json-schema zod's `toJSONSchema`, which writes it
 *
 * @example
 * ```ts
 * const schema = recordJsonSchema(plan);
 * (schema.properties as any).gender.enum;
 * // => ['kvinna', 'man']
 * ```
 */
export function recordJsonSchema(plan: Plan, options: { readonly locale?: Locale } = {}): JsonSchema {
  const { value: checkedPlan, issues } = planArg(plan);
  plan = checkedPlan;
  issues.push(...optionsIssues(options));
  const o = optionsOf(options);
  issues.push(...localeIssues(o.locale, ['options', 'locale']));
  throwIfAny(issues);
  const locale = (o.locale as Locale | undefined) ?? 'sv';
  const json = z.toJSONSchema(planRecordSchema(plan, locale), { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    ...json,
    // Steps in order: no after-part without a before-part, no follow-up
    // without an after-part, and a record is either closed (after) or
    // withdrawn, not both.
    dependentRequired: { after: ['before'] },
    if: { properties: { followUps: { minItems: 1 } }, required: ['followUps'] },
    then: { required: ['after'] },
    not: { required: ['after', 'withdrawal'] },
    $comment: NOT_IN_SCHEMA,
    $id: `urn:uppfoljning:plan:${plan.id}:record`,
    title: locale === 'sv' ? `Klientuppgifter: ${plan.title}` : `Client record: ${plan.title}`,
    description: plan.question,
  };
}
