import { unzipSync, strFromU8 } from 'fflate';

// Reads a sheet of an .xlsx workbook (Office Open XML, ECMA-376; the first
// one unless asked for another) into CSV text, so that a spreadsheet goes
// through the same import as a CSV export: same mapping, same checks, and the
// same line numbers (CSV line n is sheet row n; empty rows are kept as empty
// lines). Cells are written as Excel stores them: shared and inline strings as
// text (a number typed as text, "3,5", stays that text), numbers rounded to
// Excel's 15 significant digits with the decimal mark the mapping reads (`.`
// unless it says `,`), booleans as 1/0, and numbers in a date format (the
// built-in date formats 14–22 and 45–47, or a custom format with d, m or y
// outside quotes) as ISO dates, with time of day when it has one. The zip is
// read with fflate; the XML is read with a small scanner of its own, since a
// worker has no DOMParser.

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : XML_ENTITIES[e]!,
  );
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
/** The text of every `<t>` in an element (rich text has several runs). */
const texts = (xml: string): string => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** Column letters (A, Z, AA) to a 0-based index. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const c of ref.replace(/\d+$/, '')) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** An Excel serial date (1900 system, with its phantom 1900-02-29) as an ISO date, and time when it has one. */
function serialToIso(serial: number, date1904: boolean): string {
  // Rounded to the second first, so that 23:59:59.7 becomes the next day's 00:00, not a 24:00.
  const total = Math.round(serial * 86_400);
  const serialDays = Math.floor(total / 86_400);
  const days = serialDays + (date1904 ? 1462 : 0);
  // Day 60 is the 1900-02-29 that never was; serials after it are one too high.
  const ms = Date.UTC(1899, 11, 30) + (days < 61 && !date1904 ? days + 1 : days) * 86_400_000;
  const d = new Date(ms).toISOString().slice(0, 10);
  const seconds = total - serialDays * 86_400;
  if (seconds === 0) return d;
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  return `${d} ${hh}:${mm}`;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** The style indices (`s` of a cell) whose number format is a date. */
function dateStyles(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (stylesXml === undefined) return out;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, unescapeXml(attr(m[0], 'formatCode') ?? ''));
  }
  const isDate = (id: number) => {
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    if (code === undefined) return false;
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    return /[dmy]/i.test(bare);
  };
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<xf\s[^>]*?\/?>/g)) {
    if (isDate(Number(attr(m[0], 'numFmtId') ?? '0'))) out.add(i);
    i++;
  }
  return out;
}

// Either separator is quoted, so that the import's separator detection cannot mistake a header's commas for separators.
const quote = (s: string): string => (/[";,\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A number cell as Excel shows it: rounded to the 15 significant digits Excel
 * keeps (it stores 2.3 as 2.2999999999999998), written out without an
 * exponent, with the decimal mark asked for.
 */
function numberText(n: number, decimal: ',' | '.'): string {
  const rounded = Number(n.toPrecision(15));
  let text = String(rounded);
  if (/e/i.test(text)) text = rounded.toFixed(Math.min(100, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(rounded))) - 1))).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return decimal === ',' ? text.replace('.', ',') : text;
}

/**
 * @internal An opened .xlsx workbook: its sheets' names in the workbook's
 * order, and each sheet as CSV text (see the notes above).
 */
export interface XlsxWorkbook {
  /** The sheets' names, in the order Excel shows their tabs. */
  readonly sheets: readonly string[];
  /**
   * The sheet at `index` (0-based) as CSV text, its line n the sheet's row
   * n, fields separated by `separator` (default `;`), numbers with the
   * decimal mark `decimal` (default `.`).
   */
  readonly csv: (index: number, format?: { readonly decimal?: ',' | '.'; readonly separator?: ';' | ',' }) => string;
}

/** The `xl/…` path of each sheet, from the workbook's relationships. */
function sheetPaths(workbook: string, rels: string): { name: string; path: string }[] {
  const targets = [...rels.matchAll(/<Relationship\s[^>]*>/g)].map((m) => m[0]);
  return [...workbook.matchAll(/<sheet\s[^>]*>/g)].map((m, i) => {
    const name = unescapeXml(attr(m[0], 'name') ?? `Sheet${i + 1}`);
    const rid = attr(m[0], 'r:id');
    const target = targets.find((r) => attr(r, 'Id') === rid);
    const path = target ? `xl/${(attr(target, 'Target') ?? '').replace(/^\/?xl\//, '').replace(/^\//, '')}` : `xl/worksheets/sheet${i + 1}.xml`;
    return { name, path };
  });
}

/**
 * @internal Opens an .xlsx workbook: which sheets it has, and a reader of
 * each. Only the sheet asked for is turned into text.
 *
 * @throws Error with a message in English when the bytes are not a workbook
 */
export function openXlsx(bytes: Uint8Array): XlsxWorkbook {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /^xl\/(workbook\.xml|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml|_rels\/workbook\.xml\.rels)$/.test(f.name) });
  } catch {
    throw new Error('not an .xlsx workbook (the zip cannot be read)');
  }
  const read = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const workbook = read('xl/workbook.xml');
  if (workbook === undefined) throw new Error('not an .xlsx workbook (no xl/workbook.xml)');
  const date1904 = /<workbookPr\s[^>]*date1904="(1|true)"/.test(workbook);
  const found = sheetPaths(workbook, read('xl/_rels/workbook.xml.rels') ?? '');
  // A workbook whose list of sheets is missing still has its first worksheet.
  const sheets = found.length > 0 ? found : [{ name: 'Sheet1', path: 'xl/worksheets/sheet1.xml' }];
  if (sheets.every((s) => read(s.path) === undefined)) throw new Error('not an .xlsx workbook (no worksheet)');
  let shared: string[] | undefined;
  let dates: Set<number> | undefined;
  return {
    sheets: sheets.map((s) => s.name),
    csv: (index, format = {}) => {
      const sheetXml = read(sheets[index]?.path ?? '');
      if (sheetXml === undefined) return '';
      shared ??= [...(read('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!));
      dates ??= dateStyles(read('xl/styles.xml'));
      return sheetCsv(sheetXml, shared, dates, date1904, format.decimal ?? '.', format.separator ?? ';');
    },
  };
}

/**
 * @internal The first sheet of an .xlsx workbook as `;`-separated CSV text
 * (see the notes above), and the sheet's name.
 *
 * @throws Error with a message in English when the bytes are not a workbook
 */
export function xlsxToCsv(bytes: Uint8Array): { csv: string; sheet: string } {
  const workbook = openXlsx(bytes);
  return { csv: workbook.csv(0), sheet: workbook.sheets[0]! };
}

/** One worksheet's XML as CSV text: line n is row n, every row as wide as the header. */
function sheetCsv(sheetXml: string, shared: readonly string[], dates: ReadonlySet<number>, date1904: boolean, decimal: ',' | '.', separator: ';' | ','): string {
  const lines: string[] = [];
  for (const row of sheetXml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(row[1]!, 'r') ?? lines.length + 1);
    while (lines.length < r - 1) lines.push('');
    const cells: string[] = [];
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = c[1]!;
      const body = c[2] ?? '';
      const ref = attr(head, 'r');
      const index = ref ? columnIndex(ref) : cells.length;
      const type = attr(head, 't') ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = v === undefined ? '' : (shared[Number(v)] ?? '');
      else if (type === 'inlineStr') value = texts(body);
      else if (type === 'str' || type === 'e') value = v === undefined ? '' : unescapeXml(v);
      else if (type === 'b') value = v === '1' ? '1' : '0';
      else if (v !== undefined) {
        const n = Number(v);
        if (!Number.isFinite(n)) value = unescapeXml(v);
        else value = dates.has(Number(attr(head, 's') ?? '-1')) ? serialToIso(n, date1904) : numberText(n, decimal);
      }
      while (cells.length < index) cells.push('');
      cells[index] = quote(value);
    }
    lines.push(cells.join(separator));
  }
  // The header sets the width: every row gets as many fields, as a CSV export has.
  const width = lines[0] === undefined ? 0 : splitCount(lines[0], separator);
  const padded = lines.map((l, i) => (i === 0 || l === '' ? l : l + separator.repeat(Math.max(0, width - splitCount(l, separator)))));
  return `${padded.join('\r\n')}\r\n`;
}

/** Fields in a CSV line written by {@link xlsxToCsv} (separators outside quotes, plus one). */
function splitCount(line: string, separator: ';' | ','): number {
  let n = 1;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === separator && !inQuotes) n++;
  }
  return n;
}
