import { logFactorial } from './special.js';

/**
 * The Fisher–Freeman–Halton exact p-value for an r×c table by a network
 * algorithm in the manner of Mehta and Patel (1983): the table is filled one
 * column at a time; a node is (column, multiset of the row totals still to be
 * filled), because the rest of the table's probability depends on nothing
 * else. For each node the exact most and least probable completions are
 * found once (memoised), and partial tables reaching the node with the same
 * probability so far are merged. A partial table whose every completion is no
 * more likely than the observed table adds its whole completion mass (known
 * in closed form); one whose every completion is more likely is dropped; only
 * the rest are expanded.
 *
 * The p-value is the total probability of tables no more likely than the
 * observed one, with R's relative tolerance of 1e-7.
 *
 * @see C. R. Mehta, N. R. Patel (1983), A network algorithm for performing Fisher's exact test in r×c contingency tables. JASA 78:427–434.
 * @returns the p-value, or null when the work would exceed `maxSteps`
 * @internal
 */
export function freemanHaltonNetwork(
  table: readonly (readonly number[])[],
  rows: readonly number[],
  cols: readonly number[],
  n: number,
  maxSteps: number,
): number | null {
  const C = cols.length;
  // P(table) = exp(constant − Σ log n_ij!).
  const constant =
    rows.reduce((s, r) => s + logFactorial(r), 0) + cols.reduce((s, c) => s + logFactorial(c), 0) - logFactorial(n);
  const observedCost = table.flat().reduce((s, v) => s + logFactorial(v), 0);
  // A table counts when its cost (Σ log n!) is at least this (probability ≤ observed · (1 + 1e-7)).
  const threshold = observedCost - Math.log1p(1e-7);
  let steps = 0;

  interface Fill {
    readonly key: string;
    readonly rem: number[];
    readonly cost: number;
  }
  interface Node {
    readonly rem: number[];
    fills: Fill[] | null;
    min: number;
    max: number;
    bounded: boolean;
  }
  const nodes = new Map<string, Node>();
  const keyOf = (j: number, rem: readonly number[]) => `${j}|${rem.join(',')}`;
  const node = (j: number, rem: number[]): Node => {
    const key = keyOf(j, rem);
    let found = nodes.get(key);
    if (found === undefined) {
      found = { rem, fills: null, min: 0, max: 0, bounded: false };
      nodes.set(key, found);
    }
    return found;
  };

  /** Every way to put cols[j] into rows with capacities rem (sorted), with its cost and the sorted remainder. */
  const fillsOf = (j: number, nd: Node): Fill[] => {
    if (nd.fills !== null) return nd.fills;
    const rem = nd.rem;
    const R = rem.length;
    const out: Fill[] = [];
    const cells = new Array<number>(R).fill(0);
    const below = new Array<number>(R + 1).fill(0);
    for (let i = R - 1; i >= 0; i--) below[i] = below[i + 1]! + rem[i]!;
    const rec = (i: number, left: number, cost: number): void => {
      if (steps > maxSteps) return;
      if (i === R - 1) {
        if (left > rem[i]!) return;
        cells[i] = left;
        const next = rem.map((r, k) => r - cells[k]!).sort((a, b) => a - b);
        out.push({ key: keyOf(j + 1, next), rem: next, cost: cost + logFactorial(left) });
        steps++;
        return;
      }
      const lo = Math.max(0, left - below[i + 1]!);
      const hi = Math.min(left, rem[i]!);
      for (let v = lo; v <= hi; v++) {
        cells[i] = v;
        rec(i + 1, left - v, cost + logFactorial(v));
      }
    };
    rec(0, cols[j]!, 0);
    nd.fills = out;
    return out;
  };

  /** The least and greatest cost of completing a node (exact, memoised). */
  const bound = (j: number, nd: Node): void => {
    if (nd.bounded) return;
    if (j === C - 1) {
      // The last column is forced: it takes what is left in every row.
      const cost = nd.rem.reduce((s, r) => s + logFactorial(r), 0);
      nd.min = cost;
      nd.max = cost;
    } else {
      let min = Infinity;
      let max = -Infinity;
      for (const f of fillsOf(j, nd)) {
        const child = node(j + 1, f.rem);
        bound(j + 1, child);
        if (steps > maxSteps) return;
        min = Math.min(min, f.cost + child.min);
        max = Math.max(max, f.cost + child.max);
      }
      nd.min = min;
      nd.max = max;
    }
    nd.bounded = true;
  };

  const start = [...rows].sort((a, b) => a - b);
  // Partial tables at each node, merged by their cost so far: rounded cost → (cost, number of partial tables).
  let layer = new Map<Node, Map<number, { cost: number; count: number }>>();
  layer.set(node(0, start), new Map([[0, { cost: 0, count: 1 }]]));
  let pValue = 0;
  for (let j = 0; j < C; j++) {
    const next = new Map<Node, Map<number, { cost: number; count: number }>>();
    let colsAfter = 0;
    for (let k = j; k < C; k++) colsAfter += logFactorial(cols[k]!);
    for (const [nd, entries] of layer) {
      bound(j, nd);
      if (steps > maxSteps) return null;
      // Σ over completions of Π 1/n! = N_rem! / (Π r! Π c!): the closed-form mass.
      const remTotal = nd.rem.reduce((s, r) => s + r, 0);
      const logMass = logFactorial(remTotal) - nd.rem.reduce((s, r) => s + logFactorial(r), 0) - colsAfter;
      for (const { cost, count } of entries.values()) {
        if (cost + nd.min >= threshold) {
          pValue += count * Math.exp(constant - cost + logMass);
          continue;
        }
        if (cost + nd.max < threshold) continue;
        for (const f of fillsOf(j, nd)) {
          steps++;
          const child = node(j + 1, f.rem);
          let bucket = next.get(child);
          if (bucket === undefined) next.set(child, (bucket = new Map()));
          const total = cost + f.cost;
          // Merge partial tables whose costs agree to 1e-9 (equal up to rounding).
          const key = Math.round(total * 1e9);
          const entry = bucket.get(key);
          if (entry === undefined) bucket.set(key, { cost: total, count });
          else entry.count += count;
        }
        if (steps > maxSteps) return null;
      }
    }
    layer = next;
  }
  return Math.min(1, pValue);
}
