/**
 * The report's section "Bakgrund och insatsens omfattning" (issue 10 item 4)
 * on a hand-made cohort of 12 closed clients, all with one goal. Level
 * scores: 4 = positive, goal met (2 → 4, met); 3 = positive, goal not met
 * (2 → 4); 2 = no change (3 → 3); 1 = negative change (4 → 2).
 *
 * | earlier treatment | scores               | sessions |
 * |---|---|---|
 * | yes (6) | 4, 4, 4, 3, 3, 2         | 3 each (band 3+) |
 * | no (6)  | 4, 3, 2, 2, 1, 1         | 0 each (band 0)  |
 *
 * Yes: levels 3 + 2 + 1 + 0 = 6, goal met 3 of 6 (50 %), improved 5 of 6.
 * No: levels 1 + 1 + 2 + 2 = 6, goal met 1 of 6, improved 2 of 6.
 * Total: 4, 3, 3, 2 (n 12). Mean change by band: 3+ (2 + 2 + 2 + 2 + 2 + 0) / 6 = 10/6 ≈ 1.67;
 * 0 (2 + 2 + 0 + 0 − 2 − 2) / 6 = 0. The level test needs 8 (`groupTotal`) and 3 per group: 12
 * with 6 each, so it is computed; with `groupSize` 7 it is too few.
 */
import { describe, expect, it } from 'vitest';
import { compile, parsePlan, type ClientRecord, type PlanInput } from '../../src/index.js';
import { buildReport, type ReportModel, type ReportTable } from '../../src/report/index.js';
import { analyse } from '../../src/index.js';
import { closedRecord, makeRecord, smallPlanInput } from '../helpers/fixtures.js';

const plan = parsePlan({
  ...smallPlanInput,
  id: 'bg-report',
  background: [{ id: 'tidigare', label: { sv: 'Tidigare behandling', en: 'Earlier treatment' }, kind: 'boolean' }],
  doseBands: { sessions: [{ from: 0, to: 0 }, { from: 1, to: 2 }, { from: 3 }] },
} satisfies PlanInput);
const T = 'tilltro-nykterhet';
const LEVEL = { 4: [2, 4, true], 3: [2, 4, false], 2: [3, 3, false], 1: [4, 2, false] } as const;
const YES = [4, 4, 4, 3, 3, 2] as const;
const NO = [4, 3, 2, 2, 1, 1] as const;

function record(score: 1 | 2 | 3 | 4, tidigare: boolean, i: number): ClientRecord {
  const [before, after, met] = LEVEL[score];
  const sessions = tidigare ? 3 : 0;
  return makeRecord(
    {
      id: `r${i}`,
      before: { goals: [{ statement: 'Mål' }], measures: { [T]: before }, background: { tidigare } },
      during: Array.from({ length: sessions }, (_, d) => ({ kind: 'session' as const, date: `2024-01-${String(16 + d).padStart(2, '0')}`, attended: true })),
      after: { measures: { [T]: after }, goalsMet: [met] },
    },
    plan,
  );
}
const records = [...YES.map((s, i) => record(s, true, i)), ...NO.map((s, i) => record(s, false, i + 6))];
const compilation = compile(plan, records);

const section = (m: ReportModel) => m.sections.find((s) => s.id === 'background')!;
const table = (m: ReportModel, id: string): ReportTable => section(m).tables.find((t) => t.id === id)!;
const shown = (t: ReportTable) => t.rows.map((r) => [r.key, ...r.cells.map((c) => (c.kind === 'count' ? ('value' in c.value ? c.value.value : '..') : c.kind === 'share' ? ('suppressed' in c.share ? '..' : c.share.numerator) : c.kind === 'number' ? (c.suppressed ? '..' : c.value) : c.text))]);

describe('report section Bakgrund och insatsens omfattning (hand-computed)', () => {
  it('comes after the target group, in Swedish and English', () => {
    const sv = buildReport(compilation, { audience: 'internal' });
    const en = buildReport(compilation, { locale: 'en', audience: 'internal' });
    const ids = sv.sections.map((s) => s.id);
    expect(ids.indexOf('background')).toBe(ids.indexOf('target') + 1);
    expect(section(sv).title).toBe('Bakgrund och insatsens omfattning');
    expect(section(en).title).toBe('Background and dose');
    expect(table(sv, 'background-outcome-tidigare').title).toBe('Måluppfyllelse efter tidigare behandling');
    expect(table(en, 'dose-sessions').title).toBe('Goal attainment by sessions attended');
  });

  it('shows goal attainment by value and by band with k = 1 (internal): the arithmetic above', () => {
    const m = buildReport(compilation, { audience: 'internal' });
    // Yes 3 + 2 + 1 + 0 = 6, goal met 3; no 1 + 1 + 2 + 2 = 6, goal met 1.
    expect(shown(table(m, 'background-outcome-tidigare'))).toEqual([
      ['yes', 3, 2, 1, 0, 6, 3],
      ['no', 1, 1, 2, 2, 6, 1],
    ]);
    // Band 1–2 has nobody and is left out; improved 2 of 6 and 5 of 6; mean change 0 and 10/6.
    const dose = shown(table(m, 'dose-sessions'));
    expect(dose.map((r) => r.slice(0, 7))).toEqual([
      ['0', 1, 1, 2, 2, 6, 2],
      ['3+', 3, 2, 1, 0, 6, 5],
    ]);
    expect(dose[0]![7]).toBeCloseTo(0, 10);
    expect(dose[1]![7]).toBeCloseTo(10 / 6, 10);
  });

  it('gives each test with its Holm-adjusted p and n, and the one summary sentence', () => {
    const a = analyse(compilation);
    const m = buildReport(compilation, { audience: 'internal' }, a);
    const t = a.background[0]!;
    expect(t.goalMetTest.computed && t.goalMetTest.method).toBe('fisher-exact');
    const text = section(m).text!;
    expect(text[0]).toMatch(/^Skillnaden i andelen som nådde målet efter tidigare behandling (går|går inte) att säkerställa statistiskt: Fishers exakta test, p = [\d,]+ efter justering för \d jämförelser med Holms metod, n = 12\.$/);
    expect(text.some((s) => s.startsWith('Skillnaden i andelen som förändrades till det bättre efter antal genomförda besök'))).toBe(true);
    // Weeks: everyone closed in the same band, so nothing to compare.
    expect(text).toContain('Skillnaden i andelen som förändrades till det bättre efter antal veckor i insatsen kunde inte prövas: för få grupper att jämföra (minst 2 med bedömda klienter behövs).');
    const en = buildReport(compilation, { locale: 'en', audience: 'internal' }, a);
    expect(section(en).text![0]).toMatch(/^The difference in the share who reached their goal by earlier treatment (is|cannot be) statistically established: Fisher's exact test, p = [\d.]+ after adjustment for \d comparisons by Holm's method, n = 12\.$/);
    // The section's tests are not repeated under the summary.
    expect(m.tests.some((s) => s.includes('efter tidigare behandling'))).toBe(false);
  });

  it('says "för få" when too few to test the level, without a count', () => {
    const a = analyse(compilation, { minimums: { groupSize: 7 } });
    const m = buildReport(compilation, { audience: 'internal' }, a);
    expect(section(m).text).toContain('Skillnaden i nivån på skalan för måluppfyllelse efter tidigare behandling kunde inte prövas: för få bedömda klienter att jämföra.');
    // Not among the cautions as well.
    expect(m.cautions.some((s) => s.includes('efter tidigare behandling'))).toBe(false);
  });

  it('hides counts 1–4 with k = 5 and the n of 6 with k = 8, and then gives no n in the sentences', () => {
    const k5 = buildReport(compilation, { k: 5 });
    // Every level count is 0–3 here: the non-zero ones are hidden, the zero shown, n 6 shown.
    expect(shown(table(k5, 'background-outcome-tidigare'))).toEqual([
      ['yes', '..', '..', '..', '..', 6, '..'],
      ['no', '..', '..', '..', '..', 6, '..'],
    ]);
    expect(shown(table(k5, 'dose-sessions')).map((r) => r.slice(5))).toEqual([
      [6, '..', '..'],
      [6, '..', '..'],
    ]);
    const k8 = buildReport(compilation, { k: 8 });
    expect(shown(table(k8, 'background-outcome-tidigare')).map((r) => r[5])).toEqual(['..', '..']);
    expect(section(k8).text!.every((s) => !s.includes('n = '))).toBe(true);
    expect(section(k5).text![1]).toMatch(/, n = 12\.$/);
  });
});

describe('the target group by background (Målgrupp)', () => {
  it('adds up to those who started: a row for those without an answer, and a number without bands as recorded or not', () => {
    // 30 closed clients, none with a background answer: each table is 0 for every option and 30 without an answer.
    const withNumber = parsePlan({
      ...smallPlanInput,
      background: [...smallPlanInput.background!, { id: 'ar', label: { sv: 'År av missbruk', en: 'Years of misuse' }, kind: 'number', min: 0, max: 60 }],
    } satisfies PlanInput);
    const records = Array.from({ length: 30 }, (_, i) => closedRecord(2, 2 + (i % 4), i % 3 !== 0));
    const model = buildReport(compile(withNumber, records), { locale: 'sv', audience: 'internal' });
    const table = (id: string) => model.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
    const rows = (id: string) => table(id).rows.map((r) => [r.label, ...shown(table(id)).find((x) => x[0] === r.key)!.slice(1)]);
    expect(rows('background-boende')).toEqual([['Eget', 0], ['Hemlös', 0], ['Uppgift saknas', 30]]);
    expect(rows('background-tidigare')).toEqual([['Ja', 0], ['Nej', 0], ['Uppgift saknas', 30]]);
    expect(rows('background-ar')).toEqual([['Uppgift finns', 0], ['Uppgift saknas', 30]]);
  });
});
