import type { Label } from '../core/locale.js';
import { notComputed, type NotComputed } from '../core/not-computed.js';
import type { Compilation } from '../compile/schema.js';
import { tabulateChecked, type Share } from '../compile/tabulate.js';
import type { OutcomeCounts } from '../compile/tabulate.js';
import { ATTAINMENT_LEVELS } from '../after/classify.js';
import type { ChiSquareResult } from '../stats/chi-square.js';
import type { FisherResult } from '../stats/fisher.js';
import type { KruskalWallisResult } from '../stats/kruskal-wallis.js';
import type { KendallTauBResult } from '../stats/kendall.js';
import type { MannWhitneyResult } from '../stats/mann-whitney.js';
import { countedSize } from '../stats/counted-rank.js';
import type { HistogramBin } from '../stats/histogram.js';
import { changeBetween, holmFamily, shareBetween, trendBetween } from './_lib/numbers.js';
import type { AnalyseMinimums } from './analyse.js';
import type { Finding } from './findings.js';
import { notComputedData } from './_lib/decide.js';

/**
 * A share compared between the values of a background variable or the bands
 * of a dose: Fisher's exact test for two values, chi-square (with its exact
 * fallback for small expected counts) for more, as the subgroups' goal met is
 * tested; `too_few` (`what: 'groups'`) with fewer than two values with anyone.
 *
 * @example
 * ```ts
 * const test: ShareTest = analyse(compilation).background[0]!.goalMetTest;
 * test.computed && test.method;
 * // => 'fisher-exact'
 * ```
 */
export type ShareTest = FisherResult | ChiSquareResult | NotComputed;

/**
 * The goal-attainment level (1 best … 4 worst) compared between values or
 * bands. Over ordered values (the bands of a dose or of a number) a trend
 * test: Kendall's τ_b between the band (in the plan's order) and the level
 * number (1 … 4), so a negative τ_b means that higher bands go with better
 * levels (more sessions, more positive change); its p-value is exact (the
 * permutation distribution of S) where that is quick to compute, as for
 * small groups the rank tests' are. Over unordered values (a
 * category, yes/no) a rank test: Mann–Whitney U for two, Kruskal–Wallis for
 * more. All three are corrected for the many ties of a four-level scale;
 * `too_few` below the minimums of `analyse` ({@link ANALYSE_MINIMUMS}).
 *
 * @example
 * ```ts
 * const test: LevelTest = analyse(compilation).background[0]!.levelTest;
 * test.computed && test.method.startsWith('mann-whitney');
 * // => true
 * ```
 */
export type LevelTest = MannWhitneyResult | KruskalWallisResult | KendallTauBResult | NotComputed;

/**
 * One value of a background variable (or one band of a dose), with the
 * outcome of its classified clients: how many, the four levels, and the
 * shares improved and (for a background value) with their goal met.
 *
 * @example
 * ```ts
 * const yes: BackgroundGroup = analyse(compilation).background[0]!.values[0]!;
 * yes.label.en;
 * // => 'Yes'
 * ```
 */
export interface BackgroundGroup {
  readonly code: string;
  readonly label: Label;
  /** Classified clients with this value. */
  readonly classified: number;
  readonly levels: OutcomeCounts['levels'];
  readonly improved: Share;
}

/**
 * A background variable counted by options (a category, yes/no, a banded
 * number), set against goal attainment: *did clients with earlier treatment
 * improve as often?* `values` are the plan's options in order; those
 * without an answer (`missing`, classified clients) are left out of the
 * tests. `goalMetTest` compares goal met (among those with a goal) between
 * the values, `levelTest` the attainment level ({@link LevelTest}: a trend
 * test over a number's bands). `ordered` is true for a number's bands. Adjusted p-values are Holm's over every background and
 * dose test of the analysis, a family of its own.
 *
 * @example
 * ```ts
 * const b: BackgroundAnalysis = analyse(compilation).background[0]!;
 * [b.id, b.values.length];
 * // => ['tidigare-behandling', 2]
 * ```
 */
export interface BackgroundAnalysis {
  readonly id: string;
  readonly label: Label;
  readonly kind: 'category' | 'boolean' | 'number';
  readonly ordered: boolean;
  readonly values: readonly (BackgroundGroup & { readonly goalMet: Share })[];
  /** Classified clients without an answer. */
  readonly missing: number;
  readonly goalMetTest: ShareTest;
  readonly levelTest: LevelTest;
  readonly adjusted: { readonly goalMetTest: number | null; readonly levelTest: number | null };
}

/**
 * A dose (sessions attended, or weeks from the start to closing) set
 * against the outcome, the method's *why did some not change?*: per band
 * the levels and the share improved, `improvedTest` comparing that share
 * between bands and `levelTest` the trend of the attainment level over the
 * ordered bands (Kendall's τ_b, {@link LevelTest}), adjusted by Holm's
 * method with the background tests.
 *
 * @example
 * ```ts
 * analyse(compilation).dose.map((d: DoseAnalysis) => d.measure);
 * // => ['sessions', 'weeks']
 * ```
 */
export interface DoseAnalysis {
  readonly measure: 'sessions' | 'weeks';
  readonly bands: readonly BackgroundGroup[];
  readonly improvedTest: ShareTest;
  readonly levelTest: LevelTest;
  readonly adjusted: { readonly improvedTest: number | null; readonly levelTest: number | null };
}

/** The attainment levels of a group as counts per score, the best level highest (a rank test only needs the order). */
function levelScores(o: OutcomeCounts): HistogramBin[] {
  return ATTAINMENT_LEVELS.map((level, i) => ({ value: ATTAINMENT_LEVELS.length - i, count: o.levels[level].count }));
}

/**
 * The level test between groups with anyone classified: over `ordered`
 * groups Kendall's τ_b of the table bands × levels (rows in the groups'
 * order, columns the levels 1 … 4; its exact permutation p where that is
 * quick to compute, since the normal one is not conservative for small
 * tables), otherwise a rank test; the same minimums for both.
 */
function levelBetween(groups: readonly OutcomeCounts[], minimums: AnalyseMinimums, ordered: boolean): LevelTest {
  if (ordered) return trendBetween(groups.map((o) => ATTAINMENT_LEVELS.map((level) => o.levels[level].count)), minimums);
  const withAnyone = groups.filter((o) => countedSize(levelScores(o)) > 0);
  if (withAnyone.length < 2) return notComputed(withAnyone.length, 'too_few', { minimum: 2, what: 'groups' });
  return changeBetween(withAnyone.map(levelScores), minimums);
}

const group = (code: string, label: Label, o: OutcomeCounts): BackgroundGroup => ({ code, label, classified: o.n, levels: o.levels, improved: o.improved });

/**
 * @internal The background and dose part of `analyse`, for a checked
 * compilation: each background variable counted by options and each dose
 * against the outcome, with Holm's adjustment over these tests.
 */
export function analyseBackground(compilation: Compilation, minimums: AnalyseMinimums): { background: BackgroundAnalysis[]; dose: DoseAnalysis[] } {
  const total = tabulateChecked(compilation, {}).total;
  const background = total.background.flatMap((b) => {
    if (b.outcome === null) return [];
    const answered = b.outcome.filter((v) => v.code !== 'missing');
    const values = answered.map((v) => ({ ...group(v.code, v.label, v.outcome), goalMet: v.outcome.goalMet }));
    return [
      {
        id: b.id,
        label: b.label,
        kind: b.kind,
        ordered: b.kind === 'number',
        values,
        missing: b.outcome.find((v) => v.code === 'missing')?.outcome.n ?? 0,
        goalMetTest: shareBetween(values.map((v) => v.goalMet)),
        levelTest: levelBetween(answered.map((v) => v.outcome), minimums, b.kind === 'number'),
      },
    ];
  });
  const dose = total.doseOutcome.map((d) => ({
    measure: d.measure,
    bands: d.bands.map((band) => group(band.code, band.label, band.outcome)),
    improvedTest: shareBetween(d.bands.map((band) => band.outcome.improved)),
    levelTest: levelBetween(d.bands.map((band) => band.outcome), minimums, true),
  }));
  // Holm over the family: each variable's two tests and each dose's.
  const take = holmFamily([...background.flatMap((b) => [b.goalMetTest, b.levelTest]), ...dose.flatMap((d) => [d.improvedTest, d.levelTest])]);
  return {
    background: background.map((b) => ({ ...b, adjusted: { goalMetTest: take(b.goalMetTest), levelTest: take(b.levelTest) } })),
    dose: dose.map((d) => ({ ...d, adjusted: { improvedTest: take(d.improvedTest), levelTest: take(d.levelTest) } })),
  };
}

/**
 * @internal The findings of the background and dose tests: each computed
 * test as `background_test` or `dose_test` (p adjusted by Holm's method over
 * the family when it has more than one computed test), each test that could
 * not be computed as `not_tested`, saying why without a count of people.
 */
export function backgroundFindings(background: readonly BackgroundAnalysis[], dose: readonly DoseAnalysis[]): Finding[] {
  const tests = [...background.flatMap((b) => [b.goalMetTest, b.levelTest]), ...dose.flatMap((d) => [d.improvedTest, d.levelTest])].filter((t) => t.computed).length;
  const params = (test: FisherResult | ChiSquareResult | Exclude<LevelTest, NotComputed>, adjusted: number | null, groups: number) => ({
    method: test.method,
    pValue: tests > 1 && adjusted !== null ? adjusted : test.pValue,
    unadjustedPValue: test.pValue,
    adjusted: tests > 1,
    tests,
    n: test.n,
    groups,
  });
  const out: Finding[] = [];
  for (const b of background) {
    const source = { variable: b.id, label: { sv: b.label.sv, en: b.label.en } };
    const withGoal = b.values.filter((v) => v.goalMet.n > 0).length;
    const withAnyone = b.values.filter((v) => v.classified > 0).length;
    for (const [outcome, test, adjusted, groups] of [
      ['goal_met', b.goalMetTest, b.adjusted.goalMetTest, withGoal],
      ['level', b.levelTest, b.adjusted.levelTest, withAnyone],
    ] as const) {
      out.push(
        test.computed
          ? { code: 'background_test', caution: false, params: { ...source, outcome, ...params(test, adjusted, groups) }, notes: test.notes }
          : { code: 'not_tested', caution: true, params: { test: 'background', ...source, outcome, result: notComputedData(test) } },
      );
    }
  }
  for (const d of dose) {
    const groups = d.bands.filter((band) => band.classified > 0).length;
    for (const [outcome, test, adjusted] of [
      ['improved', d.improvedTest, d.adjusted.improvedTest],
      ['level', d.levelTest, d.adjusted.levelTest],
    ] as const) {
      out.push(
        test.computed
          ? { code: 'dose_test', caution: false, params: { measure: d.measure, outcome, ...params(test, adjusted, groups) }, notes: test.notes }
          : { code: 'not_tested', caution: true, params: { test: 'dose', measure: d.measure, outcome, result: notComputedData(test) } },
      );
    }
  }
  return out;
}
