import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  analyse,
  classifyIndividualChange,
  compile,
  findingText,
  tabulate,
  wilcoxonSignedRank,
  type ClientRecord,
  type Finding,
} from '../../src/index.js';
import { measuresCohort, measuresPlan as plan, measuresRecord as rec } from '../compile/measures-cohort.js';

const T = 'tilltro-nykterhet';

/** Ten closed clients with K10 before and after: differences −10, −4, +9, −9, 0, −6, −8, −3, −12, +5. */
const tested = (): ClientRecord[] =>
  [
    [30, 20],
    [28, 24],
    [20, 29],
    [35, 26],
    [30, 30],
    [33, 27],
    [31, 23],
    [25, 22],
    [40, 28],
    [18, 23],
  ].map(([b, a], i) => rec({ id: `t${i}`, before: { measures: { [T]: 3, k10: b! } }, after: { measures: { [T]: 3, k10: a! } } }));

describe('analyse: every other measure, tested as the primary is', () => {
  it('the hand cohort (4 non-zero differences): not tested, and a finding says why in both languages', () => {
    const a = analyse(compile(plan, measuresCohort()));
    expect(a.measures.map((m) => [m.id, m.phase, m.pairedTest.computed])).toEqual([['k10', 'after', false]]);
    const m = a.measures[0]!;
    expect(m.pairedTest).toMatchObject({ computed: false, n: 4, reason: 'too_few', params: { minimum: 6 } });
    const change = a.findings.find((f) => f.code === 'measure_change')!;
    // Pairs A, B, C, D, I: before 28.6, after 25.8; improved A, D; unchanged B, I; worse C; reliably better A, D, worse C.
    expect(findingText(change, 'sv')).toBe(
      'K10 psykisk ohälsa sjönk från 28,6 till 25,8 i genomsnitt från före till efter (n = 5 par): 2 blev bättre och 1 sämre med minst 5 (den minsta förändring som räknas), 2 var oförändrade; 2 förbättrades och 1 försämrades mer än mätfelet (reliabel förändring).',
    );
    expect(findingText(change, 'en')).toBe(
      'K10 distress fell from 28.6 to 25.8 on average from before to after (n = 5 pairs): 2 improved and 1 got worse by at least 5 (the smallest change that counts), 2 were unchanged; 2 improved and 1 got worse beyond measurement error (reliable change).',
    );
    const notTested = a.findings.find((f) => f.code === 'not_tested' && f.params.test === 'paired_measure')!;
    expect(findingText(notTested, 'sv')).toBe(
      'Förändringen i K10 psykisk ohälsa från före till efter kunde inte prövas: för få för att pröva: 4 par med förändring (1 utan förändring räknas inte), minst 6 behövs.',
    );
  });

  it('ten pairs: Wilcoxon on the exact differences and the paired t-test, the same as the stats functions on the same numbers', () => {
    const a = analyse(compile(plan, tested()));
    const m = a.measures[0]!;
    const diffs = [-10, -4, 9, -9, 0, -6, -8, -3, -12, 5].sort((x, y) => x - y);
    expect(m.pairedTest).toEqual(wilcoxonSignedRank(diffs));
    expect(m.pairedTTest.computed && m.pairedTTest.method).toBe('paired-t');
    const f = a.findings.find((x) => x.code === 'measure_change') as Extract<Finding, { code: 'measure_change' }>;
    expect(f.params.method).toBe(m.pairedTest.computed ? m.pairedTest.method : null);
    expect(findingText(f, 'sv')).toMatch(/^K10 psykisk ohälsa sjönk från 29,0 till 25,2 i genomsnitt från före till efter \(n = 10 par\): .*Förändringen går (inte )?att säkerställa statistiskt: .*, p = 0,\d+\.$/);
  });

  it('reliable-change classes agree with classifyIndividualChange client by client (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 10, max: 50 }), fc.integer({ min: 10, max: 50 })), { minLength: 1, maxLength: 30 }), (pairs) => {
        const records = pairs.map(([b, a]) => rec({ before: { measures: { k10: b } }, after: { measures: { k10: a } } }));
        const reliable = tabulate(compile(plan, records)).total.measures[0]!.changes[0]!.reliable!;
        const expected = { recovered: 0, improved: 0, unchanged: 0, deteriorated: 0 };
        for (const [b, a] of pairs) {
          const c = classifyIndividualChange(b, a, { sdBefore: 7.5, reliability: 0.88, direction: 'lower_is_better', cutoff: 21 });
          if (c.computed) expected[c.class] += 1;
        }
        expect({
          recovered: reliable.recovered.count,
          improved: reliable.improved.count,
          unchanged: reliable.unchanged.count,
          deteriorated: reliable.deteriorated.count,
        }).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
