import type { z } from 'zod';
import { issue, type Issue, type IssueParams } from './issue.js';
import { isRule } from './codes.js';
import { valueText } from './args.js';

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  return typeof input;
}

/**
 * Translates zod's issues into the library's {@link Issue}s, so that every
 * error, from a schema or from a domain rule, has one shape and one set of
 * sv/en texts. A custom zod issue carries its rule in `params.rule`.
 *
 * Parse with `{ reportInput: true }`: zod v4 leaves the input out of its
 * issues otherwise, and a wrong type could not be told from a missing value.
 * Without it, the kind is read from zod's default message as a fallback.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): Issue[] {
  const out: Issue[] = [];
  for (const zi of issues) {
    const path = [...prefix, ...(zi.path as (string | number)[])];
    out.push(...translate(zi, path));
  }
  return out;
}

function translate(zi: z.core.$ZodIssue, path: (string | number)[]): Issue[] {
  switch (zi.code) {
    case 'invalid_type': {
      if (!('input' in zi)) {
        // Parsed without reportInput: zod's default message ends "received <type>".
        const got = /received (\S+)$/.exec(zi.message)?.[1];
        if (got === undefined || got === 'undefined') return [issue(path, 'required')];
        return [issue(path, 'type', { expected: zi.expected, received: got })];
      }
      if (zi.input === undefined) return [issue(path, 'required')];
      if (zi.expected === 'int') return [issue(path, 'integer', { value: valueText(zi.input) })];
      if (zi.expected === 'number' && typeof zi.input === 'number') {
        return [issue(path, 'finite', { value: valueText(zi.input) })];
      }
      return [issue(path, 'type', { expected: zi.expected, received: received(zi.input) })];
    }
    case 'too_small':
      return [issue(path, 'min', { minimum: Number(zi.minimum), origin: zi.origin })];
    case 'too_big':
      return [issue(path, 'max', { maximum: Number(zi.maximum), origin: zi.origin })];
    case 'invalid_format':
      if (zi.format === 'date') return [issue(path, 'calendar_date', { value: valueText(zi.input) })];
      if (zi.format === 'regex') return [issue(path, 'format', { format: zi.message, value: valueText(zi.input) })];
      return [issue(path, 'format', { format: zi.format, value: valueText(zi.input) })];
    case 'invalid_value':
      return [
        issue(path, 'one_of', {
          values: zi.values.map((v) => valueText(v)),
          value: zi.input === undefined ? null : valueText(zi.input),
        }),
      ];
    case 'unrecognized_keys':
      return [issue(path, 'unknown_key', { keys: zi.keys })];
    case 'not_multiple_of':
      return [issue(path, 'not_on_scale', { value: valueText(zi.input), step: Number(zi.divisor), min: 0 })];
    case 'invalid_union': {
      // A discriminated union reports the branch that matched its tag; a plain
      // union reports a type problem at the path itself.
      // A discriminated union whose tag matches no branch: zod names the
      // discriminator and its options.
      const tagged = zi as { discriminator?: string; options?: unknown[]; input?: unknown };
      if (zi.errors.length === 0 && tagged.discriminator !== undefined && Array.isArray(tagged.options)) {
        const given = tagged.input !== null && typeof tagged.input === 'object' ? (tagged.input as Record<string, unknown>)[tagged.discriminator] : undefined;
        return [issue(path, 'one_of', { values: tagged.options.map((v) => valueText(v)), value: given === undefined ? null : valueText(given) })];
      }
      const nested = zi.errors.flat();
      if (nested.length > 0 && zi.errors.length === 1) return fromZodIssues(nested, path);
      return [issue(path, 'type', { expected: 'union', received: received(zi.input) })];
    }
    case 'custom': {
      const params = (zi.params ?? {}) as { rule?: string } & Record<string, unknown>;
      const { rule, ...rest } = params;
      // A custom type check names what it expected; what it got is read from the input (nothing: required).
      if (rule === 'type' && !('received' in rest) && 'input' in zi) {
        if (zi.input === undefined) return [issue(path, 'required')];
        rest.received = received(zi.input);
      }
      if (rule !== undefined && isRule(rule)) return [issue(path, rule, rest as IssueParams)];
      return [issue(path, 'format', { format: zi.message })];
    }
    default:
      return [issue(path, 'format', { format: zi.code })];
  }
}
