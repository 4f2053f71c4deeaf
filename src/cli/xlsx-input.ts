import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { Locale } from '../core/locale.js';
import type { CsvMapping } from '../io/mapping.js';
import type { RowIssue } from '../io/import.js';
import { openXlsx } from '../io/xlsx.js';
import { list, say } from '../io/propose-text.js';

/** A problem with the workbook or `--sheet`: the message, for main.ts to raise as its UsageError. */
export type SheetProblem = { readonly problem: string };

/** A sheet read as CSV text, and its name (for "blad X rad N"). */
export type SheetText = { readonly text: string; readonly sheet: string };

/** An .xlsx workbook is a zip: it starts with "PK\x03\x04" whatever its name. */
const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
/** Excel 97–2003 (.xls) is an OLE compound file: D0 CF 11 E0 A1 B1 1A E1. */
const isOle = (bytes: Uint8Array): boolean => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** Whether the CLI reads the file as a workbook: by its name (.xlsx, .xlsm) or its first bytes (a zip). */
export const isWorkbook = (file: string, bytes: Uint8Array): boolean => ['.xlsx', '.xlsm'].includes(extname(file).toLowerCase()) || isZip(bytes);

/**
 * The sheet `--sheet` names (a sheet's name, or its number from 1 in the
 * order of the tabs; the first sheet without it) as CSV text that the CSV
 * import reads with the same mapping: fields separated and numbers written
 * as the mapping says (`;` and `.` unless it says otherwise), line n the
 * sheet's row n. `undefined` when the file is no workbook (then it is read
 * as CSV); a problem when it looks like one but cannot be read, or has no
 * such sheet (the problem lists the sheets).
 */
export function readSheet(file: string, bytes: Uint8Array, sheet: string | undefined, mapping: CsvMapping, locale: Locale): SheetText | SheetProblem | undefined {
  if (isOle(bytes) && extname(file).toLowerCase() === '.xls') {
    return { problem: say(locale, `${file} är en äldre Excel-fil (.xls), som inte kan läsas; spara den som .xlsx eller CSV`, `${file} is an old Excel file (.xls), which cannot be read; save it as .xlsx or CSV`) };
  }
  if (!isWorkbook(file, bytes)) {
    if (sheet === undefined) return undefined;
    return { problem: say(locale, `--sheet gäller bara Excel-filer (.xlsx), och ${file} är ingen`, `--sheet only applies to Excel files (.xlsx), and ${file} is not one`) };
  }
  let workbook: ReturnType<typeof openXlsx>;
  try {
    workbook = openXlsx(bytes);
  } catch {
    return { problem: say(locale, `${file} kan inte läsas som en Excel-arbetsbok (.xlsx)`, `${file} cannot be read as an Excel workbook (.xlsx)`) };
  }
  const index = sheetIndex(workbook.sheets, sheet);
  if (index === undefined) {
    const names = list(workbook.sheets.map((s, i) => `${JSON.stringify(s)} (${i + 1})`), locale);
    return {
      problem: say(
        locale,
        `${file} har inget blad ${JSON.stringify(sheet)}; bladen är ${names} (ange --sheet med namn eller nummer)`,
        `${file} has no sheet ${JSON.stringify(sheet)}; its sheets are ${names} (give --sheet a name or a number)`,
      ),
    };
  }
  return { text: workbook.csv(index, { decimal: mapping.decimal ?? '.', separator: mapping.separator ?? ';' }), sheet: workbook.sheets[index]! };
}

/** The 0-based index of the sheet named (exactly, else ignoring case as Excel does) or numbered from 1; the first without a name. */
function sheetIndex(sheets: readonly string[], sheet: string | undefined): number | undefined {
  if (sheet === undefined) return 0;
  const exact = sheets.indexOf(sheet);
  if (exact >= 0) return exact;
  const folded = sheets.findIndex((s) => s.toLocaleLowerCase('sv') === sheet.toLocaleLowerCase('sv'));
  if (folded >= 0) return folded;
  const n = /^\d+$/.test(sheet) ? Number(sheet) : NaN;
  return n >= 1 && n <= sheets.length ? n - 1 : undefined;
}

/** A sheet as the bytes of a CSV file (UTF-8 with a byte-order mark) for the streamed import, and its name. */
export type SheetBytes = { readonly bytes: Uint8Array; readonly sheet: string };

/** The first bytes of a file, enough for its signature; empty when it cannot be read (the import then says so). */
function signature(file: string): Uint8Array {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = new Uint8Array(8);
      return head.subarray(0, readSync(fd, head, 0, 8, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return new Uint8Array(0);
  }
}

/**
 * The file's sheet as CSV bytes when it is a workbook (by name or by its
 * first bytes; it is read whole, as a zip must be), `undefined` when it is
 * not (then it is streamed as CSV), or the problem {@link readSheet} finds.
 */
export function readWorkbookSheet(file: string, sheet: string | undefined, mapping: CsvMapping, locale: Locale): SheetBytes | SheetProblem | undefined {
  const head = signature(file);
  if (!isWorkbook(file, head) && !isOle(head)) return readSheet(file, head, sheet, mapping, locale) as SheetProblem | undefined;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    return { problem: say(locale, `kan inte läsa filen ${file}`, `cannot read the file ${file}`) };
  }
  const read = readSheet(file, bytes, sheet, mapping, locale);
  if (read === undefined || 'problem' in read) return read;
  return { bytes: new TextEncoder().encode(`\ufeff${read.text}`), sheet: read.sheet };
}

/**
 * The mapping for files of which some are workbooks: a sheet's CSV bytes are
 * UTF-8, so an `encoding` the mapping forces for CSV files is dropped when
 * every file is a workbook, and is a problem when a workbook and a CSV file
 * are read together under a forced Windows-1252.
 */
export function workbookMapping(mapping: CsvMapping, files: readonly (SheetBytes | undefined)[], locale: Locale): CsvMapping | SheetProblem {
  if (mapping.encoding !== 'windows-1252' || files.every((f) => f === undefined)) return mapping;
  if (files.every((f) => f !== undefined)) {
    const { encoding: _encoding, ...rest } = mapping;
    return rest;
  }
  return {
    problem: say(
      locale,
      'mappningen anger teckenkodningen windows-1252, som inte gäller en Excel-fil: ta bort encoding ur mappningen, eller ge båda filerna som .xlsx',
      'the mapping gives the encoding windows-1252, which does not apply to an Excel file: remove encoding from the mapping, or give both files as .xlsx',
    ),
  };
}

/** The issues of a file read from a sheet name that sheet, so that they say "blad X rad N". */
export const inSheets = (issues: readonly RowIssue[], sheets: Partial<Record<RowIssue['file'], string>>): RowIssue[] =>
  issues.map((i) => (sheets[i.file] === undefined ? i : { ...i, sheet: sheets[i.file]! }));
