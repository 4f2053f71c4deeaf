/**
 * How fast the CSV import is on a large export: the Björkebo clean export's
 * 40 rows repeated with new client ids up to N rows (default 100,000),
 * Windows-1252 and UTF-8. Not part of the test run.
 * Run: npx tsx tests/io/import.bench.ts [N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvMappingSchema, compile, importCsv, parsePlan } from '../../src/index.js';
import { renderHtml, renderMarkdown } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';

const N = Number(process.argv[2] ?? 100_000);
const dir = join(import.meta.dirname, '..', 'fixtures', 'cli');
const plan = parsePlan(bjorkeboPlan);
const mapping = CsvMappingSchema.parse(JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')));
const [header, ...rows] = readFileSync(join(dir, 'clean.csv'), 'utf8').trimEnd().split('\n');
const lines = [header!];
for (let i = 0; i < N; i++) {
  const row = rows[i % rows.length]!;
  lines.push(row.replace(/^[^,]+/, `bench-${i}`));
}
const text = `${lines.join('\n')}\n`;
const utf8 = new TextEncoder().encode(text);
const cp1252 = Uint8Array.from(Buffer.from(text, 'latin1'));

for (const [name, bytes] of [['UTF-8', utf8], ['Windows-1252', cp1252]] as const) {
  const t0 = performance.now();
  const result = importCsv(plan, { clients: bytes }, mapping);
  const ms = performance.now() - t0;
  console.log(
    `${name}: ${N.toLocaleString('en')} rows (${(bytes.length / 1e6).toFixed(1)} MB) in ${(ms / 1000).toFixed(2)} s ` +
      `= ${Math.round(N / (ms / 1000)).toLocaleString('en')} rows/s; ${result.records.length} valid, ${result.issues.length} problems`,
  );
  if (name === 'UTF-8') {
    const t1 = performance.now();
    const compilation = compile(plan, result.records);
    const t2 = performance.now();
    const html = await renderHtml(compilation);
    const t3 = performance.now();
    renderMarkdown(compilation);
    const t4 = performance.now();
    console.log(`compile ${(t2 - t1).toFixed(0)} ms; HTML report ${(t3 - t2).toFixed(0)} ms (${(html.length / 1024).toFixed(0)} KB); Markdown ${(t4 - t3).toFixed(0)} ms`);
  }
}
