import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ageInCompletedYears, compile, parseIdentityNumber, parsePlan, pseudonymize, type ClientRecord } from '../../src/index.js';
import { buildReport, renderMarkdown, renderText } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { TEST_KEY, TEST_KEY_HEX } from '../helpers/keys.js';
import { expectNoLeaks, type Secrets } from '../privacy/audit-output.js';

// Fixtures: tests/fixtures/cli/identity-*.csv and identity-mapping.json, written by
// make-fixtures.ts (section 5) from the synthetic Björkebo cohort, with numbers
// from Skatteverket's test series only (tests/helpers/test-numbers.ts). The
// exports have a "Personnummer" column and no client-id, age or gender column.
const F = join(import.meta.dirname, '..', 'fixtures', 'cli');
const f = (name: string) => join(F, name);
const plan = parsePlan(bjorkeboPlan);
const cohort = bjorkeboCohort(plan);

const tmp = () => mkdtempSync(join(tmpdir(), 'uppfoljning-identity-'));
function keyFile(text = `${TEST_KEY_HEX}\n`): string {
  const file = join(tmp(), 'nyckel.txt');
  writeFileSync(file, text);
  return file;
}
const args = (key: string, ...rest: string[]) => ['--plan', f('plan.json'), '--mapping', f('identity-mapping.json'), '--pseudonym-key-file', key, ...rest];

/** The numbers as the export writes them (first column), line by line from line 2. */
const numbersIn = (file: string): string[] =>
  readFileSync(f(file), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).slice(1).filter((l) => l !== '').map((l) => l.split(';')[0]!);

/**
 * The records the identity export should give, built here without the import:
 * the cohort's records with the pseudonym of each number as client id (Web
 * Crypto's HMAC, not the import's), the age at the start of the intervention
 * from the number's birth date, and the legal gender from its birth number.
 */
async function expectedRecords(): Promise<ClientRecord[]> {
  const numbers = numbersIn('identity-utf8.csv');
  return Promise.all(
    cohort.map(async (r, i) => {
      const start = r.before?.date ?? r.enrolled;
      const id = parseIdentityNumber(numbers[i]!, { referenceDate: start });
      const birthNumberDigit = Number(id.normalized.slice(-2, -1));
      // The identity export is a case system's: it holds no questionnaire answers.
      const after = r.after === undefined ? undefined : (({ views: _views, ...rest }) => rest)(r.after);
      return {
        ...r,
        ...(after === undefined ? {} : { after }),
        clientId: await pseudonymize(numbers[i]!, TEST_KEY, { referenceDate: start }),
        age: ageInCompletedYears(id.birthDate!, start),
        gender: birthNumberDigit % 2 === 0 ? 'kvinna' : 'man',
      };
    }),
  );
}

/** Every number and birth date of the fixtures: none may appear in any output. */
function secrets(...files: string[]): Secrets {
  const identityNumbers = files.flatMap(numbersIn).filter((n) => n !== '');
  const birthDates = identityNumbers.flatMap((n) => {
    const d = n.replace(/\D/g, '');
    return d.length === 12 ? [`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`] : [];
  });
  return { clientIds: [], identityNumbers, birthDates };
}

describe('an export with identity numbers only (no client id, age or gender column)', () => {
  it('validates in UTF-8 with BOM and in Windows-1252 (exit 0)', async () => {
    const key = keyFile();
    expect(await cli('validate', ...args(key, f('identity-utf8.csv')))).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.'], err: [] });
    expect(await cli('validate', ...args(key, f('identity-1252.csv'), '--lang', 'en'))).toEqual({ code: 0, out: ['40 rows: 40 valid, 0 with problems.'], err: [] });
  });

  it('compiles, with its during file linked by the numbers, to exactly the compilation of the records built by hand', async () => {
    const out = join(tmp(), 'sammanstallning.json');
    for (const file of ['identity-utf8.csv', 'identity-1252.csv']) {
      const r = await cli('compile', ...args(keyFile(), '--during', f('identity-during.csv'), f(file), '--out', out));
      expect(r).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.', `Sammanställningen av 40 klienter skrevs till ${out}.`], err: [] });
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(compile(plan, await expectedRecords()))));
    }
  });

  it('takes the key from an environment variable as base64 too', async () => {
    const name = 'UPPFOLJNING_TEST_PSEUDONYM_KEY';
    process.env[name] = Buffer.from(TEST_KEY).toString('base64');
    try {
      const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('identity-mapping.json'), '--pseudonym-key-env', name, f('identity-utf8.csv'));
      expect(r).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.'], err: [] });
    } finally {
      delete process.env[name];
    }
  });

  it('without a key needs the export\'s own client-id column (exit 1)', async () => {
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('identity-mapping.json'), f('identity-utf8.csv'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['clients line 1, column "clientId": the column "clientId" (for clientId) is missing from the file [missing_column]', '40 rows: 0 valid, 40 with problems.']);
  });
});

describe('a malformed export: one bad identity number of each kind', () => {
  it('names the line and the rule, never the number (exit 1, Swedish)', async () => {
    const r = await cli('validate', ...args(keyFile(), f('identity-malformed.csv')));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([]);
    const at = (line: number) => `klientfilen rad ${line}, kolumn "Personnummer" (identityNumber): `;
    expect(r.out).toEqual([
      `${at(3)}kontrollsiffran stämmer inte (fel i någon siffra?) [identity_check_digit]`,
      `${at(4)}födelsenumret (de tre siffrorna efter födelsedatumet) är 000; det går från 001 till 999 [identity_birth_number]`,
      `${at(5)}födelsetiden är inget giltigt datum (dagen finns inte) [identity_date]`,
      `${at(6)}har 11 siffror; ett person- eller samordningsnummer har 10 eller 12 [identity_length]`,
      `${at(7)}födelsedatumet är okänt i samordningsnumret (månad 00 eller dag 60), så åldern kan inte räknas ut; ange åldern i en egen kolumn [identity_birth_date_unknown]`,
      `${at(8)}klienten finns redan på rad 2 [duplicate_client]`,
      `${at(9)}uppgiften saknas men krävs [required]`,
      `${at(10)}plustecknet (100 år eller äldre) stämmer inte med födelseåret [identity_separator]`,
      '9 rader: 1 giltig, 8 med fel.',
    ]);
  });

  it('in English, and compile writes nothing without --skip-invalid (exit 1)', async () => {
    const out = join(tmp(), 'c.json');
    const r = await cli('compile', ...args(keyFile(), f('identity-malformed.csv'), '--out', out, '--lang', 'en'));
    expect(r.code).toBe(1);
    expect(r.out.slice(0, 2)).toEqual([
      'clients line 3, column "Personnummer" (identityNumber): the check digit does not match (a mistyped digit?) [identity_check_digit]',
      'clients line 4, column "Personnummer" (identityNumber): the birth number (the three digits after the date of birth) is 000; it runs from 001 to 999 [identity_birth_number]',
    ]);
    expect(r.out.slice(-2)).toEqual(['9 rows: 1 valid, 8 with problems.', 'No compilation written (use --skip-invalid to compile the valid rows).']);
  });
});

describe('keys that cannot protect anything are refused before any row is read (exit 2)', () => {
  it.each([
    ['all zero', '00'.repeat(32), 'den är samma byte upprepad'],
    ['32 × "a"', Buffer.from('a'.repeat(32)).toString('hex'), 'den är samma byte upprepad'],
    ['the run 00 01 … 1f', Buffer.from(Uint8Array.from({ length: 32 }, (_, i) => i)).toString('hex'), 'den är en jämn talföljd (som 00 01 02 …)'],
  ])('%s', async (_name, hex, why) => {
    const key = keyFile(hex);
    expect(await cli('validate', ...args(key, f('identity-utf8.csv')))).toEqual({
      code: 2,
      out: [],
      err: [`uppfoljning: nyckeln i filen ${key} kan inte användas: pseudonymnyckeln skyddar inget: ${why}; använd 32 slumpmässiga byte (t.ex. openssl rand -hex 32)`],
    });
  });

  it('a short key, a key not written as hex or base64, a missing variable, and both flags', async () => {
    const short = keyFile(TEST_KEY_HEX.slice(0, 32));
    expect((await cli('validate', ...args(short, f('identity-utf8.csv'), '--lang', 'en'))).err).toEqual([
      `uppfoljning: the key in the file ${short} cannot be used: the pseudonym key is too short: at least 32 bytes needed, got 16`,
    ]);
    const words = keyFile('mitt hemliga lösenord');
    expect((await cli('validate', ...args(words, f('identity-utf8.csv'))))).toEqual({
      code: 2,
      out: [],
      err: [`uppfoljning: nyckeln i filen ${words} ska vara skriven som hex eller base64 (t.ex. från openssl rand -hex 32)`],
    });
    expect(await cli('validate', '--plan', f('plan.json'), '--pseudonym-key-env', 'UPPFOLJNING_NOT_SET', f('identity-utf8.csv'))).toEqual({
      code: 2,
      out: [],
      err: ['uppfoljning: miljövariabeln UPPFOLJNING_NOT_SET är inte satt'],
    });
    expect((await cli('validate', ...args(keyFile(), '--pseudonym-key-env', 'X', f('identity-utf8.csv')))).err).toEqual([
      'uppfoljning: ange nyckeln med --pseudonym-key-file eller --pseudonym-key-env, inte båda',
    ]);
  });
});

describe('no identity number or birth date of the input leaves the import', () => {
  it('in what the CLI prints, the compilation it writes, and the reports made from it', async () => {
    const dir = tmp();
    const out = join(dir, 'c.json');
    const printed: unknown[] = [];
    for (const lang of ['sv', 'en']) {
      const clean = await cli('compile', ...args(keyFile(), '--during', f('identity-during.csv'), f('identity-utf8.csv'), '--out', out, '--lang', lang));
      const bad = await cli('compile', ...args(keyFile(), '--skip-invalid', f('identity-malformed.csv'), '--out', join(dir, 'bad.json'), '--lang', lang));
      printed.push(clean, bad);
    }
    const s = secrets('identity-utf8.csv', 'identity-malformed.csv');
    expect(s.identityNumbers.length).toBe(48);
    expectNoLeaks(printed, s, 'the CLI output');
    for (const file of [out, join(dir, 'bad.json')]) {
      const compilation = JSON.parse(readFileSync(file, 'utf8'));
      expectNoLeaks(compilation, s, 'the compilation');
      const report = await cli('report', file, '--format', 'text');
      expect(report.code).toBe(0);
      expectNoLeaks(report.out, s, 'the text report');
      expectNoLeaks(renderMarkdown(buildReport(compilation, { locale: 'en' })), s, 'the Markdown report');
      expectNoLeaks(renderText(buildReport(compilation)), s, 'the text report');
    }
  });
});
