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
          const svg = f.querySelector('svg');
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
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(out, `bjorkebo-report.${locale}.pdf`), pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      check(pages >= 1 && pages <= 20, `${locale}: prints on ${pages} A4 pages`);
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
