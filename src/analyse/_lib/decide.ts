import type { NotComputed } from '../../core/not-computed.js';
import type { Compilation } from '../../compile/schema.js';
import type { Dimension, GroupRow } from '../../compile/tabulate.js';
import { UNCLASSIFIED } from '../../compile/layout.js';
import type { StatsMethod, StatsNote } from '../../stats/methods.js';
import type { Finding, FindingCode, FindingOf } from '../findings.js';

import type { AnalysisNumbers } from './numbers.js';
import { measureFindings } from './measures.js';

/**
 * @internal Decides what an analysis says, from its numbers: which findings
 * there are, each with its code, whether it calls for caution, and its
 * parameters. `findingText` words them. `background`: the findings of the
 * background and dose tests, placed after the measure changes.
 */
export function decideFindings(compilation: Compilation, numbers: AnalysisNumbers, smallN: number, background: readonly Finding[] = []): Finding[] {
  const meta = compilation.meta;
  const { total, diffs, pairedTest, effectSize, subgroups, tests, waiting } = numbers;
  const findings: Finding[] = [];
  const add = <C extends FindingCode>(code: C, params: FindingOf<C>['params'], caution = false, notes?: readonly StatsNote[]) =>
    findings.push((notes === undefined ? { code, caution, params } : { code, caution, params, notes }) as Finding);
  add('followed', {
    selected: total.flow.selected,
    started: total.flow.started,
    closed: total.flow.closed,
    classified: total.flow.classified,
  });
  if (total.flow.notStarted > 0) {
    // Every count here is a count of people, which the report's small-cell protection reads.
    add('not_started', { count: total.flow.notStarted, waiting, withdrawnBeforeStart: total.flow.withdrawnBeforeStart, reasons: reasons(total, 'beforeStart') }, true);
  }
  if (total.flow.withdrawn > 0) {
    add('withdrawn', { count: total.flow.withdrawn, started: total.flow.started, share: total.flow.withdrawn / total.flow.started, reasons: reasons(total, 'during') }, true);
  }
  if (total.flow.unclassified > 0) {
    const u = total.unclassified;
    add('unclassified', { count: total.flow.unclassified, reasons: UNCLASSIFIED.filter((code) => u[code] > 0).map((code) => ({ code, count: u[code] })) }, true);
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
        instrument,
        method: pairedTest.method,
        pValue: pairedTest.pValue,
        rankBiserial: effectSize.rankBiserial.computed ? effectSize.rankBiserial.estimate : null,
      },
      false,
      pairedTest.notes,
    );
  } else {
    // A count of people goes under `n` and `zeros` (the report protects those).
    add('not_tested', { test: 'paired', instrument, n: pairedTest.n, zeros: diffs.length - pairedTest.n, result: notComputedData(pairedTest) }, true);
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
          highLabel: { sv: high.label.sv, en: high.label.en },
          highShare: d.p1,
          highN: d.n1,
          lowLabel: { sv: low.label.sv, en: low.label.en },
          lowShare: d.p2,
          lowN: d.n2,
          difference: d.estimate,
          lower: d.lower,
          upper: d.upper,
          method: d.method,
        },
        false,
        d.notes,
      );
    }
    if (s.goalMetTest.computed) {
      add('subgroup_test', testParams(s.dimension, s.goalMetTest, s.adjusted.goalMetTest, tests), false, s.goalMetTest.notes);
    } else if (goalMet.n > 0) {
      // (With nobody with a goal at all there is nothing to compare, and no goal_met finding either.)
      // A count of groups, not of people: under `groups`, which the report does not read as people.
      add('not_tested', { test: 'goal_met_by_group', dimension: s.dimension, groups: s.goalMetTest.n, result: notComputedData(s.goalMetTest) }, true);
    }
    // Every test counted in Holm's adjustment is also reported.
    if (s.changeTest.computed) {
      add(
        'subgroup_change_test',
        {
          ...testParams(s.dimension, s.changeTest, s.adjusted.changeTest, tests),
          instrument,
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
        instrument,
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
        label: { sv: d.label.sv, en: d.label.en },
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
  // Every other measure, and each change to a follow-up point: the method's changes other than the expected ones.
  findings.push(...measureFindings(numbers.measures));
  // Background and dose against the outcome: the method's *why did some not change?*
  findings.push(...background);
  if (a.n < smallN) add('small_n', { n: a.n, minimum: smallN }, true);
  if (compilation.invalid.total > 0) add('invalid_records', { count: compilation.invalid.total }, true);
  add('no_comparison_group', {}, true);

  return findings;
}

/** @internal A not-computed result as plain data (a copy, so a finding shares nothing with the analysis' numbers). */
export const notComputedData = (result: NotComputed): NotComputed => ({ computed: false, n: result.n, reason: result.reason, params: { ...result.params } });

/** The withdrawals of a row at one stage, by reason: only the reasons anyone had, in the order of the reasons. */
function reasons(row: GroupRow, stage: 'beforeStart' | 'during'): FindingOf<'withdrawn'>['params']['reasons'] {
  return row.withdrawals.filter((w) => w[stage] > 0).map((w) => ({ code: w.reason, count: w[stage] }));
}

/** The parameters of a finding that reports one subgroup test, Holm-adjusted when there were several. */
function testParams(
  dimension: Dimension,
  test: { readonly method: StatsMethod; readonly pValue: number },
  adjusted: number | null,
  tests: number,
): FindingOf<'subgroup_test'>['params'] {
  return {
    dimension,
    method: test.method,
    pValue: tests > 1 && adjusted !== null ? adjusted : test.pValue,
    unadjustedPValue: test.pValue,
    adjusted: tests > 1,
    tests,
  };
}
