import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { openXlsx, xlsxToCsv } from '../../src/io/xlsx.js';
import { writeXlsx } from '../helpers/xlsx-writer.js';
import { CsvMappingSchema, formatRowIssue, importCsv, parsePlan } from '../../src/index.js';
import { inSheets } from '../../src/cli/xlsx-input.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';

// A minimal workbook as Excel writes one: shared strings (one with rich-text runs and an
// entity), a number with decimals, a boolean, an inline string, a date in the built-in
// format 14 (serial 45658 = 2025-01-01, counted from 1899-12-30 as Excel's 1900 system does
// after its phantom 29 February), a custom date format "yyyy-mm-dd hh:mm", a gap in the
// cells (C2 missing) and an empty row 3, which must stay an empty line so that CSV line n
// is sheet row n.
function workbook(): Uint8Array {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>k-1</t></is></c><c r="B2" s="1"><v>45658</v></c><c r="D2"><v>2.5</v></c></row>
<row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4" s="2"><v>45658.5</v></c><c r="C4" t="b"><v>1</v></c><c r="D4"><v>3</v></c></row>
</sheetData></worksheet>`;
  const shared = `<sst><si><t>Klient-id</t></si><si><r><t>Start</t></r><r><t>datum</t></r></si><si><t>Ja &amp; nej</t></si><si><t>Tilltro; före</t></si><si><t>k-2</t></si></sst>`;
  const styles = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
  const wb = `<workbook><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const rels = `<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  return zipSync({
    'xl/workbook.xml': strToU8(wb),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
    'xl/sharedStrings.xml': strToU8(shared),
    'xl/styles.xml': strToU8(styles),
  });
}

describe('xlsxToCsv', () => {
  it('reads the first sheet with Excel’s values, dates as ISO dates, and the sheet’s row numbers as lines', () => {
    const { csv, sheet } = xlsxToCsv(workbook());
    expect(sheet).toBe('Export');
    expect(csv.split('\r\n')).toEqual(['Klient-id;Startdatum;Ja & nej;"Tilltro; före"', 'k-1;2025-01-01;;2.5', '', 'k-2;2025-01-01 12:00;1;3', '']);
  });

  it('refuses what is not a workbook with a sentence, not a crash', () => {
    expect(() => xlsxToCsv(new Uint8Array([0x50, 0x4b, 1, 2, 3]))).toThrow(/not an .xlsx workbook/);
    expect(() => xlsxToCsv(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/no xl\/workbook.xml/);
  });

  it('lists the sheets in tab order and reads the one asked for, with the separator and decimal mark asked for', () => {
    const book = openXlsx(
      writeXlsx([
        { name: 'Om exporten', rows: [[{ text: 'syntetiska uppgifter' }]] },
        { name: 'Klienter', rows: [[{ text: 'id' }, { text: 'Mål, uppnått' }, { text: 'poäng' }], [{ text: 'k-1' }, { text: 'Ja' }, { number: 2.5 }]] },
      ]),
    );
    expect(book.sheets).toEqual(['Om exporten', 'Klienter']);
    expect(book.csv(0)).toBe('syntetiska uppgifter\r\n');
    // A comma in a header is quoted even with ";" between fields, so that the separator cannot be mistaken.
    expect(book.csv(1)).toBe('id;"Mål, uppnått";poäng\r\nk-1;Ja;2.5\r\n');
    expect(book.csv(1, { decimal: ',' })).toBe('id;"Mål, uppnått";poäng\r\nk-1;Ja;"2,5"\r\n');
    expect(book.csv(1, { separator: ',' })).toBe('id,"Mål, uppnått",poäng\r\nk-1,Ja,2.5\r\n');
  });

  it('shows numbers as Excel does (15 significant digits, no exponent) and rounds times to the minute without a 24:00', () => {
    // Excel writes 2.3 as 2.2999999999999998 and 0.1 + 0.2 as 0.30000000000000004; it shows 2.3 and 0.3.
    // 45658.99999 is 2025-01-01 23:59:59.1: the minute is 23:59; 45658.999999 (23:59:59.9) is the next day.
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1"><v>2.2999999999999998</v></c><c r="B1"><v>0.30000000000000004</v></c><c r="C1"><v>1E-7</v></c><c r="D1"><v>-12</v></c>` +
      `<c r="E1" s="1"><v>45658.99999</v></c><c r="F1" s="1"><v>45658.999999</v></c></row></sheetData></worksheet>`;
    const styles = `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>`;
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/styles.xml': strToU8(styles),
    });
    expect(openXlsx(bytes).csv(0, { decimal: ',' })).toBe('"2,3";"0,3";"0,0000001";-12;2025-01-01 23:59;2025-01-02\r\n');
  });
});

describe('a second row of a client in a spreadsheet', () => {
  it('points to the first one’s row in English ("row", as the sheet names it), and "rad" in Swedish; a CSV file keeps "line"', () => {
    const plan = parsePlan(bjorkeboPlan);
    const book = openXlsx(
      writeXlsx([
        {
          name: 'Klienter',
          rows: [
            [{ text: 'clientId' }, { text: 'enrolled' }, { text: 'age' }, { text: 'gender' }],
            [{ text: 'k-1' }, { text: '2019-01-07' }, { number: 34 }, { text: 'man' }],
            [{ text: 'k-1' }, { text: '2019-01-09' }, { number: 40 }, { text: 'man' }],
          ],
        },
      ]),
    );
    const { issues } = importCsv(plan, { clients: book.csv(0) }, CsvMappingSchema.parse({}));
    const inSheet = inSheets(issues, { clients: 'Klienter' });
    expect(inSheet.map((i) => formatRowIssue(i, 'en'))).toEqual(['clients sheet "Klienter" row 3, column "clientId": the client "k-1" is already on row 2 [duplicate_client]']);
    expect(inSheet.map((i) => formatRowIssue(i, 'sv'))).toEqual(['klientfilen blad "Klienter" rad 3, kolumn "clientId": klienten "k-1" finns redan på rad 2 [duplicate_client]']);
    expect(issues.map((i) => formatRowIssue(i, 'en'))).toEqual(['clients line 3, column "clientId": the client "k-1" is already on line 2 [duplicate_client]']);
  });
});
