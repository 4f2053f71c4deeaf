import { parseArg } from '../core/args.js';
import { stepArgs } from './step.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import type { Plan } from '../plan/plan.js';
import { ClientRecordSchema, type ClientRecord } from './schema.js';
import { checkRecord } from './check.js';

/**
 * Validates a whole record against its plan, e.g. a record a host system
 * stored and reads back, or one imported from a file: its shape, and every
 * plan rule (codes, instruments, values on their scales, dates in order,
 * steps in order, a start inside the plan's periods when it names them, a
 * follow-up inside its window). Does not throw.
 *
 * @param plan - a validated plan
 * @param input - the record as data
 * @returns the record with defaults filled in, or every issue found, with
 *   paths from the record's root
 *
 * @example
 * ```ts
 * // closedRecord: closed on 2019-06-10 after starting on 2019-01-14
 * validateRecord(plan, { ...closedRecord, after: { ...closedRecord.after, date: '2018-01-01' } });
 * // => { success: false, issues: [{ path: ['after', 'date'], rule: 'date_order', … }] }
 * ```
 */
export function validateRecord(plan: Plan, input: unknown): Result<ClientRecord> {
  const { plan: checkedPlan, issues: planIssues } = stepArgs(plan);
  if (planIssues.length > 0) return fail(planIssues);
  return validateRecordChecked(checkedPlan, input);
}

/**
 * {@link validateRecord} for a plan already checked (importCsv and the CLI
 * check it once, then validate many records).
 *
 * @internal
 */
export function validateRecordChecked(plan: Plan, input: unknown): Result<ClientRecord> {
  const parsed = parseArg(ClientRecordSchema, input, []);
  if (parsed.issues.length > 0) return fail(parsed.issues);
  const issues = checkRecord(plan, parsed.value);
  return issues.length > 0 ? fail(issues) : ok(parsed.value);
}

/**
 * Validates a whole record against its plan; throws on bad input.
 *
 * @param plan - a validated plan
 * @param input - the record as data
 * @returns the record
 * @throws UppfoljningError naming every field that breaks a rule
 *
 * @example
 * ```ts
 * const stored = JSON.stringify(record); // as a case system keeps it
 * parseRecord(plan, JSON.parse(stored)).clientId;
 * // => 'k-01'
 * ```
 */
export function parseRecord(plan: Plan, input: unknown): ClientRecord {
  return unwrap(validateRecord(plan, input));
}
