/**
 * End-to-end test of the HTML report in a real browser: the HTML report the
 * Björkebo example writes (examples/bjorkebo-fcra/run.ts) is opened in
 * headless Chromium (Debian's `chromium`, never a downloaded browser). Checks that every chart rendered, that the page logs no
 * console errors and makes no network requests, and saves a screenshot and an
 * A4 PDF under artifacts/e2e/ (gitignored).
 *
 * Run: npm run test:e2e. Skips with a message when /usr/bin/chromium is
 * missing outside CI; fails in CI (CI=true), where .ci/run installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chartSpecs } from '../../src/report/index.js';
import { runBjorkebo } from '../../examples/bjorkebo-fcra/run.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const out = resolve(import.meta.dirname, '..', '..', 'artifacts', 'e2e');

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

if (!existsSync(CHROMIUM)) {
  if (process.env.CI) {
    console.error(`e2e: ${CHROMIUM} is missing in CI (.ci/run installs Debian's chromium)`);
    process.exit(1);
  }
  console.log(`e2e: SKIPPED – ${CHROMIUM} not found (apt-get install -y chromium to run this test)`);
  process.exit(0);
}

mkdirSync(out, { recursive: true });
const userDataDir = mkdtempSync(join(tmpdir(), 'uppfoljning-e2e-'));

try {
  for (const locale of ['sv', 'en'] as const) {
    // The example itself writes the report (as `npm start` does), here into the artifacts folder.
    const run = await runBjorkebo(locale, join(out, `bjorkebo-${locale}`));
    const expectedCharts = chartSpecs(run.report).length;
    const file = run.files.html;
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const consoleErrors: string[] = [];
      const requests: string[] = [];
      const url = pathToFileURL(file).href;
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((f) => {
          // The chart drawn for this width (the page has one for a page and one for a phone; the other is display: none).
          const svg = Array.from(f.querySelectorAll('svg')).find((el) => el.getBoundingClientRect().width > 0);
          const box = svg?.getBoundingClientRect();
          return {
            id: f.id,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            marks: svg ? svg.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect, .mark-rect path, .mark-line path, .mark-area path').length : 0,
          };
        }),
      );
      check(charts.length === expectedCharts && expectedCharts >= 4, `${locale}: ${charts.length} charts on the page, ${expectedCharts} expected (at least 4)`);
      for (const c of charts) check(c.width > 100 && c.height > 50 && c.marks > 0, `${locale}: chart ${c.id} rendered (${Math.round(c.width)}×${Math.round(c.height)} px, ${c.marks} marks)`);
      const tables = await page.$$eval('table', (t) => t.length);
      check(tables > 0, `${locale}: ${tables} tables`);
      check(consoleErrors.length === 0, `${locale}: no console errors${consoleErrors.length ? `: ${consoleErrors.join('; ')}` : ''}`);
      check(requests.length === 0, `${locale}: no network requests${requests.length ? `: ${requests.join(', ')}` : ''}`);
      await page.screenshot({ path: join(out, `bjorkebo-report.${locale}.png`), fullPage: true });
      // At phone width the page scrolls only up and down: tables scroll inside their own box.
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const { scroll, client, narrowShown } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          narrowShown: Array.from(document.querySelectorAll('figure.chart')).every((f) => Array.from(f.querySelectorAll('svg')).filter((s) => s.getBoundingClientRect().width > 0).length === 1),
        }));
        check(scroll <= client, `${locale}: no horizontal overflow at ${width} px (scrollWidth ${scroll}, clientWidth ${client})`);
        check(narrowShown, `${locale}: one drawing of each chart shown at ${width} px`);
        await page.screenshot({ path: join(out, `bjorkebo-report.${locale}.${width}.png`), fullPage: true });
      }
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(out, `bjorkebo-report.${locale}.pdf`), pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      check(pages >= 1 && pages <= 20, `${locale}: prints on ${pages} A4 pages`);
      // The first printed page is full: with pdftotext (poppler-utils) the text of page 1 reaches its lower part.
      const pdfFile = join(out, `bjorkebo-report.${locale}.pdf`);
      const bbox = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdfFile, '-'], { encoding: 'utf8' });
      if (bbox.error) console.log(`${locale}: pdftotext not found, first-page fill not measured (apt-get install -y poppler-utils)`);
      else {
        const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox.stdout)?.[1] ?? 0);
        const lowest = Math.max(0, ...[...bbox.stdout.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])));
        // A4 is 842 pt high with 15 mm (43 pt) margins: text down to 80 % of the page means no half-empty first page.
        check(height > 0 && lowest / height >= 0.8, `${locale}: first printed page is full (text to ${Math.round((100 * lowest) / (height || 1))} % of its height)`);
      }
    } finally {
      await context.close();
    }
  }
} finally {
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`e2e: screenshots and PDFs in ${out}`);
if (failures.length > 0) {
  console.error(`e2e: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('e2e: all checks passed');
