/**
 * What a reader of a report knows about its counts, as linear relations:
 * the library's own model of the report (issue 12, item 1), from the table
 * layouts the sections build. Each count cell of the model is a value
 * (shown) or an unknown non-negative integer (hidden, `..`); every relation
 * says Σ coef·cell ∈ [min, max]. Statistics printed beside the counts (a
 * mean, a standard deviation, tests per client, the change's mean) are
 * relations too, each naming its `source` cell, so that protection can take
 * the statistic away when it is what undoes a hidden count.
 *
 * The joint protection (joint.ts) solves these for the feasible interval of
 * every hidden cell. A new table kind must add its relations here: the
 * tests check that every relation holds on the true counts, and the
 * attacker in tests/privacy (with its own solver) checks that nothing it
 * knows was forgotten here.
 *
 * @internal
 */
import type { ReportModel } from '../model.js';
import type { ReportTable } from '../protect.js';
import { LEFT_ROWS, saidRef } from './summary.js';
import { countsClassifiedOnly } from './views.js';

/** A cell of the report: `table|row|column`. */
export type CellRef = string;

/**
 * Σ coef·cell ∈ [min, max]; `source`: the statistic or share (a cell that is not a count) the relation comes
 * from, if any, and `cost`, what leaving it out costs the reader (a count inside a table costs 1).
 */
export interface Relation {
  readonly terms: readonly (readonly [CellRef, number])[];
  readonly min: number;
  readonly max: number;
  readonly source?: CellRef;
  readonly cost?: number;
}

/** @internal The reference of a cell. */
export const cellRef = (table: string, row: string, column: number): CellRef => `${table}|${row}|${column}`;

type Term = [CellRef, number];
const tablesOf = (model: ReportModel): Map<string, ReportTable> => new Map(model.sections.flatMap((s) => s.tables.map((t) => [t.id, t] as const)));
const eq = (terms: Term[], value: number): Relation => ({ terms, min: value, max: value });
const le = (terms: Term[], max: number): Relation => ({ terms, min: -Infinity, max });
const sum = (cells: readonly CellRef[], coef = 1): Term[] => cells.map((c) => [c, coef]);
const columnOf = (t: ReportTable, j: number): CellRef[] => t.rows.map((r) => cellRef(t.id, r.key, j));
const rounded = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
/** The tables whose regrouped rows' parts are unknowns of their own (elsewhere a part is only in its sum and can be anything up to it). */
const withParts = (t: ReportTable) => t.id.startsWith('attainment-') || t.id === 'primary-distribution';

/** @internal Every count cell of a report's tables and its value (`null` when hidden), keyed by {@link CellRef}. */
export function reportCounts(model: ReportModel): Map<CellRef, number | null> {
  const out = new Map<CellRef, number | null>();
  for (const section of model.sections)
    for (const t of section.tables)
      for (const row of t.rows)
        row.cells.forEach((c, j) => {
          if (c.kind === 'count') out.set(cellRef(t.id, row.key, j), 'value' in c.value ? c.value.value : null);
        });
  return out;
}

/**
 * @internal Every count cell of the model: its published value, or `null`
 * when hidden (the cells of {@link reportCounts}). A regrouped row's parts, where other relations reach them, are
 * hidden cells too (0 under a shown 0), and so are the goal-met unknowns of each row with a goal-met share ({@link isAuxiliary}).
 */
export function countCells(model: ReportModel): Map<CellRef, number | null> {
  const out = reportCounts(model);
  for (const section of model.sections)
    for (const t of section.tables.filter(withParts))
      for (const { row, parts } of t.regrouped ?? [])
        t.rows.find((r) => r.key === row)?.cells.forEach((c, j) => {
          if (c.kind !== 'count') return;
          const merged = 'value' in c.value ? c.value.value : null;
          for (const part of parts) out.set(cellRef(t.id, part, j), merged === 0 ? 0 : null);
        });
  // The goal-met unknowns of every row with a goal-met share (see goalMetRelations).
  for (const section of model.sections)
    for (const t of section.tables)
      if (t.id.startsWith('attainment-') || t.id.startsWith('background-outcome-'))
        for (const row of t.rows) if (hiddenShare(row)) for (const name of ['goal-met', 'with-goal'] as const) out.set(auxiliary(name, t.id, row.key), null);
  return out;
}

/**
 * @internal An unknown that is not a cell of the report (`~…`): the number with the goal met or with a goal in a
 * goal-attainment row, which its share prints (or hides). Always among the hidden cells of {@link countCells}, solved
 * for with them but not audited: it is not a count of the report (its share, when shown, prints it).
 */
export const isAuxiliary = (c: CellRef): boolean => c.startsWith('~');
const auxiliary = (name: 'goal-met' | 'with-goal', table: string, row: string): CellRef => `~${name}|${table}|${row}`;

type Row = ReportTable['rows'][number];
/** A row whose goal-met share (column 5) is hidden. */
const hiddenShare = (row: Row | undefined) => row?.cells[5]?.kind === 'share' && 'suppressed' in row.cells[5].share;

/**
 * A goal-attainment row's goal-met share: those with the goal met (g) and those with a goal (w), with
 * level 1 ≤ g ≤ w ≤ n (positive change and goal met is among the goal met; a goal is among those classified). A shown
 * share prints g and w (its `source`); a hidden one leaves them unknowns of their own (only those are unknowns, so that
 * the programs stay small).
 */
function goalMetRelations(t: ReportTable, row: string, share: { numerator: number; denominator: number } | { suppressed: unknown }, source: CellRef): Relation[] {
  const level1 = cellRef(t.id, row, 0);
  const n = cellRef(t.id, row, 4);
  if (!('suppressed' in share)) return [{ ...le([[level1, 1]], share.numerator), source }, { terms: [[n, 1]], min: share.denominator, max: Infinity, source }];
  const g = auxiliary('goal-met', t.id, row);
  const w = auxiliary('with-goal', t.id, row);
  return [le([[level1, 1], [g, -1]], 0), le([[g, 1], [w, -1]], 0), le([[w, 1], [n, -1]], 0)];
}

/**
 * Over a breakdown, the rows' goal met (and with a goal) add up to the total's: a shown share's count is a constant,
 * a hidden one's an unknown. Nothing when every share involved is shown.
 */
function goalMetSums(t: ReportTable, total: ReportTable, totalRow: Row): Relation[] {
  const rows: [Row, number][] = [...t.rows.map((r) => [r, 1] as [Row, number]), [totalRow, -1]];
  if (!rows.some(([r]) => hiddenShare(r))) return [];
  return (['goal-met', 'with-goal'] as const).map((name) => {
    const terms: Term[] = [];
    let constant = 0;
    for (const [r, sign] of rows) {
      const cell = r.cells[5];
      if (cell?.kind !== 'share') continue;
      if ('suppressed' in cell.share) terms.push([auxiliary(name, (sign > 0 ? t : total).id, r.key), sign]);
      else constant += sign * (name === 'goal-met' ? cell.share.numerator : cell.share.denominator);
    }
    return eq(terms, -constant);
  });
}

/** A shown statistic as a relation Σ terms ∈ scale·[v − ½, v + ½] (in its printed digits), or none. */
function statistic(t: ReportTable, row: string, j: number, terms: Term[], scale: number): Relation[] {
  const cell = t.rows.find((r) => r.key === row)?.cells[j];
  if (cell?.kind !== 'number' || cell.value === null || cell.suppressed) return [];
  const h = 0.5 / 10 ** cell.digits;
  const v = rounded(cell.value, cell.digits);
  return [{ terms, min: scale * (v - h), max: scale * (v + h), source: cellRef(t.id, row, j) }];
}

/** @internal The relations a reader of `model` knows between its counts. */
export function reportRelations(model: ReportModel): Relation[] {
  const tables = tablesOf(model);
  const rel: Relation[] = [];
  const levels = [0, 1, 2, 3];
  const total = tables.get('attainment-total');
  const totalRow = total?.rows[0]?.key;
  const breakdown = (id: string) => id.startsWith('attainment-') || id.startsWith('background-outcome-') || id.startsWith('dose-');
  for (const t of tables.values()) {
    if (!breakdown(t.id)) continue;
    // Goal attainment and its breakdowns: the four levels add up to n; each breakdown's rows add up to the total's row.
    for (const row of t.rows) {
      const c = (j: number) => cellRef(t.id, row.key, j);
      rel.push(eq([...sum(levels.map(c)), [c(4), -1]], 0));
      const share = row.cells[5];
      if (share?.kind !== 'share') continue;
      const source = c(5);
      if (!t.id.startsWith('dose-')) {
        rel.push(...goalMetRelations(t, row.key, share.share, source));
        continue;
      }
      if ('suppressed' in share.share) continue;
      const { numerator, denominator } = share.share;
      rel.push({ ...eq([[c(0), 1], [c(1), 1]], numerator), source }, { ...eq([[c(4), 1]], denominator), source });
    }
    // The rows' goal-met counts and those with a goal add up to the total's (every classified client is in one row).
    const shares = (x: ReportTable) => x.rows.every((r) => r.cells[5]?.kind === 'share');
    if (total !== undefined && totalRow !== undefined && t !== total && !t.id.startsWith('dose-') && shares(t) && shares(total)) rel.push(...goalMetSums(t, total, total.rows[0]!));
    if (total !== undefined && totalRow !== undefined && t !== total)
      for (const j of [...levels, 4]) rel.push(eq([...sum(columnOf(t, j)), [cellRef(total.id, totalRow, j), -1]], 0));
  }
  for (const t of [...tables.values()].filter(withParts))
    for (const { row, parts } of t.regrouped ?? []) {
      t.rows.find((r) => r.key === row)?.cells.forEach((c, j) => {
        if (c.kind === 'count') rel.push(eq([...sum(parts.map((p) => cellRef(t.id, p, j))), [cellRef(t.id, row, j), -1]], 0));
      });
      if (t.id.startsWith('attainment-'))
        for (const p of parts) rel.push(eq([...sum(levels.map((j) => cellRef(t.id, p, j))), [cellRef(t.id, p, 4), -1]], 0));
    }
  // The flow: selected = never started + started; started = withdrawn + ongoing + closed; closed = unclassified + classified.
  const f = (key: string) => cellRef('flow', key, 0);
  if (tables.has('flow')) {
    rel.push(eq([[f('notStarted'), 1], [f('started'), 1], [f('selected'), -1]], 0));
    rel.push(eq([[f('withdrawn'), 1], [f('ongoing'), 1], [f('closed'), 1], [f('started'), -1]], 0));
    rel.push(eq([[f('unclassified'), 1], [f('classified'), 1], [f('closed'), -1]], 0));
    if (totalRow !== undefined) rel.push(eq([[f('classified'), 1], [cellRef('attainment-total', totalRow, 4), -1]], 0));
    // A sentence that speaks of those who never started, were withdrawn or were not classified tells there were some.
    const said = [...model.summary, ...model.cautions];
    for (const { row, sv, en } of LEFT_ROWS)
      if (tables.get('flow')!.rows.some((r) => r.key === row) && said.some((x) => (model.locale === 'sv' ? sv : en).some((words) => x.includes(words)))) rel.push({ terms: [[f(row), 1]], min: 1, max: Infinity, source: saidRef(row), cost: 5 });
    const w = tables.get('withdrawals');
    if (w) {
      rel.push(le([...sum(columnOf(w, 0)), [f('notStarted'), -1]], 0));
      rel.push(eq([...sum(columnOf(w, 1)), [f('withdrawn'), -1]], 0));
    }
  }
  rel.push(...primaryRelations(tables), ...sectionRelations(tables));
  return rel;
}

/**
 * The primary measure's distribution against its n, mean and standard
 * deviation as printed (Σx = n, Σv·x = n·mean, Σv²·x = (n − 1)·sd² + n·mean²),
 * and the change's mean when the two columns are the same people.
 */
function primaryRelations(tables: ReadonlyMap<string, ReportTable>): Relation[] {
  const dist = tables.get('primary-distribution');
  const summary = tables.get('primary-summary');
  if (dist === undefined || summary === undefined) return [];
  const rel: Relation[] = [];
  const keys = dist.rows.flatMap((r) => dist.regrouped?.find((g) => g.row === r.key)?.parts ?? [r.key]);
  const terms = (col: number, power: number, coef = 1): Term[] => keys.map((key) => [cellRef(dist.id, key, col), coef * Number(key) ** power]);
  const nOf = (key: string) => {
    const c = summary.rows.find((r) => r.key === key)?.cells[0];
    return c?.kind === 'count' && 'value' in c.value ? c.value.value : undefined;
  };
  const ns: (number | undefined)[] = [];
  (['before-stayed', 'after'] as const).forEach((key, col) => {
    const n = nOf(key);
    ns.push(n);
    rel.push(eq([...terms(col, 0), [cellRef(summary.id, key, 0), -1]], 0));
    if (n === undefined) return;
    rel.push(...statistic(summary, key, 1, terms(col, 1), n));
    const mean = summary.rows.find((r) => r.key === key)?.cells[1];
    const sd = summary.rows.find((r) => r.key === key)?.cells[2];
    if (mean?.kind !== 'number' || mean.value === null || mean.suppressed || sd?.kind !== 'number' || sd.value === null || sd.suppressed || n < 2) return;
    // Σv²·x = (n − 1)·sd² + n·mean², over the printed intervals of both (the SD's relation: it is what the SD adds).
    const [m, hm] = [rounded(mean.value, mean.digits), 0.5 / 10 ** mean.digits];
    const [s, hs] = [rounded(sd.value, sd.digits), 0.5 / 10 ** sd.digits];
    const sq = (sv: number, mv: number) => (n - 1) * sv ** 2 + n * mv ** 2;
    // The SD is left out before the mean: the mean is what the summary says in words.
    rel.push({ terms: terms(col, 2), min: sq(Math.max(0, s - hs), Math.max(0, m - hm)), max: sq(s + hs, m + hm), source: cellRef(summary.id, key, 2), cost: 10 });
  });
  // Who is counted where: the pairs are measured both before (among those who stayed) and after; the classified on the
  // goal-attainment scale need both measurements, so they are among the pairs; after is measured at closing; before, at the start.
  const n = (key: string) => cellRef(summary.id, key, 0);
  const present = (key: string) => summary.rows.some((r) => r.key === key);
  for (const [small, large] of [['change', 'before-stayed'], ['change', 'after'], ['before-stayed', 'before']] as const)
    if (present(small) && present(large)) rel.push(le([[n(small), 1], [n(large), -1]], 0));
  const total = tables.get('attainment-total')?.rows[0]?.key;
  if (present('change') && total !== undefined) rel.push(le([[cellRef('attainment-total', total, 4), 1], [n('change'), -1]], 0));
  if (tables.has('flow')) {
    if (present('after')) rel.push(le([[n('after'), 1], [cellRef('flow', 'closed', 0), -1]], 0));
    if (present('before')) rel.push(le([[n('before'), 1], [cellRef('flow', 'started', 0), -1]], 0));
  }
  // The change over the pairs: with the same n before (of those who stayed) and after, the pairs are those people.
  const pairs = nOf('change');
  if (pairs !== undefined && ns[0] === pairs && ns[1] === pairs) rel.push(...statistic(summary, 'change', 1, [...terms(1, 1), ...terms(0, 1, -1)], pairs));
  return rel;
}

/**
 * The other sections against the flow: the measures' and follow-ups'
 * direction tables against their pairs, the reach table against those
 * closed, the weekly tables, the target group against those who started,
 * and the client views.
 */
function sectionRelations(tables: ReadonlyMap<string, ReportTable>): Relation[] {
  const rel: Relation[] = [];
  const started = cellRef('flow', 'started', 0);
  const closed = cellRef('flow', 'closed', 0);
  const flow = tables.has('flow');
  for (const t of tables.values()) {
    if (t.id.endsWith('-direction')) {
      const key = t.rows[0]!.key;
      rel.push(eq([...sum([0, 1, 2].map((j) => cellRef(t.id, key, j))), [cellRef(t.id, key, 3), -1]], 0));
      const summary = tables.get(t.id.slice(0, -'-direction'.length));
      for (const pairs of ['pairs-before', 'pairs-after'])
        if (summary?.rows.some((r) => r.key === pairs)) rel.push(eq([[cellRef(summary.id, pairs, 0), 1], [cellRef(t.id, key, 3), -1]], 0));
      if (summary && flow) {
        for (const r of summary.rows) rel.push(le([[cellRef(summary.id, r.key, 0), 1], [started, -1]], 0));
        if (summary.rows.some((r) => r.key === 'before')) rel.push(le([[cellRef(t.id, key, 3), 1], [cellRef(summary.id, 'before', 0), -1]], 0));
      }
    }
    if (/^follow-up-[^-]+$/.test(t.id)) {
      const key = t.rows[0]!.key;
      const reached = cellRef(t.id, key, 0);
      rel.push(eq([...sum([0, 1, 2, 3].map((j) => cellRef(t.id, key, j))), [cellRef(t.id, key, 4), -1]], 0));
      // Every client closed in the results is counted once per point (compile's consistency rule): the flow's closed.
      if (flow) rel.push(eq([[cellRef(t.id, key, 4), 1], [closed, -1]], 0));
      for (const m of tables.values())
        // The measures at the point: their n there and their pairs are among those reached (not the n before, which is everyone's).
        if (m.id.startsWith(`${t.id}-`) && !m.id.endsWith('-direction'))
          for (const r of m.rows.filter((x) => x.key !== 'before')) rel.push(le([[cellRef(m.id, r.key, 0), 1], [reached, -1]], 0));
    }
    if (t.id.startsWith('during-'))
      for (const r of t.rows) {
        const tests = cellRef(t.id, r.key, 0);
        const clients = cellRef(t.id, r.key, 1);
        // A pooled period ("1–4") counts client-weeks: at most those who started times its weeks.
        const [from = 0, to = from] = r.key.split('–').map(Number);
        if (flow) rel.push(le([[clients, 1], [started, -(to - from + 1)]], 0));
        rel.push(le([[clients, 1], [tests, -1]], 0));
        const per = r.cells[3];
        if (per?.kind === 'number' && per.value !== null && !per.suppressed) {
          const h = 0.5 / 10 ** per.digits;
          const p = rounded(per.value, per.digits);
          const source = cellRef(t.id, r.key, 3);
          rel.push({ terms: [[clients, p - h], [tests, -1]], min: -Infinity, max: 1e-9, source }, { terms: [[tests, 1], [clients, -(p + h)]], min: -Infinity, max: 1e-9, source });
        }
        const share = r.cells[2];
        if (share?.kind === 'share' && !('suppressed' in share.share)) rel.push({ ...eq([[tests, 1]], share.share.denominator), source: cellRef(t.id, r.key, 2) });
      }
    if ((t.id === 'main-problems' || (t.id.startsWith('background-') && !t.id.startsWith('background-outcome-'))) && flow) rel.push(eq([...sum(columnOf(t, 0)), [started, -1]], 0));
    if (t.id === 'goal-areas' && flow) {
      // Everyone who started has a goal area or none: the rows (with "none", or the row it was folded into) add up to at least those who started.
      rel.push(le([[started, 1], ...sum(columnOf(t, 0), -1)], 0));
      if (t.rows.some((r) => r.key === 'none')) rel.push(le([[cellRef(t.id, 'none', 0), 1], [started, -1]], 0));
    }
  }
  // The client views: each row's levels add up to its total; every item of a point counts the same respondents by level.
  // An item's table has the four levels, the unclassified and the total, or (when the flow hides the unclassified,
  // views.ts) the four levels and the total of the classified: its last column is the total.
  const items = [...tables.values()].filter((t) => t.id.startsWith('views-') && t.id !== 'views-summary' && t.id !== 'views-tests');
  const last = (t: ReportTable) => t.columns.length - 1;
  for (const t of items) for (const r of t.rows) rel.push(eq([...sum([...Array(last(t)).keys()].map((j) => cellRef(t.id, r.key, j))), [cellRef(t.id, r.key, last(t)), -1]], 0));
  const point = (id: string) => id.split('-')[1];
  items.forEach((a, i) => {
    const b = items.slice(i + 1).find((x) => point(x.id) === point(a.id));
    if (b !== undefined) for (let j = 0; j <= last(a); j++) rel.push(eq([...sum(columnOf(a, j)), ...sum(columnOf(b, j), -1)], 0));
  });
  if (items[0] && flow) rel.push(le([...sum(columnOf(items[0], last(items[0]))), [closed, -1]], 0));
  // Everyone closed is asked at closing (answered, don't know or not answered), so an item at `after` counts each
  // closed client once: by level, the attainment total's levels; unclassified, the flow's; in all, those closed
  // (or, counting the classified only, the attainment total's n).
  const totalRow = tables.get('attainment-total')?.rows[0]?.key;
  const atClosing = items.find((t) => point(t.id) === 'after');
  if (atClosing && totalRow !== undefined) {
    for (const j of [0, 1, 2, 3]) rel.push(eq([...sum(columnOf(atClosing, j)), [cellRef('attainment-total', totalRow, j), -1]], 0));
    if (countsClassifiedOnly(atClosing)) rel.push(eq([...sum(columnOf(atClosing, 4)), [cellRef('attainment-total', totalRow, 4), -1]], 0));
    else if (flow && tables.get('flow')!.rows.some((r) => r.key === 'unclassified'))
      rel.push(eq([...sum(columnOf(atClosing, 4)), [cellRef('flow', 'unclassified', 0), -1]], 0), eq([...sum(columnOf(atClosing, 5)), [closed, -1]], 0));
  }
  // The classified with a background value are among those who started with it (the target group's table of the same question).
  for (const t of tables.values()) {
    if (!t.id.startsWith('background-outcome-')) continue;
    const started = tables.get(`background-${t.id.slice('background-outcome-'.length)}`);
    if (started !== undefined)
      for (const r of t.rows) if (started.rows.some((x) => x.key === r.key)) rel.push(le([[cellRef(t.id, r.key, 4), 1], [cellRef(started.id, r.key, 0), -1]], 0));
  }
  const summary = tables.get('views-summary');
  for (const r of summary?.rows ?? []) {
    const item = tables.get(`views-${r.key}`);
    if (item === undefined) continue;
    const answered = sum(item.rows.filter((x) => x.key !== 'no_answer' && x.key !== 'dont_know' && x.key !== 'not_answered').map((x) => cellRef(item.id, x.key, item.columns.length - 1)));
    rel.push(eq([...answered, [cellRef(summary!.id, r.key, 0), -1]], 0));
    const share = r.cells[1];
    if (share?.kind === 'share' && !('suppressed' in share.share)) rel.push({ ...eq(answered, share.share.denominator), source: cellRef(summary!.id, r.key, 1) });
  }
  return rel;
}
