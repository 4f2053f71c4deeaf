import { z } from 'zod';
import type { Label } from '../core/locale.js';
import type { NotComputed } from '../core/not-computed.js';
import type { DeepReadonly } from '../core/readonly.js';
import { optionsIssues, parseArg, throwIfAny } from '../core/args.js';
import type { Compilation } from '../compile/schema.js';
import { checkedCompilation, DimensionsSchema, DIMENSIONS, type Dimension, type GroupRow, type Share } from '../compile/tabulate.js';
import type { Distribution } from '../compile/distribution.js';
import type { WilcoxonSignedRankResult, McNemarResult, PairedTTestResult } from '../stats/paired.js';
import type { ChiSquareResult } from '../stats/chi-square.js';
import type { FisherResult } from '../stats/fisher.js';
import type { KruskalWallisResult } from '../stats/kruskal-wallis.js';
import type { MannWhitneyResult } from '../stats/mann-whitney.js';
import type { ShareDifference } from '../stats/proportion.js';
import type { EffectSize, RankBiserialResult } from '../stats/effect.js';
import type { MeasureChange } from '../compile/measure-summary.js';
import type { Finding } from './findings.js';
import { analysisNumbers, lengthOf } from './_lib/numbers.js';
import { decideFindings } from './_lib/decide.js';
import { analyseViews, type ViewAnalysis } from './views.js';
import { analyseBackground, backgroundFindings, type BackgroundAnalysis, type DoseAnalysis } from './background.js';

export { DIMENSION_LABELS } from './_lib/phrasing.js';

/**
 * How few is too few to test, in {@link analyse}: the one place where the
 * analysis decides that a p-value is not worth reporting (the statistics
 * functions themselves compute whenever the mathematics is defined).
 *
 * - `pairs` (6): the paired test of the primary measure needs this many
 *   non-zero differences (for McNemar, discordant pairs). Below 6 no outcome
 *   of an exact two-sided test can reach p < 0.05: six of six in the same
 *   direction give p = 2/2⁶ = 0.031, five of five only 0.0625.
 * - `groupSize` (3) and `groupTotal` (8): a rank test of change between two
 *   subgroups (Mann–Whitney) needs this many in each group and in all; with
 *   3 + 4 the most extreme arrangement has p = 2/35 = 0.057. Kruskal–Wallis
 *   (three or more groups) needs `groupTotal` in all.
 *
 * Below a minimum the result is `too_few` with that `minimum`, and a
 * `not_tested` finding says why.
 *
 * @example
 * ```ts
 * ANALYSE_MINIMUMS; // => { pairs: 6, groupSize: 3, groupTotal: 8 }
 * ```
 */
export const ANALYSE_MINIMUMS: AnalyseMinimums = { pairs: 6, groupSize: 3, groupTotal: 8 };

/** A minimum size for a test: a whole number ≥ 0. */
const MinimumSchema = z.number().int().min(0);

/** @internal The minimum sizes of {@link analyse}: the one definition of {@link AnalyseMinimums}. */
export const AnalyseMinimumsSchema = z.strictObject({
  pairs: MinimumSchema.describe('Non-zero paired differences for the paired test of the primary measure.'),
  groupSize: MinimumSchema.describe('Classified clients in each compared group.'),
  groupTotal: MinimumSchema.describe('Classified clients in the compared groups together.'),
});

/**
 * The minimum sizes for a test in {@link analyse} (see {@link ANALYSE_MINIMUMS}
 * for what each means and its default).
 *
 * @example
 * ```ts
 * const minimums: AnalyseMinimums = { pairs: 6, groupSize: 3, groupTotal: 8 };
 * ```
 */
export type AnalyseMinimums = DeepReadonly<z.output<typeof AnalyseMinimumsSchema>>;

/** @internal The options of {@link analyse}: the one definition of {@link AnalyseOptions}. */
export const AnalyseOptionsSchema = z.object({
  by: DimensionsSchema.optional().describe(
    'The dimensions to compare subgroups by. Default: each of age band, gender and intervention that has more than one category.',
  ),
  smallN: z.number().min(0).optional().describe('Below this many classified clients the analysis adds a small-n caution. Default 30.'),
  minimums: AnalyseMinimumsSchema.partial()
    .optional()
    .describe('The smallest numbers at which a test is reported, each a whole number ≥ 0; those left out keep their default (ANALYSE_MINIMUMS).'),
});

/**
 * Options of {@link analyse}: `by`, the dimensions to compare subgroups by
 * (default: each of age band, gender and intervention that has more than one
 * category); `smallN`, below which many classified clients the analysis adds
 * a small-n caution (default 30); `minimums`, the smallest numbers at which a
 * test is reported, each a whole number ≥ 0, those left out keeping their
 * default ({@link ANALYSE_MINIMUMS}).
 *
 * @example
 * ```ts
 * const options: AnalyseOptions = { by: ['gender'], smallN: 20, minimums: { pairs: 8 } };
 * ```
 */
export type AnalyseOptions = DeepReadonly<z.input<typeof AnalyseOptionsSchema>>;

/**
 * A subgroup named in a comparison: its codes and its name.
 *
 * @example
 * ```ts
 * const group: SubgroupRef = { key: { gender: 'man' }, label: { sv: 'Man', en: 'Man' } };
 * ```
 */
export interface SubgroupRef {
  readonly key: GroupRow['key'];
  readonly label: Label;
}

/**
 * The risk difference (*skillnad i andel*) between two subgroups' shares
 * who met their goal, p1 − p2, with Newcombe's hybrid score interval
 * (`method: 'newcombe-wilson'`; `n1`, `n2` are the groups' clients with a
 * goal). `groups` names the two groups in the order of the difference: with
 * two groups both of them, with more the highest share first and the lowest
 * second (ties in the plan's order).
 *
 * @example
 * ```ts
 * const d = analyse(compilation, { by: ['gender'] }).subgroups[0]!.goalMetDifference;
 * d.computed && [d.groups[0].label.en, d.n1, d.groups[1].label.en, d.n2];
 * // => ['Man', 20, 'Woman', 10]
 * ```
 */
export interface GoalMetDifference extends ShareDifference {
  readonly groups: readonly [SubgroupRef, SubgroupRef];
}

/**
 * Subgroups along one dimension, compared.
 *
 * @example
 * ```ts
 * const s: SubgroupComparison = analyse(compilation).subgroups[0]!;
 * s.dimension;
 * // => 'ageBand'
 * ```
 */
export interface SubgroupComparison {
  readonly dimension: Dimension;
  readonly groups: readonly {
    readonly key: GroupRow['key'];
    readonly label: Label;
    readonly classified: number;
    readonly goalMet: Share;
    readonly improved: Share;
    readonly worse: Share;
  }[];
  /**
   * Goal met vs not, between the groups: Fisher's exact test (2 groups) or
   * chi-square with exact fallback. Not computed (`too_few`, `n` = the number
   * of groups with a goal, `what: 'groups'`) with fewer than two such groups.
   */
  readonly goalMetTest: FisherResult | ChiSquareResult | NotComputed;
  /**
   * How large the difference in goal met is: {@link GoalMetDifference}.
   * Not computed when one of two groups has nobody with a goal (`too_few`,
   * n = 0), or, with more than two groups, fewer than two have anyone
   * (`too_few`, `n` = the number of such groups, `what: 'groups'`).
   */
  readonly goalMetDifference: GoalMetDifference | NotComputed;
  /**
   * Change on the primary measure between the groups: Mann–Whitney U (2
   * groups) or Kruskal–Wallis. Not computed (`too_few`, `n` = the number of
   * groups with a change score, `what: 'groups'`) with fewer than two such groups.
   */
  readonly changeTest: MannWhitneyResult | KruskalWallisResult | NotComputed;
  /**
   * The p-values above adjusted by Holm's method over every subgroup test in
   * the analysis (null for a test not computed). Read these, not the raw
   * p-values, when several subgroups are tested at once.
   */
  readonly adjusted: { readonly goalMetTest: number | null; readonly changeTest: number | null };
}

/**
 * The paired change of one instrument from before to a later phase (the
 * closing, for a secondary measure; each follow-up point, for every measure
 * measured there, the primary too), tested as the primary measure's change:
 * Wilcoxon's signed-rank test for ordinal and interval scales (not computed
 * below `minimums.pairs` non-zero differences), McNemar's test for a binary
 * scale, the paired t-test besides for an interval scale, and the
 * matched-pairs rank-biserial correlation signed so that positive is better.
 *
 * @example
 * ```ts
 * const withAudit = parsePlan({ ...bjorkeboPlanInput, measures: { before: ['tilltro-nykterhet', 'audit'], after: ['tilltro-nykterhet', 'audit'] }, minimalChange: { audit: 3 } });
 * const m: MeasureChangeAnalysis | undefined = analyse(emptyCompilation(withAudit)).measures[0];
 * [m?.id, m?.phase, m?.pairedTest.computed];
 * // => ['audit', 'after', false]
 * ```
 */
export interface MeasureChangeAnalysis {
  readonly id: string;
  readonly label: Label;
  /** Whether this is the primary measure (then `phase` is a follow-up point). */
  readonly primary: boolean;
  /** The later phase: `after` or a follow-up point's id. */
  readonly phase: string;
  readonly phaseLabel: Label;
  /** The change as {@link tabulate} reads it: distribution, pairs' means, direction and reliable change. */
  readonly change: MeasureChange;
  readonly pairedTest: WilcoxonSignedRankResult | McNemarResult | NotComputed;
  readonly pairedTTest: PairedTTestResult | NotComputed;
  readonly rankBiserial: RankBiserialResult | NotComputed;
}

/**
 * Step 6 (*analysera resultaten*): the method's questions answered from a
 * compilation, as data. Every share has its n and interval; every test its
 * method, n and notes (render them with `noteText`), or the reason it was not
 * computed (render it with `describeNotComputed`); `findings` states the
 * results and their limits in sentences (see {@link findingText} and
 * {@link findingNotes}).
 *
 * @example
 * ```ts
 * const analysis: Analysis = analyse(compilation);
 * analysis.multipleComparisons;
 * // => { method: 'holm', tests: 4 }
 * ```
 */
export interface Analysis {
  readonly planId: string;
  readonly title: string;
  readonly instrument: Label;
  /** The whole follow-up, as {@link tabulate} reads it. */
  readonly total: GroupRow;
  /** Did change go toward the goal? Goal met among those classified with a goal. */
  readonly goalMet: Share;
  /** Improvements, unchanged and deteriorations among those classified. */
  readonly direction: { readonly improved: Share; readonly unchanged: Share; readonly worse: Share };
  /**
   * The primary measure before vs after, paired: Wilcoxon's signed-rank test
   * for ordinal and interval scales, McNemar's test for a binary one.
   */
  readonly pairedTest: WilcoxonSignedRankResult | McNemarResult | NotComputed;
  /** For interval scales also the paired t-test; otherwise not computed. */
  readonly pairedTTest: PairedTTestResult | NotComputed;
  /**
   * Effect sizes of the change, signed so that positive is better: the
   * matched-pairs rank-biserial correlation (every scale) and Cohen's d_z
   * (interval scales only).
   */
  readonly effectSize: {
    readonly rankBiserial: RankBiserialResult | NotComputed;
    readonly cohenDz: EffectSize<'cohen-dz'> | NotComputed;
  };
  /** How subgroups differ. */
  readonly subgroups: readonly SubgroupComparison[];
  /** Whether p-values of the subgroup tests were adjusted for multiple comparisons. */
  readonly multipleComparisons: { readonly method: 'holm'; readonly tests: number } | null;
  /**
   * Attrition and what it may hide: who did not start (still waiting, or
   * withdrawn before the start), who was withdrawn during the intervention,
   * and the baseline of the withdrawn vs those who stayed.
   */
  readonly attrition: {
    readonly started: number;
    readonly withdrawn: Share;
    /** Selected but not started: `waiting + withdrawnBeforeStart`. */
    readonly notStarted: number;
    /** Selected, not started and not withdrawn: still waiting for the start. */
    readonly waiting: number;
    /** Withdrawn from the follow-up before the intervention started. */
    readonly withdrawnBeforeStart: number;
    readonly withdrawnBefore: Distribution | NotComputed;
    readonly stayedBefore: Distribution | NotComputed;
  };
  /**
   * Every other measure's change from before to after, and every measure's
   * change to each follow-up point, each with its paired test: the method's
   * *changes other than the expected ones*.
   */
  readonly measures: readonly MeasureChangeAnalysis[];
  readonly findings: readonly Finding[];
  /**
   * The client questionnaire (*klienternas synpunkter*), item by item at
   * each point it is asked: how clients view the help, whether it differs
   * between groups, and whether it relates to goal attainment
   * ({@link ViewAnalysis}); empty when the plan has no questionnaire.
   */
  readonly views: readonly ViewAnalysis[];
  /**
   * Each background variable counted by options set against goal
   * attainment ({@link BackgroundAnalysis}): *did clients with earlier
   * treatment improve as often?*
   */
  readonly background: readonly BackgroundAnalysis[];
  /** Each dose set against the outcome ({@link DoseAnalysis}): *why did some not change?* */
  readonly dose: readonly DoseAnalysis[];
}

/**
 * Analyses a compilation (step 6): overall and per subgroup, how many
 * reached their goal, the direction of change, who is unchanged or worse,
 * the paired test of the primary measure, subgroup differences with the
 * right test and the risk difference with its interval, attrition and what
 * it may hide, and findings in sv/en (a test that could not be computed is a
 * finding too, saying why).
 *
 * Tests use the exact histograms a compilation keeps, so a pooled
 * compilation is analysed exactly as the union of its records would be. The
 * compilation is checked once, as {@link tabulate} checks it.
 *
 * @param compilation - from {@link compile} or {@link mergeCompilations}
 * @param options - subgroup dimensions, small-n threshold, the minimum sizes for a test
 * @returns the analysis
 * @throws UppfoljningError for a malformed compilation (path `compilation.…`)
 *   or options (`by[i]`, `smallN`, `minimums.pairs`, `minimums.groupSize`, `minimums.groupTotal`)
 *
 * @example
 * ```ts
 * // The Björkebo example (examples/bjorkebo-fcra): 13 of 30 with a goal met it.
 * const analysis = analyse(compile(plan, records));
 * analysis.goalMet.share.computed && analysis.goalMet.share.estimate;
 * // => 0.4333…
 * analysis.findings.map((f) => findingText(f, 'en'));
 * ```
 */
export function analyse(compilation: Compilation, options: AnalyseOptions = {}): Analysis {
  compilation = checkedCompilation(compilation);
  const checked = checkOptions(options);
  const meta = compilation.meta;
  const smallN = checked.smallN ?? 30;
  const dims = checked.by ?? DIMENSIONS.filter((d) => lengthOf(compilation, d) > 1);

  // Numbers, then the findings they call for; findingText words them.
  const minimums = { ...ANALYSE_MINIMUMS, ...checked.minimums };
  const numbers = analysisNumbers(compilation, dims, minimums);
  const { total, pairedTest, pairedT, effectSize, subgroups, tests, withdrawnShare, waiting } = numbers;
  const outcome = analyseBackground(compilation, minimums);
  const findings = decideFindings(compilation, numbers, smallN, backgroundFindings(outcome.background, outcome.dose));

  return {
    planId: meta.planId,
    title: meta.title,
    instrument: meta.primary.label,
    total,
    goalMet: total.attainment.goalMet,
    direction: { improved: total.attainment.improved, unchanged: total.attainment.unchanged, worse: total.attainment.worse },
    pairedTest,
    pairedTTest: pairedT,
    effectSize,
    subgroups,
    multipleComparisons: tests > 1 ? { method: 'holm', tests } : null,
    attrition: {
      started: total.flow.started,
      withdrawn: withdrawnShare,
      notStarted: total.flow.notStarted,
      waiting,
      withdrawnBeforeStart: total.flow.withdrawnBeforeStart,
      withdrawnBefore: total.primary.withdrawnBefore,
      stayedBefore: total.primary.stayedBefore,
    },
    measures: numbers.measures,
    findings,
    views: analyseViews(compilation, dims, minimums),
    ...outcome,
  };
}


/** Checks analyse's options: an object or left out, then its fields, named from it (`by[i]`, `smallN`, `minimums.pairs`). */
function checkOptions(options: unknown): AnalyseOptions {
  throwIfAny(optionsIssues(options));
  const parsed = parseArg(AnalyseOptionsSchema, options ?? {}, []);
  throwIfAny(parsed.issues);
  return parsed.value;
}

