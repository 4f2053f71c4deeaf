import type { z } from 'zod';
import { issue, type Issue, type PathSegment } from '../core/issue.js';
import { ClientRecordSchema, type ClientRecord } from './schema.js';
import { planArg, type Plan } from '../plan/plan.js';
import { parseArg, typeName } from '../core/args.js';

/** Parses a step's input with its schema; issues carry paths from the input's root. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.infer<S>; issues: [] } | { data: undefined; issues: Issue[] } {
  const parsed = parseArg(schema, input, []);
  return parsed.issues.length === 0 ? { data: parsed.value, issues: [] } : { data: undefined, issues: parsed.issues };
}

/** The state a record is in, for checking that steps come in order (a code; the locales word it). */
export function recordState(record: ClientRecord): 'withdrawn' | 'closed' | 'started' | 'enrolled' {
  if (record.withdrawal) return 'withdrawn';
  if (record.after) return 'closed';
  if (record.before) return 'started';
  return 'enrolled';
}

/**
 * A `type` issue at `record` when what was passed as a record is not an
 * object (e.g. null read back from storage), so a step fails with an issue
 * instead of a TypeError.
 */
export function notARecord(record: unknown): Issue | undefined {
  if (record !== null && typeof record === 'object' && !Array.isArray(record)) return undefined;
  return issue(['record'], 'type', { expected: 'object', received: typeName(record) });
}

/** An issue saying that `step` cannot be taken in the record's state. */
export function stepOrder(step: string, record: ClientRecord, path: readonly PathSegment[] = []): Issue {
  return issue(path, 'step_order', { step, state: recordState(record) });
}

/**
 * A step's plan and record arguments, checked once per call before anything
 * is read from them: the plan with the plan schema (issues under `plan`),
 * then the record with the record schema (issues under `record`), so that
 * garbage in either gives issues, not a TypeError. The plan is returned as
 * parsed; the record is used as given.
 */
export function stepArgs(plan: unknown, record?: unknown): { plan: Plan; issues: Issue[] } {
  const checked = planArg(plan);
  if (checked.issues.length > 0 || arguments.length < 2) return { plan: checked.value, issues: checked.issues };
  const shape = notARecord(record);
  return { plan: checked.value, issues: shape ? [shape] : parseArg(ClientRecordSchema, record, ['record']).issues };
}
