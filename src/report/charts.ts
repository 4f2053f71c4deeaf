import { assertReportModel } from './_lib/input.js';
import type { Locale } from '../core/locale.js';
import type { ReportModel } from './model.js';
import type { ReportTable } from './protect.js';
import { REPORT_LABELS as L } from './labels.js';

/**
 * A Vega-Lite specification as plain JSON, with its data inline, so an
 * analyst can open it in the Vega editor or reuse it in a notebook.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = chartSpecs(buildReport(compilation))[0]!.spec;
 * spec.$schema;
 * // => 'https://vega.github.io/schema/vega-lite/v6.json'
 * const svg = await renderSvg(spec); // or open the JSON in the Vega editor
 * ```
 */
export type VegaLiteSpec = { readonly $schema: string; readonly [key: string]: unknown };

/**
 * A chart of a report: its id, its title and its Vega-Lite specification.
 *
 * @example
 * ```ts
 * const chart: ReportChart = chartSpecs(buildReport(compilation, { locale: 'en' }))[0]!;
 * chart.id;
 * // => 'flow'
 * chart.description; // the figure's caption, only values that passed protection
 * // => 'Started the intervention: 39; Withdrawn during the intervention: 5; Classified on the scale: 30'
 * ```
 */
export interface ReportChart {
  readonly id: 'flow' | 'attainment' | 'primary' | `during-${string}`;
  readonly section: 'flow' | 'attainment' | 'primary' | 'during';
  readonly title: string;
  /** A sentence describing what the chart shows, for screen readers and the figure's caption. */
  readonly description: string;
  readonly spec: VegaLiteSpec;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
// A colour-blind-safe diverging scheme in the scale's order (good → bad), from ColorBrewer's RdYlBu.
// Grey for the levels not shown (small-cell protection).
const LEVEL_COLOURS = ['#2c7bb6', '#abd9e9', '#fee090', '#d7191c', '#bdbdbd'];

const find = (model: ReportModel, id: string): ReportTable | undefined =>
  model.sections.flatMap((s) => s.tables).find((t) => t.id === id);

const numberOf = (cell: ReportTable['rows'][number]['cells'][number] | undefined): number | null =>
  cell?.kind === 'count' && !('suppressed' in cell.value) ? cell.value.value : null;

const base = (locale: Locale, title: string, description: string) => ({
  $schema: SCHEMA,
  title,
  description,
  width: 520,
  background: 'white',
  config: {
    font: 'Helvetica, Arial, sans-serif',
    // Numbers on axes and in tooltips the locale's way (decimal comma in Swedish).
    locale: {
      number:
        locale === 'sv'
          ? { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], percent: '\u00a0%' }
          : { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
    },
  },
});

function flowChart(model: ReportModel): ReportChart | undefined {
  const table = find(model, 'flow');
  if (!table) return undefined;
  const keep = ['selected', 'started', 'withdrawn', 'closed', 'classified'];
  const values = table.rows
    .filter((r) => keep.includes(r.key))
    .map((r, i) => ({ order: i, step: r.label, count: numberOf(r.cells[0]) }))
    .filter((v) => v.count !== null);
  const title = L.flowChart[model.locale];
  return {
    id: 'flow',
    section: 'flow',
    title,
    description: values.map((v) => `${v.step}: ${v.count}`).join('; '),
    spec: {
      ...base(model.locale, title, values.map((v) => `${v.step}: ${v.count}`).join('; ')),
      data: { values },
      height: { step: 28 },
      layer: [
        { mark: { type: 'bar', color: '#4c78a8' } },
        { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'count', type: 'quantitative' } } },
      ],
      encoding: {
        y: { field: 'step', type: 'nominal', sort: values.map((v) => v.step), title: null },
        x: { field: 'count', type: 'quantitative', title: L.count[model.locale] },
      },
    },
  };
}

function attainmentChart(model: ReportModel): ReportChart | undefined {
  const tables = model.sections.find((s) => s.id === 'attainment')?.tables ?? [];
  const values: { group: string; groupOrder: number; level: string; levelOrder: number; count: number }[] = [];
  let order = 0;
  const hidden = L.notShown[model.locale];
  const levels = [...(tables[0]?.columns.slice(0, 4) ?? []), hidden];
  for (const table of tables) {
    for (const row of table.rows) {
      const n = numberOf(row.cells[4]);
      if (n === null || n === 0) continue;
      const counts = row.cells.slice(0, 4).map(numberOf);
      counts.forEach((c, j) => {
        if (c !== null && c > 0) values.push({ group: row.label, groupOrder: order, level: levels[j]!, levelOrder: j, count: c });
      });
      // Suppressed levels are drawn as one grey segment: their sum is n minus
      // the published levels, which the published n reveals anyway.
      const rest = n - counts.reduce<number>((s, c) => s + (c ?? 0), 0);
      if (rest > 0) values.push({ group: row.label, groupOrder: order, level: hidden, levelOrder: 4, count: rest });
      order++;
    }
  }
  if (values.length === 0) return undefined;
  const title = L.attainmentChart[model.locale];
  const description =
    model.locale === 'sv'
      ? `Andel per nivå på skalan för måluppfyllelse, per grupp: ${levels.join(', ')}.`
      : `Share per level of the goal-attainment scale, by group: ${levels.join(', ')}.`;
  return {
    id: 'attainment',
    section: 'attainment',
    title,
    description,
    spec: {
      ...base(model.locale, title, description),
      data: { values },
      height: { step: 26 },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'group', type: 'nominal', sort: [...new Set(values.map((v) => v.group))], title: null },
        x: { field: 'count', type: 'quantitative', stack: 'normalize', title: L.share[model.locale], axis: { format: '.0%' } },
        color: { field: 'level', type: 'nominal', sort: levels, scale: { domain: levels, range: LEVEL_COLOURS }, legend: { orient: 'bottom', columns: 2, title: null } },
        order: { field: 'levelOrder', type: 'quantitative' },
        tooltip: [{ field: 'group' }, { field: 'level' }, { field: 'count', type: 'quantitative' }],
      },
    },
  };
}

function primaryChart(model: ReportModel): ReportChart | undefined {
  const table = find(model, 'primary-distribution');
  if (!table) return undefined;
  const values: { value: string; valueOrder: number; time: string; count: number }[] = [];
  table.rows.forEach((row, i) => {
    row.cells.forEach((cell, j) => {
      const c = numberOf(cell);
      if (c !== null) values.push({ value: row.label, valueOrder: i, time: table.columns[j]!, count: c });
    });
  });
  if (values.length === 0) return undefined;
  const title = `${L.primaryChart[model.locale]}: ${model.instrument}`;
  const description = model.locale === 'sv' ? `Antal klienter per värde på ${model.instrument}, före och efter insatsen.` : `Clients per value of ${model.instrument}, before and after the intervention.`;
  return {
    id: 'primary',
    section: 'primary',
    title,
    description,
    spec: {
      ...base(model.locale, title, description),
      width: 240,
      data: { values },
      mark: { type: 'bar', color: '#4c78a8' },
      encoding: {
        column: { field: 'time', type: 'nominal', title: null, sort: table.columns },
        x: { field: 'value', type: 'ordinal', sort: table.rows.map((r) => r.label), title: L.value[model.locale], axis: { labelAngle: -30, labelLimit: 120 } },
        y: { field: 'count', type: 'quantitative', title: L.count[model.locale] },
        tooltip: [{ field: 'time' }, { field: 'value' }, { field: 'count', type: 'quantitative' }],
      },
    },
  };
}

function duringCharts(model: ReportModel): ReportChart[] {
  const tables = model.sections.find((s) => s.id === 'during')?.tables ?? [];
  const out: ReportChart[] = [];
  for (const table of tables) {
    const values = table.rows.flatMap((row) => {
      const cell = row.cells[2];
      if (cell?.kind !== 'share' || 'suppressed' in cell.share) return [];
      // A pooled period ("5–8", regroup.ts) is drawn at its middle week.
      const [from, to = from] = row.key.split('–').map(Number);
      return [{ week: ((from ?? 0) + (to ?? 0)) / 2, share: cell.share.share, lower: cell.lower, upper: cell.upper, n: cell.share.denominator }];
    });
    if (values.length === 0) continue;
    const title = `${L.duringChart[model.locale]}: ${table.title.split(': ').slice(1).join(': ')}`;
    const description =
      model.locale === 'sv' ? `Andel negativa prov vecka för vecka med 95 % konfidensintervall (${values.length} veckor).` : `Share of negative tests week by week with 95% confidence intervals (${values.length} weeks).`;
    out.push({
      id: `during-${table.id.slice('during-'.length)}`,
      section: 'during',
      title,
      description,
      spec: {
        ...base(model.locale, title, description),
        height: 200,
        data: { values },
        encoding: {
          x: { field: 'week', type: 'quantitative', title: L.week[model.locale], axis: { tickMinStep: 1 } },
        },
        layer: [
          {
            mark: { type: 'area', opacity: 0.25, color: '#4c78a8' },
            encoding: { y: { field: 'lower', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: L.negativeShare[model.locale] }, y2: { field: 'upper' } },
          },
          {
            mark: { type: 'line', point: true, color: '#4c78a8' },
            encoding: { y: { field: 'share', type: 'quantitative' }, tooltip: [{ field: 'week' }, { field: 'share', format: '.0%' }, { field: 'n' }] },
          },
        ],
      },
    });
  }
  return out;
}

/**
 * The report's charts as Vega-Lite specifications, with their data inline:
 * the attrition flow, goal attainment per group as stacked bars in the
 * scale's order, the primary measure's distribution before and after, and
 * each during-measure week by week. The data come from the report's
 * protected tables, so a suppressed value never reaches a chart (in the
 * attainment bars, suppressed levels make one grey segment, the published n
 * minus the published levels).
 *
 * @param model - a report from {@link buildReport}
 * @returns the charts, in the order of the sections
 *
 * @see https://vega.github.io/vega-lite/docs/spec.html the specification format
 *
 * @example
 * ```ts
 * // No 'primary' chart here: this distribution is hidden whole, since its mean and SD are printed (docs/privacy.md).
 * chartSpecs(buildReport(compilation)).map((c) => c.id);
 * // => ['flow', 'attainment', 'during-urinprov', 'during-utandningsprov']
 * ```
 */
export function chartSpecs(model: ReportModel): ReportChart[] {
  assertReportModel(model);
  return [flowChart(model), attainmentChart(model), primaryChart(model), ...duringCharts(model)].filter(
    (c): c is ReportChart => c !== undefined,
  );
}
