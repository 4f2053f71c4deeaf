// Issue 12, numbers inside sentences: every integer a sentence of the report
// prints (summary, tests, cautions, section texts, table notes, header) is a
// count the protected tables show, or of a kind listed in ALLOWED
// (sentence-numbers.ts); no count from 1 to k − 1; counts of 1 000 and more
// written as the tables write them. Over random cohorts (a few here, 200 in
// sentence-numbers.slow.test.ts) and on the Björkebo example doubled up to
// 163 840 clients.
import { describe, expect, it } from 'vitest';
import { analyse, compile, mergeCompilations, parsePlan, type Compilation } from '../../src/index.js';
import { buildReport, type ReportModel } from '../../src/report/index.js';
import { countText } from '../../src/locales/count.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { randomCohort, randomCohortPlan } from '../privacy/random-cohort.js';
import { cohortProblems, sentenceProblems, sentencesOf, shownCounts } from './sentence-numbers.js';

describe('numbers inside sentences', () => {
  it('on a few random cohorts: every count a sentence prints is a shown cell, none below k', async () => {
    const problems = [];
    for (let i = 0; i < 8; i++) {
      // Back to the event loop between cohorts, so that a long test does not starve vitest's worker messages.
      await new Promise((resolve) => setImmediate(resolve));
      problems.push(...cohortProblems(i * 7 + 1));
    }
    expect(problems).toEqual([]);
  });

  it('the check can fail: a hidden count, a count below k and an ungrouped count are each found', () => {
    const compilation = compile(randomCohortPlan, randomCohort(3).records);
    const model = buildReport(compilation, { locale: 'sv', plan: randomCohortPlan });
    expect(sentenceProblems(model)).toEqual([]);
    const shownValues = new Set(model.sections.flatMap((s) => s.tables.flatMap((t) => [...shownCounts(t)])));
    const notShown = [...Array(500).keys()].find((n) => n >= model.k && !shownValues.has(n))!;
    const broken: ReportModel = { ...model, summary: [...model.summary, `${notShown} avfördes.`, 'Färre än 5 avfördes, 3 av dem efter en vecka.', '200000 klienter följdes.'] };
    const whys = sentenceProblems(broken).map((p) => `${p.value}: ${p.why}`);
    expect(whys).toEqual([`${notShown}: not a count the tables show`, '3: a count below k = 5', '200000: not grouped as the tables write counts', '200000: not a count the tables show']);
  });

  it('Björkebo: the attrition caution gives the means without n, and is left out when it would tell a hidden count is within 1..k − 1', () => {
    const plan = parsePlan(bjorkeboPlan);
    const compilation = compile(plan, bjorkeboCohort(plan));
    // 5 withdrawn: at k = 5 the means (the primary table shows before and among those who stayed), at k = 10 words alone.
    expect(buildReport(compilation, { k: 5 }).cautions).toContain(
      'De som avfördes hade före insatsen i genomsnitt 2,6 på egen tilltro till fortsatt drogfrihet/nykterhet om 1 år, de som stannade 2,3: resultaten gäller dem som stannade, och bortfallet kan dölja sämre utfall.',
    );
    // At k = 10 the 5 are hidden, and the report's numbers leave them within 0..9: any sentence on those withdrawn
    // (even in words alone) would tell there were some, putting them within 1..9, so the joint protection leaves the
    // caution out and counts it among the statements not shown.
    const k10 = buildReport(compilation, { k: 10, locale: 'en' });
    expect(k10.cautions.filter((c) => c.startsWith('Those withdrawn'))).toEqual([]);
    expect(k10.cautions.at(-1)).toMatch(/^\d+ statements of the analysis are not shown, to protect individuals/);
    expect(sentenceProblems(k10)).toEqual([]);
  });

  describe('a large compilation (Björkebo doubled 12 times: 163 840 clients selected)', () => {
    const plan = parsePlan(bjorkeboPlan);
    let compilation: Compilation = compile(plan, bjorkeboCohort(plan));
    for (let i = 0; i < 12; i++) compilation = mergeCompilations([compilation, compilation]);
    const analysis = analyse(compilation);

    for (const locale of ['sv', 'en'] as const) {
      it(`${locale}: counts in sentences are written as the tables write them, and are the tables' counts`, () => {
        const model = buildReport(compilation, { locale, plan, date: '2021-06-15' }, analysis);
        expect(sentenceProblems(model)).toEqual([]);
        const texts = sentencesOf(model).map((s) => s.text);
        // No run of four or more digits outside a date: every large count is grouped.
        const raw = texts.flatMap((t) => t.replace(/\d{4}-\d{2}-\d{2}/g, '').match(/\d{4,}/g) ?? []).filter((d) => !/^(19|20)\d\d$/.test(d));
        expect(raw).toEqual([]);
        // The header's number who started is the flow table's cell, in the same form.
        const started = model.sections[0]!.tables[0]!.rows.find((r) => r.key === 'started')!.cells[0]!;
        const startedCount = started.kind === 'count' && !('suppressed' in started.value) ? started.value.value : NaN;
        expect(startedCount).toBeGreaterThan(100_000);
        expect(model.header.find((h) => h.text.includes(countText(startedCount, locale)))).toBeDefined();
        expect(countText(startedCount, locale)).toMatch(locale === 'sv' ? /^\d{3}\u00a0\d{3}$/ : /^\d{3},\d{3}$/);
        // And the summary's first sentence names those measured both before and after the same way.
        expect(model.summary[0]).toMatch(locale === 'sv' ? /bland de \d{1,3}(\u00a0\d{3})+ som/ : /among the \d{1,3}(,\d{3})+ measured/);
      });
    }
  });
});
