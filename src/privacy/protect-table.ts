import { z } from 'zod';
import { issue, type Issue } from '../core/issue.js';
import { fail, ok, unwrap, type Result } from '../core/result.js';
import { isRecoverable, type Grid } from './_lib/recover.js';
import { isRecord, optionsIssues, ownValue, parseArg, typeIssues } from '../core/args.js';
import type { DeepReadonly } from '../core/readonly.js';

/**
 * The small-cell threshold used when none is given: counts 1–4 are suppressed.
 *
 * @example
 * ```ts
 * protectShare(3, 20);
 * // => { suppressed: 'primary', because: 'numerator' } (3 < DEFAULT_K)
 * protectShare(3, 20, { k: 3 });
 * // => { share: 0.15, numerator: 3, denominator: 20 }
 * ```
 */
export const DEFAULT_K = 5;

/**
 * How a suppressed value is shown to people, in every language: two full stops, never a zero.
 *
 * @example
 * ```ts
 * const table = protectTable({ cells: [[12, 3], [7, 9]] });
 * table.cells[0]!.map((cell) => formatProtectedCell(cell));
 * // => ['..', '..'] (SUPPRESSED_MARK, never a zero)
 * ```
 */
export const SUPPRESSED_MARK = '..';

const count = z.number().int().min(0);

/**
 * A two-way table of counts meant for people: `cells[row][column]`,
 * non-negative whole numbers, every row as long as the first. The row totals,
 * column totals and grand total are published with it; give them to check
 * them, or leave them out and they are summed from the cells.
 *
 * @example
 * ```ts
 * CountTableSchema.parse({ cells: [[12, 3], [7, 9]] });
 * // => { cells: [[12, 3], [7, 9]] }
 * ```
 */
export const CountTableSchema = z
  .object({
    /** The counts, `cells[row][column]`. */
    cells: z.array(z.array(count).min(1)).min(1),
    /** The row totals, if the caller has them; checked against the cells. */
    rowTotals: z.array(count).optional(),
    /** The column totals, if the caller has them; checked against the cells. */
    columnTotals: z.array(count).optional(),
    /** The grand total, if the caller has it; checked against the cells. */
    total: count.optional(),
  })
  .strict();

/**
 * A table of counts, as defined by {@link CountTableSchema}.
 *
 * @example
 * ```ts
 * const table: CountTable = { cells: [[12, 3], [7, 9]], total: 31 };
 * protectTable(table).total;
 * // => { value: 31 }
 * ```
 */
export type CountTable = z.infer<typeof CountTableSchema>;

/** @internal A published count of a protected table: the one definition of {@link PublishedValue}. */
export const PublishedValueSchema = z.object({ value: count.describe('The count, unchanged.') });

/** @internal A suppressed count of a protected table: the one definition of {@link SuppressedValue}. */
export const SuppressedValueSchema = z.object({
  suppressed: z.enum(['primary', 'secondary']).describe('`primary`: the count is from 1 to k − 1; `secondary`: hidden to protect a primary one.'),
});

/** @internal One published value of a protected table, the count or a mark that it is suppressed: the one definition of {@link ProtectedCell}. */
export const ProtectedCellSchema = z.union([PublishedValueSchema, SuppressedValueSchema]);

/**
 * One published value of a protected table: the count, or a mark that it is
 * suppressed: `primary` (the count itself is below k) or `secondary`
 * (suppressed so that a primary cell cannot be worked out from the others).
 * Render suppressed values as {@link SUPPRESSED_MARK}, never as zero.
 *
 * @example
 * ```ts
 * const cells: ProtectedCell[] = [{ value: 12 }, { suppressed: 'primary' }];
 * ```
 */
export type ProtectedCell = DeepReadonly<z.output<typeof ProtectedCellSchema>>;

/**
 * A published count of a protected table: `value`, the count, unchanged.
 *
 * @example
 * ```ts
 * const total = protectTable({ cells: [[12, 3], [7, 9]] }).total;
 * if (!isSuppressed(total)) total.value;
 * // => 31
 * ```
 */
export type PublishedValue = DeepReadonly<z.output<typeof PublishedValueSchema>>;

/**
 * A suppressed count of a protected table, shown as {@link SUPPRESSED_MARK}:
 * `suppressed` is `primary` when the count is from 1 to k − 1, `secondary`
 * when it is hidden to protect a primary one.
 *
 * @example
 * ```ts
 * const cell = protectTable({ cells: [[12, 3], [7, 9]] }).cells[0]![1]!;
 * isSuppressed(cell) && cell.suppressed;
 * // => 'primary' (3 is below k = 5)
 * ```
 */
export type SuppressedValue = DeepReadonly<z.output<typeof SuppressedValueSchema>>;

/**
 * A table after small-cell protection: the shape of {@link CountTable}, every value a {@link ProtectedCell}.
 *
 * @example
 * ```ts
 * const table: ProtectedTable = protectTable({ cells: [[12, 3], [7, 9]] });
 * table.rowTotals.map((cell) => formatProtectedCell(cell));
 * // => ['15', '16']
 * ```
 */
export interface ProtectedTable {
  /** The threshold used: counts 1 to k − 1 were suppressed. */
  readonly k: number;
  /** The inner cells, `cells[row][column]`. */
  readonly cells: readonly (readonly ProtectedCell[])[];
  /** One per row. */
  readonly rowTotals: readonly ProtectedCell[];
  /** One per column. */
  readonly columnTotals: readonly ProtectedCell[];
  /** The grand total. */
  readonly total: ProtectedCell;
}

/** @internal The threshold k: a whole number, at least 1. */
export const KSchema = z.number().int().min(1);

/** @internal Issues for a threshold k that is not a whole number ≥ 1 (path `k`, as the option's name). */
export const kIssues = (k: unknown): Issue[] => parseArg(KSchema, k, ['k']).issues;

const index = z.number().int().min(0);

/**
 * @internal The options of {@link protectTable}, the one definition of
 * {@link ProtectOptions}. That `hidden`'s indices lie inside the table is
 * checked against the table.
 */
export const ProtectOptionsSchema = z.object({
  k: KSchema.optional().describe('The threshold: counts from 1 to k − 1 are suppressed. A whole number, at least 1; default 5.'),
  hidden: z
    .object({
      rowTotals: z.array(index).optional().describe('Row totals hidden elsewhere (0-based).'),
      columnTotals: z.array(index).optional().describe('Column totals hidden elsewhere (0-based).'),
      total: z.boolean().optional().describe('Whether the grand total is hidden elsewhere.'),
      cells: z
        .array(z.tuple([index, index]))
        .optional()
        .describe('Inner cells `[row, column]` (0-based) that must be hidden for a reason outside the table, e.g. a relation with another table.'),
    })
    .optional()
    .describe(
      'Margins hidden elsewhere, for linked tables: suppressed from the start (as `secondary`, or `primary` when small), ' +
        'and protected by the secondary search like any other hidden value.',
    ),
});

/**
 * Options for {@link protectTable}, the type inferred from the zod schema that checks them:
 *
 * - `k`: the threshold: counts from 1 to k − 1 are suppressed. A whole
 *   number, at least 1; default {@link DEFAULT_K}.
 * - `hidden`: margins hidden elsewhere, for linked tables (`rowTotals`,
 *   `columnTotals`: 0-based indices; `total`: the grand total). When several
 *   tables share a margin (e.g. goal attainment by gender and by age band
 *   share the totals per level), a total hidden in one must stay
 *   unrecoverable in each. These are suppressed from the start (as
 *   `secondary`, or `primary` when small), and the secondary search protects
 *   them like any other hidden value. `cells` (`[row, column]` pairs) are
 *   inner cells that must be hidden for a reason outside the table: a
 *   report's joint protection hides them when a relation with another
 *   table would undo a hidden count.
 *
 * @example
 * ```ts
 * const options: ProtectOptions = { k: 3 };
 * protectTable({ cells: [[12, 3], [7, 9]] }, options).cells[0];
 * // => [{ value: 12 }, { value: 3 }]
 * ```
 */
export type ProtectOptions = DeepReadonly<z.input<typeof ProtectOptionsSchema>>;

/**
 * `hidden`'s indices inside the table: rows and columns of inner cells,
 * 0-based. Read from the options as given, so that an index outside the
 * table is reported beside the schema's issues; what is not a whole number
 * ≥ 0 is the schema's to report.
 */
function hiddenIssues(options: unknown, rows: number, cols: number): Issue[] {
  const hidden = isRecord(options) ? ownValue(options, 'hidden') : undefined;
  const issues: Issue[] = [];
  const check = (field: string, length: number) => {
    const list = isRecord(hidden) ? ownValue(hidden, field) : undefined;
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i++) {
      const v: unknown = list[i];
      if (Number.isInteger(v) && (v as number) >= length) issues.push(issue(['hidden', field, i], 'max', { maximum: length - 1, origin: 'number' }));
    }
  };
  check('rowTotals', rows);
  check('columnTotals', cols);
  const cells = isRecord(hidden) ? ownValue(hidden, 'cells') : undefined;
  if (Array.isArray(cells))
    cells.forEach((pair: unknown, i) => {
      if (!Array.isArray(pair)) return;
      [rows, cols].forEach((length, side) => {
        const v: unknown = pair[side];
        if (Number.isInteger(v) && (v as number) >= length) issues.push(issue(['hidden', 'cells', i, side], 'max', { maximum: length - 1, origin: 'number' }));
      });
    });
  return issues;
}

/** Validates the table and returns its (R+1)×(C+1) grid with margins. */
function toGrid(input: unknown): Result<number[][]> {
  const parsed = parseArg(CountTableSchema, input, []);
  if (parsed.issues.length > 0) return fail(parsed.issues);
  const t = parsed.value;
  const cols = t.cells[0]?.length ?? 0;
  const issues: Issue[] = [];
  t.cells.forEach((row, i) => {
    if (row.length !== cols) issues.push(issue(['cells', i], 'ragged_table', { row: i, length: row.length, expected: cols }));
  });
  if (issues.length > 0) return fail(issues);
  const rowSums = t.cells.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: cols }, (_, j) => t.cells.reduce((s, row) => s + (row[j] ?? 0), 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  const checkMargins = (given: readonly number[] | undefined, sums: number[], field: string) => {
    if (given === undefined) return;
    if (given.length !== sums.length) {
      issues.push(issue([field], 'ragged_table', { row: field, length: given.length, expected: sums.length }));
      return;
    }
    given.forEach((v, i) => {
      if (v !== sums[i]) issues.push(issue([field, i], 'margin_mismatch', { value: v, expected: sums[i] ?? 0 }));
    });
  };
  checkMargins(t.rowTotals, rowSums, 'rowTotals');
  checkMargins(t.columnTotals, colSums, 'columnTotals');
  if (t.total !== undefined && t.total !== total) issues.push(issue(['total'], 'margin_mismatch', { value: t.total, expected: total }));
  if (issues.length > 0) return fail(issues);
  return ok([...t.cells.map((row, i) => [...row, rowSums[i] ?? 0]), [...colSums, total]]);
}

/**
 * Small-cell protection of a two-way table with its margins, as official
 * statistics do it: a presentation step on raw counts, applied before any
 * rounding and after any pooling (merge compilations first, protect last;
 * the unprotected counts stay with the caller).
 *
 * 1. **Primary suppression**: every count from 1 to k − 1, inner cell or
 *    margin, is suppressed. Zeros are published: official statistics
 *    usually publish them, and a zero names nobody (but see `docs/privacy.md`
 *    on group disclosure).
 * 2. **Secondary suppression**: more cells are suppressed until no suppressed
 *    value can be worked out exactly from the published cells and margins.
 *    First every row and column (margins included) that holds one
 *    suppressed value gets a second; then an exact check (a flow-cycle test
 *    equivalent to the cell's linear-programming range, see
 *    `privacy/_lib/recover.ts`) adds cells until each suppressed value could
 *    take at least two values. Partners are chosen to lose little: positive
 *    before zero, inner cells before totals, cells whose other line already
 *    has a suppression, then the smallest count.
 *
 * It protects one table against its own margins; tables that share cells or
 * margins (linked tables) must be protected together by the caller, and the
 * attacker's knowledge that a primary cell lies in 1…k−1 is not modelled.
 *
 * @param table - the counts (see {@link CountTableSchema})
 * @param options - the threshold k (default 5)
 * @returns the protected table, or the issues (`ragged_table`, `margin_mismatch`, `integer`, `min`)
 * @see Hundepool, A. et al. (2012). Statistical Disclosure Control. Wiley, ch. 4 (magnitude and frequency tables: primary and secondary suppression)
 * @see Cox, L. H. (1980). Suppression methodology and statistical disclosure control. JASA 75(370), 377–385
 *
 * @example
 * ```ts
 * validateProtectTable({ cells: [[12, 3], [7, 9]] });
 * // => { success: true, data: { k: 5,
 * //   cells: [[{ suppressed: 'secondary' }, { suppressed: 'primary' }], [{ suppressed: 'secondary' }, { suppressed: 'secondary' }]],
 * //   rowTotals: [{ value: 15 }, { value: 16 }], columnTotals: [{ value: 19 }, { value: 12 }], total: { value: 31 } } }
 * ```
 */
export function validateProtectTable(table: unknown, options: ProtectOptions = {}): Result<ProtectedTable> {
  const shape = [...typeIssues(table, 'object', ['table']), ...optionsIssues(options)];
  if (shape.length > 0) return fail(shape);
  const parsed = parseArg(ProtectOptionsSchema, options, []);
  const grid = toGrid(table);
  if (!grid.success) return fail([...parsed.issues, ...grid.issues]);
  const values = grid.data;
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const issues = [...parsed.issues, ...hiddenIssues(options, rows - 1, cols - 1)];
  if (issues.length > 0) return fail(issues);
  const { k = DEFAULT_K, hidden } = parsed.value;
  const mark: (0 | 1 | 2)[][] = values.map((row) => row.map((v) => (v >= 1 && v < k ? 1 : 0)));
  const hide = (i: number, j: number) => {
    const row = mark[i]!;
    if (row[j] === 0) row[j] = 2;
  };
  for (const i of hidden?.rowTotals ?? []) hide(i, cols - 1);
  for (const j of hidden?.columnTotals ?? []) hide(rows - 1, j);
  if (hidden?.total === true) hide(rows - 1, cols - 1);
  for (const [i, j] of hidden?.cells ?? []) hide(i, j);
  suppressSecondary(values, mark);
  const cell = (i: number, j: number): ProtectedCell => {
    const m = mark[i]?.[j] ?? 0;
    return m === 0 ? { value: values[i]?.[j] ?? 0 } : { suppressed: m === 1 ? 'primary' : 'secondary' };
  };
  return ok({
    k,
    cells: Array.from({ length: rows - 1 }, (_, i) => Array.from({ length: cols - 1 }, (_, j) => cell(i, j))),
    rowTotals: Array.from({ length: rows - 1 }, (_, i) => cell(i, cols - 1)),
    columnTotals: Array.from({ length: cols - 1 }, (_, j) => cell(rows - 1, j)),
    total: cell(rows - 1, cols - 1),
  });
}

/**
 * Small-cell protection of a two-way table; the throwing twin of
 * {@link validateProtectTable}, with the same method.
 *
 * @param table - the counts
 * @param options - the threshold k (default 5)
 * @returns the protected table
 * @throws UppfoljningError when the table is not a table of counts or its margins do not add up
 *
 * @example
 * ```ts
 * protectTable({ cells: [[12, 30], [7, 9]] }).cells[0];
 * // => [{ value: 12 }, { value: 30 }]
 * ```
 */
export function protectTable(table: CountTable, options: ProtectOptions = {}): ProtectedTable {
  return unwrap(validateProtectTable(table, options));
}

/** Adds secondary suppressions (mark 2) to `mark` in place until no suppressed cell is recoverable. */
function suppressSecondary(values: readonly (readonly number[])[], mark: (0 | 1 | 2)[][]): void {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const isSup = (i: number, j: number) => (mark[i]?.[j] ?? 0) !== 0;
  const rowCount = (i: number) => (mark[i] ?? []).reduce<number>((s, m) => s + (m === 0 ? 0 : 1), 0);
  const colCount = (j: number) => mark.reduce((s, row) => s + ((row[j] ?? 0) === 0 ? 0 : 1), 0);
  const isMargin = (i: number, j: number) => i === rows - 1 || j === cols - 1;
  // Lower is better: [zero, margin, other line has no suppression yet, value].
  const cost = (i: number, j: number, crossEmpty: boolean): number => {
    const v = values[i]?.[j] ?? 0;
    return (v === 0 ? 4e12 : 0) + (isMargin(i, j) ? 2e12 : 0) + (crossEmpty ? 1e12 : 0) + v;
  };
  const suppress = (i: number, j: number) => {
    const row = mark[i];
    if (row) row[j] = 2;
  };
  const bestIn = (cands: readonly [number, number, boolean][]): [number, number] | undefined => {
    let best: [number, number] | undefined;
    let bestCost = Infinity;
    for (const [i, j, crossEmpty] of cands) {
      const c = cost(i, j, crossEmpty);
      if (c < bestCost) {
        bestCost = c;
        best = [i, j];
      }
    }
    return best;
  };
  const rowCands = (i: number) =>
    Array.from({ length: cols }, (_, j) => [i, j, colCount(j) === 0] as [number, number, boolean]).filter(([a, b]) => !isSup(a, b));
  const colCands = (j: number) =>
    Array.from({ length: rows }, (_, i) => [i, j, rowCount(i) === 0] as [number, number, boolean]).filter(([a, b]) => !isSup(a, b));

  const lines = [
    ...Array.from({ length: rows }, (_, i) => ({ count: () => rowCount(i), candidates: () => rowCands(i) })),
    ...Array.from({ length: cols }, (_, j) => ({ count: () => colCount(j), candidates: () => colCands(j) })),
  ];
  for (;;) {
    // 1. No line may hold exactly one suppressed value.
    let changed = false;
    for (const line of lines) {
      if (line.count() !== 1) continue;
      const pick = bestIn(line.candidates());
      if (pick) {
        suppress(...pick);
        changed = true;
      }
    }
    if (changed) continue;
    // 2. The exact check: protect the first recoverable cell found, then start over.
    const grid: Grid = { values, suppressed: mark.map((row) => row.map((m) => m !== 0)) };
    let recoverable: [number, number] | undefined;
    for (let i = 0; i < rows && !recoverable; i++) {
      for (let j = 0; j < cols && !recoverable; j++) {
        if (isSup(i, j) && isRecoverable(grid, i, j)) recoverable = [i, j];
      }
    }
    if (!recoverable) return;
    const [ri, rj] = recoverable;
    let pick = bestIn([...rowCands(ri), ...colCands(rj)]);
    if (!pick) {
      const all: [number, number, boolean][] = [];
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (!isSup(i, j)) all.push([i, j, false]);
      pick = bestIn(all);
    }
    if (!pick) return; // everything is suppressed: nothing is published
    suppress(...pick);
  }
}
