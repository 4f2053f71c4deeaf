/**
 * Issue 11, item 3 "Nothing vanishes", end to end through the CLI, with exact
 * messages, line numbers and exit codes. Fixtures: tests/fixtures/cli/, written
 * by make-fixtures.ts (section 6, seeded; synthetic data only).
 */
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { parsePlan, validateCompilation } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { countWord } from '../../src/locales/count.js';
import { unusableSentence } from '../../src/locales/unusable.js';

const F = join(import.meta.dirname, '..', 'fixtures', 'cli');
const f = (name: string) => join(F, name);
const tmp = () => mkdtempSync(join(tmpdir(), 'uppfoljning-robust-'));
const validate = (file: string, ...rest: string[]) => cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f(file), ...rest);
const compileTo = (out: string, file: string, ...rest: string[]) =>
  cli('compile', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f(file), '--out', out, ...rest);

describe('a file that is no export gets one sentence and exit 1', () => {
  it.each([
    ['empty.csv', 'klientfilen: filen är tom [empty_file]', 'clients: the file is empty [empty_file]'],
    ['header-only.csv', 'klientfilen rad 1: filen har rubriker men inga rader [no_rows]', 'clients line 1: the file has headers but no rows [no_rows]'],
    [
      'binary.csv',
      'klientfilen: filen är ingen CSV-fil utan innehåller binära data (spara ett kalkylark som CSV först) [not_csv]',
      'clients: the file is not a CSV file but holds binary data (save a spreadsheet as CSV first) [not_csv]',
    ],
  ])('%s', async (file, sv, en) => {
    expect(await validate(file)).toEqual({ code: 1, out: [sv], err: [] });
    expect(await validate(file, '--lang', 'en')).toEqual({ code: 1, out: [en], err: [] });
    const out = join(tmp(), 'c.json');
    expect(await compileTo(out, file, '--skip-invalid')).toEqual({ code: 1, out: [sv], err: [] });
    expect(existsSync(out)).toBe(false);
  });

  it('an empty during file is said once, and blocks every client row', async () => {
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--during', f('empty.csv'), f('two-rows.csv'));
    expect(r).toEqual({ code: 1, out: ['händelsefilen: filen är tom [empty_file]', '2 rader: 0 giltiga, 2 med fel.'], err: [] });
  });
});

describe('every error shows the value, and for a code the codes the plan allows', () => {
  it('labels the plan does not have, and a row with two problems reported whole (exit 1)', async () => {
    expect(await validate('labels.csv')).toEqual({
      code: 1,
      err: [],
      out: [
        'klientfilen rad 3, kolumn "Kön" (gender): "Kvinan" finns inte bland koderna för kön: "kvinna", "man" [unknown_code]',
        'klientfilen rad 4, kolumn "Huvudproblem" (before.mainProblem): "Spelmissbruk" finns inte bland koderna för huvudproblem: "alkohol", "narkotika", "blandmissbruk" [unknown_code]',
        'klientfilen rad 5, kolumn "Ålder" (age): "fyrtio" är inget tal [not_a_number]',
        'klientfilen rad 5, kolumn "Målområde 1" (goal.1.area): "Fritid" finns inte bland koderna för målområde: "sysselsattning", "boende", "relationer", "halsa", "ekonomi" [unknown_code]',
        'klientfilen rad 6, kolumn "Kön" (gender): "kvinan" finns inte bland koderna för kön: "kvinna", "man" [unknown_code]',
        'klientfilen rad 6, kolumn "Startdatum" (before.date): 2019-09-31 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]',
        'klientfilen rad 7, kolumn "Startdatum" (before.date): 2019-13-01 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]',
        '6 rader: 1 giltig, 5 med fel.',
      ],
    });
    const en = await validate('labels.csv', '--lang', 'en');
    expect(en.out[0]).toBe('clients line 3, column "Kön" (gender): "Kvinan" is not one of the codes for gender: "kvinna", "man" [unknown_code]');
  });

  it('a missing column is reported once, and every row’s other fields are still checked', async () => {
    const r = await validate('malformed.csv');
    expect(r.code).toBe(1);
    expect(r.out.filter((l) => l.includes('[missing_column]'))).toEqual([
      'klientfilen rad 1, kolumn "Tilltro efter" (after.measures.tilltro-nykterhet): kolumnen "Tilltro efter" (för after.measures.tilltro-nykterhet) saknas i filen [missing_column]',
    ]);
    expect(r.out.map((l) => /rad (\d+)/.exec(l)?.[1])).toEqual(['1', '3', '4', '5', '6', '7', undefined]);
  });
});

describe('rows left out with --skip-invalid are counted and shown', () => {
  it('in the compilation, by the rule of each row’s first problem, and in every report format', async () => {
    const dir = tmp();
    const out = join(dir, 'c.json');
    const r = await compileTo(out, 'labels.csv', '--skip-invalid');
    expect(r.code).toBe(1);
    expect(r.out.slice(-3)).toEqual([
      '6 rader: 1 giltig, 5 med fel.',
      `Sammanställningen av 1 klient skrevs till ${out}.`,
      '5 rader med fel ingår inte i sammanställningen; de räknas som oanvändbara och visas i rapporten.',
    ]);
    const compilation = JSON.parse(readFileSync(out, 'utf8'));
    expect(validateCompilation(compilation).success).toBe(true);
    expect(compilation.invalid).toEqual({ total: 5, byRule: { unknown_code: 3, not_a_number: 1, calendar_date: 1 } });

    const sv = '5 rader kunde inte användas och ingår inte i resultaten: 3 med en kod som planen inte har, 1 med ogiltigt datum och 1 med text där ett tal ska stå.';
    const en = '5 rows could not be used and are not in the results: 3 with a code the plan does not have, 1 with an invalid date and 1 with text where a number belongs.';
    const text = await cli('report', out, '--format', 'text');
    expect(text.code).toBe(0);
    expect(text.out.join('\n')).toContain(`Vad siffrorna inte kan säga:\n- ${sv}\n`);
    expect((await cli('report', out, '--format', 'md', '--out', join(dir, 'r.md'), '--lang', 'en')).code).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain(`## What the numbers cannot say\n\n- ${en}\n`);
    expect((await cli('report', out, '--format', 'html', '--out', join(dir, 'r.html'))).code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain(`<ul><li>${sv}</li>`);
    expect((await cli('report', out, '--format', 'csv', '--out', join(dir, 'csv'))).code).toBe(0);
    expect(readdirSync(join(dir, 'csv'))).toContain('unusable.csv');
    expect(readFileSync(join(dir, 'csv', 'unusable.csv'), 'utf8')).toBe(
      [
        '\ufeffrad;kolumn;antal;n;varde;nedre;ovre;undertryckt;text',
        'Med en kod som planen inte har;Antal;3;;;;;nej;',
        'Med ogiltigt datum;Antal;1;;;;;nej;',
        'Med text där ett tal ska stå;Antal;1;;;;;nej;',
        'Totalt;Antal;5;;;;;nej;',
        '',
      ].join('\r\n'),
    );
  });

  it('JSON records too: a record that fails is counted by its first rule', async () => {
    const plan = parsePlan(bjorkeboPlan);
    const records = bjorkeboCohort(plan).slice(0, 3);
    const dir = tmp();
    writeFileSync(join(dir, 'records.json'), JSON.stringify([records[0], { ...records[1], age: 12 }, records[2]]));
    const r = await cli('compile', '--plan', f('plan.json'), join(dir, 'records.json'), '--out', join(dir, 'c.json'), '--skip-invalid', '--lang', 'en');
    expect(r.out.slice(-2)).toEqual([
      `The compilation of 2 clients was written to ${join(dir, 'c.json')}.`,
      '1 row with problems is left out of the compilation; it is counted as unusable and shown in the report.',
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).invalid).toEqual({ total: 1, byRule: { outside_age_bands: 1 } });
  });

  it('merged compilations add their invalid counts', async () => {
    const dir = tmp();
    await compileTo(join(dir, 'a.json'), 'labels.csv', '--skip-invalid');
    await compileTo(join(dir, 'b.json'), 'malformed.csv', '--skip-invalid');
    expect((await cli('merge', join(dir, 'a.json'), join(dir, 'b.json'), '--out', join(dir, 'm.json'))).out).toEqual([`2 sammanställningar slogs ihop till ${join(dir, 'm.json')}.`]);
    expect(JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')).invalid).toEqual({
      total: 11,
      byRule: { unknown_code: 3, not_a_number: 2, calendar_date: 2, missing_column: 1, out_of_range: 1, looks_like_identity_number: 1, field_count: 1 },
    });
  });
});

describe('counts: "1 rad", "2 rader", "0 rader"', () => {
  it('in the CLI’s messages', async () => {
    expect((await validate('one-row.csv')).out).toEqual(['1 rad: 1 giltig, 0 med fel.']);
    expect((await validate('one-row.csv', '--lang', 'en')).out).toEqual(['1 row: 1 valid, 0 with problems.']);
    expect((await validate('two-rows.csv')).out).toEqual(['2 rader: 2 giltiga, 0 med fel.']);
    const dir = tmp();
    expect((await compileTo(join(dir, 'one.json'), 'one-row.csv')).out.at(-1)).toBe(`Sammanställningen av 1 klient skrevs till ${join(dir, 'one.json')}.`);
    expect((await compileTo(join(dir, 'two.json'), 'two-rows.csv', '--lang', 'en')).out.at(-1)).toBe(`The compilation of 2 clients was written to ${join(dir, 'two.json')}.`);
    const zero = await compileTo(join(dir, 'zero.json'), 'malformed.csv', '--skip-invalid');
    expect(zero.out.slice(-3)).toEqual([
      '6 rader: 0 giltiga, 6 med fel.',
      `Sammanställningen av 0 klienter skrevs till ${join(dir, 'zero.json')}.`,
      '6 rader med fel ingår inte i sammanställningen; de räknas som oanvändbara och visas i rapporten.',
    ]);
    expect((await cli('merge', join(dir, 'one.json'), '--out', join(dir, 'm.json'))).out).toEqual([`1 sammanställning slogs ihop till ${join(dir, 'm.json')}.`]);
    expect((await cli('merge', join(dir, 'one.json'), '--out', join(dir, 'm.json'), '--lang', 'en')).out).toEqual([`1 compilation was merged into ${join(dir, 'm.json')}.`]);
  });

  it('every count word, for 0, 1 and 2, in both languages', () => {
    const words = ['row', 'valid', 'client', 'compilation', 'rowWithProblems', 'statement'] as const;
    const table = words.map((w) => [0, 1, 2].map((n) => `${countWord(n, w, 'sv')} / ${countWord(n, w, 'en')}`));
    expect(table).toEqual([
      ['rader / rows', 'rad / row', 'rader / rows'],
      ['giltiga / valid', 'giltig / valid', 'giltiga / valid'],
      ['klienter / clients', 'klient / client', 'klienter / clients'],
      ['sammanställningar / compilations', 'sammanställning / compilation', 'sammanställningar / compilations'],
      ['rader med fel / rows with problems', 'rad med fel / row with problems', 'rader med fel / rows with problems'],
      ['påståenden / statements', 'påstående / statement', 'påståenden / statements'],
    ]);
  });

  it('in the report’s sentence on rows left out', () => {
    expect(unusableSentence({ total: 1, byRule: { calendar_date: 1 } }, 'sv')).toBe('1 rad kunde inte användas och ingår inte i resultaten: 1 med ogiltigt datum.');
    expect(unusableSentence({ total: 1, byRule: { calendar_date: 1 } }, 'en')).toBe('1 row could not be used and is not in the results: 1 with an invalid date.');
    expect(unusableSentence({ total: 2, byRule: { calendar_date: 2 } }, 'en')).toBe('2 rows could not be used and are not in the results: 2 with an invalid date.');
  });
});
