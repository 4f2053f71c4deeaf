import { z } from 'zod';
import { EnrolInputSchema, resolveAge } from '../record/enrol.js';
import type { Issue } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { Plan } from '../plan/plan.js';
import { BeforeSchema, type ClientRecord } from '../record/schema.js';
import { stepArgs, parseInput, stepOrder } from '../record/step.js';
import { checkAge, checkBefore } from '../record/check.js';

// The stored before-part (BeforeSchema) with enrol's birth date and age
// (EnrolInputSchema) after its date: each field defined once.
const { date: startDate, ...storedBefore } = BeforeSchema.shape;
const enrolShape = EnrolInputSchema.shape;

/**
 * What {@link before} takes (step 2, *situationen före insats*): the start
 * date of the intervention, background variables, the main problem, the goals
 * set with the client, and the baseline measurements. The record's age becomes
 * the age at the start (`date`): from a birth date or an age given here, else
 * from the birth date enrol kept, else the age given at enrolment stays. The
 * birth date is then dropped from the record.
 * It is {@link BeforeSchema} with {@link EnrolInputSchema}'s `birthDate` and `age`.
 *
 * @example
 * ```ts
 * BeforeInputSchema.safeParse({ date: '2019-01-14', mainProblem: 'alkohol', measures: { 'tilltro-nykterhet': 2 } }).success;
 * // => true
 * BeforeInputSchema.safeParse({ date: '2019-02-30', mainProblem: 'alkohol' }).success;
 * // => false (calendar_date)
 * ```
 */
export const BeforeInputSchema = z
  .object({ date: startDate, birthDate: enrolShape.birthDate, age: enrolShape.age, ...storedBefore })
  .strict();

/**
 * The input of {@link before}.
 *
 * @example
 * ```ts
 * const input: BeforeInput = { date: '2019-01-14', mainProblem: 'alkohol',
 *   goals: [{ area: 'sysselsattning', statement: 'Börja praktik två dagar i veckan' }], measures: { 'tilltro-nykterhet': 2 } };
 * before(plan, enrolledRecord, input).before?.goals.length;
 * // => 1
 * ```
 */
export type BeforeInput = z.input<typeof BeforeInputSchema>;

/**
 * Records the situation before the intervention. Does not throw.
 *
 * @param plan - a validated plan
 * @param record - an enrolled record that has not started
 * @param input - see {@link BeforeInputSchema}
 * @returns a new record with `before` set, or every issue found (nothing is
 *   half-applied; the given record is never changed)
 *
 * @example
 * ```ts
 * safeBefore(plan, enrolledRecord, { date: '2019-01-14', mainProblem: 'alkohol',
 *   measures: { 'tilltro-nykterhet': 2 } }).success;
 * // => true
 * ```
 */
export function safeBefore(plan: Plan, record: ClientRecord, input: unknown): Result<ClientRecord> {
  const { plan: checkedPlan, issues: argIssues } = stepArgs(plan, record);
  if (argIssues.length > 0) return fail(argIssues);
  if (record.before || record.after || record.withdrawal) return fail([stepOrder('before', record)]);
  const parsed = parseInput(BeforeInputSchema, input);
  if (!parsed.data) return fail(parsed.issues);
  const { birthDate: givenBirthDate, age: givenAge, ...part } = parsed.data;
  const issues: Issue[] = [];
  // The age at the start: from the age or birth date given here, else from
  // the birth date kept since enrolment, else the enrolment age stays.
  const birthDate = givenBirthDate ?? (givenAge === undefined ? record.birthDate : undefined);
  const age = resolveAge({ birthDate, age: givenAge }, part.date, false, issues) ?? record.age;
  if (issues.length > 0) return fail(issues);
  // A start date before the enrolment date is allowed: clients already in the
  // intervention when the follow-up begins are enrolled after their start.
  checkAge(checkedPlan, age, ['age'], issues);
  checkBefore(checkedPlan, part, [], issues);
  const { birthDate: _dropped, ...kept } = record;
  return issues.length > 0 ? fail(issues) : ok({ ...kept, age, before: part });
}

/**
 * Records the situation before the intervention; the throwing form of
 * {@link safeBefore}.
 *
 * @param plan - a validated plan
 * @param record - an enrolled record that has not started
 * @param input - see {@link BeforeInputSchema}
 * @returns a new record with `before` set
 * @throws UppfoljningError naming every field that breaks a rule
 *
 * @example
 * ```ts
 * before(plan, enrolledRecord, { date: '2019-01-14', birthDate: '1984-06-30',
 *   mainProblem: 'alkohol', measures: { 'tilltro-nykterhet': 2 } }).age;
 * // => 34
 * ```
 */
export function before(plan: Plan, record: ClientRecord, input: BeforeInput): ClientRecord {
  return unwrap(safeBefore(plan, record, input));
}
