import { z } from 'zod';
import { CodeSchema, IsoDateSchema } from '../core/schemas.js';
import { issue, type Issue } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { Plan } from '../plan/plan.js';
import { ClientIdSchema, type ClientRecord } from './schema.js';
import { parseInput, stepArgs } from './step.js';
import { checkHead } from './check.js';
import { ageInCompletedYears } from '../identity/age.js';

/**
 * What {@link enrol} takes: the client's pseudonymous id, the intervention
 * (one of the plan's), the date the client was selected, the gender (one of
 * the plan's categories) and the birth date **or** the age. A birth date
 * gives the age in completed years at enrolment, and is kept in the record
 * until {@link before}, which computes the age at the start of the
 * intervention from it and drops it.
 *
 * @example
 * ```ts
 * EnrolInputSchema.safeParse({ clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', age: 34 }).success;
 * // => true
 * EnrolInputSchema.safeParse({ clientId: '180101-2392', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', age: 34 }).success;
 * // => false (looks_like_identity_number: use a pseudonym)
 * ```
 */
export const EnrolInputSchema = z
  .object({
    clientId: ClientIdSchema,
    intervention: CodeSchema,
    enrolled: IsoDateSchema,
    gender: CodeSchema,
    birthDate: IsoDateSchema.optional(),
    age: z.number().int().min(0).max(130).optional(),
  })
  .strict();

/**
 * The input of {@link enrol}.
 *
 * @example
 * ```ts
 * const input: EnrolInput = { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', birthDate: '1984-06-30' };
 * enrol(plan, input).age;
 * // => 34 (at enrolment; before() takes it again at the start and drops the birth date)
 * ```
 */
export type EnrolInput = z.infer<typeof EnrolInputSchema>;

/** @internal Age from a birth date or a given age, at a date; issues if neither or both. */
export function resolveAge(
  input: { birthDate?: string | undefined; age?: number | undefined },
  on: string,
  required: boolean,
  out: Issue[],
): number | undefined {
  if (input.birthDate !== undefined && input.age !== undefined) {
    out.push(issue(['age'], 'unknown_key', { keys: ['age', 'birthDate'] }));
    return undefined;
  }
  if (input.birthDate !== undefined) {
    if (input.birthDate > on) {
      // The birth date is left out: no message repeats one.
      out.push(issue(['birthDate'], 'date_order', { value: on, other: 'birthDate', otherLabel: 'birth_date' }));
      return undefined;
    }
    // One rule for age everywhere: identity/age.ts (29 February birthdays
    // complete a year on 28 February in common years, lag (1930:173) 1 §).
    return ageInCompletedYears(input.birthDate, on);
  }
  if (input.age === undefined && required) out.push(issue(['age'], 'required'));
  return input.age;
}

/**
 * Enrols a selected client in the follow-up: the first record, before the
 * intervention starts. A client who never starts stays counted as selected,
 * in the group of the age and gender given here. Does not throw.
 *
 * @param plan - a validated plan
 * @param input - see {@link EnrolInputSchema}
 * @returns the new record, or every issue found
 *
 * @example
 * ```ts
 * safeEnrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', age: 34 });
 * // => { success: true, data: { planId: 'bjorkebo-fcra', clientId: 'k-01', intervention: 'f-cra',
 * //      enrolled: '2019-01-07', age: 34, gender: 'man', during: [], followUps: [] } }
 * ```
 */
export function safeEnrol(plan: Plan, input: unknown): Result<ClientRecord> {
  const { plan: checkedPlan, issues: planIssues } = stepArgs(plan);
  if (planIssues.length > 0) return fail(planIssues);
  const parsed = parseInput(EnrolInputSchema, input);
  if (!parsed.data) return fail(parsed.issues);
  const { birthDate, age: givenAge, ...head } = parsed.data;
  const issues: Issue[] = [];
  const age = resolveAge({ birthDate, age: givenAge }, head.enrolled, true, issues);
  if (age === undefined) return fail(issues);
  // A birth date stays until the start, where before() takes the age at the start from it.
  const record: ClientRecord = { planId: checkedPlan.id, ...head, age, ...(birthDate === undefined ? {} : { birthDate }), during: [], followUps: [] };
  checkHead(checkedPlan, record, [], issues);
  return issues.length > 0 ? fail(issues) : ok(record);
}

/**
 * Enrols a selected client; the throwing form of {@link safeEnrol}.
 *
 * @param plan - a validated plan
 * @param input - see {@link EnrolInputSchema}
 * @returns the new record
 * @throws UppfoljningError naming every field that breaks a rule
 *
 * @example
 * ```ts
 * enrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man',
 *   birthDate: '1984-06-30' }).age;
 * // => 34
 * ```
 */
export function enrol(plan: Plan, input: EnrolInput): ClientRecord {
  return unwrap(safeEnrol(plan, input));
}
