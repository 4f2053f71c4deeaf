import { notComputed, type NotComputed } from '../../core/not-computed.js';
import { shareOf } from '../../compile/share.js';
import type { Compilation } from '../../compile/schema.js';
import { dimensionLength } from '../../compile/dims.js';
import { tabulateChecked, type Dimension, type GroupRow, type Share } from '../../compile/tabulate.js';
import { wilcoxonSignedRank, mcnemarTest, pairedTTest } from '../../stats/paired.js';
import { chiSquareIndependence } from '../../stats/chi-square.js';
import { fisherExact2x2 } from '../../stats/fisher.js';
import { countedSize, kruskalWallisCounted, mannWhitneyCounted } from '../../stats/counted-rank.js';
import { riskDifference } from '../../stats/proportion.js';
import { expandHistogram, type HistogramBin } from '../../stats/histogram.js';
import { holm } from '../../stats/adjust.js';
import { kendallTauB, type KendallTauBResult } from '../../stats/kendall.js';
import { cohenDz, rankBiserialPaired } from '../../stats/effect.js';

import type { Analysis, AnalyseMinimums, SubgroupComparison, GoalMetDifference, MeasureChangeAnalysis } from '../analyse.js';
import { measureChanges } from './measures.js';

/**
 * @internal The numbers of an analysis, computed from the compilation before
 * anything is decided or worded: the paired test and effect sizes of the
 * primary measure, the subgroup comparisons with Holm's adjustment, and
 * attrition.
 */
export interface AnalysisNumbers {
  readonly total: GroupRow;
  /** The before–after differences of the primary measure, one per classified pair. */
  readonly diffs: readonly number[];
  readonly pairedTest: Analysis['pairedTest'];
  readonly pairedT: Analysis['pairedTTest'];
  readonly effectSize: Analysis['effectSize'];
  readonly subgroups: readonly SubgroupComparison[];
  /** How many tests Holm's adjustment counted. */
  readonly tests: number;
  readonly withdrawnShare: Share;
  /** Not started and not withdrawn: still waiting to start. */
  readonly waiting: number;
  /** The paired test of every other measure, and of every measure to each follow-up point. */
  readonly measures: readonly MeasureChangeAnalysis[];
}

/**
 * @internal The numbers of `analyse`, for a checked compilation, the
 * dimensions to compare and the minimum sizes below which a test is not
 * reported (`too_few` with that minimum; the tests themselves would compute).
 */
export function analysisNumbers(compilation: Compilation, dims: readonly Dimension[], minimums: AnalyseMinimums): AnalysisNumbers {
  const meta = compilation.meta;
  const total = tabulateChecked(compilation, {}).total;
  // The paired test of the primary measure.
  const diffs = expandHistogram(differences(total));
  let pairedTest: Analysis['pairedTest'];
  let pairedT: Analysis['pairedTTest'];
  if (meta.primary.kind === 'binary') {
    const b = diffs.filter((d) => d > 0).length;
    const c = diffs.filter((d) => d < 0).length;
    pairedTest = b + c < minimums.pairs ? notComputed(b + c, 'too_few', { minimum: minimums.pairs }) : mcnemarTest(b, c);
    pairedT = notComputed(diffs.length, 'one_of', { values: ['interval'], value: meta.primary.kind });
  } else {
    const nonZero = diffs.filter((d) => d !== 0).length;
    pairedTest = nonZero < minimums.pairs ? notComputed(nonZero, 'too_few', { minimum: minimums.pairs }) : wilcoxonSignedRank(diffs);
    pairedT = meta.primary.kind === 'interval' ? pairedTTest(diffs) : notComputed(diffs.length, 'one_of', { values: ['interval'], value: meta.primary.kind });
  }

  // Effect sizes on improvements (positive = better, whatever the direction).
  const sign = meta.primary.direction === 'higher_is_better' ? 1 : -1;
  const improvements = diffs.map((d) => (d === 0 ? 0 : d * sign));
  const effectSize = {
    rankBiserial: rankBiserialPaired(improvements),
    cohenDz:
      meta.primary.kind === 'interval'
        ? cohenDz(improvements)
        : notComputed(improvements.length, 'one_of', { values: ['interval'], value: meta.primary.kind }),
  };

  // Subgroups, with Holm's adjustment over every test computed.
  const raw = dims.map((dimension) => compare(compilation, dimension, minimums));
  const family = raw.flatMap((s) => [s.goalMetTest, s.changeTest]);
  const adjusted = holmFamily(family);
  const subgroups: SubgroupComparison[] = raw.map((s) => ({ ...s, adjusted: { goalMetTest: adjusted(s.goalMetTest), changeTest: adjusted(s.changeTest) } }));
  const tests = family.filter((t) => t.computed).length;

  // Attrition: the shares the findings and the report read.
  const withdrawnShare = shareOf(total.flow.withdrawn, total.flow.started);
  const waiting = total.flow.notStarted - total.flow.withdrawnBeforeStart;
  return { total, diffs, pairedTest, pairedT, effectSize, subgroups, tests, withdrawnShare, waiting, measures: measureChanges(total, minimums) };
}

/** A test as Holm's adjustment needs it: its p-value when computed. */
type FamilyTest = { readonly computed: true; readonly pValue: number } | { readonly computed: false };

/**
 * @internal Holm's adjustment over a family of tests, those not computed
 * left out: a lookup of each test's adjusted p-value (null for a test not
 * computed or not in the family).
 */
export function holmFamily(tests: readonly FamilyTest[]): (test: FamilyTest) => number | null {
  const computed = tests.filter((t) => t.computed);
  const adjusted = holm(computed.map((t) => t.pValue));
  const byTest = new Map<FamilyTest, number>(computed.map((t, i) => [t, adjusted[i]!]));
  return (test) => byTest.get(test) ?? null;
}

/** @internal How many groups a compilation has along a dimension. */
export function lengthOf(compilation: Compilation, d: Dimension): number {
  return dimensionLength(compilation.meta.dims, d);
}

const differences = (row: GroupRow): readonly HistogramBin[] => (row.primary.change.computed ? row.primary.change.histogram : []);

const estimate = (s: Share) => (s.share.computed ? s.share.estimate : 0);


/**
 * The risk difference of goal met: between the two groups when there are
 * two (not computed if one has nobody with a goal), otherwise between the
 * highest and the lowest share among the groups with anyone with a goal.
 */
function goalMetDifference(groups: SubgroupComparison['groups']): GoalMetDifference | NotComputed {
  const candidates = groups.length === 2 ? [...groups] : groups.filter((g) => g.goalMet.n > 0);
  if (candidates.length < 2) return notComputed(candidates.length, 'too_few', { minimum: 2, what: 'groups' });
  // A stable sort: equal shares keep the plan's order.
  const sorted = [...candidates].sort((x, y) => estimate(y.goalMet) - estimate(x.goalMet));
  const high = sorted[0]!;
  const low = sorted[sorted.length - 1]!;
  const d = riskDifference({ successes: high.goalMet.count, n: high.goalMet.n }, { successes: low.goalMet.count, n: low.goalMet.n });
  if (!d.computed) return d;
  return { ...d, groups: [{ key: high.key, label: high.label }, { key: low.key, label: low.label }] };
}

/**
 * @internal A rank test between groups (of change, or of a questionnaire
 * item's answers), each group as counts per value (a compiled histogram: no
 * value per client is written out), or `too_few` below the minimum sizes of
 * `analyse`.
 */
export function changeBetween(groups: readonly (readonly HistogramBin[])[], minimums: AnalyseMinimums): SubgroupComparison['changeTest'] {
  const tooFew = belowMinimums(groups.map(countedSize), minimums);
  if (tooFew !== undefined) return tooFew;
  return groups.length === 2 ? mannWhitneyCounted(groups[0]!, groups[1]!) : kruskalWallisCounted(groups);
}

/**
 * @internal A trend test over ordered groups, each a row of counts over an
 * ordered outcome (dose bands or attainment levels by attainment level or
 * answer): Kendall's τ_b over the rows with anyone, exact for small tables,
 * or `too_few` with fewer than two such rows or below the minimum sizes of
 * `analyse`.
 */
export function trendBetween(rows: readonly (readonly number[])[], minimums: AnalyseMinimums): KendallTauBResult | NotComputed {
  const table = rows.filter((row) => row.some((n) => n > 0));
  if (table.length < 2) return notComputed(table.length, 'too_few', { minimum: 2, what: 'groups' });
  return belowMinimums(table.map((row) => row.reduce((n, c) => n + c, 0)), minimums) ?? kendallTauB(table, { exact: 'auto' });
}

/**
 * @internal `too_few` when groups of these sizes are below the minimums of
 * `analyse` for a test between them (two groups: the smaller at least
 * `groupSize`; any number: all together at least `groupTotal`), with the
 * size that fell short as n; otherwise undefined.
 */
export function belowMinimums(sizes: readonly number[], minimums: AnalyseMinimums): NotComputed | undefined {
  const total = sizes.reduce((n, m) => n + m, 0);
  if (sizes.length === 2) {
    const smaller = Math.min(sizes[0]!, sizes[1]!);
    if (smaller < minimums.groupSize) return notComputed(smaller, 'too_few', { minimum: minimums.groupSize });
  }
  if (total < minimums.groupTotal) return notComputed(total, 'too_few', { minimum: minimums.groupTotal });
  return undefined;
}

/**
 * @internal A share compared between groups (goal met between subgroups, or
 * between the values of a background variable): the groups with anyone in
 * the share's n, Fisher's exact test for two, chi-square with its exact
 * fallback for more; `too_few` (n = the number of such groups, `what:
 * 'groups'`) with fewer than two.
 */
export function shareBetween(shares: readonly Share[]): SubgroupComparison['goalMetTest'] {
  const table = shares.filter((s) => s.n > 0).map((s) => [s.count, s.n - s.count]);
  // Too few groups: n is the number of groups there were, not of people.
  if (table.length < 2) return notComputed(table.length, 'too_few', { minimum: 2, what: 'groups' });
  if (table.length === 2) return fisherExact2x2(table as unknown as [[number, number], [number, number]]);
  return chiSquareIndependence(table);
}

function compare(compilation: Compilation, dimension: Dimension, minimums: AnalyseMinimums): Omit<SubgroupComparison, 'adjusted'> {
  const rows = tabulateChecked(compilation, { by: [dimension] }).rows;
  const groups = rows.map((r) => ({
    key: r.key,
    label: r.label,
    classified: r.attainment.n,
    goalMet: r.attainment.goalMet,
    improved: r.attainment.improved,
    worse: r.attainment.worse,
  }));
  const goalMetTest = shareBetween(rows.map((r) => r.attainment.goalMet));
  const changeGroups = rows.map(differences).filter((d) => countedSize(d) > 0);
  let changeTest: SubgroupComparison['changeTest'];
  if (changeGroups.length < 2) changeTest = notComputed(changeGroups.length, 'too_few', { minimum: 2, what: 'groups' });
  else changeTest = changeBetween(changeGroups, minimums);
  return { dimension, groups, goalMetTest, goalMetDifference: goalMetDifference(groups), changeTest };
}
