import type { z } from 'zod';
import { assertRawTable, assertRawTables, kIssues, type PartitionSchema, type RawCellSchema, type RawTableSchema, type ReportCellSchema, type ReportTableSchema } from './_lib/input.js';
import { throwIfAny } from '../core/args.js';
import type { DeepReadonly } from '../core/readonly.js';
import { protectShare, protectTable, DEFAULT_K, type ProtectedCell } from '../privacy/index.js';

/**
 * A cell of a table before protection: `text`, a `count`, a `share`
 * (`count` of `n`, with its interval bounds or `null`), or a `number`, a
 * statistic (mean, median …) resting on `n` people, `null` when it does not
 * exist, shown with `digits` decimals.
 *
 * @example
 * ```ts
 * const cells: RawCell[] = [{ kind: 'count', value: 12 }, { kind: 'share', count: 3, n: 12, lower: null, upper: null }];
 * protectReportTable({ id: 'goal', title: 'Goal reached', columns: ['n', 'Share'], rows: [{ key: 'all', label: 'All', cells }] }).rows[0]?.cells[1];
 * // => { kind: 'share', share: { suppressed: 'primary', because: 'numerator' }, lower: null, upper: null }
 * ```
 */
export type RawCell = DeepReadonly<z.output<typeof RawCellSchema>>;

/**
 * A table as a section builds it, before small-cell protection: an `id`,
 * `title`, `columns` and `rows` of cells, and what protection must know:
 *
 * - `additive`: column indices whose counts partition the rows (a two-way
 *   table of counts). Such a block is protected with margins, so that a
 *   suppressed cell cannot be worked out from a row or column total.
 * - `rowTotal`: the column that holds each row's total of the `additive`
 *   block (e.g. n): it is published as the protected row total, so
 *   suppression accounts for it.
 * - `hiddenMargins`: totals of the `additive` block that a linked table
 *   hides (indices into `additive` in order; `total`: the grand total). When
 *   tables share their column totals (goal attainment in total, by gender and
 *   by age band all share the totals per level), a total hidden in one must
 *   stay unrecoverable in every other: see {@link linkAdditiveTables}.
 * - `partitions`: rows whose counts (in `column`) partition the `total` row,
 *   and rows that are sums of some of them ({@link Partition}): e.g. an
 *   attrition flow where everyone selected ends in exactly one final status.
 *   The parts are protected together with their total; a sum row is shown
 *   only when none of its parts is hidden. Partitions are protected in
 *   order, and a row may be a part of one and the total of the next
 *   (selected = never started + started; started = withdrawn + ongoing +
 *   closed …).
 * - `moments`: `additive` columns that are the distribution of a scale
 *   (rows are its values) whose n, mean and standard deviation are printed
 *   elsewhere in the report. Those are three linear equations on the
 *   column's counts (Σx = n, Σv·x = n·mean, Σv²·x = (n − 1)·sd² + n·mean²),
 *   and even rounded they undo two or three hidden cells; so a column with
 *   any hidden cell is hidden whole (`secondary`).
 *
 * @example
 * ```ts
 * const table: RawTable = { id: 'by-gender', title: 'Goal reached by gender', columns: ['Reached', 'Not reached'], additive: [0, 1],
 *   rows: [{ key: 'kvinna', label: 'Woman', cells: [{ kind: 'count', value: 12 }, { kind: 'count', value: 3 }] },
 *          { key: 'man', label: 'Man', cells: [{ kind: 'count', value: 7 }, { kind: 'count', value: 9 }] }] };
 * protectReportTable(table).rows[0]?.cells;
 * // => [{ kind: 'count', value: { suppressed: 'secondary' } }, { kind: 'count', value: { suppressed: 'primary' } }]
 * // `additive`: 12, 7 and 9 are hidden too, so the 3 cannot be worked out from the totals
 * ```
 */
export type RawTable = DeepReadonly<z.output<typeof RawTableSchema>>;

/**
 * One partition of a table's rows (see {@link RawTable}): the `column` of
 * the counts, the `parts` rows that add up to the `total` row, `sums` rows
 * that are sums `of` some parts, and `derivable` parts that other tables
 * reveal anyway (the number who started is the sum of the main problems, the
 * n of the baseline measure …). Protection never relies on hiding a
 * derivable part: when it would, it hides the total instead, so a small part
 * cannot be worked out as total − the others.
 *
 * @example
 * ```ts
 * // Selected 40 = never started 1 + started 39; the 39 can be read off other tables.
 * const partition: Partition = { column: 0, parts: [1, 2], total: 0, derivable: [2] };
 * const rows = [['Utvalda', 40], ['Påbörjade aldrig', 1], ['Påbörjade', 39]] as const;
 * protectReportTable({
 *   id: 'flow', title: 'Flöde', columns: ['Antal'], partitions: [partition],
 *   rows: rows.map(([label, value]) => ({ key: label, label, cells: [{ kind: 'count' as const, value }] })),
 * }).rows.map((r) => r.cells[0]);
 * // => [{ kind: 'count', value: { suppressed: 'secondary' } }, { kind: 'count', value: { suppressed: 'primary' } }, { kind: 'count', value: { value: 39 } }]
 * ```
 */
export type Partition = DeepReadonly<z.output<typeof PartitionSchema>>;

/**
 * A cell of a table after small-cell protection: what may be shown. A
 * `share` is `{ suppressed: 'secondary' }` when the share is hidden to
 * protect a linked count (see `buildReport`); a `number` is `suppressed` when
 * it rests on fewer than k people.
 *
 * @example
 * ```ts
 * const cell: ReportCell = buildReport(compilation, { locale: 'en' }).sections[0]!.tables[0]!.rows[1]!.cells[0]!; // never started
 * cell.kind === 'count' ? formatProtectedCell(cell.value) : undefined;
 * // => '..'
 * ```
 */
export type ReportCell = DeepReadonly<z.output<typeof ReportCellSchema>>;

/**
 * A table that has passed small-cell protection, with the threshold `k`
 * used and whether any value is `suppressed`. For a table with an `additive`
 * block, `margins` holds its column totals and grand total after protection:
 * not shown in the table, they say which shared totals the table needs
 * hidden, for linking tables.
 *
 * @example
 * ```ts
 * const table: ReportTable = buildReport(compilation, { locale: 'en' }).sections[0]!.tables[0]!;
 * [table.id, table.k, table.suppressed];
 * // => ['flow', 5, true]
 * ```
 */
export type ReportTable = DeepReadonly<z.output<typeof ReportTableSchema>>;

/**
 * The one gate every table of a report passes before it is shown:
 * small-cell protection from `privacy/`. Counts from 1 to k − 1 are
 * suppressed (primary), and in a block of counts that partition the rows
 * (`additive`) more cells are suppressed (secondary) so that none can be
 * worked out from the totals; a share is suppressed when its numerator or
 * denominator is small; a statistic resting on fewer than k people is
 * suppressed. Zeros are shown. With `k = 1` nothing is suppressed.
 *
 * @param table - the table as built
 * @param k - the threshold (default {@link DEFAULT_K})
 * @returns the table with every value protected
 * @throws UppfoljningError when a count is not a whole number ≥ 0 (a bug in the caller)
 *
 * @see https://www.scb.se/en/services/guidance-for-researchers-and-universities/ SCB on statistical disclosure control
 *
 * @example
 * ```ts
 * protectReportTable({ id: 't', title: 'T', columns: ['n'], rows: [{ key: 'a', label: 'A', cells: [{ kind: 'count', value: 3 }] }] }).rows[0]?.cells[0];
 * // => { kind: 'count', value: { suppressed: 'primary' } }
 * ```
 */
export function protectReportTable(table: RawTable, k: number = DEFAULT_K): ReportTable {
  assertRawTable(table);
  throwIfAny(kIssues(k));
  // Cells the report's joint protection needs hidden (see withHidden), by row and column.
  const must = (row: number, column: number) => mustHide?.has(`${table.id}|${table.rows[row]?.key}|${column}`) === true;
  const additive = new Set(table.additive ?? []);
  let protectedBlock: ProtectedCell[][] | undefined;
  let margins: ReportTable['margins'];
  if (additive.size > 0 && table.rows.length > 0) {
    const cols = [...additive].sort((a, b) => a - b);
    const cells = table.rows.map((row) => cols.map((c) => {
      const cell = row.cells[c];
      return cell?.kind === 'count' ? cell.value : 0;
    }));
    const forced = table.rows.flatMap((_, i) => cols.flatMap((c, j) => (must(i, c) ? [[i, j] as [number, number]] : [])));
    const forcedTotals = table.rowTotal === undefined ? [] : table.rows.flatMap((_, i) => (must(i, table.rowTotal!) ? [i] : []));
    const hidden = { ...table.hiddenMargins, cells: forced, rowTotals: forcedTotals };
    const result = protectTable({ cells }, { k, hidden });
    margins = { columnTotals: result.columnTotals, total: result.total };
    protectedBlock = table.rows.map((_, i) => {
      const out: ProtectedCell[] = [];
      cols.forEach((c, j) => (out[c] = result.cells[i]![j]!));
      if (table.rowTotal !== undefined) out[table.rowTotal] = result.rowTotals[i]!;
      return out;
    });
    // A distribution beside its printed mean and SD: hidden cells follow from the moments unless the whole column is hidden.
    for (const c of table.moments ?? []) {
      if (!additive.has(c) || !protectedBlock.some((row) => row[c] !== undefined && 'suppressed' in row[c])) continue;
      protectedBlock = protectedBlock.map((row) => row.map((cell, j) => (j === c ? { suppressed: 'secondary' } : cell)));
    }
  }
  const partition = new Map<number, ProtectedCell>();
  const isHidden = (cell: ProtectedCell | undefined) => cell !== undefined && 'suppressed' in cell;
  const partitionColumn = table.partitions?.[0]?.column;
  for (const { column, parts, total, sums = [], derivable = [] } of table.partitions ?? []) {
    const value = (r: number) => {
      const cell = table.rows[r]?.cells[column];
      return cell?.kind === 'count' ? cell.value : 0;
    };
    const cells = parts.map((r) => [value(r)]);
    const forced = { cells: parts.flatMap((r, j) => (must(r, column) ? [[j, 0] as [number, number]] : [])), ...(must(total, column) ? { columnTotals: [0], total: true } : {}) };
    let result = protectTable({ cells }, { k, hidden: forced });
    if (derivable.some((r) => isHidden(result.cells[parts.indexOf(r)]?.[0]))) {
      // Hide the total rather than a part the reader can find elsewhere.
      result = protectTable({ cells }, { k, hidden: { ...forced, columnTotals: [0], total: true } });
    }
    // A row hidden by an earlier partition stays hidden.
    const set = (r: number, cell: ProtectedCell) => partition.set(r, isHidden(partition.get(r)) ? partition.get(r)! : cell);
    parts.forEach((r, j) => set(r, result.cells[j]![0]!));
    set(total, result.columnTotals[0]!);
    for (const sum of sums) {
      const hidden = sum.of.some((r) => isHidden(partition.get(r)));
      set(sum.row, hidden || must(sum.row, column) ? { suppressed: 'secondary' } : { value: value(sum.row) });
    }
  }
  let suppressed = false;
  const rows = table.rows.map((row, i) => ({
    key: row.key,
    label: row.label,
    cells: row.cells.map((cell, c): ReportCell => {
      switch (cell.kind) {
        case 'text':
          return cell;
        case 'count': {
          const value: ProtectedCell =
            (partitionColumn === c ? partition.get(i) : undefined) ??
            protectedBlock?.[i]?.[c] ?? (cell.value >= 1 && cell.value < k ? { suppressed: 'primary' } : must(i, c) ? { suppressed: 'secondary' } : { value: cell.value });
          if ('suppressed' in value) suppressed = true;
          return { kind: 'count', value };
        }
        case 'share': {
          // The complement too: "35 of 39 tested negative" tells that 4 did not.
          const own = protectShare(cell.count, cell.n, { k, complement: true });
          const share = must(i, c) && !('suppressed' in own) ? ({ suppressed: 'secondary' } as const) : own;
          if ('suppressed' in share) suppressed = true;
          return { kind: 'share', share, lower: 'suppressed' in share ? null : cell.lower, upper: 'suppressed' in share ? null : cell.upper };
        }
        case 'number': {
          const hide = cell.value !== null && (cell.n < k || must(i, c));
          if (hide) suppressed = true;
          return { kind: 'number', value: hide ? null : cell.value, n: cell.n, digits: cell.digits, suppressed: hide };
        }
      }
    }),
  }));
  return margins ? { id: table.id, title: table.title, columns: table.columns, rows, k, suppressed, margins } : { id: table.id, title: table.title, columns: table.columns, rows, k, suppressed };
}

/** The cells `table|row|column` that the report being built must hide, while {@link withHidden} runs. */
let mustHide: ReadonlySet<string> | undefined;

/**
 * @internal Runs `build` with `hide`, the cells (`table|row|column`) that
 * {@link protectReportTable} must hide beside its own suppressions, for the
 * report's joint protection: a relation between tables that would undo a
 * hidden count is broken by hiding one of its shown cells, and the table
 * that holds it is then protected again with it hidden, so that its own
 * secondary suppression protects that cell too. A scope around one
 * synchronous build rather than a parameter of every section builder; it is
 * restored when `build` returns or throws.
 */
/**
 * @internal Whether the joint protection asked, around the build in progress ({@link withHidden}), for `ref` to be
 * hidden: a cell `table|row|column`, or a sentence's own reference (`said|row|0`: the summary's sentences on a flow
 * row, see summary.ts).
 */
export const jointlyHidden = (ref: string): boolean => mustHide?.has(ref) === true;

export function withHidden<T>(hide: ReadonlySet<string>, build: () => T): T {
  const outer = mustHide;
  mustHide = hide;
  try {
    return build();
  } finally {
    mustHide = outer;
  }
}

/**
 * Protects tables that share the column totals of their `additive` block
 * (linked tables) so that a total hidden in one cannot be worked out from
 * another: e.g. goal attainment in total, by gender and by age band, where
 * each breakdown's levels add up to the total's. Each table is protected
 * with the totals that any of them hides marked hidden, again until no table
 * hides more (the hidden set only grows, so this ends). Every table must
 * have the same `additive` columns.
 *
 * Two breakdowns are each safe against the shared totals; inference from
 * both breakdowns together (two margins of a three-way table) is not
 * modelled (see `docs/privacy.md`).
 *
 * @param tables - tables whose additive blocks share their column totals
 * @param k - the threshold (default {@link DEFAULT_K})
 * @returns the tables, protected together, in the same order
 *
 * @example
 * ```ts
 * // Totals 12, 9, 7, 2 (n 30); by gender the 7 splits 3 + 4, by age band 7 + 0.
 * // Alone, the age table would publish 7 and 0, and so the total's hidden 7 and, from n, its hidden 2;
 * // linked, the 7 in the age table is hidden too.
 * const level = (label: string, counts: number[]) => ({ key: label, label, cells: counts.map((value) => ({ kind: 'count' as const, value })) });
 * const table = (id: string, rows: ReturnType<typeof level>[]) => ({ id, title: id, columns: ['+g', '+', '0', '−', 'n'], rows, additive: [0, 1, 2, 3], rowTotal: 4 });
 * const [, , age] = linkAdditiveTables([
 *   table('total', [level('Totalt', [12, 9, 7, 2, 30])]),
 *   table('gender', [level('Kvinna', [6, 5, 3, 1, 15]), level('Man', [6, 4, 4, 1, 15])]),
 *   table('age', [level('18–29', [6, 4, 7, 1, 18]), level('30+', [6, 5, 0, 1, 12])]),
 * ]);
 * age!.rows.map((r) => r.cells[2]);
 * // => [{ kind: 'count', value: { suppressed: 'secondary' } }, { kind: 'count', value: { value: 0 } }]
 * ```
 */
export function linkAdditiveTables(tables: readonly RawTable[], k: number = DEFAULT_K): ReportTable[] {
  assertRawTables(tables, ['tables']);
  throwIfAny(kIssues(k));
  let hidden = { columnTotals: [] as number[], total: false };
  for (;;) {
    const protectedTables = tables.map((t) => protectReportTable({ ...t, hiddenMargins: hidden }, k));
    const columns = new Set(hidden.columnTotals);
    let total = hidden.total;
    for (const t of protectedTables) {
      t.margins?.columnTotals.forEach((cell, j) => {
        if ('suppressed' in cell) columns.add(j);
      });
      if (t.margins && 'suppressed' in t.margins.total) total = true;
    }
    if (columns.size === hidden.columnTotals.length && total === hidden.total) return protectedTables;
    hidden = { columnTotals: [...columns].sort((a, b) => a - b), total };
  }
}
