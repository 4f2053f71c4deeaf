// The whole-report attacker as one contributor of a pooled report (issue 12,
// item 1). A unit that contributed to a county's report knows its own exact
// count o of every cell. For a shown pooled cell T the others' count is T − o;
// for a hidden one the attacker solves the report's relations with the extra
// knowledge T ≥ o, and the others' interval is the pooled interval less o.
// A cell of the others is disclosed when its interval has width 0 and lies in
// 1..k−1 (a shown difference) or, for a hidden cell, as `disclosed` says.
//
// The relations are those of the pooled report (reportRelations), written on
// the pooled cells: a printed mean, a share's n or a ratio are statements about
// the pooled numbers, so substituting T = o + (others) keeps them exact, which
// attacking a model of differences with the same relations would not.
import type { ReportModel } from '../../src/report/index.js';
import type { ViewSummary } from '../../src/index.js';
import { countCells, disclosed, hiddenIntervals, reportRelations, type CellRef, type Interval, type Relation } from './report-attacker.js';

/**
 * The contributor's own count for every count cell of the published pooled
 * model: `own` is keyed in the layout before regrouping (contributorCells),
 * so a regrouped row is the sum of its parts. A cell it cannot place throws.
 */
export function ownCounts(model: ReportModel, own: ReadonlyMap<CellRef, number>, views: readonly ViewSummary[] = []): Map<CellRef, number> {
  const regrouped = viewGroups(views);
  for (const s of model.sections) for (const t of s.tables) for (const g of t.regrouped ?? []) regrouped.set(`${t.id}|${g.row}`, g.parts);
  const out = new Map<CellRef, number>();
  const placed = (table: string, row: string, col: string): number | undefined =>
    own.get(`${table}|${row}|${col}`) ?? regrouped.get(`${table}|${row}`)?.reduce((s, p) => s + (own.get(`${table}|${p}|${col}`) ?? NaN), 0);
  // An item's table without the "Ej bedömd" column counts the classified only: its total, and the summary's answered,
  // are the contributor's totals less its unclassified.
  const tables = new Map(model.sections.flatMap((s) => s.tables.map((t) => [t.id, t] as const)));
  const classifiedOnly = (id: string) => id.startsWith('views-') && id !== 'views-summary' && id !== 'views-tests' && !tables.get(id)!.columns.includes('Ej bedömd') && !tables.get(id)!.columns.includes('Not classified');
  const classified = (table: string, row: string) => (placed(table, row, '5') ?? NaN) - (placed(table, row, '4') ?? NaN);
  for (const ref of countCells(model).keys()) {
    const [table, row, col] = ref.split('|') as [string, string, string];
    const item = views.find((v) => `${v.point}-${v.id}` === row);
    const value =
      classifiedOnly(table) && col === '4' ? classified(table, row)
      : table === 'views-summary' && col === '0' && item !== undefined && tables.has(`views-${row}`) && classifiedOnly(`views-${row}`) ? item.answers.reduce((s, a) => s + classified(`views-${row}`, String(a.value)), 0)
      : placed(table, row, col);
    if (value === undefined || Number.isNaN(value)) {
      if (table === 'unusable') continue; // rows of an export, not by unit
      throw new Error(`no own count for ${ref}`);
    }
    out.set(ref, value);
  }
  return out;
}

/**
 * A client-view item's table may be published with its answers grouped (the
 * positive ones, the others, don't know with not answered), which its
 * `regrouped` does not list: the rows each group adds up, by `table|row`.
 */
export function viewGroups(views: readonly ViewSummary[]): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const v of views) {
    const id = `views-${v.point}-${v.id}`;
    out.set(`${id}|positive`, v.answers.filter((a) => a.positive).map((a) => String(a.value)));
    out.set(`${id}|other`, v.answers.filter((a) => !a.positive).map((a) => String(a.value)));
    out.set(`${id}|no_answer`, [...(v.dontKnow === null ? [] : ['dont_know']), 'not_answered']);
  }
  return out;
}

/** The others' view: each shown pooled cell less the contributor's own count, null where the pooled cell is hidden. */
export function othersCells(model: ReportModel, own: ReadonlyMap<CellRef, number>, views: readonly ViewSummary[] = []): Map<CellRef, number | null> {
  const mine = ownCounts(model, own, views);
  return new Map([...countCells(model)].filter(([ref]) => mine.has(ref)).map(([ref, v]) => [ref, v === null ? null : v - mine.get(ref)!]));
}

/** The relations a contributor adds: a hidden pooled cell holds at least its own count. */
export function ownRelations(model: ReportModel, own: ReadonlyMap<CellRef, number>, views: readonly ViewSummary[] = []): Relation[] {
  const mine = ownCounts(model, own, views);
  return [...countCells(model)].flatMap(([ref, v]) =>
    v === null && mine.has(ref) && mine.get(ref)! > 0 ? [{ terms: [[ref, 1]] as [CellRef, number][], min: mine.get(ref)!, max: Infinity, why: `${ref} ≥ own` }] : [],
  );
}

/**
 * The attack of one contributor: the others' cells it learns exactly or within 1..k−1, `shown` (a
 * shown pooled cell less its own) and `recovered` (a hidden one narrowed), both in `disclosed`.
 */
export function attackAsContributor(model: ReportModel, own: ReadonlyMap<CellRef, number>, views: readonly ViewSummary[] = [], k = 5): { disclosed: Interval[]; shown: Interval[]; recovered: Interval[] } {
  const mine = ownCounts(model, own, views);
  const others = othersCells(model, own, views);
  const shown = [...others].flatMap(([cell, v]) => (v !== null && v >= 1 && v <= k - 1 ? [{ cell, min: v, max: v }] : []));
  const pooled = hiddenIntervals(countCells(model), [...reportRelations(model), ...ownRelations(model, own, views)]);
  const hidden = pooled.filter((i) => mine.has(i.cell)).map((i) => ({ cell: i.cell, min: i.min - mine.get(i.cell)!, max: i.max - mine.get(i.cell)! }));
  const recovered = disclosed(hidden, k);
  return { disclosed: [...shown, ...recovered], shown, recovered };
}
