import { z } from 'zod';
import { issue, type Issue, type Rule } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import { widths, type CounterName } from './layout.js';
import { optionsIssues, parseArg, typeName } from '../core/args.js';
import type { DeepReadonly } from '../core/readonly.js';
import { CategorySchema } from '../core/schemas.js';
import { badCount, validateCompilation, type Compilation } from './schema.js';
import { cellCount, cellIndex, cellIndices, POOLED_UNIT } from './dims.js';

/** @internal The options of {@link mergeCompilations}: the one definition of {@link MergeOptions}. */
export const MergeOptionsSchema = z
  .object({
    pool: z
      .union([z.boolean(), CategorySchema])
      .optional()
      .describe('Sum every unit into one: `true` (the one unit the inputs share, or "All units"), or the unit to name the sum (e.g. the county).'),
    distinct: z.boolean().optional().describe('Refuse a unit and period that more than one compilation holds (rule `duplicate`): each input is a different contributor.'),
  })
  .strict();

/**
 * Options of {@link mergeCompilations}:
 *
 * - `pool`: sum the units into one instead of keeping each contributor as a
 *   value of the unit dimension: `true` (named as the one unit the inputs
 *   share, or *Alla enheter* / *All units* when they are several), or a
 *   `{ code, label }` to name the sum (e.g. the county);
 * - `distinct`: each compilation is a different contributor, so the same
 *   unit and period in two of them is double counting: refused (`duplicate`).
 *   Without it the same unit's compilations add up (batches of one unit's
 *   records, or workers of one national run).
 *
 * @example
 * ```ts
 * const options: MergeOptions = { pool: { code: 'lan', label: { sv: 'Länet', en: 'The county' } }, distinct: true };
 * ```
 */
export type MergeOptions = DeepReadonly<z.input<typeof MergeOptionsSchema>>;

type Dims = Compilation['meta']['dims'];
type Unit = Dims['units'][number];
type Period = Dims['periods'][number];

/** The parts of two plans' fingerprints that differ, as an incompatible issue's params (names, and each side's JSON text). */
function differingParts(first: Compilation['meta'], other: Compilation['meta']): { parts: string[]; first: string[]; other: string[] } {
  const names = [...new Set([...Object.keys(first.parts), ...Object.keys(other.parts)])];
  const parts = names.filter((n) => first.parts[n] !== other.parts[n]);
  return { parts, first: parts.map((n) => first.parts[n] ?? '–'), other: parts.map((n) => other.parts[n] ?? '–') };
}

const incompatible = (i: number, path: readonly string[], params: { parts: string[]; first: string[]; other: string[] }): Issue =>
  issue(['compilations', i, 'meta', ...path], 'incompatible', params.parts.length === 0 ? { what: 'plans' } : { what: 'plans', ...params });

/**
 * The categories of a dimension that merging keeps apart (units, periods):
 * the union of every compilation's, in code order, so that the order of the
 * inputs does not matter. The same code must mean the same thing in each
 * (same label, same dates), or it is an issue naming the part.
 */
function union<T extends { readonly code: string }>(
  lists: readonly (readonly T[])[],
  part: 'units' | 'periods',
  order: (a: T, b: T) => number,
): Result<T[]> {
  const byCode = new Map<string, T>();
  for (let i = 0; i < lists.length; i++) {
    for (const item of lists[i]!) {
      const seen = byCode.get(item.code);
      if (seen === undefined) byCode.set(item.code, item);
      else if (JSON.stringify(seen) !== JSON.stringify(item)) {
        return fail([incompatible(i, ['dims', part], { parts: [part], first: [JSON.stringify(seen)], other: [JSON.stringify(item)] })]);
      }
    }
  }
  return ok([...byCode.values()].sort(order));
}

const byCode = (a: { readonly code: string }, b: { readonly code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const byStart = (a: Period, b: Period) => ((a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : byCode(a, b));

/**
 * Merges compilations of the same plan into one, as a county pools its
 * municipalities' follow-ups without any microdata. Each contributor's unit
 * (the plan's `unit`) stays a value of the unit dimension, and each period a
 * value of the period dimension, so a county's report can show each
 * municipality beside the total and a unit this year beside last year; the
 * cells are laid out again over the union of units and periods (in code and
 * time order). Compilations of the same unit and period add up (batches of
 * one unit's records), unless `distinct` says each is another contributor;
 * `pool` sums every unit into one. Every counter is a count or an exact
 * integer sum, so merging equals compiling the union of the records with
 * each record in its unit (or all in the pooled one), in any order, and
 * merging is associative. Inputs are checked and never changed. Does not throw.
 *
 * @param compilations - one or more compilations of the same plan (the plan's unit and period may differ)
 * @param options - `pool`, `distinct` (see {@link MergeOptions})
 * @returns the merged compilation, or issues (paths from `compilations`):
 *   not an array (`type`), an empty array (`min`), a malformed compilation
 *   (`compilations[i].…`), compilations of different plan versions
 *   (`incompatible`, naming each part that differs — age bands, primary
 *   measure, goal rule … — with both sides), a unit or period code that means
 *   different things (`incompatible`, part `units` or `periods`), or with
 *   `distinct` the same unit and period twice (`duplicate`)
 *
 * @example
 * ```ts
 * safeMergeCompilations([compile(plan, records.slice(0, 20)), compile(plan, records.slice(20))]).success;
 * // => true
 * const older = compile({ ...plan, grouping: { ...plan.grouping, ageBands: [{ from: 18, to: 39 }, { from: 40 }] } }, []);
 * const refused = safeMergeCompilations([compile(plan, records), older]);
 * refused.success ? undefined : refused.issues[0]?.params.parts;
 * // => ['ageBands']
 * ```
 */
export function safeMergeCompilations(compilations: readonly unknown[], options: MergeOptions = {}): Result<Compilation> {
  if (!Array.isArray(compilations)) return fail([issue(['compilations'], 'type', { expected: 'array', received: typeName(compilations) })]);
  const optionIssues = optionsIssues(options);
  if (optionIssues.length > 0) return fail(optionIssues);
  const parsedOptions = parseArg(MergeOptionsSchema, options ?? {}, ['options']);
  if (parsedOptions.issues.length > 0) return fail(parsedOptions.issues);
  const { pool, distinct } = parsedOptions.value;
  if (compilations.length === 0) return fail([issue(['compilations'], 'min', { minimum: 1, origin: 'array' })]);
  const checked: Compilation[] = [];
  for (let i = 0; i < compilations.length; i++) {
    const result = validateCompilation(compilations[i]);
    if (!result.success) return fail(result.issues.map((x) => ({ ...x, path: ['compilations', i, ...x.path] })));
    checked.push(result.data);
  }
  const first = checked[0]!;
  const w = widths(first.meta);
  const names = Object.keys(first.counts) as CounterName[];
  for (let i = 1; i < checked.length; i++) {
    const other = checked[i]!;
    if (other.meta.fingerprint !== first.meta.fingerprint || other.meta.planId !== first.meta.planId) {
      return fail([incompatible(i, ['fingerprint'], differingParts(first.meta, other.meta))]);
    }
    const ow = widths(other.meta);
    const wider = names.filter((n) => ow[n] !== w[n]);
    if (wider.length > 0) return fail([incompatible(i, ['fingerprint'], { parts: ['counters'], first: [wider.map((n) => `${n} ${w[n]}`).join(', ')], other: [wider.map((n) => `${n} ${ow[n]}`).join(', ')] })]);
  }

  const periods = union(checked.map((c) => c.meta.dims.periods), 'periods', byStart);
  if (!periods.success) return periods;
  const distinctUnits = union(checked.map((c) => c.meta.dims.units), 'units', byCode);
  if (!distinctUnits.success) return distinctUnits;
  const units: Unit[] =
    pool === undefined || pool === false
      ? distinctUnits.data
      : [typeof pool === 'object' ? pool : distinctUnits.data.length === 1 ? distinctUnits.data[0]! : POOLED_UNIT];
  if (distinct === true) {
    const seen = new Set<string>();
    for (let i = 0; i < checked.length; i++) {
      const dims = checked[i]!.meta.dims;
      for (const u of dims.units) {
        for (const p of dims.periods) {
          const key = JSON.stringify([u.code, p.code]);
          if (seen.has(key)) return fail([issue(['compilations', i, 'meta', 'dims', 'units'], 'duplicate', { value: `${u.code} ${p.code}` })]);
          seen.add(key);
        }
      }
    }
  }
  const dims: Dims = { ...first.meta.dims, units, periods: periods.data };
  const cells = cellCount(dims);

  const counts = {} as { [K in CounterName]: number[] };
  for (const name of names) counts[name] = new Array<number>(cells * w[name]).fill(0);
  for (const c of checked) {
    const unitAt = c.meta.dims.units.map((u) => (units.length === 1 ? 0 : units.findIndex((x) => x.code === u.code)));
    const periodAt = c.meta.dims.periods.map((p) => periods.data.findIndex((x) => x.code === p.code));
    const same = unitAt.length === units.length && unitAt.every((u, i) => u === i) && periodAt.length === periods.data.length && periodAt.every((p, i) => p === i);
    for (const name of names) {
      const sum = counts[name];
      const add = c.counts[name];
      if (same) {
        for (let j = 0; j < sum.length; j++) sum[j] = sum[j]! + add[j]!;
        continue;
      }
      // Each of the compilation's cells into the merged cell of the same categories, its unit and period re-indexed.
      const width = w[name];
      for (let cell = 0; cell < c.cells; cell++) {
        const index = cellIndices(c.meta.dims, cell);
        index[3] = unitAt[index[3]!]!;
        index[4] = periodAt[index[4]!]!;
        const to = cellIndex(dims, index) * width;
        const from = cell * width;
        for (let j = 0; j < width; j++) sum[to + j] = sum[to + j]! + add[from + j]!;
      }
    }
  }
  for (const name of names) {
    if (badCount(counts[name])) return fail([issue(['compilations'], 'max', { maximum: Number.MAX_SAFE_INTEGER, origin: 'number' })]);
  }
  const byRule: Partial<Record<Rule, number>> = {};
  let total = 0;
  for (const c of checked) {
    total += c.invalid.total;
    for (const [rule, n] of Object.entries(c.invalid.byRule) as [Rule, number][]) byRule[rule] = (byRule[rule] ?? 0) + n;
  }
  return ok({ ...first, meta: { ...first.meta, dims }, cells, counts, invalid: { total, byRule } });
}

/**
 * Merges compilations of the same plan, keeping each contributor's unit and
 * each period apart unless pooled; the throwing form of
 * {@link safeMergeCompilations}.
 *
 * @param compilations - one or more compilations of the same plan
 * @param options - `pool`, `distinct` (see {@link MergeOptions})
 * @returns the merged compilation
 * @throws UppfoljningError for a malformed compilation, different plan
 *   versions (naming what differs), or with `distinct` a unit and period twice
 *
 * @example
 * ```ts
 * const county = mergeCompilations([compile(plan, records.slice(0, 20)), compile(plan, records.slice(20))]);
 * tabulate(county).total.flow.selected;
 * // => 40 (as if all 40 records were compiled at once)
 * const nexus = compile({ ...plan, unit: { code: 'nexus', label: { sv: 'Nexus', en: 'Nexus' } } }, records.slice(0, 20));
 * const bjorkebo = compile({ ...plan, unit: { code: 'bjorkebo', label: { sv: 'Björkebo', en: 'Björkebo' } } }, records.slice(20));
 * tabulate(mergeCompilations([nexus, bjorkebo]), { by: ['unit'] }).rows.map((r) => [r.key.unit, r.flow.selected]);
 * // => [['bjorkebo', 20], ['nexus', 20]] (each contributor kept, in code order)
 * mergeCompilations([nexus, bjorkebo], { pool: true }).meta.dims.units.map((u) => u.label.en);
 * // => ['All units']
 * ```
 */
export function mergeCompilations(compilations: readonly Compilation[], options: MergeOptions = {}): Compilation {
  return unwrap(safeMergeCompilations(compilations, options));
}
