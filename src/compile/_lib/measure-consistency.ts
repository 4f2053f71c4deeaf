import type { PathSegment } from '../../core/issue.js';
import type { CompilationMeta } from '../meta.js';
import { FLOW_AT, SUM_AT, MOMENT_AT, widths, type CounterName } from '../layout.js';
import { CHANGE_DIRECTIONS, PHASE_BEFORE, RELIABLE_CHANGE_CLASSES, measureLayout } from '../measure-meta.js';
import type { Report } from './consistency.js';

type Counts = { readonly [K in CounterName]: readonly number[] };

/**
 * @internal One block's moments (n, Σk, Σk² at `moments`, in `counts[name]`)
 * against its histogram (`width` counts from `histogram` in
 * `counts[histName]`, grid index k at `histogram + k`): with a histogram, its
 * count and moments exactly; without one (`width` 0), the bounds any set of
 * grid indices 0 … kmax satisfies: 0 ≤ Σk ≤ n·kmax and
 * max(Σk, ⌈(Σk)²/n⌉) ≤ Σk² ≤ Σk·kmax (Cauchy–Schwarz, in BigInt).
 */
export function blockMomentIssues(
  counts: Counts,
  name: CounterName,
  moments: number,
  histName: CounterName,
  histogram: number,
  width: number,
  kmax: number,
  report: Report,
): void {
  const array = counts[name];
  const n = array[moments + MOMENT_AT.n]!;
  const s = array[moments + MOMENT_AT.sum]!;
  const q = array[moments + MOMENT_AT.sumOfSquares]!;
  const path = (m: keyof typeof MOMENT_AT): readonly PathSegment[] => ['counts', name, moments + MOMENT_AT[m]];
  if (width > 0) {
    const hist = counts[histName];
    let total = 0;
    let first = 0;
    let second = 0;
    for (let k = 0, j = histogram; k < width; k++, j++) {
      const h = hist[j]!;
      total += h;
      first += k * h;
      second += k * k * h;
    }
    // A histogram that disagrees with its n would also be expanded by analyse's tests: one issue, the count.
    if (n !== total) return report(path('n'), 'margin_mismatch', { value: n, expected: total });
    if (s !== first) report(path('sum'), 'moment_bounds', { value: s, minimum: first, maximum: first });
    if (q !== second) report(path('sumOfSquares'), 'moment_bounds', { value: q, minimum: second, maximum: second });
    return;
  }
  const K = BigInt(kmax);
  const [N, S, Q] = [BigInt(n), BigInt(s), BigInt(q)];
  if (S > N * K) return report(path('sum'), 'moment_bounds', { value: s, minimum: 0, maximum: Number(N * K) });
  const low = N === 0n ? 0n : (S * S + N - 1n) / N;
  const minimum = low > S ? low : S;
  const maximum = S * K;
  if (Q < minimum || Q > maximum) report(path('sumOfSquares'), 'moment_bounds', { value: q, minimum: Number(minimum), maximum: Number(maximum) });
}

/**
 * @internal The measure blocks' rules in one cell, as compile's fold makes
 * them true (compile/_lib/measure-fold.ts):
 *
 * - a phase's n: before ≤ started; after and each follow-up point ≤ closed;
 * - a change's n ≤ the later phase's n and ≤ the n before (for the primary,
 *   its own before), and = the n of its pairs' before values;
 * - the change's directions, and its reliable-change classes where kept, add
 *   up to its n; with a histogram each direction is the histogram's count of
 *   the changes on that side of the minimal important change;
 * - every block's histogram counts its n, Σk and Σk² (without one, the bounds).
 */
export function measureConsistencyIssues(meta: CompilationMeta, counts: Counts, cell: number, report: Report): void {
  if (meta.measures.length === 0) return;
  const layout = measureLayout(meta.measures);
  const w = widths(meta);
  const flow = (slot: number) => counts.flow[cell * w.flow + slot]!;
  const started = flow(FLOW_AT.started);
  const closed = flow(FLOW_AT.closed);
  const pBase = cell * w.measures;
  const cBase = cell * w.measureChanges;
  const atMost = (name: CounterName, index: number, value: number, total: number, totalName: string) => {
    if (value > total) report(['counts', name, index], 'exceeds_total', { value, total, totalName });
  };
  meta.measures.forEach((m, i) => {
    const phaseN = new Map<string, number>();
    for (const slots of layout.phases[i]!) {
      const at = pBase + slots.moments;
      const n = counts.measures[at + MOMENT_AT.n]!;
      phaseN.set(slots.phase, n);
      if (slots.phase === PHASE_BEFORE) atMost('measures', at + MOMENT_AT.n, n, started, 'counts.flow.started');
      else atMost('measures', at + MOMENT_AT.n, n, closed, 'counts.flow.closed');
      blockMomentIssues(counts, 'measures', at, 'measures', pBase + slots.offset, slots.hist, m.bins - 1, report);
    }
    const nBefore = m.primary ? counts.sums[cell * w.sums + SUM_AT.before + MOMENT_AT.n]! : (phaseN.get(PHASE_BEFORE) ?? 0);
    for (const slots of layout.changes[i]!) {
      const at = cBase + slots.moments;
      const n = counts.measureChanges[at + MOMENT_AT.n]!;
      atMost('measureChanges', at + MOMENT_AT.n, n, phaseN.get(slots.phase) ?? 0, `counts.measures (${m.id}, ${slots.phase}, n)`);
      atMost('measureChanges', at + MOMENT_AT.n, n, nBefore, m.primary ? 'counts.sums (before, n)' : `counts.measures (${m.id}, ${PHASE_BEFORE}, n)`);
      blockMomentIssues(counts, 'measureChanges', at, 'measureChanges', cBase + slots.offset, slots.hist, 2 * (m.bins - 1), report);
      // The before values of the same pairs: as many, within the bounds of the scale.
      const pairs = counts.measureChanges[cBase + slots.before + MOMENT_AT.n]!;
      if (pairs !== n) report(['counts', 'measureChanges', cBase + slots.before + MOMENT_AT.n], 'count_sum', { value: pairs, expected: n, parts: [`counts.measureChanges (${m.id}, ${slots.phase}, n)`] });
      blockMomentIssues(counts, 'measureChanges', cBase + slots.before, 'measureChanges', 0, 0, m.bins - 1, report);
      const directions = counts.measureChanges.slice(cBase + slots.direction, cBase + slots.direction + CHANGE_DIRECTIONS.length);
      const sum = directions.reduce((a, b) => a + b, 0);
      if (sum !== n) report(['counts', 'measureChanges', at + MOMENT_AT.n], 'count_sum', { value: n, expected: sum, parts: [`counts.measureChanges (${m.id}, ${slots.phase}, directions)`] });
      else if (slots.hist > 0) {
        // Each direction is the histogram's count on its side of the minimal important change.
        const sign = m.direction === 'higher_is_better' ? 1 : -1;
        const micK = m.minimalChange / m.step;
        const fromHistogram = [0, 0, 0];
        for (let k = 0; k < slots.hist; k++) {
          const h = counts.measureChanges[cBase + slots.offset + k]!;
          const improvement = (k - (m.bins - 1)) * sign;
          fromHistogram[improvement >= micK - 1e-9 ? 0 : improvement <= -micK + 1e-9 ? 2 : 1]! += h;
        }
        directions.forEach((value, d) => {
          if (value !== fromHistogram[d]) report(['counts', 'measureChanges', cBase + slots.direction + d], 'margin_mismatch', { value, expected: fromHistogram[d]! });
        });
      }
      if (slots.reliable >= 0) {
        let classes = 0;
        for (let j = 0; j < RELIABLE_CHANGE_CLASSES.length; j++) classes += counts.measureChanges[cBase + slots.reliable + j]!;
        if (classes !== n) report(['counts', 'measureChanges', cBase + slots.reliable], 'count_sum', { value: classes, expected: n, parts: [`counts.measureChanges (${m.id}, ${slots.phase}, n)`] });
      }
    }
  });
}
