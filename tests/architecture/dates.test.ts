/**
 * The code that handles no dates. `npm test` (tests/tz.mjs) runs the whole
 * suite in the first time zone and, in the others, only the tests of the
 * folders whose code reads or computes calendar dates; the folders below
 * work on compilations and models, which hold dates only as text passed
 * through. This test keeps that true: their code names no `Date`, no
 * `Intl.DateTimeFormat`, no time-zone offset, and imports neither date-fns
 * nor core/dates. If one of them must handle a date, move its tests into
 * DATED in tests/tz.mjs and this folder out of the list.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../../src');
const UNDATED = ['report', 'analyse', 'stats', 'privacy', 'locales'];
const DATE_NAMES = new Set(['Date', 'DateTimeFormat', 'toLocaleDateString', 'toLocaleTimeString', 'getTimezoneOffset', 'Temporal']);

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));

/** Each use of a date in a file: an identifier of DATE_NAMES, or an import of date-fns or of core/dates. */
function dateUses(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && DATE_NAMES.has(node.text)) out.push(`${node.text} (line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      if (spec.startsWith('date-fns') || /(^|\/)dates\.js$/.test(spec)) out.push(`import '${spec}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('the folders whose tests run in one time zone', () => {
  it('handle no dates', () => {
    const found = UNDATED.flatMap((d) => files(join(SRC, d))).flatMap((f) => dateUses(f, readFileSync(f, 'utf8')).map((u) => `${relative(SRC, f)}: ${u}`));
    expect(found).toEqual([]);
  });

  it('the check finds a date, a date import and a time-zone offset, and no comment', () => {
    const text = "import { parseISO } from 'date-fns';\nimport { addDaysIso } from '../core/dates.js';\n// a Date in a comment\nconst d = new Date();\nconst o = d.getTimezoneOffset();\n";
    expect(dateUses('x.ts', text)).toEqual(["import 'date-fns'", "import '../core/dates.js'", 'Date (line 4)', 'getTimezoneOffset (line 5)']);
  });
});
