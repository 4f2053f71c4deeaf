import type { Plan } from './plan.js';
import { dayOfMonth } from '../core/dates.js';
import { issue, type Issue } from '../core/issue.js';
import { fail, ok, type Result } from '../core/result.js';
import { IsoDateSchema } from '../core/schemas.js';
import { UppfoljningError } from '../core/error.js';
import { isRecord, kindOf, parseArg, throwIfAny, typeIssues, valueText } from '../core/args.js';
import { SelectionSchema } from './plan.js';

/**
 * A client who could be selected for the follow-up. `birthDate` is needed
 * only for the birthday rule; it is used to select and is never kept.
 *
 * @example
 * ```ts
 * const candidates: Candidate[] = [{ clientId: 'a', birthDate: '1980-03-05' }, { clientId: 'b', birthDate: '1979-11-06' }];
 * selectClients({ ...plan, selection: { kind: 'birthdays', days: [5, 15, 25] } }, candidates);
 * // => { success: true, data: ['a'] }
 * ```
 */
export interface Candidate {
  readonly clientId: string;
  readonly birthDate?: string;
}

/**
 * A random number generator with a seed, so that a random sample can be drawn
 * again and give the same clients: mulberry32 over a 32-bit FNV-1a hash of
 * the seed. Not for cryptography.
 *
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
 *
 * @param seed - any string or integer
 * @returns a function returning numbers in [0, 1)
 *
 * @example
 * ```ts
 * const random = seededRandom('björkebo-2019');
 * random() === seededRandom('björkebo-2019')();
 * // => true
 * ```
 */
export function seededRandom(seed: string | number): () => number {
  if (typeof seed !== 'string' && typeof seed !== 'number') {
    throw new UppfoljningError([seed === undefined ? issue(['seed'], 'required') : issue(['seed'], 'type', { expected: 'string | number', received: kindOf(seed) })]);
  }
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws a simple random sample of `size` items without replacement (a partial
 * Fisher–Yates shuffle on a copy), returned in their original order. With the
 * same seed and the same items in the same order, the same sample comes back.
 *
 * @param items - the population (not changed)
 * @param size - how many to draw; all items if there are fewer
 * @param random - a random source, e.g. {@link seededRandom}
 * @returns the sample
 * @throws UppfoljningError when items is not an array, size is not a number, or random is not a function or draws outside [0, 1)
 *
 * @example
 * ```ts
 * sampleSeeded(['a', 'b', 'c', 'd'], 2, seededRandom(1)).length;
 * // => 2
 * ```
 */
export function sampleSeeded<T>(items: readonly T[], size: number, random: () => number): T[] {
  throwIfAny([
    ...typeIssues(items, 'array', ['items']),
    ...(typeof size === 'number' && !Number.isNaN(size) ? [] : size === undefined ? [issue(['size'], 'required')] : [issue(['size'], 'type', { expected: 'number', received: kindOf(size) })]),
    ...typeIssues(random, 'function', ['random']),
  ]);
  const draw = (): number => {
    const r: unknown = random();
    if (typeof r === 'number' && r >= 0 && r < 1) return r;
    throw new UppfoljningError([issue(['random'], 'out_of_range', { value: typeof r === 'number' ? r : kindOf(r), min: 0, max: 1 })]);
  };
  const index = items.map((_, i) => i);
  const take = Math.min(Math.max(0, Math.floor(size)), items.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(draw() * (index.length - i));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  return index
    .slice(0, take)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

/**
 * Selects the clients to follow up, by the plan's selection rule: all
 * candidates; those born on the plan's days of the month (the method's way to
 * get a representative selection, e.g. the 5th, 15th and 25th); or a seeded
 * random sample of the plan's size. Returns client ids in candidate order.
 *
 * @param plan - a validated plan
 * @param candidates - the clients who could be selected (not changed)
 * @returns the selected client ids, or issues (a missing or invalid birth
 *   date under the birthday rule, a duplicate client id)
 *
 * @example
 * ```ts
 * selectClients({ ...plan, selection: { kind: 'birthdays', days: [5, 15, 25] } }, [
 *   { clientId: 'a', birthDate: '1980-03-05' },
 *   { clientId: 'b', birthDate: '1979-11-06' },
 * ]);
 * // => { success: true, data: ['a'] }
 * ```
 */
export function selectClients(plan: Pick<Plan, 'selection'>, candidates: readonly Candidate[]): Result<string[]> {
  const shape = typeIssues(plan, 'object', ['plan']);
  const planIssues = shape.length > 0 ? shape : parseArg(SelectionSchema, plan.selection, ['plan', 'selection']).issues;
  const candidateIssues = typeIssues(candidates, 'array', ['candidates']);
  if (candidateIssues.length > 0 || planIssues.length > 0) return fail([...planIssues, ...candidateIssues]);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  candidates.forEach((c, i) => {
    if (!isRecord(c)) issues.push(issue(['candidates', i], 'type', { expected: 'object', received: kindOf(c) }));
    else if (typeof c.clientId !== 'string' || c.clientId === '') issues.push(issue(['candidates', i, 'clientId'], 'required'));
    else if (seen.has(c.clientId)) issues.push(issue(['candidates', i, 'clientId'], 'duplicate', { value: c.clientId }));
    else seen.add(c.clientId);
  });
  const selection = plan.selection;
  if (selection.kind === 'birthdays') {
    candidates.forEach((c, i) => {
      if (!isRecord(c)) return;
      if (c.birthDate === undefined) issues.push(issue(['candidates', i, 'birthDate'], 'required'));
      else if (!IsoDateSchema.safeParse(c.birthDate).success) {
        issues.push(issue(['candidates', i, 'birthDate'], 'calendar_date', { value: valueText(c.birthDate) }));
      }
    });
  }
  if (issues.length > 0) return fail(issues);
  switch (selection.kind) {
    case 'all':
      return ok(candidates.map((c) => c.clientId));
    case 'birthdays': {
      const days = new Set(selection.days);
      return ok(candidates.filter((c) => days.has(dayOfMonth(c.birthDate!))).map((c) => c.clientId));
    }
    case 'random':
      return ok(sampleSeeded(candidates, selection.size, seededRandom(selection.seed)).map((c) => c.clientId));
  }
}
