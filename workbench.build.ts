/**
 * Builds the offline workbench page, dist/uppfoljning.html: one file holding
 * the page script (src/workbench/main.ts, with the core, the import and the
 * report), the worker script (src/workbench/worker.ts) as a string the page
 * starts from a blob: URL, and the page's style sheet, all inline. The
 * Content-Security-Policy allows exactly those by their SHA-256 hashes (and
 * the report's and the internal banner's style sheets), and nothing from
 * anywhere: `default-src 'none'`, `connect-src 'none'`, `form-action 'none'`,
 * so no data can leave the page. Run by `npm run build` after tsup.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { INTERNAL_CSS, REPORT_CSS } from './src/report/html.js';

const OUT = 'dist/uppfoljning.html';
const here = (p: string) => new URL(p, import.meta.url).pathname;
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome111', 'firefox115', 'safari16'],
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

// `</script` cannot appear inside an inline script; in strings it is written `<\/script`.
const inlineSafe = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1');

const worker = await bundle('src/workbench/worker.ts');
const js = inlineSafe(await bundle('src/workbench/main.ts', { __WORKER_SOURCE__: JSON.stringify(worker) })).trimEnd();
const css = (await build({ entryPoints: [here('src/workbench/page.css')], bundle: true, minify: true, write: false, logLevel: 'warning' })).outputFiles[0]!.text.trimEnd();

const csp = [
  "default-src 'none'",
  `script-src ${hash(js)}`,
  // The report has one style element: its style sheet, with the banner's appended when internal.
  `style-src ${hash(css)} ${hash(REPORT_CSS)} ${hash(REPORT_CSS + INTERNAL_CSS)}`,
  // The report's charts are inline SVG; images only from the page itself.
  'img-src data: blob:',
  // The worker is the inline worker script, started from a blob: URL (a worker cannot load from file://).
  'worker-src blob:',
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const template = readFileSync(here('src/workbench/page.html'), 'utf8');
const html = template
  .replace('%CSP%', csp)
  .replace('%CSS%', () => css)
  .replace('%JS%', () => js);
mkdirSync('dist', { recursive: true });
writeFileSync(OUT, html);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(`${OUT}: ${kb(Buffer.byteLength(html))} (${kb(gzipSync(html).length)} gzip; page script ${kb(js.length)}, worker ${kb(worker.length)})`);
