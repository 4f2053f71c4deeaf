// A pooled report (issue 12, item 1): compilations merged from several units,
// each contributor kept as a value of the unit dimension. Every contributor
// knows its own exact counts, so for a published pooled cell T and a
// contributor's own count o, T − o is what the other contributors have
// together: a small count of theirs when it lies in 1..k−1, though T itself is
// large. These helpers give each contributor's own counts in the layout of the
// total report and the cells that must therefore be hidden.
import { cellCount, cellIndices } from '../../compile/dims.js';
import { widths, type CounterName } from '../../compile/layout.js';
import type { Compilation } from '../../compile/schema.js';
import { checkedCompilation } from '../../compile/tabulate.js';
import { UppfoljningError } from '../../core/error.js';
import { issue } from '../../core/issue.js';
import type { ViewSummary } from '../../compile/views.js';
import { buildReport, type ReportModel, type ReportOptions } from '../model.js';
import type { Contributors } from './joint.js';
import { countCells, reportCounts, type CellRef } from './relations.js';
import { countsClassifiedOnly } from './views.js';

export { reportCounts, type CellRef } from './relations.js';

/**
 * Tables left out of a contributor's counts: `unusable` counts rows of an
 * export that could not be read, not people, and the merged compilation keeps
 * them only in total, not by unit.
 */
const NOT_BY_UNIT = new Set(['unusable']);

/** The compilation with every cell of another unit set to 0: what `unit` contributed, in the merged layout. */
function onlyUnit(compilation: Compilation, unit: number): Compilation {
  const dims = compilation.meta.dims;
  const w = widths(compilation.meta);
  const cells = cellCount(dims);
  const mine = Array.from({ length: cells }, (_, cell) => cellIndices(dims, cell)[3] === unit);
  const counts = {} as { [K in CounterName]: number[] };
  for (const name of Object.keys(compilation.counts) as CounterName[]) {
    const width = w[name];
    counts[name] = compilation.counts[name].map((x, i) => (mine[Math.floor(i / width)] ? x : 0));
  }
  // Unreadable rows are not kept by unit (see NOT_BY_UNIT).
  return { ...compilation, counts, invalid: { total: 0, byRule: {} } };
}

/**
 * The raw (unprotected, not regrouped) counts of a published report built from `compilation` with
 * `options`: k = 1 hides nothing, and the audience stays `published`, whose tables are laid out
 * as the published report's (an internal report shows the client views' every answer level).
 */
function rawCounts(compilation: Compilation, options: ReportOptions): Map<CellRef, number> {
  const model = buildReport(compilation, { ...options, audience: 'published', k: 1, regroup: false });
  const out = new Map<CellRef, number>();
  for (const [ref, v] of reportCounts(model)) {
    if (NOT_BY_UNIT.has(ref.slice(0, ref.indexOf('|')))) continue;
    // With k = 1 nothing is hidden; a hidden cell here would be a bug, not a count to drop.
    if (v === null) throw new Error(`internal report hides ${ref}`);
    out.set(ref, v);
  }
  return out;
}

/** @internal What {@link contributorCells} returns: the total's raw counts and each unit's own. */
export interface PooledCounts {
  /** The merged compilation's raw counts, every count cell of its report (before protection and regrouping). */
  readonly total: ReadonlyMap<CellRef, number>;
  /** Each contributor (unit code) and its own raw counts, for the same cells as `total`. */
  readonly contributors: ReadonlyMap<string, ReadonlyMap<CellRef, number>>;
}

/**
 * @internal For each unit of a merged compilation (its unit dimension with
 * more than one value, as `mergeCompilations` keeps each contributor), the
 * unit's own raw counts for every count cell of the total report, keyed by
 * `tableId|rowKey|columnIndex`: the report of the compilation restricted to
 * that unit (every other unit's cells set to 0, the layout kept), built with
 * the same options, unprotected (k = 1, the published layout) and not regrouped.
 * (A regrouped row of the published report is the sum of its parts here,
 * and a client-view item published with its answers grouped, positive /
 * other / no answer, is the sum of its answer rows.)
 * The `unusable` table (rows of an export, kept only in total) is left out;
 * a row a unit's report leaves out (no one there) is 0; the units' counts
 * are checked to add up to the total's.
 *
 * @param compilation - a merged compilation with more than one unit
 * @param options - the report options of the pooled report (`by`, `plan`, …)
 * @returns the total's raw counts and each contributor's, by unit code
 * @throws UppfoljningError (rule `min`, path `compilation.meta.dims.units`) when the compilation has fewer than two units;
 *   Error when the units' counts do not add up to the total (a cell that is not a count of people)
 *
 * @example
 * ```ts
 * const unit = (code: string) => ({ ...plan, unit: { code, label: { sv: code, en: code } } });
 * const county = mergeCompilations([compile(unit('a'), records.slice(0, 20)), compile(unit('b'), records.slice(20))]);
 * const { total, contributors } = contributorCells(county);
 * [total.get('flow|selected|0'), contributors.get('a')?.get('flow|selected|0'), contributors.get('b')?.get('flow|selected|0')];
 * // => [40, 20, 20]
 * ```
 */
export function contributorCells(compilation: Compilation, options: ReportOptions = {}): PooledCounts {
  const checked = checkedCompilation(compilation);
  const units = checked.meta.dims.units;
  if (units.length < 2) throw new UppfoljningError([issue(['compilation', 'meta', 'dims', 'units'], 'min', { minimum: 2, origin: 'array' })]);
  const total = rawCounts(checked, options);
  // A row without anyone is left out of some tables (a dose band, a background value): a cell the
  // unit's report lacks is a 0. That nothing else is missing is checked: the units add up to the total.
  const contributors = new Map(units.map((u, i) => {
    const own = rawCounts(onlyUnit(checked, i), options);
    return [u.code, new Map([...total.keys()].map((ref) => [ref, own.get(ref) ?? 0]))] as const;
  }));
  for (const [ref, t] of total) {
    const sum = [...contributors.values()].reduce((s, own) => s + own.get(ref)!, 0);
    if (sum !== t) throw new Error(`${ref}: the units' counts add up to ${sum}, not the total ${t}`);
  }
  return { total, contributors };
}

/**
 * @internal The refs of the total's cells that must be hidden in a pooled
 * report because some contributor, subtracting its own count, would read a
 * small count of the others: T − own ∈ 1..k−1 for a contributor. A cell
 * whose total is itself in 1..k−1 is hidden by primary suppression already
 * and is not listed unless a contributor's difference is small too. Hiding
 * these is not enough alone: a hidden T must also not become recoverable from
 * what is shown together with own counts (T ≥ own), which the joint
 * protection's secondary suppression has to see.
 *
 * @param totalRaw - the total's raw counts, by ref
 * @param contributors - each contributor's own raw counts, by ref (a ref it lacks counts as 0)
 * @param k - the small-cell threshold (counts 1..k−1 are small)
 * @returns the refs to hide, in `totalRaw`'s order
 * @throws Error when a contributor's count is above the total (not a part of it)
 *
 * @example
 * ```ts
 * const total = new Map([['t|a|0', 12], ['t|b|0', 7], ['t|c|0', 3]]);
 * const own = new Map([['t|a|0', 12], ['t|b|0', 5], ['t|c|0', 3]]);
 * [...pooledPrimary(total, [own], 5)];
 * // => ['t|b|0'] (7 − 5 = 2 tells the others have 2; 12 − 12 = 0 and 3 − 3 = 0 tell a zero)
 * ```
 */
export function pooledPrimary(totalRaw: ReadonlyMap<CellRef, number>, contributors: Iterable<ReadonlyMap<CellRef, number>>, k: number): Set<CellRef> {
  const owns = [...contributors];
  const out = new Set<CellRef>();
  for (const [ref, t] of totalRaw)
    for (const own of owns) {
      const o = own.get(ref) ?? 0;
      if (o > t) throw new Error(`contributor's ${ref} is ${o}, above the total ${t}`);
      const others = t - o;
      if (others >= 1 && others <= k - 1) {
        out.add(ref);
        break;
      }
    }
  return out;
}

/**
 * @internal A contributor's own count of every count cell of a published
 * model (relations.ts countCells, with a regrouped row's parts), from its own
 * counts in the layout before regrouping (`own`, from {@link contributorCells}):
 * a merged row is the sum of its parts, a client-view item's grouped rows
 * (positive, other, no answer) the sum of their answers. A cell it cannot
 * place (the `unusable` table, kept only in total) counts as 0.
 */
export function ownInLayout(model: ReportModel, own: ReadonlyMap<CellRef, number>, views: readonly ViewSummary[]): Map<CellRef, number> {
  const parts = new Map<string, readonly string[]>();
  const merged = new Map<string, readonly string[]>();
  for (const v of views) {
    const id = `views-${v.point}-${v.id}`;
    parts.set(`${id}|positive`, v.answers.filter((a) => a.positive).map((a) => String(a.value)));
    parts.set(`${id}|other`, v.answers.filter((a) => !a.positive).map((a) => String(a.value)));
    parts.set(`${id}|no_answer`, [...(v.dontKnow === null ? [] : ['dont_know']), 'not_answered']);
  }
  for (const s of model.sections) for (const t of s.tables) for (const g of t.regrouped ?? []) merged.set(`${t.id}|${g.row}`, g.parts);
  const placed = (table: string, row: string, column: string): number => {
    // A merged row may keep the key of one of its parts: its parts first.
    const direct = merged.has(`${table}|${row}`) ? undefined : own.get(`${table}|${row}|${column}`);
    if (direct !== undefined) return direct;
    const list = merged.get(`${table}|${row}`) ?? parts.get(`${table}|${row}`) ?? [];
    return list.reduce((sum, p) => sum + (own.get(`${table}|${p}|${column}`) ?? 0), 0);
  };
  // An item's table counting the classified only (views.ts): its total is the total less the unclassified, and so is
  // the summary's answered (over the item's answers).
  const tables = new Map(model.sections.flatMap((s) => s.tables.map((t) => [t.id, t] as const)));
  const classifiedOnly = (id: string) => id.startsWith('views-') && id !== 'views-summary' && id !== 'views-tests' && tables.has(id) && countsClassifiedOnly(tables.get(id)!);
  const classified = (table: string, row: string) => placed(table, row, '5') - placed(table, row, '4');
  const answers = new Map<string, string[]>(views.map((v) => [`${v.point}-${v.id}`, v.answers.map((a) => String(a.value))]));
  const out = new Map<CellRef, number>();
  for (const ref of countCells(model).keys()) {
    const [table, row, column] = ref.split('|') as [string, string, string];
    if (classifiedOnly(table) && column === '4') out.set(ref, classified(table, row));
    else if (table === 'views-summary' && column === '0' && classifiedOnly(`views-${row}`)) out.set(ref, (answers.get(row) ?? []).reduce((sum, a) => sum + classified(`views-${row}`, a), 0));
    else out.set(ref, placed(table, row, column));
  }
  return out;
}

/**
 * @internal The contributors of a pooled report for its joint protection
 * (joint.ts): the cells {@link pooledPrimary} names in the layout before
 * regrouping, hidden from the start, and each unit's own counts placed in
 * the layout of each model built ({@link ownInLayout}). `views`: the total's
 * client views (their grouped rows).
 */
export function pooledContributors(compilation: Compilation, options: ReportOptions, views: readonly ViewSummary[], k: number): Contributors {
  const { total, contributors } = contributorCells(compilation, options);
  const owns = [...contributors.values()];
  return { seed: pooledPrimary(total, owns, k), owns: (model) => owns.map((own) => ownInLayout(model, own, views)) };
}
