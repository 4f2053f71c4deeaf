/**
 * docs/analysts.md quotes the Björkebo example's output in its section on
 * the 13 questions: every quoted line ("> …") must appear word for word in
 * the English text report (the committed snapshot, which
 * tests/example/snapshot.test.ts keeps equal to what the example prints).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'analysts.md'), 'utf8');
const report = readFileSync(join(root, 'tests', 'example', 'snapshot', 'en-report.txt'), 'utf8');
const section = doc.slice(doc.indexOf('## The Björkebo answers to the 13 questions'));
const quotes = section.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('> ')).map((l) => l.slice(2));

describe('docs/analysts.md: the Björkebo answers', () => {
  it('quotes at least the summary sentences it relies on', () => {
    expect(quotes.length).toBeGreaterThanOrEqual(8);
  });
  it.each(quotes)('appears in the example output: %s', (quote) => {
    expect(report).toContain(quote);
  });
});
