/**
 * The doctest helper's matcher and runner (tests/helpers/doctest.ts): a
 * wrong documented value must fail, or the runs of the examples prove nothing.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docBlocks, mismatch, parseExpected, runBlock } from '../helpers/doctest.js';

const differs = (actual: unknown, text: string) => {
  const e = parseExpected(text);
  return e.kind === 'value' && mismatch(actual, e.pattern) !== undefined;
};

describe('the // => matcher', () => {
  it('truncated numbers, strings, remarks', () => {
    expect(differs(0.43333, '0.4333…')).toBe(false);
    expect(differs(0.4343, '0.4333…')).toBe(true);
    expect(differs(2.95351e-7, '2.9535…e-7')).toBe(false);
    expect(differs(Infinity, 'Infinity')).toBe(false);
    expect(differs(-Infinity, 'Infinity')).toBe(true);
    expect(differs(1e308, 'Infinity')).toBe(true);
    expect(differs(0.15, '0.15')).toBe(false);
    expect(differs(Infinity, 'Infinity')).toBe(false);
    expect(differs(1e308, 'Infinity')).toBe(true);
    expect(differs(-Infinity, '-Infinity')).toBe(false);
    expect(differs('72\u00a0%', "'72\\u00a0%' (a no-break space)")).toBe(false);
    expect(differs('abc def', "'abc…'")).toBe(false);
    expect(differs('abd', "'abc…'")).toBe(true);
    expect(() => parseExpected('30 3.2 3')).toThrow(/parenthesised remark/);
  });
  it('objects and arrays, nested, with … and unshown keys', () => {
    expect(differs({ a: 1, b: [1, 2, 3], c: 9 }, '{ a: 1, b: [1, …] }')).toBe(false);
    expect(differs({ a: 1, b: [1] }, '{ a: 1, b: [1, 2, …] }')).toBe(true);
    expect(differs([1, 2], '[1]')).toBe(true);
    expect(differs({ a: { x: 2 } }, '{ a: { x: 3 } }')).toBe(true);
    expect(differs({ a: 1 }, '{}')).toBe(true);
    expect(differs({ issues: [{ rule: 'x', path: [1] }] }, "{ issues: [{ rule: 'x', … }] }")).toBe(false);
    expect(differs(undefined, 'undefined')).toBe(false);
  });
});

describe('the block runner', () => {
  const block = (code: string) => runBlock({ file: 'x.ts', line: 1, code }, { twice: (n: number) => 2 * n });
  it('checks the statement above or on the line, and a const by its value', async () => {
    expect(await block('const x = twice(1);\n// => 2\nx * 2; // => 4\nawait Promise.resolve(x);\n// => 2')).toEqual([]);
    expect(await block('const x = twice(1);\n// => 3')).toHaveLength(1);
  });
  it('fails a check that is not reached, and checks throws', async () => {
    expect(await block('if (twice(0)) twice(1);\n// => 2')).toEqual(['line 2 (// => 2): not reached']);
    expect(await block("JSON.parse('{');\n// => throws SyntaxError")).toEqual([]);
    expect(await block("JSON.parse('{}');\n// => throws SyntaxError")).toHaveLength(1);
  });
});

describe('the blocks of a file', () => {
  it('strips the comment, and reads the not-run mark on the first line only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-'));
    const source = ['/**', ' * @example', ' * ```ts', ' * // (not run: reads a file)', " * readFileSync('x');", ' * ```', ' */',
      '/**', ' * @example', ' * ```ts', ' * f(1);', ' * // (not run: only on the first line)', ' * ```', ' */', ''].join('\n');
    writeFileSync(join(dir, 'a.ts'), source);
    const blocks = docBlocks(pathToFileURL(`${dir}/`), 'a.ts');
    expect(blocks.map((b) => [b.line, b.notRun])).toEqual([[4, 'reads a file'], [11, undefined]]);
    expect(blocks[1]!.code).toBe('f(1);\n// (not run: only on the first line)\n');
  });
});
