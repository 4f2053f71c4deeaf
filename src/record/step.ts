import type { z } from 'zod';
import { issue, type Issue, type PathSegment } from '../core/issue.js';
import { ClientRecordSchema, type ClientRecord } from './schema.js';
import { planArg, type Plan } from '../plan/plan.js';
import { parseArg } from '../core/args.js';

/** Parses a step's input with its schema; issues carry paths from the input's root. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.infer<S>; issues: [] } | { data: undefined; issues: Issue[] } {
  const parsed = parseArg(schema, input, []);
  return parsed.issues.length === 0 ? { data: parsed.value, issues: [] } : { data: undefined, issues: parsed.issues };
}

/** The state a record is in, for checking that steps come in order. */
export function recordState(record: ClientRecord): { en: string; sv: string } {
  if (record.withdrawal) return { en: 'withdrawn', sv: 'avfört' };
  if (record.after) return { en: 'closed', sv: 'avslutat' };
  if (record.before) return { en: 'started', sv: 'påbörjat' };
  return { en: 'enrolled', sv: 'utvalt' };
}

/** The kind of a value, as the `type` rule names it. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * A `type` issue at `record` when what was passed as a record is not an
 * object (e.g. null read back from storage), so a step fails with an issue
 * instead of a TypeError.
 */
export function notARecord(record: unknown): Issue | undefined {
  if (record !== null && typeof record === 'object' && !Array.isArray(record)) return undefined;
  return issue(['record'], 'type', { expected: 'object', received: kindOf(record) });
}

/** An issue saying that `step` cannot be taken in the record's state. */
export function stepOrder(step: string, record: ClientRecord, path: readonly PathSegment[] = []): Issue {
  const state = recordState(record);
  return issue(path, 'step_order', { step, state: state.en });
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
