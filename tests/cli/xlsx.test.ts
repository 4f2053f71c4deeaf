import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { writeXlsx } from '../helpers/xlsx-writer.js';

// Fixtures: tests/fixtures/cli/clean.xlsx and malformed.xlsx, written by make-fixtures.ts
// (section 7) from the same rows as clean.csv, clean-during.csv and malformed.csv.
const F = join(import.meta.dirname, '..', 'fixtures', 'cli');
const f = (name: string) => join(F, name);
const tmp = () => mkdtempSync(join(tmpdir(), 'uppfoljning-xlsx-'));

describe('the CLI reads .xlsx exports', () => {
  it('gives the same compilation from the workbook (sheets Klienter and Prov) as from the CSV files', async () => {
    const dir = tmp();
    const fromCsv = await cli('compile', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--during', f('clean-during.csv'), f('clean.csv'), '--out', join(dir, 'csv.json'));
    // The clients from the first sheet by default, the events from the sheet named by number.
    const fromXlsx = await cli('compile', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--during', f('clean.xlsx'), '--during-sheet', '2', f('clean.xlsx'), '--out', join(dir, 'xlsx.json'));
    expect(fromCsv.code).toBe(0);
    expect(fromXlsx).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.', `Sammanställningen av 40 klienter skrevs till ${join(dir, 'xlsx.json')}.`], err: [] });
    expect(readFileSync(join(dir, 'xlsx.json'), 'utf8')).toBe(readFileSync(join(dir, 'csv.json'), 'utf8'));
  });

  it('names sheet and row in every problem, in Swedish and English (exit 1)', async () => {
    const sv = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--sheet', 'Fel', f('malformed.xlsx'));
    expect(sv.code).toBe(1);
    expect(sv.err).toEqual([]);
    expect(sv.out).toEqual([
      'klientfilen blad "Fel" rad 1, kolumn "Tilltro efter" (after.measures.tilltro-nykterhet): kolumnen "Tilltro efter" (för after.measures.tilltro-nykterhet) saknas i filen [missing_column]',
      'klientfilen blad "Fel" rad 3, kolumn "Startdatum" (before.date): 2019-02-30 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]',
      'klientfilen blad "Fel" rad 4, kolumn "Tilltro före" (before.measures.tilltro-nykterhet): värdet 7 ligger utanför skalan 1–5 [out_of_range]',
      'klientfilen blad "Fel" rad 5, kolumn "Klient-id" (clientId): ser ut som ett person- eller samordningsnummer; använd en pseudonym som klient-id [looks_like_identity_number]',
      'klientfilen blad "Fel" rad 6, kolumn "Ålder" (age): "trettio" är inget tal [not_a_number]',
      'klientfilen blad "Fel" rad 7, kolumn "Startdatum" (before.date): 2019-11-08 13:30 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]',
      'klientfilen blad "Fel" rad 8, kolumn "Tilltro före" (before.measures.tilltro-nykterhet): värdet 2.5 finns inte på skalan (steg 1 från 1) [not_on_scale]',
      // Row 9 is empty: it is no row of data, and the rows below keep the sheet's numbers.
      'klientfilen blad "Fel" rad 10, kolumn "Kön" (gender): "X" finns inte bland koderna för kön: "kvinna", "man" [unknown_code]',
      '8 rader: 0 giltiga, 8 med fel.',
    ]);
    // The same sheet by its number, in English.
    const en = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--sheet', '2', f('malformed.xlsx'), '--lang', 'en');
    expect(en.out[2]).toBe('clients sheet "Fel" row 4, column "Tilltro före" (before.measures.tilltro-nykterhet): the value 7 is outside the scale 1–5 [out_of_range]');
    expect(en.out).toHaveLength(9);
  });

  it('refuses an unknown sheet with the list of sheets, and --sheet for a CSV file (exit 2)', async () => {
    const file = f('malformed.xlsx');
    expect(await cli('validate', '--plan', f('plan.json'), '--sheet', 'Klienter', file)).toEqual({
      code: 2,
      out: [],
      err: [`uppfoljning: ${file} har inget blad "Klienter"; bladen är "Om exporten" (1) och "Fel" (2) (ange --sheet med namn eller nummer)`],
    });
    expect((await cli('validate', '--plan', f('plan.json'), '--sheet', '3', file, '--lang', 'en')).err).toEqual([
      `uppfoljning: ${file} has no sheet "3"; its sheets are "Om exporten" (1) and "Fel" (2) (give --sheet a name or a number)`,
    ]);
    expect((await cli('validate', '--plan', f('plan.json'), '--sheet', 'Fel', f('clean.csv'))).err).toEqual([
      `uppfoljning: --sheet gäller bara Excel-filer (.xlsx), och ${f('clean.csv')} är ingen`,
    ]);
  });

  it('reads the first sheet by default: a cover sheet with a header and no rows says so, with its name', async () => {
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f('malformed.xlsx'), '--lang', 'en');
    expect(r).toEqual({ code: 1, out: ['clients sheet "Om exporten" row 1: the file has headers but no rows [no_rows]'], err: [] });
  });

  it('knows a workbook by its first bytes whatever its name, and refuses a broken one and an .xls in a sentence', async () => {
    const dir = tmp();
    const renamed = join(dir, 'export.csv');
    writeFileSync(renamed, readFileSync(f('clean.xlsx')));
    expect(await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), renamed)).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.'], err: [] });
    const broken = join(dir, 'trasig.xlsx');
    writeFileSync(broken, readFileSync(f('clean.xlsx')).subarray(0, 500));
    expect(await cli('validate', '--plan', f('plan.json'), broken)).toEqual({ code: 2, out: [], err: [`uppfoljning: ${broken} kan inte läsas som en Excel-arbetsbok (.xlsx)`] });
    const xls = join(dir, 'gammal.xls');
    writeFileSync(xls, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await cli('validate', '--plan', f('plan.json'), xls, '--lang', 'en')).err).toEqual([`uppfoljning: ${xls} is an old Excel file (.xls), which cannot be read; save it as .xlsx or CSV`]);
  });

  it('writes number cells with the decimal mark the mapping reads, and reads decimals typed as text', async () => {
    // With `decimal: ","` a number cell 34.5 written as "34.5" would be no number at all
    // [not_a_number]; written "34,5", it is read as 34.5 and refused as an age that is no
    // whole number, as the text "34,5" typed into a cell is. The Björkebo plan has no
    // measure with decimals, so the age shows it.
    const dir = tmp();
    const mapping = JSON.parse(readFileSync(f('mapping.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ ...mapping, decimal: ',' }));
    const [head, line] = readFileSync(f('one-row.csv'), 'utf8').split('\n');
    const header = head!.split(',');
    const first = line!.split(',');
    const row = (id: string, age: { number: number } | { text: string }) =>
      header.map((h, i) => (h === 'Ålder' ? age : h === 'Klient-id' ? { text: id } : first[i] === '' ? null : { text: first[i]! }));
    const rows = [header.map((h) => ({ text: h })), row('k-1', { number: 34.5 }), row('k-2', { text: '34,5' }), row('k-3', { number: 34 })];
    writeFileSync(join(dir, 'e.xlsx'), writeXlsx([{ name: 'Blad1', rows }]));
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', join(dir, 'm.json'), join(dir, 'e.xlsx'), '--lang', 'en');
    expect(r.out).toEqual([
      'clients sheet "Blad1" row 2, column "Ålder" (age): must be a whole number, got 34.5 [integer]',
      'clients sheet "Blad1" row 3, column "Ålder" (age): must be a whole number, got 34.5 [integer]',
      '3 rows: 1 valid, 2 with problems.',
    ]);
  });

  it('drops an encoding the mapping forces for CSV when every file is a workbook, and refuses it for a workbook beside a CSV file', async () => {
    const dir = tmp();
    const mapping = JSON.parse(readFileSync(f('mapping.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ ...mapping, encoding: 'windows-1252' }));
    // Windows-1252 would read the sheet's "Ålder" as "Ã…lder": a missing column, had it applied.
    expect(await cli('validate', '--plan', f('plan.json'), '--mapping', join(dir, 'm.json'), '--during', f('clean.xlsx'), '--during-sheet', 'Prov', f('clean.xlsx'))).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.'], err: [] });
    expect(await cli('validate', '--plan', f('plan.json'), '--mapping', join(dir, 'm.json'), '--during', f('clean-during.csv'), f('clean.xlsx'), '--lang', 'en')).toEqual({
      code: 2,
      out: [],
      err: ['uppfoljning: the mapping gives the encoding windows-1252, which does not apply to an Excel file: remove encoding from the mapping, or give both files as .xlsx'],
    });
  });

  it('init --from proposes the same plan and mapping from the workbook as from the CSV file', async () => {
    const a = tmp();
    const b = tmp();
    expect((await cli('init', '--from', f('clean.csv'), '--out', a)).code).toBe(0);
    const r = await cli('init', '--from', f('clean.xlsx'), '--out', b);
    expect(r.code).toBe(0);
    expect(r.out[0]!.split('\n')[0]).toBe('Läste 40 rader ur clean.xlsx (blad "Klienter").');
    for (const name of ['plan.json', 'mappning.json']) expect(readFileSync(join(b, name), 'utf8')).toBe(readFileSync(join(a, name), 'utf8'));
  });
});
