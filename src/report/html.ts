import type { Compilation } from '../compile/schema.js';
import { bannerText, toModel, type ReportModel, type ReportOptions } from './model.js';
import { chartSpecs, type ReportChart } from './charts.js';
import { renderSvg } from './svg.js';
import { REPORT_LABELS as L } from './labels.js';
import { cellText, escapeHtml as e } from './_lib/cell.js';
import type { ReportTable } from './protect.js';
import type { Locale } from '../core/locale.js';

/** @internal The report's style sheet (a constant, so a page that shows the report can allow it by its hash). */
/** @internal The internal report's banner: fixed at the top of the screen and of every printed page. */
export const INTERNAL_CSS = `.internal-banner{position:fixed;top:0;left:0;right:0;margin:0;padding:.3em 1em;background:#7a0019;color:#fff;font-weight:bold;text-align:center;z-index:10}body{padding-top:2.4em}@media print{.internal-banner{position:fixed}}`;

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
td.num { text-align: right; white-space: nowrap; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85em; color: #555; }
.note { font-size: .85em; color: #555; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
}
`;

function tableHtml(table: ReportTable, locale: Locale): string {
  const head = `<tr><th scope="col">${e(L.group[locale])}</th>${table.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr>`;
  const rows = table.rows
    .map((r) => `<tr><th scope="row">${e(r.label)}</th>${r.cells.map((c) => `<td class="${c.kind === 'text' ? 'text' : 'num'}">${e(cellText(c, locale))}</td>`).join('')}</tr>`)
    .join('\n');
  // What was regrouped before suppression, below the table.
  const note = table.note === undefined ? '' : `\n<p class="note">${e(table.note)}</p>`;
  return `<table id="table-${e(table.id)}"><caption>${e(table.title)}</caption>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody></table>${note}`;
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
 * @param options - language, small-cell threshold, breakdowns (for a compilation)
 * @returns the HTML document
 * @throws UppfoljningError when `options.by` names an unknown dimension
 *
 * @example
 * ```ts
 * (await renderHtml(compilation, { locale: 'en' })).startsWith('<!DOCTYPE html>');
 * // => true
 * ```
 */
export async function renderHtml(input: Compilation | ReportModel, options: ReportOptions = {}): Promise<string> {
  const model = toModel(input, options);
  const locale = model.locale;
  const charts = chartSpecs(model);
  const svgs = new Map<ReportChart, string>();
  for (const chart of charts) svgs.set(chart, await renderSvg(chart.spec));
  const figure = (c: ReportChart) =>
    `<figure class="chart" id="chart-${e(c.id)}" role="img" aria-label="${e(c.description)}">\n${svgs.get(c)}\n<figcaption>${e(c.title)}. ${e(c.description)}</figcaption></figure>`;
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
    for (const table of section.tables) body.push(tableHtml(table, locale));
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
