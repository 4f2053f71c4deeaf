import { assertReportModel, checkReportOptions } from './_lib/input.js';
import type { Locale } from '../core/locale.js';
import type { ReportModel, ReportOptions } from './model.js';
import type { ReportTable } from './protect.js';
import { REPORT_LABELS as L, smileyOf } from './labels.js';
import { formatNumber } from './format.js';

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
 * chart.description; // the figure's text alternative: values that passed protection, and what is not shown
 * // => 'Selected: not shown; Started the intervention: 39; Withdrawn during the intervention: 5; Closed: not shown; Classified on the scale: 30'
 * ```
 */
export interface ReportChart {
  readonly id: 'flow' | 'attainment' | 'primary' | `during-${string}`;
  readonly section: 'flow' | 'attainment' | 'primary' | 'during';
  readonly title: string;
  /** What the chart shows, every value and every hidden part ("visas inte"), for screen readers (the figure's text alternative). */
  readonly description: string;
  readonly spec: VegaLiteSpec;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
// A colour-blind-safe diverging scheme in the scale's order (good → bad), from ColorBrewer's RdYlBu.
/** @internal The goal-attainment levels' colours, also the fill of their smileys in the HTML report's tables. */
export const LEVEL_COLOURS = ['#2c7bb6', '#abd9e9', '#fee090', '#d7191c'] as const;
/** @internal The outline of a smiley, so the pale levels' faces show on white. */
export const SMILEY_STROKE = '#333333';
const BAR = '#4c78a8';
// A part hidden by small-cell protection: a pale box with a dashed outline and the words "visas inte",
// drawn where the hidden part belongs, so it never reads as data or as zero.
const HIDDEN_FILL = '#f4f4f4';
const HIDDEN_STROKE = '#595959';
const HIDDEN_DASH = [4, 3];
const hiddenBox = { fill: HIDDEN_FILL, stroke: HIDDEN_STROKE, strokeDash: HIDDEN_DASH, strokeWidth: 1 } as const;
const hiddenText = { color: '#404040', fontStyle: 'italic', fontSize: 10 } as const;

/**
 * The two widths a chart is drawn at: `wide` for a screen or A4 (the default), `narrow`
 * for a phone (390 px), so the chart is shown at its own size and its text stays legible.
 */
export type ChartLayout = 'wide' | 'narrow';
/**
 * The options of {@link chartSpecs}: the report's options, of which the charts read `smileys`.
 *
 * @example
 * ```ts
 * const options: ChartOptions = { smileys: true };
 * chartSpecs(buildReport(compilation), options).length;
 * // => 4
 * ```
 */
export type ChartOptions = Pick<ReportOptions, 'smileys'>;

const WIDTH: Record<ChartLayout, number> = { wide: 520, narrow: 290 };
// The most characters on one line of a category name before it wraps (never cut: see wrapLabel).
const LINE: Record<ChartLayout, number> = { wide: 26, narrow: 18 };

const find = (model: ReportModel, id: string): ReportTable | undefined =>
  model.sections.flatMap((s) => s.tables).find((t) => t.id === id);

const numberOf = (cell: ReportTable['rows'][number]['cells'][number] | undefined): number | null =>
  cell?.kind === 'count' && !('suppressed' in cell.value) ? cell.value.value : null;

/** Splits a label into lines of at most `max` characters at spaces (a longer word keeps its own line, whole). */
function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A Vega expression that writes each label on the lines {@link wrapLabel} gives
 * (vega draws an array as lines), so a legend or an axis shows the whole name
 * and two names never shorten to the same text.
 */
const wrapExpr = (labels: readonly string[], max: number): string =>
  labels.reduceRight((rest, label) => {
    const lines = wrapLabel(label, max);
    return lines.length > 1 ? `datum.label === ${JSON.stringify(label)} ? ${JSON.stringify(lines)} : ${rest}` : rest;
  }, 'datum.label');

const base = (locale: Locale, layout: ChartLayout, title: string, description: string) => ({
  $schema: SCHEMA,
  title: { text: wrapLabel(title, layout === 'wide' ? 70 : 40), fontSize: 13 },
  description,
  width: WIDTH[layout],
  background: 'white',
  config: {
    font: 'Helvetica, Arial, sans-serif',
    // Every label whole: no ellipsis (labelLimit 0 is no limit), and no label dropped for overlap.
    axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 0, labelOverlap: false, labelFlush: true },
    legend: { labelFontSize: 11, labelLimit: 0, symbolStrokeColor: HIDDEN_STROKE, symbolStrokeWidth: 0.5 },
    header: { labelFontSize: 11, labelLimit: 0 },
    view: { stroke: null },
    // Numbers on axes and in tooltips the locale's way (decimal comma in Swedish).
    locale: {
      number:
        locale === 'sv'
          ? { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], percent: '\u00a0%' }
          : { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
    },
  },
});

/** Axis values 0, 20 %, …, 100 %: every one labelled. */
const SHARE_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

function flowChart(model: ReportModel, layout: ChartLayout): ReportChart | undefined {
  const table = find(model, 'flow');
  if (!table) return undefined;
  const locale = model.locale;
  const keep = ['selected', 'started', 'withdrawn', 'closed', 'classified'];
  const values = table.rows
    .filter((r) => keep.includes(r.key))
    .map((r, i) => {
      const count = numberOf(r.cells[0]);
      return { order: i, step: r.label, count, hidden: count === null };
    });
  if (values.every((v) => v.hidden)) return undefined;
  const title = L.flowChart[locale];
  const description = values.map((v) => `${v.step}: ${v.count === null ? L.hiddenMark[locale] : formatNumber(v.count, locale, 0)}`).join('; ');
  const steps = values.map((v) => v.step);
  const shown = { filter: '!datum.hidden' };
  const hidden = { filter: 'datum.hidden' };
  return {
    id: 'flow',
    section: 'flow',
    title,
    description,
    spec: {
      ...base(locale, layout, title, description),
      data: { values },
      height: { step: 30 },
      encoding: {
        y: { field: 'step', type: 'nominal', sort: steps, title: null, axis: { labelExpr: wrapExpr(steps, LINE[layout]) } },
      },
      layer: [
        { transform: [shown], mark: { type: 'bar', color: BAR }, encoding: { x: { field: 'count', type: 'quantitative', title: L.count[locale], axis: { tickMinStep: 1, tickCount: layout === 'wide' ? 10 : 5 } } } },
        { transform: [shown], mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { x: { field: 'count', type: 'quantitative' }, text: { field: 'count', type: 'quantitative', format: ',d' } } },
        // A hidden step: an outlined box of fixed size at its own place, not a bar of any length.
        { transform: [hidden], mark: { type: 'rect', ...hiddenBox, height: 18 }, encoding: { x: { value: 0 }, x2: { value: 76 } } },
        { transform: [hidden], mark: { type: 'text', align: 'left', dx: 6, ...hiddenText }, encoding: { x: { value: 0 }, text: { value: L.hiddenMark[locale] } } },
      ],
    },
  };
}

interface Segment {
  group: string;
  groupOrder: number;
  level: string;
  start: number;
  end: number;
  count: number;
  hidden: boolean;
  /** The text written inside a hidden segment when it is wide enough, else empty. */
  mark: string;
}

/**
 * One group's bar of the four levels as segments in the scale's order. A
 * hidden level keeps its place: hidden levels and the shown levels between
 * them make one outlined segment "visas inte" from the first hidden level to
 * the last (its size is n minus the levels shown outside it, which the table
 * reveals anyway), since where a shown level between two hidden ones begins
 * is not known.
 */
function groupSegments(
  counts: readonly (number | null)[],
  n: number,
  levels: readonly string[],
  at: { group: string; groupOrder: number; hiddenLabel: string; mark: string; minMark: number },
): { segments: Segment[] } {
  const hiddenIdx = counts.flatMap((c, j) => (c === null ? [j] : []));
  const first = hiddenIdx[0] ?? counts.length;
  const last = hiddenIdx.at(-1) ?? -1;
  const outside = counts.reduce<number>((s, c, j) => (j < first || j > last ? s + (c ?? 0) : s), 0);
  const segments: Segment[] = [];
  let start = 0;
  const push = (level: string, count: number, hidden: boolean) => {
    if (count <= 0) return;
    const end = start + count / n;
    segments.push({ group: at.group, groupOrder: at.groupOrder, level, start, end, count, hidden, mark: hidden && end - start >= at.minMark ? at.mark : '' });
    start = end;
  };
  counts.forEach((c, j) => {
    if (j < first || j > last) push(levels[j]!, c ?? 0, false);
    else if (j === first) push(at.hiddenLabel, n - outside, true);
  });
  return { segments };
}

function attainmentChart(model: ReportModel, layout: ChartLayout, smileys: boolean): ReportChart | undefined {
  const locale = model.locale;
  const tables = model.sections.find((s) => s.id === 'attainment')?.tables ?? [];
  const hiddenLabel = L.notShown[locale];
  const levels = tables[0]?.columns.slice(0, 4) ?? [];
  const values: Segment[] = [];
  const described: string[] = [];
  let order = 0;
  for (const table of tables) {
    for (const row of table.rows) {
      const n = numberOf(row.cells[4]);
      if (n === null || n === 0) continue;
      const counts = row.cells.slice(0, 4).map(numberOf);
      const { segments } = groupSegments(counts, n, levels, {
        group: row.label,
        groupOrder: order,
        hiddenLabel,
        mark: L.hiddenMark[locale],
        // "visas inte" is about 50 px wide at 10 px: only inside a segment that has room for it.
        minMark: 60 / WIDTH[layout],
      });
      values.push(...segments);
      // The text names every level, with its count as the table shows it or "visas inte".
      const levelText = levels.map((level, j) => `${level} ${counts[j] === null ? L.hiddenMark[locale] : formatNumber(counts[j]!, locale, 0)}`);
      described.push(`${row.label} (n = ${formatNumber(n, locale, 0)}): ${levelText.join('; ')}`);
      order++;
    }
  }
  if (values.length === 0) return undefined;
  const title = L.attainmentChart[locale];
  // With the pilot's smileys, the legend draws each level's face as its symbol, and the text alternative names the faces.
  const faces = smileys ? levels.flatMap((level) => { const s = smileyOf(level, locale); return s === undefined ? [] : [{ level, ...s }]; }) : [];
  const faceText = faces.length === 0 ? '' : ` ${locale === 'sv' ? 'Förklaringen visar nivåerna med pilotens gubbar' : "The legend shows the levels with the pilot's smileys"}: ${faces.map((f) => `${f.alt[locale]}: ${f.level}`).join('; ')}.`;
  const description = `${locale === 'sv' ? 'Antal per nivå på skalan för måluppfyllelse' : 'Count per level of the goal-attainment scale'}. ${described.join('. ')}.${faceText}`;
  // Each legend entry's symbol is its level's face (vega-lite's legend encoding, one condition per level).
  const shape = { condition: faces.map((f) => ({ test: `datum.value === ${JSON.stringify(f.level)}`, value: f.path })), value: 'square' };
  const faceLegend = faces.length === 0 ? {} : { symbolSize: 220, encoding: { symbols: { shape, stroke: { value: SMILEY_STROKE }, strokeWidth: { value: 0.8 } } } };
  const groups = [...new Set(values.map((v) => v.group))];
  const domain = [...levels, hiddenLabel];
  const y = { field: 'group', type: 'nominal', sort: groups, title: null, axis: { labelExpr: wrapExpr(groups, LINE[layout]) } };
  return {
    id: 'attainment',
    section: 'attainment',
    title,
    description,
    spec: {
      ...base(locale, layout, title, description),
      data: { values },
      height: { step: 30 },
      layer: [
        {
          mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
          encoding: {
            y,
            x: { field: 'start', type: 'quantitative', scale: { domain: [0, 1] }, title: L.share[locale], axis: { format: '.0%', values: SHARE_TICKS } },
            x2: { field: 'end' },
            color: {
              field: 'level',
              type: 'nominal',
              sort: domain,
              scale: { domain, range: [...LEVEL_COLOURS, HIDDEN_FILL] },
              // The legend names the four levels; a hidden span says "visas inte" itself.
              legend: { orient: 'bottom', values: levels, columns: layout === 'wide' ? 2 : 1, title: null, labelExpr: wrapExpr(levels, layout === 'wide' ? 40 : 34), ...faceLegend },
            },
            stroke: { condition: { test: 'datum.hidden', value: HIDDEN_STROKE }, value: 'white' },
            strokeDash: { condition: { test: 'datum.hidden', value: HIDDEN_DASH }, value: [1, 0] },
            tooltip: [{ field: 'group' }, { field: 'level' }, { field: 'count', type: 'quantitative' }],
          },
        },
        {
          transform: [{ filter: "datum.mark !== ''" }, { calculate: '(datum.start + datum.end) / 2', as: 'middle' }],
          mark: { type: 'text', ...hiddenText },
          encoding: { y, x: { field: 'middle', type: 'quantitative' }, text: { field: 'mark' } },
        },
      ],
    },
  };
}

function primaryChart(model: ReportModel, layout: ChartLayout): ReportChart | undefined {
  const table = find(model, 'primary-distribution');
  if (!table) return undefined;
  const locale = model.locale;
  const values: { value: string; valueOrder: number; time: string; count: number | null; hidden: boolean }[] = [];
  table.rows.forEach((row, i) => {
    row.cells.forEach((cell, j) => {
      const count = numberOf(cell);
      values.push({ value: row.label, valueOrder: i, time: table.columns[j]!, count, hidden: count === null });
    });
  });
  if (values.every((v) => v.hidden)) return undefined;
  const title = `${L.primaryChart[locale]}: ${model.instrument}`;
  const described = table.columns.map(
    (time) => `${time}: ${values.filter((v) => v.time === time).map((v) => `${v.value} ${v.count === null ? L.hiddenMark[locale] : formatNumber(v.count, locale, 0)}`).join(', ')}`,
  );
  const description = `${locale === 'sv' ? `Antal klienter per värde på ${model.instrument}` : `Clients per value of ${model.instrument}`}. ${described.join('. ')}.`;
  const height = 170;
  const labels = table.rows.map((r) => r.label);
  const x = { field: 'value', type: 'ordinal', sort: labels, title: L.value[locale], axis: { labelAngle: 0, labelExpr: wrapExpr(labels, 10) } };
  const shown = { filter: '!datum.hidden' };
  const hidden = { filter: 'datum.hidden' };
  return {
    id: 'primary',
    section: 'primary',
    title,
    description,
    spec: {
      ...base(locale, layout, title, description),
      width: undefined,
      data: { values },
      // Side by side on a wide page, one above the other on a phone.
      facet: { [layout === 'wide' ? 'column' : 'row']: { field: 'time', type: 'nominal', title: null, sort: table.columns } },
      spec: {
        width: layout === 'wide' ? WIDTH.wide / 2 - 20 : WIDTH.narrow,
        height,
        layer: [
          { transform: [shown], mark: { type: 'bar', color: BAR }, encoding: { x, y: { field: 'count', type: 'quantitative', title: L.count[locale], axis: { tickMinStep: 1 } } } },
          // Every shown count is written over its bar, so a true zero reads "0".
          { transform: [shown], mark: { type: 'text', baseline: 'bottom', dy: -2, fontSize: 10 }, encoding: { x, y: { field: 'count', type: 'quantitative' }, text: { field: 'count', type: 'quantitative', format: ',d' } } },
          // A hidden bin: an outlined column "visas inte" over the whole height, never a bar of zero.
          { transform: [hidden], mark: { type: 'rect', ...hiddenBox }, encoding: { x, y: { value: 0 }, y2: { value: height } } },
          { transform: [hidden], mark: { type: 'text', angle: 270, ...hiddenText }, encoding: { x, y: { value: height / 2 }, text: { value: L.hiddenMark[locale] } } },
        ],
      },
    },
  };
}

function duringCharts(model: ReportModel, layout: ChartLayout): ReportChart[] {
  const locale = model.locale;
  const tables = model.sections.find((s) => s.id === 'during')?.tables ?? [];
  const out: ReportChart[] = [];
  for (const table of tables) {
    type Week = { week: number; share: number | null; lower: number | null; upper: number | null; n: number | null; hidden: boolean; segment: number; from: number; to: number };
    const values: Week[] = [];
    let segment = 0;
    for (const row of table.rows) {
      const cell = row.cells[2];
      if (cell?.kind !== 'share') continue;
      // A pooled period ("5–8", regroup.ts) takes its weeks' width and is drawn at its middle.
      const [start = 0, end = start] = row.key.split('–').map(Number);
      const span = { week: (start + end) / 2, from: start - 0.5, to: end + 0.5 };
      const prev = values.at(-1);
      if ('suppressed' in cell.share) {
        // Hidden weeks side by side make one outlined box "visas inte", from the first to the last.
        if (prev?.hidden && prev.to === span.from) prev.to = span.to;
        else values.push({ ...span, share: null, lower: null, upper: null, n: null, hidden: true, segment: 0 });
      } else {
        // A hidden week breaks the line: the weeks on either side are not joined across it.
        if (prev === undefined || prev.hidden) segment++;
        values.push({ ...span, share: cell.share.share, lower: cell.lower, upper: cell.upper, n: cell.share.denominator, hidden: false, segment });
      }
    }
    if (values.every((v) => v.hidden)) continue;
    const name = table.title.split(': ').slice(1).join(': ');
    const title = `${L.duringChart[locale]}: ${name}`;
    const runs = values.filter((v) => v.hidden).map((v) => (v.to - v.from === 1 ? String(v.from + 0.5) : `${v.from + 0.5}–${v.to - 0.5}`));
    const shownWeeks = values.filter((v) => !v.hidden).length;
    const pooled = values.some((v) => !v.hidden && v.to - v.from > 1);
    const description =
      (locale === 'sv'
        ? `Andel negativa prov vecka för vecka med 95 % konfidensintervall (${shownWeeks} ${pooled ? 'perioder' : 'veckor'})`
        : `Share of negative tests week by week with 95% confidence intervals (${shownWeeks} ${pooled ? 'periods' : 'weeks'})`) +
      (runs.length === 0 ? '.' : locale === 'sv' ? `; vecka ${runs.join(', ')} visas inte.` : `; week ${runs.join(', ')} not shown.`);
    const first = Math.min(...values.map((v) => v.from + 0.5));
    const last = Math.max(...values.map((v) => v.to - 0.5));
    // Every tick labelled: every week if the labels have room (16 px each), else every second or more.
    const step = Math.max(1, Math.ceil(((last - first + 1) * 16) / WIDTH[layout]));
    const weekTicks = Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((w) => (w - first) % step === 0);
    const height = 200;
    const x = (field: string) => ({ field, type: 'quantitative', scale: { domain: [first - 0.5, last + 0.5], nice: false, zero: false }, title: L.week[locale], axis: { values: weekTicks, format: 'd' } });
    const y = { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', values: SHARE_TICKS }, title: L.negativeShare[locale] };
    const shown = { filter: '!datum.hidden' };
    const hidden = { filter: 'datum.hidden' };
    out.push({
      id: `during-${table.id.slice('during-'.length)}`,
      section: 'during',
      title,
      description,
      spec: {
        ...base(locale, layout, title, description),
        height,
        data: { values },
        layer: [
          // A hidden week: an outlined column "visas inte" in its own place.
          { transform: [hidden], mark: { type: 'rect', ...hiddenBox }, encoding: { x: x('from'), x2: { field: 'to' }, y: { value: 0 }, y2: { value: height } } },
          {
            transform: [hidden, { calculate: '(datum.from + datum.to) / 2', as: 'middle' }],
            mark: { type: 'text', angle: 270, ...hiddenText },
            encoding: { x: x('middle'), y: { value: height / 2 }, text: { value: L.hiddenMark[locale] } },
          },
          { transform: [shown], mark: { type: 'rule', color: BAR, opacity: 0.6, strokeWidth: 2 }, encoding: { x: x('week'), y: { ...y, field: 'lower' }, y2: { field: 'upper' } } },
          {
            transform: [shown],
            mark: { type: 'line', point: true, color: BAR },
            encoding: { x: x('week'), y, detail: { field: 'segment', type: 'nominal' }, tooltip: [{ field: 'week' }, { field: 'share', format: '.0%' }, { field: 'n' }] },
          },
        ],
      },
    });
  }
  return out;
}

/**
 * The report's charts drawn for one layout: what {@link chartSpecs} returns, at
 * the width of a phone with `narrow` (the HTML report draws both).
 *
 * @internal
 */
export function chartSpecsFor(model: ReportModel, layout: ChartLayout, options: ChartOptions = {}): ReportChart[] {
  assertReportModel(model);
  const { smileys } = checkReportOptions(options);
  return [flowChart(model, layout), attainmentChart(model, layout, smileys === true), primaryChart(model, layout), ...duringCharts(model, layout)].filter(
    (c): c is ReportChart => c !== undefined,
  );
}

/**
 * The report's charts as Vega-Lite specifications, with their data inline:
 * the attrition flow, goal attainment per group as stacked bars in the
 * scale's order, the primary measure's distribution before and after, and
 * each during-measure week by week. The data come from the report's
 * protected tables, so a suppressed value never reaches a chart. A hidden
 * part is drawn in its own place as a pale box with a dashed outline and the
 * words "visas inte" (a flow step, a histogram bin, a week; in the attainment
 * bars, the span from the first hidden level to the last, of the size the
 * table's n and shown levels leave), never as data and never as zero, and the
 * description says what is not shown. Category names are wrapped, never cut.
 *
 * With `{ smileys: true }` the attainment chart's legend draws the pilot's
 * smileys as the levels' symbols, and its description names them.
 *
 * @param model - a report from {@link buildReport}
 * @param options - `smileys`: the pilot's smileys beside the goal-attainment levels (default false)
 * @returns the charts, in the order of the sections
 *
 * @see https://vega.github.io/vega-lite/docs/spec.html the specification format
 *
 * @example
 * ```ts
 * // No 'primary' chart here: this distribution is hidden whole, since its mean and SD are printed (docs/privacy.md).
 * chartSpecs(buildReport(compilation)).map((c) => c.id);
 * // => ['flow', 'attainment', 'during-urinprov', 'during-utandningsprov']
 * chartSpecs(buildReport(compilation), { smileys: true })[1]!.description.endsWith('ledsen gubbe: Negativ förändring.');
 * // => true
 * ```
 */
export function chartSpecs(model: ReportModel, options: ChartOptions = {}): ReportChart[] {
  return chartSpecsFor(model, 'wide', options);
}
