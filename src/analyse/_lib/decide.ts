import type { Label, Locale } from '../../core/locale.js';
import type { NotComputed } from '../../core/not-computed.js';
import { describeNotComputed } from '../../locales/not-computed.js';
import type { Compilation } from '../../compile/schema.js';
import type { Dimension } from '../../compile/tabulate.js';
import type { StatsMethod, StatsNote } from '../../stats/methods.js';
import type { Finding } from '../findings.js';

import { DIMENSION_LABELS, groupPhrase, label, notTestedWhy, reasons, WAITING, WITHDRAWN_BEFORE_START } from './phrasing.js';
import type { AnalysisNumbers } from './numbers.js';

/**
 * @internal Decides what an analysis says, from its numbers: which findings
 * there are, each with its code, whether it calls for caution, and its
 * parameters. `findingText` words them.
 */
export function decideFindings(compilation: Compilation, numbers: AnalysisNumbers, smallN: number): Finding[] {
  const meta = compilation.meta;
  const { total, diffs, pairedTest, effectSize, subgroups, tests, waiting } = numbers;
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

  return findings;
}

/**
 * The parameters of a `not_tested` finding: what was not tested and why, in
 * words. `too_few` says what there were too few of (pairs with a change,
 * groups); other reasons are rendered by {@link describeNotComputed}.
 */
function notTested(result: NotComputed, what: Label, unit: 'pairs' | 'groups', zeros: number): Finding['params'] {
  const n = result.n;
  const minimum = Number(result.params.minimum);
  const why = (locale: Locale): string => notTestedWhy(result, unit, zeros, minimum, locale);
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

