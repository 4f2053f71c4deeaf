import type { Label } from '../core/locale.js';
import { shareOf } from '../compile/share.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import type { Compilation } from '../compile/schema.js';
import { tabulateChecked, type Dimension, type GroupRow, type Share } from '../compile/tabulate.js';
import type { ViewSummary } from '../compile/views.js';
import { ATTAINMENT_LEVELS, type AttainmentLevel } from '../after/classify.js';
import { chiSquareIndependence, type ChiSquareResult } from '../stats/chi-square.js';
import { fisherExact2x2, type FisherResult } from '../stats/fisher.js';
import type { KruskalWallisResult } from '../stats/kruskal-wallis.js';
import type { MannWhitneyResult } from '../stats/mann-whitney.js';
import { countedSize, kruskalWallisCounted } from '../stats/counted-rank.js';
import type { HistogramBin } from '../stats/histogram.js';
import { changeBetween, holmFamily, trendBetween } from './_lib/numbers.js';
import type { KendallTauBResult } from '../stats/kendall.js';
import type { AnalyseMinimums } from './analyse.js';

/**
 * A test of a questionnaire item between groups: for an ordinal item the
 * rank test of its answers (Mann–Whitney U for two groups, Kruskal–Wallis for
 * more; ties are the rule on a four-point scale, and both correct for them),
 * for a yes/no item Fisher's exact test (two groups) or chi-square with its
 * exact fallback (more). Against goal attainment, whose four levels are
 * ordered too, an ordinal item's answers are tested by Kendall's τ_b over
 * the levels (a trend: do clients further up the scale answer more
 * positively?), exact for small tables; a yes/no item as between groups. Not computed (`too_few`) below the minimums of
 * `analyse` ({@link ANALYSE_MINIMUMS}: `groupSize` in each of two groups,
 * `groupTotal` in all) or with fewer than two groups with an answer.
 *
 * @example
 * ```ts
 * // The Björkebo example: "Jag har blivit bemött med respekt" between the genders.
 * const test: ViewTest = analyse(compilation, { by: ['gender'] }).views[0]!.byGroup[0]!.test;
 * test.computed && [test.method, test.n];
 * // => ['mann-whitney-exact', 29]
 * ```
 */
export type ViewTest = MannWhitneyResult | KruskalWallisResult | KendallTauBResult | FisherResult | ChiSquareResult | NotComputed;

/**
 * One questionnaire item at one point, analysed: how clients view the help
 * (`positive`, the share with a positive view among those who answered, with
 * its Wilson interval), whether that differs between groups (`byGroup`, one
 * comparison per dimension), and whether it relates to goal attainment
 * (`byAttainment`: the answers by the four levels of the goal-attainment
 * scale, the unclassified left out). Every test carries its p-value adjusted
 * by Holm's method over all the questionnaire's tests (`adjusted`, null when
 * not computed), a family of its own apart from the subgroup tests of the
 * primary measure.
 *
 * @example
 * ```ts
 * const respect: ViewAnalysis = analyse(compilation).views[0]!;
 * [respect.id, respect.positive.count, respect.answered, respect.dontKnow, respect.notAnswered];
 * // => ['respekt', 21, 29, 1, 2]
 * ```
 */
export interface ViewAnalysis {
  readonly point: string;
  readonly id: string;
  readonly label: Label;
  readonly kind: 'ordinal' | 'yes_no';
  readonly asked: number;
  readonly answered: number;
  readonly dontKnow: number;
  readonly notAnswered: number;
  readonly positive: Share;
  readonly byGroup: readonly {
    readonly dimension: Dimension;
    readonly groups: readonly { readonly key: GroupRow['key']; readonly label: Label; readonly answered: number; readonly positive: Share }[];
    readonly test: ViewTest;
    readonly adjusted: number | null;
  }[];
  readonly byAttainment: {
    readonly levels: readonly { readonly level: AttainmentLevel; readonly answered: number; readonly positive: Share }[];
    readonly test: ViewTest;
    readonly adjusted: number | null;
  };
}


/** An ordinal item's answers as counts per score, the most positive answer highest (rank tests only need the order). */
function scores(counts: readonly number[]): HistogramBin[] {
  return counts.map((count, i) => ({ value: counts.length - i, count }));
}

/** The answers of each group, as counts in the item's order (don't know and not answered left out). */
function between(kind: 'ordinal' | 'yes_no', positive: readonly boolean[], groups: readonly (readonly number[])[], minimums: AnalyseMinimums): ViewTest {
  const answered = groups.filter((g) => g.some((n) => n > 0));
  if (answered.length < 2) return notComputed(answered.length, 'too_few', { minimum: 2, what: 'groups' });
  if (kind === 'ordinal') {
    const samples = answered.map(scores);
    if (samples.length > 2) {
      const total = samples.reduce((n, s) => n + countedSize(s), 0);
      if (total < minimums.groupTotal) return notComputed(total, 'too_few', { minimum: minimums.groupTotal });
      return kruskalWallisCounted(samples);
    }
    return changeBetween(samples, minimums);
  }
  const table = answered.map((g) => {
    const yes = g.reduce((n, c, i) => n + (positive[i] ? c : 0), 0);
    return [yes, g.reduce((n, c) => n + c, 0) - yes];
  });
  const total = table.reduce((n, [a, b]) => n + a! + b!, 0);
  if (total < minimums.groupTotal) return notComputed(total, 'too_few', { minimum: minimums.groupTotal });
  return table.length === 2 ? fisherExact2x2(table as unknown as [[number, number], [number, number]]) : chiSquareIndependence(table);
}

const answerCounts = (v: ViewSummary): number[] => v.answers.map((a) => a.count);
const positiveOf = (v: ViewSummary, counts: readonly number[]): Share => {
  const n = counts.reduce((s, c) => s + c, 0);
  return shareOf(counts.reduce((s, c, i) => s + (v.answers[i]!.positive ? c : 0), 0), n);
};

/**
 * @internal The questionnaire's part of `analyse`, for a checked
 * compilation: each item at each point, in total, between the groups of
 * each dimension, and by goal-attainment level, with Holm's adjustment over
 * the questionnaire's tests.
 */
export function analyseViews(compilation: Compilation, dims: readonly Dimension[], minimums: AnalyseMinimums): ViewAnalysis[] {
  const total = tabulateChecked(compilation, {}).total.views;
  if (total.length === 0) return [];
  const byDimension = dims.map((dimension) => ({ dimension, rows: tabulateChecked(compilation, { by: [dimension] }).rows }));
  const raw = total.map((v, b) => {
    const positive = v.answers.map((a) => a.positive);
    const byGroup = byDimension.map(({ dimension, rows }) => {
      const items = rows.map((r) => r.views[b]!);
      return {
        dimension,
        groups: rows.map((r, i) => ({ key: r.key, label: r.label, answered: items[i]!.answered, positive: items[i]!.positive })),
        test: between(v.kind, positive, items.map(answerCounts), minimums),
      };
    });
    const levelCounts = ATTAINMENT_LEVELS.map((level) => v.answers.map((a) => a.byLevel[level]));
    return {
      point: v.point,
      id: v.id,
      label: v.label,
      kind: v.kind,
      asked: v.asked,
      answered: v.answered,
      dontKnow: v.dontKnow?.count ?? 0,
      notAnswered: v.notAnswered.count,
      positive: v.positive,
      byGroup,
      byAttainment: {
        levels: ATTAINMENT_LEVELS.map((level, i) => ({ level, answered: levelCounts[i]!.reduce((s, c) => s + c, 0), positive: positiveOf(v, levelCounts[i]!) })),
        // Both ordered for an ordinal item: a trend over the levels.
        test: v.kind === 'ordinal' ? trendBetween(levelCounts, minimums) : between(v.kind, positive, levelCounts, minimums),
      },
    };
  });
  // Holm over every test of the questionnaire, in a fixed order: item by item, the groups, then attainment.
  const take = holmFamily(raw.flatMap((v) => [...v.byGroup.map((g) => g.test), v.byAttainment.test]));
  return raw.map((v) => ({
    ...v,
    byGroup: v.byGroup.map((g) => ({ ...g, adjusted: take(g.test) })),
    byAttainment: { ...v.byAttainment, adjusted: take(v.byAttainment.test) },
  }));
}
