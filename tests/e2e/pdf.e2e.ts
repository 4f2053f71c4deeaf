/**
 * End-to-end test of `uppfoljning report --format pdf` (issue 12 item 5): the
 * CLI prints the Björkebo report, Swedish and English, to PDF through the
 * headless Chromium it finds (src/cli/pdf.ts: Debian's /usr/bin/chromium
 * here, never a downloaded browser), and the PDF is read back with
 * poppler-utils: every page is A4, the page count is in range and the same
 * as the PDF's own page objects, every page has text, the first page is full
 * (its text reaches its lower part, and the ink on its picture fills the
 * page), the charts are in it, and its text holds no client id (the
 * privacy audit of tests/privacy/audit-output.ts). The English one carries
 * the pilot's smileys (`--smileys`), so they are printed too. The pages are saved as
 * PNG under artifacts/e2e/ (gitignored) to be looked at.
 *
 * Run: npm run test:e2e. Skips with a message when no browser or no
 * poppler-utils is found outside CI; fails in CI (CI=true), where .ci/run
 * installs both.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { runBjorkebo } from '../../examples/bjorkebo-fcra/run.js';
import { bjorkeboExamplePlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { parsePlan } from '../../src/index.js';
import { runCli } from '../../src/cli/main.js';
import { findBrowser, printPdf } from '../../src/cli/pdf.js';
import { findLeaks } from '../privacy/audit-output.js';

const out = resolve(import.meta.dirname, '..', '..', 'artifacts', 'e2e');
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const skip = (why: string): never => {
  if (process.env.CI) {
    console.error(`pdf e2e: ${why} in CI (.ci/run installs chromium and poppler-utils)`);
    process.exit(1);
  }
  console.log(`pdf e2e: SKIPPED – ${why}`);
  process.exit(0);
};

const found = findBrowser(undefined, process.env, 'en');
const browser = 'problem' in found ? skip(found.problem) : found.path;
for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
  if (spawnSync(tool, ['-v']).error) skip(`${tool} not found (apt-get install -y poppler-utils)`);
}

const poppler = (tool: string, args: string[]) => {
  const r = spawnSync(tool, args, { encoding: 'latin1', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** A binary PGM (P5, 8 bits) as width, height and its grey values. */
function readPgm(file: string): { width: number; height: number; pixels: Uint8Array } {
  const bytes = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file} is not a binary PGM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/**
 * How full page 1 of a PDF is: how far down its text reaches (pdftotext
 * -bbox), how far down its ink reaches (pixels darker than light grey on a
 * 30 dpi picture, so a pale box alone is not ink), and in how many of ten
 * bands between the 15 mm margins there is ink; each as a share of the page.
 */
function firstPageFill(pdf: string, stem: string): { text: number; ink: number; bands: number } {
  const bbox = poppler('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-']);
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox)?.[1] ?? 0);
  const lowest = Math.max(0, ...[...bbox.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])));
  poppler('pdftoppm', ['-f', '1', '-l', '1', '-r', '30', '-gray', '-singlefile', pdf, stem]);
  const { width, height: rows, pixels } = readPgm(`${stem}.pgm`);
  const inked = Array.from({ length: rows }, (_, y) => pixels.subarray(y * width, (y + 1) * width).some((v) => v < 200));
  const margin = Math.round((15 / 297) * rows);
  const inside = inked.slice(margin, rows - margin);
  const bands = Array.from({ length: 10 }, (_, b) => inside.slice(Math.floor((b * inside.length) / 10), Math.floor(((b + 1) * inside.length) / 10)).some(Boolean));
  return { text: height > 0 ? lowest / height : 0, ink: inked.lastIndexOf(true) / rows, bands: bands.filter(Boolean).length };
}

mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'uppfoljning-pdf-e2e-'));
const plan = parsePlan(bjorkeboExamplePlan);
const clientIds = bjorkeboCohort(plan).map((r) => r.clientId);
const planFile = join(work, 'plan.json');
writeFileSync(planFile, JSON.stringify(bjorkeboExamplePlan));

try {
  for (const locale of ['sv', 'en'] as const) {
    const run = await runBjorkebo(locale, join(work, locale));
    const pdf = join(out, `bjorkebo-report.cli.${locale}.pdf`);
    const said: string[] = [];
    const code = await runCli(['report', run.files.compilation, '--format', 'pdf', '--out', pdf, '--plan', planFile, '--lang', locale, ...(locale === 'en' ? ['--smileys'] : [])], {
      out: (t) => said.push(t),
      err: (t) => said.push(t),
      tty: false,
    });
    check(code === 0, `${locale}: report --format pdf exits 0 (${said.join(' | ')})`);
    if (code !== 0) continue;

    const info = poppler('pdfinfo', ['-f', '1', '-l', '999', pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])] as const);
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt; Chromium rounds to its own units (594.96 × 841.92).
    const a4 = sizes.every(([w, h]) => Math.abs(w - 595.28) < 2 && Math.abs(h - 841.89) < 2);
    check(sizes.length === pages && a4, `${locale}: every one of ${pages} pages is A4 (${[...new Set(sizes.map(([w, h]) => `${w} × ${h} pt`))].join(', ')})`);
    const pageObjects = (readFileSync(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    check(pages >= 4 && pages <= 20 && pageObjects === pages, `${locale}: ${pages} pages (4 to 20), as many as the PDF's page objects (${pageObjects})`);

    // The text of each page on its own.
    const texts = Array.from({ length: pages }, (_, i) => poppler('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-']));
    const decoded = texts.map((t) => Buffer.from(t, 'latin1').toString('utf8'));
    check(decoded.every((t) => t.trim().length > 100), `${locale}: every page has text (shortest ${Math.min(...decoded.map((t) => t.trim().length))} characters)`);
    const all = decoded.join('\n');
    const title = run.report.title;
    check(decoded[0]!.includes(title) && decoded[0]!.includes(locale === 'sv' ? 'Sammanfattning' : 'Summary'), `${locale}: page 1 opens with the title and the summary`);
    check(all.includes(locale === 'sv' ? 'Klienternas väg genom uppföljningen' : 'The clients’ path through the follow-up'), `${locale}: the flow chart is drawn in the PDF (its title is text)`);
    const leaks = findLeaks(all, { clientIds, identityNumbers: [], birthDates: [] });
    check(leaks.length === 0, `${locale}: no client id in the PDF's text (${leaks.length} found)`);

    const fill = firstPageFill(pdf, join(work, `page-${locale}`));
    check(fill.text >= 0.8, `${locale}: page 1's text reaches ${Math.round(100 * fill.text)} % of its height (at least 80 %)`);
    check(fill.ink >= 0.8 && fill.bands === 10, `${locale}: page 1's ink reaches ${Math.round(100 * fill.ink)} % of its height and every tenth of the page has ink (${fill.bands}/10)`);

    // Every page as PNG, to be looked at.
    for (const f of readdirSync(out).filter((f) => f.startsWith(`bjorkebo-report.cli.${locale}-`) && f.endsWith('.png'))) rmSync(join(out, f));
    poppler('pdftoppm', ['-r', '60', '-png', pdf, join(out, `bjorkebo-report.cli.${locale}`)]);
  }

  // The fill measure can fail: a page with a heading and one line, printed the same way, is not full.
  const control = join(work, 'half-empty.pdf');
  const printed = await printPdf('<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:15mm}</style></head><body><h1>Rubrik</h1><p>En rad.</p><p style="margin-top:120mm">En rad mitt på sidan.</p></body></html>', browser, control, 'sv');
  check(printed === undefined, `the control page printed${printed ? `: ${printed.problem}` : ''}`);
  if (printed === undefined) {
    const fill = firstPageFill(control, join(work, 'control'));
    check(fill.text < 0.8 && fill.bands < 10, `a half-empty control page is not full (text to ${Math.round(100 * fill.text)} %, ink in ${fill.bands}/10 tenths)`);
  }

  // A browser named that is not there is a clear error (exit 2), not a search elsewhere.
  const said: string[] = [];
  const missing = join(work, 'no-such-chromium');
  const code = await runCli(['report', join(work, 'sv', 'sammanstallning.json'), '--format', 'pdf', '--out', join(work, 'x.pdf'), '--chromium', missing], { out: (t) => said.push(t), err: (t) => said.push(t), tty: false });
  check(code === 2 && said.join('\n').includes(missing), `--chromium to a missing file: exit ${code}, the message names it`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`pdf e2e: PDFs and page pictures in ${out}`);
if (failures.length > 0) {
  console.error(`pdf e2e: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('pdf e2e: all checks passed');
