/**
 * The whole-report attacker (tests/privacy/report-attacker.ts) on the
 * Björkebo report, on fixtures protected table by table (where it must find
 * leaks, so the test can fail).
 */
import { describe, expect, it } from 'vitest';
import { compile, parsePlan } from '../../src/index.js';
import { buildReport, linkAdditiveTables, protectReportTable, renderCsv, type RawTable, type ReportModel, type ReportTable } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { attackReport } from './report-attacker.js';

/** One line of the English CSV (comma-separated, double quotes around fields that need them). */
const splitCsv = (line: string): string[] => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
const modelOf = (tables: readonly ReportTable[]): ReportModel => ({ sections: [{ tables }] }) as unknown as ReportModel;
const counts = (key: string, values: readonly number[]) => ({ key, label: key, cells: values.map((value) => ({ kind: 'count' as const, value })) });

describe('the whole-report attacker', () => {
  // KNOWN LEAKS, pinned so that they are seen (not a goal): the flow hides ongoing 2, closed 32 and
  // unclassified 2. Everyone closed is asked the client-view questions, so each item's rows add up to
  // those closed by attainment level: the published respondents give closed = 32, then
  // unclassified = 32 − 30 and ongoing = started 39 − withdrawn 5 − closed; inside the item tables the
  // unclassified column's total (2) and the levels' totals undo the cells left alone in their column.
  // Hiding two small cells whose sum follows from other tables does not protect them (docs/privacy.md,
  // "What the whole-report attacker finds"). When protection is fixed this expectation fails, and
  // must become `toEqual([])`.
  it('finds the disclosed cells in the Björkebo report: the flow\'s closed, unclassified and ongoing, through the views respondents', () => {
    const plan = parsePlan(bjorkeboPlan);
    const { intervals, disclosed } = attackReport(buildReport(compile(plan, bjorkeboCohort(plan)), { locale: 'sv' }));
    expect(intervals.filter((i) => i.max !== Infinity).length).toBeGreaterThan(20); // it did attack
    expect(disclosed).toEqual([
      { cell: 'flow|ongoing|0', min: 2, max: 2 },
      { cell: 'flow|closed|0', min: 32, max: 32 },
      { cell: 'flow|unclassified|0', min: 2, max: 2 },
      { cell: 'views-after-respekt|other|4', min: 2, max: 2 },
      { cell: 'views-after-lyssnad|other|4', min: 2, max: 2 },
      { cell: 'views-after-information|positive|4', min: 2, max: 2 },
      { cell: 'views-after-nojd|positive|2', min: 4, max: 4 },
      { cell: 'views-after-nojd|positive|4', min: 2, max: 2 },
    ]);
  });

  it('reads a statistic\'s n nowhere: the CSV prints no n beside a mean, so a hidden count is not printed there', () => {
    const plan = parsePlan(bjorkeboPlan);
    const model = buildReport(compile(plan, bjorkeboCohort(plan)), { locale: 'en' });
    const published = new Map(renderCsv(model).map((f) => [f.name.replace(/\.csv$/, ''), f.text.replace(/^\ufeff/, '').trim().split('\r\n').slice(1)]));
    // Every CSV line is the model's cell, parsed back: a count only where the model shows it, an n only for a shown share.
    for (const section of model.sections)
      for (const t of section.tables) {
        const lines = published.get(t.id)!;
        let i = 0;
        for (const row of t.rows)
          for (const cell of row.cells) {
            const [count, n] = splitCsv(lines[i++]!).slice(2, 4);
            expect(count === '' ? null : Number(count)).toBe(cell.kind === 'count' && 'value' in cell.value ? cell.value.value : cell.kind === 'share' && !('suppressed' in cell.share) ? cell.share.numerator : null);
            expect(n === '' ? null : Number(n)).toBe(cell.kind === 'share' && !('suppressed' in cell.share) ? cell.share.denominator : null);
          }
        expect(lines.length).toBe(i);
      }
  });



  // Totals 12, 9, 7, 2 (n 30); by gender the 7 splits 3 + 4, by age band 7 + 0 (the linkAdditiveTables example).
  const attainment = (id: string, rows: ReturnType<typeof counts>[]): RawTable => ({ id, title: id, columns: ['+g', '+', '0', '−', 'n'], rows, additive: [0, 1, 2, 3], rowTotal: 4 });
  const linked = [
    attainment('attainment-total', [counts('total', [12, 9, 7, 2, 30])]),
    attainment('attainment-gender', [counts('kvinna', [6, 5, 3, 1, 15]), counts('man', [6, 4, 4, 1, 15])]),
    attainment('attainment-ageBand', [counts('18–29', [6, 4, 7, 1, 18]), counts('30+', [6, 5, 0, 1, 12])]),
  ];

  it('finds the shared totals of attainment tables protected one by one, and nothing once they are linked', () => {
    const alone = attackReport(modelOf(linked.map((t) => protectReportTable(t))));
    // The age table publishes 7 and 0, so the total's hidden 7 follows, and from n = 30 its hidden 2.
    expect(alone.disclosed).toEqual(expect.arrayContaining([
      { cell: 'attainment-total|total|2', min: 7, max: 7 },
      { cell: 'attainment-total|total|3', min: 2, max: 2 },
    ]));
    expect(attackReport(modelOf(linkAdditiveTables(linked))).disclosed).toEqual([]);
  });

  // The Björkebo "after" column: 1:3, 2:7, 3:8, 4:5, 5:7 (n 30, mean 3.2, sd 1.32).
  const after = [3, 7, 8, 5, 7];
  const values = after.flatMap((x, v) => Array.from({ length: x }, () => v + 1));
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  const summary: RawTable = {
    id: 'primary-summary', title: 's', columns: ['n', 'mean', 'sd'],
    rows: ['before-stayed', 'after'].map((key) => ({ key, label: key, cells: [{ kind: 'count', value: 30 }, { kind: 'number', value: mean, n: 30, digits: 2 }, { kind: 'number', value: sd, n: 30, digits: 2 }] })),
  };
  const distribution = (moments: boolean): RawTable => ({
    id: 'primary-distribution', title: 'd', columns: ['before', 'after'], additive: [0, 1],
    rows: after.map((x, v) => counts(String(v + 1), [x, x])),
    ...(moments ? { moments: [0, 1] } : {}),
  });

  it('undoes a distribution printed beside its mean and SD, unless the column is hidden whole (moments)', () => {
    // Hidden 3 and 5: x1 + x4 = 30 − 22 = 8 and x1 + 4·x4 = 96 − 73 = 23, so x4 = 5 and x1 = 3.
    const leaky = attackReport(modelOf([protectReportTable(summary), protectReportTable(distribution(false))]));
    expect(leaky.disclosed).toEqual(expect.arrayContaining([{ cell: 'primary-distribution|1|1', min: 3, max: 3 }]));
    const safe = protectReportTable(distribution(true));
    expect(safe.rows.every((r) => r.cells.every((c) => c.kind === 'count' && 'suppressed' in c.value))).toBe(true);
    expect(attackReport(modelOf([protectReportTable(summary), safe])).disclosed).toEqual([]);
  });
});
