import { protectShare, protectTable, DEFAULT_K, type ProtectedCell, type ProtectedShare } from '../privacy/index.js';

/**
 * A cell of a table before protection.
 *
 * @example
 * ```ts
 * const cells: RawCell[] = [{ kind: 'count', value: 12 }, { kind: 'share', count: 3, n: 12, lower: null, upper: null }];
 * protectReportTable({ id: 'goal', title: 'Goal reached', columns: ['n', 'Share'], rows: [{ key: 'all', label: 'All', cells }] }).rows[0]?.cells[1];
 * // => { kind: 'share', share: { suppressed: 'primary', because: 'numerator' }, lower: null, upper: null }
 * ```
 */
export type RawCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'share'; readonly count: number; readonly n: number; readonly lower: number | null; readonly upper: number | null }
  /** A statistic (mean, median …) resting on `n` people; `null` when it does not exist. */
  | { readonly kind: 'number'; readonly value: number | null; readonly n: number; readonly digits: number };

/**
 * A table as a section builds it, before small-cell protection.
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
export interface RawTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly key: string; readonly label: string; readonly cells: readonly RawCell[] }[];
  /**
   * Column indices whose counts partition the rows (a two-way table of
   * counts). Such a block is protected with margins, so that a suppressed
   * cell cannot be worked out from a row or column total.
   */
  readonly additive?: readonly number[];
  /**
   * The column that holds each row's total of the `additive` block (e.g. n):
   * it is published as the protected row total, so suppression accounts
   * for it.
   */
  readonly rowTotal?: number;
  /**
   * Rows whose counts (in `column`) partition the `total` row, and rows that
   * are sums of some of them: e.g. an attrition flow where everyone selected
   * ends in exactly one final status, and "started" is the sum of the
   * statuses after the start. The parts are protected together with their
   * total; a sum row is shown only when none of its parts is hidden (else it
   * would reveal them, as "started" reveals "never started" = selected −
   * started).
   */
  readonly partition?: {
    readonly column: number;
    readonly parts: readonly number[];
    readonly total: number;
    readonly sums: readonly { readonly row: number; readonly of: readonly number[] }[];
  };
}

/**
 * A cell of a table after small-cell protection: what may be shown.
 *
 * @example
 * ```ts
 * const cell: ReportCell = buildReport(compilation, { locale: 'en' }).sections[0]!.tables[0]!.rows[1]!.cells[0]!; // never started
 * cell.kind === 'count' ? formatProtectedCell(cell.value) : undefined;
 * // => '..'
 * ```
 */
export type ReportCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'count'; readonly value: ProtectedCell }
  | { readonly kind: 'share'; readonly share: ProtectedShare; readonly lower: number | null; readonly upper: number | null }
  | { readonly kind: 'number'; readonly value: number | null; readonly n: number; readonly digits: number; readonly suppressed: boolean };

/**
 * A table that has passed small-cell protection.
 *
 * @example
 * ```ts
 * const table: ReportTable = buildReport(compilation, { locale: 'en' }).sections[0]!.tables[0]!;
 * [table.id, table.k, table.suppressed];
 * // => ['flow', 5, true]
 * ```
 */
export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly key: string; readonly label: string; readonly cells: readonly ReportCell[] }[];
  /** The threshold k used. */
  readonly k: number;
  /** Whether any value is suppressed. */
  readonly suppressed: boolean;
}

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
  const additive = new Set(table.additive ?? []);
  let protectedBlock: ProtectedCell[][] | undefined;
  if (additive.size > 0 && table.rows.length > 0) {
    const cols = [...additive].sort((a, b) => a - b);
    const cells = table.rows.map((row) => cols.map((c) => {
      const cell = row.cells[c];
      return cell?.kind === 'count' ? cell.value : 0;
    }));
    const result = protectTable({ cells }, { k });
    protectedBlock = table.rows.map((_, i) => {
      const out: ProtectedCell[] = [];
      cols.forEach((c, j) => (out[c] = result.cells[i]![j]!));
      if (table.rowTotal !== undefined) out[table.rowTotal] = result.rowTotals[i]!;
      return out;
    });
  }
  const partition = new Map<number, ProtectedCell>();
  if (table.partition) {
    const { column, parts, total, sums } = table.partition;
    const value = (r: number) => {
      const cell = table.rows[r]?.cells[column];
      return cell?.kind === 'count' ? cell.value : 0;
    };
    const result = protectTable({ cells: parts.map((r) => [value(r)]) }, { k });
    parts.forEach((r, j) => partition.set(r, result.cells[j]![0]!));
    partition.set(total, result.columnTotals[0]!);
    for (const sum of sums) {
      const hidden = sum.of.some((r) => 'suppressed' in (partition.get(r) ?? { value: 0 }));
      partition.set(sum.row, hidden ? { suppressed: 'secondary' } : { value: value(sum.row) });
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
            (table.partition?.column === c ? partition.get(i) : undefined) ??
            protectedBlock?.[i]?.[c] ?? (cell.value >= 1 && cell.value < k ? { suppressed: 'primary' } : { value: cell.value });
          if ('suppressed' in value) suppressed = true;
          return { kind: 'count', value };
        }
        case 'share': {
          // The complement too: "35 of 39 tested negative" tells that 4 did not.
          const share = protectShare(cell.count, cell.n, { k, complement: true });
          if ('suppressed' in share) suppressed = true;
          return { kind: 'share', share, lower: 'suppressed' in share ? null : cell.lower, upper: 'suppressed' in share ? null : cell.upper };
        }
        case 'number': {
          const hide = cell.value !== null && cell.n < k;
          if (hide) suppressed = true;
          return { kind: 'number', value: hide ? null : cell.value, n: cell.n, digits: cell.digits, suppressed: hide };
        }
      }
    }),
  }));
  return { id: table.id, title: table.title, columns: table.columns, rows, k, suppressed };
}
