/**
 * The Björkebo F-CRA follow-up, all six steps, end to end: prints the
 * compiled, protected tables and writes the reports (Markdown, HTML, CSV)
 * and the compilation to examples/bjorkebo-fcra/out/.
 *
 * Run: npm start   (or: npx tsx examples/bjorkebo-fcra/main.ts [--en])
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../src/index.js';
import { runBjorkebo } from './run.js';

const locale: Locale = process.argv.includes('--en') ? 'en' : 'sv';
const here = dirname(fileURLToPath(import.meta.url));
const { text, protection: p, files } = await runBjorkebo(locale, join(here, 'out'));
const show = (path: string) => relative(process.cwd(), path);

console.log(text);
console.log(
  locale === 'sv'
    ? `\nSmåcellsskydd (k = ${p.k}): ${p.hidden} värden i ${p.tablesWithHidden} av ${p.tables} tabeller visas som "..".`
    : `\nSmall-cell protection (k = ${p.k}): ${p.hidden} values in ${p.tablesWithHidden} of ${p.tables} tables are shown as "..".`,
);
console.log(locale === 'sv' ? '\nSkrivet:' : '\nWritten:');
for (const path of [files.markdown, files.html, ...files.csv, files.compilation]) console.log(`  ${show(path)}`);
console.log(
  locale === 'sv'
    ? `  (${show(files.compilation)} är den oskyddade sammanställningen för sammanslagning, inte för publicering.)`
    : `  (${show(files.compilation)} is the unprotected compilation for pooling, not for publication.)`,
);
