/**
 * Presentation for the example's console: a plain-text table of the compiled
 * results. (The library's own renderers live behind `uppfoljning/report`.)
 */
import { analyse, findingText, tabulate, type Compilation, type GroupRow, type Locale, type Share } from '../../src/index.js';

const pct = (s: Share, locale: Locale) =>
  s.share.computed ? `${Math.round(s.share.estimate * 100)}${locale === 'sv' ? ' %' : '%'}` : '–';

const med = (row: GroupRow, which: 'before' | 'after', locale: Locale) => {
  const d = row.primary[which];
  if (!d.computed || !d.quantiles.computed) return '–';
  return d.quantiles.median.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB');
};

/** The compiled table as text, one line per group. */
export function printTable(rows: readonly GroupRow[], locale: Locale): string {
  const sv = locale === 'sv';
  const head = sv
    ? ['Grupp', 'Urval', 'Startat', 'Avförda', 'Avslutade', 'Klassade', '+ mål', '+', '0', '−', 'Mål nått', 'Md före', 'Md efter']
    : ['Group', 'Selected', 'Started', 'Withdrawn', 'Closed', 'Classified', '+ goal', '+', '0', '−', 'Goal met', 'Md before', 'Md after'];
  const lines = rows.map((r) => {
    const l = r.attainment.levels;
    return [
      r.label[locale],
      r.flow.selected,
      r.flow.started,
      r.flow.withdrawn + r.flow.withdrawnBeforeStart,
      r.flow.closed,
      r.flow.classified,
      `${l.positive_goal_met.count} (${pct(l.positive_goal_met, locale)})`,
      `${l.positive_goal_not_met.count} (${pct(l.positive_goal_not_met, locale)})`,
      `${l.no_change.count} (${pct(l.no_change, locale)})`,
      `${l.negative_change.count} (${pct(l.negative_change, locale)})`,
      `${pct(r.attainment.goalMet, locale)} (n=${r.attainment.goalMet.n})`,
      med(r, 'before', locale),
      med(r, 'after', locale),
    ].map(String);
  });
  const all = [head, ...lines];
  const width = head.map((_, c) => Math.max(...all.map((line) => line[c]!.length)));
  return all.map((line) => line.map((cell, c) => (c === 0 ? cell.padEnd(width[c]!) : cell.padStart(width[c]!))).join('  ')).join('\n');
}

/** A short Markdown report of the follow-up. */
export function markdownReport(compilation: Compilation, locale: Locale): string {
  const analysis = analyse(compilation);
  const sv = locale === 'sv';
  const rows = [analysis.total, ...tabulate(compilation, { by: ['gender'] }).rows, ...tabulate(compilation, { by: ['ageBand'] }).rows];
  return [
    `# ${compilation.meta.title}`,
    '',
    `## ${sv ? 'Sammanfattning' : 'Summary'}`,
    '',
    ...analysis.findings.filter((f) => !f.caution).map((f) => `- ${findingText(f, locale)}`),
    '',
    `## ${sv ? 'Vad siffrorna inte säger' : 'What the numbers cannot say'}`,
    '',
    ...analysis.findings.filter((f) => f.caution).map((f) => `- ${findingText(f, locale)}`),
    '',
    '```',
    printTable(rows, locale),
    '```',
    '',
  ].join('\n');
}
