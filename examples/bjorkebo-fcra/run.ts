/**
 * The Björkebo F-CRA follow-up, all six steps, as one function: main.ts calls
 * it for the README's main job, and the browser test calls it to open the
 * HTML report the example writes.
 *
 *   1 plan → 2 before → 3 during → 4 after (the synthetic cohort) →
 *   5 compile → 6 analyse → reports, every table through small-cell protection.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, compile, parsePlan, selectClients, type Compilation, type Locale } from '../../src/index.js';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText, type ReportModel } from '../../src/report/index.js';
import { bjorkeboExamplePlan } from './plan.js';
import { bjorkeboCohort } from './cohort.js';

/**
 * The date printed on the example's reports: after the last 12-month
 * follow-up window has closed (the last closing is in spring 2020).
 */
export const REPORT_DATE = '2021-06-15';

/** What the example produced. */
export interface BjorkeboRun {
  readonly compilation: Compilation;
  readonly report: ReportModel;
  /** The report as text, as printed to the console. */
  readonly text: string;
  /** How many values the protection hid, and in how many tables. */
  readonly protection: { readonly k: number; readonly hidden: number; readonly tables: number; readonly tablesWithHidden: number };
  /** Paths of the files written: Markdown, HTML, CSV tables, the compilation. */
  readonly files: { readonly markdown: string; readonly html: string; readonly csv: readonly string[]; readonly compilation: string };
}

/** Runs the whole follow-up and writes its reports to `outDir`. */
export async function runBjorkebo(locale: Locale, outDir: string): Promise<BjorkeboRun> {
  // Step 1: the plan is data, validated once at the boundary.
  const plan = parsePlan(bjorkeboExamplePlan);

  // Steps 2–4: a synthetic cohort built through enrol/before/during/after/withdraw.
  const records = bjorkeboCohort(plan);
  const selected = selectClients(plan, records.map((r) => ({ clientId: r.clientId })));
  if (!selected.success || selected.data.length !== records.length) throw new Error('selection failed');

  // Step 5: compile in one pass. The compilation holds counts only, unprotected:
  // it is what a unit sends on for pooling (merge before protecting).
  const compilation = compile(plan, records);

  // Step 6: analyse, and build the report people read. Every table in it has
  // passed small-cell protection (k = 5): counts of 1–4 people are shown as
  // "..", and enough other cells too that none can be worked out from totals.
  const analysis = analyse(compilation);
  // The report's date is the caller's: the example's is fixed (the end of its period), so its output never changes.
  const report = buildReport(compilation, { locale, plan, date: REPORT_DATE }, analysis);

  const cells = report.sections.flatMap((s) => s.tables.map((t) => t.rows.flatMap((r) => r.cells)));
  const isHidden = (c: (typeof cells)[number][number]) =>
    (c.kind === 'count' && 'suppressed' in c.value) || (c.kind === 'share' && 'suppressed' in c.share) || (c.kind === 'number' && c.suppressed);
  const protection = {
    k: report.k,
    hidden: cells.flat().filter(isHidden).length,
    tables: cells.length,
    tablesWithHidden: cells.filter((t) => t.some(isHidden)).length,
  };

  const sv = locale === 'sv';
  mkdirSync(join(outDir, 'csv'), { recursive: true });
  const markdown = join(outDir, sv ? 'rapport.md' : 'report.md');
  const html = join(outDir, sv ? 'rapport.html' : 'report.html');
  const json = join(outDir, sv ? 'sammanstallning.json' : 'compilation.json');
  writeFileSync(markdown, renderMarkdown(report));
  writeFileSync(html, await renderHtml(report));
  const csv = renderCsv(report).map((f) => {
    const path = join(outDir, 'csv', `${sv ? '' : 'en-'}${f.name}`);
    writeFileSync(path, f.text);
    return path;
  });
  writeFileSync(json, JSON.stringify(compilation));
  return { compilation, report, text: renderText(report), protection, files: { markdown, html, csv, compilation: json } };
}
