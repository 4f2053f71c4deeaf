import { z } from 'zod';
import { CodeSchema, IsoDateSchema } from '../core/schemas.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { Issue } from '../core/issue.js';
import type { Locale } from '../core/locale.js';
import type { Plan } from './plan.js';
import { ClientIdSchema, type ClientRecord } from '../record/schema.js';
import { parseInput } from '../record/_lib/step.js';
import { checkHead } from '../record/_lib/check.js';

/**
 * What {@link enrol} takes: the client's pseudonymous id, the intervention
 * (one of the plan's), and the date the client was selected.
 */
export const EnrolInputSchema = z
  .object({ clientId: ClientIdSchema, intervention: CodeSchema, enrolled: IsoDateSchema })
  .strict();

/** The input of {@link enrol}. */
export type EnrolInput = z.infer<typeof EnrolInputSchema>;

/**
 * Enrols a selected client in the follow-up: the first record, before the
 * intervention starts. A client who never starts stays counted as selected.
 * Does not throw.
 *
 * @param plan - a validated plan
 * @param input - client id, intervention code and selection date
 * @returns the new record, or every issue found
 *
 * @example
 * ```ts
 * safeEnrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07' });
 * // => { success: true, data: { planId: 'bjorkebo-fcra', clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', during: [] } }
 * ```
 */
export function safeEnrol(plan: Plan, input: unknown): Result<ClientRecord> {
  const parsed = parseInput(EnrolInputSchema, input);
  if (!parsed.data) return fail(parsed.issues);
  const record: ClientRecord = { planId: plan.id, ...parsed.data, during: [] };
  const issues: Issue[] = [];
  checkHead(plan, record, [], issues);
  return issues.length > 0 ? fail(issues) : ok(record);
}

/**
 * Enrols a selected client; the throwing form of {@link safeEnrol}.
 *
 * @param plan - a validated plan
 * @param input - client id, intervention code and selection date
 * @param locale - the language of the error message
 * @returns the new record
 * @throws UppfoljningError naming every field that breaks a rule
 *
 * @example
 * ```ts
 * enrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07' }).during;
 * // => []
 * ```
 */
export function enrol(plan: Plan, input: EnrolInput, locale: Locale = 'sv'): ClientRecord {
  return unwrap(safeEnrol(plan, input), locale);
}
