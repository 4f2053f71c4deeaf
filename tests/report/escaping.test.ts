import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, parsePlan } from '../../src/index.js';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText, type ReportModel } from '../../src/report/index.js';
import { csvText, markdownText, plainText } from '../../src/report/_lib/escape.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

// Hostile labels a unit could type into a plan (by mistake or not): raw HTML, a Markdown table
// pipe and link, spreadsheet formulas (OWASP's examples) and an ANSI escape for a terminal.
const IMG = '<img src=x onerror=alert(1)>';
const PIPE = '| pipe';
const FORMULA = '=HYPERLINK("http://x.example","klick")';
const MINUS = '-abc';
const PLUS = '+1+1';
const AT = '@SUM(A1)';
const ANSI = '\u001b[31mröd\u001b[0m';
const LINK = '[klicka](javascript:alert(1))';

const hostile = {
  ...bjorkeboPlan,
  title: `${IMG} ${PIPE}`,
  background: bjorkeboPlan.background!.map((b) =>
    b.id === 'huvuddrog' && b.kind === 'category'
      ? {
          ...b,
          label: { sv: `${LINK} ${ANSI}`, en: `${LINK} ${ANSI}` },
          options: b.options.map((o, i) => {
            const label = [FORMULA, MINUS, PLUS, AT, IMG][i]!;
            return { ...o, label: { sv: label, en: label } };
          }),
        }
      : b,
  ),
} as typeof bjorkeboPlan;
const plan = parsePlan(hostile);
const compilation = compile(plan, bjorkeboCohort(plan));

describe('hostile labels in every format', () => {
  it('Markdown shows raw HTML and Markdown specials as text, never as markup', () => {
    const md = renderMarkdown(compilation);
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)>');
    expect(md.split('\n')[0]).toBe('# &lt;img src=x onerror=alert(1)> \\| pipe');
    // the link stays literal text
    expect(md).not.toContain('[klicka](');
    expect(md).toContain('\\[klicka\\](javascript:alert(1))');
    expect(md).not.toContain('\u001b');
    // every table row still has as many cells as its header: no label splits a cell
    for (const block of md.split('\n\n').filter((b) => b.startsWith('|'))) {
      const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      const lines = block.split('\n');
      for (const line of lines) expect(cells(line)).toBe(cells(lines[0]!));
    }
    for (const locale of ['sv', 'en'] as const) expect(renderMarkdown(compilation, { locale })).not.toMatch(/<[a-z]/i);
  });

  it('HTML escapes every label, in text and in attributes', async () => {
    const html = await renderHtml(compilation);
    expect(html).not.toContain(IMG);
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('\u001b[31m<');
    // the only script-like things are none at all
    expect(html).not.toMatch(/<script|<img|javascript:alert\(1\)"/i);
  });

  it('plain text drops terminal control sequences', () => {
    const text = renderText(compilation);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('[31mröd[0m');
  });

  it('CSV writes formula-like labels as text and negative numbers as numbers', () => {
    const files = renderCsv(compilation);
    const all = files.map((f) => f.text).join('\n');
    // no cell (a field after a separator or at a line start) begins with = + - @
    const fields = all
      .split(/\r\n|\n/)
      .flatMap((line) => line.split(';'))
      .map((f) => f.replace(/^"/, '').replace(/^\ufeff/, ''));
    expect(fields.filter((f) => /^[=+@]/.test(f) || /^-(?!\d)/.test(f))).toEqual([]);
    const huvuddrog = files.find((f) => f.text.includes("'-abc"));
    expect(huvuddrog).toBeDefined();
    expect(all).toContain(`"'=HYPERLINK(""http://x.example"",""klick"")"`);
    expect(all).toContain("'+1+1");
    expect(all).toContain("'@SUM(A1)");
  });
});

describe('the escaping functions', () => {
  it('csvText: OWASP formula starts get a quote, a value -1,5 written by the renderer is not text', () => {
    expect(csvText('=1+1')).toBe("'=1+1");
    expect(csvText('-abc')).toBe("'-abc");
    expect(csvText('+46')).toBe("'+46");
    expect(csvText('@x')).toBe("'@x");
    expect(csvText('\tx')).toBe("'\tx");
    expect(csvText('\rx')).toBe("'\rx");
    expect(csvText('\uff1dSUM(A1)')).toBe("'\uff1dSUM(A1)");
    expect(csvText('Alkohol')).toBe('Alkohol');
    expect(csvText('a=b')).toBe('a=b');
    // labels are text: a label that reads "-1" is still a label and is written as text
    expect(csvText('-1')).toBe("'-1");
  });

  it('the number columns write negative values as numbers (decimal comma in Swedish)', () => {
    // the Björkebo tables have no negative value, so put one in a report model: a row labelled
    // "-abc" holding the number -1.5 (a mean change, say)
    const withNegative = (report: ReportModel): ReportModel => {
      const table = report.sections.flatMap((s) => s.tables)[0]!;
      const row = { ...table.rows[0]!, label: '-abc', cells: [{ kind: 'number' as const, value: -1.5, n: 12, digits: 1, suppressed: false }] };
      return { ...report, sections: [{ ...report.sections[0]!, tables: [{ ...table, rows: [row] }] }] };
    };
    const secondLine = (model: ReportModel) => renderCsv(model)[0]!.text.split('\r\n')[1]!;
    // row;column;count;n;value;lower;upper;suppressed;text (a statistic's n is not printed: its own table may hide it)
    expect(secondLine(withNegative(buildReport(compilation)))).toBe("'-abc;Antal;;;-1,5;;;nej;");
    expect(secondLine(withNegative(buildReport(compilation, { locale: 'en' })))).toBe("'-abc,Count,,,-1.5,,,false,");
  });

  it('no escaped text lets a formula, markup or a control character through (seeded property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(csvText(s)).not.toMatch(/^[=+\-@\t\r\n\uff1d\uff0b]/);
        const md = markdownText(s);
        expect(md).not.toMatch(/<[A-Za-z/!?]|[\n\r\u0000-\u001f]/);
        // the only entities are the ones the escaping wrote
        expect(md.replace(/&amp;|&lt;/g, '')).not.toMatch(/&#?\w+;/);
        expect(md.replace(/\\[\\`*_[\]|~]/g, '')).not.toMatch(/[\\`*_[\]|~]/);
        expect(plainText(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
