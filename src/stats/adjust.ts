import { UppfoljningError } from '../core/error.js';
import { issue, type Issue } from '../core/issue.js';
import { arrayIssues, throwIfAny, valueTextByType } from '../core/args.js';

/**
 * Holm's step-down adjustment of p-values for multiple comparisons: controls
 * the family-wise error rate like Bonferroni, but is uniformly more powerful.
 * Sorted ascending, the i-th smallest of m p-values becomes
 * max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎); results are in input order.
 * Equals R's `p.adjust(p, method = "holm")`. Use it whenever analyse tests
 * several subgroups at once, and say in the report that it did.
 *
 * @param pValues - the unadjusted p-values, each in [0, 1]
 * @returns the adjusted p-values, same length and order
 * @throws UppfoljningError when pValues is not an array (`required`, `type`) or a value is not a probability (`probability`, path `pValues[i]`)
 * @see S. Holm (1979), A simple sequentially rejective multiple test procedure. Scand J Stat 6:65–70.
 *
 * @example
 * ```ts
 * holm([0.01, 0.04, 0.03, 0.005]);
 * // sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 → max so far 0.06
 * // => [0.03, 0.06, 0.06, 0.02]
 * ```
 */
export function holm(pValues: readonly number[]): number[] {
  throwIfAny(arrayIssues(pValues, ['pValues']));
  const issues: Issue[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p: unknown = pValues[i];
    if (!(typeof p === 'number' && p >= 0 && p <= 1)) issues.push(issue(['pValues', i], 'probability', { value: valueTextByType(p) }));
  }
  if (issues.length > 0) throw new UppfoljningError(issues);
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
