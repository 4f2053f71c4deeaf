/**
 * The `// =>` results claimed by the TSDoc examples of src/analyse and of
 * tabulate (src/compile/tabulate.ts), run on the Björkebo example the
 * examples name (examples/bjorkebo-fcra), so a documented result that no
 * longer holds fails here.
 */
import { describe, expect, it } from 'vitest';
import { analyse, compile, DIMENSION_LABELS, FINDING_CODES, FindingSchema, findingNotes, findingText, parsePlan, tabulate, type Finding } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

const plan = parsePlan(bjorkeboPlan);
const records = bjorkeboCohort(plan);
const compilation = compile(plan, records);

describe('TSDoc examples of analyse and tabulate', () => {
  it('tabulate: positive change with the goal met, by gender', () => {
    const table = tabulate(compilation, { by: ['gender'] });
    expect(table.rows.map((r) => [r.label.sv, r.attainment.levels.positive_goal_met.count])).toEqual([
      ['Kvinna', 4],
      ['Man', 8],
    ]);
    // The examples of its types.
    expect([tabulate(compilation).total.attainment.goalMet.count, tabulate(compilation).total.attainment.goalMet.n]).toEqual([13, 30]);
    expect(tabulate(compilation).total.flow.selected).toBe(40);
    expect(tabulate(compilation).total.during[0]!.label.en).toBe('Urine test');
    expect(tabulate(compilation, { by: ['gender'] }).rows.map((r) => r.label.en)).toEqual(['Woman', 'Man']);
  });

  it('analyse: the share who met their goal (13 of 30), the subgroups, Holm', () => {
    const analysis = analyse(compile(plan, records));
    expect(analysis.goalMet.share.computed && analysis.goalMet.share.estimate).toBeCloseTo(13 / 30, 12);
    expect(String(analysis.goalMet.share.computed && analysis.goalMet.share.estimate).startsWith('0.4333')).toBe(true);
    expect(analysis.findings.map((f) => findingText(f, 'en')).length).toBe(analysis.findings.length);
    expect(analysis.multipleComparisons).toEqual({ method: 'holm', tests: 4 });
    expect(analysis.subgroups[0]!.dimension).toBe('ageBand');
    const d = analyse(compilation, { by: ['gender'] }).subgroups[0]!.goalMetDifference;
    expect(d.computed && [d.groups[0].label.en, d.n1, d.groups[1].label.en, d.n2]).toEqual(['Man', 20, 'Woman', 10]);
  });

  it('findings, their notes and the dimensions’ names', () => {
    const f: Finding = { code: 'small_n', caution: true, params: { n: 8, minimum: 30 } };
    expect(findingText(f, 'en')).toBe(
      'The group is small (8 classified): the shares are uncertain, as the wide confidence intervals show, and differences between subgroups should not be read as certain.',
    );
    const paired: Finding = {
      code: 'paired_test',
      caution: false,
      params: { n: 30, zeros: 7, instrument: { sv: 'Tilltro', en: 'Confidence' }, method: 'wilcoxon-signed-rank-exact', pValue: 0.02, rankBiserial: 0.5 },
      notes: [{ code: 'zeros_dropped', params: { count: 7 } }],
    };
    expect(findingNotes(paired, 'en')).toEqual(["7 zero differences were dropped before ranking (Wilcoxon's method)"]);
    expect(findingText({ code: 'invalid_records', caution: true, params: { count: 2 } }, 'en')).toBe(
      '2 records could not be counted because of invalid data and are reported separately.',
    );
    // Params that do not fit the code: the code, not a sentence with holes.
    expect(findingText({ code: 'invalid_records', caution: true, params: {} } as never, 'en')).toBe('invalid_records');
    expect(FindingSchema.parse({ code: 'invalid_records', caution: true, params: { count: 2 } }).params).toEqual({ count: 2 });
    expect(FindingSchema.safeParse({ code: 'invalid_records', caution: true, params: { count: 'two' } }).success).toBe(false);
    expect(FINDING_CODES.includes('not_tested')).toBe(true);
    expect(DIMENSION_LABELS.ageBand.sv).toBe('åldersgrupp');
  });
});
