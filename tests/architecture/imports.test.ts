/**
 * The rooms of src/ and the layers they sit in, read from the import graph.
 *
 * Every `import`, `import type`, `export … from` and `import()` in src/ is
 * read with the TypeScript compiler's `ts.preProcessFile` (no type checking,
 * so it is quick) and resolved to the file it names. Type-only imports count
 * too: a type from an upper layer is still a dependency on it, and a step that
 * needs a type from compile is in the wrong room even if the bundle would not
 * notice. The test fails, naming the file and the import, on
 * - an import upward between layers (docs/architecture.md draws them),
 * - a cycle between folders (even within one layer), and
 * - an import of another folder's `_lib/` (private to the folder that has it).
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';

/**
 * The layers, top first; a folder may import only from its own layer or
 * below (within a layer, the cycle check keeps the imports one way). `io`
 * (CSV import into records, the record's JSON Schema for host forms) sits
 * beside compile: both take records checked against the plan, so it imports
 * plan/, record/ and core/, may feed compile, and only cli/ imports it.
 * `locales` (the sv/en texts of the rule codes) sits just above core: core
 * does not import it, the modules whose issues it words do. The
 * files directly in src/ (the entry `index.ts`) are above every layer.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['cli', 'workbench'],
  ['report'],
  ['analyse'],
  ['compile', 'io'],
  ['before', 'during', 'after', 'follow-up'],
  ['plan', 'record'],
  ['measure', 'stats', 'identity', 'privacy'],
  ['locales'],
  ['core'],
];

/** One resolved import: the importing file, the specifier as written, the file it names (paths relative to src/, `/`-separated). */
interface Import {
  readonly from: string;
  readonly specifier: string;
  readonly to: string;
}

/** The folder a src/-relative path belongs to: its first segment, or `''` for a file directly in src/. */
function folderOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Every relative import of every file, resolved (`./x.js` names `x.ts`); package imports are left out. */
function importsOf(files: ReadonlyMap<string, string>): Import[] {
  const found: Import[] = [];
  for (const [from, text] of files) {
    const info = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith('.')) continue;
      let to = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
      if (!files.has(to) && files.has(`${to}/index.ts`)) to = `${to}/index.ts`;
      found.push({ from, specifier, to });
    }
  }
  return found;
}

function layerOf(folder: string): number {
  if (folder === '') return -1;
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

function show(i: Import): string {
  return `src/${i.from} imports '${i.specifier}'`;
}

/** Everything wrong with the graph, one line per offending import (or per cycle), sorted. */
function violations(files: ReadonlyMap<string, string>): string[] {
  const imports = importsOf(files);
  const out: string[] = [];
  const folders = new Set([...files.keys()].map(folderOf));
  for (const folder of folders) {
    if (folder !== '' && layerOf(folder) < 0) out.push(`src/${folder}/ is in no layer: add it to LAYERS and to the picture in docs/architecture.md`);
  }
  for (const i of imports) {
    if (!files.has(i.to)) {
      out.push(`${show(i)}, which names no file in src/`);
      continue;
    }
    const a = folderOf(i.from);
    const b = folderOf(i.to);
    const lib = /^(?:(.*)\/)?_lib\//.exec(i.to);
    if (lib !== null) {
      const owner = folderOf(lib[1] === undefined ? '' : `${lib[1]}/`);
      if (owner !== a) out.push(`${show(i)}: another folder's _lib (private to src/${owner === '' ? '' : `${owner}/`})`);
    }
    if (a === b) continue;
    const la = layerOf(a);
    const lb = layerOf(b);
    if (la >= 0 && lb >= 0 && lb < la) out.push(`${show(i)}: upward, from ${a}/ (layer ${LAYERS[la]!.join(', ')}) to ${b}/ (layer ${LAYERS[lb]!.join(', ')})`);
    if (b === '' && a !== '') out.push(`${show(i)}: upward, into src/ itself`);
  }
  out.push(...folderCycles(imports.filter((i) => files.has(i.to))));
  return out.sort();
}

/** The cycles between folders: each strongly connected set of two or more folders, shown with one import per edge that closes it. */
function folderCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Map<string, Import>>();
  for (const i of imports) {
    const a = folderOf(i.from);
    const b = folderOf(i.to);
    if (a === b) continue;
    const targets = edges.get(a) ?? new Map<string, Import>();
    if (!targets.has(b)) targets.set(b, i);
    edges.set(a, targets);
    if (!edges.has(b)) edges.set(b, new Map());
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!.keys()) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => {
    const inside = new Set(component);
    const links = component.flatMap((a) => [...edges.get(a)!].filter(([b]) => inside.has(b)).map(([, i]) => show(i)));
    return `cycle between folders ${component.map((f) => `${f}/`).join(', ')}: ${links.join('; ')}`;
  });
}

function readSrc(): Map<string, string> {
  const src = resolve(import.meta.dirname, '..', '..', 'src');
  const files = new Map<string, string>();
  for (const entry of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const path = relative(src, join(src, entry)).split(/[\\/]/).join('/');
    files.set(path, readFileSync(join(src, entry), 'utf8'));
  }
  return files;
}

describe('the import graph of src/', () => {
  const files = readSrc();

  it('reads the graph: every folder of src/ and hundreds of imports', () => {
    const folders = new Set([...files.keys()].map(folderOf));
    expect([...folders].filter((f) => f !== '').sort()).toEqual(LAYERS.flat().filter((f) => folders.has(f)).sort());
    expect(importsOf(files).length).toBeGreaterThan(300);
  });

  it('imports only downward, has no cycle between folders and no import of another folder’s _lib', () => {
    expect(violations(files)).toEqual([]);
  });
});

describe('the checker itself', () => {
  const graph = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

  it('names an upward import, type-only ones too', () => {
    const files = graph({
      'core/a.ts': "import type { B } from '../compile/b.js';\nexport type A = B;\n",
      'compile/b.ts': 'export type B = 1;\n',
    });
    expect(violations(files)).toEqual([
      "src/core/a.ts imports '../compile/b.js': upward, from core/ (layer core) to compile/ (layer compile, io)",
    ]);
  });

  it('names both imports of a cycle between folders in one layer', () => {
    const files = graph({
      'plan/enrol.ts': "import { r } from '../record/schema.js';\nexport const e = r;\n",
      'plan/plan.ts': 'export const p = 1;\n',
      'record/schema.ts': "export { p as r } from '../plan/plan.js';\n",
    });
    expect(violations(files)).toEqual([
      "cycle between folders plan/, record/: src/plan/enrol.ts imports '../record/schema.js'; src/record/schema.ts imports '../plan/plan.js'",
    ]);
  });

  it("names an import of another folder's _lib, but not of its own", () => {
    const files = graph({
      'after/after.ts': "import { s } from '../record/_lib/step.js';\nexport const a = s;\n",
      'record/validate.ts': "import { s } from './_lib/step.js';\nexport const v = s;\n",
      'record/_lib/step.ts': "import { c } from '../../core/c.js';\nexport const s = c;\n",
      'core/c.ts': "export const c = await import('./d.js');\n",
      'core/d.ts': 'export {};\n',
    });
    expect(violations(files)).toEqual([
      "src/after/after.ts imports '../record/_lib/step.js': another folder's _lib (private to src/record/)",
    ]);
  });

  it('names a folder that is in no layer and an import that names no file', () => {
    const files = graph({ 'web/page.ts': "import './missing.js';\n" });
    expect(violations(files)).toEqual([
      "src/web/ is in no layer: add it to LAYERS and to the picture in docs/architecture.md",
      "src/web/page.ts imports './missing.js', which names no file in src/",
    ]);
  });
});
