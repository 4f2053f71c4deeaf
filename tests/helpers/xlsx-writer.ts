/**
 * Writes small .xlsx workbooks for the fixtures, in the parts Excel itself
 * writes (ECMA-376: content types, package and workbook relationships,
 * workbook, styles, shared strings, one worksheet per sheet), so that the
 * CLI reads what a real spreadsheet holds: text as shared strings, numbers
 * as number cells, dates as serial numbers in the built-in date format 14.
 * The zip's file times are fixed, so a rerun writes the same bytes.
 */
import { strToU8, zipSync } from 'fflate';

/** A cell as Excel stores it: text, a number, a date (an ISO date or date and time, stored as a serial number in a date format), or nothing. */
export type XlsxCell =
  | { readonly text: string }
  | { readonly number: number }
  | { readonly date: string }
  | null;

export interface XlsxSheet {
  readonly name: string;
  /** Row 1 first; an empty row (no cells) stays an empty row of the sheet. */
  readonly rows: readonly (readonly XlsxCell[])[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A: 0, Z: 25, AA: 26. */
function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Days (and the day's fraction) since 1899-12-30, Excel's 1900 date system for dates after 1900-02-28. */
function serial(iso: string): number {
  const [date, time] = iso.split(' ');
  const [y, m, d] = date!.split('-').map(Number);
  const days = (Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (time === undefined) return days;
  const [hh, mm] = time.split(':').map(Number);
  return days + (hh! * 60 + mm!) / 1440;
}

/** The workbook's bytes. */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const stringId = (s: string) => {
    let i = sharedIndex.get(s);
    if (i === undefined) {
      i = shared.length;
      shared.push(s);
      sharedIndex.set(s, i);
    }
    return i;
  };
  const worksheet = (sheet: XlsxSheet) => {
    const rows = sheet.rows.map((cells, r) => {
      const xml = cells
        .map((c, i) => {
          const ref = `${columnLetters(i)}${r + 1}`;
          if (c === null) return '';
          if ('text' in c) return `<c r="${ref}" t="s"><v>${stringId(c.text)}</v></c>`;
          if ('number' in c) return `<c r="${ref}"><v>${c.number}</v></c>`;
          return `<c r="${ref}" s="1"><v>${serial(c.date)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    });
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  };
  const sheetXml = sheets.map(worksheet);
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}" xmlns:r="${rel}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  };
  sheetXml.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  // Shared strings last: the worksheets above fill the table.
  files['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${main}" count="${shared.length}" uniqueCount="${shared.length}">` +
    shared.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('') +
    `</sst>`;
  // A zip stores local time: the same local moment in every time zone writes the same bytes.
  const mtime = new Date(2026, 0, 1, 12);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])), { level: 6 });
}
