import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, CsvMappingSchema, formatRowIssue, importCsv, parsePlan, pseudonymize, UppfoljningError, type CsvMappingInput } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { TEST_KEY } from '../helpers/keys.js';
import { ADULT_TEST_NUMBERS, TEST_NUMBERS } from '../helpers/test-numbers.js';
import { expectNoLeaks } from '../privacy/audit-output.js';

// Identity numbers: Skatteverket's test series only (tests/helpers/test-numbers.ts,
// and AllPins (2018,01,01,239,2) = 20180101-2392, AllCoordNums (1915,00,72,239,0)).
const plan = parsePlan(bjorkeboPlan);
const mapping = (input: CsvMappingInput = {}) => CsvMappingSchema.parse({ ...input, columns: { identityNumber: 'Personnummer', ...input.columns } });
const pseudonym = { key: TEST_KEY };
const lines = (result: ReturnType<typeof importCsv>) => result.issues.map((i) => formatRowIssue(i, 'en'));

describe('importCsv: the identity-number column', () => {
  it('gives the age at the start, the legal gender and the pseudonym; every written form of one number is the same client', async () => {
    // 1990-03-21, birth number 238 (a woman); the four forms of one number on lines 2–5.
    const clients = [
      'Personnummer;enrolled;before.date;before.mainProblem',
      '19900321-2389;2019-01-02;2019-03-21;alkohol',
      '199003212389;2019-01-02;2019-03-21;alkohol',
      '900321-2389;2019-01-02;2019-03-21;alkohol',
      // With "+" the same ten digits are someone who turned 100 by 2019: born 1890-03-21, another person.
      '900321+2389;2019-01-02;2019-03-21;alkohol',
    ].join('\n');
    const result = importCsv(plan, { clients }, mapping({ identity: { legalGender: true } }), { pseudonym });
    const id = await pseudonymize('19900321-2389', TEST_KEY, { referenceDate: '2019-03-21' });
    expect(lines(result)).toEqual([
      'clients line 3, column "Personnummer" (identityNumber): the client is already on line 2 [duplicate_client]',
      'clients line 4, column "Personnummer" (identityNumber): the client is already on line 2 [duplicate_client]',
    ]);
    // Age at the start of the intervention (before.date, the 29th birthday), not at enrolment (28).
    expect(result.records.map((r) => [r.clientId === id, r.age, r.gender])).toEqual([
      [true, 29, 'kvinna'],
      [false, 129, 'kvinna'],
    ]);
    expect(result.records[1]?.clientId).toBe(await pseudonymize('18900321-2389', TEST_KEY, { referenceDate: '2019-03-21' }));
    expect(result.records[0]).not.toHaveProperty('identityNumber');
  });

  it('reads the century at the mapping\'s reference date when it has one, else at the start', () => {
    // 180101-2392 (AllPins (2018,01,01,239,2)): at a start in 2017 "18" with "-" is 1918 (age 99) …
    const clients = 'Personnummer;enrolled;gender\n180101-2392;2017-06-01;man\n';
    const atStart = importCsv(plan, { clients }, mapping(), { pseudonym });
    expect(atStart.issues).toEqual([]);
    expect(atStart.records[0]?.age).toBe(99);
    // … but an export written in 2026 means 2018, born after the start.
    const atExport = importCsv(plan, { clients }, mapping({ identity: { referenceDate: '2026-11-23' } }), { pseudonym });
    expect(lines(atExport)).toEqual(['clients line 2, column "Personnummer" (identityNumber): the date of birth is after the reference date 2017-06-01 [identity_future]']);
  });

  it('uses an age column when the file has one, and then reads a samordningsnummer with an unknown birth date', () => {
    const clients = 'Personnummer;enrolled;Ålder;Kön\n191500722390;2019-01-07;40;K\n';
    const result = importCsv(plan, { clients }, mapping({ columns: { age: 'Ålder', gender: 'Kön' }, codes: { gender: { K: 'kvinna' } } }), { pseudonym });
    expect(result.issues).toEqual([]);
    expect(result.records[0]).toMatchObject({ age: 40, gender: 'kvinna' });
  });

  it('without identity.legalGender the gender still needs its column, and without a key the client id does', () => {
    const clients = 'Personnummer;enrolled\n900321-2389;2019-01-07\n';
    expect(lines(importCsv(plan, { clients }, mapping(), { pseudonym }))).toEqual([
      'clients line 1, column "gender": the column "gender" (for gender) is missing from the file [missing_column]',
    ]);
    expect(lines(importCsv(plan, { clients: 'Personnummer;clientId;enrolled;gender\n900321-2389;k-1;2019-01-07;kvinna\n' }, mapping()))).toEqual([]);
    // With a key (or legal gender asked for) the number's column is required.
    expect(lines(importCsv(plan, { clients: 'enrolled;gender;age\n2019-01-07;man;30\n' }, mapping(), { pseudonym }))).toEqual([
      'clients line 1, column "Personnummer" (identityNumber): the column "Personnummer" (for identityNumber) is missing from the file [missing_column]',
    ]);
  });

  it('links the during file by the number too, read at the event\'s date', async () => {
    const clients = 'Personnummer;enrolled;gender;before.date;before.mainProblem\n900321-2389;2019-01-07;kvinna;2019-01-10;alkohol\n';
    const during = 'Personnummer;date;measure;value\n199003212389;2019-01-21;urinprov;0\n19900321-2388;2019-01-28;urinprov;1\n';
    const result = importCsv(plan, { clients, during }, mapping({ duringColumns: { identityNumber: 'Personnummer' } }), { pseudonym });
    expect(result.records[0]?.during).toEqual([{ kind: 'measure', date: '2019-01-21', measure: 'urinprov', value: 0 }]);
    expect(lines(result)).toEqual(['during line 3, column "Personnummer" (identityNumber): the check digit does not match (a mistyped digit?) [identity_check_digit]']);
  });

  it('never repeats an id shaped like an identity number (a during file keyed by numbers, without a key)', () => {
    const clients = 'clientId;enrolled;age;gender\nk-1;2019-01-07;30;man\n';
    const during = 'clientId;date;measure;value\n900321-2389;2019-01-21;urinprov;0\n';
    expect(lines(importCsv(plan, { clients, during }, CsvMappingSchema.parse({})))).toEqual(['during line 2 (clientId): the client is not in the client file [unknown_client]']);
  });

  it('refuses a key that protects nothing, before any row is read', () => {
    const clients = 'Personnummer;enrolled;gender\n900321-2389;2019-01-07;kvinna\n';
    const refused = (options: unknown) => {
      try {
        importCsv(plan, { clients }, mapping(), options as never);
      } catch (e) {
        if (e instanceof UppfoljningError) return e.issues.map((i) => [i.path.join('.'), i.rule]);
        throw e;
      }
      return [];
    };
    expect(refused({ pseudonym: { key: new Uint8Array(32) } })).toEqual([['options.pseudonym.key', 'identity_key_weak']]);
    expect(refused({ pseudonym: { key: new TextEncoder().encode('a'.repeat(32)) } })).toEqual([['options.pseudonym.key', 'identity_key_weak']]);
    expect(refused({ pseudonym: { key: TEST_KEY.slice(0, 31) } })).toEqual([['options.pseudonym.key', 'identity_key']]);
    expect(refused({ pseudonym: { key: 'hemligt' } })).toEqual([['options.pseudonym.key', 'type']]);
    expect(refused({ pseudonym: { key: TEST_KEY, context: 7 } })).toEqual([['options.pseudonym.context', 'type']]);
    expect(refused({ pseudonym: TEST_KEY })).toEqual([['options.pseudonym.key', 'required']]);
    expect(refused({ pseudonym: 'x' })).toEqual([['options.pseudonym', 'type']]);
  });
});

describe('no identity number or birth date from the input reaches the records, the compilation or a message (fuzzed)', () => {
  const numbers = [...ADULT_TEST_NUMBERS, ...TEST_NUMBERS, '191500722390'];
  /** A number as an export may write it, or broken in one of the ways the checks catch. */
  const written = fc
    .tuple(fc.constantFrom(...numbers), fc.constantFrom('12-', '12', '10-', '10+', '10'), fc.constantFrom('ok', 'check', 'birth000', 'short', 'day'))
    .map(([n, form, harm]) => {
      let d: string = n;
      if (harm === 'check') d = `${d.slice(0, 11)}${(Number(d[11]) + 1) % 10}`;
      if (harm === 'birth000') d = `${d.slice(0, 8)}000${d[11]}`;
      if (harm === 'day') d = `${d.slice(0, 6)}3${d.slice(7)}`;
      const text = form.startsWith('12') ? `${d.slice(0, 8)}${form.slice(2)}${d.slice(8)}` : `${d.slice(2, 8)}${form.slice(2)}${d.slice(8)}`;
      return harm === 'short' ? text.slice(0, -1) : text;
    });
  const row = fc.record({
    number: written,
    enrolled: fc.constantFrom('2018-03-01', '2019-01-07', '2019-12-31', '2026-11-23'),
    age: fc.option(fc.integer({ min: 18, max: 90 }), { nil: undefined }),
  });

  it('for any rows, keys of the test series, forms and breakages', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), (rows, withAge, withKey) => {
        const header = `Personnummer;${withKey ? '' : 'clientId;'}enrolled;Ålder`;
        const body = rows.map((r, i) => `${r.number};${withKey ? '' : `k-${i};`}${r.enrolled};${withAge ? (r.age ?? '') : ''}`);
        const during = `Personnummer;${withKey ? '' : 'clientId;'}date\n${rows.map((r, i) => `${r.number};${withKey ? '' : `${r.number}-${i};`}2019-02-01`).join('\n')}\n`;
        const m = mapping({ columns: { age: 'Ålder' }, duringColumns: { identityNumber: 'Personnummer' }, identity: { legalGender: true } });
        const result = importCsv(plan, { clients: `${header}\n${body.join('\n')}\n`, during }, m, withKey ? { pseudonym } : {});
        expect(result.records.length + result.rejected).toBe(result.rows);
        const secrets = {
          clientIds: [],
          identityNumbers: rows.map((r) => r.number),
          birthDates: rows.flatMap((r) => {
            const d = r.number.replace(/\D/g, '');
            return d.length === 12 ? [`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`] : [];
          }),
        };
        expectNoLeaks(result.records, secrets, 'the records');
        expectNoLeaks(result.issues.map((i) => i.issue), secrets, 'the issues as data');
        expectNoLeaks(['sv', 'en'].flatMap((l) => result.issues.map((i) => formatRowIssue(i, l as 'sv' | 'en'))), secrets, 'the messages');
        expectNoLeaks(JSON.parse(JSON.stringify(compile(plan, result.records))), secrets, 'the compilation');
      }),
      { numRuns: 150 },
    );
  });
});
