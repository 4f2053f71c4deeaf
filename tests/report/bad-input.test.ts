/**
 * The report entry's boundary: any input that is not what a function takes is
 * an UppfoljningError naming the path and the rule, in Swedish and English,
 * never a TypeError from inside a renderer (fast-check garbage, plus damaged
 * versions of good input).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, parsePlan, UppfoljningError } from '../../src/index.js';
import { buildReport, chartSpecs, linkAdditiveTables, protectReportTable, renderCsv, renderHtml, renderMarkdown, renderText } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

const plan = parsePlan(bjorkeboPlan);
const compilation = compile(plan, bjorkeboCohort(plan));
const model = buildReport(compilation);

async function uppfoljningError(f: () => unknown): Promise<UppfoljningError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof UppfoljningError) return e;
    throw new Error(`expected an UppfoljningError, got ${String(e)}`);
  }
  throw new Error('expected an UppfoljningError, nothing was thrown');
}

const renderers: [string, (x: unknown, o?: unknown) => unknown][] = [
  ['renderMarkdown', (x, o) => renderMarkdown(x as never, o as never)],
  ['renderText', (x, o) => renderText(x as never, o as never)],
  ['renderCsv', (x, o) => renderCsv(x as never, o as never)],
  ['renderHtml', (x, o) => renderHtml(x as never, o as never)],
  ['buildReport', (x, o) => buildReport(x as never, o as never)],
];

describe('report entry: bad input', () => {
  for (const [name, render] of renderers) {
    it(`${name}: anything that is not a compilation or a report (fast-check)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.anything(), async (x) => {
          await uppfoljningError(() => render(x));
        }),
        { numRuns: 100 },
      );
    });

    it(`${name}: bad options name the option and the rule`, async () => {
      const e = await uppfoljningError(() => render(compilation, { locale: 'de', k: 0, by: ['kommun'] }));
      expect(e.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
        ['locale', 'one_of'],
        ['k', 'min'],
        ['by.0', 'one_of'],
      ]);
      expect(e.format('en')).toContain('locale: must be one of "sv", "en"; got "de" [one_of]');
    });
  }

  it('a damaged report model is named by its path', async () => {
    const damaged = JSON.parse(JSON.stringify(model));
    damaged.sections[1].tables[0].rows[0].cells[0] = { kind: 'count', value: { value: -3 } };
    for (const [name, render] of renderers.slice(0, 4)) {
      const e = await uppfoljningError(() => render(damaged));
      expect(e.issues[0]?.path.slice(0, 8), name).toEqual(['report', 'sections', 1, 'tables', 0, 'rows', 0, 'cells']);
    }
    expect((await uppfoljningError(() => chartSpecs(damaged))).issues[0]?.path[0]).toBe('report');
    expect((await uppfoljningError(() => chartSpecs({ ...model, locale: 'fi' } as never))).issues[0]).toMatchObject({ path: ['report', 'locale'], rule: 'one_of' });
  });

  it('buildReport: an analysis that is not one is named by what it lacks (the options given third, say)', async () => {
    const e = await uppfoljningError(() => buildReport(compilation, {}, { plan } as never));
    expect(e.issues).toEqual([{ path: ['analysis', 'findings'], rule: 'type', params: { expected: 'array', received: 'undefined' } }]);
    expect((await uppfoljningError(() => buildReport(compilation, {}, 'analys' as never))).issues[0]).toMatchObject({ path: ['analysis'], rule: 'type', params: { received: 'string' } });
  });

  it('protectReportTable and linkAdditiveTables: garbage and indices outside the table', async () => {
    fc.assert(fc.property(fc.anything(), (x) => void expect(() => protectReportTable(x as never)).toThrow(UppfoljningError)));
    fc.assert(
      fc.property(fc.anything(), (x) => {
        // An empty array is fine (no tables to link); anything else here is an UppfoljningError.
        try {
          expect(linkAdditiveTables(x as never)).toEqual([]);
        } catch (e) {
          expect(e).toBeInstanceOf(UppfoljningError);
        }
      }),
    );
    const table = { id: 't', title: 'T', columns: ['a'], rows: [{ key: 'r', label: 'R', cells: [{ kind: 'count' as const, value: 3 }] }] };
    const e = await uppfoljningError(() => protectReportTable({ ...table, additive: [0, 4] }));
    expect(e.issues).toEqual([{ path: ['table', 'additive', 1], rule: 'max', params: { maximum: 0, origin: 'number' } }]);
    expect((await uppfoljningError(() => protectReportTable(table, 1.5))).issues[0]).toMatchObject({ path: ['k'], rule: 'integer' });
    expect((await uppfoljningError(() => linkAdditiveTables([table, { ...table, rows: null }] as never))).issues[0]?.path).toEqual(['tables', 1, 'rows']);
  });

  it('good input still works, and nothing is mutated', async () => {
    const before = JSON.stringify(model);
    expect(renderText(model).split('\n')[0]).toBe('Björkebo – Förstärkt CRA (F-CRA)');
    expect(chartSpecs(model).length).toBe(4); // the primary distribution is hidden whole (moments), so it has no chart
    expect(JSON.stringify(model)).toBe(before);
  });
});
