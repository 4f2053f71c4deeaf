import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { browserArgs, findBrowser, printPdf } from '../../src/cli/pdf.js';

// `report --format pdf` without a browser: how the browser is found, what is said when none is,
// and how printPdf handles a browser that fails. The real print is in tests/e2e/pdf.e2e.ts.

const tmp = () => mkdtempSync(join(tmpdir(), 'uppfoljning-pdf-'));
const F = join(import.meta.dirname, '..', 'fixtures', 'cli');

/** A stand-in for the browser: a shell script (POSIX only). */
function fakeBrowser(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const posix = process.platform !== 'win32';

describe.runIf(posix)('findBrowser', () => {
  const dir = tmp();
  const a = fakeBrowser(dir, 'a', 'exit 0');
  const b = fakeBrowser(dir, 'b', 'exit 0');
  const plain = join(dir, 'not-runnable');
  writeFileSync(plain, 'text');
  const missing = join(dir, 'missing');

  it('takes --chromium first, then CHROMIUM_PATH, then CHROME_PATH, then the first common path there is', () => {
    expect(findBrowser(a, { CHROMIUM_PATH: b }, 'sv')).toEqual({ path: a });
    expect(findBrowser(undefined, { CHROMIUM_PATH: a, CHROME_PATH: b }, 'sv')).toEqual({ path: a });
    expect(findBrowser(undefined, { CHROMIUM_PATH: '', CHROME_PATH: b }, 'sv')).toEqual({ path: b });
    expect(findBrowser(undefined, {}, 'sv', [missing, b, a])).toEqual({ path: b });
  });

  it('says so when the path the user named cannot be run, instead of using another browser', () => {
    expect(findBrowser(missing, { CHROMIUM_PATH: a }, 'sv')).toEqual({ problem: `--chromium ${missing}: filen finns inte eller går inte att köra` });
    expect(findBrowser(plain, {}, 'en')).toEqual({ problem: `--chromium ${plain}: the file does not exist or cannot be run` });
    expect(findBrowser(dir, {}, 'en')).toHaveProperty('problem');
    expect(findBrowser(undefined, { CHROME_PATH: missing }, 'en', [a])).toEqual({
      problem: `the environment variable CHROME_PATH points to ${missing}, which does not exist or cannot be run`,
    });
  });

  it('names every place it looked when no browser is found, in Swedish and English', () => {
    const places = [missing, plain];
    const sv = findBrowser(undefined, {}, 'sv', places);
    const en = findBrowser(undefined, {}, 'en', places);
    expect(sv).toEqual({
      problem: `ingen Chromium, Chrome eller Edge hittades för att skriva PDF: varken --chromium, CHROMIUM_PATH eller CHROME_PATH är satt, och ingen av ${missing}, ${plain} finns. Installera Chromium (Debian/Ubuntu: apt-get install chromium) eller ange sökvägen med --chromium SÖKVÄG; eller skriv HTML med --format html och skriv ut den från webbläsaren`,
    });
    expect('problem' in en && en.problem).toMatch(/^no Chromium, Chrome or Edge was found .* neither --chromium nor CHROMIUM_PATH or CHROME_PATH is set/);
  });
});

describe('browserArgs', () => {
  it('starts headless, without network or header and footer, into a profile of its own', () => {
    const args = browserArgs('/t/profile', '/t/out.pdf', 'file:///t/r.html');
    expect(args).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--disable-background-networking', '--user-data-dir=/t/profile', '--print-to-pdf=/t/out.pdf']));
    expect(args.at(-1)).toBe('file:///t/r.html');
  });
});

describe.runIf(posix)('printPdf', () => {
  const dir = tmp();
  // Writes a small PDF where --print-to-pdf says, and the page it was given beside it.
  const good = fakeBrowser(
    dir,
    'good',
    'for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) page="${a#file://}";; esac; done\nprintf "%%PDF-1.4 fake" > "$out"\ncp "$page" "$out.html"',
  );

  it('writes what the browser printed to the file asked for, from the HTML it was given', async () => {
    const out = join(dir, 'r.pdf');
    expect(await printPdf('<!DOCTYPE html><p>Hej</p>', good, out, 'sv')).toBeUndefined();
    expect(readFileSync(out, 'latin1')).toBe('%PDF-1.4 fake');
  });

  it('says the browser wrote no PDF, with its exit code and last words', async () => {
    const bad = fakeBrowser(dir, 'bad', 'echo "cannot open display" >&2\nexit 3');
    const out = join(dir, 'none.pdf');
    expect(await printPdf('<p>x</p>', bad, out, 'en')).toEqual({ problem: `${bad} wrote no PDF (exit code 3): cannot open display` });
    expect(await printPdf('<p>x</p>', bad, out, 'sv')).toEqual({ problem: `${bad} skrev ingen PDF (slutkod 3): cannot open display` });
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not a PDF', async () => {
    const junk = fakeBrowser(dir, 'junk', 'for a in "$@"; do case "$a" in --print-to-pdf=*) echo "<html>" > "${a#--print-to-pdf=}";; esac; done');
    expect(await printPdf('<p>x</p>', junk, join(dir, 'junk.pdf'), 'en')).toEqual({ problem: `${junk} wrote no PDF (exit code 0)` });
  });

  it('stops a browser that hangs', async () => {
    const hang = fakeBrowser(dir, 'hang', 'exec sleep 30');
    expect(await printPdf('<p>x</p>', hang, join(dir, 'hang.pdf'), 'en', 200)).toEqual({ problem: `${hang} wrote no PDF within 0.2 s and was stopped` });
  });
});

describe('uppfoljning report --format pdf', () => {
  const dir = tmp();
  const compilation = join(dir, 'c.json');
  beforeAll(async () => {
    expect((await cli('compile', '--plan', join(F, 'plan.json'), '--mapping', join(F, 'mapping.json'), join(F, 'clean.csv'), '--out', compilation)).code).toBe(0);
  });

  it('names a --chromium that is not there (exit 2) and writes nothing', async () => {
    const missing = join(dir, 'no-chromium');
    const r = await cli('report', compilation, '--format', 'pdf', '--out', join(dir, 'r.pdf'), '--chromium', missing, '--lang', 'en');
    expect(r).toEqual({ code: 2, out: [], err: [`uppfoljning: --chromium ${missing}: the file does not exist or cannot be run`] });
    expect(existsSync(join(dir, 'r.pdf'))).toBe(false);
  });

  it('takes --chromium only with --format pdf, and lists pdf among the formats', async () => {
    const r = await cli('report', compilation, '--format', 'html', '--out', join(dir, 'x.html'), '--chromium', '/usr/bin/chromium', '--lang', 'en');
    expect(r).toEqual({ code: 2, out: [], err: ['uppfoljning: --chromium is only for --format pdf (see uppfoljning report --help)'] });
    const unknown = await cli('report', compilation, '--format', 'docx');
    expect(unknown.err).toEqual(['uppfoljning: okänt format docx; välj html, pdf, md, text, csv eller vega (se uppfoljning report --help)']);
  });
});
