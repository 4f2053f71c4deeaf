/**
 * analyse and the report on the client questionnaire, on a hand-made cohort
 * of 16 closed clients of the small plan, four at each attainment level:
 *
 * | level | gender | respekt (4 = instämmer helt … 1 = inte alls, 0 = vet inte) | rekommendera |
 * |---|---|---|---|
 * | 1 positive, goal met     | kvinna | 4 4 4 3 | ja ja ja ja |
 * | 2 positive, goal not met | kvinna | 4 3 3 2 | ja ja ja nej |
 * | 3 no change              | man    | 3 2 2 1 | ja ja nej nej |
 * | 4 negative change        | man    | 2 1 1 0 | nej nej nej vet inte |
 *
 * Positive view of respekt (4 or 3): 4 + 3 + 1 + 0 = 8 of the 15 who answered
 * (one "vet inte"). Rekommendera by gender: kvinna 7 ja, 1 nej; man 2 ja, 5 nej.
 * The reference p-values are R's (tests/views/fixtures/views-tests.R → views-tests.json).
 */
import { describe, expect, it } from 'vitest';
import { analyse, compile, parsePlan, tabulate, type ClientRecord } from '../../src/index.js';
import { buildReport, type ReportCell } from '../../src/report/index.js';
import { bjorkeboExamplePlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { holm } from '../../src/stats/adjust.js';
import { ATTAINMENT_LEVELS } from '../../src/after/classify.js';
import { wilsonInterval } from '../../src/stats/proportion.js';
import { makeRecord, smallPlan } from '../helpers/fixtures.js';
import R from './fixtures/views-tests.json' with { type: 'json' };

const T = 'tilltro-nykterhet';
const LEVELS = [
  { before: 2, after: 4, met: true, gender: 'kvinna', respekt: [4, 4, 4, 3], rekommendera: [true, true, true, true] },
  { before: 2, after: 4, met: false, gender: 'kvinna', respekt: [4, 3, 3, 2], rekommendera: [true, true, true, false] },
  { before: 3, after: 3, met: false, gender: 'man', respekt: [3, 2, 2, 1], rekommendera: [true, true, false, false] },
  { before: 4, after: 2, met: false, gender: 'man', respekt: [2, 1, 1, 0], rekommendera: [false, false, false, 0] },
] as const;

function cohort(): ClientRecord[] {
  return LEVELS.flatMap((l, li) =>
    l.respekt.map((respekt, i) =>
      makeRecord({
        id: `v${li}-${i}`,
        gender: l.gender,
        before: { goals: [{ statement: 'Mål' }], measures: { [T]: l.before } },
        after: { measures: { [T]: l.after }, goalsMet: [l.met], views: { respekt, rekommendera: l.rekommendera[i]! } },
      }),
    ),
  );
}

describe('analyse: client views (hand-computed, checked against R)', () => {
  const analysis = analyse(compile(smallPlan, cohort()), { by: ['gender'] });
  const item = (id: string) => analysis.views.find((v) => v.id === id)!;

  it('how clients view the help: the share positive among those who answered, with its Wilson interval', () => {
    const respekt = item('respekt');
    expect([respekt.asked, respekt.answered, respekt.dontKnow, respekt.notAnswered]).toEqual([16, 15, 1, 0]);
    expect([respekt.positive.count, respekt.positive.n]).toEqual([8, 15]);
    expect(respekt.positive.share).toEqual(wilsonInterval(8, 15));
    // Not answered: the items nobody answered (lyssnad) have no share.
    expect(item('lyssnad').positive.share.computed).toBe(false);
  });

  it('whether views relate to goal attainment: Kendall’s τ_b of the answers against the ordered levels, as R cor.test', () => {
    const test = item('respekt').byAttainment.test;
    if (!test.computed || !('tau' in test)) throw new Error('not a τ_b test');
    // Hand: rows = levels 1..4 with answers (most positive first) [3,1,0,0], [1,2,1,0], [0,1,2,1], [0,0,1,2].
    // R: cor.test(level, answer, method = "kendall", exact = FALSE): tau = 0.75, z = 3.351, p = 0.000805.
    expect(test.s).toBe(R.kendall.s);
    expect(test.tau).toBeCloseTo(R.kendall.tau, 12);
    expect(test.statistic).toBeCloseTo(R.kendall.z, 12);
    expect(test.normalPValue).toBeCloseTo(R.kendall.p, 12);
    // n = 15 is small: the exact permutation p, against R's estimate from 200,000 random permutations (within 4 standard errors).
    expect(test.method).toBe('kendall-tau-b-exact');
    const se = Math.sqrt((R.kendall.permutationP * (1 - R.kendall.permutationP)) / R.kendall.permutations);
    expect(Math.abs(test.pValue - R.kendall.permutationP)).toBeLessThan(4 * se);
    // Kruskal–Wallis, which does not use the levels' order, gave p = 0.021 on the same answers (R kruskal.test: H = 9.72).
    expect(R.kruskal.p).toBeGreaterThan(test.pValue);
    expect(item('respekt').byAttainment.levels.map((l) => [l.level, l.positive.count, l.answered])).toEqual([
      ['positive_goal_met', 4, 4],
      ['positive_goal_not_met', 3, 4],
      ['no_change', 1, 4],
      ['negative_change', 0, 3],
    ]);
  });

  it('whether views differ between groups: Fisher for a yes/no item, as R fisher.test', () => {
    const g = item('rekommendera').byGroup[0]!;
    expect(g.dimension).toBe('gender');
    expect(g.groups.map((x) => [x.label.sv, x.positive.count, x.answered])).toEqual([['Kvinna', 7, 8], ['Man', 2, 7]]);
    // R: fisher.test(matrix(c(7, 1, 2, 5), nrow = 2, byrow = TRUE))$p.value = 0.04056
    expect(g.test.computed && g.test.method).toBe('fisher-exact');
    expect(g.test.computed && g.test.pValue).toBeCloseTo(R.fisher.p, 10);
    // An ordinal item between two groups: Mann–Whitney on the answers.
    const respekt = item('respekt').byGroup[0]!.test;
    expect(respekt.computed && [respekt.method.startsWith('mann-whitney'), respekt.n]).toEqual([true, 15]);
  });

  it("Holm's adjustment runs over the questionnaire's own tests, in order", () => {
    const raw: number[] = [];
    const adjusted: (number | null)[] = [];
    for (const v of analysis.views) {
      for (const g of v.byGroup) {
        if (g.test.computed) raw.push(g.test.pValue);
        adjusted.push(g.adjusted);
      }
      if (v.byAttainment.test.computed) raw.push(v.byAttainment.test.pValue);
      adjusted.push(v.byAttainment.adjusted);
    }
    expect(adjusted.filter((p) => p !== null)).toEqual(holm(raw));
  });

  it('too few answers is a not-computed result with the minimum, through the minimums of analyse', () => {
    const strict = analyse(compile(smallPlan, cohort()), { by: ['gender'], minimums: { groupTotal: 20 } });
    const test = strict.views.find((v) => v.id === 'rekommendera')!.byGroup[0]!.test;
    expect(test).toEqual({ computed: false, n: 15, reason: 'too_few', params: { n: 15, minimum: 20 } });
    // An item nobody answered: fewer than two groups with an answer.
    const none = strict.views.find((v) => v.id === 'lyssnad')!.byAttainment.test;
    expect(!none.computed && [none.reason, none.params.what]).toEqual(['too_few', 'groups']);
  });

  it('a plan without a questionnaire has no views in its analysis', () => {
    const { clientViews: _, ...plan } = smallPlan;
    expect(analyse(compile(plan, [])).views).toEqual([]);
  });
});

describe('report: the section Klienternas synpunkter', () => {
  const compilation = compile(smallPlan, cohort());

  for (const k of [1, 3, 5]) {
    it(`k = ${k}: no count from 1 to k − 1 is shown, and a share only where its answers' totals are`, () => {
      const model = buildReport(compilation, { k, by: ['gender'] });
      const section = model.sections.find((s) => s.id === 'views')!;
      expect(section.title).toBe('Klienternas synpunkter');
      for (const table of section.tables) {
        for (const row of table.rows) {
          for (const cell of row.cells) {
            if (cell.kind === 'count' && 'value' in cell.value) expect(cell.value.value === 0 || cell.value.value >= k).toBe(true);
          }
        }
      }
      const summary = section.tables[0]!;
      summary.rows.forEach((row, i) => {
        const item = section.tables[i + 1]!;
        const shown = row.cells[1]?.kind === 'share' && !('suppressed' in row.cells[1].share);
        const totalsShown = item.rows.every((r) => {
          const total = r.cells.at(-1);
          return total?.kind === 'count' && 'value' in total.value;
        });
        if (shown) expect(totalsShown).toBe(true);
      });
      // The sentence gives the share only when the table does: 53 % (8 of 15) for respekt.
      const sentence = section.text!.find((s) => s.includes('bemött med respekt') && s.includes('%'));
      const respektShown = summary.rows[0]!.cells[1]?.kind === 'share' && !('suppressed' in summary.rows[0]!.cells[1].share);
      expect(sentence !== undefined).toBe(respektShown);
      if (respektShown) expect(sentence).toContain('53');
    });
  }

  it('words the findings in English on request', () => {
    const model = buildReport(compilation, { k: 1, locale: 'en', by: ['gender'] });
    const section = model.sections.find((s) => s.id === 'views')!;
    expect(section.title).toBe("Clients' views");
    expect(section.text).toContain(
      '53% of the 15 who answered at closing answered “agree completely or agree to a large extent” to “I have been treated with respect” (95% confidence interval 30–75%).',
    );
    // The link of respekt with attainment, a trend over the ordered levels (Kendall's τ_b, exact p 0.00031,
    // 0.001 after Holm over the 4 tests), is established; a sentence of its own, with n.
    expect(section.text).toContain(
      "The link between the answers to “I have been treated with respect” (at closing) and goal attainment is statistically established: Kendall's tau-b (trend test, exact distribution), p = 0.001, adjusted by Holm's method, n = 15.",
    );
    // Tests that find nothing are one sentence (issue 12 item 4), the details below: both recommend tests (Holm p = 0.081).
    expect(section.text!.filter((s) => s.includes('could be shown') || s.includes('cannot be statistically established'))).toEqual([
      'No differences in the views between the groups or between the levels of goal attainment could be shown (the 2 tests are shown in the table below).',
    ]);
    const details = section.tables.find((t) => t.id === 'views-tests')!;
    expect(details.rows.map((r) => r.label)).toEqual([
      'The difference between the genders in the answers to “Would you recommend the intervention to someone in a similar situation?” (at closing)',
      'The link between the answers to “Would you recommend the intervention to someone in a similar situation?” (at closing) and goal attainment',
    ]);
    expect(details.rows[0]!.cells).toEqual([
      { kind: 'text', text: "Fisher's exact test" },
      { kind: 'text', text: "0.081 (adjusted by Holm's method)" },
      { kind: 'number', value: 15, n: 15, digits: 0, suppressed: false },
    ]);
  });

  it('in Swedish, one sentence for the tests that find nothing; with k = 5 the details give no n, as the item tables hide answer totals', () => {
    const section = buildReport(compilation, { k: 5, by: ['gender'] }).sections.find((s) => s.id === 'views')!;
    expect(section.text!.filter((s) => s.startsWith('Inga skillnader'))).toEqual([
      'Inga skillnader i synpunkterna mellan grupperna eller mellan nivåerna av måluppfyllelse kunde visas (de 2 testen redovisas i tabellen nedan).',
    ]);
    expect(section.text!.some((s) => s.includes('går inte att säkerställa'))).toBe(false);
    const details = section.tables.find((t) => t.id === 'views-tests')!;
    expect(details.rows.map((r) => r.cells[2])).toEqual(details.rows.map(() => ({ kind: 'number', value: null, n: 0, digits: 0, suppressed: true })));
  });
});

describe('report: the client views when the flow hides the unclassified (Björkebo: 2 of 32 closed)', () => {
  const plan = parsePlan(bjorkeboExamplePlan);
  const compilation = compile(plan, bjorkeboCohort(plan));
  const views = (k: number) => buildReport(compilation, { k }).sections.find((s) => s.id === 'views')!;
  const countOf = (c: ReportCell | undefined) => (c?.kind === 'count' && 'value' in c.value ? c.value.value : undefined);

  it('k = 5: count the classified only, say so, and the items add up to the attainment table (30 classified)', () => {
    const section = views(5);
    expect(section.text![0]).toBe('Synpunkterna redovisas för dem som bedömdes på skalan för måluppfyllelse. Svaren från de avslutade som inte kunde bedömas redovisas inte, för att skydda enskilda.');
    const items = section.tables.filter((t) => t.id.startsWith('views-after-'));
    expect(items.length).toBe(6);
    for (const t of items) expect(t.columns).toEqual(['Positiv förändring och målet uppfyllt', 'Positiv förändring men målet inte uppfyllt', 'Ingen förändring', 'Negativ förändring', 'Totalt']);
    // The truth behind them: each item's classified answers add up to the 30 classified, by level 12, 9, 7, 2.
    const item = tabulate(compilation).total.views[0]!;
    const classified = [...item.answers, ...(item.dontKnow ? [item.dontKnow] : []), item.notAnswered];
    expect(ATTAINMENT_LEVELS.map((l) => classified.reduce((n, a) => n + a.byLevel[l], 0))).toEqual([12, 9, 7, 2]);
    // The shown share positive is among the classified who answered (information: 15 of 25).
    const summary = section.tables.find((t) => t.id === 'views-summary')!;
    const info = summary.rows.find((r) => r.key === 'after-information')!;
    expect(countOf(info.cells[0])).toBe(25);
    const all = tabulate(compilation).total.views.find((v) => v.id === 'information')!;
    expect(all.answered - all.answers.reduce((n, a) => n + a.byLevel.unclassified, 0)).toBe(25);
  });

  it('k = 2: the 2 unclassified are shown in the flow, and the items keep their column "Ej bedömd" and everyone closed', () => {
    const section = views(2);
    expect(section.text![0]).not.toMatch(/^Synpunkterna redovisas för dem som bedömdes/);
    const respekt = section.tables.find((t) => t.id === 'views-after-respekt')!;
    expect(respekt.columns.slice(4)).toEqual(['Ej bedömd', 'Totalt']);
    const totals = respekt.rows.map((r) => countOf(r.cells[5]));
    if (totals.every((t) => t !== undefined)) expect(totals.reduce((a, b) => a! + b!, 0)).toBe(32);
  });
});
