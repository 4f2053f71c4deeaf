import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, compile, findingText, parsePlan, tabulate, type Finding } from '../../src/index.js';
import { protectedFindings } from '../../src/report/_lib/summary.js';
import {
  buildReport,
  chartSpecs,
  formatNumber,
  formatPercent,
  protectReportTable,
  renderCsv,
  renderHtml,
  renderMarkdown,
  renderSvg,
  renderText,
} from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { REPORT_DATE } from '../../examples/bjorkebo-fcra/run.js';

const plan = parsePlan(bjorkeboPlan);
const records = bjorkeboCohort(plan);
const compilation = compile(plan, records);

describe('formatNumber and formatPercent', () => {
  it('write numbers the Swedish way in Swedish and the English way in English', () => {
    // Swedish conventions (Språkrådet, Myndigheternas skrivregler): decimal comma, space between
    // thousands, space before %. Intl's sv-SE uses U+00A0 for the thousands space and U+2212 for minus.
    expect(formatNumber(2.25, 'sv', 2)).toBe('2,25');
    expect(formatNumber(12345, 'sv', 0)).toBe('12\u00a0345');
    expect(formatNumber(-1.5, 'sv')).toBe('\u22121,5');
    expect(formatNumber(2.25, 'en', 2)).toBe('2.25');
    expect(formatPercent(0.7234, 'sv')).toBe('72\u00a0%');
    expect(formatPercent(0.7234, 'en')).toBe('72%');
    // 13/30 = 0.4333… → 43 %
    expect(formatPercent(13 / 30)).toBe('43\u00a0%');
  });
});

describe('protectReportTable', () => {
  it('suppresses counts 1 to k−1, shows zeros, and suppresses shares and statistics resting on few', () => {
    const t = protectReportTable({
      id: 't',
      title: 'T',
      columns: ['a', 'b', 'c', 'd', 'e'],
      rows: [
        {
          key: 'r',
          label: 'R',
          cells: [
            { kind: 'count', value: 3 },
            { kind: 'count', value: 0 },
            { kind: 'share', count: 6, n: 8, lower: 0.4, upper: 0.93 },
            { kind: 'number', value: 2.5, n: 4, digits: 1 },
            { kind: 'share', count: 7, n: 12, lower: 0.32, upper: 0.81 },
          ],
        },
      ],
    });
    expect(t.rows[0]!.cells).toEqual([
      { kind: 'count', value: { suppressed: 'primary' } },
      { kind: 'count', value: { value: 0 } },
      // 6 of 8 tells that 2 did not: hidden like a count of 2.
      { kind: 'share', share: { suppressed: 'primary', because: 'complement' }, lower: null, upper: null },
      { kind: 'number', value: null, n: 4, digits: 1, suppressed: true },
      { kind: 'share', share: { share: 7 / 12, numerator: 7, denominator: 12 }, lower: 0.32, upper: 0.81 },
    ]);
    expect(t.suppressed).toBe(true);
  });

  it('in an additive block with a published row total, hides a second cell so the small one cannot be worked out', () => {
    // 12 + 9 + 7 + 2 = 30 with n = 30 shown: hiding only the 2 would reveal it as 30 − 12 − 9 − 7.
    const t = protectReportTable({
      id: 't',
      title: 'T',
      columns: ['l1', 'l2', 'l3', 'l4', 'n'],
      rows: [{ key: 'r', label: 'R', cells: [12, 9, 7, 2, 30].map((value) => ({ kind: 'count' as const, value })) }],
      additive: [0, 1, 2, 3],
      rowTotal: 4,
    });
    const hidden = t.rows[0]!.cells.slice(0, 4).filter((c) => c.kind === 'count' && 'suppressed' in c.value);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(t.rows[0]!.cells[3]).toEqual({ kind: 'count', value: { suppressed: 'primary' } });
  });

  it('the flow: hides the number selected, not the number started, when few never started', () => {
    // Björkebo flow: selected 40 = never started 1 + started 39; started 39 = withdrawn 5 + ongoing 2 +
    // unclassified 2 + classified 30; closed 32 = 2 + 30. The 39 who started can be read off other
    // tables (the main problems add up to it), so hiding it would not protect the 1: the 40 is hidden
    // instead. The whole report's protection then hides more, since other tables undo the flow's small
    // cells: the 30 classified are the attainment tables' n, so unclassified = 32 − 30 would follow. Of
    // the two, the 32 closed is hidden (with the follow-up's closed, which is the same number, and one
    // more of its row); the client views count the classified only (views.ts), so they do not give the
    // 32 back. Then ongoing + unclassified = 39 − 5 − 30 = 4 is known, and each lies in 0..4, which is
    // safe as long as nothing says either is at least 1: the caution "Några avslutade kunde inte
    // bedömas …" would put the unclassified within 1..4, so it is left out (cheaper than hiding the 5).
    const flow = buildReport(compilation).sections[0]!.tables[0]!;
    const shown = Object.fromEntries(flow.rows.map((r) => [r.key, r.cells[0]!.kind === 'count' ? r.cells[0]!.value : null]));
    expect(shown).toEqual({
      selected: { suppressed: 'secondary' },
      notStarted: { suppressed: 'primary' },
      started: { value: 39 },
      withdrawn: { value: 5 },
      ongoing: { suppressed: 'primary' },
      closed: { suppressed: 'secondary' },
      unclassified: { suppressed: 'primary' },
      classified: { value: 30 },
    });
    expect(buildReport(compilation).cautions.some((c) => c.includes('kunde inte bedömas'))).toBe(false);
    const mainProblems = buildReport(compilation).sections.find((s) => s.id === 'target')!.tables[0]!;
    const sum = mainProblems.rows.reduce((a, r) => a + (r.cells[0]!.kind === 'count' && 'value' in r.cells[0]!.value ? r.cells[0]!.value.value : NaN), 0);
    expect(sum).toBe(39);
  });

  it('shows everything with k = 1', () => {
    const t = protectReportTable({ id: 't', title: 'T', columns: ['a'], rows: [{ key: 'r', label: 'R', cells: [{ kind: 'count', value: 1 }] }] }, 1);
    expect(t.rows[0]!.cells[0]).toEqual({ kind: 'count', value: { value: 1 } });
  });
});

describe('buildReport', () => {
  it('protects the summary: no sentence shows a count of 1–4 people or a count the flow table hides', () => {
    const model = buildReport(compilation);
    // The result in words first, the means before and after as the summary table prints them.
    expect(model.summary[0]).toBe(
      'Egen tilltro till fortsatt drogfrihet/nykterhet om 1 år steg i genomsnitt från 2,3 till 3,2 (skala 1–5) bland de 30 som mättes både före och efter; förändringen går att säkerställa statistiskt.',
    );
    expect(model.summary.slice(1, 5)).toEqual([
      // Selected (40) is not published, as it would reveal 1 never started: who started, and the 30 classified (shown in the flow).
      '39 klienter påbörjade insatsen; 30 av dem kunde bedömas på skalan för måluppfyllelse när insatsen avslutats.',
      // Neither "fewer than 5" (it would put the hidden count within 1–4) nor the number: that there were some.
      'Några utvalda har inte påbörjat insatsen (antalet visas inte, för att skydda enskilda).',
      expect.stringMatching(/^5 av 39 som påbörjade \(13\s%\) avfördes från uppföljningen under insatsen \(sammanbrott 5\)\.$/),
      expect.stringMatching(/^13 av 30 \(43\s%, 95\s% konfidensintervall 27\s%–61\s%\) nådde sitt mål\.$/),
    ]);
    expect(model.summary.join(' ')).not.toMatch(/[Ff]ärre än/);
    expect(model.summary.join(' ')).not.toMatch(/\b40\b|\b32\b|avböjt 1/);
    expect(model.cautions.at(-1)).toMatch(/^\d+ påståenden ur analysen visas inte, för att skydda enskilda: de bygger på färre än 5 personer eller på tal som tabellerna döljer\.$/);
  });

  it('writes the summary from the analysis’ findings, never by hand (k = 1: every finding as the analysis words it)', () => {
    const a = analyse(compilation);
    const model = buildReport(compilation, { locale: 'en', k: 1 }, a);
    // The background and dose tests are said in their own section (with every n shown at k = 1).
    const inSection = (f: Finding) => f.code === 'background_test' || f.code === 'dose_test' || (f.code === 'not_tested' && (f.params.test === 'background' || f.params.test === 'dose'));
    const all = a.findings.filter((f) => !inSection(f)).map((f) => findingText(f, 'en'));
    expect(model.sections.find((s) => s.id === 'background')!.text).toEqual(a.findings.filter(inSection).map((f) => findingText(f, 'en')));
    const shown = [...model.summary, ...model.tests, ...model.cautions];
    expect(shown.filter((s) => all.includes(s)).sort()).toEqual(all.sort());
    // Besides the findings' own sentences, the summary says the change and what the subgroup tests found, in words.
    expect(shown.filter((s) => !all.includes(s))).toEqual([
      'Own confidence in staying sober/drug-free in one year rose on average from 2.3 to 3.2 (scale 1–5) among the 30 measured both before and after; the change is statistically established.',
      'No differences in goal attainment or change between the age bands, between the genders, by earlier substance-misuse treatment, by main substance, by housing before moving in or by sessions attended could be statistically established.',
    ]);
    // Tests are supporting detail, below the summary.
    expect(model.tests.every((s) => !model.summary.includes(s))).toBe(true);
    expect(model.tests.length).toBe(a.findings.filter((f) => ['paired_test', 'subgroup_test', 'subgroup_change_test'].includes(f.code)).length);
    // The summary says how many were followed and left, the share who reached their goal with n.
    expect(model.summary[1]).toMatch(/^40 clients were selected/);
    expect(model.summary.some((s) => /reached their goal/.test(s))).toBe(true);
    expect(model.cautions.some((s) => /no comparison group/.test(s))).toBe(true);
  });

  it('with k = 1 shows the compilation’s own counts', () => {
    const model = buildReport(compilation, { k: 1 });
    const flow = model.sections[0]!.tables[0]!;
    const total = tabulate(compilation).total.flow;
    const shown = Object.fromEntries(flow.rows.map((r) => [r.key, r.cells[0]!.kind === 'count' && 'value' in r.cells[0]!.value ? r.cells[0]!.value.value : null]));
    expect(shown).toEqual({
      selected: total.selected,
      notStarted: total.notStarted,
      started: total.started,
      withdrawn: total.withdrawn,
      ongoing: total.ongoing,
      closed: total.closed,
      unclassified: total.unclassified,
      classified: total.classified,
    });
  });

  it('does not change the compilation (property over sub-cohorts)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: records.length }), fc.integer({ min: 1, max: 6 }), async (size, k) => {
        // Back to the event loop between runs (a synchronous stretch over 60 s makes vitest's worker RPC time out under load).
        await new Promise((resolve) => setImmediate(resolve));
        const c = compile(plan, records.slice(0, size));
        const copy = structuredClone(c);
        const model = buildReport(c, { k });
        renderMarkdown(model);
        renderCsv(model);
        chartSpecs(model);
        expect(c).toEqual(copy);
      }),
      { numRuns: 15 },
    );
  });
});

describe('renderers', () => {
  const model = buildReport(compilation);

  it('Markdown: summary first, suppressed values as .., shares with interval and n', () => {
    const md = renderMarkdown(model);
    // Without the plan and a date, the header has what the compilation knows: the intervention and how many started.
    expect(md.split('\n').slice(0, 6)).toEqual([
      '# Björkebo – Förstärkt CRA (F-CRA)',
      '',
      '- **Insats:** F-CRA med boende på Björkebo',
      '- **Följda klienter:** 39 som påbörjade insatsen',
      '',
      '## Sammanfattning',
    ]);
    // Goal met, total: 13 of 30 → 43 %. Wilson 95 % interval by hand (Newcombe 1998, method 3), z = 1.96, p = 13/30:
    // centre = (p + z²/2n)/(1 + z²/n) = (0.43333 + 0.06403)/1.12805 = 0.44091;
    // half = z·√(p(1−p)/n + z²/4n²)/(1 + z²/n) = 1.96·√(0.0081852 + 0.0010671)/1.12805 = 0.16714 → 0.2738–0.6080 → 27–61 %.
    // Published, levels 3 and 4 (7 and 2) are hidden; n and the share are shown. The unit's own report shows all.
    expect(md).toContain('| Totalt | 12 | 9 | .. | .. | 30 | 43\u00a0% (27–61\u00a0%), n\u00a0=\u00a030 |');
    expect(renderMarkdown(buildReport(compilation, { audience: 'internal' }))).toContain('| Totalt | 12 | 9 | 7 | 2 | 30 | 43\u00a0% (27–61\u00a0%), n\u00a0=\u00a030 |');
    expect(md).toContain('.. = uppgiften visas inte för att skydda enskilda: den bygger på färre än 5 personer, eller är dold för att ett så litet tal inte ska kunna räknas fram ur rapportens övriga uppgifter.');
  });

  it('CSV: tidy rows, ; and decimal comma in Swedish, suppressed values empty and flagged, never 0', () => {
    const files = renderCsv(model);
    const flow = files.find((f) => f.name === 'flow.csv')!.text.split('\r\n');
    expect(flow[0]).toBe('\ufeffrad;kolumn;antal;n;varde;nedre;ovre;undertryckt;text');
    expect(flow[1]).toBe('Utvalda;Antal;;;;;;ja;');
    expect(flow[2]).toBe('Påbörjade aldrig;Antal;;;;;;ja;');
    expect(flow[3]).toBe('Påbörjade insatsen;Antal;39;;;;;nej;');
    const total = files.find((f) => f.name === 'attainment-total.csv')!.text.split('\r\n');
    expect(total.at(-2)).toMatch(/^Totalt;Målet uppfyllt;13;30;0,4333\d*;0,27\d*;0,60\d*;nej;$/);
    expect(total.find((l) => l.startsWith('Totalt;Negativ förändring;'))).toBe('Totalt;Negativ förändring;;;;;;ja;');
    const internal = renderCsv(compilation, { audience: 'internal' }).find((f) => f.name === 'attainment-total.csv')!.text.split('\r\n');
    expect(internal.at(-2)).toMatch(/^Totalt;Målet uppfyllt;13;30;0,4333\d*;0,27\d*;0,60\d*;nej;$/);
    const en = renderCsv(compilation, { locale: 'en', audience: 'internal' }).find((f) => f.name === 'attainment-total.csv')!.text;
    expect(en).toMatch(/Total,Goal met,13,30,0\.4333\d*,0\.27\d*,0\.60\d*,false,/);
  });

  it('charts: one spec per question, data only from protected cells', () => {
    const charts = chartSpecs(model);
    // No 'primary': Björkebo's distribution is hidden whole beside its printed mean and SD (protect.ts, moments), so nothing is drawn.
    expect(charts.map((c) => c.id)).toEqual(['flow', 'attainment', 'during-urinprov', 'during-utandningsprov']);
    const attainment = charts[1]!.spec as unknown as { data: { values: { group: string; level: string; count: number }[] } };
    // A group is drawn with its n shown: the total 12, 9 and one span for the hidden 7 + 2; women (n = 10) have every level hidden, one grey span.
    expect(attainment.data.values.filter((v) => v.group === 'Totalt').map((v) => [v.level, v.count])).toEqual([
      ['Positiv förändring och målet uppfyllt', 12],
      ['Positiv förändring men målet inte uppfyllt', 9],
      ['Visas inte (..)', 9],
    ]);
    expect(attainment.data.values.filter((v) => v.group === 'Kvinna').map((v) => [v.level, v.count])).toEqual([['Visas inte (..)', 10]]);
    // The unit's own report draws them all: total 12, 9, 7, 2.
    const internal = chartSpecs(buildReport(compilation, { audience: 'internal' }))[1]!.spec as unknown as { data: { values: { group: string; level: string; count: number }[] } };
    expect(internal.data.values.filter((v) => v.group === 'Totalt').map((v) => v.count)).toEqual([12, 9, 7, 2]);
  });

  it('charts: a hidden part is an outlined "visas inte" mark in its own place, never data and never zero', () => {
    const charts = chartSpecs(model);
    type Seg = { group: string; level: string; start: number; end: number; count: number; hidden: boolean; mark: string };
    // With k = 2 the whole report's protection leaves Kvinna (n = 10) at 4, 3, .., ..: the hidden span starts where
    // 4 + 3 = 7 ends (7/10) and runs to 1. 45+ år (n = 10) is .., 3, .., 2: where level 2's 3 would start depends on the
    // hidden level 1, so levels 1–3 are one span (0 to 8/10) and the shown 2 of level 4 keeps its own place at the end.
    // 30–44 år (n = 8) has no shown level that can be placed: one span over the whole bar. No segment is ever drawn for a
    // hidden level as if it were 0.
    const k2 = chartSpecs(buildReport(compilation, { k: 2 }));
    const segs = (k2[1]!.spec as unknown as { data: { values: Seg[] } }).data.values;
    const of = (group: string) => segs.filter((s) => s.group === group).map((s) => [s.count, s.start, s.end, s.hidden]);
    expect(of('Kvinna')).toEqual([
      [4, 0, 4 / 10, false],
      [3, 4 / 10, 7 / 10, false],
      [3, 7 / 10, 1, true],
    ]);
    expect(of('45+ år')).toEqual([
      [8, 0, 8 / 10, true],
      [2, 8 / 10, 1, false],
    ]);
    expect(of('30–44 år')).toEqual([[8, 0, 1, true]]);
    expect(segs.filter((s) => s.hidden).every((s) => s.level === 'Visas inte (..)')).toBe(true);
    // The text alternative names every level, hidden ones as "visas inte".
    expect(k2[1]!.description).toContain('Kvinna (n = 10): Positiv förändring och målet uppfyllt 4; Positiv förändring men målet inte uppfyllt 3; Ingen förändring visas inte; Negativ förändring visas inte');
    // The flow: Utvalda and Avslutade are hidden, drawn in their place as a fixed-size outlined box, with no count.
    const flow = (charts[0]!.spec as unknown as { data: { values: { step: string; count: number | null; hidden: boolean }[] } }).data.values;
    expect(flow.map((v) => [v.step, v.count])).toEqual([
      ['Utvalda', null],
      ['Påbörjade insatsen', 39],
      ['Avförda under insatsen', 5],
      ['Avslutade', null],
      ['Bedömda på skalan', 30],
    ]);
    expect(charts[0]!.description).toBe('Utvalda: visas inte; Påbörjade insatsen: 39; Avförda under insatsen: 5; Avslutade: visas inte; Bedömda på skalan: 30');
    // Urine tests, pooled 4 weeks by 4 (regroup.ts): weeks 17–20 are hidden, drawn as one box over their own weeks,
    // and the line is broken there (the period after it starts a new segment).
    const weeks = (charts[2]!.spec as unknown as { data: { values: { week: number; from: number; to: number; hidden: boolean; segment: number }[] } }).data.values;
    expect(weeks.map((w) => [w.from, w.to, w.hidden, w.segment])).toEqual([
      [0.5, 4.5, false, 1],
      [4.5, 8.5, false, 1],
      [8.5, 12.5, false, 1],
      [12.5, 16.5, false, 1],
      [16.5, 20.5, true, 0],
      [20.5, 24.5, false, 2],
    ]);
    expect(charts[2]!.description).toBe('Andel negativa prov vecka för vecka med 95 % konfidensintervall (5 perioder); vecka 17–20 visas inte.');
  });

  it('charts: category names are wrapped whole, never cut, and every tick is labelled', async () => {
    const svg = await renderSvg(chartSpecs(model)[1]!.spec);
    // The legend writes "Positiv förändring men målet inte uppfyllt" on lines, not shortened with an ellipsis.
    expect(svg).not.toContain('…');
    const text = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<tspan[^>]*>/g, ' ').replace(/<\/tspan>/g, '').trim());
    for (const level of ['Positiv förändring och målet uppfyllt', 'Positiv förändring men målet inte uppfyllt', 'Ingen förändring', 'Negativ förändring']) {
      expect(text).toContain(level);
    }
    for (const tick of ['0', '20', '40', '60', '80', '100']) expect(text).toContain(`${tick}\u00a0%`);
  });

  it('SVG: vega renders every chart without a browser', async () => {
    for (const chart of chartSpecs(model)) {
      const svg = await renderSvg(chart.spec);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('role-mark');
    }
  });

  it('HTML: self-contained (no external resources), every chart inline, English on request', async () => {
    const html = await renderHtml(compilation, { locale: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
    // Each chart drawn twice, for a page and for a phone (the style sheet shows one).
    expect(html.match(/<svg /g)).toHaveLength(8);
    expect(html.match(/<div class="chart-narrow"/g)).toHaveLength(4);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
    expect(html).not.toMatch(/\b(src|href)=["']?https?:/);
    expect(html).toContain('@page { size: A4');
    expect(html).not.toMatch(/bk-\d\d-/); // no client ids
  });
});

describe('renderText', () => {
  it('prints the same protected values as the Markdown, aligned, with the .. note', () => {
    const model = buildReport(compilation);
    const text = renderText(model);
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Björkebo – Förstärkt CRA (F-CRA)', '════════════════════════════════']);
    // The goal-attainment total as in the Markdown test: 12, 9, .., .., and n and the share shown.
    const totalRow = lines.find((l) => l.startsWith('Totalt '))!;
    expect(totalRow.split(/\s{2,}/)).toEqual(['Totalt', '12', '9', '..', '..', '30', '43\u00a0% (27–61\u00a0%), n\u00a0=\u00a030']);
    expect(lines.at(-1)).toBe('.. = uppgiften visas inte för att skydda enskilda: den bygger på färre än 5 personer, eller är dold för att ett så litet tal inte ska kunna räknas fram ur rapportens övriga uppgifter.');
    // Every protected table is printed.
    for (const table of model.sections.flatMap((s) => s.tables)) expect(text).toContain(table.title);
  });

  it('English on request, from a compilation directly', () => {
    expect(renderText(compilation, { locale: 'en' })).toContain('What the numbers cannot say:');
  });
});

describe('the summary under protection (findings made by hand, k = 5)', () => {
  type Of<C extends Finding['code']> = Extract<Finding, { readonly code: C }>;
  const finding = <C extends Finding['code']>(code: C, params: Of<C>['params'], caution = true): Finding => ({ code, caution, params }) as Of<C>;
  const notStarted = finding('not_started', { count: 7, waiting: 3, withdrawnBeforeStart: 4, reasons: [{ code: 'declined', count: 4 }] });

  it('not started: the total when it may be shown, never the small parts', () => {
    const { texts } = protectedFindings([notStarted], 5, 'sv');
    expect(texts.get(notStarted)).toBe('7 utvalda har inte påbörjat insatsen.');
  });

  it('not started, hidden in the flow table (secondary): no number at all', () => {
    const { texts } = protectedFindings([notStarted], 5, 'en', new Set(['notStarted']));
    expect(texts.get(notStarted)).toBe('Some selected clients have not started the intervention (the number is not shown, to protect individuals).');
  });

  it('withdrawn, hidden in the flow table although 6: no number', () => {
    const withdrawn = finding('withdrawn', { count: 6, started: 30, share: 0.2, reasons: [{ code: 'breakdown', count: 6 }] });
    const { texts } = protectedFindings([withdrawn], 5, 'sv', new Set(['withdrawn']));
    expect(texts.get(withdrawn)).toBe('Några avfördes från uppföljningen under insatsen (antalet visas inte, för att skydda enskilda).');
  });

  it('withdrawn: the reasons are read as counts of people, shown only when none of them is small', () => {
    const oneSmall = finding('withdrawn', { count: 6, started: 30, share: 0.2, reasons: [{ code: 'breakdown', count: 5 }, { code: 'moved', count: 1 }] });
    expect(protectedFindings([oneSmall], 5, 'sv').texts.get(oneSmall)).toBe('6 avfördes från uppföljningen under insatsen.');
    const none = finding('withdrawn', { count: 11, started: 30, share: 11 / 30, reasons: [{ code: 'breakdown', count: 5 }, { code: 'moved', count: 6 }] });
    // Nothing small: the analysis' own sentence, reasons and all.
    expect(protectedFindings([none], 5, 'en').texts.get(none)).toBe(findingText(none, 'en'));
    expect(findingText(none, 'en')).toMatch(/\(breakdown 5, moved 6\)\.$/);
    // Hidden in the flow table: no number, and no reasons either.
    expect(protectedFindings([none], 5, 'en', new Set(['withdrawn'])).texts.get(none)).toBe(
      'Some were withdrawn from the follow-up during the intervention (the number is not shown, to protect individuals).',
    );
  });

  it('not started: a small reason behind "withdrawn before the start" is enough to give the total alone', () => {
    const f = finding('not_started', { count: 12, waiting: 6, withdrawnBeforeStart: 6, reasons: [{ code: 'moved', count: 1 }, { code: 'declined', count: 5 }] });
    expect(findingText(f, 'sv')).toBe('12 utvalda har inte påbörjat insatsen: 6 väntar fortfarande på att börja och 6 avfördes före start (flyttat 1, avböjt 5).');
    expect(protectedFindings([f], 5, 'sv').texts.get(f)).toBe('12 utvalda har inte påbörjat insatsen.');
    const large = finding('not_started', { count: 12, waiting: 6, withdrawnBeforeStart: 6, reasons: [{ code: 'declined', count: 6 }] });
    expect(protectedFindings([large], 5, 'sv').texts.get(large)).toBe(findingText(large, 'sv'));
  });

  it('unclassified: a small reason is not shown, the total is', () => {
    const u = finding('unclassified', { count: 6, reasons: [{ code: 'missing_before', count: 1 }, { code: 'missing_after', count: 5 }] });
    expect(findingText(u, 'sv')).toBe('6 avslutade kunde inte bedömas: 1 saknar mätning före, 5 saknar mätning efter.');
    expect(protectedFindings([u], 5, 'sv').texts.get(u)).toBe('6 avslutade kunde inte bedömas på skalan.');
  });

  it('a test not run on 3 pairs is withheld and counted, as is anything resting on 1–4 people', () => {
    const notTested = finding('not_tested', {
      test: 'paired',
      instrument: { sv: 't', en: 't' },
      n: 3,
      zeros: 1,
      result: { computed: false, n: 3, reason: 'too_few', params: { n: 3, minimum: 6 } },
    });
    const { texts, withheld } = protectedFindings([notTested], 5, 'sv');
    expect(texts.has(notTested)).toBe(false);
    expect(withheld).toBe(1);
  });

  it('with k = 1 every finding reads as the analysis words it', () => {
    const { texts } = protectedFindings([notStarted], 1, 'sv');
    expect(texts.get(notStarted)).toBe(findingText(notStarted, 'sv'));
  });
});

describe('goal-met shares across linked tables', () => {
  it('a share that would give away a hidden one by subtraction is hidden too (Björkebo: 13 of 30 − 9 of 20 = 4 of 10 women)', () => {
    const [totalTable, byGender, byAge] = buildReport(compilation).sections[1]!.tables;
    const goal = (t: typeof totalTable, i: number) => t!.rows[i]!.cells[5]!;
    const shown = (t: typeof totalTable, i: number) => {
      const c = goal(t, i);
      return c.kind === 'share' && !('suppressed' in c.share) ? [c.share.numerator, c.share.denominator] : null;
    };
    expect(byGender!.rows.map((r) => r.label)).toEqual(['Kvinna', 'Man']);
    // The total's share is shown: 13 of 30.
    expect(shown(totalTable, 0)).toEqual([13, 30]);
    expect(shown(byGender, 0)).toBeNull(); // 4 of 10: primary
    expect(shown(byGender, 1)).toBeNull(); // 9 of 20: would give the 4
    expect(goal(byGender, 1)).toEqual({ kind: 'share', share: { suppressed: 'secondary' }, lower: null, upper: null });
    // By age band: one share shown; the other two hidden together, so neither follows from 13 − 7.
    const ages = byAge!.rows.map((_, i) => shown(byAge, i));
    expect(ages.filter((a) => a === null).length).not.toBe(1);
  });
});

describe('the paired test beside hidden levels of attainment', () => {
  it('does not say how many pairs did not change when the total table hides a level (Björkebo: 12 | 9 | .. | .. of 30, and 7 without change would give 7 and 2)', () => {
    const model = buildReport(compilation);
    const levels = model.sections[1]!.tables[0]!.rows[0]!.cells.slice(0, 4);
    expect(levels.map((c) => (c.kind === 'count' && !('suppressed' in c.value) ? c.value.value : '..'))).toEqual([12, 9, '..', '..']);
    const paired = model.tests.find((t) => t.startsWith('Förändringen i'));
    expect(paired).toMatch(/n = 30 par;/);
    expect(model.tests.join(' ')).not.toMatch(/utan förändring/);
    // With every level shown (k = 1) the sentence keeps them.
    expect(buildReport(compilation, { k: 1 }).tests.join(' ')).toMatch(/varav 7 utan förändring, som inte ingår i testet/);
  });
});

describe('the header and the result in words', () => {
  it('opens with the plan’s question, target group, intervention and period, how many were followed and the date the caller gave', () => {
    const model = buildReport(compilation, { plan, date: '2020-01-15' });
    expect(model.header).toEqual([
      { label: 'Frågeställning', text: plan.question },
      { label: 'Målgrupp', text: plan.targetGroup },
      { label: 'Insats', text: 'F-CRA med boende på Björkebo' },
      { label: 'Period', text: '2018-11-01 – 2019-12-31' },
      { label: 'Följda klienter', text: '39 som påbörjade insatsen' },
      { label: 'Rapportdatum', text: '2020-01-15' },
    ]);
    expect(renderText(model).split('\n').slice(3, 9).map((l) => l.split(':')[0])).toEqual(['Frågeställning', 'Målgrupp', 'Insats', 'Period', 'Följda klienter', 'Rapportdatum']);
  });

  it('refuses a plan that is not the compilation’s, and a date that is not a date', () => {
    expect(() => buildReport(compilation, { plan: { ...plan, id: 'annan-plan' } })).toThrow(/plan_mismatch|annan-plan/);
    expect(() => buildReport(compilation, { date: '15/1/2020' })).toThrow(/date/);
  });

  it('does not say the number who started when the flow table hides it', () => {
    // k = 40: every count of 1–39 is hidden, the 39 who started among them.
    const model = buildReport(compilation, { k: 40 });
    expect(model.header.map((h) => h.label)).toEqual(['Insats']);
  });

  it('prints the change only as the protected table of the primary measure shows it', () => {
    // k = 31: the means rest on 30 people each and are hidden, so the sentence is left out.
    const hidden = buildReport(compilation, { k: 31 });
    const primary = hidden.sections.find((s) => s.id === 'primary')!.tables[0]!;
    expect(primary.rows.find((r) => r.key === 'change')!.cells[1]).toMatchObject({ suppressed: true });
    expect(hidden.summary.join(' ')).not.toMatch(/i genomsnitt från/);
    // k = 30: the means rest on 30 people and may be shown by that rule, but every count of the
    // distribution is hidden, and a mean beside it is an equation on its counts: the whole report's
    // protection withholds the means and SDs, and the sentence gives the change alone.
    const k30 = buildReport(compilation, { k: 30 });
    expect(k30.summary[0]).toMatch(/^Egen tilltro .* steg i genomsnitt med 0,9 \(skala 1–5\) bland de 30/);
    expect(k30.sections.find((s) => s.id === 'primary')!.tables[0]!.rows.find((r) => r.key === 'after')!.cells[1]).toMatchObject({ suppressed: true });
    expect(buildReport(compilation, { audience: 'internal' }).summary[0]).toMatch(/^Egen tilltro .* steg i genomsnitt från 2,3 till 3,2/);
  });

  it('words a subgroup test for a reader: one sentence for what found nothing, one for what found a difference', () => {
    const a = analyse(compilation);
    const test = (dimension: 'gender' | 'ageBand', pValue: number): Finding => ({
      code: 'subgroup_test',
      caution: false,
      params: { dimension, method: 'fisher-exact', pValue, unadjustedPValue: pValue, adjusted: false, tests: 1 },
    });
    const findings = [...a.findings.filter((f) => !['subgroup_test', 'subgroup_change_test', 'background_test', 'dose_test'].includes(f.code)), test('gender', 0.01), test('ageBand', 0.4)];
    const model = buildReport(compilation, { locale: 'sv' }, { ...a, findings });
    expect(model.summary.slice(-2)).toEqual([
      'Inga skillnader i måluppfyllelse eller förändring mellan åldersgrupperna kunde säkerställas statistiskt.',
      'Skillnader mellan könen gick att säkerställa statistiskt (se de statistiska testen nedan).',
    ]);
    expect(model.tests.filter((t) => t.startsWith('Skillnaden i måluppfyllelse'))).toEqual([
      'Skillnaden i måluppfyllelse mellan könen går att säkerställa statistiskt: Fishers exakta test, p = 0,01.',
      'Skillnaden i måluppfyllelse mellan åldersgrupperna går inte att säkerställa statistiskt: Fishers exakta test, p = 0,4.',
    ]);
  });
});

describe('docs/reports.md', () => {
  it('shows the Björkebo summary paragraph exactly as the code writes it, in Swedish and English', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'reports.md'), 'utf8');
    for (const locale of ['sv', 'en'] as const) {
      const inDoc = doc.match(new RegExp(`<!-- summary:${locale} -->\\n([^]*?)\\n<!-- /summary:${locale} -->`))?.[1];
      expect(inDoc, locale).toBe(buildReport(compilation, { locale, plan, date: REPORT_DATE }).summary.join(' '));
    }
  });
});
