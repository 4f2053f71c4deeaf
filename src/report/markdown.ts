import type { Locale } from '../core/locale.js';
import { bannerText, toModel, type ReportModel, type ReportOptions } from './model.js';
import { checkReportOptions } from './_lib/input.js';
import type { ReportTable } from './protect.js';
import { REPORT_LABELS as L, smileyOf } from './labels.js';
import { cellText } from './_lib/cell.js';
import { markdownText as md } from './_lib/escape.js';
import type { Compilation } from '../compile/schema.js';


/** @internal One protected table as a Markdown table. */
export function markdownTable(table: ReportTable, locale: Locale, smileys = false): string {
  // With the pilot's smileys, a level's column starts with its face (an emoji, which a screen reader names).
  const face = (c: string) => (smileys ? smileyOf(c, locale)?.emoji : undefined);
  const head = `| ${[md(L.group[locale]), ...table.columns.map((c) => [face(c), md(c)].filter(Boolean).join(' '))].join(' | ')} |`;
  const rule = `|${[':--', ...table.columns.map(() => '--:')].join('|')}|`;
  const rows = table.rows.map((r) => `| ${[r.label, ...r.cells.map((c) => cellText(c, locale))].map(md).join(' | ')} |`);
  // What was regrouped before suppression, below the table.
  const note = table.note === undefined ? [] : ['', `_${md(table.note)}_`];
  return [`**${md(table.title)}**`, '', head, rule, ...rows, ...note].join('\n');
}

/**
 * Renders a report as Markdown: the summary, what the numbers cannot say,
 * and every section's protected tables, numbers written the locale's way.
 * Every label and sentence is escaped (raw HTML as entities, Markdown
 * specials with a backslash), so a plan label cannot inject markup.
 * Charts are not drawn in Markdown; use {@link renderHtml} or
 * {@link chartSpecs}.
 *
 * @param input - a compilation, or a report from {@link buildReport}
 * @param options - language, small-cell threshold, breakdowns (for a compilation); `smileys`: the pilot's smileys (emoji) before the goal-attainment levels' names in the tables (also for a report model)
 * @returns the Markdown text
 * @throws UppfoljningError when `options.by` names an unknown dimension
 *
 * @example
 * ```ts
 * renderMarkdown(compilation).split('\n')[0];
 * // => '# Björkebo – Förstärkt CRA (F-CRA)'
 * ```
 */
export function renderMarkdown(input: Compilation | ReportModel, options: ReportOptions = {}): string {
  const model = toModel(input, options);
  const locale = model.locale;
  const smileys = checkReportOptions(options).smileys === true;
  const header = model.header.length === 0 ? [] : [...model.header.map((h) => `- **${md(h.label)}:** ${md(h.text)}`), ''];
  const banner = bannerText(model);
  const out: string[] = [...(banner === undefined ? [] : [`> **${md(banner)}**`, '']), `# ${md(model.title)}`, '', ...header, `## ${L.summary[locale]}`, '', model.summary.map(md).join(' '), ''];
  if (model.cautions.length > 0) out.push(`## ${L.cautions[locale]}`, '', ...model.cautions.map((s) => `- ${md(s)}`), '');
  if (model.tests.length > 0) out.push(`## ${L.statisticalTests[locale]}`, '', ...model.tests.map((s) => `- ${md(s)}`), '');
  for (const section of model.sections) {
    if (section.tables.length === 0) continue;
    out.push(`## ${md(section.title)}`, '');
    if (section.text !== undefined && section.text.length > 0) out.push(...section.text.map((s) => `- ${md(s)}`), '');
    for (const table of section.tables) out.push(markdownTable(table, locale, smileys), '');
  }
  if (model.sections.some((s) => s.tables.some((t) => t.suppressed))) {
    out.push(`_${md(L.suppressedNote[locale].replace('{k}', String(model.k)))}_`, '');
  }
  out.push(`_${md(L.generated[locale])}_`, '');
  return out.join('\n');
}
