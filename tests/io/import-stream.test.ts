/**
 * The streaming import against the whole-text import: for any split of the
 * bytes into chunks (inside quotes, inside a multi-byte character, inside a
 * CRLF; UTF-8 with and without a byte-order mark, Windows-1252 given and
 * detected), with good and bad rows and a during file, importCsvStream gives
 * importCsv's issues (lines, columns, rules, messages), counts and `invalid`,
 * and the compilation that compileWithLeftOut makes of importCsv's records
 * (what `compile --skip-invalid` writes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvMappingSchema, importCsv, importCsvStream, parsePlan, formatRowIssue, type CsvEncoding } from '../../src/index.js';
import { compileWithLeftOut } from '../../src/compile/with-invalid.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { TEST_KEY } from '../helpers/keys.js';

const F = join(import.meta.dirname, '..', 'fixtures', 'cli');
const plan = parsePlan(bjorkeboPlan);
const mapping = CsvMappingSchema.parse(JSON.parse(readFileSync(join(F, 'mapping.json'), 'utf8')));
const identityMapping = CsvMappingSchema.parse(JSON.parse(readFileSync(join(F, 'identity-mapping.json'), 'utf8')));
const lines = (name: string) => readFileSync(join(F, name), 'utf8').replace(/^\ufeff/, '').trimEnd().split(/\r?\n/);
const clean = lines('clean.csv');
const cleanDuring = lines('clean-during.csv').slice(0, 400);
const identity = lines('identity-utf8.csv');
const identityDuring = lines('identity-during.csv').slice(0, 400);

/** Cuts bytes at the given points, so chunks may end inside a character, a quote or a CRLF (empty chunks too). */
function split(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  return out;
}

async function* stream(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

// Cell values that break a rule (or look as if they might), quoted ones and line breaks among them.
const badCell = fc.constantFrom('', 'trettio', '2019-02-30', '7', 'X', '"a;b"', '"rad 1\nrad 2"', '"', 'Ja', 'nej', '12,5', '19900321-2389', 'ö', '""');
/** One row of the export: a fixture row, perhaps with cells changed, a field added or taken away, or the id of another row. */
const rowEdit = fc.record({
  row: fc.nat(39),
  cells: fc.array(fc.tuple(fc.nat(40), badCell), { maxLength: 2 }),
  shape: fc.constantFrom('same', 'same', 'same', 'extra', 'fewer', 'copy'),
});

type Edit = { row: number; cells: [number, string][]; shape: string };

/** The export's text from edits of the fixture rows. */
function build(header: string, rows: readonly string[], edits: readonly Edit[], sep: string, eol: string, tail: string): string {
  const out = [header];
  for (const [k, e] of edits.entries()) {
    const base = e.shape === 'copy' && k > 0 ? rows[edits[k - 1]!.row]! : rows[e.row]!;
    const fields = base.split(sep);
    for (const [at, value] of e.cells) fields[at % fields.length] = value.replaceAll(';', sep === ';' ? ';' : ',');
    if (e.shape === 'extra') fields.push('x');
    if (e.shape === 'fewer') fields.pop();
    out.push(fields.join(sep));
  }
  return out.join(eol) + eol + tail;
}

const latin1 = (text: string) => Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));

function encodeAs(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252'): Uint8Array {
  if (encoding === 'windows-1252') return latin1(text);
  const body = new TextEncoder().encode(text);
  return encoding === 'utf-8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
}

const cuts = fc.array(fc.nat(20_000), { maxLength: 14 });
const encodingArb = fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'windows-1252' as const);

/** Both paths on the same bytes: everything importCsv says, and its records compiled with the rows left out, as the stream gives them. */
async function same(clients: Uint8Array, during: Uint8Array | undefined, clientCuts: number[], duringCuts: number[], m: typeof mapping, options: { pseudonym?: { key: Uint8Array } } = {}) {
  const whole = importCsv(plan, { clients, ...(during ? { during } : {}) }, m, options);
  const streamed = await importCsvStream(plan, { clients: stream(split(clients, clientCuts)), ...(during ? { during: stream(split(during, duringCuts)) } : {}) }, m, options);
  expect(streamed.issues).toEqual(whole.issues);
  expect(streamed.issues.map((i) => formatRowIssue(i, 'en'))).toEqual(whole.issues.map((i) => formatRowIssue(i, 'en')));
  expect([streamed.rows, streamed.valid, streamed.rejected, streamed.encoding, streamed.separator]).toEqual([whole.rows, whole.records.length, whole.rejected, whole.encoding, whole.separator]);
  expect(streamed.invalid).toEqual(whole.invalid);
  expect(streamed.compilation).toEqual(compileWithLeftOut(plan, whole.records, whole.invalid));
  return whole;
}

describe('importCsvStream: the same issues, counts and compilation as importCsv, for any split of the bytes', () => {
  it('the Björkebo export with bad rows, both separators and line ends, UTF-8 and Windows-1252 (given or detected), with a during file', async () => {
    let bad = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowEdit, { maxLength: 14 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        encodingArb,
        fc.boolean(),
        fc.option(fc.array(fc.tuple(fc.nat(cleanDuring.length - 2), fc.option(badCell)), { maxLength: 30 })),
        fc.constantFrom('', '', '', 'bk-99,"2019', '\n\n'),
        cuts,
        cuts,
        async (edits, sep, eol, encoding, given, duringRows, tail, clientCuts, duringCuts) => {
          const rows = sep === ',' ? clean.slice(1) : clean.slice(1).map((r) => r.replaceAll(',', ';'));
          const header = sep === ',' ? clean[0]! : clean[0]!.replaceAll(',', ';');
          const text = build(header, rows, edits, sep, eol, tail.replace(',', sep));
          const m = CsvMappingSchema.parse({ ...mapping, ...(given ? { encoding: encoding === 'windows-1252' ? 'windows-1252' : 'utf-8' } : {}) });
          const duringText =
            duringRows === null
              ? undefined
              : [cleanDuring[0]!, ...duringRows.map(([i, cell]) => (cell === null ? cleanDuring[i + 1]! : cleanDuring[i + 1]!.replace(/,[^,]*$/, `,${cell.replace(/,/g, ';')}`)))].join(eol) + eol;
          const whole = await same(encodeAs(text, encoding), duringText === undefined ? undefined : encodeAs(duringText, encoding), clientCuts, duringCuts, m);
          if (whole.issues.length > 0) bad++;
        },
      ),
      { seed: 20261202, numRuns: 150 },
    );
    // The runs are not all clean: the property saw bad rows too.
    expect(bad).toBeGreaterThan(50);
  }, 120_000);

  it('past the first batch, where the fast reader cuts rows in place: quoted cells, padding, blank lines, lone CRs, bad rows', async () => {
    // The first BATCH (256) records are cut by the record scanner; the rows after them by the fast reader's lane, which hands back any row it does not take.
    const filler = clean.slice(1, 40).flatMap((r, k) => Array.from({ length: 7 }, (_, j) => r.replace(/^[^,]*/, `fill-${k}-${j}`)));
    const laneCell = fc.constantFrom('"Ja"', '"M"', ' M ', '\u00a0Ja', 'Ja\u3000', 'M\u0085', '\u200bJa', '"x""y"', '""', '"2019-11-08"', '"', 'K"', '"rad 1\r\nrad 2"', 'a\rb', '"Nej"x');
    const laneEdit = fc.record({
      row: fc.nat(39),
      // Any column, or one of codes (gender, earlier treatment, goal met), where a cell read wrongly would show.
      cells: fc.array(fc.oneof(fc.tuple(fc.nat(40), fc.oneof(laneCell, badCell)), fc.tuple(fc.constantFrom(3, 6, 12), laneCell)), { maxLength: 3 }),
      shape: fc.constantFrom('same', 'same', 'same', 'extra', 'fewer', 'copy', 'blank', 'filler'),
    });
    let bad = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(laneEdit, { minLength: 5, maxLength: 30 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        encodingArb,
        fc.array(fc.nat(120_000), { maxLength: 10 }),
        async (edits, eol, encoding, clientCuts) => {
          const rows = clean.slice(1);
          const out = [clean[0]!, ...filler];
          for (const [k, e] of edits.entries()) {
            if (e.shape === 'blank') {
              out.push('');
              continue;
            }
            // A filler row again: its id's second row.
            if (e.shape === 'filler') {
              out.push(filler[e.row * 7]!);
              continue;
            }
            const fields = (e.shape === 'copy' && k > 0 ? rows[edits[k - 1]!.row]! : rows[e.row]!).split(',');
            for (const [at, value] of e.cells) fields[at % fields.length] = value;
            if (e.shape === 'extra') fields.push('x');
            if (e.shape === 'fewer') fields.pop();
            out.push(fields.join(','));
          }
          const whole = await same(encodeAs(out.join(eol) + eol, encoding), undefined, clientCuts, [], mapping);
          if (whole.issues.length > 0) bad++;
        },
      ),
      { seed: 20261203, numRuns: 60 },
    );
    expect(bad).toBeGreaterThan(20);
  }, 120_000);

  it('identity numbers only, pseudonyms from a key, legal gender from the number, with the during file linked by number', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowEdit, { maxLength: 10 }),
        fc.constantFrom('utf-8' as const, 'utf-8-bom' as const),
        fc.boolean(),
        cuts,
        cuts,
        async (edits, encoding, withDuring, clientCuts, duringCuts) => {
          const text = build(identity[0]!, identity.slice(1), edits, ';', '\r\n', '');
          const during = withDuring ? encodeAs(identityDuring.join('\n') + '\n', encoding) : undefined;
          await same(encodeAs(text, encoding), during, clientCuts, duringCuts, identityMapping, { pseudonym: { key: TEST_KEY } });
        },
      ),
      { seed: 1202, numRuns: 60 },
    );
  }, 120_000);

  it('a file that is empty, not text, or a header only is one sentence, as importCsv says it', async () => {
    for (const name of ['empty.csv', 'binary.csv', 'header-only.csv', 'malformed.csv', 'many-errors.csv', 'windows-1252.csv', 'semicolon.csv']) {
      const bytes = new Uint8Array(readFileSync(join(F, name)));
      await same(bytes, undefined, [1, 2, 3, 700, 4096], [], mapping);
    }
  });

  it('a recode table for a field neither file has stops both imports with the same header problem', async () => {
    const m = CsvMappingSchema.parse({ ...mapping, codes: { ...mapping.codes, huvuddorg: { A: 'alkohol' } } });
    const bytes = new TextEncoder().encode(`${clean.join('\n')}\n`);
    const whole = await same(bytes, undefined, [5, 300], [], m);
    expect(whole.issues.filter((i) => i.field === 'codes.huvuddorg').map((i) => i.issue.rule)).toEqual(['unknown_field']);
    expect(whole.records).toEqual([]);
  });

  it('reads a web ReadableStream one byte at a time, and reports progress in rows and bytes', async () => {
    const bytes = new Uint8Array(readFileSync(join(F, 'clean.csv')));
    let i = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < bytes.length) controller.enqueue(bytes.subarray(i, (i += 1)));
        else controller.close();
      },
    });
    const seen: { rows: number; bytes: number; done: boolean }[] = [];
    const result = await importCsvStream(plan, { clients: source }, mapping, { onProgress: (p) => seen.push(p) });
    expect([result.rows, result.valid, result.issues]).toEqual([40, 40, []]);
    expect(seen).toEqual([{ rows: 40, bytes: bytes.length, done: true }]);
  });

  it('refuses what importCsv refuses, before reading: a plan, input, mapping or option of the wrong kind', async () => {
    await expect(importCsvStream(plan, { clients: 'text' as never }, mapping)).rejects.toMatchObject({ issues: [{ path: ['input', 'clients'], rule: 'type' }] });
    await expect(importCsvStream(plan, {} as never, mapping)).rejects.toMatchObject({ issues: [{ path: ['input', 'clients'], rule: 'required' }] });
    await expect(importCsvStream(plan, { clients: new Uint8Array() }, mapping, { onProgress: 1 as never })).rejects.toMatchObject({ issues: [{ path: ['options', 'onProgress'], rule: 'type' }] });
  });
});
