/**
 * One disclosure model for the whole report (issue 12, item 1). Tables are
 * protected one by one first (primary and secondary suppression, linked
 * tables, regrouping); then this pass writes down every relation a reader
 * knows between the report's counts (relations.ts), solves for the feasible
 * interval of every hidden count (intervals.ts), and where a
 * hidden count is disclosed — its interval is one value, or lies within
 * 1..k − 1 — breaks what discloses it and builds the report again:
 *
 * a statistic or share among the relations that reach the cell (a mean, a
 * standard deviation, tests per client, a share with its n) is not
 * published, or one more shown count near the cell is hidden (with what its
 * own table would hide with it), or a bundle of those together: of the ways
 * that make the cell safe, the cheapest (a count inside a table costs 1, a
 * statistic 2, a total such as a table's n 20); if none does, the one that
 * widens its interval most. The table that holds a hidden count is
 * protected again with it hidden, so its own secondary suppression covers it.
 *
 * The quantiles of a distribution column that hides a count are not
 * published. Repeated until no hidden count is disclosed. A hidden count whose
 * interval is one value that is 0 or at least k is then shown: the reader
 * can work it out anyway, so showing it tells nothing new (and a `..` that
 * anyone can undo would be a false promise). If the repairs do not settle
 * within a bound number of rounds, every count and statistic reached by a
 * disclosed cell's relations is hidden, and if even that leaves one
 * disclosed, every count of the report: it ends, and never with a
 * disclosed cell.
 *
 * A pooled report (`contributors`, a compilation merged from several units,
 * pooled.ts) adds, separately: each contributor knows its own count o of
 * every cell. Its cells of pooledPrimary are hidden from the start, and each
 * round the shown counts with T − o in 1..k − 1 for some contributor are
 * hidden before anything else; then, beside the reader's audit, each
 * contributor's: the same relations on the others' counts x = T − o ≥ 0
 * (othersView), where a hidden count that is not safe (one value, whatever it
 * is, or within 1..k − 1) is repaired as above with those relations. Without
 * `contributors` nothing of this runs.
 *
 * @internal
 */
import { auditHidden, type CellAudit } from './intervals.js';
import type { ReportModel } from '../model.js';
import { cellRef, countCells, isAuxiliary, reportRelations, type CellRef, type Relation } from './relations.js';
import { pooledPrimary } from './pooled.js';

/** Rounds of repair before the fallback that hides everything a disclosed cell's relations reach. */
const MAX_ROUNDS = 12;
/** Candidates tried per disclosed cell. */
const MAX_CANDIDATES = 12;


/** A hidden count the relations fix to one value that is 0 or at least k: shown, since anyone can work it out. */
const determined = (a: CellAudit, k: number) => a.exact && a.min === a.max && (a.min === 0 || a.min >= k);
/** A hidden count that is not safe and cannot simply be shown must be protected. */
const needsRepair = (a: CellAudit, k: number) => !a.safe && !determined(a, k);
/** The hidden cells that are counts of the report, the ones audited (a share's unknowns are solved for, not audited: see isAuxiliary). */
const hiddenCounts = (cells: ReadonlyMap<CellRef, number | null>) => new Set([...cells].flatMap(([c, v]) => (v === null && !isAuxiliary(c) ? [c] : [])));

/**
 * The report built by `build` with as many cells hidden as it takes for no
 * hidden count to be disclosed by the relations of the whole report.
 */
export function protectJointly(build: (hide: ReadonlySet<CellRef>) => ReportModel, k: number, contributors?: Contributors): ReportModel {
  const hide = new Set<CellRef>(contributors?.seed ?? []);
  const cache = new Map<string, CellAudit>();
  let previous = new Set<CellRef>();
  for (let round = 0; ; round++) {
    const model = build(hide);
    const quantiles = quantilesOfHidden(model).filter((c) => !hide.has(c));
    if (quantiles.length > 0) {
      for (const c of quantiles) hide.add(c);
      continue;
    }
    const cells = countCells(model);
    const relations = reportRelations(model);
    // A pooled report: each contributor's view of the others (see othersView), shown small differences hidden first.
    const owns = contributors?.owns(model) ?? [];
    const views = owns.map((own) => othersView(cells, relations, own));
    if (views.length > 0) {
      const small = smallDifferences(cells, owns, k);
      if (small.some((c) => !hide.has(c))) {
        for (const c of small) hide.add(c);
        continue;
      }
      // Asked for and still shown (a cell no table's protection can hide): hide everything, as below.
      if (small.length > 0) {
        const before = hide.size;
        for (const c of everyCell(model)) hide.add(c);
        if (hide.size > before) continue;
      }
    }
    let intervals: Map<CellRef, CellAudit>;
    let riskyOwn: CellRef[][];
    try {
      intervals = auditHidden(cells, relations, k, hiddenCounts(cells), cache);
      // For a contributor, a hidden count of the others is disclosed when it is one value (whatever it is) or within 1..k − 1.
      riskyOwn = views.map((v) => [...auditHidden(v.cells, v.relations, k, hiddenCounts(v.cells), cache)].filter(([, i]) => !i.safe).map(([c]) => c));
    } catch {
      // Relations with no solution are a bug in what the library believes a reader knows; never publish on it:
      // hide every count and statistic, which nothing can undo (and say nothing wrong).
      const before = hide.size;
      for (const c of everyCell(model)) hide.add(c);
      if (hide.size > before) continue;
      return model;
    }
    const risky = [...intervals].filter(([, i]) => needsRepair(i, k)).map(([c]) => c);
    if (risky.length === 0 && riskyOwn.every((r) => r.length === 0)) {
      // Cells hidden on the way that the relations fix anyway: built again without them, so that the sentences and
      // the header that rest on them say them too, if that is still safe (not for a pooled report, whose contributors know more).
      const fixed = [...hide].filter((c) => intervals.get(c) !== undefined && determined(intervals.get(c)!, k));
      if (fixed.length > 0 && views.length === 0) {
        const lighter = new Set([...hide].filter((c) => !fixed.includes(c)));
        const again = build(lighter);
        const againCells = countCells(again);
        const audit = auditHidden(againCells, reportRelations(again), k, hiddenCounts(againCells), cache);
        if (![...audit.values()].some((x) => needsRepair(x, k))) return showDetermined(again, audit, k);
      }
      return showDetermined(model, intervals, k);
    }
    const before = hide.size;
    // A cell still disclosed after its repair gets more at once: the three counts that widen it most.
    if (round < MAX_ROUNDS) {
      for (const cell of risky) repair(cell, cells, relations, k, hide, cache, previous.has(cell) ? 3 : 1);
      views.forEach((v, i) => {
        for (const cell of riskyOwn[i]!) repair(cell, v.cells, v.relations, k, hide, cache, previous.has(cell) ? 3 : 1);
      });
    }
    previous = new Set([...risky, ...riskyOwn.flat()]);
    if (hide.size === before) for (const cell of reach(risky, cells, relations)) hide.add(cell);
    if (hide.size === before) views.forEach((v, i) => {
      for (const cell of reach(riskyOwn[i]!, v.cells, v.relations)) hide.add(cell);
    });
    // Nothing left to hide around them: hide every count and statistic of the report, which protects anything.
    if (hide.size === before) for (const cell of everyCell(model)) hide.add(cell);
    if (hide.size === before) return model;
  }
}

/**
 * The contributors of a pooled report (a compilation merged from several
 * units, see pooled.ts): `seed`, the cells to hide from the start, and
 * `owns`, each contributor's own count of every count cell of a model as
 * built (a cell it lacks counts as 0).
 */
export interface Contributors {
  readonly seed: ReadonlySet<CellRef>;
  readonly owns: (model: ReportModel) => readonly ReadonlyMap<CellRef, number>[];
}

/** The shown counts of `cells` that leave some contributor the others' count 1..k − 1 (pooledPrimary). */
function smallDifferences(cells: ReadonlyMap<CellRef, number | null>, owns: readonly ReadonlyMap<CellRef, number>[], k: number): CellRef[] {
  const shown = new Map([...cells].flatMap(([c, v]) => (v === null ? [] : [[c, v] as const])));
  // A contributor's count above a shown total would be a bug in its counts; never a reason to crash: it is left out.
  const sane = owns.map((own) => new Map([...own].filter(([c, o]) => o <= (shown.get(c) ?? Infinity))));
  return [...pooledPrimary(shown, sane, k)];
}

/**
 * What a contributor knowing its own counts `own` reads about the others:
 * every count T is o + x with x the others' count (x ≥ 0, which is T ≥ o),
 * so the relations written on T become relations on x with their bounds less
 * Σ coef·o, and a shown T is a shown x = T − o. Auditing this with the same
 * solver gives each hidden cell's interval for the others, [min − o, max − o].
 */
function othersView(cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[], own: ReadonlyMap<CellRef, number>): { cells: Map<CellRef, number | null>; relations: Relation[] } {
  const o = (c: CellRef) => own.get(c) ?? 0;
  const shifted = new Map([...cells].map(([c, v]) => [c, v === null ? null : Math.max(0, v - o(c))] as const));
  const rel = relations.map((r) => {
    const offset = r.terms.reduce((s, [c, coef]) => s + coef * o(c), 0);
    return offset === 0 ? r : { ...r, min: r.min - offset, max: r.max - offset };
  });
  return { cells: shifted, relations: rel };
}

/** Every count, share and statistic of the report (a report with all of them hidden shows nothing to undo). */
const everyCell = (model: ReportModel): CellRef[] =>
  model.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c, j) => (c.kind === 'text' ? [] : [cellRef(t.id, r.key, j)])))));

/**
 * The quantiles printed for a column of the primary measure's distribution
 * that hides a count: not published (a median or quartile tells how many lie
 * below a value, which with the column's n undoes its hidden counts). The
 * mean and the standard deviation are relations the audit checks.
 */
function quantilesOfHidden(model: ReportModel): CellRef[] {
  const tables = model.sections.flatMap((s) => s.tables);
  const dist = tables.find((t) => t.id === 'primary-distribution');
  const summary = tables.find((t) => t.id === 'primary-summary');
  if (dist === undefined || summary === undefined) return [];
  return (['before-stayed', 'after'] as const).flatMap((key, col) => {
    if (!dist.rows.some((r) => r.cells[col]?.kind === 'count' && 'suppressed' in r.cells[col].value)) return [];
    const row = summary.rows.find((r) => r.key === key);
    return [3, 4, 5].filter((j) => row?.cells[j]?.kind === 'number').map((j) => cellRef(summary.id, key, j));
  });
}

/** Adds to `hide` what breaks the disclosure of `cell`. */
function repair(cell: CellRef, cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[], k: number, hide: Set<CellRef>, cache: Map<string, CellAudit>, take: number): void {
  interface Trial {
    readonly cells: CellRef[];
    readonly width: number;
    readonly safe: boolean;
  }
  const tried: Trial[] = [];
  const attempt = (hidden: readonly CellRef[], without: ReadonlySet<CellRef>) => {
    const trial = new Map(cells);
    for (const c of hidden) if (trial.has(c)) trial.set(c, null);
    const kept = without.size === 0 ? relations : relations.filter((r) => r.source === undefined || !without.has(r.source));
    try {
      const i = auditHidden(trial, kept, k, new Set([cell]), cache).get(cell)!;
      return { width: i.max - i.min, safe: i.safe };
    } catch {
      return { width: 0, safe: false };
    }
  };
  // A statistic or share among the relations joined to the cell, left out: the reader keeps every count.
  const joined = reachRelations([cell], cells, relations);
  for (const s of new Set(joined.flatMap((r) => (r.source === undefined || hide.has(r.source) ? [] : [r.source])))) tried.push({ cells: [s], ...attempt([], new Set([s])) });
  // One more shown count in a relation with the cell (first) or joined to it, hidden with what its own table would hide with it.
  const distance = shownDistances(cell, cells, relations);
  const candidates = [...distance.keys()]
    .filter((c) => !hide.has(c))
    .sort((a, b) => distance.get(a)! - distance.get(b)! || cells.get(a)! - cells.get(b)!)
    .slice(0, MAX_CANDIDATES);
  for (const c of candidates) {
    const added = closure(c, new Map(cells), relations);
    tried.push({ cells: added, ...attempt(added, new Set()) });
  }
  // Of those that make the cell safe, the cheapest: a statistic, a share or a total (the n of a table, those who
  // started …) costs far more than a count inside a table, since the reader loses what rests on it.
  const totals = totalCells(relations);
  const costOf = new Map(relations.flatMap((r) => (r.source === undefined ? [] : [[r.source, r.cost ?? 20] as const])));
  const weight = (c: CellRef) => (!cells.has(c) ? (costOf.get(c) ?? 20) : totals.has(c) ? 20 : 1);
  const price = (units: readonly CellRef[]) => units.reduce((sum, c) => sum + weight(c), 0);
  // None alone: all of them together, then leave out again, dearest first, each one the cell stays safe without.
  if (!tried.some((t) => t.safe) && tried.length > 1) {
    const check = (units: readonly Trial[]) => {
      const all = units.flatMap((t) => t.cells);
      return attempt(all.filter((c) => cells.has(c)), new Set(all.filter((c) => !cells.has(c))));
    };
    let kept = [...tried];
    if (check(kept).safe) {
      for (const unit of [...tried].sort((a, b) => price(b.cells) - price(a.cells))) {
        const without = kept.filter((t) => t !== unit);
        if (without.length > 0 && check(without).safe) kept = without;
      }
      const cellsOf = [...new Set(kept.flatMap((t) => t.cells))];
      tried.push({ cells: cellsOf, width: 0, safe: true });
    }
  }
  const cost = (t: Trial) => price(t.cells) * 1e6 + t.cells.reduce((sum, c) => sum + (cells.get(c) ?? 0), 0);
  const safe = tried.filter((t) => t.safe).sort((a, b) => cost(a) - cost(b))[0];
  if (safe !== undefined) {
    for (const a of safe.cells) hide.add(a);
    return;
  }
  // Stable: among equal widths, the order above.
  for (const t of tried.sort((a, b) => b.width - a.width).slice(0, take)) for (const a of t.cells) hide.add(a);
}

/** The cells that are the sum of others in some relation: one term −1, at least two +1. */
function totalCells(relations: readonly Relation[]): Set<CellRef> {
  const out = new Set<CellRef>();
  for (const r of relations) {
    if (r.min !== r.max) continue;
    const negative = r.terms.filter(([, coef]) => coef < 0);
    if (negative.length === 1 && r.terms.length - 1 >= 2) out.add(negative[0]![0]);
  }
  return out;
}

/**
 * Hides `cell` in `trial` and, as a table's own secondary suppression would,
 * one more shown count (the largest, which frees it most) in each relation where a newly hidden
 * cell would be the only hidden one, two steps deep: a count alone in an
 * equation is worked out at once, so hiding it alone tells nothing about
 * whether hiding it helps. Returns the cells hidden.
 */
function closure(cell: CellRef, trial: Map<CellRef, number | null>, relations: readonly Relation[]): CellRef[] {
  const added = [cell];
  trial.set(cell, null);
  let frontier = [cell];
  for (let depth = 0; depth < 2; depth++) {
    const next: CellRef[] = [];
    for (const c of frontier)
      for (const r of relations) {
        if (r.min !== r.max || !r.terms.some(([x]) => x === c) || r.terms.some(([x]) => x !== c && trial.get(x) === null)) continue;
        const other = r.terms.map(([x]) => x).filter((x) => x !== c && typeof trial.get(x) === 'number').sort((a, b) => trial.get(b)! - trial.get(a)!)[0];
        if (other === undefined) continue;
        trial.set(other, null);
        added.push(other);
        next.push(other);
      }
    frontier = next;
  }
  return added;
}

/** Each shown count in the relations joined to `cell`, by how many relations away it is (1: in a relation with the cell). */
function shownDistances(cell: CellRef, cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[]): Map<CellRef, number> {
  const out = new Map<CellRef, number>();
  const seen = new Set([cell]);
  let frontier = [cell];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: CellRef[] = [];
    for (const r of relations) {
      if (!r.terms.some(([x]) => frontier.includes(x))) continue;
      for (const [x] of r.terms) {
        const v = cells.get(x);
        if (typeof v === 'number') {
          if (!out.has(x)) out.set(x, depth);
        } else if (v === null && !seen.has(x)) {
          seen.add(x);
          next.push(x);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** The relations joined to `start` through hidden cells. */
function reachRelations(start: readonly CellRef[], cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[]): Relation[] {
  const seen = new Set(start);
  const queue = [...start];
  const used = new Set<Relation>();
  while (queue.length > 0) {
    const c = queue.pop()!;
    for (const r of relations) {
      if (used.has(r) || !r.terms.some(([x]) => x === c)) continue;
      used.add(r);
      for (const [x] of r.terms)
        if (cells.get(x) === null && !seen.has(x)) {
          seen.add(x);
          queue.push(x);
        }
    }
  }
  return [...used];
}

/** Every shown count and statistic in the relations joined to `risky`: the fallback hides them all. */
function reach(risky: readonly CellRef[], cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[]): CellRef[] {
  return reachRelations(risky, cells, relations).flatMap((r) => [...r.terms.map(([c]) => c).filter((c) => cells.get(c) !== null), ...(r.source === undefined ? [] : [r.source])]);
}

/** The model with each hidden count that the relations fix to one value of 0 or at least k shown. */
function showDetermined(model: ReportModel, intervals: ReadonlyMap<CellRef, CellAudit>, k: number): ReportModel {
  const fixed = (ref: CellRef) => {
    const i = intervals.get(ref);
    return i !== undefined && determined(i, k) ? i.min : undefined;
  };
  return {
    ...model,
    sections: model.sections.map((s) => ({
      ...s,
      tables: s.tables.map((t) => {
        let changed = false;
        const rows = t.rows.map((r) => ({
          ...r,
          cells: r.cells.map((c, j) => {
            const v = c.kind === 'count' && 'suppressed' in c.value ? fixed(cellRef(t.id, r.key, j)) : undefined;
            if (v === undefined) return c;
            changed = true;
            return { kind: 'count' as const, value: { value: v } };
          }),
        }));
        if (!changed) return t;
        const suppressed = rows.some((r) => r.cells.some((c) => (c.kind === 'count' && 'suppressed' in c.value) || (c.kind === 'share' && 'suppressed' in c.share) || (c.kind === 'number' && c.suppressed)));
        return { ...t, rows, suppressed };
      }),
    })),
  };
}
