import { z } from 'zod';
import { issue, type Issue } from '../../core/issue.js';
import { UppfoljningError } from '../../core/error.js';
import { dimensionsIssues } from '../../compile/tabulate.js';
import { localeIssues, optionsIssues, optionsOf, parseArg, throwIfAny, typeName } from '../../core/args.js';
import { kIssues } from '../../privacy/protect-table.js';
import type { ReportModel, ReportOptions } from '../model.js';
import type { RawTable, ReportTable } from '../protect.js';

/**
 * The report entry's boundary: options, a report model handed back to a
 * renderer, and a raw table handed to protection are checked here, so bad
 * input is an UppfoljningError naming the path and the rule (in Swedish and
 * English), never a TypeError from deep inside a renderer.
 *
 * @internal
 */

/** Throws unless `options` is a report's options: locale sv/en, k a whole number ≥ 1, by known dimensions. */
export function checkReportOptions(options: unknown): ReportOptions {
  throwIfAny(optionsIssues(options));
  const o = optionsOf(options);
  const issues: Issue[] = [...localeIssues(o.locale, ['locale']), ...checkOptionalK(o.k), ...dimensionsIssues(o.by)];
  if (issues.length > 0) throw new UppfoljningError(issues);
  return o as ReportOptions;
}

/** Issues for a small-cell threshold that is not a whole number ≥ 1 (none when left out): privacy's own check. */
export const checkOptionalK = (k: unknown): Issue[] => (k === undefined ? [] : kIssues(k));

const Count = z.number().int().min(0);
const Protected = z.union([z.object({ value: Count }), z.object({ suppressed: z.enum(['primary', 'secondary']) })]);
const Bound = z.number().nullable();
const ReportCellShape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('count'), value: Protected }),
  z.object({
    kind: z.literal('share'),
    share: z.union([
      z.object({ share: z.number(), numerator: Count, denominator: Count }),
      z.object({ suppressed: z.enum(['primary', 'secondary']) }).loose(),
    ]),
    lower: Bound,
    upper: Bound,
  }),
  z.object({ kind: z.literal('number'), value: z.number().nullable(), n: Count, digits: z.number().int().min(0).max(20), suppressed: z.boolean() }),
]);
/** The fields every table has, with its kind of cell. */
const tableFields = <C extends z.ZodType>(cell: C) => ({
  id: z.string(),
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.array(cell) })),
});
const ReportTableShape = z
  .object({
    ...tableFields(ReportCellShape),
    k: z.number().int().min(1),
    suppressed: z.boolean(),
  })
  .loose();
/**
 * A report section's own fields; its tables are checked by the table shape
 * above, which is looser than {@link ReportTable} (protection's output type),
 * so the section's type takes its tables from protection's type.
 */
export const ReportSectionFields = z.object({
  id: z.enum(['flow', 'attainment', 'primary', 'during', 'target']),
  title: z.string(),
});
const ReportSectionShape = ReportSectionFields.extend({ tables: z.array(ReportTableShape) });
/** A report model's own fields, the only definition of them: `ReportModel` is inferred from it. */
export const ReportModelFields = z.object({
  locale: z.enum(['sv', 'en']),
  title: z.string(),
  planId: z.string(),
  fingerprint: z.string(),
  k: z.number().int().min(1),
  /** Plain-language summary for the quality report, from the analysis' findings, after small-cell protection. */
  summary: z.array(z.string()),
  /** The findings that limit what the numbers can say (small n, attrition, no comparison group). */
  cautions: z.array(z.string()),
  /** The primary measure's name. */
  instrument: z.string(),
});
const ReportModelShape = ReportModelFields.extend({ sections: z.array(ReportSectionShape) });

/** Throws unless `input` has the shape of a report model (as `buildReport` makes it); issues' paths start with `report`. */
export function assertReportModel(input: unknown): asserts input is ReportModel {
  throwIfAny(parseArg(ReportModelShape, input, ['report']).issues);
}

/** Whether a renderer's input is meant as a report model rather than a compilation. */
export const looksLikeModel = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && 'sections' in input;

const RawCellShape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('count'), value: Count }),
  z.object({ kind: z.literal('share'), count: Count, n: Count, lower: Bound, upper: Bound }),
  z.object({ kind: z.literal('number'), value: z.number().nullable(), n: Count, digits: z.number().int().min(0).max(20) }),
]);
const Index = z.number().int().min(0);
const RawTableShape = z
  .object({
    ...tableFields(RawCellShape),
    additive: z.array(Index).optional(),
    rowTotal: Index.optional(),
    hiddenMargins: z.object({ columnTotals: z.array(Index), total: z.boolean() }).optional(),
    partitions: z
      .array(
        z.object({
          column: Index,
          parts: z.array(Index),
          total: Index,
          sums: z.array(z.object({ row: Index, of: z.array(Index) })).optional(),
          derivable: z.array(Index).optional(),
        }),
      )
      .optional(),
  })
  .loose()
  .superRefine((t, ctx) => {
    // Indices must point into the table.
    const width = Math.min(...t.rows.map((r) => r.cells.length));
    const out = (path: (string | number)[], value: number, length: number) => {
      if (value >= length) ctx.addIssue({ code: 'custom', path, params: { rule: 'max', maximum: length - 1, origin: 'number' } });
    };
    if (t.rows.length > 0) {
      (t.additive ?? []).forEach((c, i) => out(['additive', i], c, width));
      if (t.rowTotal !== undefined) out(['rowTotal'], t.rowTotal, width);
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
export function assertRawTable(input: unknown, path: readonly (string | number)[] = ['table']): asserts input is RawTable {
  throwIfAny(parseArg(RawTableShape, input, path).issues);
}

/** Throws unless `input` is an array (of raw tables, checked one by one by the caller). */
export function assertArray(input: unknown, path: readonly (string | number)[]): asserts input is readonly unknown[] {
  if (!Array.isArray(input)) throw new UppfoljningError([issue(path, 'type', { expected: 'array', received: typeName(input) })]);
}
