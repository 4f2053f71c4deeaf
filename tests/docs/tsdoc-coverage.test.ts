/**
 * Every export of the package's entry points carries TSDoc with an
 * `@example` (the quality bar: docs are part of the product). typedoc checks
 * that exports are documented; this checks the examples, reading the
 * declarations with the TypeScript compiler API.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const entries = ['src/index.ts', 'src/report/index.ts'].map((p) => resolve(root, p));
const program = ts.createProgram(entries, { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
const checker = program.getTypeChecker();

function exportsWithoutExample(entry: string): string[] {
  const file = program.getSourceFile(entry)!;
  const module = checker.getSymbolAtLocation(file)!;
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.getDeclarations() ?? [];
    const hasExample = declarations.some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === 'example'));
    if (!hasExample) missing.push(exported.name);
  }
  return missing;
}

describe('TSDoc', () => {
  for (const entry of entries) {
    it(`every export of ${entry.slice(root.length + 1)} has an @example`, () => {
      expect(exportsWithoutExample(entry)).toEqual([]);
    });
  }
});
