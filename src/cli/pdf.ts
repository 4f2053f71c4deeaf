import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../core/locale.js';

/**
 * `report --format pdf`: the report's HTML (self-contained, no scripts, no
 * requests) printed to an A4 PDF by the headless Chromium (or Chrome, or
 * Edge) the user already has. Only the command line imports this module; the
 * library's entries never do, so they need neither a browser nor
 * `node:child_process`.
 *
 * @internal
 */

/** Where a browser is looked for when neither `--chromium` nor an environment variable names one, in this order. */
export const COMMON_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/usr/bin/microsoft-edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The environment variables that may name the browser, in the order they are read. */
export const BROWSER_ENV = ['CHROMIUM_PATH', 'CHROME_PATH'] as const;

/** A browser found, or the sentence (in the locale) that says what was looked for. */
export type BrowserFound = { readonly path: string } | { readonly problem: string };

const say = (locale: Locale, sv: string, en: string) => (locale === 'sv' ? sv : en);

/** Whether `path` is a file this process may run (on Windows, a file). */
function runnable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to print with: the `--chromium` option's path, else the first
 * of `CHROMIUM_PATH` and `CHROME_PATH` that is set, else the first of
 * {@link COMMON_BROWSER_PATHS} that exists. A path the user named that
 * cannot be run is a problem of its own (not silently replaced by another
 * browser); when none is found, the problem names every place looked at.
 */
export function findBrowser(option: string | undefined, env: Readonly<Record<string, string | undefined>>, locale: Locale, candidates: readonly string[] = COMMON_BROWSER_PATHS): BrowserFound {
  if (option !== undefined) {
    return runnable(option)
      ? { path: option }
      : { problem: say(locale, `--chromium ${option}: filen finns inte eller går inte att köra`, `--chromium ${option}: the file does not exist or cannot be run`) };
  }
  for (const name of BROWSER_ENV) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    return runnable(value)
      ? { path: value }
      : { problem: say(locale, `miljövariabeln ${name} pekar på ${value}, som inte finns eller inte går att köra`, `the environment variable ${name} points to ${value}, which does not exist or cannot be run`) };
  }
  const found = candidates.find(runnable);
  if (found !== undefined) return { path: found };
  return {
    problem: say(
      locale,
      `ingen Chromium, Chrome eller Edge hittades för att skriva PDF: varken --chromium, ${BROWSER_ENV.join(' eller ')} är satt, och ingen av ${candidates.join(', ')} finns. Installera Chromium (Debian/Ubuntu: apt-get install chromium) eller ange sökvägen med --chromium SÖKVÄG; eller skriv HTML med --format html och skriv ut den från webbläsaren`,
      `no Chromium, Chrome or Edge was found to write the PDF: neither --chromium nor ${BROWSER_ENV.join(' or ')} is set, and none of ${candidates.join(', ')} exists. Install Chromium (Debian/Ubuntu: apt-get install chromium) or give its path with --chromium PATH; or write HTML with --format html and print it from the browser`,
    ),
  };
}

/**
 * The flags the browser is started with: headless, no GPU, a fresh profile
 * of its own, and no network of any kind (no background requests, no
 * updates, every host name unresolvable), since the page is self-contained.
 * `--no-sandbox` because a root user (a container, CI) cannot start it
 * otherwise; the page it opens is the report only, with no scripts (its
 * Content-Security-Policy forbids them).
 */
export function browserArgs(profile: string, pdf: string, page: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    `--user-data-dir=${profile}`,
    '--no-pdf-header-footer',
    // The same for Chromium before version 111, which knew it by this name (a newer one ignores it).
    '--print-to-pdf-no-header',
    `--print-to-pdf=${pdf}`,
    page,
  ];
}

/** Runs the browser; resolves with its exit code and the end of what it printed, or rejects when it cannot start. */
function run(browser: string, args: readonly string[], timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(browser, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output, timedOut });
    });
  });
}

/**
 * Prints a report's HTML to a PDF file with the browser at `browser`: the
 * HTML is written to a temporary folder (with the browser's temporary
 * profile), opened from there and printed on A4 (the report's own `@page`
 * rule) without the browser's header and footer. The temporary folder is
 * removed afterwards. Returns the problem in the locale when the browser
 * fails, times out, or writes no PDF.
 */
export async function printPdf(html: string, browser: string, out: string, locale: Locale, timeoutMs = 120_000): Promise<{ problem: string } | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'uppfoljning-pdf-'));
  try {
    const page = join(dir, 'rapport.html');
    const pdf = join(dir, 'rapport.pdf');
    writeFileSync(page, html);
    let result;
    try {
      result = await run(browser, browserArgs(join(dir, 'profile'), pdf, pathToFileURL(page).href), timeoutMs);
    } catch (e) {
      return { problem: say(locale, `kan inte starta ${browser}: ${(e as Error).message}`, `cannot start ${browser}: ${(e as Error).message}`) };
    }
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(pdf);
    } catch {
      bytes = undefined;
    }
    if (result.timedOut) return { problem: say(locale, `${browser} skrev ingen PDF inom ${timeoutMs / 1000} s och avbröts`, `${browser} wrote no PDF within ${timeoutMs / 1000} s and was stopped`) };
    if (bytes === undefined || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const tail = result.output.trim().split('\n').slice(-3).join(' | ');
      return {
        problem: say(
          locale,
          `${browser} skrev ingen PDF (slutkod ${result.code})${tail === '' ? '' : `: ${tail}`}`,
          `${browser} wrote no PDF (exit code ${result.code})${tail === '' ? '' : `: ${tail}`}`,
        ),
      };
    }
    try {
      writeFileSync(resolve(out), bytes);
    } catch {
      return { problem: say(locale, `kan inte skriva filen ${out}`, `cannot write the file ${out}`) };
    }
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
