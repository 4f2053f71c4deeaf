import { z } from 'zod';
import { issue, type Rule } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import { SUMS, widths, type CounterName } from './layout.js';
import { parseArg, typeName } from '../core/args.js';
import type { Compilation } from './compile.js';
import { MetaSchema } from './meta.js';

// Every counter is a count or a sum of non-negative grid indices. The values
// are checked in one plain loop (in the refinement below) rather than by a zod
// schema per element: merging 290 compilations is mostly this check.
const CountArray = z.array(z.unknown());

/**
 * The first value of a counter array that is not a whole number ≥ 0, or whose
 * running total is not a safe integer, as an issue's rule and params: beyond
 * 2^53 sums of counts are no longer exact (and V8 aborted the process on
 * them in the tests analyse runs), so every total of one counter must stay safe.
 */
function badCount(array: readonly unknown[]): { index: number; params: Record<string, unknown> } | undefined {
  let total = 0;
  for (let j = 0; j < array.length; j++) {
    const v = array[j];
    if (typeof v !== 'number') return { index: j, params: { rule: 'type', expected: 'number', received: v === null ? 'null' : typeof v } };
    if (!Number.isInteger(v)) return { index: j, params: { rule: 'integer', value: String(v) } };
    if (v < 0) return { index: j, params: { rule: 'min', minimum: 0, origin: 'number' } };
    total += v;
    if (!Number.isSafeInteger(total)) return { index: j, params: { rule: 'max', maximum: Number.MAX_SAFE_INTEGER, origin: 'number' } };
  }
  return undefined;
}

/**
 * The shape of a {@link Compilation} as JSON, to check one that arrives from
 * elsewhere (another municipality, a file) before merging or reporting: the
 * plan's description, and counter arrays of whole numbers whose lengths fit
 * the description.
 *
 * @example
 * ```ts
 * const received = JSON.stringify(compile(plan, records)); // e.g. from another municipality
 * CompilationSchema.safeParse(JSON.parse(received)).success;
 * // => true
 * ```
 */
export const CompilationSchema = z
  .object({
    format: z.literal('uppfoljning.compilation'),
    version: z.literal(1),
    meta: MetaSchema,
    cells: z.number().int().min(1),
    counts: z.record(z.string(), CountArray),
    invalid: z.object({ total: z.number().int().min(0), byRule: z.record(z.string(), z.number().int().min(0)) }),
  })
  .superRefine((c, ctx) => {
    const dims = c.meta.dims;
    const cells = dims.ageBands.length * dims.genders.length * dims.interventions.length;
    if (c.cells !== cells) ctx.addIssue({ code: 'custom', path: ['cells'], params: { rule: 'one_of', values: [cells], value: c.cells } });
    const w = widths(c.meta);
    for (const name of Object.keys(w) as CounterName[]) {
      const array = c.counts[name];
      if (array === undefined) ctx.addIssue({ code: 'custom', path: ['counts', name], params: { rule: 'required' } });
      else if (array.length !== cells * w[name]) {
        ctx.addIssue({ code: 'custom', path: ['counts', name], params: { rule: 'one_of', values: [cells * w[name]], value: array.length } });
      } else {
        const bad = badCount(array);
        if (bad) ctx.addIssue({ code: 'custom', path: ['counts', name, bad.index], params: bad.params });
      }
    }
    for (const name of Object.keys(c.counts)) {
      if (!(name in w)) ctx.addIssue({ code: 'custom', path: ['counts'], params: { rule: 'unknown_key', keys: [name] } });
    }
    if (!c.meta.primary.histogram) return;
    // Each histogram of the primary measure counts the same people as its sum
    // counter's n: a compilation that disagrees was altered or damaged (and a
    // huge count in one bin would otherwise be expanded by analyse's tests).
    const sums = c.counts.sums as number[] | undefined;
    if (sums?.length !== cells * w.sums || badCount(sums)) return;
    SUMS.forEach((name, k) => {
      const hist = c.counts[name] as number[] | undefined;
      const width = w[name];
      if (hist?.length !== cells * width || badCount(hist)) return;
      for (let cell = 0; cell < cells; cell++) {
        let total = 0;
        for (let j = 0; j < width; j++) total += hist[cell * width + j]!;
        const at = cell * w.sums + k * 3;
        if (sums[at] !== total) {
          ctx.addIssue({ code: 'custom', path: ['counts', 'sums', at], params: { rule: 'margin_mismatch', value: sums[at], expected: total } });
          return;
        }
      }
    });
  });

/**
 * Checks a compilation received as data. Does not throw.
 *
 * @param input - the compilation as data (e.g. parsed JSON)
 * @returns the compilation, or every issue found
 *
 * @example
 * ```ts
 * validateCompilation({}).success;
 * // => false
 * ```
 */
export function validateCompilation(input: unknown): Result<Compilation> {
  const parsed = parseArg(CompilationSchema, input, []);
  if (parsed.issues.length > 0) return fail(parsed.issues);
  // The refinement checked that every counter is there, as long as the layout
  // says and of whole numbers ≥ 0; zod's record type cannot say so, so the
  // counts alone are narrowed here. Everything else is the schema's own type.
  return ok({ ...parsed.value, counts: parsed.value.counts as unknown as Compilation['counts'] });
}

/**
 * Merges compilations of the same plan into one, as a county pools its
 * municipalities' follow-ups without any microdata. Every counter is a count
 * or an exact integer sum, so merging equals compiling the union of the
 * records, and the order of merging does not matter. Inputs are checked and
 * never changed. Does not throw.
 *
 * @param compilations - one or more compilations of the same plan
 * @returns the merged compilation, or issues (paths from `compilations`):
 *   not an array (`type`), an empty array (`min`), a malformed compilation
 *   (`compilations[i].…`), or compilations of different plans (`incompatible`)
 *
 * @example
 * ```ts
 * safeMergeCompilations([compile(plan, records.slice(0, 20)), compile(plan, records.slice(20))]).success;
 * // => true
 * ```
 */
export function safeMergeCompilations(compilations: readonly unknown[]): Result<Compilation> {
  if (!Array.isArray(compilations)) return fail([issue(['compilations'], 'type', { expected: 'array', received: typeName(compilations) })]);
  if (compilations.length === 0) return fail([issue(['compilations'], 'min', { minimum: 1, origin: 'array' })]);
  const checked: Compilation[] = [];
  for (let i = 0; i < compilations.length; i++) {
    const result = validateCompilation(compilations[i]);
    if (!result.success) return fail(result.issues.map((x) => ({ ...x, path: ['compilations', i, ...x.path] })));
    checked.push(result.data);
  }
  const first = checked[0]!;
  for (let i = 1; i < checked.length; i++) {
    const other = checked[i]!;
    if (other.meta.fingerprint !== first.meta.fingerprint || other.meta.planId !== first.meta.planId) {
      return fail([issue(['compilations', i, 'meta', 'fingerprint'], 'incompatible', { what: 'plans' })]);
    }
  }
  const counts = {} as { [K in CounterName]: number[] };
  for (const name of Object.keys(first.counts) as CounterName[]) {
    const sum = first.counts[name].slice();
    for (let i = 1; i < checked.length; i++) {
      const add = checked[i]!.counts[name];
      for (let j = 0; j < sum.length; j++) sum[j] = sum[j]! + add[j]!;
    }
    if (badCount(sum)) return fail([issue(['compilations'], 'max', { maximum: Number.MAX_SAFE_INTEGER, origin: 'number' })]);
    counts[name] = sum;
  }
  const byRule: Partial<Record<Rule, number>> = {};
  let total = 0;
  for (const c of checked) {
    total += c.invalid.total;
    for (const [rule, n] of Object.entries(c.invalid.byRule) as [Rule, number][]) byRule[rule] = (byRule[rule] ?? 0) + n;
  }
  return ok({ ...first, counts, invalid: { total, byRule } });
}

/**
 * Merges compilations of the same plan; the throwing form of
 * {@link safeMergeCompilations}.
 *
 * @param compilations - one or more compilations of the same plan
 * @returns the merged compilation
 * @throws UppfoljningError for a malformed compilation or different plans
 *
 * @example
 * ```ts
 * const county = mergeCompilations([compile(plan, records.slice(0, 20)), compile(plan, records.slice(20))]);
 * tabulate(county).total.flow.selected;
 * // => 40 (as if all 40 records were compiled at once)
 * ```
 */
export function mergeCompilations(compilations: readonly Compilation[]): Compilation {
  return unwrap(safeMergeCompilations(compilations));
}
