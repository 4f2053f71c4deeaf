/**
 * Regrouping before hiding (issue 12 item 2, src/report/_lib/regroup.ts):
 * weeks pooled into periods, rare categories folded into Övriga, adjacent
 * age bands merged; and why the primary's histogram is not merged.
 */
import { describe, expect, it } from 'vitest';
import { compile, parsePlan } from '../../src/index.js';
import { buildReport, protectReportTable, type RawTable, type ReportModel, type ReportTable } from '../../src/report/index.js';
import { adjacentRuns, bestAdjacentMerge, foldRare, mergedBandCode, mergeBands } from '../../src/report/_lib/regroup.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { attackReport } from '../privacy/report-attacker.js';

const plan = parsePlan(bjorkeboPlan);
const compilation = compile(plan, bjorkeboCohort(plan));
const counts = (key: string, values: readonly number[]) => ({ key, label: key, cells: values.map((value) => ({ kind: 'count' as const, value })) });
const shown = (t: ReportTable | undefined) => t?.rows.map((r) => r.cells.map((c) => (c.kind === 'count' ? ('value' in c.value ? c.value.value : '..') : c.kind)));

describe('weeks during the intervention', () => {
  const urine = (options: { locale?: 'sv' | 'en'; regroup?: boolean }) =>
    buildReport(compilation, options).sections.find((s) => s.id === 'during')!.tables.find((t) => t.id === 'during-urinprov')!;

  it('are pooled four by four in Björkebo, where week by week most urine shares are hidden', () => {
    const plain = urine({ regroup: false });
    expect(plain.rows).toHaveLength(24);
    expect(plain.rows.filter((r) => r.cells[2]?.kind === 'share' && 'suppressed' in r.cells[2].share)).toHaveLength(18);
    const pooled = urine({});
    expect(pooled.rows.map((r) => r.label)).toEqual(['Vecka 1–4', 'Vecka 5–8', 'Vecka 9–12', 'Vecka 13–16', 'Vecka 17–20', 'Vecka 21–24']);
    // Weeks 1–4: 39 + 39 + 37 + 37 = 152 tests, one per client and week.
    expect(shown(pooled)?.[0]?.slice(0, 2)).toEqual([152, 152]);
    expect(pooled.columns[1]).toBe('Klientveckor');
    expect(pooled.regrouped?.[0]).toEqual({ row: '1–4', parts: ['1', '2', '3', '4'] });
    expect(pooled.note).toBe('Veckorna har slagits ihop till perioder om 4 veckor (vecka 1–4, 5–8 …) för att skydda enskilda.');
    expect(urine({ locale: 'en' }).note).toBe('The weeks have been pooled into periods of 4 weeks (weeks 1–4, 5–8 …) to protect individuals.');
    expect(plain.note).toBeUndefined();
  });
});

describe('rare categories', () => {
  const list = (values: readonly number[]): RawTable => ({ id: 'main-problems', title: 'Huvudproblem', columns: ['Antal'], additive: [0], rows: values.map((v, i) => counts(`c${i}`, [v])) });

  it('are folded into Övriga when that row can be shown: 3 + 2 = 5', () => {
    const t = foldRare(list([20, 3, 2, 15]), 5, 'sv');
    expect(shown(t)).toEqual([[20], [15], [5]]);
    expect(t.rows.at(-1)?.label).toBe('Övriga');
    expect(t.note).toBe('Kategorierna c1 och c2 har slagits ihop till ”Övriga” för att skydda enskilda.');
    expect(foldRare(list([20, 3, 2, 15]), 5, 'en').note).toBe('The categories c1 and c2 have been combined into “Other” to protect individuals.');
  });

  it('are hidden as before when Övriga would be small too: 3 + 1 = 4', () => {
    const t = foldRare(list([20, 3, 1]), 5, 'sv');
    expect(t).toEqual(protectReportTable(list([20, 3, 1])));
    expect(t.note).toBeUndefined();
  });
});

describe('age bands', () => {
  it('are merged only with their neighbours, named by the range they cover', () => {
    expect(adjacentRuns(3)).toEqual([[[0, 0], [1, 1], [2, 2]], [[0, 1], [2, 2]], [[0, 0], [1, 2]]]);
    expect(mergedBandCode('30–44', '45+')).toBe('30+');
    expect(mergedBandCode('18–29', '30–44')).toBe('18–44');
    const table: RawTable = { id: 'attainment-ageBand', title: 't', columns: ['a'], rows: [counts('18–29', [7]), counts('30–44', [3]), counts('45+', [4])] };
    const merged = mergeBands(table, [[0, 0], [1, 2]], 'sv');
    expect(merged.table.rows.map((r) => [r.label, r.cells[0]])).toEqual([['18–29', { kind: 'count', value: 7 }], ['30+ år', { kind: 'count', value: 7 }]]);
    expect(merged.note).toBe('Åldersgrupperna 30–44 och 45+ har slagits ihop för att skydda enskilda.');
    expect(mergeBands(table, [[0, 0], [1, 2]], 'en').note).toBe('The age groups 30–44 and 45+ have been combined to protect individuals.');
  });

  it('keep the merge that shows most cells, the finest among equals, and never merge across a band without bounds', () => {
    // Scores by hand: no merge 4, first two merged 6, last two merged 6 → the first of the equal merges.
    const score = (runs: readonly (readonly [number, number])[]) => (runs.length === 3 ? 4 : runs[0]![1] === 1 ? 6 : 6);
    expect(bestAdjacentMerge(3, () => true, score)).toEqual([[0, 1], [2, 2]]);
    expect(bestAdjacentMerge(3, (from) => from !== 0, score)).toEqual([[0, 0], [1, 2]]);
    expect(bestAdjacentMerge(3, () => true, () => 4)).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(bestAdjacentMerge(2, () => true, (runs) => 10 - runs.length)).toEqual([[0, 0], [1, 1]]); // two bands merged would be the total
  });
});

describe('the primary distribution is not merged', () => {
  // The Björkebo "after" column: 1:3, 2:7, 3:8, 4:5, 5:7 (n 30, mean 3.2, sd 1.32). Merged "1–2" = 10 beside the rest shown:
  // x1 + x2 = 10 and, from the mean, x1 + 2·x2 = 96 − (3·8 + 4·5 + 5·7) = 17, so x2 = 7 and x1 = 3.
  const after = [3, 7, 8, 5, 7];
  const values = after.flatMap((x, v) => Array.from({ length: x }, () => v + 1));
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  const summary = protectReportTable({
    id: 'primary-summary', title: 's', columns: ['n', 'mean', 'sd'],
    rows: ['before-stayed', 'after'].map((key) => ({ key, label: key, cells: [{ kind: 'count', value: 30 }, { kind: 'number', value: mean, n: 30, digits: 2 }, { kind: 'number', value: sd, n: 30, digits: 2 }] })),
  });

  it('since a merged pair of values beside the printed mean and SD gives both back (the attacker), so the moments rule stands', () => {
    const merged = protectReportTable({ id: 'primary-distribution', title: 'd', columns: ['before', 'after'], rows: [counts('1–2', [10, 10]), ...[8, 5, 7].map((x, i) => counts(String(i + 3), [x, x]))] });
    const model = { sections: [{ tables: [summary, { ...merged, regrouped: [{ row: '1–2', parts: ['1', '2'] }] }] }] } as unknown as ReportModel;
    expect(attackReport(model).disclosed).toEqual(expect.arrayContaining([
      { cell: 'primary-distribution|1|1', min: 3, max: 3 },
      { cell: 'primary-distribution|2|1', min: 7, max: 7 },
    ]));
  });
});
