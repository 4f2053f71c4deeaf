import type { Label, Locale } from '../core/locale.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import { describeNotComputed } from '../locales/not-computed.js';
import { issue, type Issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { optionsIssues, optionsOf, ownValue, throwIfAny, typeName } from '../core/args.js';
import type { Compilation } from '../compile/compile.js';
import {
  assertCompilation,
  dimensionsIssues,
  tabulateChecked,
  DIMENSIONS,
  type Dimension,
  type GroupRow,
  type Share,
} from '../compile/tabulate.js';
import type { Distribution } from '../compile/distribution.js';
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
import { methodLabel, type StatsMethod, type StatsNote } from '../stats/methods.js';
import { riskDifference, wilsonInterval, type ShareDifference } from '../stats/proportion.js';
import { expandHistogram } from '../stats/histogram.js';
import { holm } from '../stats/adjust.js';
import { cohenDz, rankBiserialPaired, type EffectSize, type RankBiserialResult } from '../stats/effect.js';
import type { Finding } from './findings.js';

/**
 * Options of {@link analyse}.
 *
 * @example
 * ```ts
 * const options: AnalyseOptions = { by: ['gender'], smallN: 20 };
 * ```
 */
export interface AnalyseOptions {
  /**
   * The dimensions to compare subgroups by. Default: each of age band,
   * gender and intervention that has more than one category.
   */
  readonly by?: readonly Dimension[];
  /** Below this many classified clients the analysis adds a small-n caution. Default 30. */
  readonly smallN?: number;
}

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
  readonly findings: readonly Finding[];
}

const differences = (row: GroupRow): number[] =>
  row.primary.change.computed ? expandHistogram(row.primary.change.histogram) : [];

const label = (method: StatsMethod) => ({ sv: methodLabel(method, 'sv'), en: methodLabel(method, 'en') });

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
 * @param options - subgroup dimensions, small-n threshold
 * @returns the analysis
 * @throws UppfoljningError for a malformed compilation (path `compilation.…`)
 *   or options (`by[i]`, `smallN`)
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
  assertCompilation(compilation);
  const checked = checkOptions(options);
  const meta = compilation.meta;
  const total = tabulateChecked(compilation, {}).total;
  const smallN = checked.smallN ?? 30;
  const dims = checked.by ?? DIMENSIONS.filter((d) => lengthOf(compilation, d) > 1);

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
  const waiting = total.flow.notStarted - total.flow.withdrawnBeforeStart;
  const findings: Finding[] = [];
  const add = (code: Finding['code'], params: Finding['params'], caution = false, notes?: readonly StatsNote[]) =>
    findings.push(notes === undefined ? { code, caution, params } : { code, caution, params, notes });
  add('followed', {
    selected: total.flow.selected,
    started: total.flow.started,
    closed: total.flow.closed,
    classified: total.flow.classified,
  });
  if (total.flow.notStarted > 0) {
    // The breakdown goes into the reasons' texts, whose every number the
    // report's small-cell protection reads as a count of people.
    const before = reasons(total, 'beforeStart');
    const notStartedParts = (locale: Locale) =>
      [
        waiting > 0 ? WAITING[locale](waiting) : '',
        total.flow.withdrawnBeforeStart > 0
          ? `${WITHDRAWN_BEFORE_START[locale](total.flow.withdrawnBeforeStart)} (${locale === 'sv' ? before.reasonsSv : before.reasonsEn})`
          : '',
      ]
        .filter(Boolean)
        .join(locale === 'sv' ? ' och ' : ' and ');
    add(
      'not_started',
      {
        count: total.flow.notStarted,
        waiting,
        withdrawnBeforeStart: total.flow.withdrawnBeforeStart,
        reasonsSv: notStartedParts('sv'),
        reasonsEn: notStartedParts('en'),
      },
      true,
    );
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
  const instrument = { sv: meta.primary.label.sv, en: meta.primary.label.en };
  if (pairedTest.computed) {
    add(
      'paired_test',
      {
        n: 'nTotal' in pairedTest ? pairedTest.nTotal : pairedTest.n,
        zeros: 'zeros' in pairedTest ? pairedTest.zeros : 0,
        instrumentSv: instrument.sv,
        instrumentEn: instrument.en,
        methodSv: label(pairedTest.method).sv,
        methodEn: label(pairedTest.method).en,
        pValue: pairedTest.pValue,
        effectSv: effectSize.rankBiserial.computed ? `rangbiseriell korrelation ${effectSize.rankBiserial.estimate.toFixed(2).replace('.', ',')}` : '',
        effectEn: effectSize.rankBiserial.computed ? `rank-biserial correlation ${effectSize.rankBiserial.estimate.toFixed(2)}` : '',
      },
      false,
      pairedTest.notes,
    );
  } else {
    add(
      'not_tested',
      notTested(pairedTest, { sv: `${instrument.sv} före och efter`, en: `${instrument.en} before and after` }, 'pairs', diffs.length - pairedTest.n),
      true,
    );
  }
  for (const s of subgroups) {
    const d = s.goalMetDifference;
    if (d.computed && d.estimate > 0) {
      const [high, low] = d.groups;
      add(
        'subgroup_gap',
        {
          dimension: s.dimension,
          groups: s.groups.filter((g) => g.goalMet.n > 0).length,
          highSv: groupPhrase(s.dimension, high.label, 'sv'),
          highEn: groupPhrase(s.dimension, high.label, 'en'),
          highShare: d.p1,
          highN: d.n1,
          lowSv: groupPhrase(s.dimension, low.label, 'sv'),
          lowEn: groupPhrase(s.dimension, low.label, 'en'),
          lowShare: d.p2,
          lowN: d.n2,
          difference: d.estimate,
          lower: d.lower,
          upper: d.upper,
          methodSv: label(d.method).sv,
          methodEn: label(d.method).en,
        },
        false,
        d.notes,
      );
    }
    const between = { sv: `Skillnad i måluppfyllelse mellan grupper efter ${DIMENSION_LABELS[s.dimension].sv}`, en: `Difference in goal attainment between groups by ${DIMENSION_LABELS[s.dimension].en}` };
    if (s.goalMetTest.computed) {
      add('subgroup_test', testParams(s.dimension, s.goalMetTest, s.adjusted.goalMetTest, tests), false, s.goalMetTest.notes);
    } else if (goalMet.n > 0) {
      // (With nobody with a goal at all there is nothing to compare, and no goal_met finding either.)
      add('not_tested', notTested(s.goalMetTest, between, 'groups', 0), true);
    }
    // Every test counted in Holm's adjustment is also reported.
    if (s.changeTest.computed) {
      add(
        'subgroup_change_test',
        {
          ...testParams(s.dimension, s.changeTest, s.adjusted.changeTest, tests),
          instrumentSv: instrument.sv.toLowerCase(),
          instrumentEn: instrument.en.toLowerCase(),
          n: s.changeTest.n,
        },
        false,
        s.changeTest.notes,
      );
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
      waiting,
      withdrawnBeforeStart: total.flow.withdrawnBeforeStart,
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

const WAITING: { readonly [L in Locale]: (n: number) => string } = {
  sv: (n) => `${n} väntar fortfarande på att börja`,
  en: (n) => `${n} ${n === 1 ? 'is' : 'are'} still waiting to start`,
};
const WITHDRAWN_BEFORE_START: { readonly [L in Locale]: (n: number) => string } = {
  sv: (n) => `${n} avfördes före start`,
  en: (n) => `${n} ${n === 1 ? 'was' : 'were'} withdrawn before the start`,
};

/** Plural forms of the usual gender categories, for "among women" (lower case key → plural). */
const GENDER_PLURALS: { readonly [L in Locale]: Readonly<Record<string, string>> } = {
  sv: { kvinna: 'kvinnor', man: 'män', flicka: 'flickor', pojke: 'pojkar' },
  en: { woman: 'women', man: 'men', female: 'females', male: 'males', girl: 'girls', boy: 'boys' },
};

/**
 * A subgroup as the object of "the share was 45 % …": `bland män` / `among
 * men` for the usual gender categories, `i åldersgruppen 18–29 år` / `in the
 * age band 18–29 years`, `bland dem som fick F-CRA` / `among those who
 * received F-CRA`, and `i gruppen …` / `in the group …` for a gender the
 * plan names otherwise. Labels are used as the plan writes them.
 */
function groupPhrase(dimension: Dimension, name: Label, locale: Locale): string {
  const text = name[locale];
  const sv = locale === 'sv';
  switch (dimension) {
    case 'ageBand':
      return sv ? `i åldersgruppen ${text}` : `in the age band ${text}`;
    case 'intervention':
      return sv ? `bland dem som fick ${text}` : `among those who received ${text}`;
    case 'gender': {
      const plural = Object.prototype.hasOwnProperty.call(GENDER_PLURALS[locale], text.toLowerCase()) ? GENDER_PLURALS[locale][text.toLowerCase()] : undefined;
      if (plural !== undefined) return sv ? `bland ${plural}` : `among ${plural}`;
      return sv ? `i gruppen ${text}` : `in the group ${text}`;
    }
  }
}

/**
 * The parameters of a `not_tested` finding: what was not tested and why, in
 * words. `too_few` says what there were too few of (pairs with a change,
 * groups); other reasons are rendered by {@link describeNotComputed}.
 */
function notTested(result: NotComputed, what: Label, unit: 'pairs' | 'groups', zeros: number): Finding['params'] {
  const n = result.n;
  const minimum = Number(result.params.minimum);
  const why = (locale: Locale): string => {
    const sv = locale === 'sv';
    if (result.reason === 'too_few' && unit === 'pairs') {
      const pairs = sv ? `${n} par med förändring` : `${n} ${n === 1 ? 'pair' : 'pairs'} with a change`;
      const unchanged = zeros > 0 ? (sv ? ` (${zeros} utan förändring räknas inte)` : ` (${zeros} without change ${zeros === 1 ? 'does' : 'do'} not count)`) : '';
      return sv ? `för få för att pröva: ${pairs}${unchanged}, minst ${minimum} behövs` : `too few to test: ${pairs}${unchanged}, at least ${minimum} needed`;
    }
    if (result.reason === 'too_few' && unit === 'groups') {
      return sv
        ? `för få grupper att jämföra: ${n} ${n === 1 ? 'grupp' : 'grupper'} med någon som hade mål, minst ${minimum} behövs`
        : `too few groups to compare: ${n} ${n === 1 ? 'group' : 'groups'} with anyone who had a goal, at least ${minimum} needed`;
    }
    if (result.reason === 'table_shape') {
      return sv ? 'alla i grupperna hade samma utfall (alla eller ingen nådde målet)' : 'everyone in the groups had the same outcome (all or none reached their goal)';
    }
    return describeNotComputed(result, locale);
  };
  // A count of people goes under `n` and `zeros` (the report protects those); a count of groups does not.
  const counts: Finding['params'] = unit === 'pairs' ? { n, zeros } : { groups: n };
  return { ...counts, reason: result.reason, testSv: what.sv, testEn: what.en, whySv: why('sv'), whyEn: why('en') };
}

/** The parameters of a finding that reports one subgroup test, Holm-adjusted when there were several. */
function testParams(
  dimension: Dimension,
  test: { readonly method: StatsMethod; readonly pValue: number },
  adjusted: number | null,
  tests: number,
): Finding['params'] {
  return {
    dimensionSv: DIMENSION_LABELS[dimension].sv,
    dimensionEn: DIMENSION_LABELS[dimension].en,
    methodSv: label(test.method).sv,
    methodEn: label(test.method).en,
    pValue: tests > 1 && adjusted !== null ? adjusted : test.pValue,
    unadjustedPValue: test.pValue,
    adjusted: tests > 1,
    tests,
  };
}

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

/** Checks analyse's options (the compilation is checked by `assertCompilation`). */
function checkOptions(options: unknown): AnalyseOptions {
  throwIfAny(optionsIssues(options));
  const checked = optionsOf(options);
  const by = ownValue(checked, 'by');
  const smallN = ownValue(checked, 'smallN');
  const issues: Issue[] = dimensionsIssues(by);
  if (smallN !== undefined) {
    if (typeof smallN !== 'number') issues.push(issue(['smallN'], 'type', { expected: 'number', received: typeName(smallN) }));
    else if (!Number.isFinite(smallN)) issues.push(issue(['smallN'], 'finite', { value: String(smallN) }));
    else if (smallN < 0) issues.push(issue(['smallN'], 'min', { minimum: 0, origin: 'number' }));
  }
  if (issues.length > 0) throw new UppfoljningError(issues);
  return checked as AnalyseOptions;
}

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

function compare(compilation: Compilation, dimension: Dimension): Omit<SubgroupComparison, 'adjusted'> {
  const rows = tabulateChecked(compilation, { by: [dimension] }).rows;
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
  let goalMetTest: SubgroupComparison['goalMetTest'];
  // Too few groups: n is the number of groups there were, not of people.
  if (table.length < 2) goalMetTest = notComputed(table.length, 'too_few', { minimum: 2, what: 'groups' });
  else if (table.length === 2) goalMetTest = fisherExact2x2(table as unknown as [[number, number], [number, number]]);
  else goalMetTest = chiSquareIndependence(table);
  const changeGroups = rows.map(differences).filter((d) => d.length > 0);
  let changeTest: SubgroupComparison['changeTest'];
  if (changeGroups.length < 2) changeTest = notComputed(changeGroups.length, 'too_few', { minimum: 2, what: 'groups' });
  else if (changeGroups.length === 2) changeTest = mannWhitneyU(changeGroups[0]!, changeGroups[1]!);
  else changeTest = kruskalWallis(changeGroups);
  return { dimension, groups, goalMetTest, goalMetDifference: goalMetDifference(groups), changeTest };
}
