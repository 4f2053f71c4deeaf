import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeChecked, parseChecked, type CsvEncoding } from '../../src/io/csv.js';
import { parseCsvStreamToTable } from '../../src/io/stream.js';

// Windows-1252 bytes of the characters the generator uses (WHATWG index-windows-1252).
const CP1252: Readonly<Record<string, number>> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9, '€': 0x80 };
const encode1252 = (text: string): Uint8Array => Uint8Array.from([...text].map((ch) => CP1252[ch] ?? ch.charCodeAt(0)));

/** Cuts bytes at the given points (sorted, deduplicated), so chunks may end inside a character, a quote or a CRLF. */
function split(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(at, p)); // empty chunks too: a stream may give them
    at = p;
  }
  return out;
}

async function* stream(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

/** The whole-file path: decodeText then parseCsv, as importCsv reads a file. */
function whole(bytes: Uint8Array, encoding: CsvEncoding | undefined, separator: ';' | ',' | undefined) {
  const decoded = decodeChecked(bytes, encoding);
  return { ...parseChecked(decoded.text, separator), encoding: decoded.encoding };
}

// Tokens that make CSV hard: quotes (doubled, unclosed, after text), both separators, every line break, multi-byte characters.
const utf8Token = fc.constantFrom('a', 'k-1', ';', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'å', 'Ö', '€', '😀', '\ufeff', '12,5');
// No '€' when the encoding is detected: 'Ä€' (C4 80) is valid UTF-8, and a Windows-1252 file beginning so is refused, not guessed (see decodeStream).
const cp1252Token = fc.constantFrom('a', 'k-1', ';', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é', '12,5');
const cuts = fc.array(fc.nat(400), { maxLength: 12 });

describe('streaming CSV: same table as parseCsv on the whole text for any split of the bytes', () => {
  it('UTF-8, with or without a byte-order mark, detected or given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(utf8Token, { maxLength: 60 }), fc.boolean(), fc.constantFrom(undefined, 'utf-8' as const), fc.constantFrom(undefined, ';' as const, ',' as const), cuts, async (tokens, bom, encoding, separator, at) => {
        const body = new TextEncoder().encode(tokens.join(''));
        const bytes = bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
        const got = await parseCsvStreamToTable(stream(split(bytes, at)), encoding, separator);
        expect(got).toEqual(whole(bytes, encoding, separator));
      }),
      { seed: 42, numRuns: 600 },
    );
  });

  it('Windows-1252, detected or given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cp1252Token, { maxLength: 60 }), fc.boolean(), cuts, async (tokens, given, at) => {
        const text = tokens.join('') + (given ? '€' : '');
        const bytes = encode1252(text);
        const encoding = given ? ('windows-1252' as const) : undefined;
        const got = await parseCsvStreamToTable(stream(split(bytes, at)), encoding, undefined);
        expect(got).toEqual(whole(bytes, encoding, undefined));
      }),
      { seed: 4242, numRuns: 600 },
    );
  });

  it('many records in a chunk (cut from it in batches): the same rows, lines and issues, bad rows and a broken last quote among them', async () => {
    const record = fc.constantFrom('a;b', 'k-1;"x\ny"', '"";', 'a;b;c', '', 'å;ö', 'a;"b""c"', ';');
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 300, maxLength: 1500 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', 'k;"open'), fc.array(fc.nat(30_000), { maxLength: 4 }), async (records, eol, tail, at) => {
        const bytes = new TextEncoder().encode(['id;text', ...records].join(eol) + eol + tail);
        const got = await parseCsvStreamToTable(stream(split(bytes, at)), undefined, undefined);
        expect(got).toEqual(whole(bytes, undefined, undefined));
      }),
      { seed: 256, numRuns: 40 },
    );
  }, 60_000);

  it('reads a web ReadableStream, one byte at a time, CRLF and a quoted line break across chunks', async () => {
    // 'å' is C3 A5 in UTF-8: every chunk boundary falls inside it, the quote and the CRLF once.
    const bytes = new TextEncoder().encode('id;text\r\nk-1;"rad 1\r\nrad 2 å"\r\nk-2;""""\r\n');
    let i = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < bytes.length) controller.enqueue(bytes.subarray(i, ++i));
        else controller.close();
      },
    });
    const got = await parseCsvStreamToTable(source, undefined, undefined);
    expect(got.rows).toEqual([
      { line: 2, fields: ['k-1', 'rad 1\r\nrad 2 å'] },
      { line: 4, fields: ['k-2', '"'] },
    ]);
    expect(got.encoding).toBe('utf-8');
    expect(got.issues).toEqual([]);
  });

  it('refuses a file detected as UTF-8 that later is not, naming mapping.encoding (the whole-file path would read all of it as Windows-1252)', async () => {
    const chunks = [new TextEncoder().encode('id;namn\nk-1;Å\n'), Uint8Array.from([0x6b, 0x3b, 0xe5, 0x0a])];
    await expect(parseCsvStreamToTable(stream(chunks), undefined, undefined)).rejects.toMatchObject({ issues: [{ path: ['mapping', 'encoding'], rule: 'required' }] });
  });
});
