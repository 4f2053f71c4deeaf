import type { Compilation } from '../compile/schema.js';
import { bannerText, toModel, type ReportModel, type ReportOptions } from './model.js';
import { checkReportOptions } from './_lib/input.js';
import { chartSpecsFor, LEVEL_COLOURS, SMILEY_STROKE, type ReportChart } from './charts.js';
import { renderSvg } from './svg.js';
import { LEVEL_SMILEYS, REPORT_LABELS as L, smileyOf } from './labels.js';
import { cellText, escapeHtml as e } from './_lib/cell.js';
import type { ReportTable } from './protect.js';
import type { Locale } from '../core/locale.js';

/** @internal The internal report's banner: fixed at the top of the screen and of every printed page. */
export const INTERNAL_CSS = `.internal-banner{position:fixed;top:0;left:0;right:0;margin:0;padding:.3em 1em;background:#7a0019;color:#fff;font-weight:bold;text-align:center;z-index:10}body{padding-top:2.4em}@media print{.internal-banner{position:fixed}}`;

/** @internal The report's style sheet (a constant, so a page that shows the report can allow it by its hash). */
export const REPORT_CSS = `dl.about{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0 0 1em}dl.about dt{font-weight:600}dl.about dd{margin:0}

:root { color-scheme: light; }
body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 190mm; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 1.6em; }
.summary { background: #f3f6fa; border-left: 4px solid #4c78a8; padding: .6em 1em; }
.cautions { background: #fdf6e3; border-left: 4px solid #d9a400; padding: .6em 1em; }
table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .9em; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding-bottom: .3em; }
th, td { border-bottom: 1px solid #ddd; padding: .25em .6em; }
th { background: #f5f5f5; text-align: left; }
td.num { text-align: right; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .85em; color: #555; }
.chart-narrow { display: none; }
.table-box { max-width: 100%; overflow-x: auto; }
.nw { white-space: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.note { font-size: .85em; color: #555; }
@media (max-width: 40em) {
  body { margin: 1em auto; padding: 0 .75em; }
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
  dl.about { grid-template-columns: 1fr; }
  dl.about dd { margin-bottom: .4em; }
  th, td { padding: .25em .35em; }
  table { font-size: .85em; }
}
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .chart-wide { display: block; }
  .chart-narrow { display: none; }
  h2 { break-after: avoid; }
  caption { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  .table-box { overflow: visible; }
}
`;

/** A cell's text as HTML: a share keeps its percentage with its interval, and its n, each on one line. */
function cellHtml(cell: ReportTable['rows'][number]['cells'][number], locale: Locale): string {
  const text = cellText(cell, locale);
  if (cell.kind !== 'share') return e(text);
  return text
    .split(', ')
    .map((part) => `<span class="nw">${e(part)}</span>`)
    .join(', ');
}

/**
 * A goal-attainment level's smiley as inline SVG in the level's colour (no emoji font needed),
 * with its text alternative, or '' for a name that is not a level's.
 */
function smileyHtml(name: string, locale: Locale): string {
  const smiley = smileyOf(name, locale);
  if (smiley === undefined) return '';
  const colour = LEVEL_COLOURS[Object.values(LEVEL_SMILEYS).indexOf(smiley)]!;
  return `<svg class="smiley" viewBox="-1.1 -1.1 2.2 2.2" width="1.15em" height="1.15em" style="vertical-align:-.22em;margin-right:.3em" role="img" aria-label="${e(smiley.alt[locale])}"><title>${e(smiley.alt[locale])}</title><path d="${smiley.path}" fill="${colour}" stroke="${SMILEY_STROKE}" stroke-width="0.08"/></svg>`;
}

/**
 * A table in its own box, which scrolls sideways inside the page if the table is wider than
 * a phone. A caption that repeats the section's heading is kept for screen readers only.
 */
function tableHtml(table: ReportTable, locale: Locale, heading: string, smileys: boolean): string {
  const head = `<tr><th scope="col">${e(L.group[locale])}</th>${table.columns.map((c) => `<th scope="col">${smileys ? smileyHtml(c, locale) : ''}${e(c)}</th>`).join('')}</tr>`;
  const rows = table.rows
    .map((r) => `<tr><th scope="row">${e(r.label)}</th>${r.cells.map((c) => `<td class="${c.kind === 'text' ? 'text' : 'num'}">${cellHtml(c, locale)}</td>`).join('')}</tr>`)
    .join('\n');
  const caption = table.title === heading ? `<caption class="visually-hidden">${e(table.title)}</caption>` : `<caption>${e(table.title)}</caption>`;
  // What was regrouped before suppression, below the table.
  const note = table.note === undefined ? '' : `\n<p class="note">${e(table.note)}</p>`;
  return `<div class="table-box"><table id="table-${e(table.id)}">${caption}\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody></table></div>${note}`;
}

/**
 * Renders a report as one self-contained HTML file: the summary, what the
 * numbers cannot say, the charts inline as SVG (drawn with vega from
 * {@link chartSpecs}), and every protected table. No scripts, fonts,
 * images or styles are loaded from anywhere (no network requests); the
 * page prints on A4. Each chart is a `<figure class="chart">` with a
 * caption.
 *
 * @param input - a compilation, or a report from {@link buildReport}
 * @param options - language, small-cell threshold, breakdowns (for a compilation); `smileys`: the pilot's smileys beside the goal-attainment levels in the tables and the chart legend (also for a report model)
 * @returns the HTML document
 * @throws UppfoljningError when `options.by` names an unknown dimension
 *
 * @example
 * ```ts
 * (await renderHtml(compilation, { locale: 'en' })).startsWith('<!DOCTYPE html>');
 * // => true
 * (await renderHtml(compilation, { smileys: true })).includes('aria-label="mycket glad gubbe"');
 * // => true
 * ```
 */
export async function renderHtml(input: Compilation | ReportModel, options: ReportOptions = {}): Promise<string> {
  const model = toModel(input, options);
  const locale = model.locale;
  const smileys = checkReportOptions(options).smileys === true;
  // Each chart is drawn twice, at the width of a page and of a phone; the style sheet shows one.
  const charts = chartSpecsFor(model, 'wide', { smileys });
  const narrow = new Map(chartSpecsFor(model, 'narrow', { smileys }).map((c) => [c.id, c]));
  const svgs = new Map<ReportChart, { wide: string; narrow: string }>();
  for (const chart of charts) {
    svgs.set(chart, { wide: await renderSvg(chart.spec), narrow: await renderSvg((narrow.get(chart.id) ?? chart).spec) });
  }
  // The caption is the title (and what a dashed box means); the description, which names every value and every hidden part, is the figure's text alternative.
  const figure = (c: ReportChart) =>
    `<figure class="chart" id="chart-${e(c.id)}" role="img" aria-label="${e(c.description)}">\n<div class="chart-wide" aria-hidden="true">${svgs.get(c)!.wide}</div>\n<div class="chart-narrow" aria-hidden="true">${svgs.get(c)!.narrow}</div>\n<figcaption>${e(c.title)}.${c.description.includes(L.hiddenMark[locale]) ? ` ${e(L.hiddenKey[locale])}` : ''}</figcaption></figure>`;
  const banner = bannerText(model);
  const body: string[] = [
    // An internal report says on every page (fixed, so printed on each) that it must not be published.
    ...(banner === undefined ? [] : [`<p class="internal-banner" role="note">${e(banner)}</p>`]),
    `<h1>${e(model.title)}</h1>`,
    ...(model.header.length === 0 ? [] : [`<dl class="about">\n${model.header.map((h) => `<dt>${e(h.label)}</dt><dd>${e(h.text)}</dd>`).join('\n')}\n</dl>`]),
    `<section class="summary"><h2>${e(L.summary[locale])}</h2>\n<p>${model.summary.map(e).join(' ')}</p></section>`,
  ];
  if (model.cautions.length > 0) {
    body.push(`<section class="cautions"><h2>${e(L.cautions[locale])}</h2>\n<ul>${model.cautions.map((s) => `<li>${e(s)}</li>`).join('\n')}</ul></section>`);
  }
  if (model.tests.length > 0) {
    body.push(`<section class="tests"><h2>${e(L.statisticalTests[locale])}</h2>\n<ul>${model.tests.map((s) => `<li>${e(s)}</li>`).join('\n')}</ul></section>`);
  }
  for (const section of model.sections) {
    if (section.tables.length === 0) continue;
    body.push(`<section id="section-${section.id}"><h2>${e(section.title)}</h2>`);
    for (const chart of charts.filter((c) => c.section === section.id)) body.push(figure(chart));
    if (section.text !== undefined && section.text.length > 0) body.push(`<ul>${section.text.map((s) => `<li>${e(s)}</li>`).join('\n')}</ul>`);
    for (const table of section.tables) body.push(tableHtml(table, locale, section.title, smileys));
    body.push('</section>');
  }
  if (model.sections.some((s) => s.tables.some((t) => t.suppressed))) {
    body.push(`<p class="note">${e(L.suppressedNote[locale].replace('{k}', String(model.k)))}</p>`);
  }
  body.push(`<p class="note">${e(L.generated[locale])}</p>`);
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(model.title)}</title>
<style>${REPORT_CSS}${banner === undefined ? '' : INTERNAL_CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
