// The report's section Efteruppföljning on the Björkebo example: of the 32
// closed in the results, 20 reached, 7 not reached, 5 declined, 0 with no
// follow-up recorded (tests/example/bjorkebo.test.ts counts them from the
// records one by one). 20 + 7 + 5 + 0 = 32.
import { describe, expect, it } from 'vitest';
import { compile, parsePlan, tabulate } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { bjorkeboExamplePlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';

const plan = parsePlan(bjorkeboExamplePlan);
const compilation = compile(plan, bjorkeboCohort(plan));
const values = (cells: readonly unknown[]) => cells.map((c) => {
  const v = (c as { value: { value?: number } }).value;
  return v.value ?? '..';
});

describe('tabulate: reach at each follow-up point', () => {
  it('counts each closed client once per point, the four statuses summing to those closed', () => {
    const [reach] = tabulate(compilation).total.followUps;
    expect(reach).toMatchObject({ id: '12m', monthsAfter: 12, closed: 32 });
    expect([reach!.reached.count, reach!.notReached.count, reach!.declined.count, reach!.missing.count]).toEqual([20, 7, 5, 0]);
    expect(reach!.reached.n).toBe(32);
  });

  it('is empty for a plan without follow-up points', () => {
    const pilot = parsePlan(bjorkeboPlan);
    expect(tabulate(compile(pilot, bjorkeboCohort(pilot))).total.followUps).toEqual([]);
  });
});

describe('report: Efteruppföljning', () => {
  const section = (k: number, locale: 'sv' | 'en' = 'sv') => buildReport(compilation, { k, locale }).sections.find((s) => s.id === 'follow-up')!;

  it('shows the reach table with those closed as its row total, and says who was reached (k = 2: 20, 7, 5 shown; 0 is not a small count)', () => {
    const s = section(2);
    expect(s.title).toBe('Efteruppföljning');
    const reach = s.tables.find((t) => t.id === 'follow-up-12m')!;
    expect(reach.columns).toEqual(['Nåddes', 'Kunde inte nås', 'Avböjde', 'Uppgift saknas', 'Avslutade']);
    expect(values(reach.rows[0]!.cells)).toEqual([20, 7, 5, 0, 32]);
    expect(s.text?.[0]).toBe(
      '20 av de 32 som avslutades i resultaten nåddes vid uppföljningen 12 månader efter avslut. De som inte nåddes kan skilja sig från dem som nåddes, så förändringen fram till uppföljningen gäller bara dem som nåddes.',
    );
    expect(section(2, 'en').text?.[0]).toMatch(/^20 of the 32 closed in the results were reached at the follow-up 12 months after closing\. Those not reached/);
  });

  it('k = 5: its closed is the flow\'s closed, hidden with it (32 closed less 30 classified would give the 2 not classified), and the sentence gives neither', () => {
    const report = buildReport(compilation, { k: 5 });
    const flowClosed = report.sections[0]!.tables[0]!.rows.find((r) => r.key === 'closed')!.cells;
    expect(values(flowClosed)).toEqual(['..']);
    const s = report.sections.find((x) => x.id === 'follow-up')!;
    const cells = values(s.tables.find((t) => t.id === 'follow-up-12m')!.rows[0]!.cells);
    expect(cells[4]).toBe('..');
    // With the row total hidden, one more cell of the row is hidden, or the total would be their sum.
    expect(cells.slice(0, 4).filter((c) => c === '..').length).toBeGreaterThanOrEqual(1);
    expect(s.text?.[0]).toBe('Inte alla som avslutades i resultaten nåddes vid uppföljningen 12 månader efter avslut. De som inte nåddes kan skilja sig från dem som nåddes, så förändringen fram till uppföljningen gäller bara dem som nåddes.');
  });

  it('hides 7 and 5 at k = 8, and then a further cell so the row total cannot give them back; the caution gives no number it hides', () => {
    const s = section(8);
    const cells = values(s.tables.find((t) => t.id === 'follow-up-12m')!.rows[0]!.cells);
    expect(cells[1]).toBe('..');
    expect(cells[2]).toBe('..');
    // One hidden cell in a row with a published total could be solved for: at least two are hidden.
    expect(cells.filter((c) => c === '..').length).toBeGreaterThanOrEqual(2);
    const shown = (i: number) => (cells[i] === '..' ? undefined : cells[i]);
    if (shown(0) === undefined || shown(4) === undefined) {
      // "12" is the point's label; no count is given.
      expect(s.text?.[0]).toBe('Inte alla som avslutades i resultaten nåddes vid uppföljningen 12 månader efter avslut. De som inte nåddes kan skilja sig från dem som nåddes, så förändringen fram till uppföljningen gäller bara dem som nåddes.');
    }
  });

  it('adds the primary measure\'s change from before to the point, with its paired test', () => {
    const s = section(5);
    expect(s.tables.map((t) => t.id)).toContain('follow-up-12m-tilltro-nykterhet');
    expect(s.text?.[1]).toMatch(/^Förändringen av Egen tilltro till fortsatt drogfrihet\/nykterhet om 1 år från före till uppföljningen 12 månader efter avslut/);
  });
});
