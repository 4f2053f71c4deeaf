import type { Label } from '../../core/locale.js';
import { shareOf } from '../share.js';
import { notComputed, type NotComputed } from '../../core/not-computed.js';
import type { Share } from '../tabulate.js';
import { ATTAINMENT_LEVELS, GOAL_STATUSES, type AttainmentLevel, type GoalStatus } from '../../after/classify.js';
import { distribution, type Distribution } from '../distribution.js';
import type { CompilationMeta } from '../meta.js';
import {
  BACKGROUND_OUTCOME,
  DOSE_MOMENTS_AT,
  DOSE_OUTCOME,
  OUTCOME_GOAL_AT,
  backgroundOutcomeSlots,
  backgroundSlots,
  doseOutcomeSlots,
  type DOSE_MEASURES,
} from './background.js';


/**
 * The goal-attainment levels (and, for a background value, the goal
 * statuses) of the classified clients in one group: one value of a
 * background variable, or one band of dose.
 *
 * @example
 * ```ts
 * const o: OutcomeCounts = tabulate(compilation).total.background[0]!.outcome![0]!.outcome;
 * o.n === Object.values(o.levels).reduce((n, l) => n + l.count, 0);
 * // => true
 * ```
 */
export interface OutcomeCounts {
  /** Classified clients in the group. */
  readonly n: number;
  readonly levels: Readonly<Record<AttainmentLevel, Share>>;
  /** Levels 1 + 2: positive change. */
  readonly improved: Share;
  /** Level 3 + 4: no change or worse, the ones the method asks "why did they not change?" about. */
  readonly notImproved: Share;
}

/**
 * One value of a background variable counted by options (a category's
 * option, yes or no, a number's band), or the clients without an answer
 * (code `missing`), with the outcome of those classified.
 *
 * @example
 * ```ts
 * const v: BackgroundValue = tabulate(compilation).total.background[0]!.outcome![0]!;
 * v.label.en;
 * // => 'Yes'
 * ```
 */
export interface BackgroundValue {
  readonly code: string;
  readonly label: Label;
  /** Clients who started with this value. */
  readonly count: number;
  readonly outcome: OutcomeCounts & {
    /** Goal met at closing (met, or met before and kept), among those with a goal. */
    readonly goalMet: Share;
    readonly goal: Readonly<Record<GoalStatus, number>>;
  };
}

/**
 * A background variable among those who started: counted by options (a
 * category, yes/no, a banded number; with the outcome per value), as an
 * exact distribution (a whole number with a bounded range and no bands), or
 * as sums (any other number: mean and standard deviation only).
 *
 * @example
 * ```ts
 * const b: BackgroundSummary = tabulate(compilation).total.background[0]!;
 * [b.id, b.kind, b.summary];
 * // => ['tidigare-behandling', 'boolean', 'options']
 * ```
 */
export interface BackgroundSummary {
  readonly id: string;
  readonly label: Label;
  readonly kind: 'category' | 'boolean' | 'number';
  /** `options`: one count per option; `histogram`: an exact distribution; `sums`: mean and sd only. */
  readonly summary: 'options' | 'histogram' | 'sums';
  /** The options' counts in the plan's order (yes before no; bands low to high); empty for `histogram` and `sums`. */
  readonly options: readonly { readonly code: string; readonly label: Label; readonly count: number }[];
  /** Clients who started without an answer. */
  readonly missing: number;
  /** A number's distribution among those who answered (`histogram`: exact quartiles; `sums`: mean and sd, quartiles `fine_scale`); null for options. */
  readonly distribution: Distribution | NotComputed | null;
  /** Per option, then the clients without an answer (`missing`): the outcome of those classified. Null when not counted by options. */
  readonly outcome: readonly BackgroundValue[] | null;
}

/**
 * One band of a dose (sessions attended, or whole weeks from the start to
 * closing), with the outcome of the classified clients in it and their
 * change on the primary measure.
 *
 * @example
 * ```ts
 * const band: DoseBand = tabulate(compilation).total.doseOutcome[0]!.bands[0]!;
 * band.code;
 * // => '0'
 * ```
 */
export interface DoseBand {
  readonly code: string;
  readonly label: Label;
  readonly from: number;
  readonly to?: number | undefined;
  readonly outcome: OutcomeCounts;
  /** The change on the primary measure (after − before, on its own scale) of the classified clients in the band: mean and sd. */
  readonly change: Distribution | NotComputed;
}

/**
 * A dose set against the outcome: sessions attended (*genomförda besök*) or
 * whole weeks from the start to the closing date (*veckor i insatsen*), in
 * the plan's dose bands, among those classified.
 *
 * @example
 * ```ts
 * tabulate(compilation).total.doseOutcome.map((d) => d.measure);
 * // => ['sessions', 'weeks']
 * ```
 */
export interface DoseOutcome {
  readonly measure: (typeof DOSE_MEASURES)[number];
  readonly bands: readonly DoseBand[];
}

const MISSING_LABEL: Label = { sv: 'Uppgift saknas', en: 'Not recorded' };

function outcomeCounts(levels: readonly number[]): OutcomeCounts {
  const n = levels.reduce((a, v) => a + v, 0);
  const improved = levels[0]! + levels[1]!;
  return {
    n,
    levels: Object.fromEntries(ATTAINMENT_LEVELS.map((l, i) => [l, shareOf(levels[i]!, n)])) as Record<AttainmentLevel, Share>,
    improved: shareOf(improved, n),
    notImproved: shareOf(n - improved, n),
  };
}

/** @internal The background variables and dose outcome of a group, from its counter vectors summed over its cells. */
export function backgroundTable(
  meta: CompilationMeta,
  background: readonly number[],
  backgroundOutcome: readonly number[],
  doseOutcome: readonly number[],
  primaryStep: number,
  noChange: number,
): { background: BackgroundSummary[]; doseOutcome: DoseOutcome[] } {
  const slots = backgroundSlots(meta);
  const outcomeAt = new Map(backgroundOutcomeSlots(meta).map((o) => [o.variable, o.offset]));
  const G = BACKGROUND_OUTCOME.length;
  const rows = meta.background.map((b, v): BackgroundSummary => {
    const { offset, missing } = slots[v]!;
    const base = { id: b.id, label: b.label, kind: b.kind, summary: b.summary, missing: background[missing]! };
    if (b.summary === 'options') {
      const options = b.options.map((o, i) => ({ code: o.code, label: o.label, count: background[offset + i]! }));
      const at = outcomeAt.get(v)!;
      const values = [...options, { code: 'missing', label: MISSING_LABEL, count: base.missing }];
      const outcome = values.map((o, i): BackgroundValue => {
        const group = backgroundOutcome.slice(at + i * G, at + (i + 1) * G);
        const goal = Object.fromEntries(GOAL_STATUSES.map((s, j) => [s, group[OUTCOME_GOAL_AT + j]!])) as Record<GoalStatus, number>;
        const levels = outcomeCounts(group.slice(0, OUTCOME_GOAL_AT));
        return { ...o, outcome: { ...levels, goalMet: shareOf(goal.met + goal.met_before, levels.n - goal.no_goal), goal } };
      });
      return { ...base, options, distribution: null, outcome };
    }
    if (b.summary === 'histogram') {
      const hist = background.slice(offset, missing);
      let n = 0;
      let s1 = 0;
      let s2 = 0;
      hist.forEach((count, k) => {
        n += count;
        s1 += k * count;
        s2 += k * k * count;
      });
      return { ...base, options: [], distribution: distribution([n, s1, s2], hist, b.min!, 1, hist.length), outcome: null };
    }
    const sums = [background[offset]!, background[offset + 1]!, background[offset + 2]!] as const;
    const d = distribution(sums, undefined, 0, b.resolution!, 0);
    const steps = b.min !== undefined && b.max !== undefined ? Math.round((b.max - b.min) / b.resolution!) + 1 : '∞';
    return {
      ...base,
      options: [],
      distribution: d.computed ? { ...d, quantiles: notComputed(d.n, 'fine_scale', { bins: steps }) } : d,
      outcome: null,
    };
  });
  const D = DOSE_OUTCOME.length;
  const dose = doseOutcomeSlots(meta).map((slot): DoseOutcome => ({
    measure: slot.measure,
    bands: meta.doseBands[slot.measure].map((band, j): DoseBand => {
      const at = slot.offset + j * D;
      const m = at + DOSE_MOMENTS_AT;
      const moments = [doseOutcome[m]!, doseOutcome[m + 1]!, doseOutcome[m + 2]!] as const;
      return {
        code: band.code,
        label: band.label,
        from: band.from,
        ...(band.to === undefined ? {} : { to: band.to }),
        outcome: outcomeCounts(doseOutcome.slice(at, m)),
        change: distribution(moments, undefined, -noChange * primaryStep, primaryStep, 0),
      };
    }),
  }));
  return { background: rows, doseOutcome: dose };
}
