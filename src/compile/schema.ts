import { z } from 'zod';
import { RULES } from '../core/codes.js';
import { fail, ok, type Result } from '../core/result.js';
import { kindOf, parseArg } from '../core/args.js';
import type { DeepReadonly } from '../core/readonly.js';
import { COUNTERS, widths, type CounterName } from './layout.js';
import { MetaSchema } from './meta.js';
import { cellCount } from './dims.js';
import { consistencyIssues } from './_lib/consistency.js';

/**
 * @internal The first value of a counter array that is not a whole number ≥ 0,
 * or whose running total is not a safe integer, as an issue's rule and
 * params: beyond 2^53 sums of counts are no longer exact (and V8 aborted the
 * process on them in the tests analyse runs), so every total of one counter
 * must stay safe.
 */
export function badCount(array: readonly unknown[]): { index: number; params: Record<string, unknown> } | undefined {
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

// A counter array: the array itself here; its values (whole numbers ≥ 0 with
// a safe total), its length and its agreement with the other counters in the
// refinement below, in plain loops rather than a zod schema per element
// (which copies the array: merging 290 compilations is mostly this check).
// A missing array is `required` and another value names its kind, as every other field's issues do.
const CountArray = z.custom<readonly number[]>().superRefine((value, ctx) => {
  if (value === undefined) ctx.addIssue({ code: 'custom', params: { rule: 'required' } });
  else if (!Array.isArray(value)) ctx.addIssue({ code: 'custom', params: { rule: 'type', expected: 'array', received: kindOf(value) } });
});

/** The counts object's shape, one counter array per name of the layout, so that the type has exactly those keys. */
const countsShape = (): { [K in CounterName]: typeof CountArray } => {
  const shape = {} as { [K in CounterName]: typeof CountArray };
  for (const name of COUNTERS) shape[name] = CountArray;
  return shape;
};

const Count = z.number().int().min(0);

/**
 * The shape of a {@link Compilation} as JSON, and its only definition: the
 * type is inferred from it. It checks one that arrives from elsewhere
 * (another municipality, a file) before merging or reporting: the plan's
 * description, counter arrays of whole numbers whose lengths fit the
 * description, and counts that agree with each other as compile's fold makes
 * them (started = withdrawn + ongoing + closed, closed = classified +
 * unclassified, a histogram counts its sum's n, … with rules `count_sum`,
 * `exceeds_total`, `moment_bounds` and `margin_mismatch`, each with the path
 * and the numbers).
 *
 * @example
 * ```ts
 * const received = JSON.stringify(compile(plan, records)); // e.g. from another municipality
 * CompilationSchema.safeParse(JSON.parse(received)).success;
 * // => true
 * const altered = JSON.parse(received);
 * altered.counts.flow[3] += 1; // one more closed in the first cell than its closing reasons say
 * CompilationSchema.safeParse(altered).success;
 * // => false
 * ```
 */
export const CompilationSchema = z
  .object({
    format: z.literal('uppfoljning.compilation').describe('Always `uppfoljning.compilation`.'),
    version: z.literal(1).describe('The format version: 1.'),
    meta: MetaSchema.describe("The plan's description: dimensions, the primary measure, labels and the fingerprint."),
    cells: z.number().int().min(1).describe('Number of cells: age bands × genders × interventions × units × periods.'),
    counts: z.strictObject(countsShape()).describe('Counter arrays, each `cells × width` long, cell-major (see `docs/architecture.md`).'),
    invalid: z
      .object({
        total: Count.describe('Records that could not be placed or counted.'),
        byRule: z.partialRecord(z.enum(RULES), Count).describe('The same records, by the rule they broke.'),
      })
      .describe('Records that could not be placed or counted, by the rule they broke.'),
  })
  .superRefine((c, ctx) => {
    const dims = c.meta.dims;
    const cells = cellCount(dims);
    let whole = true;
    if (c.cells !== cells) {
      ctx.addIssue({ code: 'custom', path: ['cells'], params: { rule: 'one_of', values: [cells], value: c.cells } });
      whole = false;
    }
    const w = widths(c.meta);
    for (const name of COUNTERS) {
      const array: unknown = c.counts[name];
      if (!Array.isArray(array)) whole = false;
      else if (array.length !== cells * w[name]) {
        ctx.addIssue({ code: 'custom', path: ['counts', name], params: { rule: 'one_of', values: [cells * w[name]], value: array.length } });
        whole = false;
      } else {
        const bad = badCount(array);
        if (bad) {
          ctx.addIssue({ code: 'custom', path: ['counts', name, bad.index], params: bad.params });
          whole = false;
        }
      }
    }
    // Counts that contradict each other are looked for only in counters that are whole.
    if (!whole) return;
    consistencyIssues(c.meta, cells, c.counts, c.invalid, (path, rule, params) => ctx.addIssue({ code: 'custom', path: [...path], params: { ...params, rule } }));
  });

/**
 * A compilation (step 5, *sammanställa uppgifterna*): counts for every cell
 * of age band × gender × intervention × unit × period, in flat arrays of plain numbers, plus
 * the plan's description. Plain JSON, with no microdata: no client ids, no
 * dates, no free text. Every number is a count or an exact integer sum, so
 * {@link mergeCompilations} of two compilations equals compiling the union,
 * in any order. The type of what {@link CompilationSchema} accepts, read-only:
 *
 * - `format`, `version`: `uppfoljning.compilation`, 1;
 * - `meta`: the plan's description ({@link CompilationMeta});
 * - `cells`: the number of cells, age bands × genders × interventions × units × periods;
 * - `counts`: one counter array per counter name, each `cells × width` long, cell-major;
 * - `invalid`: records that could not be placed or counted, in total and by the rule they broke.
 *
 * Read it with {@link tabulate} and {@link analyse}; the layout is described
 * in `docs/architecture.md`.
 *
 * @example
 * ```ts
 * const compilation: Compilation = compile(plan, records);
 * compilation.invalid;
 * // => { total: 0, byRule: {} } (every record placed and counted)
 * tabulate(mergeCompilations([compilation, compilation])).total.flow.selected;
 * // => 80 (merged with a compilation of the same plan, the counts add up)
 * ```
 */
export type Compilation = DeepReadonly<z.output<typeof CompilationSchema>>;

/**
 * Checks a compilation received as data: its shape, and that its counts
 * agree with each other (see {@link CompilationSchema}). Does not throw.
 *
 * @param input - the compilation as data (e.g. parsed JSON)
 * @returns the compilation, or every issue found
 *
 * @example
 * ```ts
 * validateCompilation({}).success;
 * // => false
 * validateCompilation(JSON.parse(JSON.stringify(compile(plan, records)))).success;
 * // => true
 * ```
 */
export function validateCompilation(input: unknown): Result<Compilation> {
  const parsed = parseArg(CompilationSchema, input, []);
  return parsed.issues.length > 0 ? fail(parsed.issues) : ok(parsed.value);
}
