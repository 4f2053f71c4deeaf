import type { Compilation } from '../compile/schema.js';
import type { Locale } from '../core/locale.js';
import { bannerText, toModel, type ReportModel, type ReportOptions } from './model.js';
import type { ReportTable } from './protect.js';
import { REPORT_LABELS as L } from './labels.js';
import { cellText } from './_lib/cell.js';
import { plainText as t } from './_lib/escape.js';

/** @internal One protected table as aligned plain text: labels left, values right. */
export function textTable(table: ReportTable, locale: Locale): string {
  const lines = [[L.group[locale], ...table.columns], ...table.rows.map((r) => [r.label, ...r.cells.map((c) => cellText(c, locale))])].map((line) =>
    line.map(t),
  );
  const width = lines[0]!.map((_, c) => Math.max(...lines.map((line) => (line[c] ?? '').length)));
  const pad = (line: readonly string[]) =>
    line.map((cell, c) => (c === 0 ? cell.padEnd(width[c]!) : cell.padStart(width[c]!))).join('  ').trimEnd();
  const rule = width.map((w) => '─'.repeat(w)).join('  ');
  // What was regrouped before suppression, below the table.
  const note = table.note === undefined ? [] : [t(table.note)];
  return [t(table.title), rule, pad(lines[0]!), rule, ...lines.slice(1).map(pad), ...note].join('\n');
}

/**
 * Renders a report as plain text for a terminal or a log: the summary, what
 * the numbers cannot say, and every section's protected tables with aligned
 * columns. Like the other renderers it reads only the report model, so
 * every value shown has passed small-cell protection (`..` marks a hidden
 * value).
 *
 * @param input - a compilation, or a report from {@link buildReport}
 * @param options - language, small-cell threshold, breakdowns (for a compilation)
 * @returns the text, lines separated by `\n`
 * @throws UppfoljningError when `options.by` names an unknown dimension
 *
 * @example
 * ```ts
 * renderText(compilation, { locale: 'en' }).split('\n')[0];
 * // => 'Björkebo – Förstärkt CRA (F-CRA)'
 * ```
 */
export function renderText(input: Compilation | ReportModel, options: ReportOptions = {}): string {
  const model = toModel(input, options);
  const locale = model.locale;
  const heading = (s: string) => [s, '═'.repeat(s.length)];
  const header = model.header.length === 0 ? [] : [...model.header.map((h) => `${t(h.label)}: ${t(h.text)}`), ''];
  const banner = bannerText(model);
  const out: string[] = [...(banner === undefined ? [] : [`*** ${banner} ***`, '']), ...heading(t(model.title)), '', ...header, `${L.summary[locale]}:`, model.summary.map(t).join(' '), ''];
  if (model.cautions.length > 0) out.push(`${L.cautions[locale]}:`, ...model.cautions.map((s) => `- ${t(s)}`), '');
  if (model.tests.length > 0) out.push(`${L.statisticalTests[locale]}:`, ...model.tests.map((s) => `- ${t(s)}`), '');
  for (const section of model.sections) {
    if (section.text !== undefined && section.text.length > 0) out.push(`${t(section.title)}:`, ...section.text.map((s) => `- ${t(s)}`), '');
    for (const table of section.tables) out.push(textTable(table, locale), '');
  }
  if (model.sections.some((s) => s.tables.some((t) => t.suppressed))) {
    out.push(L.suppressedNote[locale].replace('{k}', String(model.k)));
  }
  return out.join('\n').trimEnd();
}
