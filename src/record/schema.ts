import { z } from 'zod';
import { CodeSchema, IsoDateSchema } from '../core/schemas.js';
import { ClosingReasonSchema } from '../plan/plan.js';
import { IDENTITY_NUMBER_SHAPE } from '../identity/identity-number.js';


/**
 * A client id: the host's pseudonym for the client (e.g. from a keyed
 * pseudonym of the identity number). Anything that looks like a personal
 * identity or coordination number is rejected.
 *
 * @example
 * ```ts
 * ClientIdSchema.safeParse('20180101-2392').success;
 * // => false
 * ```
 */
export const ClientIdSchema = z
  .string()
  .min(1)
  .max(128)
  .refine((id) => !IDENTITY_NUMBER_SHAPE.test(id.trim()), { params: { rule: 'looks_like_identity_number' } });

/**
 * Measurements by instrument id, e.g. `{ 'tilltro-nykterhet': 2 }`.
 *
 * @example
 * ```ts
 * MeasuresSchema.parse({ audit: 14 });
 * // => { audit: 14 }
 * ```
 */
export const MeasuresSchema = z.record(CodeSchema, z.number());

/**
 * A client's answers to the plan's questionnaire (*klientens synpunkter*), by
 * item id: a number for an ordinal item (one of its answers' values, or its
 * don't-know value), `true`/`false` for a yes/no item (or its don't-know
 * value). An item left out was not answered.
 *
 * @example
 * ```ts
 * ViewAnswersSchema.parse({ respekt: 4, rekommendera: true });
 * // => { respekt: 4, rekommendera: true }
 * ```
 */
export const ViewAnswersSchema = z.record(CodeSchema, z.union([z.number(), z.boolean()]));

/**
 * A goal formulated together with the client (*mål, formulerat med
 * klienten*): a statement in the client's words, optionally a coded goal area,
 * and optionally a target value on the primary measure (for the `target` goal
 * rule). The statement stays in the record; results only count goal areas.
 *
 * @example
 * ```ts
 * GoalSchema.parse({ area: 'sysselsattning', statement: 'Börja praktik två dagar i veckan' });
 * ```
 */
export const GoalSchema = z
  .object({ area: CodeSchema.optional(), statement: z.string().min(1), target: z.number().optional() })
  .strict();

/**
 * A goal set with the client.
 *
 * @example
 * ```ts
 * const goal: Goal = { area: 'sysselsattning', statement: 'Börja praktik två dagar i veckan' };
 * before(plan, enrolledRecord, { date: '2019-01-14', mainProblem: 'alkohol', goals: [goal] }).before?.goals;
 * // => [{ area: 'sysselsattning', statement: 'Börja praktik två dagar i veckan' }]
 * ```
 */
export type Goal = z.infer<typeof GoalSchema>;

/**
 * Step 2 as stored in a record: the situation before the intervention: its
 * start date, background variables, the main problem, goals and baseline
 * measurements.
 *
 * @example
 * ```ts
 * BeforeSchema.parse({ date: '2019-01-14', mainProblem: 'alkohol' });
 * // => { date: '2019-01-14', background: {}, mainProblem: 'alkohol', goals: [], measures: {} }
 * ```
 */
export const BeforeSchema = z
  .object({
    date: IsoDateSchema,
    background: z.record(CodeSchema, z.union([z.string(), z.number(), z.boolean()])).default({}),
    mainProblem: CodeSchema,
    goals: z.array(GoalSchema).default([]),
    measures: MeasuresSchema.default({}),
  })
  .strict();

/**
 * The before part of a record.
 *
 * @example
 * ```ts
 * const b: Before | undefined = startedRecord.before;
 * b?.measures['tilltro-nykterhet'];
 * // => 2
 * ```
 */
export type Before = z.infer<typeof BeforeSchema>;

/**
 * Step 3: one thing that happened while the intervention ran: a repeated
 * measure (e.g. a weekly urine test), a session attended or missed (the dose),
 * or a deviation (*avvikelse*) reported in the case system. A deviation's
 * note stays in the record and never reaches results.
 *
 * @example
 * ```ts
 * DuringEventSchema.parse({ kind: 'measure', date: '2019-02-04', measure: 'urinprov', value: 0 });
 * ```
 */
export const DuringEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('measure'), date: IsoDateSchema, measure: CodeSchema, value: z.number() }).strict(),
  z.object({ kind: z.literal('session'), date: IsoDateSchema, attended: z.boolean() }).strict(),
  z.object({ kind: z.literal('deviation'), date: IsoDateSchema, note: z.string().optional() }).strict(),
]);

/**
 * An event during the intervention.
 *
 * @example
 * ```ts
 * const event: DuringEvent = { kind: 'measure', date: '2019-01-21', measure: 'urinprov', value: 0 };
 * during(plan, startedRecord, event).during.length;
 * // => 1
 * ```
 */
export type DuringEvent = z.infer<typeof DuringEventSchema>;

/**
 * Step 4 as stored in a record: the closing measurement and why the
 * intervention ended. `goalsMet` holds, for the `assessed` goal rule, whether
 * each goal (in the order of `before.goals`) was met; `views`, the client's
 * answers to the plan's questionnaire at closing ({@link ViewAnswersSchema}).
 *
 * @example
 * ```ts
 * AfterSchema.parse({ date: '2019-06-10', reason: 'completed' });
 * // => { date: '2019-06-10', reason: 'completed', measures: {} }
 * AfterSchema.safeParse({ date: '2019-06-10', reason: 'finished' }).success;
 * // => false (one_of)
 * ```
 */
export const AfterSchema = z
  .object({
    date: IsoDateSchema,
    reason: ClosingReasonSchema,
    measures: MeasuresSchema.default({}),
    goalsMet: z.array(z.boolean()).optional(),
    views: ViewAnswersSchema.optional(),
  })
  .strict();

/**
 * The after part of a record.
 *
 * @example
 * ```ts
 * const a: After | undefined = closedRecord.after;
 * a?.goalsMet;
 * // => [true]
 * ```
 */
export type After = z.infer<typeof AfterSchema>;

/**
 * A withdrawal from the follow-up before the intervention closed (*avförd
 * från uppföljningen*). The client stays counted in the attrition flow.
 *
 * @example
 * ```ts
 * WithdrawalSchema.safeParse({ date: '2019-03-02', reason: 'breakdown' }).success;
 * // => true
 * WithdrawalSchema.safeParse({ date: '2019-03-02', reason: 'completed' }).success;
 * // => false (a completed intervention is closed with after, not withdrawn)
 * ```
 */
export const WithdrawalSchema = z
  .object({ date: IsoDateSchema, reason: ClosingReasonSchema.exclude(['completed']) })
  .strict();

/**
 * A withdrawal.
 *
 * @example
 * ```ts
 * const w: Withdrawal = { date: '2019-03-02', reason: 'breakdown' };
 * withdraw(plan, startedRecord, w).withdrawal;
 * // => { date: '2019-03-02', reason: 'breakdown' }
 * ```
 */
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

/**
 * Whether a client was reached at a follow-up point (*nåddes vid
 * efteruppföljningen*): `reached` (measured, or at least reached),
 * `not_reached` (could not be reached within the window, *gick inte att nå*)
 * or `declined` (reached but declined to take part, *avböjde*).
 *
 * @example
 * ```ts
 * FollowUpStatusSchema.options;
 * // => ['reached', 'not_reached', 'declined']
 * ```
 */
export const FollowUpStatusSchema = z.enum(['reached', 'not_reached', 'declined']);

/**
 * A follow-up status, as defined by {@link FollowUpStatusSchema}.
 *
 * @example
 * ```ts
 * const status: FollowUpStatus = 'not_reached';
 * ```
 */
export type FollowUpStatus = z.infer<typeof FollowUpStatusSchema>;

/**
 * One follow-up after the end as stored in a record (*efteruppföljning*):
 * which of the plan's `followUps` points (`point`), the date of the
 * measurement (for `not_reached` and `declined`, the day the attempt ended),
 * whether the client was reached, and the measurements of the point's
 * instruments (only when reached).
 *
 * @example
 * ```ts
 * FollowUpMeasurementSchema.parse({ point: '12m', date: '2020-06-15', status: 'reached', measures: { 'tilltro-nykterhet': 4 } });
 * // => { point: '12m', date: '2020-06-15', status: 'reached', measures: { 'tilltro-nykterhet': 4 } }
 * FollowUpMeasurementSchema.parse({ point: '12m', date: '2020-07-10', status: 'not_reached' }).measures;
 * // => {}
 * ```
 */
export const FollowUpMeasurementSchema = z
  .object({
    point: CodeSchema,
    date: IsoDateSchema,
    status: FollowUpStatusSchema,
    measures: MeasuresSchema.default({}),
    views: ViewAnswersSchema.optional(),
  })
  .strict();

/**
 * A follow-up measurement, as defined by {@link FollowUpMeasurementSchema}.
 *
 * @example
 * ```ts
 * const m: FollowUpMeasurement = { point: '12m', date: '2020-06-15', status: 'reached', measures: { 'tilltro-nykterhet': 4 } };
 * ```
 */
export type FollowUpMeasurement = z.infer<typeof FollowUpMeasurementSchema>;

/**
 * One client's record in a follow-up: plain, JSON-serialisable data, built
 * step by step by {@link enrol}, {@link before}, {@link during}, {@link after},
 * {@link withdraw} and {@link followUp}, each returning a new record. `age` is in completed
 * years at the start of the intervention, `before.date` (at enrolment for a
 * client who never started); `gender` is one of the plan's gender codes.
 * `birthDate` is kept only between {@link enrol} and the start: when enrol is
 * given a birth date, the record holds it so that {@link before} can compute
 * the age at the start, and then drops it (as {@link withdraw} does before
 * the start); a record that has started never holds one (rule `unknown_key`),
 * and no compilation or report ever reads it. An identity number is never
 * stored.
 *
 * @example
 * ```ts
 * ClientRecordSchema.parse({
 *   planId: 'bjorkebo-fcra', clientId: 'k-7f3a', intervention: 'f-cra', enrolled: '2019-01-07',
 *   age: 34, gender: 'man',
 * }).during;
 * // => []
 * ```
 */
export const ClientRecordSchema = z
  .object({
    planId: CodeSchema,
    clientId: ClientIdSchema,
    intervention: CodeSchema,
    enrolled: IsoDateSchema,
    age: z.number().int().min(0).max(130),
    birthDate: IsoDateSchema.optional(),
    gender: CodeSchema,
    before: BeforeSchema.optional(),
    during: z.array(DuringEventSchema).default([]),
    after: AfterSchema.optional(),
    withdrawal: WithdrawalSchema.optional(),
    followUps: z.array(FollowUpMeasurementSchema).default([]),
  })
  .strict();

/**
 * A client's record, as defined by {@link ClientRecordSchema}.
 *
 * @example
 * ```ts
 * let record: ClientRecord = enrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', age: 34 });
 * record = before(plan, record, { date: '2019-01-14', mainProblem: 'alkohol', measures: { 'tilltro-nykterhet': 2 } });
 * record.age;
 * // => 34
 * ```
 */
export type ClientRecord = z.infer<typeof ClientRecordSchema>;
