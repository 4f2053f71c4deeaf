import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, parsePlan, UppfoljningError } from '../../src/index.js';
import { buildReport, chartSpecs, LEVEL_LABELS, renderHtml, renderMarkdown, renderSvg, type ReportModel } from '../../src/report/index.js';
import { LEVEL_SMILEYS } from '../../src/report/labels.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { cli } from '../helpers/cli.js';

// The pilot's smileys beside the four goal-attainment levels (issue 12 item 5): off by default;
// with `smileys: true` in the HTML tables (inline SVG with a text alternative), the attainment
// chart's legend (each level's face as its symbol, named in the description) and Markdown's
// tables (emoji); nothing else changes.

const plan = parsePlan(bjorkeboPlan);
const compilation = compile(plan, bjorkeboCohort(plan));
const reports = { sv: buildReport(compilation, { locale: 'sv' }), en: buildReport(compilation, { locale: 'en' }) };
const LEVELS = Object.keys(LEVEL_LABELS) as (keyof typeof LEVEL_LABELS)[];

/** How many table columns over the whole report name a level, counted from the model itself. */
const levelColumns = (model: ReportModel) =>
  model.sections.flatMap((s) => s.tables.flatMap((t) => t.columns)).filter((c) => LEVELS.some((l) => LEVEL_LABELS[l][model.locale] === c)).length;

/** The report's tables only (the charts' SVG left out). */
const tablesOf = (html: string) => html.match(/<table[\s\S]*?<\/table>/g) ?? [];

describe('smileys (the pilot’s faces for the goal-attainment levels)', () => {
  it('are off by default: no face in the HTML, the Markdown or the chart legend', async () => {
    const html = await renderHtml(reports.sv);
    expect(html).not.toContain('<svg class="smiley"');
    expect(renderMarkdown(reports.sv)).not.toMatch(/😄|🙂|😐|🙁/u);
    const attainment = chartSpecs(reports.sv).find((c) => c.id === 'attainment')!;
    expect(JSON.stringify(attainment.spec)).not.toContain(LEVEL_SMILEYS.no_change.path);
    expect(attainment.description).not.toMatch(/gubb/);
  });

  it.each(['sv', 'en'] as const)('stand before every level column of the HTML tables, with a text alternative (%s)', async (locale) => {
    const model = reports[locale];
    const columns = levelColumns(model);
    expect(columns).toBeGreaterThanOrEqual(8);
    const html = await renderHtml(model, { smileys: true });
    const faces = html.match(/<svg class="smiley"[^>]*>[\s\S]*?<\/svg>/g) ?? [];
    expect(faces).toHaveLength(columns);
    for (const level of LEVELS) {
      const { alt, path } = LEVEL_SMILEYS[level];
      // The face, its name for a screen reader and as a tooltip, then the level's name, in one header cell.
      expect(html).toContain(`role="img" aria-label="${alt[locale]}"><title>${alt[locale]}</title><path d="${path}"`);
      expect(html).toMatch(new RegExp(`<th scope="col"><svg class="smiley"[^>]*aria-label="${alt[locale]}">[\\s\\S]*?</svg>${LEVEL_LABELS[level][locale]}</th>`));
    }
    // Nothing else in the tables changes.
    const strip = (t: string) => t.replace(/<svg class="smiley"[^>]*>[\s\S]*?<\/svg>/g, '');
    expect(tablesOf(html).map(strip)).toEqual(tablesOf(await renderHtml(model)));
  });

  it('stand before the level names in Markdown’s tables as emoji, and change nothing else', () => {
    const plain = renderMarkdown(reports.sv);
    const md = renderMarkdown(reports.sv, { smileys: true });
    expect(md).toContain('| Grupp | 😄 Positiv förändring och målet uppfyllt | 🙂 Positiv förändring men målet inte uppfyllt | 😐 Ingen förändring | 🙁 Negativ förändring | n |');
    expect(md.match(/😄|🙂|😐|🙁/gu)).toHaveLength(levelColumns(reports.sv));
    expect(md.replace(/(?:😄|🙂|😐|🙁) /gu, '')).toBe(plain);
  });

  it('are the symbols of the attainment chart’s legend, in the levels’ order, and its description names them', async () => {
    for (const locale of ['sv', 'en'] as const) {
      const chart = chartSpecs(reports[locale], { smileys: true }).find((c) => c.id === 'attainment')!;
      const layer = (chart.spec as unknown as { layer: { encoding?: { color?: { legend?: { encoding?: { symbols?: { shape?: { condition: { test: string; value: string }[] } } } } } } }[] }).layer[0]!;
      const conditions = layer.encoding!.color!.legend!.encoding!.symbols!.shape!.condition;
      expect(conditions).toEqual(LEVELS.map((l) => ({ test: `datum.value === ${JSON.stringify(LEVEL_LABELS[l][locale])}`, value: LEVEL_SMILEYS[l].path })));
      for (const l of LEVELS) expect(chart.description).toContain(`${LEVEL_SMILEYS[l].alt[locale]}: ${LEVEL_LABELS[l][locale]}`);
      // Only the attainment chart changes.
      const others = (m: ReturnType<typeof chartSpecs>) => m.filter((c) => c.id !== 'attainment');
      expect(others(chartSpecs(reports[locale], { smileys: true }))).toEqual(others(chartSpecs(reports[locale])));
    }
    // vega draws the faces as the legend's symbols: four paths of four parts each (face, eyes, mouth) where the plain legend has squares.
    const faces = (svg: string) => (svg.match(/<path[^>]*d="[^"]*"/g) ?? []).filter((p) => (p.match(/M/g) ?? []).length === 4).length;
    expect(faces(await renderSvg(chartSpecs(reports.sv, { smileys: true })[1]!.spec))).toBe(4);
    expect(faces(await renderSvg(chartSpecs(reports.sv)[1]!.spec))).toBe(0);
  });

  it('are one path each, in a box from −1 to 1, with face, two eyes and a mouth', () => {
    for (const l of LEVELS) {
      const { path } = LEVEL_SMILEYS[l];
      expect(path).toMatch(/^(?:[MALZ][-\d.,]*)+$/);
      expect(path.match(/M/g)).toHaveLength(4);
      const numbers = path.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
      expect(Math.max(...numbers.map(Math.abs))).toBeLessThanOrEqual(1);
    }
    expect(new Set(LEVELS.map((l) => LEVEL_SMILEYS[l].path)).size).toBe(4);
  });

  it('refuse an option that is not true or false, naming it', async () => {
    await expect(renderHtml(reports.sv, { smileys: 'ja' as unknown as boolean })).rejects.toThrow(UppfoljningError);
    expect(() => renderMarkdown(reports.sv, { smileys: 1 as unknown as boolean })).toThrow(/smileys/);
    expect(() => chartSpecs(reports.sv, { smileys: 'yes' as unknown as boolean })).toThrow(/smileys/);
  });

  it('are asked for on the command line with --smileys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uppfoljning-smileys-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify(compilation));
    expect((await cli('report', file, '--format', 'md', '--smileys', '--out', join(dir, 'r.md'))).code).toBe(0);
    expect((await cli('report', file, '--format', 'md', '--out', join(dir, 'plain.md'))).code).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('😄 Positiv förändring och målet uppfyllt');
    expect(readFileSync(join(dir, 'plain.md'), 'utf8')).not.toContain('😄');
    expect((await cli('report', file, '--format', 'html', '--smileys', '--out', join(dir, 'r.html'), '--lang', 'en')).code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('aria-label="very happy face"');
  });
});
