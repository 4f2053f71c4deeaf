import type { Locale } from '../../core/locale.js';
import { shareOf } from '../../compile/share.js';
import { protectReportTable, type RawCell, type RawTable, type ReportTable } from '../protect.js';
import { isSuppressed } from './cell.js';

/**
 * Regrouping before suppression (issue 12, item 2): official statistics do
 * not only hide small cells, they first merge groups until the cells are
 * large enough, and hide only what is still small. Three documented rules,
 * each only within the plan's own groupings, each choosing by a small
 * deterministic search (see `docs/privacy.md`, "Regrouping before hiding"):
 *
 * 1. Age bands: adjacent bands of the plan (in its order) are merged, never
 *    bands that are not next to each other; of the ways to merge, the one
 *    that leaves most cells shown is chosen ({@link bestAdjacentMerge}).
 * 2. Weeks during the intervention: pooled into periods of a length from
 *    {@link WEEK_POOLS}, the shortest that shows the most ({@link poolWeeks}).
 * 3. Categories of a list (main problems, goal areas, background): the
 *    hidden ones are folded into "Övriga" when that row can then be shown
 *    ({@link foldRare}).
 *
 * A merged row is the sum of its parts, which are not published one by one;
 * a table says what it merged in its `note`, and lists it in `regrouped` so
 * that a reader (and the attacker of the tests) can write down the sums.
 * The primary's histogram is not merged: with its mean and SD printed, two
 * merged values are undone by the mean (see `docs/privacy.md`).
 *
 * @internal
 */

type RawRow = RawTable['rows'][number];

/** The period lengths weeks may be pooled into, shortest first (1: no pooling). */
export const WEEK_POOLS = [1, 2, 4, 8] as const;

/** The age-band search tries every way of merging adjacent bands up to this many bands (2^(n−1) ways). */
const MAX_BANDS_SEARCHED = 8;

/** How many counts and shares a set of protected tables shows. */
export function shownCells(tables: readonly ReportTable[]): number {
  let shown = 0;
  for (const t of tables) for (const r of t.rows) for (const c of r.cells) if ((c.kind === 'count' || c.kind === 'share') && !isSuppressed(c)) shown++;
  return shown;
}

/** "a", "a och b", "a, b och c" (or "and"). */
const list = (items: readonly string[], locale: Locale): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${locale === 'sv' ? 'och' : 'and'} ${items.at(-1)!}`;

/**
 * Rows summed: counts add up, a share's count and n add up and its Wilson
 * interval is computed again from them; text and statistics cannot be
 * summed and read "–" (the tables merged here have none).
 */
export function mergedRow(rows: readonly RawRow[], key: string, label: string): RawRow {
  const width = rows[0]?.cells.length ?? 0;
  const cells = Array.from({ length: width }, (_, j): RawCell => {
    const column = rows.map((r) => r.cells[j]);
    if (column.every((c) => c?.kind === 'count')) return { kind: 'count', value: column.reduce((s, c) => s + (c?.kind === 'count' ? c.value : 0), 0) };
    if (column.every((c) => c?.kind === 'share')) {
      const count = column.reduce((s, c) => s + (c?.kind === 'share' ? c.count : 0), 0);
      const n = column.reduce((s, c) => s + (c?.kind === 'share' ? c.n : 0), 0);
      const share = shareOf(count, n).share;
      return { kind: 'share', count, n, lower: share.computed ? share.lower : null, upper: share.computed ? share.upper : null };
    }
    return { kind: 'text', text: '–' };
  });
  return { key, label, cells };
}

/** Runs of adjacent items, `[from, to]` inclusive. */
export type Runs = readonly (readonly [number, number])[];

/** Every way to cut `n` items, in order, into at least two runs of adjacent items; the finest (no merge) first, then fewer runs. */
export function adjacentRuns(n: number): Runs[] {
  const out: [number, number][][] = [];
  for (let mask = (1 << (n - 1)) - 1; mask >= 1; mask--) {
    const runs: [number, number][] = [];
    let from = 0;
    for (let i = 0; i < n - 1; i++) {
      if ((mask & (1 << i)) !== 0) {
        runs.push([from, i]);
        from = i + 1;
      }
    }
    runs.push([from, n - 1]);
    out.push(runs);
  }
  // More runs first (fewer merges); among equals, the order above (merges towards the end first).
  return out.sort((a, b) => b.length - a.length);
}

/**
 * The way to merge adjacent items that leaves most cells shown, by
 * `score(runs)` (the cells shown with those runs): the unmerged runs unless
 * a merge shows strictly more; among merges that show as many, the one with
 * fewest merges, then the first in {@link adjacentRuns}' order. `mergeable`
 * says which runs may be merged (e.g. only age bands with known bounds).
 * Three items or more (two merged into one would be the total); at most
 * eight (128 ways), else nothing is merged.
 */
export function bestAdjacentMerge(n: number, mergeable: (from: number, to: number) => boolean, score: (runs: Runs) => number): Runs {
  const finest: Runs = Array.from({ length: n }, (_, i) => [i, i] as const);
  if (n < 3 || n > MAX_BANDS_SEARCHED) return finest;
  let best = finest;
  let bestScore = score(finest);
  for (const runs of adjacentRuns(n).slice(1)) {
    if (!runs.every(([from, to]) => from === to || mergeable(from, to))) continue;
    const s = score(runs);
    if (s > bestScore) {
      best = runs;
      bestScore = s;
    }
  }
  return best;
}

const BAND = /^(\d+)\s*(?:[–-]\s*(\d+)|\+)$/;

/** Whether an age band's code has bounds ("18–29", "45+"), so that merged bands can be named. */
export const isBandCode = (code: string): boolean => BAND.test(code);

/** The range that adjacent bands cover: "30–44" and "45+" give "30+"; "18–29" and "30–44" give "18–44". */
export function mergedBandCode(first: string, last: string): string {
  const from = BAND.exec(first)?.[1] ?? first;
  const upper = BAND.exec(last);
  return upper?.[2] === undefined ? `${from}+` : `${from}–${upper[2]}`;
}

/** The age bands' table regrouped by `runs`: merged rows named by their range, the note and `regrouped` filled in. */
export function mergeBands(table: RawTable, runs: Runs, locale: Locale): { table: RawTable; note?: string; regrouped: { row: string; parts: string[] }[] } {
  const regrouped: { row: string; parts: string[] }[] = [];
  const merged: string[][] = [];
  const rows = runs.map(([from, to]) => {
    const parts = table.rows.slice(from, to + 1);
    if (parts.length === 1) return parts[0]!;
    const code = mergedBandCode(parts[0]!.key, parts.at(-1)!.key);
    regrouped.push({ row: code, parts: parts.map((p) => p.key) });
    merged.push(parts.map((p) => p.label));
    return mergedRow(parts, code, locale === 'sv' ? `${code} år` : `${code} years`);
  });
  if (merged.length === 0) return { table, regrouped };
  const groups = merged.map((labels) => list(labels, locale));
  const note =
    locale === 'sv'
      ? `Åldersgrupperna ${groups.join(', liksom ')} har slagits ihop för att skydda enskilda.`
      : `The age groups ${groups.join(', as have ')} have been combined to protect individuals.`;
  return { table: { ...table, rows }, note, regrouped };
}

/** A week of a during-measure as the report tabulates it. */
export interface Week {
  readonly week: number;
  readonly tests: number;
  readonly clients: number;
  readonly good: { readonly count: number; readonly n: number } | null;
}

/** Weeks pooled into periods of `length` (1–4, 5–8 …; the last may be shorter), with the weeks that had tests. */
export function periodsOf<W extends Week>(weeks: readonly W[], length: number): { from: number; to: number; weeks: W[] }[] {
  const last = weeks.reduce((m, w) => Math.max(m, w.week), 0);
  const out: { from: number; to: number; weeks: W[] }[] = [];
  for (let from = 1; from <= last; from += length) {
    const to = Math.min(from + length - 1, last);
    const inside = weeks.filter((w) => w.week >= from && w.week <= to && w.tests > 0);
    if (inside.length > 0) out.push({ from, to, weeks: inside });
  }
  return out;
}

/**
 * A during-measure's table with its weeks pooled: the shortest period
 * length from {@link WEEK_POOLS} whose rows with every cell shown hold the
 * most tests (when each week alone hides nothing, the weeks as they are).
 * `build(length)` gives the raw table for a period length; the pooled table
 * carries its note and `regrouped`.
 */
export function poolWeeks(weekCount: number, build: (length: number) => RawTable, k: number, locale: Locale): ReportTable {
  const tested = (t: ReportTable, raw: RawTable) =>
    t.rows.reduce((s, r, i) => {
      const tests = raw.rows[i]?.cells[0];
      return s + (r.cells.some(isSuppressed) || tests?.kind !== 'count' ? 0 : tests.value);
    }, 0);
  let best: { table: ReportTable; length: number; score: number } | undefined;
  for (const length of WEEK_POOLS) {
    if (length > 1 && length >= weekCount) break;
    const raw = build(length);
    const table = protectReportTable(raw, k);
    if (length === 1 && !table.suppressed) return table;
    const score = tested(table, raw);
    if (best === undefined || score > best.score) best = { table, length, score };
  }
  if (best === undefined || best.length === 1) return best?.table ?? protectReportTable(build(1), k);
  const L = best.length;
  const note =
    locale === 'sv'
      ? `Veckorna har slagits ihop till perioder om ${L} veckor (vecka 1–${L}, ${L + 1}–${2 * L} …) för att skydda enskilda.`
      : `The weeks have been pooled into periods of ${L} weeks (weeks 1–${L}, ${L + 1}–${2 * L} …) to protect individuals.`;
  const regrouped = best.table.rows.flatMap((r) => {
    const [from, to] = r.key.split('–').map(Number);
    return from !== undefined && to !== undefined && to > from ? [{ row: r.key, parts: Array.from({ length: to - from + 1 }, (_, i) => String(from + i)) }] : [];
  });
  return { ...best.table, note, regrouped };
}

const OTHER = { sv: 'Övriga', en: 'Other' } as const;
/** The key of the folded row. */
export const OTHER_KEY = '(övriga)';

/**
 * A list of categories (one count column, `additive`) with the categories it
 * would hide folded into one row "Övriga" at the end, when at least two are
 * hidden and the folded table then shows every row; otherwise the table
 * protected as it is.
 */
export function foldRare(raw: RawTable, k: number, locale: Locale): ReportTable {
  const plain = protectReportTable(raw, k);
  const hidden = plain.rows.flatMap((r, i) => (isSuppressed(r.cells[0]) ? [i] : []));
  if (hidden.length < 2) return plain;
  const parts = hidden.map((i) => raw.rows[i]!);
  const rows = [...raw.rows.filter((_, i) => !hidden.includes(i)), mergedRow(parts, OTHER_KEY, OTHER[locale])];
  const folded = protectReportTable({ ...raw, rows }, k);
  if (folded.suppressed) return plain;
  const names = list(parts.map((p) => p.label), locale);
  const note =
    locale === 'sv'
      ? `Kategorierna ${names} har slagits ihop till ”${OTHER.sv}” för att skydda enskilda.`
      : `The categories ${names} have been combined into “${OTHER.en}” to protect individuals.`;
  return { ...folded, note, regrouped: [{ row: OTHER_KEY, parts: parts.map((p) => p.key) }] };
}
