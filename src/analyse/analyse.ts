import type { Label } from '../core/locale.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import type { Compilation } from '../compile/compile.js';
import { tabulate, DIMENSIONS, type Dimension, type GroupRow, type Share } from '../compile/tabulate.js';
import type { Distribution } from '../compile/_lib/distribution.js';
import { wilcoxonSignedRank, mcnemarTest, pairedTTest, type WilcoxonSignedRankResult, type McNemarResult, type PairedTTestResult } from '../stats/paired.js';
import {
  chiSquareIndependence,
  fisherExact2x2,
  kruskalWallis,
  mannWhitneyU,
  type ChiSquareResult,
  type FisherResult,
  type KruskalWallisResult,
  type MannWhitneyResult,
} from '../stats/groups.js';
import { methodLabel, type StatsMethod } from '../stats/methods.js';
import { wilsonInterval } from '../stats/proportion.js';
import { expandHistogram } from '../stats/histogram.js';
import { holm } from '../stats/adjust.js';
import { cohenDz, rankBiserialPaired, type EffectSize, type RankBiserialResult } from '../stats/effect.js';
import type { Finding } from './findings.js';

/** Options of {@link analyse}. */
export interface AnalyseOptions {
  /**
   * The dimensions to compare subgroups by. Default: each of age band,
   * gender and intervention that has more than one category.
   */
  readonly by?: readonly Dimension[];
  /** Below this many classified clients the analysis adds a small-n caution. Default 30. */
  readonly smallN?: number;
}

/** Subgroups along one dimension, compared. */
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
  /** Goal met vs not, between the groups: Fisher's exact test (2 groups) or chi-square with exact fallback. */
  readonly goalMetTest: FisherResult | ChiSquareResult | NotComputed;
  /** Change on the primary measure between the groups: Mann–Whitney U (2 groups) or Kruskal–Wallis. */
  readonly changeTest: MannWhitneyResult | KruskalWallisResult | NotComputed;
  /**
   * The p-values above adjusted by Holm's method over every subgroup test in
   * the analysis (null for a test not computed). Read these, not the raw
   * p-values, when several subgroups are tested at once.
   */
  readonly adjusted: { readonly goalMetTest: number | null; readonly changeTest: number | null };
}

/**
 * Step 6 (*analysera resultaten*): the method's questions answered from a
 * compilation, as data. Every share has its n and interval; every test its
 * method and n, or the reason it was not computed; `findings` states the
 * results and their limits in sentences (see {@link findingText}).
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
  /** Attrition and what it may hide: baseline of the withdrawn vs those who stayed. */
  readonly attrition: {
    readonly started: number;
    readonly withdrawn: Share;
    readonly notStarted: number;
    readonly withdrawnBefore: Distribution | NotComputed;
    readonly stayedBefore: Distribution | NotComputed;
  };
  readonly findings: readonly Finding[];
}

const differences = (row: GroupRow): number[] =>
  row.primary.change.computed ? expandHistogram(row.primary.change.histogram) : [];

const label = (method: StatsMethod) => ({ sv: methodLabel(method, 'sv'), en: methodLabel(method, 'en') });

/**
 * Analyses a compilation (step 6): overall and per subgroup, how many
 * reached their goal, the direction of change, who is unchanged or worse,
 * the paired test of the primary measure, subgroup differences with the
 * right test, attrition and what it may hide, and findings in sv/en.
 *
 * Tests use the exact histograms a compilation keeps, so a pooled
 * compilation is analysed exactly as the union of its records would be.
 *
 * @param compilation - from {@link compile} or {@link mergeCompilations}
 * @param options - subgroup dimensions, small-n threshold
 * @returns the analysis
 *
 * @example
 * ```ts
 * const analysis = analyse(compile(plan, records));
 * analysis.goalMet.share.computed && analysis.goalMet.share.estimate;
 * // => 0.41…
 * analysis.findings.map((f) => findingText(f, 'en'));
 * ```
 */
export function analyse(compilation: Compilation, options: AnalyseOptions = {}): Analysis {
  const meta = compilation.meta;
  const total = tabulate(compilation).total;
  const smallN = options.smallN ?? 30;
  const dims = options.by ?? DIMENSIONS.filter((d) => lengthOf(compilation, d) > 1);

  // The paired test of the primary measure.
  const diffs = differences(total);
  let pairedTest: Analysis['pairedTest'];
  let pairedT: Analysis['pairedTTest'];
  if (meta.primary.kind === 'binary') {
    const b = diffs.filter((d) => d > 0).length;
    const c = diffs.filter((d) => d < 0).length;
    pairedTest = mcnemarTest(b, c);
    pairedT = notComputed(diffs.length, 'one_of', { values: ['interval'], value: meta.primary.kind });
  } else {
    pairedTest = wilcoxonSignedRank(diffs);
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
  const raw = dims.map((dimension) => compare(compilation, dimension));
  const pValues: number[] = [];
  for (const s of raw) {
    if (s.goalMetTest.computed) pValues.push(s.goalMetTest.pValue);
    if (s.changeTest.computed) pValues.push(s.changeTest.pValue);
  }
  const adjustedP = holm(pValues);
  let next = 0;
  const subgroups: SubgroupComparison[] = raw.map((s) => ({
    ...s,
    adjusted: {
      goalMetTest: s.goalMetTest.computed ? adjustedP[next++]! : null,
      changeTest: s.changeTest.computed ? adjustedP[next++]! : null,
    },
  }));
  const tests = pValues.length;

  // Attrition.
  const withdrawnShare = share(total.flow.withdrawn, total.flow.started);
  const findings: Finding[] = [];
  const add = (code: Finding['code'], params: Finding['params'], caution = false) => findings.push({ code, caution, params });
  add('followed', {
    selected: total.flow.selected,
    started: total.flow.started,
    closed: total.flow.closed,
    classified: total.flow.classified,
  });
  if (total.flow.notStarted > 0) {
    add('not_started', { count: total.flow.notStarted, ...reasons(total, 'beforeStart') }, true);
  }
  if (total.flow.withdrawn > 0) {
    add('withdrawn', { count: total.flow.withdrawn, started: total.flow.started, share: total.flow.withdrawn / total.flow.started, ...reasons(total, 'during') }, true);
  }
  if (total.flow.unclassified > 0) {
    const u = total.unclassified;
    const parts = (sv: boolean) =>
      [
        u.missing_before > 0 ? `${u.missing_before} ${sv ? 'saknar mätning före' : 'missing the before measure'}` : '',
        u.missing_after > 0 ? `${u.missing_after} ${sv ? 'saknar mätning efter' : 'missing the after measure'}` : '',
        u.missing_goal_assessment > 0 ? `${u.missing_goal_assessment} ${sv ? 'saknar bedömning av målen' : 'missing the goal assessment'}` : '',
      ]
        .filter(Boolean)
        .join(', ');
    add('unclassified', { count: total.flow.unclassified, reasonsSv: parts(true), reasonsEn: parts(false) }, true);
  }
  const goalMet = total.attainment.goalMet;
  if (goalMet.share.computed) {
    add('goal_met', { count: goalMet.count, n: goalMet.n, share: goalMet.share.estimate, lower: goalMet.share.lower, upper: goalMet.share.upper });
  }
  const a = total.attainment;
  if (a.n > 0) {
    add('direction', {
      n: a.n,
      improved: a.improved.count,
      improvedShare: a.improved.count / a.n,
      unchanged: a.unchanged.count,
      worse: a.worse.count,
    });
  }
  if (a.worse.count + a.unchanged.count > 0) add('worse', { count: a.worse.count, unchanged: a.unchanged.count });
  if (pairedTest.computed) {
    add('paired_test', {
      n: 'nTotal' in pairedTest ? pairedTest.nTotal : pairedTest.n,
      zeros: 'zeros' in pairedTest ? pairedTest.zeros : 0,
      instrumentSv: meta.primary.label.sv,
      instrumentEn: meta.primary.label.en,
      methodSv: label(pairedTest.method).sv,
      methodEn: label(pairedTest.method).en,
      pValue: pairedTest.pValue,
      effectSv: effectSize.rankBiserial.computed ? `rangbiseriell korrelation ${effectSize.rankBiserial.estimate.toFixed(2).replace('.', ',')}` : '',
      effectEn: effectSize.rankBiserial.computed ? `rank-biserial correlation ${effectSize.rankBiserial.estimate.toFixed(2)}` : '',
    });
  }
  for (const s of subgroups) {
    const withN = s.groups.filter((g) => g.goalMet.share.computed);
    if (withN.length >= 2) {
      const sorted = [...withN].sort((x, y) => estimate(y.goalMet) - estimate(x.goalMet));
      const high = sorted[0]!;
      const low = sorted[sorted.length - 1]!;
      if (estimate(high.goalMet) > estimate(low.goalMet)) {
        add('subgroup_gap', {
          dimension: s.dimension,
          highSv: high.label.sv.toLowerCase(),
          highEn: high.label.en.toLowerCase(),
          highShare: estimate(high.goalMet),
          highN: high.goalMet.n,
          lowSv: low.label.sv.toLowerCase(),
          lowEn: low.label.en.toLowerCase(),
          lowShare: estimate(low.goalMet),
          lowN: low.goalMet.n,
        });
      }
    }
    if (s.goalMetTest.computed) {
      add('subgroup_test', {
        dimensionSv: DIMENSION_LABELS[s.dimension].sv,
        dimensionEn: DIMENSION_LABELS[s.dimension].en,
        methodSv: label(s.goalMetTest.method).sv,
        methodEn: label(s.goalMetTest.method).en,
        pValue: tests > 1 ? s.adjusted.goalMetTest! : s.goalMetTest.pValue,
        adjusted: tests > 1,
        tests,
      });
    }
  }
  const wb = total.primary.withdrawnBefore;
  const sb = total.primary.stayedBefore;
  if (wb.computed && sb.computed) {
    add(
      'attrition_baseline',
      {
        withdrawnMean: wb.mean,
        withdrawnN: wb.n,
        stayedMean: sb.mean,
        stayedN: sb.n,
        instrumentSv: meta.primary.label.sv.toLowerCase(),
        instrumentEn: meta.primary.label.en.toLowerCase(),
      },
      true,
    );
  }
  for (const d of total.during) {
    const active = d.weeks.filter((w) => w.good !== null && w.tests > 0);
    if (active.length >= 4) {
      const span = Math.max(2, Math.floor(active.length / 4));
      const first = active.slice(0, span);
      const last = active.slice(-span);
      const pool = (ws: typeof active) => {
        const good = ws.reduce((n, w) => n + (w.good?.count ?? 0), 0);
        const tests = ws.reduce((n, w) => n + w.tests, 0);
        return { good, tests };
      };
      const f = pool(first);
      const l = pool(last);
      add('during_trend', {
        labelSv: d.label.sv,
        labelEn: d.label.en,
        span,
        firstShare: f.good / f.tests,
        firstN: f.tests,
        lastShare: l.good / l.tests,
        lastN: l.tests,
        lastFrom: last[0]!.week,
        lastTo: last[last.length - 1]!.week,
      });
    }
  }
  if (a.n < smallN) add('small_n', { n: a.n, minimum: smallN }, true);
  if (compilation.invalid.total > 0) add('invalid_records', { count: compilation.invalid.total }, true);
  add('no_comparison_group', {}, true);

  return {
    planId: meta.planId,
    title: meta.title,
    instrument: meta.primary.label,
    total,
    goalMet,
    direction: { improved: a.improved, unchanged: a.unchanged, worse: a.worse },
    pairedTest,
    pairedTTest: pairedT,
    effectSize,
    subgroups,
    multipleComparisons: tests > 1 ? { method: 'holm', tests } : null,
    attrition: {
      started: total.flow.started,
      withdrawn: withdrawnShare,
      notStarted: total.flow.notStarted,
      withdrawnBefore: wb,
      stayedBefore: sb,
    },
    findings,
  };
}

/**
 * The dimensions' names.
 *
 * @example
 * ```ts
 * DIMENSION_LABELS.ageBand.sv;
 * // => 'åldersgrupp'
 * ```
 */
export const DIMENSION_LABELS: { readonly [D in Dimension]: Label } = {
  ageBand: { sv: 'åldersgrupp', en: 'age band' },
  gender: { sv: 'kön', en: 'gender' },
  intervention: { sv: 'insats', en: 'intervention' },
};

const estimate = (s: Share) => (s.share.computed ? s.share.estimate : 0);

const share = (count: number, n: number): Share => ({ count, n, share: wilsonInterval(count, n) });

function lengthOf(compilation: Compilation, d: Dimension): number {
  const dims = compilation.meta.dims;
  return d === 'ageBand' ? dims.ageBands.length : d === 'gender' ? dims.genders.length : dims.interventions.length;
}

function reasons(row: GroupRow, stage: 'beforeStart' | 'during') {
  const sv: Record<string, string> = { breakdown: 'sammanbrott', moved: 'flyttat', declined: 'avböjt', other: 'annat skäl' };
  const en: Record<string, string> = { breakdown: 'breakdown', moved: 'moved', declined: 'declined', other: 'other reason' };
  const list = row.withdrawals.filter((w) => w[stage] > 0);
  return {
    reasonsSv: list.map((w) => `${sv[w.reason]} ${w[stage]}`).join(', '),
    reasonsEn: list.map((w) => `${en[w.reason]} ${w[stage]}`).join(', '),
  };
}

function compare(compilation: Compilation, dimension: Dimension): Omit<SubgroupComparison, 'adjusted'> {
  const rows = tabulate(compilation, { by: [dimension] }).rows;
  const groups = rows.map((r) => ({
    key: r.key,
    label: r.label,
    classified: r.attainment.n,
    goalMet: r.attainment.goalMet,
    improved: r.attainment.improved,
    worse: r.attainment.worse,
  }));
  const withGoal = rows.filter((r) => r.attainment.goalMet.n > 0);
  const table = withGoal.map((r) => [r.attainment.goalMet.count, r.attainment.goalMet.n - r.attainment.goalMet.count]);
  const n = table.reduce((s, [x, y]) => s + x! + y!, 0);
  let goalMetTest: SubgroupComparison['goalMetTest'];
  if (table.length < 2) goalMetTest = notComputed(n, 'too_few', { minimum: 2, what: 'groups' });
  else if (table.length === 2) goalMetTest = fisherExact2x2(table as unknown as [[number, number], [number, number]]);
  else goalMetTest = chiSquareIndependence(table);
  const changeGroups = rows.map(differences).filter((d) => d.length > 0);
  let changeTest: SubgroupComparison['changeTest'];
  if (changeGroups.length < 2) changeTest = notComputed(changeGroups.flat().length, 'too_few', { minimum: 2, what: 'groups' });
  else if (changeGroups.length === 2) changeTest = mannWhitneyU(changeGroups[0]!, changeGroups[1]!);
  else changeTest = kruskalWallis(changeGroups);
  return { dimension, groups, goalMetTest, changeTest };
}
