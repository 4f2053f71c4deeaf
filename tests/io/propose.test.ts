import { describe, expect, it } from 'vitest';
import { proposeFromExport, toCode } from '../../src/io/propose.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const fields = (text: string) => Object.fromEntries(proposeFromExport(bytes(text)).columns.map((c) => [c.column, c.field]));

describe('proposeFromExport: the column names it recognises', () => {
  it('reads the usual Swedish names', () => {
    expect(
      fields(
        'Klient-id;Kön;Ålder;Insats;Urvalsdatum;Startdatum;Huvudproblem;AUDIT före;Mål 1;Målområde 1;Mål 1 uppnått;Slutdatum;Avslutsorsak;AUDIT efter;Avförd datum;Avförd orsak\n' +
          'k-1;K;34;F-CRA;2019-01-02;2019-01-07;Alkohol;20;Arbete;Sysselsättning;Ja;2019-05-01;Fullföljd;12;;\n' +
          'k-2;M;41;F-CRA;2019-01-03;2019-01-08;Alkohol;25;Boende;Boende;Nej;2019-05-02;Fullföljd;18;;\n',
      ),
    ).toEqual({
      'Klient-id': 'clientId',
      Kön: 'gender',
      Ålder: 'age',
      Insats: 'intervention',
      Urvalsdatum: 'enrolled',
      Startdatum: 'before.date',
      Huvudproblem: 'before.mainProblem',
      'AUDIT före': 'before.measures.audit',
      'Mål 1': 'goal.1.statement',
      'Målområde 1': 'goal.1.area',
      'Mål 1 uppnått': 'goal.1.met',
      Slutdatum: 'after.date',
      Avslutsorsak: 'after.reason',
      'AUDIT efter': 'after.measures.audit',
      'Avförd datum': 'withdrawal.date',
      'Avförd orsak': 'withdrawal.reason',
    });
  });

  it('reads the usual English names, in any case and with _ or - for spaces', () => {
    expect(
      fields(
        'client_id,GENDER,age,identity-number,start date,end date,closing reason,main problem,before k10,after k10\n' +
          'c-1,F,30,,2025-01-01,2025-06-01,Completed,Alcohol,30,22\nc-2,M,31,,2025-01-02,2025-06-02,Completed,Alcohol,28,25\n',
      ),
    ).toEqual({
      client_id: 'clientId',
      GENDER: 'gender',
      age: 'age',
      'identity-number': 'identityNumber',
      'start date': 'before.date',
      'end date': 'after.date',
      'closing reason': 'after.reason',
      'main problem': 'before.mainProblem',
      'before k10': 'before.measures.k10',
      'after k10': 'after.measures.k10',
    });
  });

  it('keeps a "före" column that holds words as a background category, not a measure', () => {
    const p = proposeFromExport(bytes('Klient-id;Boende före;Tilltro före;Tilltro efter\nk-1;Hemlös;2;4\nk-2;Hemlös;3;3\nk-3;Egen bostad;1;2\n'));
    expect(p.columns.map((c) => c.field)).toEqual(['clientId', 'before.background.boende-fore', 'before.measures.tilltro-nykterhet', 'after.measures.tilltro-nykterhet']);
  });

  it('leaves a note column out as free text, never printing its values, even when a few of them repeat', () => {
    // 'Anteckning' holds two values, each twice: by counts alone it would pass as a category.
    const p = proposeFromExport(
      bytes('Klient-id;Anteckning;Om hemsituationen;Boende före\nk-1;ringt mamma;bor med sin syster i två rum;Hemlös\nk-2;ringt mamma;bor med sin syster i två rum;Hemlös\nk-3;ok;ok;Egen bostad\nk-4;ok;ok;Egen bostad\n'),
    );
    const text = JSON.stringify(p);
    expect(text).not.toContain('ringt mamma');
    expect(text).not.toContain('syster');
    expect(p.columns.find((c) => c.column === 'Boende före')?.categories).toEqual(['Egen bostad', 'Hemlös']);
  });

  it('maps a column of identity numbers under another name, and keeps none of its values', () => {
    const p = proposeFromExport(bytes('Nummer;Kön\n19900603-2388;K\n900502-2380;M\n'));
    expect(p.columns[0]).toEqual({ column: 'Nummer', field: 'identityNumber', kind: 'identity' });
    expect(JSON.stringify(p)).not.toMatch(/2388|2380/);
  });
});

describe('toCode', () => {
  it.each([
    ['Relationer och familj', 'relationer-och-familj'],
    ['Hälsa', 'halsa'],
    ['Boende före', 'boende-fore'],
    ['  --Ö!  ', 'o'],
    ['', 'x'],
  ])('%j → %j', (text, code) => expect(toCode(text)).toBe(code));
});
