/**
 * The audit of a publication's hidden counts: over all non-negative integers
 * that satisfy every linear relation a reader knows (Σ coef·cell ∈ [min,
 * max], with the shown cells' values put in), what can each hidden cell be?
 * A hidden cell is **safe** when it can take two different values and, for
 * threshold k, a value that is 0 or at least k: then a reader can neither
 * work it out nor tell that it is a small count. This is the audit of
 * statistical disclosure control by linear programming (Cox 1980; the
 * audit in tau-Argus does the same).
 *
 * Hidden cells are split into independent groups (connected through
 * relations) and each group is solved alone. In each group a few linear
 * programs with mixed objectives give whole solutions (on table-like
 * relations the vertices are integral; a solution is used only when,
 * rounded, it satisfies every relation exactly): these witnesses prove most
 * cells safe at once. Each cell they do not prove safe gets its own interval,
 * from the relaxation and, where that is narrow and not whole, the integer
 * program (with rounded statistics among the relations the integer range
 * can be narrower than the relaxation's). Where the integer program does not
 * finish within its budget, the cell is not proven safe (`exact: false`),
 * and protection treats it as disclosed.
 *
 * The solver is yalps (simplex, and branch and bound for the integer
 * program).
 *
 * @see Cox, L. H. (1980). Suppression methodology and statistical disclosure control. JASA 75(370), 377–385.
 * @internal
 */
import { solve, type Constraint, type Model } from 'yalps';

/** Σ coef·cell ∈ [min, max] over cells named by strings. */
export interface LinearRelation {
  readonly terms: readonly (readonly [string, number])[];
  readonly min: number;
  readonly max: number;
}

/**
 * What the audit found for a hidden cell: `safe`, or its interval. For a
 * safe cell `min`–`max` is the range its witnesses cover (inside the true
 * range); otherwise the feasible range itself (`max` Infinity when unbounded),
 * `exact` when the integer program settled it.
 */
export interface CellAudit {
  readonly safe: boolean;
  readonly min: number;
  readonly max: number;
  readonly exact: boolean;
}

/** Widening of rounded bounds, so that floating-point noise never makes the true table infeasible. */
const SLACK = 1e-6;
/** Branch-and-bound budget per integer program. */
const MAX_ITERATIONS = 100;

interface Group {
  readonly cells: string[];
  readonly relations: number[];
}

/** The hidden cells joined by relations into groups (union–find). */
function groups(hidden: readonly string[], relations: readonly LinearRelation[], isHidden: (c: string) => boolean): Group[] {
  const index = new Map(hidden.map((c, i) => [c, i]));
  const parent = hidden.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const r of relations) {
    const ids = r.terms.filter(([c]) => isHidden(c)).map(([c]) => index.get(c)!);
    for (const id of ids.slice(1)) parent[find(id)] = find(ids[0]!);
  }
  const byRoot = new Map<number, Group>();
  const groupOf = (i: number) => {
    const root = find(i);
    let g = byRoot.get(root);
    if (g === undefined) byRoot.set(root, (g = { cells: [], relations: [] }));
    return g;
  };
  hidden.forEach((_, i) => groupOf(i).cells.push(hidden[i]!));
  relations.forEach((r, ri) => {
    const first = r.terms.find(([c]) => isHidden(c));
    if (first !== undefined) groupOf(index.get(first[0])!).relations.push(ri);
  });
  return [...byRoot.values()];
}

/** Whether a cell's values seen prove it safe: two different values, one of them 0 or at least k. */
const proves = (seen: ReadonlySet<number>, k: number) => seen.size >= 2 && [...seen].some((v) => v <= 0 || v >= k);

/**
 * Audits every hidden cell (`null` in `cells`), or only those in `only`.
 * A relation naming a cell that `cells` does not have is a programming error
 * and throws.
 *
 * @param k - the threshold: a safe cell can be 0 or at least k
 * @param only - the cells to audit (default: every hidden cell); the others are solved for with them (unknowns that are
 *   not cells of the publication, say) but not audited
 * @param cache - results by group and cell, kept between calls: a group whose relations and shown values are unchanged is not solved again
 */
export function auditHidden(
  cells: ReadonlyMap<string, number | null>,
  relations: readonly LinearRelation[],
  k: number,
  only?: ReadonlySet<string>,
  cache?: Map<string, CellAudit>,
): Map<string, CellAudit> {
  const isHidden = (c: string) => {
    const v = cells.get(c);
    if (v === undefined) throw new Error(`a relation names ${c}, which the publication does not have`);
    return v === null;
  };
  const hidden = [...cells].filter(([, v]) => v === null).map(([c]) => c);
  // Every count is bounded (the programs then always have an optimum): far above any count shown.
  const cap = 10 * Math.max(0, ...[...cells.values()].map((v) => v ?? 0)) + 1000;
  const out = new Map<string, CellAudit>();
  for (const group of groups(hidden, relations, isHidden)) {
    // The group as the solver sees it: each relation's hidden terms and its bounds less the shown cells.
    const signature = group.relations
      .map((ri) => {
        const r = relations[ri]!;
        const constant = r.terms.reduce((sum, [c, coef]) => sum + coef * (cells.get(c) ?? 0), 0);
        return `${r.terms.filter(([c]) => cells.get(c) === null).map(([c, coef]) => `${c}*${coef}`).join('+')}∈[${r.min - constant},${r.max - constant}]`;
      })
      .sort()
      .join(';');
    const wanted = group.cells.filter((c) => only === undefined || only.has(c));
    const cached = (c: string) => cache?.get(`${signature}#${c}`);
    for (const c of wanted) if (cached(c) !== undefined) out.set(c, cached(c)!);
    if (wanted.every((c) => out.has(c))) continue;
    const name = new Map(group.cells.map((c, i) => [c, `x${i}`]));
    const variables = new Map<string, Map<string, number>>(group.cells.map((c) => [name.get(c)!, new Map([[`cap${name.get(c)}`, 1]])]));
    const constraints = new Map<string, Constraint>(group.cells.map((c) => [`cap${name.get(c)}`, { max: cap }]));
    for (const ri of group.relations) {
      const r = relations[ri]!;
      let constant = 0;
      for (const [c, coef] of r.terms) {
        const v = cells.get(c)!;
        if (v === null) {
          const vars = variables.get(name.get(c)!)!;
          vars.set(`r${ri}`, (vars.get(`r${ri}`) ?? 0) + coef);
        } else constant += coef * v;
      }
      constraints.set(`r${ri}`, { min: r.min - constant - SLACK, max: r.max - constant + SLACK });
    }
    // Each constraint's terms (variable, coefficient), for checking a rounded solution in time proportional to the terms.
    const rows = new Map<string, [string, number][]>([...constraints.keys()].map((key) => [key, []]));
    for (const [n, coefs] of variables) for (const [key, coef] of coefs) rows.get(key)!.push([n, coef]);
    const satisfies = (at: ReadonlyMap<string, number>) =>
      [...constraints].every(([key, c]) => {
        let v = 0;
        for (const [n, coef] of rows.get(key)!) v += coef * (at.get(n) ?? 0);
        return v >= (c.min ?? -Infinity) - SLACK && v <= (c.max ?? Infinity) + SLACK;
      });
    /** Solves with `objective` (coefficients by variable); the whole solution, if its rounding satisfies every relation. */
    const lp = (objective: ReadonlyMap<string, number>, direction: 'minimize' | 'maximize', integers = false) => {
      const vars = new Map([...variables].map(([n, c]) => [n, objective.has(n) ? new Map([...c, ['objective', objective.get(n)!]]) : c]));
      const model: Model = { direction, objective: 'objective', constraints, variables: vars, integers };
      const r = solve(model, integers ? { maxIterations: MAX_ITERATIONS } : {});
      if (r.status === 'infeasible') throw new Error(`the relations of ${group.cells[0]} have no solution`);
      if (r.status !== 'optimal') return undefined;
      const at = new Map(r.variables.map(([n, v]) => [n, Math.round(v)]));
      return { result: r.result, whole: satisfies(at) ? at : undefined };
    };
    // Witnesses: whole solutions under mixed objectives, each cell's values seen.
    const seen = new Map(group.cells.map((c) => [c, new Set<number>()]));
    const note = (at: ReadonlyMap<string, number>) => group.cells.forEach((c) => seen.get(c)!.add(at.get(name.get(c)!) ?? 0));
    const all = (sign: (i: number) => number) => new Map(group.cells.map((c, i) => [name.get(c)!, sign(i)]));
    // (Not when auditing one cell: its own programs below give it witnesses.)
    const several = wanted.length > 1;
    if (several) for (const [objective, direction] of [
      [all(() => 1), 'minimize'],
      [all(() => 1), 'maximize'],
      [all((i) => (i % 2 === 0 ? 1 : -1)), 'maximize'],
      [all((i) => (i % 3 === 0 ? -1 : 1)), 'maximize'],
    ] as const) {
      const w = lp(objective, direction)?.whole;
      if (w !== undefined) note(w);
    }
    // Then, while it proves more: the cells not yet proven safe pushed up together and down together (two programs for
    // many cells, where each cell's own interval below takes two or more).
    if (several)
      for (let pass = 0; pass < 4; pass++) {
        const open = new Set(wanted.filter((c) => !out.has(c) && !proves(seen.get(c)!, k)).map((c) => name.get(c)!));
        if (open.size < 2) break;
        const before = wanted.filter((c) => proves(seen.get(c)!, k)).length;
        const some = new Map([...open].map((n) => [n, 1]));
        for (const direction of ['maximize', 'minimize'] as const) {
          const w = lp(some, direction)?.whole;
          if (w !== undefined) note(w);
        }
        if (wanted.filter((c) => proves(seen.get(c)!, k)).length === before) break;
      }
    /** A whole solution with `cell` in [min, max], by the integer program (a feasibility problem: the first whole solution ends it). */
    const witness = (key: string, min: number, max: number) => {
      const extra = new Map([...constraints, ['target', { min, max }]]);
      const vars = new Map([...variables].map(([n, c]) => [n, n === key ? new Map([...c, ['target', 1]]) : c]));
      const r = solve({ direction: 'minimize', objective: 'objective', constraints: extra, variables: vars, integers: true }, { maxIterations: MAX_ITERATIONS });
      if (r.status === 'infeasible') return 'none' as const;
      if (r.status !== 'optimal') return 'unknown' as const;
      const at = new Map(r.variables.map(([n, v]) => [n, Math.round(v)]));
      if (!satisfies(at)) return 'unknown' as const;
      note(at);
      return at.get(key) ?? 0;
    };
    for (const cell of wanted.filter((c) => !out.has(c))) {
      const key = name.get(cell)!;
      const audit = (exact: boolean, min: number, max: number) => {
        const values = [...seen.get(cell)!];
        const safe = proves(seen.get(cell)!, k);
        const result = safe ? { safe, min: Math.min(...values), max: Math.max(...values), exact: false } : { safe, min, max, exact };
        out.set(cell, result);
        cache?.set(`${signature}#${cell}`, result);
      };
      if (proves(seen.get(cell)!, k)) {
        audit(false, 0, 0);
        continue;
      }
      // The relaxation's range holds the integer range: a single value, or within 1..k − 1, settles it.
      const objective = new Map([[key, 1]]);
      const end = (direction: 'minimize' | 'maximize') => {
        const r = lp(objective, direction)!;
        if (r.whole !== undefined) note(r.whole);
        return direction === 'minimize' ? Math.ceil(r.result - SLACK) : Math.floor(r.result + SLACK);
      };
      const low = end('minimize');
      const high = end('maximize');
      const max = high >= cap ? Infinity : high;
      if (low === high || (low >= 1 && high <= k - 1) || proves(seen.get(cell)!, k)) {
        audit(true, low, max);
        continue;
      }
      // Otherwise look for whole solutions: one with the cell at 0 (or at least k), and one with another value.
      let exact = true;
      const look = (min: number, hi: number) => {
        const w = witness(key, min, hi);
        if (w === 'unknown') exact = false;
        return typeof w === 'number' ? w : undefined;
      };
      const first = (low <= 0 ? look(-Infinity, 0) : undefined) ?? (high >= k ? look(k, Infinity) : undefined);
      if (first !== undefined && !proves(seen.get(cell)!, k)) {
        if (first > low) look(-Infinity, first - 1);
        if (!proves(seen.get(cell)!, k) && first < high) look(first + 1, Infinity);
      }
      audit(exact, low, max);
    }
  }
  return out;
}
