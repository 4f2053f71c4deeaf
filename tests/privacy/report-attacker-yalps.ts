// The previous solver of the whole-report attacker (tests/privacy/report-attacker.ts),
// kept as an independent reference for the cross-check in
// report-attacker-solvers.slow.test.ts: yalps, the LP relaxation's range first,
// then branch and bound only where that range is at most `integerWidth` wide,
// with an iteration cap under which the relaxation's (wider) end stands. Its
// intervals therefore contain the exact ones; where its integer program
// finished they are exact.
import { solve, type Model } from 'yalps';
import { isAuxiliary, type CellRef, type Interval, type Relation } from './report-attacker.js';

/** The feasible interval of every hidden count, over non-negative integers satisfying every relation. */
export function hiddenIntervalsYalps(cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[], integerWidth = 4): Interval[] {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, { min: number; max: number }> = {};
  // Auxiliary unknowns (a hidden share's numerator) are solved for with the cells but not reported.
  const auxiliary = [...new Set(relations.flatMap((r) => r.terms.map(([c]) => c)))].filter((c) => isAuxiliary(c) && !cells.has(c));
  cells = new Map([...cells, ...auxiliary.map((c) => [c, null] as const)]);
  const hidden = [...cells].filter(([, v]) => v === null).map(([c]) => c);
  const name = new Map(hidden.map((c, i) => [c, `x${i}`]));
  for (const c of hidden) variables[name.get(c)!] = {};
  relations.forEach((r, i) => {
    let constant = 0;
    let any = false;
    for (const [c, coef] of r.terms) {
      const v = cells.get(c);
      if (v === undefined) throw new Error(`relation "${r.why}" names ${c}, which the report does not have`);
      if (v === null) {
        const vars = variables[name.get(c)!]!;
        vars[`r${i}`] = (vars[`r${i}`] ?? 0) + coef;
        any = true;
      } else constant += coef * v;
    }
    // Rounded bounds are widened by a hair so that floating-point noise never makes a true table infeasible.
    if (any) constraints[`r${i}`] = { min: r.min - constant - 1e-6, max: r.max - constant + 1e-6 };
  });
  return hidden.filter((c) => !isAuxiliary(c)).map((cell) => {
    const key = name.get(cell)!;
    // A cell in no relation can be anything.
    if (Object.keys(variables[key]!).length === 0) return { cell, min: 0, max: Infinity };
    const model = (direction: 'minimize' | 'maximize'): Model => {
      const vars = Object.fromEntries(Object.entries(variables).map(([n, c]) => [n, n === key ? { ...c, objective: 1 } : c]));
      return { direction, objective: 'objective', constraints, variables: vars };
    };
    // The relaxation first: its range holds the integer range (and branch and bound does not end on an unbounded problem).
    const relaxed = (direction: 'minimize' | 'maximize') => {
      const r = solve(model(direction));
      if (r.status === 'unbounded') return Infinity;
      if (r.status !== 'optimal') throw new Error(`LP ${r.status} for ${cell}`);
      return direction === 'minimize' ? Math.ceil(r.result - 1e-6) : Math.floor(r.result + 1e-6);
    };
    const lp = { min: relaxed('minimize'), max: relaxed('maximize') };
    // Then the integer program, which can only narrow it: where the relaxation leaves a range of
    // at most `integerWidth` (wider ones would have to shrink by more than that to disclose);
    // where it does not finish in time the relaxation's end stands.
    if (lp.max - lp.min > integerWidth) return { cell, ...lp };
    const integer = (direction: 'minimize' | 'maximize', fallback: number) => {
      const s = solve({ ...model(direction), integers: true }, { maxIterations: 300 });
      return s.status === 'optimal' ? Math.round(s.result) : fallback;
    };
    return { cell, min: integer('minimize', lp.min), max: integer('maximize', lp.max) };
  });
}

