import { z } from 'zod';
import { DimensionsSchema } from '../../compile/tabulate.js';
import { IsoDateSchema } from '../../core/schemas.js';
import { optionsIssues, parseArg, throwIfAny } from '../../core/args.js';
import { KSchema, ProtectedCellSchema } from '../../privacy/protect-table.js';
import { PublishedShareSchema, SuppressedShareSchema } from '../../privacy/protect-share.js';

/**
 * The report entry's data shapes as zod schemas, the one definition of each
 * (the public types in model.ts and protect.ts are inferred from them), and
 * the boundary that checks them: options, a report model handed back to a
 * renderer, and raw tables handed to protection, so bad input is an
 * UppfoljningError naming the path and the rule (in Swedish and English,
 * through core's translation of zod's issues), never a TypeError from deep
 * inside a renderer.
 *
 * @internal
 */

/** The options of `buildReport` and the renderers: the one definition of `ReportOptions`. */
export const ReportOptionsSchema = z.object({
  locale: z.enum(['sv', 'en']).optional().describe('`sv` (default) or `en`.'),
  k: KSchema.optional().describe('The small-cell threshold k (default 5): counts 1 to k − 1 are not shown.'),
  audience: z
    .enum(['published', 'internal'])
    .optional()
    .describe(
      "Who the report is for: `published` (default), protected with k; `internal`, the unit's own reflection meeting: no count is hidden (k = 1, so `k` is not used), still no identifiers, and every format carries a banner that it must not be published.",
    ),
  regroup: z
    .boolean()
    .optional()
    .describe('Whether to regroup before hiding (default true): pool weeks, fold rare categories into Övriga, merge adjacent age bands (see docs/privacy.md).'),
  smileys: z
    .boolean()
    .optional()
    .describe(
      "Whether the four goal-attainment levels carry the pilot's smileys beside their names (default false): in the HTML report's tables and chart legend (drawn as SVG, with a text alternative) and in Markdown's tables (as emoji). Read by the renderers and `chartSpecs`, so it also applies to a report model.",
    ),
  by: DimensionsSchema.optional()
    .describe('The dimensions to break goal attainment down by (default: every dimension with more than one category).'),
  date: IsoDateSchema.optional().describe("The report's date (YYYY-MM-DD), given by the caller: the CLI passes today's date. Without it the header has no date."),
  plan: z
    .looseObject({ id: z.string(), question: z.string(), targetGroup: z.string(), period: z.looseObject({ from: IsoDateSchema, to: IsoDateSchema.optional() }).optional() })
    .optional()
    .describe("The compilation's plan, for the header's question, target group and period; its `id` must be the compilation's `planId`."),
});

/** Throws unless `options` is a report's options (path `options` when it is not an object, else the option's name). */
export function checkReportOptions(options: unknown): z.output<typeof ReportOptionsSchema> {
  throwIfAny(optionsIssues(options));
  const parsed = parseArg(ReportOptionsSchema, options ?? {}, []);
  throwIfAny(parsed.issues);
  return parsed.value;
}

/** Issues for a small-cell threshold that is not a whole number ≥ 1: privacy's own schema. */
export const kIssues = (k: unknown) => parseArg(KSchema, k, ['k']).issues;

const Count = z.number().int().min(0);
const Bound = z.number().nullable();
const Digits = z.number().int().min(0).max(20);

/** A share hidden to protect a linked count (see `buildReport`). */
const SecondaryShareSchema = z.object({ suppressed: z.literal('secondary') });

/** A cell of a table after small-cell protection: the one definition of `ReportCell`. */
export const ReportCellSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('count'), value: ProtectedCellSchema }),
  z.object({
    kind: z.literal('share'),
    share: z
      .union([PublishedShareSchema, SuppressedShareSchema, SecondaryShareSchema])
      .describe("The protected share, or `{ suppressed: 'secondary' }` when it is hidden to protect a linked count."),
    lower: Bound,
    upper: Bound,
  }),
  z.object({ kind: z.literal('number'), value: z.number().nullable(), n: Count, digits: Digits, suppressed: z.boolean() }),
]);

/** The fields every table has, with its kind of cell. */
const tableFields = <C extends z.ZodType>(cell: C) => ({
  id: z.string(),
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.array(cell) })),
});

/** A table that has passed small-cell protection: the one definition of `ReportTable`. */
export const ReportTableSchema = z.object({
  ...tableFields(ReportCellSchema),
  k: z.number().int().min(1).describe('The threshold k used.'),
  suppressed: z.boolean().describe('Whether any value is suppressed.'),
  margins: z
    .object({ columnTotals: z.array(ProtectedCellSchema), total: ProtectedCellSchema })
    .optional()
    .describe(
      'For a table with an `additive` block: its column totals and grand total after protection. Not shown in the table; ' +
        'they say which shared totals the table needs hidden, for linking tables.',
    ),
  note: z.string().optional().describe('What was regrouped before suppression, in one sentence in the report\'s language (shown below the table).'),
  regrouped: z
    .array(z.object({ row: z.string(), parts: z.array(z.string()).min(2) }))
    .optional()
    .describe(
      "Rows that merge groups of the plan before suppression: the row's `key` and the keys of the groups it merges, " +
        'which are not published one by one (a merged row is the sum of its parts).',
    ),
});

/** One section of a report: the one definition of `ReportSection`. */
export const ReportSectionSchema = z.object({
  id: z.enum(['flow', 'attainment', 'primary', 'measures', 'follow-up', 'during', 'target', 'background', 'views']),
  title: z.string(),
  tables: z.array(ReportTableSchema),
  text: z.array(z.string()).optional().describe("The section's findings in words, after small-cell protection (the client views', other measures', follow-up and background sections)."),
});

/** A report model: the one definition of `ReportModel`. */
export const ReportModelSchema = z.object({
  locale: z.enum(['sv', 'en']),
  title: z.string(),
  planId: z.string(),
  fingerprint: z.string(),
  k: z.number().int().min(1),
  /** Who the report is for; an `internal` report hides no count and says so on every page. */
  audience: z.enum(['published', 'internal']).default('published').describe('Who the report is for; an `internal` report hides no count and says so on every page.'),
  /** Plain-language summary for the quality report, from the analysis' findings, after small-cell protection. */
  summary: z.array(z.string()).describe("Plain-language summary for the quality report, from the analysis' findings, after small-cell protection."),
  header: z
    .array(z.object({ label: z.string(), text: z.string() }))
    .describe("The header's lines: the question, target group, interventions and period from the plan, the number of clients followed, the report date."),
  /** The statistical tests behind the summary, worded for a reader, after small-cell protection. */
  tests: z.array(z.string()).describe('The statistical tests behind the summary, worded for a reader, after small-cell protection.'),
  /** The findings that limit what the numbers can say (small n, attrition, no comparison group). */
  cautions: z.array(z.string()).describe('The findings that limit what the numbers can say (small n, attrition, no comparison group).'),
  sections: z.array(ReportSectionSchema),
  /** The primary measure's name. */
  instrument: z.string().describe("The primary measure's name."),
});

/** Throws unless `input` has the shape of a report model (as `buildReport` makes it); issues' paths start with `report`. */
export function assertReportModel(input: unknown): asserts input is z.output<typeof ReportModelSchema> {
  throwIfAny(parseArg(ReportModelSchema, input, ['report']).issues);
}

/** Whether a renderer's input is meant as a report model rather than a compilation. */
export const looksLikeModel = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && 'sections' in input;

/** A cell of a table before protection: the one definition of `RawCell`. */
export const RawCellSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('count'), value: Count }),
  z.object({ kind: z.literal('share'), count: Count, n: Count, lower: Bound, upper: Bound }),
  z
    .object({ kind: z.literal('number'), value: z.number().nullable(), n: Count, digits: Digits })
    .describe('A statistic (mean, median …) resting on `n` people; `value` is `null` when it does not exist.'),
]);

const Index = z.number().int().min(0);

/** One partition of a table's rows: the one definition of `Partition`. */
export const PartitionSchema = z.object({
  column: Index.describe('The column that holds the counts.'),
  parts: z.array(Index).describe('The rows whose counts partition the total row.'),
  total: Index.describe('The total row.'),
  sums: z.array(z.object({ row: Index, of: z.array(Index) })).optional().describe('Rows that are sums of some of the parts.'),
  derivable: z
    .array(Index)
    .optional()
    .describe('Parts that other tables reveal anyway: protection never relies on hiding them, and hides the total instead.'),
});

/** A table as a section builds it, before protection: the one definition of `RawTable` (indices are checked to point into the table). */
export const RawTableSchema = z
  .object({
    ...tableFields(RawCellSchema),
    additive: z.array(Index).optional().describe('Column indices whose counts partition the rows (a two-way table of counts), protected with margins.'),
    rowTotal: Index.optional().describe("The column that holds each row's total of the `additive` block (e.g. n)."),
    hiddenMargins: z
      .object({ columnTotals: z.array(Index), total: z.boolean() })
      .optional()
      .describe('Totals of the `additive` block that a linked table hides (indices into `additive`; `total`: the grand total).'),
    partitions: z.array(PartitionSchema).optional().describe('Rows whose counts partition a total row, protected in order.'),
    moments: z
      .array(Index)
      .optional()
      .describe("`additive` columns that are a distribution whose n, mean and standard deviation are printed elsewhere: a column with a hidden cell is hidden whole."),
  })
  .superRefine((t, ctx) => {
    // Indices must point into the table.
    const width = Math.min(...t.rows.map((r) => r.cells.length));
    const out = (path: (string | number)[], value: number, length: number) => {
      if (value >= length) ctx.addIssue({ code: 'custom', path, params: { rule: 'max', maximum: length - 1, origin: 'number' } });
    };
    if (t.rows.length > 0) {
      (t.additive ?? []).forEach((c, i) => out(['additive', i], c, width));
      if (t.rowTotal !== undefined) out(['rowTotal'], t.rowTotal, width);
      (t.moments ?? []).forEach((c, i) => out(['moments', i], c, width));
    }
    (t.partitions ?? []).forEach((p, i) => {
      if (t.rows.length > 0) out(['partitions', i, 'column'], p.column, width);
      p.parts.forEach((r, j) => out(['partitions', i, 'parts', j], r, t.rows.length));
      out(['partitions', i, 'total'], p.total, t.rows.length);
      (p.sums ?? []).forEach((sum, j) => {
        out(['partitions', i, 'sums', j, 'row'], sum.row, t.rows.length);
        sum.of.forEach((r, m) => out(['partitions', i, 'sums', j, 'of', m], r, t.rows.length));
      });
    });
  });

/** Throws unless `input` is a raw table with the shape protection expects; paths start with `path`. */
export function assertRawTable(input: unknown, path: readonly (string | number)[] = ['table']): asserts input is z.output<typeof RawTableSchema> {
  throwIfAny(parseArg(RawTableSchema, input, path).issues);
}

/** Throws unless `input` is an array of raw tables; paths start with `path` (`tables[i]…` for a table). */
export function assertRawTables(input: unknown, path: readonly (string | number)[]): asserts input is readonly z.output<typeof RawTableSchema>[] {
  throwIfAny(parseArg(z.array(RawTableSchema), input, path).issues);
}
