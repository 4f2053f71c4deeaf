import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, parseCsv } from '../../src/index.js';

describe('decodeText', () => {
  it('reads Windows-1252 bytes when they are not valid UTF-8', () => {
    // WHATWG encoding index windows-1252: 0xE5 å, 0xE4 ä, 0xF6 ö, 0xC5 Å, 0x80 € (https://encoding.spec.whatwg.org/index-windows-1252.txt)
    const bytes = new Uint8Array([0xe5, 0xe4, 0xf6, 0x3b, 0xc5, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: 'åäö;Å€', encoding: 'windows-1252' });
  });
  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x4b, 0xc3, 0xb6, 0x6e]); // BOM + "Kön" in UTF-8
    expect(decodeText(bytes)).toEqual({ text: 'Kön', encoding: 'utf-8' });
  });
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('Ålder'))).toEqual({ text: 'Ålder', encoding: 'utf-8' });
  });
  it('obeys a forced encoding', () => {
    // "Ã¶" is what UTF-8 "ö" (0xC3 0xB6) looks like read as Windows-1252.
    expect(decodeText(new Uint8Array([0xc3, 0xb6]), 'windows-1252').text).toBe('Ã¶');
  });
});

describe('parseCsv', () => {
  it('detects ; and keeps line numbers across quoted line breaks and blank lines', () => {
    const t = parseCsv('a;b\r\n1;"x\r\ny"\r\n\r\n"2";"he said ""hi"""\r\n');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 2, fields: ['1', 'x\r\ny'] },
      { line: 5, fields: ['2', 'he said "hi"'] },
    ]);
    expect(t.issues).toEqual([]);
  });
  it('detects , and does not split on ; inside a comma file', () => {
    const t = parseCsv('a,b\n"1;2",3');
    expect(t.separator).toBe(',');
    expect(t.rows).toEqual([{ line: 2, fields: ['1;2', '3'] }]);
  });
  it('reports a row with the wrong number of fields and an unclosed quote, with their lines', () => {
    const t = parseCsv('a,b\n1\n2,3\n"4,5\n');
    expect(t.rows).toEqual([{ line: 3, fields: ['2', '3'] }]);
    expect(t.issues).toEqual([
      { path: [2], rule: 'field_count', params: { count: 1, expected: 2 } },
      { path: [4], rule: 'unclosed_quote', params: {} },
    ]);
  });
  it('gives back any table written with RFC 4180 quoting (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ö', ' ', ';', ',', '"', '\n', '\r\n', '1') });
    fc.assert(
      fc.property(fc.constantFrom(';', ','), fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), (sep, width, rows) => {
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const body = rows.map((r) => r.slice(0, width));
        const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const text = [header.join(sep), ...body.map((r) => r.map(quote).join(sep))].join('\n');
        const parsed = parseCsv(text, { separator: sep as ';' | ',' });
        expect(parsed.issues).toEqual([]);
        expect(parsed.rows.map((r) => r.fields)).toEqual(body);
      }),
    );
  });
});
