/**
 * The Björkebo example's outputs, byte for byte: the compilation, the report
 * model and every rendered file (text, Markdown, HTML, CSV) in Swedish and
 * English. Restructuring the code must not change what the example produces;
 * a deliberate change of output updates these files in the same commit
 * (`UPDATE_SNAPSHOTS=1 npx vitest run tests/example/snapshot.test.ts`).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBjorkebo } from '../../examples/bjorkebo-fcra/run.js';

const here = join(import.meta.dirname, 'snapshot');
const update = process.env.UPDATE_SNAPSHOTS === '1';

describe.each(['sv', 'en'] as const)('the Björkebo example in %s', (locale) => {
  it('writes the same compilation, report and tables as the committed snapshot', async () => {
    const out = mkdtempSync(join(tmpdir(), `bjorkebo-${locale}-`));
    const run = await runBjorkebo(locale, out);
    const files: Record<string, string> = {
      [`${locale}-report.txt`]: run.text,
    };
    for (const name of readdirSync(out)) if (name !== 'csv') files[`${locale}-${name}`] = readFileSync(join(out, name), 'utf8');
    for (const name of readdirSync(join(out, 'csv'))) files[`${locale}-csv-${name}`] = readFileSync(join(out, 'csv', name), 'utf8');
    for (const [name, text] of Object.entries(files)) {
      const path = join(here, name);
      if (update) writeFileSync(path, text);
      expect(text, name).toBe(readFileSync(path, 'utf8'));
    }
    expect(readdirSync(here).filter((n) => n.startsWith(`${locale}-`)).sort()).toEqual(Object.keys(files).sort());
  });
});
