/**
 * End-to-end test of the offline workbench page, dist/uppfoljning.html (run
 * `npm run build` first), in headless Chromium (Debian's `chromium`, as
 * report.e2e.ts). The page is opened from file:// with every network request
 * blocked, and the test fails on any attempt (and on any console error, which
 * is where a CSP violation shows). It drops the fixture export
 * (tests/fixtures/workbench/export.csv), accepts the proposed plan and mapping,
 * sees the three bad rows with their line numbers, leaves them out, gets the
 * report, and compares it with what the CLI makes of the same file
 * (`init --from`, `compile --skip-invalid`, `report --plan`): the same
 * compilation, the same tables and summary. Then a 200,000-row export: clicks
 * are answered within 200 ms while the worker imports it (measured in the
 * page: from the click event's time stamp to the next frame after its
 * handler), and the compilation equals the CLI's. axe-core reports no serious
 * or critical violation, on the page and in the report. Screenshots at 1280
 * and 768 px go to artifacts/workbench/ (gitignored) and, with
 * UPDATE_SCREENSHOTS=1, to docs/images/ for docs/workbench.md.
 *
 * Run: npm run test:workbench. Skips with a message when /usr/bin/chromium is
 * missing outside CI; fails in CI (CI=true).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Frame, type Page } from 'playwright-core';
import { runCli } from '../../src/cli/main.js';
import { exportCsv } from '../fixtures/workbench/make-export.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '..', '..');
const page_ = join(root, 'dist', 'uppfoljning.html');
const fixture = join(root, 'tests', 'fixtures', 'workbench', 'export.csv');
const out = join(root, 'artifacts', 'workbench');
const docsImages = join(root, 'docs', 'images');

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

if (!existsSync(CHROMIUM)) {
  if (process.env.CI) {
    console.error(`workbench e2e: ${CHROMIUM} is missing in CI`);
    process.exit(1);
  }
  console.log(`workbench e2e: SKIPPED – ${CHROMIUM} not found (apt-get install -y chromium)`);
  process.exit(0);
}
if (!existsSync(page_)) {
  console.error(`workbench e2e: ${page_} is missing; run npm run build first`);
  process.exit(1);
}

/** What the CLI makes of an export: the drafts from init --from, the compilation, the HTML report. */
async function viaCli(file: string, dir: string): Promise<{ compilation: unknown; html: string }> {
  const quiet = { out: () => {}, err: (t: string) => console.error(t), tty: false };
  const codes = [
    await runCli(['init', '--from', file, '--out', dir, '--force'], quiet),
    await runCli(['compile', '--plan', join(dir, 'plan.json'), '--mapping', join(dir, 'mappning.json'), '--skip-invalid', '--out', join(dir, 'c.json'), file], quiet),
    await runCli(['report', '--plan', join(dir, 'plan.json'), '--out', join(dir, 'r.html'), join(dir, 'c.json')], quiet),
  ];
  if (codes[0] !== 0 || codes[2] !== 0) throw new Error(`the CLI failed: ${codes.join(', ')}`);
  return { compilation: JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')), html: readFileSync(join(dir, 'r.html'), 'utf8') };
}

/** The report's numbers as a reader sees them: the summary and every table, cell by cell. */
const reportNumbers = (frame: Page | Frame) =>
  frame.evaluate(() => ({
    summary: document.querySelector('.summary p')?.textContent ?? '',
    tables: Array.from(document.querySelectorAll('table')).map((t) => Array.from(t.querySelectorAll('tr')).map((r) => Array.from(r.children).map((c) => c.textContent?.trim() ?? ''))),
  }));

/** Drops a file on the page's drop zone, as a user dragging it from the file manager. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      return dt;
    },
    { name, text },
  );
  await page.dispatchEvent('#drop', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Serious and critical axe-core violations (axe is evaluated in the frame, past the page's CSP, as a tester's tool). */
async function axe(frame: Page | Frame): Promise<string[]> {
  await frame.evaluate(axeSource);
  const result = (await frame.evaluate(() => (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, { iframes: false }))) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

mkdirSync(out, { recursive: true });
const userDataDir = mkdtempSync(join(tmpdir(), 'uppfoljning-workbench-'));
const work = mkdtempSync(join(tmpdir(), 'uppfoljning-workbench-files-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const url = pathToFileURL(page_).href;
const attempts: string[] = [];
const consoleErrors: string[] = [];
// Every request but the page itself (and the blob: URLs it makes for its worker and downloads) is blocked, and counted.
await context.route('**/*', (route) => {
  const u = route.request().url();
  if (u === url || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
  attempts.push(u);
  return route.abort();
});

try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith('blob:') && !u.startsWith('data:')) attempts.push(u);
  });
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  check((await page.title()) === 'Uppföljning – arbetsbänk', 'the page opens in Swedish');
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content') ?? '');
  check(/default-src 'none'/.test(csp) && /connect-src 'none'/.test(csp) && !/unsafe-inline|unsafe-eval/.test(csp), `a strict CSP: ${csp.replace(/'sha256-[^']+'/g, "'sha256-…'")}`);

  // 1. Drop the export; the proposal appears.
  await dropFile(page, 'export.csv', readFileSync(fixture, 'utf8'));
  await page.waitForSelector('table.columns', { timeout: 60_000 });
  const columns = await page.$$eval('table.columns tbody tr', (rows) => rows.map((r) => [r.querySelector('th')?.textContent, (r.querySelector('select') as HTMLSelectElement).value]));
  check(columns.length === 13 && columns.some(([c, f]) => c === 'Startdatum' && f === 'before.date'), `the proposal maps the 13 columns (Startdatum → ${columns.find(([c]) => c === 'Startdatum')?.[1]})`);
  check((await page.textContent('#plan-status'))?.includes('giltiga') === true, 'the proposed plan and mapping are valid as they stand');
  await page.screenshot({ path: join(out, 'plan-1280.png'), fullPage: false });

  // 2. Import and check: the three bad rows, with their lines.
  await page.click('#check');
  await page.waitForSelector('#counts', { timeout: 60_000 });
  check((await page.textContent('#counts')) === '60 rader: 57 giltiga, 3 med fel.', `counts: ${await page.textContent('#counts')}`);
  const lines = await page.$$eval('#bad-rows tbody tr', (rows) => rows.map((r) => Number(r.getAttribute('data-line'))));
  check(JSON.stringify(lines) === '[8,21,40]', `bad rows listed with their lines: ${lines.join(', ')}`);
  const reasons = await page.$$eval('#bad-rows tbody tr td:last-child', (cells) => cells.map((c) => c.textContent ?? ''));
  check(reasons[0]?.includes('2025-02-30') === true && reasons[2]?.includes('k-000012') === true, `each with its reason: ${reasons.join(' | ')}`);
  await page.locator('#step3').screenshot({ path: join(out, 'rows-1280.png') });

  // 3. Leave them out (the default choice) and make the report.
  check(await page.isChecked('#choice-leave'), 'leaving the rows out is the choice offered first');
  await page.click('#go-on');
  await page.waitForSelector('iframe#report', { timeout: 120_000 });
  const frame = (await (await page.$('iframe#report'))!.contentFrame())!;
  await frame.waitForSelector('.summary');
  const inPage = await reportNumbers(frame);
  const unusable = (await frame.textContent('body')) ?? '';
  check(/3 rader/.test(unusable), 'the report counts the 3 rows left out');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-compilation')]);
  const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const cli = await viaCli(fixture, join(work, 'small'));
  check(JSON.stringify(saved) === JSON.stringify(cli.compilation), 'the saved compilation equals the CLI’s compile --skip-invalid of the same file');
  const cliPage = await context.newPage();
  await cliPage.setContent(cli.html);
  const fromCli = await reportNumbers(cliPage);
  await cliPage.close();
  check(inPage.summary === fromCli.summary && inPage.summary.length > 50, 'the report’s summary is the CLI report’s');
  check(JSON.stringify(inPage.tables) === JSON.stringify(fromCli.tables) && inPage.tables.length >= 5, `the report’s ${inPage.tables.length} tables equal the CLI report’s, cell by cell`);

  // Screenshots at laptop and tablet width.
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(out, `workbench-${width}.png`), fullPage: true });
    // For docs/workbench.md: the report section's start, as a reader sees it.
    // (A full-page clip is in page coordinates: the section's top plus the scroll.)
    const box = await page.evaluate(() => {
      const r = document.getElementById('step4')!.getBoundingClientRect();
      return { y: r.top + window.scrollY, height: r.height };
    });
    await page.screenshot({ path: join(out, `report-${width}.png`), fullPage: true, clip: { x: 0, y: box.y, width, height: Math.min(1100, box.height) } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `at ${width} px the page is no wider than the window (overflow ${overflow} px)`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Accessibility: the page and the report.
  const pageViolations = await axe(page);
  check(pageViolations.length === 0, `axe-core: no serious or critical violations on the page${pageViolations.length ? `: ${pageViolations.join('; ')}` : ''}`);
  // The report's frame runs no scripts (sandboxed): axe reads the same document in a page of its own.
  const reportPage = await context.newPage();
  await reportPage.setContent(await frame.content());
  const reportViolations = await axe(reportPage);
  await reportPage.close();
  check(reportViolations.length === 0, `axe-core: no serious or critical violations in the report${reportViolations.length ? `: ${reportViolations.join('; ')}` : ''}`);

  // English by the switch.
  await page.click('#lang-en');
  check((await page.title()) === 'Follow-up – workbench' && (await page.textContent('#counts')) === '60 rows: 57 valid, 3 with problems.', 'the English switch turns the page into English');
  await page.click('#lang-sv');

  // 4. 200,000 rows: the page answers clicks while the worker imports.
  const bigFile = join(work, 'export-200000.csv');
  writeFileSync(bigFile, exportCsv(200_000, 'workbench-200k'));
  await page.setInputFiles('#export-file', bigFile);
  await page.waitForFunction(() => document.getElementById('step1')?.textContent?.includes('export-200000.csv') && document.querySelector('table.columns') !== null, undefined, { timeout: 120_000 });
  await page.evaluate(() => {
    const w = window as unknown as { clickDelays: number[] };
    w.clickDelays = [];
    document.addEventListener('click', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => w.clickDelays.push(performance.now() - t0));
    }, true);
  });
  const t0 = Date.now();
  check(!(await page.isDisabled('#check')), `the 200,000-row export's proposal is valid too${(await page.isDisabled('#check')) ? `: ${await page.textContent('#plan-status')}` : ''}`);
  await page.click('#check');
  await page.waitForSelector('#progress', { timeout: 10_000 });
  let clicks = 0;
  while ((await page.$('#progress')) !== null && clicks < 40) {
    // A real click (input events through the browser) on the plan's disclosure, which opens or closes.
    await page.click('#step2 details summary', { timeout: 5_000 }).catch(() => {});
    clicks++;
    await page.waitForTimeout(150);
  }
  await page.waitForSelector('#counts', { timeout: 600_000 });
  const importMs = Date.now() - t0;
  const delays = await page.evaluate(() => (window as unknown as { clickDelays: number[] }).clickDelays);
  const worst = Math.max(...delays);
  console.log(`click delays (ms): ${delays.map((d) => d.toFixed(0)).join(' ')}`);
  check(delays.length >= 3 && worst < 200, `${delays.length} clicks during the ${(importMs / 1000).toFixed(1)} s import answered within ${worst.toFixed(0)} ms (limit 200 ms)`);
  check((await page.textContent('#counts'))?.replace(/\s/g, ' ') === '200 000 rader: 199 997 giltiga, 3 med fel.', `200,000 rows: ${await page.textContent('#counts')}`);
  await page.click('#go-on');
  await page.waitForSelector('#save-compilation', { timeout: 120_000 });
  const [bigDownload] = await Promise.all([page.waitForEvent('download'), page.click('#save-compilation')]);
  const bigSaved = readFileSync((await bigDownload.path())!, 'utf8');
  const bigCli = await viaCli(bigFile, join(work, 'big'));
  check(bigSaved.trim() === JSON.stringify(bigCli.compilation), 'the 200,000-row compilation equals the CLI’s');

  check(consoleErrors.length === 0, `no console errors or CSP violations${consoleErrors.length ? `: ${consoleErrors.slice(0, 5).join('; ')}` : ''}`);
  check(attempts.length === 0, `no network request attempted${attempts.length ? `: ${attempts.slice(0, 5).join(', ')}` : ''}`);
  console.log(`workbench e2e: ${((Date.now() - start) / 1000).toFixed(0)} s in the browser`);
  if (process.env.UPDATE_SCREENSHOTS) {
    mkdirSync(docsImages, { recursive: true });
    for (const f of ['report-1280.png', 'report-768.png', 'rows-1280.png', 'plan-1280.png']) copyFileSync(join(out, f), join(docsImages, f));
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

console.log(`workbench e2e: screenshots in ${out}`);
if (failures.length > 0) {
  console.error(`workbench e2e: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('workbench e2e: all checks passed');
