/**
 * Runs the `@example` blocks of src/stats and checks their `// =>` lines, so
 * the documented results cannot drift from what the code returns. An
 * expected number ending in `…` must be a prefix of the actual value's
 * digits; keys not shown (or shown as `…`) are not checked.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as api from '../../src/index.js';

const dir = new URL('../../src/stats/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

interface Example {
  file: string;
  /** Statements before the example in the same block (`const x = …;`), types stripped. */
  prelude: string[];
  code: string;
  expected: string;
}

/** Strips the TypeScript from a statement of an example: `: Type` after a const, `as Type` casts. */
const plainJs = (line: string) =>
  line.replace(/^const (\w+): [^=]+=/, 'const $1 =').replace(/ as [\w<>'\-, |]+(?=[;)])/g, '');

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of files) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const block of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      const lines = block[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const prelude: string[] = [];
      let code = '';
      for (const line of lines) {
        const inline = line.match(/^(\S.*?;)\s*\/\/ => (.*)$/);
        if (inline) {
          out.push({ file, prelude: [...prelude], code: inline[1]!, expected: inline[2]! });
          code = '';
          continue;
        }
        if (/^const \w+/.test(line.trim())) {
          prelude.push(plainJs(line.trim()));
          continue;
        }
        const arrow = line.match(/^\/\/ => (.*)$/);
        if (arrow && code !== '') {
          out.push({ file, prelude: [...prelude], code, expected: arrow[1]! });
          code = '';
        } else if (line.trim() !== '' && !line.trim().startsWith('//')) {
          code = line.replace(/\s*\/\/.*$/, '').trim();
        }
      }
    }
  }
  return out;
}

function run(prelude: readonly string[], code: string): unknown {
  const names = Object.keys(api);
  const body = `${prelude.join('\n')}\nreturn (${code.replace(/;$/, '')});`;
  const f = new Function(...names, body) as (...a: unknown[]) => unknown;
  return f(...names.map((n) => (api as Record<string, unknown>)[n]));
}

/** Checks `actual` against one expected literal (number, string, boolean, null). */
function matches(actual: unknown, literal: string): boolean {
  const t = literal.trim();
  if (t === '…') return true;
  if (t === 'true' || t === 'false') return actual === (t === 'true');
  if (t === 'null') return actual === null;
  if (/^'.*'$/.test(t) || /^".*"$/.test(t)) return actual === t.slice(1, -1);
  const num = t.match(/^(-?[\d.]+(?:e-?\d+)?)(…)?(e-?\d+)?$/);
  if (num && typeof actual === 'number') {
    if (num[2] === undefined) return Math.abs(actual - Number(num[1])) <= 1e-12 * Math.max(1, Math.abs(actual));
    // Truncated: the shown digits must start the actual value (in the same exponent when given).
    const exp = num[3] ? Number(num[3].slice(1)) : 0;
    const scaled = actual / 10 ** exp;
    const shown = num[1]!;
    const decimals = (shown.split('.')[1] ?? '').length;
    const truncated = Math.trunc(scaled * 10 ** decimals) / 10 ** decimals;
    return Math.abs(truncated - Number(shown)) < 10 ** -decimals / 2 + 1e-15;
  }
  return false;
}

describe('every @example in src/stats shows what the code returns', () => {
  const all = examples();
  it('finds the examples', () => {
    expect(all.length).toBeGreaterThan(25);
  });
  for (const ex of all) {
    it(`${ex.file}: ${ex.code}`, () => {
      const actual = run(ex.prelude, ex.code);
      const e = ex.expected.trim();
      if (e.startsWith('{')) {
        // Only top-level keys: blank out nested objects and arrays.
        const inner = e.slice(1, -1);
        let top = '';
        let depth = 0;
        for (const ch of inner) {
          if (ch === '{' || ch === '[') depth++;
          if (depth === 0) top += ch;
          if (ch === '}' || ch === ']') depth--;
        }
        const pairs = [...top.matchAll(/(\w+): ('[^']*'|"[^"]*"|-?[\d.]+(?:e-?\d+)?…?(?:e-?\d+)?|true|false|null|…)/g)];
        expect(pairs.length).toBeGreaterThan(0);
        for (const [, key, literal] of pairs) {
          const value = (actual as Record<string, unknown>)[key!];
          expect(matches(value, literal!), `${key}: expected ${literal}, got ${String(value)}`).toBe(true);
        }
      } else if (e.startsWith('[')) {
        const want = e.slice(1, -1).split(',').map((x) => x.trim()).filter((x) => x !== '');
        expect(Array.isArray(actual)).toBe(true);
        expect((actual as unknown[]).length).toBe(want.length);
        want.forEach((w, i) => expect(matches((actual as unknown[])[i], w), `[${i}] expected ${w}`).toBe(true));
      } else {
        expect(matches(actual, e), `expected ${e}, got ${String(actual)}`).toBe(true);
      }
    });
  }
});
