// The true value of every count cell of a published report (issue 12): read
// from the internal report of the same compilation, which shows every count
// (`audience: 'internal'`, k = 1, nothing regrouped). A published cell the
// internal report lacks is a regrouped row (merged age bands, pooled weeks,
// folded categories, the client views' answers grouped as positive, other,
// and don't know or not answered): its true value is the sum of its parts'
// internal cells.
// For tests only: a relation the attacker writes must hold for these values.
import { tabulate } from '../../src/compile/index.js';
import { analyse, compile, type Compilation } from '../../src/index.js';
import { buildReport, type ReportModel } from '../../src/report/index.js';
import { randomCohort, randomCohortPlan, type RandomCohort } from './random-cohort.js';
import { countCells, type CellRef } from './report-attacker.js';

/** Every count cell of `published` (shown or hidden) with its true value from `internal`. */
export function trueCells(published: ReportModel, internal: ReportModel, compilation: Compilation): Map<CellRef, number> {
  const truth = countCells(internal);
  const parts = new Map<string, readonly string[]>();
  // A client-view item's grouped rows (src/report/_lib/views.ts): the positive answers, the others, don't know with not answered.
  const viewList = tabulate(compilation).total.views;
  for (const v of viewList) {
    parts.set(`views-${v.point}-${v.id}|positive`, v.answers.filter((a) => a.positive).map((a) => String(a.value)));
    parts.set(`views-${v.point}-${v.id}|other`, v.answers.filter((a) => !a.positive).map((a) => String(a.value)));
    parts.set(`views-${v.point}-${v.id}|no_answer`, [...(v.dontKnow === null ? [] : ['dont_know']), 'not_answered']);
  }
  for (const s of published.sections) for (const t of s.tables) for (const g of t.regrouped ?? []) parts.set(`${t.id}|${g.row}`, g.parts);
  // The weekly tables leave out weeks without tests (a pooled period may also run past the last week): those count 0.
  const weekly = new Set(internal.sections.flatMap((s) => s.tables.filter((t) => t.id.startsWith('during-')).map((t) => t.id)));
  // A client-view item's table counting the classified only (no "Ej bedömd" column, src/report/_lib/views.ts): its
  // total column and the summary's answered are the internal totals less the unclassified.
  const tables = new Map(published.sections.flatMap((s) => s.tables.map((t) => [t.id, t] as const)));
  const classifiedOnly = (id: string) => id.startsWith('views-') && tables.get(id)!.columns.length === 5 && id !== 'views-summary';
  const views = new Map<string, (typeof viewList)[number]>(viewList.map((v) => [`${v.point}-${v.id}`, v]));
  const valueOf = (cell: CellRef): number => {
    const [t, r, j] = cell.split('|') as [string, string, string];
    if (classifiedOnly(t) && j === '4') return internalOf(`${t}|${r}|5`) - internalOf(`${t}|${r}|4`);
    if (t === 'views-summary' && j === '0' && tables.has(`views-${r}`) && classifiedOnly(`views-${r}`)) {
      return views.get(r)!.answers.reduce((n, a) => n + a.count - a.byLevel.unclassified, 0);
    }
    return internalOf(cell);
  };
  const internalOf = (cell: CellRef): number => {
    const v = truth.get(cell);
    if (v !== undefined && v !== null) return v;
    const [table, row, col] = cell.split('|') as [string, string, string];
    // A week the internal weekly table leaves out had no tests.
    if (table.startsWith('during-') && /^\d+$/.test(row) && weekly.has(table)) return 0;
    const own = parts.get(`${table}|${row}`);
    if (own === undefined) throw new Error(`${cell}: neither in the internal report nor a regrouped row`);
    return own.reduce((s, part) => s + internalOf(`${table}|${part}|${col}`), 0);
  };
  return new Map([...countCells(published).keys()].map((c) => [c, valueOf(c)] as const));
}

/** The published report of random cohort `seed` (tests/privacy/random-cohort.ts, with the analysis) and the true value of each of its count cells. */
export function cohortReport(seed: number): { cohort: RandomCohort; model: ReportModel; truth: Map<CellRef, number> } {
  const cohort = randomCohort(seed);
  const compilation = compile(randomCohortPlan, cohort.records);
  const analysis = analyse(compilation);
  const options = { locale: 'sv', plan: randomCohortPlan, date: '2021-06-15' } as const;
  const model = buildReport(compilation, options, analysis);
  return { cohort, model, truth: trueCells(model, buildReport(compilation, { ...options, audience: 'internal' }, analysis), compilation) };
}
