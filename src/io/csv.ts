import { issue, type Issue } from '../core/issue.js';
import { oneOfIssues, optionsIssues, optionsOf, throwIfAny, typeName } from '../core/args.js';

/**
 * A text encoding that Swedish exports use.
 *
 * @example
 * ```ts
 * const encoding: CsvEncoding = 'windows-1252'; // what Excel writes on Windows
 * decodeText(new Uint8Array([0x4b, 0xf6, 0x6e]), encoding).text;
 * // => 'Kön'
 * ```
 */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * Windows-1252's bytes 0x80–0x9F (WHATWG index-windows-1252). Node's
 * `TextDecoder('windows-1252')` decodes these as Latin-1 control characters
 * (e.g. 0x80 as U+0080 instead of €), so they are mapped here; 0x81, 0x8D,
 * 0x8F, 0x90 and 0x9D are unassigned and kept as is.
 */
/** @internal */
export const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  // Decode as Latin-1 (what Node's decoder does for every byte), then map
  // the 0x80–0x9F range, which is where the two differ.
  const latin1 = new TextDecoder('windows-1252').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80]!));
}

/**
 * Decodes the bytes of an exported file. A UTF-8 byte-order mark is removed;
 * without an explicit encoding, bytes that are not valid UTF-8 are read as
 * Windows-1252 (what Excel and many Swedish case systems write on Windows),
 * so `å`, `ä` and `ö` come out right either way.
 *
 * @param bytes - the file's bytes (a Uint8Array, e.g. a Node Buffer)
 * @param encoding - force an encoding (`utf-8` or `windows-1252`); by default it is detected
 * @returns the text and the encoding used
 * @throws UppfoljningError when `bytes` is not a Uint8Array (path `bytes`,
 *   rule `type`) or `encoding` is not a known one (path `encoding`, rule `one_of`)
 *
 * @see https://encoding.spec.whatwg.org/index-windows-1252.txt the byte → character table used
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0x4b, 0xf6, 0x6e])); // "Kön" in Windows-1252
 * // => { text: 'Kön', encoding: 'windows-1252' }
 * ```
 */
export function decodeText(bytes: Uint8Array, encoding?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  const issues = bytesIssues(bytes, ['bytes']);
  issues.push(...oneOfIssues(encoding, ENCODINGS, ['encoding']));
  throwIfAny(issues);
  return decodeChecked(bytes, encoding);
}

const ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'windows-1252'];

/** @internal Issues for a value that is not a Uint8Array (a Node Buffer is one). */
export function bytesIssues(bytes: unknown, path: readonly (string | number)[]): Issue[] {
  if (bytes instanceof Uint8Array || Object.prototype.toString.call(bytes) === '[object Uint8Array]') return [];
  return [issue(path, 'type', { expected: 'Uint8Array', received: typeName(bytes) })];
}

/** @internal {@link decodeText} for arguments already checked. */
export function decodeChecked(bytes: Uint8Array, encoding: CsvEncoding | undefined): { text: string; encoding: CsvEncoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  if (bom || encoding === 'utf-8') {
    // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** @internal How much of a file's start {@link fileShapeRule} reads: enough for any header and the first rows. */
export const SNIFF = 65536;

/**
 * @internal What is wrong with a decoded file as a whole, before it is
 * parsed: `empty_file` when it holds nothing but white space (or a
 * byte-order mark), `not_csv` when its start is not text. Text has no NUL
 * and almost no other control characters; a spreadsheet (.xlsx is a zip), a
 * PDF or random bytes have them all through (one byte in 256 is NUL), so a
 * NUL, or more than 1 % control characters or U+FFFD in the first 64 K
 * characters, is taken as binary. Tab, line breaks and form feed are text.
 */
export function fileShapeRule(text: string): 'empty_file' | 'not_csv' | undefined {
  const end = Math.min(text.length, SNIFF);
  let blank = true;
  let control = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'not_csv';
    if (c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20 || c === 0xfeff) continue;
    blank = false;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0xfffd) control++;
  }
  if (blank) return /^[\s\ufeff]*$/.test(text) ? 'empty_file' : undefined;
  return control > end / 100 ? 'not_csv' : undefined;
}

/**
 * One data row of a CSV file: its line number in the file (the header is line 1) and its fields.
 *
 * @example
 * ```ts
 * const rows: readonly CsvRow[] = parseCsv('id;ålder\nk-1;34\n').rows;
 * rows[0];
 * // => { line: 2, fields: ['k-1', '34'] } (the header is line 1)
 * ```
 */
export interface CsvRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * A parsed CSV file.
 *
 * @example
 * ```ts
 * const table: CsvTable = parseCsv('id;ålder\nk-1;34\nk-2;"35\n');
 * table.separator; // => ';'
 * table.rows.length; // => 1
 * table.issues; // => [{ path: [3], rule: 'unclosed_quote', params: {} }]
 * ```
 */
export interface CsvTable {
  /** The separator used: `;` or `,`. */
  readonly separator: ';' | ',';
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** Rows that could not be read, with their line number in `path[0]`. */
  readonly issues: readonly Issue[];
}

/** @internal The separator a header line uses: `;` when it has more semicolons than commas outside quotes. */
export function detectSeparator(text: string): ';' | ',' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  return semi >= comma && semi > 0 ? ';' : ',';
}

/**
 * Parses CSV text as RFC 4180 describes it (quoted fields, doubled quotes,
 * line breaks inside quotes, CRLF or LF), with `;` or `,` as separator
 * (detected from the header line unless given). Blank lines are skipped.
 * Every data row keeps its line number in the file, so problems can be
 * reported where a person finds them. A row with the wrong number of fields
 * or an unclosed quote is reported, never dropped silently or padded.
 *
 * @param text - the decoded text (see {@link decodeText})
 * @param options - `separator` to force one (`;` or `,`)
 * @returns the header, the rows and the problems found
 * @throws UppfoljningError when `text` is not a string (path `text`), or
 *   `options` is not an object or has an unknown separator (`options.separator`)
 *
 * @see https://www.rfc-editor.org/rfc/rfc4180 the CSV format
 *
 * @example
 * ```ts
 * parseCsv('id;ålder\nk-1;"34"\n').rows;
 * // => [{ line: 2, fields: ['k-1', '34'] }]
 * ```
 */
export function parseCsv(text: string, options: { readonly separator?: ';' | ',' } = {}): CsvTable {
  const issues = typeof text === 'string' ? [] : [issue(['text'], 'type', { expected: 'string', received: typeName(text) })];
  issues.push(...optionsIssues(options));
  const o = optionsOf(options);
  issues.push(...oneOfIssues(o.separator, SEPARATORS, ['options', 'separator']));
  throwIfAny(issues);
  return parseChecked(text, o.separator as ';' | ',' | undefined);
}

const SEPARATORS = [';', ','] as const;

/** @internal {@link parseCsv} for arguments already checked. */
export function parseChecked(text: string, separator: ';' | ',' | undefined): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = separator ?? detectSeparator(src);
  const scan = scanRecords(src, sep, 1, true);
  return tableOf(sep, scan.records, scan.broken === undefined ? [] : [issue([scan.broken], 'unclosed_quote')]);
}

/** @internal What {@link scanRecords} read: whole records, where it stopped, and the line of an unclosed quote. */
export interface RecordScan {
  readonly records: CsvRow[];
  /** Characters consumed: the end of the last whole record. */
  readonly consumed: number;
  /** The line number the next record starts on. */
  readonly line: number;
  /** The line of a record whose quote never closes (only when `final`). */
  readonly broken: number | undefined;
  /** Whether the scan stopped at `max` records (there may be more whole records after `consumed`). */
  readonly full?: boolean;
}

/**
 * @internal The record scanner behind {@link parseCsv} and the streaming
 * parser: reads records (header included) from `src`, numbering lines from
 * `line`. With `final` false, `src` is a prefix of the text: a record that
 * reaches the end of `src` (no line break yet, a quote still open, or a CR
 * whose LF may come next) is left unread, so the caller can append more text
 * and scan again from `consumed` with the same result as one scan of the whole.
 * It starts at `from` and stops after `max` records (`full`), so that a
 * streamed chunk can be read in small batches whose rows die young.
 */
export function scanRecords(src: string, sep: ';' | ',', line: number, final: boolean, from = 0, max = Infinity): RecordScan {
  const records: CsvRow[] = [];
  const SEP = sep.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const n = src.length;
  let i = from;
  // Fields are cut out with slice() rather than built a character at a time:
  // the scan stays one pass, and a 20 MB export parses in a fraction of a second.
  while (i < n) {
    if (records.length >= max) return { records, consumed: i, line, broken: undefined, full: true };
    const recordStart = i;
    const start = line;
    const fields: string[] = [];
    let broken = false;
    let quoted = false;
    for (;;) {
      let value: string;
      if (src.charCodeAt(i) === QUOTE) {
        quoted = true;
        let j = i + 1;
        let parts = '';
        for (;;) {
          const q = src.indexOf('"', j);
          if (q < 0) {
            broken = true;
            break;
          }
          const chunk = src.slice(j, q);
          for (let c = chunk.indexOf('\n'); c >= 0; c = chunk.indexOf('\n', c + 1)) line++;
          parts += chunk;
          if (src.charCodeAt(q + 1) === QUOTE) {
            parts += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        if (broken) break;
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        let k = j;
        while (k < n) {
          const c = src.charCodeAt(k);
          if (c === SEP || c === CR || c === LF) break;
          k++;
        }
        value = parts + src.slice(j, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = src.charCodeAt(k);
          if (c === SEP || c === CR || c === LF) break;
          k++;
        }
        value = src.slice(i, k);
        i = k;
      }
      fields.push(value);
      if (i < n && src.charCodeAt(i) === SEP) {
        i++;
        continue;
      }
      break;
    }
    // Not final: a record not yet ended by a line break (or ended by a CR
    // that may be half of a CRLF) waits for more text.
    if (!final && (broken || i >= n || (src.charCodeAt(i) === CR && i + 1 >= n))) {
      return { records, consumed: recordStart, line: start, broken: undefined };
    }
    if (broken) return { records, consumed: n, line, broken: start };
    // End of the record: a line break (CRLF, LF or CR) or the end of the text.
    if (src.charCodeAt(i) === CR) i++;
    if (src.charCodeAt(i) === LF) i++;
    line++;
    // A blank line is skipped; a line holding only "" is a row with one empty field.
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) records.push({ line: start, fields });
  }
  return { records, consumed: n, line, broken: undefined };
}

/** @internal The header and rows of scanned records: a row with the wrong number of fields is an issue, not a row. */
export function tableOf(sep: ';' | ',', records: readonly CsvRow[], issues: Issue[]): CsvTable {
  const [head, ...rest] = records;
  const header = (head?.fields ?? []).map((h) => h.trim());
  const rows: CsvRow[] = [];
  for (const row of rest) {
    if (row.fields.length !== header.length) {
      issues.push(issue([row.line], 'field_count', { count: row.fields.length, expected: header.length }));
    } else rows.push(row);
  }
  issues.sort((a, b) => Number(a.path[0]) - Number(b.path[0]));
  return { separator: sep, header, rows, issues };
}
