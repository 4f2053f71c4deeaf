import { notComputed } from '../../core/not-computed.js';
import { notComputedData } from './decide.js';
import type { GroupRow } from '../../compile/tabulate.js';
import { mcnemarTest, pairedTTest, wilcoxonSignedRank } from '../../stats/paired.js';
import { rankBiserialPaired } from '../../stats/effect.js';
import { expandHistogram } from '../../stats/histogram.js';
import type { AnalyseMinimums, MeasureChangeAnalysis } from '../analyse.js';
import type { Finding } from '../findings.js';

/**
 * @internal The paired test of every measure change in a compilation (each
 * secondary instrument before → after, and every instrument before → each
 * follow-up point), the same way as the primary measure's: Wilcoxon's
 * signed-rank test for ordinal and interval scales (with the paired t-test
 * besides for interval scales), McNemar's test for a binary one, on the
 * exact differences the compilation's histograms keep; below
 * `minimums.pairs` non-zero differences (discordant pairs for McNemar) the
 * test is `too_few`, and a scale too fine for histograms is `fine_scale`.
 */
export function measureChanges(total: GroupRow, minimums: AnalyseMinimums): MeasureChangeAnalysis[] {
  return total.measures.flatMap((m) =>
    m.changes.map((change): MeasureChangeAnalysis => {
      const base = { id: m.id, label: m.label, primary: m.primary, phase: change.phase, phaseLabel: change.label, change };
      const d = change.change;
      const notInterval = (n: number) => notComputed(n, 'one_of', { values: ['interval'], value: m.kind });
      if (!d.computed) {
        return { ...base, pairedTest: d, pairedTTest: d, rankBiserial: d };
      }
      if (d.histogram.length === 0) {
        const fine = notComputed(d.n, 'fine_scale', { bins: 0 });
        return { ...base, pairedTest: fine, pairedTTest: m.kind === 'interval' ? fine : notInterval(d.n), rankBiserial: fine };
      }
      const diffs = expandHistogram(d.histogram);
      const sign = m.direction === 'higher_is_better' ? 1 : -1;
      const rankBiserial = rankBiserialPaired(diffs.map((x) => (x === 0 ? 0 : x * sign)));
      if (m.kind === 'binary') {
        const b = diffs.filter((x) => x > 0).length;
        const c = diffs.filter((x) => x < 0).length;
        const test = b + c < minimums.pairs ? notComputed(b + c, 'too_few', { minimum: minimums.pairs }) : mcnemarTest(b, c);
        return { ...base, pairedTest: test, pairedTTest: notInterval(diffs.length), rankBiserial };
      }
      const nonZero = diffs.filter((x) => x !== 0).length;
      const test = nonZero < minimums.pairs ? notComputed(nonZero, 'too_few', { minimum: minimums.pairs }) : wilcoxonSignedRank(diffs);
      return { ...base, pairedTest: test, pairedTTest: m.kind === 'interval' ? pairedTTest(diffs) : notInterval(diffs.length), rankBiserial };
    }),
  );
}

/**
 * @internal The findings of the measure changes: for each with any pairs, how
 * the mean of the same clients moved, how many changed by at least the
 * minimal important change either way (and reliably, where the instrument has
 * reliability and norms), and the paired test; a test that could not be
 * computed is a `not_tested` finding saying why. These answer the method's
 * *changes other than the expected ones* for the secondary measures, and the
 * change to each follow-up point.
 */
export function measureFindings(changes: readonly MeasureChangeAnalysis[]): Finding[] {
  const out: Finding[] = [];
  for (const c of changes) {
    const pairs = c.change.pairs;
    if (!pairs.computed) continue;
    const instrument = { sv: c.label.sv, en: c.label.en };
    const phase = { sv: c.phaseLabel.sv, en: c.phaseLabel.en };
    const test = c.pairedTest;
    const reliable = c.change.reliable;
    out.push({
      code: 'measure_change',
      caution: false,
      params: {
        instrument,
        phase,
        primary: c.primary,
        n: pairs.n,
        before: pairs.before,
        after: pairs.after,
        improved: c.change.direction.improved.count,
        unchanged: c.change.direction.unchanged.count,
        worse: c.change.direction.worsened.count,
        minimalChange: c.change.direction.minimalChange,
        reliableImproved: reliable === null ? null : reliable.recovered.count + reliable.improved.count,
        reliableWorse: reliable === null ? null : reliable.deteriorated.count,
        method: test.computed ? test.method : null,
        pValue: test.computed ? test.pValue : null,
      },
      ...(test.computed ? { notes: test.notes } : {}),
    } as Finding);
    if (!test.computed) {
      const zeros = c.change.direction.n - test.n;
      out.push({
        code: 'not_tested',
        caution: true,
        params: { test: 'paired_measure', instrument, phase, n: test.n, zeros: zeros > 0 ? zeros : 0, result: notComputedData(test) },
      } as Finding);
    }
  }
  return out;
}
