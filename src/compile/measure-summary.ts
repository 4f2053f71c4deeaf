import type { Label } from '../core/locale.js';
import { shareOf } from './share.js';
import type { NotComputed } from '../core/not-computed.js';
import { MOMENT_AT } from './layout.js';
import type { CompilationMeta } from './meta.js';
import { CHANGE_DIRECTIONS, RELIABLE_CHANGE_CLASSES, measureLayout } from './measure-meta.js';
import { distribution, type Distribution } from './distribution.js';
import type { Share } from './tabulate.js';
import { notComputed } from '../core/not-computed.js';

/**
 * The paired change of one instrument from before to a later phase (the
 * closing, or a follow-up point) in a group: the distribution of after −
 * before among the clients measured at both, the direction of each change by
 * the instrument's minimal important change, and, for an instrument with a
 * published reliability and clinical norms, Jacobson and Truax's classes.
 *
 * @example
 * ```ts
 * // The Björkebo plan with AUDIT as a secondary measure, and one client who went from 18 to 9.
 * const withAudit = parsePlan({ ...bjorkeboPlanInput, measures: { before: ['tilltro-nykterhet', 'audit'], after: ['tilltro-nykterhet', 'audit'] }, minimalChange: { audit: 3 } });
 * const started = before(withAudit, enrol(withAudit, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', age: 34 }),
 *   { date: '2019-01-14', mainProblem: 'alkohol', measures: { 'tilltro-nykterhet': 2, audit: 18 } });
 * const closed = after(withAudit, started, { date: '2019-06-10', reason: 'completed', measures: { 'tilltro-nykterhet': 4, audit: 9 } });
 * const change: MeasureChange = tabulate(compile(withAudit, [closed])).total.measures[0]!.changes[0]!;
 * [change.phase, change.direction.n, change.direction.improved.count];
 * // => ['after', 1, 1]
 * ```
 */
export interface MeasureChange {
  /** The later phase: `after` or a follow-up point's id. */
  readonly phase: string;
  /** The later phase's name (*Efter*, or the follow-up point's label). */
  readonly label: Label;
  /** after − before, on the instrument's own scale, among those measured at both. */
  readonly change: Distribution | NotComputed;
  /** The means before and at the later phase of the same pairs (not computed without pairs). */
  readonly pairs: { readonly computed: true; readonly n: number; readonly before: number; readonly after: number } | NotComputed;
  /** Better, unchanged or worse by at least the minimal important change (`minimalChange`). */
  readonly direction: {
    readonly n: number;
    readonly minimalChange: number;
    readonly improved: Share;
    readonly unchanged: Share;
    readonly worsened: Share;
  };
  /**
   * Reliable change (Jacobson–Truax, |RCI| > 1.96): each class's share, and
   * the share with any reliable change; null for an instrument without a
   * reliability and clinical norms.
   */
  readonly reliable: {
    readonly n: number;
    /** The smallest |after − before| that counts as reliable: 1.96 · √2 · sd · √(1 − r). */
    readonly minimumReliableChange: number;
    readonly cutoff: number;
    readonly recovered: Share;
    readonly improved: Share;
    readonly unchanged: Share;
    readonly deteriorated: Share;
    /** Recovered, improved or deteriorated: any change beyond measurement error. */
    readonly anyReliable: Share;
  } | null;
}

/**
 * One instrument in a group, at every phase it is measured (before, after,
 * each follow-up point) and each paired change from before. The primary
 * measure appears here with its follow-up points only; its before and after
 * are in the row's `primary`.
 *
 * @example
 * ```ts
 * const withAudit = parsePlan({ ...bjorkeboPlanInput, measures: { before: ['tilltro-nykterhet', 'audit'], after: ['tilltro-nykterhet', 'audit'] }, minimalChange: { audit: 3 } });
 * const audit: MeasureSummary = tabulate(emptyCompilation(withAudit)).total.measures[0]!;
 * [audit.id, audit.phases.map((p) => p.phase), audit.changes.map((c) => c.phase)];
 * // => ['audit', ['before', 'after'], ['after']]
 * ```
 */
export interface MeasureSummary {
  readonly id: string;
  readonly label: Label;
  /** Whether this is the plan's primary measure (the one that decides goal attainment). */
  readonly primary: boolean;
  readonly kind: 'ordinal' | 'interval' | 'binary';
  readonly direction: 'higher_is_better' | 'lower_is_better';
  readonly phases: readonly { readonly phase: string; readonly label: Label; readonly distribution: Distribution | NotComputed }[];
  readonly changes: readonly MeasureChange[];
}


/**
 * @internal The measure summaries of a group, from its counts summed over
 * its cells: `phases` is one cell-width vector of the `measures` counters,
 * `changes` of `measureChanges`.
 */
export function measureSummaries(meta: CompilationMeta, phases: readonly number[], changes: readonly number[]): MeasureSummary[] {
  const layout = measureLayout(meta.measures);
  const triple = (counts: readonly number[], at: number): [number, number, number] => [
    counts[at + MOMENT_AT.n]!,
    counts[at + MOMENT_AT.sum]!,
    counts[at + MOMENT_AT.sumOfSquares]!,
  ];
  return meta.measures.map((m, i) => {
    const histogram = (counts: readonly number[], offset: number, width: number) => (width > 0 ? counts.slice(offset, offset + width) : undefined);
    const phaseList = layout.phases[i]!.map((slots, j) => ({
      phase: slots.phase,
      label: m.phases[j]!.label,
      distribution: distribution(triple(phases, slots.moments), histogram(phases, slots.offset, slots.hist), m.min, m.step, m.bins),
    }));
    const changeList = layout.changes[i]!.map((slots): MeasureChange => {
      const sums = triple(changes, slots.moments);
      const n = sums[0];
      const d = (name: (typeof CHANGE_DIRECTIONS)[number]) => shareOf(changes[slots.direction + CHANGE_DIRECTIONS.indexOf(name)]!, n);
      const rc = m.reliableChange;
      let reliable: MeasureChange['reliable'] = null;
      if (rc && slots.reliable >= 0) {
        const c = (name: (typeof RELIABLE_CHANGE_CLASSES)[number]) => changes[slots.reliable + RELIABLE_CHANGE_CLASSES.indexOf(name)]!;
        reliable = {
          n,
          minimumReliableChange: rc.criterion * Math.SQRT2 * rc.sd * Math.sqrt(1 - rc.reliability),
          cutoff: rc.cutoff,
          recovered: shareOf(c('recovered'), n),
          improved: shareOf(c('improved'), n),
          unchanged: shareOf(c('unchanged'), n),
          deteriorated: shareOf(c('deteriorated'), n),
          anyReliable: shareOf(n - c('unchanged'), n),
        };
      }
      const [, sumChange] = sums;
      const sumBefore = changes[slots.before + MOMENT_AT.sum]!;
      // Change-grid index = after − before in steps + (bins − 1), so Σ(after − before) = Σk − n·(bins − 1).
      const beforeMean = m.min + (sumBefore / n) * m.step;
      const pairs = n === 0 ? notComputed(0, 'too_few', { minimum: 1 }) : { computed: true as const, n, before: beforeMean, after: beforeMean + ((sumChange - n * (m.bins - 1)) / n) * m.step };
      return {
        phase: slots.phase,
        pairs,
        label: m.phases.find((p) => p.id === slots.phase)!.label,
        change: distribution(sums, histogram(changes, slots.offset, slots.hist), -(m.bins - 1) * m.step, m.step, m.bins),
        direction: { n, minimalChange: m.minimalChange, improved: d('improved'), unchanged: d('unchanged'), worsened: d('worsened') },
        reliable,
      };
    });
    return { id: m.id, label: m.label, primary: m.primary, kind: m.kind, direction: m.direction, phases: phaseList, changes: changeList };
  });
}
