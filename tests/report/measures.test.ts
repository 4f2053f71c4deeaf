import { describe, expect, it } from 'vitest';
import { after, analyse, before, compile, enrol, parsePlan, type ClientRecord } from '../../src/index.js';
import { buildReport, renderMarkdown } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';

// The Björkebo plan with AUDIT (lower is better) before and after as a secondary measure, minimal change 3 points.
const plan = parsePlan({ ...bjorkeboPlan, measures: { before: ['tilltro-nykterhet', 'audit'], after: ['tilltro-nykterhet', 'audit'] }, minimalChange: { audit: 3 } });

// AUDIT before → after for eight who completed; a ninth (AUDIT 25 before) broke off.
// Changes: −10, −6, −5, −8 improved; −1, 0 unchanged (|change| < 3); +6 worsened; −8 improved.
const PAIRS: readonly (readonly [number, number])[] = [[20, 10], [18, 12], [15, 10], [22, 14], [12, 11], [10, 10], [14, 20], [16, 8]];

function cohort(): ClientRecord[] {
  const started = (i: number, audit: number) =>
    before(plan, enrol(plan, { clientId: `k-${i}`, intervention: 'f-cra', enrolled: '2019-01-07', gender: i % 2 === 0 ? 'kvinna' : 'man', age: 30 + i }), {
      date: '2019-01-14',
      mainProblem: 'alkohol',
      goals: [{ area: 'boende', statement: 'Eget boende' }],
      measures: { 'tilltro-nykterhet': 2, audit },
    });
  const done = PAIRS.map(([b, a], i) =>
    after(plan, started(i, b), { date: '2019-06-10', reason: 'completed', measures: { 'tilltro-nykterhet': 3, audit: a }, goalsMet: [i % 2 === 0] }),
  );
  return [...done, after(plan, started(8, 25), { date: '2019-03-01', reason: 'breakdown', measures: {} })];
}

const compilation = compile(plan, cohort());
const section = (k: number, locale: 'sv' | 'en' = 'sv') => buildReport(compilation, { k, locale }).sections.find((s) => s.id === 'measures');
const shown = (c: unknown) => c as { kind: string; value: unknown };

describe('report section Andra mått (secondary measures)', () => {
  it('shows n, median and mean before and after, and the pairs, with k = 1 (nothing hidden)', () => {
    const s = section(1, 'sv')!;
    expect(s.title).toBe('Andra mått');
    expect(s.tables.map((t) => t.id)).toEqual(['measures-audit', 'measures-audit-direction']);
    const [summary, direction] = s.tables;
    // Before, all nine: 10 12 14 15 16 18 20 22 25 → median 16, mean 152/9 = 16.89.
    // After, eight: 8 10 10 10 11 12 14 20 → median (10 + 11)/2 = 10.5, mean 95/8 = 11.875.
    // Same pairs before: 127/8 = 15.875.
    const values = summary!.rows.map((r) => [r.key, ...r.cells.map((c) => (c.kind === 'count' ? (c.value as { value: number }).value : c.kind === 'number' ? c.value : null))]);
    expect(values[0]).toEqual(['before', 9, 16, 152 / 9]);
    expect(values[1]).toEqual(['after', 8, 10.5, 95 / 8]);
    expect(values[2]).toEqual(['pairs-before', 8, null, 127 / 8]);
    expect(values[3]).toEqual(['pairs-after', 8, null, 95 / 8]);
    // Improved 5, unchanged 2, worsened 1, pairs 8.
    expect(direction!.rows[0]!.cells.map((c) => shown(c).value)).toEqual([{ value: 5 }, { value: 2 }, { value: 1 }, { value: 8 }]);
    expect(direction!.suppressed).toBe(false);
  });

  it('with k = 5 hides the small direction counts, and the pairs means that would give the mean change', () => {
    const s = section(5, 'sv')!;
    const [summary, direction] = s.tables;
    const cells = direction!.rows[0]!.cells.map((c) => shown(c).value);
    // 2 and 1 are below 5: hidden; 5 and the 8 pairs stay (the hidden two sum to 3, each between 0 and 3).
    expect(cells[1]).toHaveProperty('suppressed');
    expect(cells[2]).toHaveProperty('suppressed');
    expect(cells[0]).toEqual({ value: 5 });
    const pairs = summary!.rows.filter((r) => r.key.startsWith('pairs-'));
    for (const r of pairs) for (const c of r.cells) if (c.kind === 'number') expect(c.suppressed).toBe(true);
    // The before and after rows rest on 9 and 8 people: shown.
    const after = summary!.rows.find((r) => r.key === 'after')!;
    expect(after.cells[2]).toMatchObject({ kind: 'number', value: 95 / 8, suppressed: false });
  });

  it('says the paired test in one sentence, with n only when the direction table hides nothing (sv and en)', () => {
    const a = analyse(compilation).measures.find((m) => m.id === 'audit' && m.phase === 'after')!;
    expect(a.pairedTest.computed).toBe(true);
    const p = a.pairedTest.computed ? a.pairedTest.pValue : NaN;
    const reading = (sv: boolean) => (p < 0.05 ? (sv ? 'går att säkerställa statistiskt' : 'is statistically established') : sv ? 'går inte att säkerställa statistiskt' : 'cannot be statistically established');
    const sv1 = section(1, 'sv')!.text![0]!;
    expect(sv1.startsWith(`Förändringen av ${a.label.sv} från före till efter ${reading(true)}: `)).toBe(true);
    expect(sv1.endsWith(', n = 8.')).toBe(true);
    expect(sv1).toContain('Wilcoxon');
    const en5 = section(5, 'en')!.text![0]!;
    expect(en5.startsWith(`The change in ${a.label.en} from before to after ${reading(false)}: `)).toBe(true);
    expect(en5).not.toMatch(/n = /);
    expect(section(5, 'en')!.title).toBe('Other measures');
  });

  it('says "too few" when there are no pairs, and is absent without a secondary measure', () => {
    const none = compile(plan, cohort().slice(8));
    const s = buildReport(none, { k: 5 }).sections.find((x) => x.id === 'measures')!;
    expect(s.text).toEqual(['Förändringen av AUDIT (alkohol) från före till efter kunde inte testas: för få par.']);
    const primaryOnly = compile(parsePlan(bjorkeboPlan), []);
    expect(buildReport(primaryOnly).sections.map((x) => x.id)).not.toContain('measures');
    expect(renderMarkdown(compilation, { k: 5 })).toContain('## Andra mått');
  });
});
