import { issue, type Issue } from '../core/issue.js';
import { throwIfAny } from '../core/args.js';
import { CP1252_HIGH, detectSeparator, scanRecords, tableOf, type CsvEncoding, type CsvRow, type CsvTable } from './csv.js';

/**
 * The streaming CSV path (issue 11 item 4): bytes in chunks → text → records,
 * with no whole-file buffer and no Node import, so a browser's
 * `ReadableStream` works as well as a Node file stream. What is held in memory
 * at any time: the bytes of one chunk, a multi-byte character or a record cut
 * by the chunk's end (the text from the last whole record on), and the
 * decoder's state. A record whose quote never closes is held until the end of
 * the file, as it must be to know that it never closes.
 *
 * Same guarantees as {@link parseCsv} on the whole text, for any split of the
 * bytes into chunks: the same header, rows, line numbers and issues
 * (tests/io/stream.test.ts, a seeded property over random splits).
 *
 * @module
 */

/**
 * A source of bytes: a web `ReadableStream` (browsers, Node's `Readable.toWeb`) or any async iterable of chunks.
 *
 * @example
 * ```ts
 * const source: ByteSource = new Blob(['clientId;enrolled;age;gender\nk-1;2019-01-07;34;man\n']).stream();
 * (await importCsvStream(plan, { clients: source }, CsvMappingSchema.parse({}))).rows;
 * // => 1
 * ```
 */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** @internal The chunks of a byte source, whichever kind it is. */
export async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function' && !(Symbol.asyncIterator in source)) {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array>;
}

/** Every byte's Windows-1252 character: 0x80–0x9F as csv.ts maps them (WHATWG index), the rest Latin-1. */
const CP1252 = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));

/** Windows-1252 maps one byte to one character, so any chunk decodes on its own. */
function decode1252(bytes: Uint8Array): string {
  let out = '';
  // Chunks of 8 K characters keep the string building cheap without a per-byte concatenation.
  for (let s = 0; s < bytes.length; s += 8192) {
    const end = Math.min(bytes.length, s + 8192);
    const part: string[] = new Array<string>(end - s);
    for (let i = s; i < end; i++) part[i - s] = CP1252[bytes[i]!]!;
    out += part.join('');
  }
  return out;
}

const isAscii = (bytes: Uint8Array): boolean => {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
};

/** Where {@link decodeStream} puts the encoding it used, once it is known. */
export interface DecodeState {
  encoding: CsvEncoding;
}

/**
 * @internal Decodes a byte stream as {@link decodeText} decodes the whole
 * file: a UTF-8 byte-order mark is dropped; `windows-1252` or `utf-8` when
 * given; otherwise UTF-8 while the bytes are valid UTF-8 and Windows-1252 when
 * they are not. Text is passed on as it comes (TextDecoder with
 * `stream: true`, so a character cut by a chunk's end is joined). Detection
 * waits only while every byte so far is ASCII (the two encodings agree on
 * ASCII): at the first non-ASCII bytes it decides. A file that turns out
 * not to be UTF-8 after text decoded as UTF-8 was passed on cannot be
 * decoded as the whole-file path would (all of it as Windows-1252); it is
 * refused (`mapping.encoding`, rule `required`: name the encoding).
 */
export async function* decodeStream(source: ByteSource, encoding: CsvEncoding | undefined, state: DecodeState): AsyncGenerator<string> {
  let decided: CsvEncoding | undefined = encoding;
  let utf8: TextDecoder | undefined;
  let pending: Uint8Array[] = [];
  let first = true;
  state.encoding = encoding ?? 'utf-8';
  for await (const chunk of chunksOf(source)) {
    if (chunk.length === 0) continue;
    if (decided === undefined) {
      pending.push(chunk);
      const all = concat(pending);
      // A byte-order mark (perhaps cut by a chunk's end) decides UTF-8.
      if (all.length < 3 && [0xef, 0xbb, 0xbf].slice(0, all.length).every((b, i) => all[i] === b)) continue;
      if (bom(all)) decided = 'utf-8';
      else if (isAscii(all)) {
        pending = [];
        first = false;
        yield decode1252(all); // ASCII: the same in both
        continue;
      } else if (isUtf8(all, false)) decided = 'utf-8';
      else if (isUtf8(all, true)) continue; // a character cut by the chunk's end: wait for the rest
      else decided = 'windows-1252';
      pending = [];
      state.encoding = decided;
      utf8 ??= newUtf8(encoding === undefined && !bom(all), first);
      first = false;
      yield* decodeChunk(all, decided, utf8);
      continue;
    }
    utf8 ??= newUtf8(false, first);
    first = false;
    yield* decodeChunk(chunk, decided, utf8);
  }
  if (decided === undefined && pending.length > 0) {
    // Part of a byte-order mark or of a character, and then the end: not UTF-8, so read as the whole-file path reads them.
    state.encoding = 'windows-1252';
    yield decode1252(concat(pending));
    return;
  }
  if (decided === 'utf-8' && utf8 !== undefined) {
    const rest = tryFinish(() => utf8!.decode());
    if (rest === undefined) throwIfAny([encodingIssue]);
    else if (rest !== '') yield rest;
  }
}

const encodingIssue: Issue = issue(['mapping', 'encoding'], 'required');

const bom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * A UTF-8 decoder: fatal when the encoding is being detected (no byte-order
 * mark), as decodeText's first try is; a decoder started after ASCII text was
 * passed on keeps a U+FEFF there, as the whole text would.
 */
const newUtf8 = (fatal: boolean, atStart: boolean) => new TextDecoder('utf-8', { fatal, ignoreBOM: !atStart });

function tryFinish(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * Bytes decoded by TextDecoder at a time. Node's TextDecoder gives a string
 * of a megabyte or more as an external two-byte string (2 bytes a character,
 * outside the JavaScript heap, which the collector frees late): chunks of a
 * megabyte held up to some 40 MB of them at a time beyond the buffers.
 * Pieces of 64 KB come back as ordinary heap strings, one byte a character
 * for Latin-1 text, and each is passed on as it is (the parser takes any
 * split of the text): the streaming import's peak RSS at 5,000,000 rows went
 * from 294 to 223 MB (tests/io/import.bench.ts's export, bundled).
 */
const DECODE_PIECE = 1 << 16;

function* decodeChunk(bytes: Uint8Array, encoding: CsvEncoding, utf8: TextDecoder): Generator<string> {
  if (encoding === 'windows-1252') {
    yield decode1252(bytes);
    return;
  }
  for (let s = 0; s < bytes.length; s += DECODE_PIECE) {
    const piece = bytes.subarray(s, Math.min(bytes.length, s + DECODE_PIECE));
    // At the start, TextDecoder drops a byte-order mark itself (ignoreBOM false); a character cut between pieces is joined as one cut between chunks.
    const text = tryFinish(() => utf8.decode(piece, { stream: true }));
    if (text === undefined) throwIfAny([encodingIssue]);
    if (text !== '') yield text!;
  }
}

/** Whether bytes are UTF-8 (with `cut`, but for a character cut at their end). */
function isUtf8(bytes: Uint8Array, cut: boolean): boolean {
  return tryFinish(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut })) !== undefined;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Whether the header line is complete: a line break outside quotes (counted as the separator detection counts them). */
function headerEnds(text: string): boolean {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return true;
  }
  return false;
}

/**
 * @internal A reader of rows in place: given the held text, where the next
 * row starts and its line, it reads on as far as it can (rows it takes are
 * not parsed again) and says where it stopped and the line there; the
 * scanner reads the row at that point. The import sets one once it has the
 * header (`io/fast-row.ts`).
 */
export type CsvLane = (text: string, from: number, line: number, separator: ';' | ',', max: number) => { consumed: number; line: number };

/** Records cut from the held text at a time. */
const BATCH = 256;

/** The parts of a streamed CSV file, in order: its separator and header first, then rows in batches, then the end. */
export type CsvStreamPart =
  | { readonly kind: 'header'; readonly separator: ';' | ','; readonly header: readonly string[]; readonly line: number }
  | { readonly kind: 'rows'; readonly rows: readonly CsvRow[] }
  /** Rows read in place by the lane (already handed to it), not parsed here. */
  | { readonly kind: 'taken' }
  | { readonly kind: 'end'; readonly issues: readonly Issue[] };

/**
 * @internal Parses streamed text as {@link parseCsv} parses the whole:
 * separator detected from the header line unless given, a leading U+FEFF
 * dropped, rows with their line numbers, rows with the wrong number of
 * fields and an unclosed quote as issues (at the end, sorted by line). Each
 * text chunk is scanned from the end of the last whole record, so a chunk
 * that ends inside a quote, a field or a CRLF is read again with the next.
 * A file with no header line gives a `header` part with no fields.
 */
export async function* parseCsvStream(text: AsyncIterable<string>, separator: ';' | ',' | undefined, lane: { current?: CsvLane } = {}): AsyncGenerator<CsvStreamPart> {
  let buffer = '';
  let sep: ';' | ',' | undefined;
  let line = 1;
  let header: CsvRow | undefined;
  let started = false;
  const issues: Issue[] = [];
  // Scanning again only once the held text has doubled keeps one huge record linear, not quadratic.
  let rescanAt = 0;
  const rows = (records: readonly CsvRow[]): CsvRow[] => {
    const out: CsvRow[] = [];
    for (const row of records) {
      if (header === undefined) header = row;
      else if (row.fields.length !== header.fields.length) issues.push(issue([row.line], 'field_count', { count: row.fields.length, expected: header.fields.length }));
      else out.push(row);
    }
    return out;
  };
  const headerPart = (): CsvStreamPart => ({ kind: 'header', separator: sep!, header: (header?.fields ?? []).map((h) => h.trim()), line: header?.line ?? 1 });
  for await (const chunk of text) {
    buffer += !started && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    started ||= chunk !== '';
    if (sep === undefined) {
      if (!headerEnds(buffer)) continue;
      sep = separator ?? detectSeparator(buffer);
    }
    if (buffer.length < rescanAt) continue;
    // In batches of BATCH records: a batch's rows are dropped before the next is cut, so they die young.
    let from = 0;
    for (let full = true; full; ) {
      // The lane reads what rows it can in place; the scanner then takes the one row it stopped at.
      const taking = header !== undefined && lane.current !== undefined;
      if (taking) {
        const at = from;
        ({ consumed: from, line } = lane.current!(buffer, from, line, sep, BATCH));
        // A batch read in place: the parser yields between batches, as between batches of rows it cut (at 2 M rows, a lane
        // that read a whole text at a time left a peak RSS of 225–249 MB, against 178–188 MB this way; four runs each).
        if (from > at) {
          yield { kind: 'taken' };
          continue;
        }
      }
      const scan = scanRecords(buffer, sep, line, false, from, taking ? 1 : BATCH);
      from = scan.consumed;
      full = scan.full === true;
      line = scan.line;
      const hadHeader = header !== undefined;
      const out = rows(scan.records);
      if (!hadHeader && header !== undefined) yield headerPart();
      if (out.length > 0) yield { kind: 'rows', rows: out };
    }
    buffer = buffer.slice(from);
    rescanAt = from === 0 ? buffer.length * 2 : 0;
  }
  sep ??= separator ?? detectSeparator(buffer);
  let scan: ReturnType<typeof scanRecords>;
  let from = 0;
  let headed = header !== undefined;
  do {
    scan = scanRecords(buffer, sep, line, true, from, BATCH);
    from = scan.consumed;
    line = scan.line;
    const out = rows(scan.records);
    if (!headed && (header !== undefined || scan.full !== true)) {
      headed = true;
      yield headerPart();
    }
    if (out.length > 0) yield { kind: 'rows', rows: out };
  } while (scan.full === true);
  if (scan.broken !== undefined) issues.push(issue([scan.broken], 'unclosed_quote'));
  issues.sort((a, b) => Number(a.path[0]) - Number(b.path[0]));
  yield { kind: 'end', issues };
}

/**
 * @internal The whole table from a stream, as {@link parseCsv} gives it from
 * the text (for tests and callers that want every row; the import reads the
 * parts as they come instead).
 */
export async function parseCsvStreamToTable(source: ByteSource, encoding: CsvEncoding | undefined, separator: ';' | ',' | undefined): Promise<CsvTable & { encoding: CsvEncoding }> {
  const state: DecodeState = { encoding: encoding ?? 'utf-8' };
  const records: CsvRow[] = [];
  let issues: Issue[] = [];
  let sep: ';' | ',' = ',';
  let headerRow: CsvRow | undefined;
  for await (const part of parseCsvStream(decodeStream(source, encoding, state), separator)) {
    if (part.kind === 'header') {
      sep = part.separator;
      headerRow = { line: part.line, fields: part.header };
    } else if (part.kind === 'rows') records.push(...part.rows);
    else if (part.kind === 'end') issues = [...part.issues];
  }
  const table = tableOf(sep, headerRow && headerRow.fields.length > 0 ? [headerRow] : [], []);
  return { ...table, rows: records, issues, encoding: state.encoding };
}
