/**
 * Renders every statistics method's and note's Swedish and English text into
 * the generated section of docs/statistics.md, so wording changes show up as
 * a diff in review. Fails when the committed section differs; rewrite it with
 *   UPDATE_SNAPSHOT=1 npx vitest run tests/stats/labels-snapshot.test.ts
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { STATS_METHODS, STATS_NOTE_CODES, methodLabel, noteText, type IssueParams } from '../../src/index.js';

const target = new URL('../../docs/statistics.md', import.meta.url);
const START = '<!-- labels:start -->';
const END = '<!-- labels:end -->';

/** Params whose every key reads back as ‹key›. */
const placeholders = (): IssueParams =>
  new Proxy({} as Record<string, string>, {
    get: (_t, key) => (typeof key === 'string' ? `‹${key}›` : undefined),
    has: () => true,
  }) as IssueParams;

function render(): string {
  const lines = ['', '| method | sv | en |', '|---|---|---|'];
  for (const m of STATS_METHODS) lines.push(`| \`${m}\` | ${methodLabel(m, 'sv')} | ${methodLabel(m, 'en')} |`);
  lines.push('', '| note | sv | en |', '|---|---|---|');
  for (const code of STATS_NOTE_CODES) {
    const note = { code, params: placeholders() };
    lines.push(`| \`${code}\` | ${noteText(note, 'sv')} | ${noteText(note, 'en')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

describe('method and note texts', () => {
  it('every text is non-empty in both languages and the two differ where words are used', () => {
    for (const m of STATS_METHODS) {
      expect(methodLabel(m, 'sv').length).toBeGreaterThan(3);
      expect(methodLabel(m, 'en').length).toBeGreaterThan(3);
    }
    for (const code of STATS_NOTE_CODES) {
      const note = { code, params: placeholders() };
      expect(noteText(note, 'sv')).not.toBe(noteText(note, 'en'));
      expect(noteText(note)).toBe(noteText(note, 'sv')); // Swedish by default
    }
  });
  it('docs/statistics.md carries the current table', () => {
    const doc = readFileSync(target, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const updated = doc.slice(0, start + START.length) + render() + doc.slice(end);
    if (process.env.UPDATE_SNAPSHOT) writeFileSync(target, updated);
    else expect(doc).toBe(updated);
  });
});
