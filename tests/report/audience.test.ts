import { describe, expect, it } from 'vitest';
import { compile, parsePlan } from '../../src/index.js';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText } from '../../src/report/index.js';
import { REPORT_LABELS } from '../../src/report/labels.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

const plan = parsePlan(bjorkeboPlan);
const compilation = compile(plan, bjorkeboCohort(plan));
const SV = REPORT_LABELS.internalBanner.sv;
const EN = REPORT_LABELS.internalBanner.en;

describe("the report's audience", () => {
  it('published (the default) hides the one client who never started; internal shows that 1', () => {
    const flowLine = (audience?: 'published' | 'internal') =>
      renderCsv(compilation, audience ? { audience } : {})[0]!.text.split('\r\n').find((l) => l.startsWith('Påbörjade aldrig'));
    // Björkebo: 40 selected, 39 started, so 1 never started (a count below k = 5)
    expect(flowLine()).toBe('Påbörjade aldrig;Antal;;;;;;ja;');
    expect(flowLine('published')).toBe(flowLine());
    expect(flowLine('internal')).toBe('Påbörjade aldrig;Antal;1;;;;;nej;');
    expect(renderCsv(compilation, { audience: 'internal' })[0]!.text).toContain('Utvalda;Antal;40;');
  });

  it('internal hides no cell anywhere, published does', () => {
    const hidden = (audience: 'published' | 'internal') =>
      buildReport(compilation, { audience }).sections.flatMap((s) => s.tables).filter((t) => t.suppressed).length;
    expect(hidden('published')).toBeGreaterThan(0);
    expect(hidden('internal')).toBe(0);
    expect(buildReport(compilation, { audience: 'internal', k: 10 }).k).toBe(1);
    expect(buildReport(compilation).audience).toBe('published');
  });

  it('an internal report carries the banner in HTML, Markdown, text and every CSV file; a published one nowhere', async () => {
    const internal = { audience: 'internal' } as const;
    const html = await renderHtml(compilation, internal);
    expect(html).toContain(`<p class="internal-banner" role="note">${SV}</p>`);
    expect(html).toContain('.internal-banner{position:fixed');
    expect(renderMarkdown(compilation, internal).split('\n')[0]).toBe(`> **${SV}**`);
    expect(renderText(compilation, internal).split('\n')[0]).toBe(`*** ${SV} ***`);
    const files = renderCsv(compilation, internal);
    // the Swedish banner has a comma, so it is one quoted field on a row of its own
    for (const f of files) expect(f.text.split('\r\n')[0]).toBe(`\ufeff"${SV}"`);
    expect(renderText(compilation, { ...internal, locale: 'en' }).split('\n')[0]).toBe(`*** ${EN} ***`);
    expect(renderCsv(compilation, { ...internal, locale: 'en' })[0]!.text.split('\r\n')[0]).toBe(`\ufeff"${EN}"`);
    for (const text of [await renderHtml(compilation), renderMarkdown(compilation), renderText(compilation), ...renderCsv(compilation).map((f) => f.text)]) {
      expect(text).not.toContain(SV);
      expect(text).not.toContain('internal-banner');
    }
  });

  it('rejects an unknown audience, naming the option and the value', () => {
    expect(() => buildReport(compilation, { audience: 'public' as 'published' })).toThrow(/audience/);
  });
});
