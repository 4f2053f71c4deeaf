// The whole-report attacker (issue 12, item 1). It reads only what a report
// publishes (the ReportModel the renderers read), writes down the linear
// relations a reader knows hold between the numbers (row sums against n,
// breakdowns — by dimension, background value and dose band — against the
// total's levels, a goal-met or improved share against its row, the flow's steps, withdrawals
// against the flow, a distribution against its n, its printed mean and its
// printed standard deviation), takes every hidden `..` count as an unknown
// non-negative integer, and solves (HiGHS, an exact integer program per
// connected component of the relations) for the smallest and largest value of each. A hidden cell is disclosed when its interval has
// width 0 or lies within 1..k−1 (the reader then knows a small count).
//
// Kept apart from src/ so that the library is not graded with its own method.
import loadHighs from 'highs';
import type { ReportModel, ReportTable } from '../../src/report/index.js';

/** HiGHS (WebAssembly), loaded once: a solver other than the library's own (yalps), so the library is not graded with its own method. */
const highs = await loadHighs();

/** A cell of the report: `table|row|column`. */
export type CellRef = string;
/** Σ coef·cell lies in [min, max]. */
export interface Relation {
  readonly terms: readonly (readonly [CellRef, number])[];
  readonly min: number;
  readonly max: number;
  readonly why: string;
}
export interface Interval {
  readonly cell: CellRef;
  readonly min: number;
  readonly max: number; // Infinity when unbounded
}

const ref = (table: string, row: string, col: number): CellRef => `${table}|${row}|${col}`;

/** Every count cell of the model: its published value, or null when hidden. */
export function countCells(model: ReportModel): Map<CellRef, number | null> {
  const out = new Map<CellRef, number | null>();
  for (const section of model.sections)
    for (const t of section.tables)
      for (const row of t.rows)
        row.cells.forEach((c, j) => {
          if (c.kind === 'count') out.set(ref(t.id, row.key, j), 'value' in c.value ? c.value.value : null);
        });
  // A regrouped row's parts (the plan's groups it merges) are not published: unknowns, except under a shown 0, where each part is 0.
  // Only where other relations reach the parts (attainment, the distribution): elsewhere a part is only in its sum, so lies in [0, sum]
  // and cannot be disclosed, and thousands of such unknowns (pooled weeks) would only slow the integer program down.
  for (const section of model.sections)
    for (const t of section.tables.filter((x) => x.id.startsWith('attainment-') || x.id === 'primary-distribution'))
      for (const { row, parts } of t.regrouped ?? [])
        t.rows.find((r) => r.key === row)?.cells.forEach((c, j) => {
          const merged = c.kind === 'count' && 'value' in c.value ? c.value.value : null;
          if (c.kind === 'count') for (const part of parts) out.set(ref(t.id, part, j), merged === 0 ? 0 : null);
        });
  return out;
}

const tablesOf = (model: ReportModel): Map<string, ReportTable> =>
  new Map(model.sections.flatMap((s) => s.tables.map((t) => [t.id, t] as const)));
const eq = (terms: [CellRef, number][], value: number, why: string): Relation => ({ terms, min: value, max: value, why });
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The relations a reader of the report knows, from the table ids and layouts the renderers show. */
export function reportRelations(model: ReportModel): Relation[] {
  const tables = tablesOf(model);
  const rel: Relation[] = [];
  // Goal attainment, and its breakdowns by background value and dose band (section Bakgrund och
  // insatsens omfattning): the four levels add up to n in each row; each breakdown's rows add up
  // to the total's row (every classified client is in one value, the not recorded included, and in
  // one dose band; bands without anyone are left out, which adds nothing).
  const levels = [0, 1, 2, 3];
  const total = tables.get('attainment-total');
  const breakdown = (id: string) => id.startsWith('attainment-') || id.startsWith('background-outcome-') || id.startsWith('dose-');
  const cell = (t: ReportTable, row: string, j: number, coef = 1): [CellRef, number] => [ref(t.id, row, j), coef];
  for (const t of tables.values()) {
    if (!breakdown(t.id)) continue;
    for (const row of t.rows) {
      rel.push(eq([...levels.map((j) => cell(t, row.key, j)), cell(t, row.key, 4, -1)], 0, `${t.id} ${row.key}: levels = n`));
      const share = row.cells[5];
      if (share?.kind === 'share' && !t.id.startsWith('dose-')) rel.push(...goalMetRelations(t, row.key, share.share, total));
      if (share?.kind !== 'share' || 'suppressed' in share.share) continue;
      const { numerator, denominator } = share.share;
      if (t.id.startsWith('dose-')) {
        // The share improved: levels 1 + 2 of the band's n.
        rel.push(eq([cell(t, row.key, 0), cell(t, row.key, 1)], numerator, `${t.id} ${row.key}: improved = levels 1 + 2`));
        rel.push(eq([cell(t, row.key, 4)], denominator, `${t.id} ${row.key}: share's n`));
      }
    }
    if (total && t !== total && total.rows[0])
      for (const j of [...levels, 4])
        rel.push(eq([...t.rows.map((r) => cell(t, r.key, j)), cell(total, total.rows[0]!.key, j, -1)], 0, `${t.id} column ${j} = total`));
  }
  // A regrouped row is the sum of its parts, column by column; parts of a goal-attainment row each have levels = n.
  for (const t of [...tables.values()].filter((x) => x.id.startsWith('attainment-') || x.id === 'primary-distribution'))
    for (const { row, parts } of t.regrouped ?? []) {
      t.rows.find((r) => r.key === row)?.cells.forEach((c, j) => {
        if (c.kind === 'count') rel.push(eq([...parts.map((part) => [ref(t.id, part, j), 1] as [CellRef, number]), [ref(t.id, row, j), -1]], 0, `${t.id} ${row} = its parts (column ${j})`));
      });
      if (t.id.startsWith('attainment-'))
        for (const part of parts) rel.push(eq([...levels.map((j) => [ref(t.id, part, j), 1] as [CellRef, number]), [ref(t.id, part, 4), -1]], 0, `${t.id} ${part}: levels = n`));
    }
  // The flow: selected = never started + started; started = withdrawn + ongoing + closed; closed = unclassified + classified = assessed.
  if (tables.has('flow')) {
    const f = (key: string): [CellRef, number] => [ref('flow', key, 0), 1];
    const neg = (key: string): [CellRef, number] => [ref('flow', key, 0), -1];
    rel.push(eq([f('notStarted'), f('started'), neg('selected')], 0, 'selected = not started + started'));
    rel.push(eq([f('withdrawn'), f('ongoing'), f('closed'), neg('started')], 0, 'started = withdrawn + ongoing + closed'));
    rel.push(eq([f('unclassified'), f('classified'), neg('closed')], 0, 'closed = unclassified + classified'));
    if (total?.rows[0]) rel.push(eq([f('classified'), [ref(total.id, total.rows[0].key, 4), -1]], 0, 'classified = attainment n'));
    // A sentence about those who never started, were withdrawn or could not be classified tells the reader there were some.
    const text = [...model.summary, ...model.cautions].join(' ');
    const mentioned: [string, RegExp][] = [
      ['notStarted', /inte påbörjat insatsen|not started the intervention/i],
      ['withdrawn', /avfördes från uppföljningen under|de som avfördes hade|withdrawn from the follow-up during|those withdrawn had/i],
      ['unclassified', /kunde inte bedömas|could not be placed/i],
    ];
    for (const [row, words] of mentioned) if (tables.get('flow')!.rows.some((r) => r.key === row) && words.test(text)) rel.push({ terms: [f(row)], min: 1, max: Infinity, why: `the text speaks of ${row}: at least 1` });
    const w = tables.get('withdrawals');
    if (w) {
      // Some who never started are still waiting, so the withdrawn before the start are at most those who never started.
      rel.push({ terms: [...w.rows.map((r) => [ref(w.id, r.key, 0), 1] as [CellRef, number]), neg('notStarted')], min: -Infinity, max: 0, why: 'withdrawn before start ≤ never started' });
      rel.push(eq([...w.rows.map((r) => [ref(w.id, r.key, 1), 1] as [CellRef, number]), neg('withdrawn')], 0, 'withdrawn during = withdrawn'));
    }
  }
  // The primary's distribution against its n, printed mean and printed SD (two decimals): Σx = n, Σv·x = n·mean, Σv²·x = (n−1)sd² + n·mean².
  const dist = tables.get('primary-distribution');
  const summary = tables.get('primary-summary');
  if (dist && summary) {
    (['before-stayed', 'after'] as const).forEach((key, col) => {
      const line = summary.rows.find((r) => r.key === key);
      const nCell = line?.cells[0];
      // A merged scale value ("1–2") stands for its parts, each with its own value.
      const keys = dist.rows.flatMap((r) => dist.regrouped?.find((g) => g.row === r.key)?.parts ?? [r.key]);
      const terms = (power: number) => keys.map((key) => [ref(dist.id, key, col), Number(key) ** power] as [CellRef, number]);
      if (nCell?.kind === 'count' && 'value' in nCell.value) rel.push(eq(terms(0), nCell.value.value, `${key}: distribution = n`));
      else return;
      const n = nCell.value.value;
      rel.push(...quantileRelations(line!, keys.map((k) => [Number(k), ref(dist.id, k, col)] as const), n, key));
      const mean = line?.cells[1];
      const sd = line?.cells[2];
      if (mean?.kind !== 'number' || mean.value === null || mean.suppressed) return;
      const m = round(mean.value, mean.digits);
      const h = 0.5 / 10 ** mean.digits;
      rel.push({ terms: terms(1), min: n * (m - h), max: n * (m + h), why: `${key}: printed mean` });
      if (sd?.kind !== 'number' || sd.value === null || sd.suppressed || n < 2) return;
      const s = round(sd.value, sd.digits);
      const hs = 0.5 / 10 ** sd.digits;
      const sq = (sv: number, mv: number) => (n - 1) * sv ** 2 + n * mv ** 2;
      rel.push({ terms: terms(2), min: sq(Math.max(0, s - hs), Math.max(0, m - h)), max: sq(s + hs, m + h), why: `${key}: printed SD` });
    });
    // The change's mean: when the pairs, those measured after and those measured before who stayed are as many, they are the same
    // people (the pairs are among both), so mean after − mean before over them is the printed change (Σv·after − Σv·before = n·change).
    const row = (k: string) => summary.rows.find((r) => r.key === k);
    const nOf = (k: string) => {
      const c = row(k)?.cells[0];
      return c?.kind === 'count' && 'value' in c.value ? c.value.value : undefined;
    };
    const change = row('change')?.cells[1];
    const n = nOf('change');
    if (n !== undefined && n > 0 && n === nOf('after') && n === nOf('before-stayed') && change?.kind === 'number' && change.value !== null && !change.suppressed) {
      const keys = dist.rows.flatMap((r) => dist.regrouped?.find((g) => g.row === r.key)?.parts ?? [r.key]);
      const c = round(change.value, change.digits);
      const h = 0.5 / 10 ** change.digits;
      rel.push({ terms: [...keys.map((k) => [ref(dist.id, k, 1), Number(k)] as [CellRef, number]), ...keys.map((k) => [ref(dist.id, k, 0), -Number(k)] as [CellRef, number])], min: n * (c - h), max: n * (c + h), why: 'change: printed mean = mean after − mean before' });
    }
  }
  rel.push(...sectionRelations(model, tables));
  return rel;
}

/** An unknown that is not a cell of the report (a hidden share's numerator or n): named `~…`, solved for but not reported. */
export const isAuxiliary = (c: CellRef) => c.startsWith('~');

/**
 * A goal-attainment row's goal-met share as unknowns (auxiliary when the share
 * is hidden): those with the goal met (g) and those with a goal (w), with
 * level 1 ≤ g ≤ w ≤ n; and, in a breakdown, each summed over the rows is the
 * total's (every classified client is in one row).
 */
function goalMetRelations(t: ReportTable, row: string, share: { numerator: number; denominator: number } | { suppressed: unknown }, total: ReportTable | undefined): Relation[] {
  const g = `~goal-met|${t.id}|${row}`;
  const w = `~with-goal|${t.id}|${row}`;
  const rel: Relation[] = [];
  if (!('suppressed' in share)) {
    rel.push(eq([[g, 1]], share.numerator, `${t.id}: goal met as printed`));
    rel.push(eq([[w, 1]], share.denominator, `${t.id}: with a goal as printed`));
  }
  rel.push(le([[ref(t.id, row, 0), 1], [g, -1]], 0, `${t.id}: level 1 ≤ goal met`));
  rel.push(le([[g, 1], [w, -1]], 0, `${t.id}: goal met ≤ with a goal`));
  rel.push(le([[w, 1], [ref(t.id, row, 4), -1]], 0, `${t.id}: with a goal ≤ n`));
  const totalRow = total?.rows[0]?.key;
  if (total && t !== total && totalRow && t.rows[t.rows.length - 1]?.key === row) {
    // Once per breakdown (at its last row): the rows' unknowns add up to the total's.
    for (const [name, what] of [['goal-met', 'goal met'], ['with-goal', 'with a goal']] as const)
      rel.push(eq([...t.rows.map((r) => [`~${name}|${t.id}|${r.key}`, 1] as [CellRef, number]), [`~${name}|${total.id}|${totalRow}`, -1]], 0, `${t.id}: ${what} = total`));
  }
  return rel;
}

/**
 * A printed quartile or median as inequalities on the cumulative counts F(v)
 * of the distribution (`values`: scale value and its cell, lowest first). The
 * library's quantiles are R's type 2 (src/compile/distribution.ts): with
 * j = ⌊n·p⌋, the (j+1)-th smallest value when n·p is not whole (so
 * F(q) ≥ j+1 and F(below q) ≤ j), the mean of the j-th and (j+1)-th when it
 * is (so F(at most q) ≥ j and F(below q) ≤ j, which hold whichever pair
 * averages to q).
 */
function quantileRelations(line: ReportTable['rows'][number], values: readonly (readonly [number, CellRef])[], n: number, key: string): Relation[] {
  const rel: Relation[] = [];
  ([[3, 0.25, 'q1'], [4, 0.5, 'median'], [5, 0.75, 'q3']] as const).forEach(([j, p, name]) => {
    const c = line.cells[j];
    if (c?.kind !== 'number' || c.value === null || c.suppressed || n === 0) return;
    const h = 0.5 / 10 ** c.digits;
    const q = round(c.value, c.digits);
    const upTo = (x: number) => values.filter(([v]) => v <= x).map(([, cell]) => [cell, 1] as [CellRef, number]);
    const np = n * p;
    const whole = Math.abs(np - Math.round(np)) < 1e-9;
    const k = Math.floor(np + 1e-9);
    // F(largest value below q) ≤ k: fewer than k+1 lie below q (it is printed within ±h).
    rel.push({ terms: upTo(q - h - 1e-9), min: -Infinity, max: k, why: `${key}: printed ${name}, count below it` });
    // F(q) ≥ k+1 (not whole) or ≥ k (whole): enough lie at or below q.
    rel.push({ terms: upTo(q + h), min: whole ? k : k + 1, max: Infinity, why: `${key}: printed ${name}, count up to it` });
  });
  return rel;
}

const sum = (cells: readonly CellRef[], coef = 1): [CellRef, number][] => cells.map((c) => [c, coef]);
const le = (terms: [CellRef, number][], max: number, why: string): Relation => ({ terms, min: -Infinity, max, why });
const columnOf = (t: ReportTable, j: number): CellRef[] => t.rows.map((r) => ref(t.id, r.key, j));
const has = (cells: ReadonlyMap<CellRef, unknown>, c: CellRef) => cells.has(c);

/**
 * The relations between the other sections' tables and the flow: the
 * measures' and follow-ups' direction tables against their pairs, the reach
 * table against those closed, the weekly tables (clients at most those who
 * started, tests per client as tests ÷ clients rounded), the target group
 * against those who started, and the client-view tables (each row's total,
 * the same respondents by level in every item, the summary's answered and
 * positive against the item's rows).
 */
function sectionRelations(model: ReportModel, tables: ReadonlyMap<string, ReportTable>): Relation[] {
  const cells = countCells(model);
  const rel: Relation[] = [];
  const started = ref('flow', 'started', 0);
  const closed = ref('flow', 'closed', 0);
  const flow = has(cells, started);
  for (const t of tables.values()) {
    // Other measures and follow-ups: improved + unchanged + worsened = pairs = the pairs' n in the summary.
    if (t.id.endsWith('-direction')) {
      const row = t.rows[0]!;
      rel.push(eq([...sum([0, 1, 2].map((j) => ref(t.id, row.key, j))), [ref(t.id, row.key, 3), -1]], 0, `${t.id}: directions = pairs`));
      const summary = tables.get(t.id.slice(0, -'-direction'.length));
      for (const key of ['pairs-before', 'pairs-after'])
        if (summary?.rows.some((r) => r.key === key)) rel.push(eq([[ref(summary.id, key, 0), 1], [ref(t.id, row.key, 3), -1]], 0, `${summary.id} ${key} n = pairs`));
      if (summary && flow) {
        for (const r of summary.rows) rel.push(le([[ref(summary.id, r.key, 0), 1], [started, -1]], 0, `${summary.id} ${r.key}: n ≤ started`));
        const b = summary.rows.find((r) => r.key === 'before');
        if (b) rel.push(le([[ref(t.id, row.key, 3), 1], [ref(summary.id, 'before', 0), -1]], 0, `${t.id}: pairs ≤ before`));
      }
    }
    // A follow-up's reach: reached + not reached + declined + missing = those closed in the results.
    if (/^follow-up-[^-]+$/.test(t.id)) {
      const row = t.rows[0]!;
      rel.push(eq([...sum([0, 1, 2, 3].map((j) => ref(t.id, row.key, j))), [ref(t.id, row.key, 4), -1]], 0, `${t.id}: reach = closed`));
      // Every client closed in the results is counted once per point (src/compile/_lib/consistency.ts): the flow's closed.
      if (flow) rel.push(eq([[ref(t.id, row.key, 4), 1], [closed, -1]], 0, `${t.id}: closed = flow closed`));
      for (const m of tables.values())
        if (m.id.startsWith(`${t.id}-`) && !m.id.endsWith('-direction'))
          for (const r of m.rows) rel.push(le([[ref(m.id, r.key, 0), 1], [ref(t.id, row.key, 0), -1]], 0, `${m.id} ${r.key}: n ≤ reached`));
    }
    // The weekly tables: each week's clients at most those who started, at most its tests, and tests ÷ clients as printed.
    if (t.id.startsWith('during-')) {
      for (const r of t.rows) {
        const tests = ref(t.id, r.key, 0);
        const clients = ref(t.id, r.key, 1);
        // A pooled period (key "1–4") counts client-weeks: at most started × its weeks.
        const [from = 0, to = from] = r.key.split('–').map(Number);
        if (flow) rel.push(le([[clients, 1], [started, -(to - from + 1)]], 0, `${t.id} ${r.key}: clients ≤ started × weeks`));
        rel.push(le([[clients, 1], [tests, -1]], 0, `${t.id} ${r.key}: clients ≤ tests`));
        const per = r.cells[3];
        if (per?.kind === 'number' && per.value !== null && !per.suppressed) {
          const h = 0.5 / 10 ** per.digits;
          const p = round(per.value, per.digits);
          // (p − h)·clients ≤ tests ≤ (p + h)·clients
          rel.push(le([[clients, p - h], [tests, -1]], 1e-9, `${t.id} ${r.key}: tests per client ≥ printed − ½`));
          rel.push(le([[tests, 1], [clients, -(p + h)]], 1e-9, `${t.id} ${r.key}: tests per client ≤ printed + ½`));
        }
        const share = r.cells[2];
        if (share?.kind === 'share' && !('suppressed' in share.share)) rel.push(eq([[tests, 1]], share.share.denominator, `${t.id} ${r.key}: share's n = tests`));
      }
    }
    // The target group: one main problem and one answer per background question for everyone who started.
    if ((t.id === 'main-problems' || (t.id.startsWith('background-') && !t.id.startsWith('background-outcome-'))) && flow)
      rel.push(eq([...sum(columnOf(t, 0)), [started, -1]], 0, `${t.id} = started`));
    if (t.id === 'goal-areas' && flow) {
      // Everyone who started has a goal area or none: the rows (with "none", or the row it was folded into) add up to at least those who started.
      rel.push(le([[started, 1], ...sum(columnOf(t, 0), -1)], 0, 'goal areas + none ≥ started'));
      if (t.rows.some((r) => r.key === 'none')) rel.push(le([[ref(t.id, 'none', 0), 1], [started, -1]], 0, 'no goal ≤ started'));
    }
  }
  // The client views: each row's levels add up to its total; every item of a point counts the same respondents by level.
  // A reader sees from the header whether an item's table has a column of the unclassified ("Ej bedömd") or counts the
  // classified only (the section says so); the last column is the row's total either way.
  const items = [...tables.values()].filter((t) => t.id.startsWith('views-') && t.id !== 'views-summary' && t.id !== 'views-tests');
  const withUnclassified = (t: ReportTable) => t.columns.some((c) => c === 'Ej bedömd' || c === 'Not classified');
  const totalOf = (t: ReportTable) => (withUnclassified(t) ? 5 : 4);
  for (const t of items)
    for (const r of t.rows) rel.push(eq([...sum([...Array(totalOf(t)).keys()].map((j) => ref(t.id, r.key, j))), [ref(t.id, r.key, totalOf(t)), -1]], 0, `${t.id} ${r.key}: levels = total`));
  const point = (id: string) => id.split('-')[1];
  for (const [i, a] of items.entries()) {
    const b = items.slice(i + 1).find((x) => point(x.id) === point(a.id));
    if (b === undefined) continue;
    for (let j = 0; j <= totalOf(a); j++) rel.push(eq([...sum(columnOf(a, j)), ...sum(columnOf(b, j), -1)], 0, `${a.id} and ${b.id}: column ${j} same respondents`));
  }
  if (items[0] && flow) rel.push(le([...sum(columnOf(items[0], totalOf(items[0]))), [closed, -1]], 0, 'respondents ≤ closed'));
  // Everyone closed is asked at closing (src/compile/views.ts: asked = answered + don't know + not answered), so an item at
  // `after` counts each closed client once: by level, the attainment total's levels; unclassified, the flow's; in all, those
  // closed — or, counting the classified only, the attainment total's n.
  const totalRow = tables.get('attainment-total')?.rows[0];
  const atClosing = items.find((t) => point(t.id) === 'after');
  if (atClosing && totalRow) {
    for (const j of [0, 1, 2, 3]) rel.push(eq([...sum(columnOf(atClosing, j)), [ref('attainment-total', totalRow.key, j), -1]], 0, `views-after: column ${j} = attainment level`));
    if (!withUnclassified(atClosing)) rel.push(eq([...sum(columnOf(atClosing, 4)), [ref('attainment-total', totalRow.key, 4), -1]], 0, 'views-after: asked = classified'));
    else if (flow && has(cells, ref('flow', 'unclassified', 0))) {
      rel.push(eq([...sum(columnOf(atClosing, 4)), [ref('flow', 'unclassified', 0), -1]], 0, 'views-after: unclassified = flow unclassified'));
      rel.push(eq([...sum(columnOf(atClosing, 5)), [closed, -1]], 0, 'views-after: asked = closed'));
    }
  }
  // The classified with a background value are among those who started with it (the target group's table of the same question).
  for (const t of tables.values()) {
    if (!t.id.startsWith('background-outcome-')) continue;
    const started_ = tables.get(`background-${t.id.slice('background-outcome-'.length)}`);
    if (started_ === undefined) continue;
    for (const r of t.rows) if (has(cells, ref(started_.id, r.key, 0))) rel.push(le([[ref(t.id, r.key, 4), 1], [ref(started_.id, r.key, 0), -1]], 0, `${t.id} ${r.key}: classified ≤ started`));
  }
  const summary = tables.get('views-summary');
  for (const r of summary?.rows ?? []) {
    const item = tables.get(`views-${r.key}`);
    if (item === undefined) continue;
    const answeredRows = item.rows.filter((x) => x.key !== 'no_answer' && x.key !== 'dont_know' && x.key !== 'not_answered');
    const answered = sum(answeredRows.map((x) => ref(item.id, x.key, totalOf(item))));
    rel.push(eq([...answered, [ref(summary!.id, r.key, 0), -1]], 0, `views-summary ${r.key}: answered`));
    const share = r.cells[1];
    if (share?.kind === 'share' && !('suppressed' in share.share)) rel.push(eq(answered, share.share.denominator, `views-summary ${r.key}: share's n`));
  }
  return rel;
}

/** Rounded bounds are widened by a hair so that floating-point noise never makes a true table infeasible. */
const SLACK = 1e-6;

/**
 * The feasible interval of every hidden count, over non-negative integers
 * satisfying every relation: the exact integer program (HiGHS, branch and cut,
 * no node or time limit; a status other than optimal, unbounded or infeasible
 * throws rather than fall back to the relaxation). The hidden cells are split
 * into the connected components of the relations (two cells are linked when a
 * relation names both), and each component is one small program, solved for
 * the minimum and the maximum of each of its cells. A minimum is not solved
 * where a solution found already has the cell at 0. With `only`, just the
 * components holding those cells are solved, and only their cells returned.
 */
export function hiddenIntervals(cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[], only?: ReadonlySet<CellRef>): Interval[] {
  // Auxiliary unknowns (isAuxiliary) are hidden cells that are solved for but not reported.
  const auxiliary = [...new Set(relations.flatMap((r) => r.terms.map(([c]) => c)))].filter((c) => isAuxiliary(c) && !cells.has(c));
  cells = new Map([...cells, ...auxiliary.map((c) => [c, null] as const)]);
  const hidden = [...cells].filter(([, v]) => v === null).map(([c]) => c);
  const index = new Map(hidden.map((c, i) => [c, i]));
  // Each relation over the hidden cells: its terms (merged per cell) and its bounds less the published cells.
  const rows: { cols: Map<number, number>; lo: number; hi: number; why: string }[] = [];
  for (const r of relations) {
    let constant = 0;
    const cols = new Map<number, number>();
    for (const [c, coef] of r.terms) {
      const v = cells.get(c);
      if (v === undefined) throw new Error(`relation "${r.why}" names ${c}, which the report does not have`);
      if (v === null) cols.set(index.get(c)!, (cols.get(index.get(c)!) ?? 0) + coef);
      else constant += coef * v;
    }
    for (const [j, coef] of cols) if (coef === 0) cols.delete(j);
    const lo = r.min - constant - SLACK;
    const hi = r.max - constant + SLACK;
    // A relation over published cells only must hold as published, or the relation is wrong.
    if (cols.size === 0 && (lo > 0 || hi < 0)) throw new Error(`relation "${r.why}" does not hold for the published cells (${constant} not in [${r.min}, ${r.max}])`);
    if (cols.size > 0) rows.push({ cols, lo, hi, why: r.why });
  }
  // Connected components (union–find over the cells each relation names).
  const parent = hidden.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const { cols } of rows) {
    const [first, ...rest] = [...cols.keys()];
    for (const j of rest) parent[find(j)] = find(first!);
  }
  const components = new Map<number, number[]>();
  hidden.forEach((_, i) => components.set(find(i), [...(components.get(find(i)) ?? []), i]));
  const rowsOf = new Map<number, typeof rows>();
  for (const row of rows) {
    const root = find(row.cols.keys().next().value!);
    rowsOf.set(root, [...(rowsOf.get(root) ?? []), row]);
  }
  const out = new Map<number, Interval>();
  for (const [root, members] of components) {
    if (only && !members.some((i) => only.has(hidden[i]!))) continue;
    const own = rowsOf.get(root) ?? [];
    // A cell in no relation can be anything.
    if (own.length === 0) {
      for (const i of members) out.set(i, { cell: hidden[i]!, min: 0, max: Infinity });
      continue;
    }
    const intervals = componentIntervals(members, own, only && ((i) => only.has(hidden[i]!)));
    members.forEach((i, m) => {
      const interval = intervals[m];
      if (interval) out.set(i, { cell: hidden[i]!, ...interval });
    });
  }
  return hidden.flatMap((c, i) => (isAuxiliary(c) ? [] : only === undefined ? [out.get(i)!] : only.has(c) ? [out.get(i)!] : []));
}

const MINIMIZE = highs.constants.objectiveSense.minimize;
const MAXIMIZE = highs.constants.objectiveSense.maximize;
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const UNBOUNDED = 10;

type Row = { cols: Map<number, number>; lo: number; hi: number; why: string };
type Sense = typeof MINIMIZE;
/** Within this of an integer, a solution value counts as that integer (HiGHS's own MIP feasibility tolerance). */
const INTEGRAL = 1e-6;

/**
 * The exact [min, max] of each member over the component's relations
 * (members are indices in `hidden`; with `wanted`, only those it accepts,
 * the others undefined). Each bound is first solved as the linear
 * relaxation, whose rounded optimum bounds the integer one: it is the integer
 * optimum when the relaxation's solution is integral, or when an integer
 * solution found before already reaches it; otherwise the integer program is
 * solved. A relaxation that is unbounded leaves the integer program unbounded
 * (rational data, and the true counts are a solution).
 */
function componentIntervals(members: readonly number[], rows: readonly Row[], wanted?: (i: number) => boolean): ({ min: number; max: number } | undefined)[] {
  const column = new Map(members.map((i, m) => [i, m]));
  const n = members.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const { cols } of rows) {
    for (const [j, coef] of [...cols].sort((a, b) => column.get(a[0])! - column.get(b[0])!)) {
      indices.push(column.get(j)!);
      values.push(coef);
    }
    starts.push(indices.length);
  }
  const inf = highs.infinity;
  const data = {
    numCols: n,
    numRows: rows.length,
    colCost: new Array<number>(n).fill(0),
    colLower: new Array<number>(n).fill(0),
    colUpper: new Array<number>(n).fill(inf),
    rowLower: rows.map((r) => (r.lo === -Infinity ? -inf : r.lo)),
    rowUpper: rows.map((r) => (r.hi === Infinity ? inf : r.hi)),
    matrix: { format: 'csr' as const, numRows: rows.length, numCols: n, starts, indices, values },
  };
  const models: ReturnType<typeof highs.createModel>[] = [];
  const solver = (integer: boolean) => {
    const model = highs.createModel(integer ? { ...data, integrality: new Array<0 | 1>(n).fill(highs.constants.variableType.integer) } : data);
    models.push(model);
    // The objective is one integer cell, so a gap below 1 proves the integer optimum: no relative gap stops it early.
    model.options.set(integer ? { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 } : { output_flag: false });
    let objective = -1;
    return (m: number, sense: Sense): { status: number; value: number; x: Float64Array | readonly number[] } => {
      if (objective !== m) {
        if (objective >= 0) model.changeColCost(objective, 0);
        model.changeColCost(m, 1);
        objective = m;
      }
      model.changeObjectiveSense(sense);
      model.run();
      const status = model.getModelStatus();
      if (status === INFEASIBLE) throw new Error(`the relations have no non-negative ${integer ? 'integer ' : ''}solution (${rows.map((r) => r.why).join('; ')})`);
      if (status === UNBOUNDED || status === UNBOUNDED_OR_INFEASIBLE) return { status: UNBOUNDED, value: Infinity, x: [] };
      if (status !== OPTIMAL) throw new Error(`HiGHS ended with model status ${status} on a component of ${n} cells`);
      return { status, value: model.getObjectiveValue(), x: model.getSolution().colValue };
    };
  };
  // An integer solution with cell m at `value`, or undefined when there is none.
  const feasibility = () => {
    const model = highs.createModel({ ...data, integrality: new Array<0 | 1>(n).fill(highs.constants.variableType.integer) });
    models.push(model);
    model.options.set({ output_flag: false });
    return (m: number, value: number): Float64Array | readonly number[] | undefined => {
      model.changeColBounds(m, value, value);
      model.run();
      const status = model.getModelStatus();
      const x = status === OPTIMAL ? model.getSolution().colValue : undefined;
      model.changeColBounds(m, 0, inf);
      // With no objective, "unbounded or infeasible" (from presolve) is infeasible: no integer solution there, and the
      // integer program with the objective settles the bound.
      if (status !== OPTIMAL && status !== INFEASIBLE && status !== UNBOUNDED_OR_INFEASIBLE) throw new Error(`HiGHS ended with model status ${status} on a feasibility program of ${n} cells`);
      return x;
    };
  };
  try {
    const lp = solver(false);
    let mip: ReturnType<typeof solver> | undefined;
    let probe: ReturnType<typeof feasibility> | undefined;
    // The smallest and largest value of each cell over the integer solutions found so far.
    const seenMin = new Array<number>(n).fill(Infinity);
    const seenMax = new Array<number>(n).fill(-Infinity);
    const integral = (x: Float64Array | readonly number[]) => x.every((v) => Math.abs(v - Math.round(v)) < INTEGRAL);
    const see = (x: Float64Array | readonly number[]) =>
      x.forEach((v, j) => {
        seenMin[j] = Math.min(seenMin[j]!, Math.round(v));
        seenMax[j] = Math.max(seenMax[j]!, Math.round(v));
      });
    const bound = (m: number, sense: Sense): number => {
      const relaxed = lp(m, sense);
      if (relaxed.status === UNBOUNDED) {
        if (sense === MINIMIZE) throw new Error('a minimum of a non-negative cell cannot be unbounded');
        return Infinity;
      }
      if (integral(relaxed.x)) {
        see(relaxed.x);
        return Math.round(relaxed.value);
      }
      const rounded = sense === MAXIMIZE ? Math.floor(relaxed.value + INTEGRAL) : Math.ceil(relaxed.value - INTEGRAL);
      if ((sense === MAXIMIZE ? seenMax[m] : seenMin[m]) === rounded) return rounded;
      // Is the rounded bound an integer solution? Usually it is, and a feasibility program (the cell fixed, no objective) is quicker.
      probe ??= feasibility();
      const x = probe(m, rounded);
      if (x !== undefined) {
        see(x);
        return rounded;
      }
      mip ??= solver(true);
      const exact = mip(m, sense);
      if (exact.status === UNBOUNDED) throw new Error('the integer program is unbounded where its relaxation is not');
      see(exact.x);
      return Math.round(exact.value);
    };
    return members.map((i, m) => {
      if (wanted && !wanted(i)) return undefined;
      const max = bound(m, MAXIMIZE);
      // A non-negative cell at 0 in a solution found has its minimum: 0.
      const min = seenMin[m] === 0 ? 0 : bound(m, MINIMIZE);
      return { min, max };
    });
  } finally {
    for (const model of models) model.dispose();
  }
}

/** Hidden cells whose interval is a single value or lies within 1..k−1. */
export function disclosed(intervals: readonly Interval[], k: number): Interval[] {
  return intervals.filter((r) => r.min === r.max || (r.min >= 1 && r.max <= k - 1));
}

/**
 * The family of a relation, for counting disclosures by route: its table's
 * kind (the table id's first word) and what it says, without the row.
 */
export function relationFamily(r: Relation): string {
  const [head, what] = r.why.includes(': ') ? [r.why.slice(0, r.why.indexOf(': ')), r.why.slice(r.why.indexOf(': ') + 2)] : ['', r.why];
  return head === '' ? what : `${head.split(/[ |]/)[0]!.split('-')[0]}: ${what}`;
}

/**
 * The routes of a disclosed cell: the relation families without which it is
 * no longer disclosed (each left out alone, the cell's component solved
 * again). Empty when no single family is needed (two routes lead to it).
 */
export function disclosureRoutes(cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[], cell: CellRef, k: number): string[] {
  const families = [...new Set(hiddenComponentRelations(cells, relations, cell).map(relationFamily))];
  return families.filter((f) => disclosed(hiddenIntervals(cells, relations.filter((r) => relationFamily(r) !== f), new Set([cell])), k).length === 0);
}

/** The relations of the connected component of hidden cells that holds `cell`. */
function hiddenComponentRelations(cells: ReadonlyMap<CellRef, number | null>, relations: readonly Relation[], cell: CellRef): Relation[] {
  const hiddenOf = (r: Relation) => r.terms.map(([c]) => c).filter((c) => cells.get(c) === null);
  const reached = new Set([cell]);
  const taken = new Set<Relation>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of relations) {
      if (taken.has(r)) continue;
      const own = hiddenOf(r);
      if (!own.some((c) => reached.has(c))) continue;
      taken.add(r);
      grew = true;
      for (const c of own) reached.add(c);
    }
  }
  return [...taken];
}

/** The whole attack on a report model. */
export function attackReport(model: ReportModel, k = 5): { intervals: Interval[]; disclosed: Interval[] } {
  const intervals = hiddenIntervals(countCells(model), reportRelations(model));
  return { intervals, disclosed: disclosed(intervals, k) };
}
