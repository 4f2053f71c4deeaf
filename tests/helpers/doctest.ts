/**
 * Runs the ```ts blocks of `@example` TSDoc as tests (see
 * tests/docs/examples.test.ts for the conventions an example follows):
 * extraction, the rewrite of each `// =>` line into a check, the evaluation
 * with the TypeScript stripped by the compiler, and the matcher of the
 * documented value against the actual one.
 */
import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** One ```ts block of a TSDoc comment, with its leading ` * ` removed. */
export interface DocBlock {
  /** The source file, relative to the repository. */
  file: string;
  /** The line of the file the block's code starts on (1-based). */
  line: number;
  code: string;
  /** The reason of a block marked `// (not run: <reason>)` on its first line. */
  notRun?: string;
}

/** Every ```ts block in the TSDoc comments of `file` (a path relative to `root`). */
export function docBlocks(root: URL, file: string): DocBlock[] {
  const text = readFileSync(new URL(file, root), 'utf8');
  const blocks: DocBlock[] = [];
  for (const m of text.matchAll(/^[ \t]*\* ```ts\n([\s\S]*?)^[ \t]*\* ```/gm)) {
    const code = m[1]!
      .split('\n')
      .map((l) => l.replace(/^[ \t]*\* ?/, '').replace(/^[ \t]*\*$/, ''))
      .join('\n');
    const line = text.slice(0, m.index).split('\n').length + 1;
    const notRun = code.match(/^\/\/ \(not run: (.+)\)\s*$/m);
    const first = code.split('\n')[0]!;
    blocks.push({ file, line, code, ...(notRun && first === notRun[0] ? { notRun: notRun[1]! } : {}) });
  }
  return blocks;
}

/** What a `// =>` line claims: a value, or that the expression throws. */
export type Expected =
  | { kind: 'value'; text: string; pattern: unknown }
  | { kind: 'throws'; text: string; name: string; rule?: string };

/** `…` standing for any value, any further array elements, or any further keys. */
const ANY = Symbol('…');

/** A number shown truncated, e.g. `0.4333…` or `2.9535…e-7`. */
class Truncated {
  constructor(
    readonly shown: string,
    readonly exponent: number,
  ) {}
}

/**
 * Scans `text` outside string literals: the bracket depth at its end, and
 * where the first whitespace outside brackets is (the end of a leading literal).
 */
function scan(text: string): { depth: number; literalEnd: number } {
  let depth = 0;
  let quote = '';
  let literalEnd = text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (/\s/.test(ch) && depth === 0) literalEnd = Math.min(literalEnd, i);
  }
  return { depth, literalEnd };
}

/** Splits `value (remark)` into the literal and what follows it. */
function leadingLiteral(text: string): { literal: string; rest: string } {
  const { literalEnd } = scan(text);
  return { literal: text.slice(0, literalEnd), rest: text.slice(literalEnd).trim() };
}

/** Turns an expected literal into JavaScript building its pattern (`…` made into markers). */
function patternSource(literal: string): string {
  let out = '';
  const stack: string[] = [];
  for (let i = 0; i < literal.length; ) {
    const ch = literal[i]!;
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < literal.length && literal[j] !== ch) j += literal[j] === '\\' ? 2 : 1;
      out += literal.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const num = literal.slice(i).match(/^-?\d[\d.]*(?:e[+-]?\d+)?(…)?(e[+-]?\d+)?/);
    if (num && !/[\w$]/.test(literal[i - 1] ?? '')) {
      out += num[1] ? `new Truncated(${JSON.stringify(num[0].split('…')[0])}, ${Number((num[2] ?? 'e0').slice(1))})` : num[0];
      i += num[0].length;
      continue;
    }
    if (ch === '…') {
      const inKeyPosition = stack.at(-1) === '{' && /[{,]\s*$/.test(out);
      out += inKeyPosition ? '[ANY]: ANY' : 'ANY';
    } else {
      if (ch === '{' || ch === '[') stack.push(ch);
      if (ch === '}' || ch === ']') stack.pop();
      out += ch;
    }
    i++;
  }
  return out;
}

/**
 * Reads the text after `// =>`: a literal (number, possibly truncated with
 * `…`; string; true, false, null, undefined; object; array), or
 * `throws Name[: rule]`; either may be followed by a parenthesised remark.
 */
export function parseExpected(text: string): Expected {
  const t = text.trim();
  const throws = t.match(/^throws (\w+)(?::\s*(\w+))?(\s*\(.*\))?$/);
  if (throws) return { kind: 'throws', text: t, name: throws[1]!, ...(throws[2] ? { rule: throws[2] } : {}) };
  const { literal, rest } = leadingLiteral(t);
  if (rest !== '' && !/^\(.*\)$/.test(rest)) {
    throw new Error(`after the value of a '// =>' line only a parenthesised remark may follow: ${t}`);
  }
  const pattern: unknown = new Function('ANY', 'Truncated', `return (${patternSource(literal)});`)(ANY, Truncated);
  return { kind: 'value', text: t, pattern };
}

const isNumberClose = (actual: number, expected: number) =>
  actual === expected || Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(actual));

/** Whether `actual` starts with the digits shown (in the exponent shown). */
function matchesTruncated(actual: number, { shown, exponent }: Truncated): boolean {
  const scaled = actual / 10 ** exponent;
  const decimals = (shown.split('.')[1] ?? '').length;
  const truncated = Math.trunc(scaled * 10 ** decimals) / 10 ** decimals;
  return Math.abs(truncated - Number(shown)) < 10 ** -decimals / 2 + 1e-15;
}

const show = (value: unknown) => {
  try {
    return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/**
 * Where `actual` differs from `pattern`, or undefined when it matches. A
 * string ending in `…` is a prefix; `{}` and `[]` must be empty; other
 * objects check only the keys they show; an array's `…` stands for any
 * further elements.
 */
export function mismatch(actual: unknown, pattern: unknown, path = ''): string | undefined {
  const here = path === '' ? 'the value' : path;
  const fail = () => `${here}: expected ${show(pattern)}, got ${show(actual)}`;
  if (pattern === ANY) return undefined;
  if (pattern instanceof Truncated) {
    return typeof actual === 'number' && matchesTruncated(actual, pattern) ? undefined : `${here}: expected ${pattern.shown}…, got ${show(actual)}`;
  }
  // Infinity equals only itself (an unbounded interval limit); other numbers to 1e-12.
  if (typeof pattern === 'number') {
    return actual === pattern || (typeof actual === 'number' && Number.isFinite(pattern) && isNumberClose(actual, pattern)) ? undefined : fail();
  }
  if (typeof pattern === 'string') {
    if (actual === pattern) return undefined;
    return pattern.endsWith('…') && typeof actual === 'string' && actual.startsWith(pattern.slice(0, -1)) ? undefined : fail();
  }
  if (pattern === null || typeof pattern !== 'object') return actual === pattern ? undefined : fail();
  if (Array.isArray(pattern)) {
    if (!Array.isArray(actual)) return fail();
    const open = pattern.at(-1) === ANY;
    const shown = open ? pattern.slice(0, -1) : pattern;
    if (open ? actual.length < shown.length : actual.length !== shown.length) {
      return `${here}: expected ${open ? 'at least ' : ''}${shown.length} elements, got ${actual.length}: ${show(actual)}`;
    }
    for (let i = 0; i < shown.length; i++) {
      const m = mismatch(actual[i], shown[i], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (actual === null || typeof actual !== 'object') return fail();
  const keys = Object.keys(pattern);
  if (keys.length === 0 && !(ANY in pattern)) return Object.keys(actual).length === 0 ? undefined : fail();
  for (const key of keys) {
    const m = mismatch((actual as Record<string, unknown>)[key], (pattern as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
    if (m) return m;
  }
  return undefined;
}

/** One `// =>` line of a block, found in its source. */
interface Check {
  /** The line in the block (0-based). */
  line: number;
  expected: Expected;
}

/** The code lines (not blank, not only a comment) of a block. */
const isCode = (line: string) => line.trim() !== '' && !line.trim().startsWith('//');

/**
 * Rewrites each statement a `// =>` line refers to (the expression on the
 * same line, or on the code line above) into `await __check(i, async () =>
 * (expression))`; a `const name = …` declaration is checked by its name.
 */
export function instrument(block: DocBlock): { source: string; checks: Check[] } {
  const lines = block.code.split('\n');
  const checks: Check[] = [];
  const targets: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.match(/^(.*?)\/\/ => (.*)$/);
    if (!m) continue;
    let text = m[2]!;
    const start = i;
    while (scan(text).depth > 0 && i + 1 < lines.length && /^\s*\/\//.test(lines[i + 1]!)) {
      text += ' ' + lines[++i]!.replace(/^\s*\/\/\s*/, '');
    }
    let target = start;
    if (m[1]!.trim() === '') {
      target = start - 1;
      while (target >= 0 && !isCode(lines[target]!)) target--;
    }
    checks.push({ line: start, expected: parseExpected(text) });
    targets.push(target);
  }
  const sf = ts.createSourceFile('example.ts', block.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const statements: (ts.ExpressionStatement | ts.VariableStatement)[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isExpressionStatement(node) || ts.isVariableStatement(node)) statements.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const edits: { start: number; end: number; text: string }[] = [];
  targets.forEach((target, index) => {
    // The innermost statement ending on the target line.
    const candidates = statements.filter((s) => lineOf(s.getEnd()) === target);
    const statement = candidates.sort((a, b) => b.getStart() - a.getStart())[0];
    if (!statement) throw new Error(`${block.file}:${block.line + checks[index]!.line}: no statement for the '// =>' line to check`);
    if (ts.isExpressionStatement(statement)) {
      const expression = statement.expression.getText();
      edits.push({ start: statement.getStart(), end: statement.getEnd(), text: `await __check(${index}, async () => (${expression}));` });
    } else {
      const name = statement.declarationList.declarations[0]!.name.getText();
      edits.push({ start: statement.getEnd(), end: statement.getEnd(), text: ` await __check(${index}, async () => ${name});` });
    }
  });
  let source = block.code;
  for (const e of edits.sort((a, b) => b.start - a.start)) source = source.slice(0, e.start) + e.text + source.slice(e.end);
  return { source, checks };
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/** Checks `actual` (or what the thunk threw) against one expected value; the failure or undefined. */
async function verify(thunk: () => Promise<unknown>, expected: Expected): Promise<string | undefined> {
  if (expected.kind === 'throws') {
    try {
      const value = await thunk();
      return `expected it to throw ${expected.name}, got ${show(value)}`;
    } catch (error) {
      const e = error as { name?: string; constructor?: { name?: string }; issues?: { rule: string }[] };
      if (e.name !== expected.name && e.constructor?.name !== expected.name) return `expected ${expected.name}, it threw ${String(error)}`;
      if (expected.rule && !e.issues?.some((i) => i.rule === expected.rule)) return `expected the rule ${expected.rule}, it threw ${String(error)}`;
      return undefined;
    }
  }
  return mismatch(await thunk(), expected.pattern);
}

/**
 * Runs one block with `scope` (names to values) in scope, and returns the
 * failures of its `// =>` lines (a line not reached is a failure too).
 */
export async function runBlock(block: DocBlock, scope: Record<string, unknown>): Promise<string[]> {
  const { source, checks } = instrument(block);
  const js = ts
    .transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } })
    .outputText.replace(/^export \{\};?\s*$/m, '');
  const failures: string[] = [];
  const reached = new Set<number>();
  const __check = async (index: number, thunk: () => Promise<unknown>) => {
    reached.add(index);
    const check = checks[index]!;
    const failure = await verify(thunk, check.expected);
    if (failure) failures.push(`line ${block.line + check.line} (// => ${check.expected.text}): ${failure}`);
  };
  const names = Object.keys(scope);
  // The block in a nested scope, so that its `const plan = …` may shadow a name of the scope.
  const run = new AsyncFunction('__check', ...names, `{\n${js}\n}`);
  await run(__check, ...names.map((n) => scope[n]));
  checks.forEach((check, index) => {
    if (!reached.has(index)) failures.push(`line ${block.line + check.line} (// => ${check.expected.text}): not reached`);
  });
  return failures;
}

/** One vitest test per block of `files`; blocks marked `// (not run: …)` are skipped. Returns the blocks. */
export function doctests(root: URL, files: readonly string[], scope: () => Record<string, unknown>): DocBlock[] {
  const blocks = files.flatMap((file) => docBlocks(root, file));
  for (const block of blocks) {
    const name = `${block.file}:${block.line}`;
    if (block.notRun !== undefined) {
      it.skip(`${name} (not run: ${block.notRun})`, () => undefined);
      continue;
    }
    it(name, async () => {
      const failures = await runBlock(block, scope());
      if (failures.length > 0) throw new Error(`${name}:\n${failures.join('\n')}`);
    });
  }
  return blocks;
}
