import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvMappingSchema, formatRowIssue, importCsv, parsePlan } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

// Fixtures are written by tests/fixtures/cli/make-fixtures.ts from the synthetic Björkebo cohort.
const dir = join(import.meta.dirname, '..', 'fixtures', 'cli');
const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const plan = parsePlan(bjorkeboPlan);
const cohort = bjorkeboCohort(plan);
const mapping = CsvMappingSchema.parse(JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')));

describe('importCsv', () => {
  it('reads the clean export and its during file back into exactly the cohort the step functions built', () => {
    const progress: number[] = [];
    const result = importCsv(plan, { clients: file('clean.csv'), during: file('clean-during.csv') }, mapping, {
      onProgress: (p) => progress.push(p.done),
    });
    expect(result.issues).toEqual([]);
    expect(result.rejected).toBe(0);
    expect(result.records).toEqual(cohort);
    expect(result.separator).toBe(',');
    // 40 client rows + 9,707 event rows: a report every 1,000 rows and one at the end.
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 9747]);
  });

  it('reads semicolons, decimal commas, a BOM and CRLF', () => {
    const result = importCsv(plan, { clients: file('semicolon.csv') }, mapping);
    expect(result).toMatchObject({ separator: ';', encoding: 'utf-8', rows: 40, rejected: 0, issues: [] });
    expect(result.records).toEqual(cohort.map((r) => ({ ...r, during: [] })));
  });

  it('reads Windows-1252 (å, ä, ö in column names and values)', () => {
    const result = importCsv(plan, { clients: file('windows-1252.csv') }, mapping);
    expect(result).toMatchObject({ separator: ';', encoding: 'windows-1252', rows: 10, rejected: 0, issues: [] });
    expect(result.records).toEqual(cohort.slice(0, 10).map((r) => ({ ...r, during: [] })));
  });

  it('reports every problem of the malformed export with line, column and reason, and imports nothing', () => {
    const result = importCsv(plan, { clients: file('malformed.csv') }, mapping);
    expect(result.records).toEqual([]);
    expect(result.rows).toBe(6);
    expect(result.rejected).toBe(6);
    expect(result.issues.map((i) => formatRowIssue(i, 'sv'))).toEqual([
      'klientfilen rad 1, kolumn "Tilltro efter" (after.measures.tilltro-nykterhet): kolumnen "Tilltro efter" (för after.measures.tilltro-nykterhet) saknas i filen [missing_column]',
      'klientfilen rad 3, kolumn "Startdatum" (before.date): 2019-02-30 är inget datum i kalendern (väntade ÅÅÅÅ-MM-DD) [calendar_date]',
      'klientfilen rad 4, kolumn "Tilltro före" (before.measures.tilltro-nykterhet): värdet 7 ligger utanför skalan 1–5 [out_of_range]',
      'klientfilen rad 5, kolumn "Klient-id" (clientId): ser ut som ett person- eller samordningsnummer; använd en pseudonym som klient-id [looks_like_identity_number]',
      'klientfilen rad 6, kolumn "Ålder" (age): "trettio" är inget tal [not_a_number]',
      'klientfilen rad 7: raden har 25 fält men rubrikraden har 26 [field_count]',
    ]);
    expect(formatRowIssue(result.issues[4]!, 'en')).toBe('clients line 6, column "Ålder" (age): "trettio" is not a number [not_a_number]');
  });

  it('says once, for the header, that a part of the record lacks its other half, instead of once per row', () => {
    // before needs a date and a main problem, a goal its statement: the mapping has a start date
    // and a goal area but no main problem and no goal statement, so every started row would fail.
    const clients =
      'clientId;enrolled;age;gender;before.date;goal.1.area\nk-1;2019-01-07;34;man;2019-01-07;halsa\nk-2;2019-01-08;35;man;2019-01-09;halsa\n';
    const result = importCsv(plan, { clients }, CsvMappingSchema.parse({}));
    expect(result.issues.map((i) => formatRowIssue(i, 'en'))).toEqual([
      'clients line 1, column "before.mainProblem": the column "before.mainProblem" (for before.mainProblem) is missing from the file; it is needed because the file has a column for before.date [missing_column]',
      'clients line 1, column "goal.1.statement": the column "goal.1.statement" (for goal.1.statement) is missing from the file; it is needed because the file has a column for goal.1.area [missing_column]',
    ]);
    expect(formatRowIssue(result.issues[0]!, 'sv')).toBe(
      'klientfilen rad 1, kolumn "before.mainProblem": kolumnen "before.mainProblem" (för before.mainProblem) saknas i filen; den behövs eftersom filen har en kolumn för before.date [missing_column]',
    );
    expect(result.records).toEqual([]);
    expect(result.rejected).toBe(2);
  });

  it('reports duplicate clients, unknown clients in the during file and a bad during value', () => {
    const clients = 'clientId;enrolled;age;gender\nk-1;2019-01-07;34;Man\nk-1;2019-01-08;35;Kvinna\n';
    const during = 'clientId;date;measure;value\nk-9;2019-01-09;urinprov;0\n';
    const result = importCsv(plan, { clients, during }, CsvMappingSchema.parse({}));
    expect(result.issues.map((i) => formatRowIssue(i, 'en'))).toEqual([
      'clients line 3, column "clientId": the client "k-1" is already on line 2 [duplicate_client]',
      'during line 2 (clientId): the client "k-9" is not in the client file [unknown_client]',
    ]);
    expect(result.records.map((r) => r.clientId)).toEqual(['k-1']);
    expect(result.rows).toBe(result.records.length + result.rejected);
  });

  it('points a plan rule broken by a during event at the event’s line', () => {
    const clients = 'clientId;enrolled;age;gender;before.date;before.mainProblem\nk-1;2019-01-07;34;man;2019-01-07;alkohol\n';
    const during = 'clientId;date;measure;value\nk-1;2019-01-09;urinprov;0\nk-1;2019-01-10;urinprov;2\n';
    const result = importCsv(plan, { clients, during }, CsvMappingSchema.parse({}));
    expect(result.issues.map((i) => formatRowIssue(i, 'en'))).toEqual([
      'during line 3 (value): the value 2 is outside the scale 0–1 [out_of_range]',
    ]);
    expect(result.records).toEqual([]);
  });

  it('does not change its input', () => {
    const planCopy = structuredClone(plan);
    const mappingCopy = structuredClone(mapping);
    const bytes = file('semicolon.csv');
    const bytesCopy = bytes.slice();
    importCsv(plan, { clients: bytes }, mapping);
    expect(plan).toEqual(planCopy);
    expect(mapping).toEqual(mappingCopy);
    expect(bytes).toEqual(bytesCopy);
  });
});
