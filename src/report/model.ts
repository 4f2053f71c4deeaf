import type { Label, Locale } from '../core/locale.js';
import type { NotComputed } from '../core/not-computed.js';
import { DEFAULT_K } from '../privacy/index.js';
import type { Compilation } from '../compile/schema.js';
import { typeName } from '../core/args.js';
import { checkedCompilation, tabulateChecked, type Dimension, type GroupRow, type Share } from '../compile/tabulate.js';
import { issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import type { z } from 'zod';
import type { DeepReadonly } from '../core/readonly.js';
import { assertReportModel, checkReportOptions, looksLikeModel, type ReportModelSchema, type ReportOptionsSchema, type ReportSectionSchema } from './_lib/input.js';
import { analyse, DIMENSION_LABELS, type Analysis, type Finding } from '../analyse/index.js';
import { changeSentence, protectedFindings, subgroupSummary, TEST_CODES } from './_lib/summary.js';
import { SIGNIFICANCE } from '../analyse/findings.js';
import { ATTAINMENT_LEVELS } from '../after/classify.js';
import { WITHDRAWAL_REASONS } from '../compile/layout.js';
import { dimensionLength, UNNAMED_UNIT } from '../compile/dims.js';
import { counted, countText } from '../locales/count.js';
import { unusableByRule, unusableSentence, unusableWith } from '../locales/unusable.js';
import { FLOW_LABELS, LEVEL_LABELS, REASON_LABELS, REPORT_LABELS as L } from './labels.js';
import { viewsSection, VIEWS_TITLE } from './_lib/views.js';
import { measuresSection, MEASURES_TITLE } from './_lib/measures.js';
import { followUpSection, FOLLOW_UP_TITLE } from './_lib/follow-up.js';
import { bestAdjacentMerge, foldRare, isBandCode, mergeBands, periodsOf, poolWeeks, shownCells } from './_lib/regroup.js';
import { shareOf } from '../compile/share.js';
import { backgroundSection, backgroundTables, doseTables, BACKGROUND_TITLE } from './_lib/background.js';
import { linkAdditiveTables, protectReportTable, withHidden, type RawCell, type RawTable, type ReportCell, type ReportTable } from './protect.js';
import { protectJointly } from './_lib/joint.js';
import { pooledContributors } from './_lib/pooled.js';

/** @internal The banner an internal report opens with in every format, in its language; none for a published one. */
export const bannerText = (model: ReportModel): string | undefined =>
  model.audience === 'internal' ? L.internalBanner[model.locale] : undefined;

/**
 * Options for {@link buildReport} and the renderers: `locale`, `sv` (default)
 * or `en`; `k`, the small-cell threshold (default 5): counts 1 to k − 1 are
 * not shown; `by`, the dimensions to break goal attainment down by (default:
 * every dimension with more than one category); `date`, the report's date
 * (YYYY-MM-DD) for the header, given by the caller (the library never reads
 * the clock); `plan`, the compilation's plan, for the header's question,
 * target group and period (its `id` must be the compilation's `planId`);
 * `audience`, `published` (default) or `internal`: an internal report, for
 * the unit's own reflection meeting, hides no count (k = 1) but still shows
 * no identifiers, and every format opens with a banner that it must not be
 * published; `regroup` (default true): regroup before hiding (weeks pooled
 * into periods, rare categories folded into "Övriga", adjacent age bands
 * merged; each such table says so in its `note`), or `false` to only hide.
 *
 * @example
 * ```ts
 * buildReport(compilation, { locale: 'en', plan, date: '2020-01-15' }).header.at(-1);
 * // => { label: 'Report date', text: '2020-01-15' }
 * const options: ReportOptions = { locale: 'en', k: 3, by: ['gender'] };
 * buildReport(compilation, options).sections[1]?.tables.map((t) => t.id);
 * // => ['attainment-total', 'attainment-gender']
 * renderMarkdown(compilation, options); // the renderers take the same options
 * buildReport(compilation, { audience: 'internal' }).k;
 * // => 1
 * buildReport(compilation, { regroup: false }).sections.find((s) => s.id === 'during')?.tables[0]?.note;
 * // => undefined
 * ```
 */
export type ReportOptions = DeepReadonly<z.input<typeof ReportOptionsSchema>>;

/**
 * One section of a report: a heading, tables that passed protection, and the data its chart is drawn from.
 *
 * @example
 * ```ts
 * const section: ReportSection = buildReport(compilation, { locale: 'en' }).sections[1]!;
 * section.title;
 * // => 'Goal attainment'
 * section.tables.map((t) => t.id);
 * // => ['attainment-total', 'attainment-gender', 'attainment-ageBand']
 * ```
 */
export type ReportSection = DeepReadonly<z.output<typeof ReportSectionSchema>>;

/**
 * A report as data: the summary sentences generated from the analysis, and
 * the sections with their protected tables, in one language. The renderers
 * (HTML, Markdown, CSV) and the chart specifications read only this, so
 * everything shown has passed small-cell protection.
 *
 * @example
 * ```ts
 * const model: ReportModel = buildReport(compilation, { locale: 'en' });
 * model.summary[0];
 * // => 'Own confidence in staying sober/drug-free in one year rose on average from 2.3 to 3.2 (scale 1–5) among the 30 measured both before and after; the change is statistically established.'
 * model.header.at(-1);
 * // => { label: 'Clients followed', text: '39 who started the intervention' }
 * const markdown = renderMarkdown(model); // every renderer reads the same protected model
 * ```
 */
export type ReportModel = DeepReadonly<z.output<typeof ReportModelSchema>>;

const count = (value: number): RawCell => ({ kind: 'count', value });
const shareCell = (s: Share): RawCell => ({
  kind: 'share',
  count: s.count,
  n: s.n,
  lower: s.share.computed ? s.share.lower : null,
  upper: s.share.computed ? s.share.upper : null,
});
const text = (value: string): RawCell => ({ kind: 'text', text: value });

type Dist = GroupRow['primary']['before'];
const stat = (d: Dist, pick: (d: Exclude<Dist, NotComputed>) => number | null, digits = 1): RawCell =>
  d.computed ? { kind: 'number', value: pick(d), n: d.n, digits } : { kind: 'number', value: null, n: d.n, digits };

function flowTables(total: GroupRow, locale: Locale): RawTable[] {
  const f = total.flow;
  const order = ['selected', 'notStarted', 'started', 'withdrawn', 'ongoing', 'closed', 'unclassified', 'classified'] as const;
  const flow: RawTable = {
    id: 'flow',
    title: L.flow[locale],
    columns: [L.count[locale]],
    rows: order.map((key) => ({ key, label: FLOW_LABELS[key][locale], cells: [count(f[key])] })),
    // Every selected client ends in one final status. Selected = never started + started, and
    // the number who started can be read off other tables (the main problems, the baseline's
    // n add up to it), so when few never started the number selected is hidden, not started.
    // Started = withdrawn + ongoing + unclassified + classified; closed is a sum of the last two.
    partitions: [
      { column: 0, parts: [1, 2], total: 0, derivable: [2] },
      { column: 0, parts: [3, 4, 6, 7], total: 2, sums: [{ row: 5, of: [6, 7] }] },
    ],
  };
  const withdrawals: RawTable = {
    id: 'withdrawals',
    title: L.withdrawals[locale],
    columns: [L.beforeStart[locale], L.duringStage[locale]],
    rows: WITHDRAWAL_REASONS.map((reason) => {
      const w = total.withdrawals.find((x) => x.reason === reason);
      return { key: reason, label: REASON_LABELS[reason][locale], cells: [count(w?.beforeStart ?? 0), count(w?.during ?? 0)] };
    }),
    additive: [0, 1],
  };
  return [flow, withdrawals];
}

function attainmentTables(compilation: Compilation, total: GroupRow, by: readonly Dimension[], locale: Locale): RawTable[] {
  const columns = [...ATTAINMENT_LEVELS.map((l) => LEVEL_LABELS[l][locale]), L.n[locale], L.goalMet[locale]];
  const rowOf = (key: string, label: string, row: GroupRow) => ({
    key,
    label,
    cells: [...ATTAINMENT_LEVELS.map((l) => count(row.attainment.levels[l].count)), count(row.attainment.n), shareCell(row.attainment.goalMet)],
  });
  const tables: RawTable[] = [
    {
      id: 'attainment-total',
      title: `${L.attainment[locale]}: ${L.total[locale].toLowerCase()}`,
      columns,
      rows: [rowOf('total', L.total[locale], total)],
      additive: [0, 1, 2, 3],
      rowTotal: 4,
    },
  ];
  for (const dimension of by) {
    const rows = tabulateChecked(compilation, { by: [dimension] }).rows;
    tables.push({
      id: `attainment-${dimension}`,
      title: `${L.attainment[locale]} ${locale === 'sv' ? 'efter' : 'by'} ${DIMENSION_LABELS[dimension][locale].toLowerCase()}`,
      columns,
      rows: rows.map((r) => rowOf(r.key[dimension] ?? '', r.label[locale], r)),
      additive: [0, 1, 2, 3],
      rowTotal: 4,
    });
  }
  return tables;
}

/** The column of the goal-met share in the attainment tables (after the four levels and n). */
const GOAL_SHARE_COLUMN = ATTAINMENT_LEVELS.length + 1;

/**
 * Goal attainment in total and by each breakdown, protected together: the
 * levels as linked tables (a level's total is the sum over any breakdown),
 * and the goal-met shares the same way, since their numerators and
 * complements add up across groups too (total 13 of 30 and men 9 of 20 give
 * women 4 of 10). A share whose numerator or complement is hidden in that
 * linked protection is hidden. `others` are further breakdowns of the
 * classified whose levels and n add up the same way but whose share column
 * is not goal met (the dose tables): linked for the levels only, returned
 * after the others, protected, in order.
 */
function attainmentProtected(raw: readonly RawTable[], k: number, others: readonly RawTable[] = []): ReportTable[] {
  const levels = linkAdditiveTables([...raw, ...others], k);
  const goalTables: RawTable[] = raw.map((t) => ({
    id: t.id,
    title: t.title,
    columns: ['met', 'not met', 'n'],
    rows: t.rows.map((r) => {
      const c = r.cells[GOAL_SHARE_COLUMN];
      const [met, n] = c?.kind === 'share' ? [c.count, c.n] : [0, 0];
      return { key: r.key, label: r.label, cells: [count(met), count(n - met), count(n)] };
    }),
    additive: [0, 1],
    rowTotal: 2,
  }));
  const goals = linkAdditiveTables(goalTables, k);
  return levels.map((t, ti) => {
    if (ti >= raw.length) return t;
    let suppressed = t.suppressed;
    const rows = t.rows.map((r, i) => {
      const cell = r.cells[GOAL_SHARE_COLUMN];
      const hidden = goals[ti]!.rows[i]!.cells.some((c) => c.kind === 'count' && 'suppressed' in c.value);
      if (!hidden || cell?.kind !== 'share' || 'suppressed' in cell.share) return r;
      suppressed = true;
      const secondary: ReportCell = { kind: 'share', share: { suppressed: 'secondary' }, lower: null, upper: null };
      return { ...r, cells: r.cells.map((c, j) => (j === GOAL_SHARE_COLUMN ? secondary : c)) };
    });
    return { ...t, rows, suppressed };
  });
}

/**
 * Goal attainment protected together ({@link attainmentProtected}), with the
 * age bands regrouped first when the table by age band hides anything:
 * adjacent bands merged in the way that leaves most cells shown over all the
 * linked tables (regroup.ts, rule 1). The merged table says so in its note.
 */
function attainmentRegrouped(raw: readonly RawTable[], k: number, locale: Locale, regroup: boolean, extra: readonly RawTable[] = [], others: readonly RawTable[] = []): ReportTable[] {
  // `extra` (the background tables) and `others` (the dose tables) are linked with them and returned after them.
  const all = [...raw, ...extra];
  const plain = attainmentProtected(all, k, others);
  if (!regroup) return plain;
  const at = raw.findIndex((t) => t.id === 'attainment-ageBand');
  const bands = raw[at];
  if (bands === undefined || !plain[at]!.suppressed) return plain;
  const withRuns = (runs: Parameters<typeof mergeBands>[1]) => {
    const merged = mergeBands(bands, runs, locale);
    return { merged, tables: attainmentProtected(all.map((t, i) => (i === at ? merged.table : t)), k, others) };
  };
  const runs = bestAdjacentMerge(
    bands.rows.length,
    (from, to) => bands.rows.slice(from, to + 1).every((r) => isBandCode(r.key)),
    (r) => shownCells(withRuns(r).tables),
  );
  const { merged, tables } = withRuns(runs);
  if (merged.note === undefined) return plain;
  return tables.map((t, i) => (i === at ? { ...t, note: merged.note!, regrouped: merged.regrouped } : t));
}

function primaryTables(compilation: Compilation, total: GroupRow, locale: Locale): RawTable[] {
  const p = total.primary;
  const q = (d: Dist, key: 'median' | 'q1' | 'q3') => stat(d, (x) => (x.quantiles.computed ? x.quantiles[key] : null));
  const sd = (d: Dist) => stat(d, (x) => (typeof x.sd === 'number' ? x.sd : null), 2);
  const line = (key: string, label: Label, d: Dist) => ({
    key,
    label: label[locale],
    cells: [count(d.n), stat(d, (x) => x.mean, 2), sd(d), q(d, 'q1'), q(d, 'median'), q(d, 'q3')],
  });
  const summary: RawTable = {
    id: 'primary-summary',
    title: `${L.primary[locale]}: ${compilation.meta.primary.label[locale]}`,
    columns: [L.n[locale], L.mean[locale], L.sd[locale], L.q1[locale], L.median[locale], L.q3[locale]],
    rows: [line('before', L.before, p.before), line('before-stayed', L.beforeStayed, p.stayedBefore), line('after', L.after, p.after), line('change', L.change, p.change)],
  };
  const tables: RawTable[] = [summary];
  const before = p.stayedBefore.computed ? p.stayedBefore.histogram : [];
  const after = p.after.computed ? p.after.histogram : [];
  if (before.length > 0 || after.length > 0) {
    const levels = compilation.meta.primary.levels ?? [];
    const values = (before.length > 0 ? before : after).map((h) => h.value);
    tables.push({
      id: 'primary-distribution',
      title: `${L.primaryDistribution[locale]}: ${compilation.meta.primary.label[locale]}`,
      columns: [L.beforeStayed[locale], L.after[locale]],
      rows: values.map((value, i) => {
        const level = levels.find((l) => l.value === value);
        return {
          key: String(value),
          label: level ? `${value} ${level.label[locale]}` : String(value),
          cells: [count(before[i]?.count ?? 0), count(after[i]?.count ?? 0)],
        };
      }),
      additive: [0, 1],
      // The summary table and the change sentence print each column's n, mean and SD.
      moments: [0, 1],
    });
  }
  return tables;
}

function duringTables(total: GroupRow, k: number, locale: Locale, regroup: boolean): ReportTable[] {
  return total.during.map((d) => {
    // Pooled weeks (regroup.ts): "clients" becomes client-weeks, the clients tested week by week added up
    // (a client tested in two weeks counts twice), so tests per client-week stays comparable with the plan's per week.
    const build = (length: number): RawTable => ({
      id: `during-${d.id}`,
      title: `${L.during[locale]}: ${d.label[locale]}`,
      columns: [L.tests[locale], (length === 1 ? L.clients : L.clientWeeks)[locale], L.negativeShare[locale], L.perClient[locale].replace('{n}', String(d.perWeek))],
      rows: periodsOf(d.weeks, length).map(({ from, to, weeks }) => {
        const tests = weeks.reduce((s, w) => s + w.tests, 0);
        const clients = weeks.reduce((s, w) => s + w.clients, 0);
        const good = weeks.every((w) => w.good !== null) ? shareOf(weeks.reduce((s, w) => s + (w.good?.count ?? 0), 0), tests) : null;
        return {
          key: from === to ? String(from) : `${from}–${to}`,
          label: from === to ? `${L.week[locale]} ${from}` : `${L.weeks[locale]} ${from}–${to}`,
          // Tests per client rests on the clients tested: hidden with fewer than k of them.
          cells: [count(tests), count(clients), good ? shareCell(good) : text('–'), { kind: 'number' as const, value: clients === 0 ? null : tests / clients, n: clients, digits: 1 }],
        };
      }),
    });
    return regroup ? poolWeeks(d.weeks.length, build, k, locale) : protectReportTable(build(1), k);
  });
}

function targetTables(total: GroupRow, k: number, locale: Locale, regroup: boolean): ReportTable[] {
  const list = (id: string, title: string, items: readonly { code: string; label: Label; count: number }[]): RawTable => ({
    id,
    title,
    columns: [L.count[locale]],
    rows: items.map((c) => ({ key: c.code, label: c.label[locale], cells: [count(c.count)] })),
    additive: [0],
  });
  return [
    list('main-problems', L.mainProblems[locale], total.mainProblems),
    list('goal-areas', L.goalAreas[locale], total.goalAreas),
    // Every background variable among those who started, so that each table adds up to them: by option (a number
    // without bands as recorded or not, its values being no count), and those without an answer.
    ...total.background.map((b) => {
      const given = b.summary === 'options' ? b.options : [{ code: 'recorded', label: L.recorded, count: total.flow.started - b.missing }];
      const missing = b.missing > 0 ? [{ code: 'missing', label: L.notRecorded, count: b.missing }] : [];
      return list(`background-${b.id}`, b.label[locale], [...given, ...missing]);
    }),
  ].map((t) => (regroup ? foldRare(t, k, locale) : protectReportTable(t, k)));
}

/**
 * The rows that could not be used (a compilation's `invalid`), by the rule of
 * each one's first problem, when there are any. These count rows of an export
 * (or records) outside every cell, not people in a cell of the tables, and
 * the flow table does not include them, so no hidden cell can be worked out
 * from them: they are published as they are (protection with k = 1 hides
 * nothing) and the sentence in the cautions gives the same numbers.
 */
function unusableTable(compilation: Compilation, locale: Locale): ReportTable[] {
  if (compilation.invalid.total === 0) return [];
  const rows = unusableByRule(compilation.invalid.byRule).map((r) => {
    const phrase = unusableWith(r.rule, locale);
    return { key: r.rule as string, label: `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`, cells: [count(r.count)] };
  });
  rows.push({ key: 'total', label: L.total[locale], cells: [count(compilation.invalid.total)] });
  return [protectReportTable({ id: 'unusable', title: L.unusable[locale], columns: [L.count[locale]], rows }, 1)];
}

/**
 * The header's lines: the plan's question, target group and period (when the
 * plan is given), the interventions, the unit or units (when named) and the
 * periods counted apart (when the plan divides its period), the number who started the intervention
 * (as the protected flow table shows it) and the report date the caller gave.
 */
function headerLines(compilation: Compilation, options: ReportOptions, flow: ReportTable, locale: Locale): { label: string; text: string }[] {
  const plan = options.plan;
  const lines: { label: string; text: string }[] = [];
  if (plan !== undefined) lines.push({ label: L.question[locale], text: plan.question }, { label: L.targetGroup[locale], text: plan.targetGroup });
  const interventions = compilation.meta.dims.interventions.map((i) => i.label[locale]);
  lines.push({ label: (interventions.length === 1 ? L.intervention : L.interventions)[locale], text: interventions.join(', ') });
  // The unit (or the units merged, each a column of the tables by unit), unless the plan named none.
  const units = compilation.meta.dims.units.filter((u) => u.code !== UNNAMED_UNIT.code).map((u) => u.label[locale]);
  if (units.length > 0) lines.push({ label: (units.length === 1 ? L.unit : L.units)[locale], text: units.join(', ') });
  if (plan?.period !== undefined) lines.push({ label: L.period[locale], text: plan.period.to === undefined ? `${L.from[locale]} ${plan.period.from}` : `${plan.period.from} – ${plan.period.to}` });
  // The periods counted apart (the plan's periodBy), with their dates; without a plan, the whole span they cover.
  const periods = compilation.meta.dims.periods.filter((p) => p.from !== undefined);
  if (periods.length > 0) {
    if (plan?.period === undefined) lines.push({ label: L.period[locale], text: `${periods[0]!.from} – ${periods.at(-1)!.to}` });
    lines.push({ label: L.periods[locale], text: periods.map((p) => `${p.label[locale]} (${p.from} – ${p.to})`).join(', ') });
  }
  const started = flow.rows.find((r) => r.key === 'started')?.cells[0];
  if (started?.kind === 'count' && !('suppressed' in started.value)) {
    lines.push({ label: L.followed[locale], text: L.followedText[locale].replace('{n}', countText(started.value.value, locale)) });
  }
  if (options.date !== undefined) lines.push({ label: L.date[locale], text: options.date });
  return lines;
}

const SUMMARY_CAUTIONS: ReadonlySet<string> = new Set(['withdrawn', 'not_started']);
/**
 * The caution of a report pooled from several units (each knows its own counts: see pooled.ts and the joint
 * protection), in the words of the method's reports.
 */
const POOLED_CAUTION = {
  sv: 'Rapporten slår samman uppgifter från flera enheter. Varje enhet känner sina egna tal och kan dra av dem från rapportens, så ett tal visas bara när ingen enhet då kan räkna ut en liten grupp hos de andra. Med små enheter döljs därför många tal; varje enhet ser sina egna tal i sin egen rapport.',
  en: "The report pools several units. Each unit knows its own counts and could subtract them from the report's, so a number is shown only when no unit could then work out a small group among the others. With small units many numbers are therefore hidden; each unit sees its own counts in its own report.",
} as const;

/** Tests whose sentences stand in their own section rather than under the summary. */
const SECTION_TESTS: ReadonlySet<string> = new Set(['background_test', 'dose_test']);

/**
 * Builds a report from a compilation: tabulates it, analyses it, writes the
 * summary from the analysis' findings (never by hand), and passes every
 * table through {@link protectReportTable}. Summary sentences that would show
 * a count of 1 to k − 1 people are replaced by ones that do not ("fewer than
 * 5 never started") or left out, and the report says how many were left out. Pure; the renderers
 * ({@link renderHtml}, {@link renderMarkdown}, {@link renderCsv}) turn the
 * result into files.
 *
 * @param compilation - a compilation (see `compile`)
 * @param options - language, small-cell threshold, breakdowns
 * @param analysis - the analysis, if already computed (default: `analyse(compilation, { by })`)
 * @returns the report as data
 * @throws UppfoljningError when `by` names an unknown dimension
 *
 * @example
 * ```ts
 * buildReport(compilation, { locale: 'en' }).sections.map((s) => s.id);
 * // => ['flow', 'attainment', 'primary', 'during', 'target', 'background', 'views']
 * ```
 */
export function buildReport(compilation: Compilation, options: ReportOptions = {}, analysis?: Analysis): ReportModel {
  compilation = checkedCompilation(compilation);
  options = checkReportOptions(options);
  if (analysis !== undefined && (typeof analysis !== 'object' || analysis === null)) throw new UppfoljningError([issue(['analysis'], 'type', { expected: 'object', received: typeName(analysis) })]);
  // An object that is not an analysis (the options given third, say) is named by what it lacks.
  const findings = (analysis as { findings?: unknown } | undefined)?.findings;
  if (analysis !== undefined && !Array.isArray(findings)) throw new UppfoljningError([issue(['analysis', 'findings'], 'type', { expected: 'array', received: typeName(findings) })]);
  if (options.plan !== undefined && options.plan.id !== compilation.meta.planId) {
    throw new UppfoljningError([issue(['options', 'plan', 'id'], 'plan_mismatch', { value: options.plan.id, expected: compilation.meta.planId })]);
  }
  const locale = options.locale ?? 'sv';
  const regroup = options.regroup ?? true;
  const audience = options.audience ?? 'published';
  // The unit's own reflection meeting sees every count: k = 1 hides nothing (counts 1 to 0).
  const k = audience === 'internal' ? 1 : (options.k ?? DEFAULT_K);
  const dims = compilation.meta.dims;
  // By default every dimension with more than one category: each unit beside the total, each period.
  const by = options.by ?? (['gender', 'ageBand', 'intervention', 'unit', 'period'] as const).filter((d) => dimensionLength(dims, d) > 1);
  const a = analysis ?? analyse(compilation, options.by ? { by: options.by } : {});
  // The compilation was checked above; tabulate it without checking it again.
  const total = tabulateChecked(compilation, {}).total;
  // Each table is protected on its own (and linked tables together), then the whole report jointly:
  // where relations between tables would undo a hidden count, more is hidden and the report is built again.
  const assemble = (): ReportModel => {
    const protect = (tables: RawTable[]) => tables.map((t) => protectReportTable(t, k));
    const attainmentRaw = attainmentTables(compilation, total, by, locale);
    const linked = attainmentRegrouped(attainmentRaw, k, locale, regroup, backgroundTables(total, locale), doseTables(total, locale));
    const sections: ReportSection[] = [
      { id: 'flow', title: L.flow[locale], tables: [...protect(flowTables(total, locale)), ...unusableTable(compilation, locale)] },
      // The total and each breakdown share the totals per level: protected together, with the
      // breakdowns by background value and dose band, whose columns add up to the same totals.
      { id: 'attainment', title: L.attainment[locale], tables: linked.slice(0, attainmentRaw.length) },
      { id: 'primary', title: L.primary[locale], tables: protect(primaryTables(compilation, total, locale)) },
    ];
    const measures = measuresSection(total.measures, a.measures, k, locale);
    if (measures.tables.length > 0) sections.push({ id: 'measures', title: MEASURES_TITLE[locale], tables: measures.tables, text: measures.text });
    const followUp = followUpSection(total.followUps, total.measures, a.measures, k, locale);
    if (followUp.tables.length > 0) sections.push({ id: 'follow-up', title: FOLLOW_UP_TITLE[locale], tables: followUp.tables, text: followUp.text });
    sections.push(
      { id: 'during', title: L.during[locale], tables: duringTables(total, k, locale, regroup) },
      { id: 'target', title: L.target[locale], tables: targetTables(total, k, locale, regroup) },
    );
    // After the target group: goal attainment by background value and by dose, with their tests.
    const totalLevels = sections[1]!.tables[0]!.rows[0]?.cells.slice(0, ATTAINMENT_LEVELS.length) ?? [];
    const hiddenTotals = totalLevels.flatMap((c, j) => (c.kind === 'count' && 'suppressed' in c.value ? [j] : []));
    const background = backgroundSection(linked.slice(attainmentRaw.length), hiddenTotals, a, locale, sections[1]!.tables[0]);
    if (background.tables.length > 0) sections.push({ id: 'background', title: BACKGROUND_TITLE[locale], tables: background.tables, text: background.text });
    // Counts the flow table hides must not reappear in the summary's sentences.
    const flow = sections[0]!.tables[0]!;
    // The client views: their tables' column totals are the attainment levels and the unclassified, hidden where those tables hide them.
    const levelTotals = sections[1]!.tables[0]!.rows[0]?.cells.slice(0, ATTAINMENT_LEVELS.length) ?? [];
    const unclassifiedCell = flow.rows.find((r) => r.key === 'unclassified')?.cells[0];
    const hiddenLevels = [...levelTotals, unclassifiedCell].flatMap((c, j) => (c?.kind === 'count' && 'suppressed' in c.value ? [j] : []));
    const views = viewsSection(total.views, a.views ?? [], hiddenLevels, k, locale);
    if (views.tables.length > 0) sections.push({ id: 'views', title: VIEWS_TITLE[locale], tables: views.tables, text: views.text });
    const hidden = new Set(flow.rows.filter((r) => r.cells[0]?.kind === 'count' && 'suppressed' in r.cells[0].value).map((r) => r.key));
    // Nor the share who reached their goal, when the total table hides it.
    const goalCell = sections[1]!.tables[0]!.rows[0]?.cells[GOAL_SHARE_COLUMN];
    if (goalCell?.kind === 'share' && 'suppressed' in goalCell.share) hidden.add('goalMet');
    // Nor how many pairs did not change, when the total table hides a level: with the
    // published levels and n it would undo the hidden ones ("varav 7 utan förändring").
    const levelCells = sections[1]!.tables[0]!.rows[0]?.cells.slice(0, ATTAINMENT_LEVELS.length) ?? [];
    if (levelCells.some((c) => c.kind === 'count' && 'suppressed' in c.value)) hidden.add('attainmentLevels');
    // The analysis' invalid_records finding ("6 poster kunde inte räknas … redovisas separat") is
    // said here in full instead, by rule, first among the cautions: every number below is without
    // those rows. Rows are not people in a cell (see unusableTable), so it is not withheld below k.
    // A background or dose test that could not be made is said in its section, beside its table.
    const findings = a.findings.filter((f) => f.code !== 'invalid_records' && !(f.code === 'not_tested' && (f.params.test === 'background' || f.params.test === 'dose')));
    const { texts, withheld } = protectedFindings(findings, k, locale, hidden, sections.flatMap((s) => s.tables));
    // Who left and why belongs in the summary (the quality report asks for it); other cautions go under their own heading.
    // Statistical tests are supporting detail: below the summary, which says what they found in words.
    const isCaution = (f: Finding) => f.caution && !SUMMARY_CAUTIONS.has(f.code);
    const isTest = (f: Finding) => TEST_CODES.has(f.code);
    const shown = findings.filter((f) => texts.has(f));
    const paired = shown.find((f) => f.code === 'paired_test');
    const established = paired?.code === 'paired_test' ? paired.params.pValue < SIGNIFICANCE : undefined;
    const primaryTable = sections[2]!.tables.find((t) => t.id === 'primary-summary');
    const change = changeSentence(primaryTable, compilation.meta.primary, locale, established);
    const summary = [
      ...(change === undefined ? [] : [change]),
      ...shown.filter((f) => !isCaution(f) && !isTest(f)).map((f) => texts.get(f)!),
      ...subgroupSummary(shown, locale),
    ];
    // The background and dose tests are given in their section, with n only where its tables allow it.
    const tests = shown.filter((f) => isTest(f) && !SECTION_TESTS.has(f.code)).map((f) => texts.get(f)!);
    const cautions = shown.filter((f) => isCaution(f)).map((f) => texts.get(f)!);
    if (compilation.invalid.total > 0) cautions.unshift(unusableSentence(compilation.invalid, locale));
    if (withheld > 0) {
      cautions.push(
        locale === 'sv'
          ? `${counted(withheld, 'statement', locale)} ur analysen visas inte, för att skydda enskilda: ${withheld === 1 ? 'det' : 'de'} bygger på färre än ${k} personer eller på tal som tabellerna döljer.`
          : `${counted(withheld, 'statement', locale)} of the analysis ${withheld === 1 ? 'is' : 'are'} not shown, to protect individuals: ${withheld === 1 ? 'it rests' : 'they rest'} on fewer than ${k} people or on numbers the tables hide.`,
      );
    }
    // A pooled report hides more than any unit's own would: say why, so that a page of `..` is not read as missing data.
    if (k > 1 && compilation.meta.dims.units.length >= 2) cautions.push(POOLED_CAUTION[locale]);
    return {
      locale,
      title: compilation.meta.title,
      planId: compilation.meta.planId,
      fingerprint: compilation.meta.fingerprint,
      k,
      audience,
      header: headerLines(compilation, options, flow, locale),
      summary,
      tests,
      cautions,
      sections,
      instrument: compilation.meta.primary.label[locale],
    };
  };
  if (k <= 1) return assemble();
  // A compilation merged from several units: each contributor knows its own counts (pooled.ts), which the joint pass audits too.
  const pooled = compilation.meta.dims.units.length >= 2 ? pooledContributors(compilation, options, total.views, k) : undefined;
  return protectJointly((hide) => withHidden(hide, assemble), k, pooled);
}

/**
 * @internal A renderer's input as a report model: a model is checked and
 * used as it is, anything else is built into one by {@link buildReport}
 * (which checks the compilation and the options).
 */
export function toModel(input: Compilation | ReportModel, options: ReportOptions): ReportModel {
  if (!looksLikeModel(input)) return buildReport(input as Compilation, options);
  assertReportModel(input);
  return input;
}
