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

describe('proposeFromExport: follow-up after the end and client views', () => {
  // Three synthetic clients: closed, with a 12-month follow-up (date, status, the confidence scale, one view item) and views at closing.
  const header = 'Klient-id;Urvalsdatum;Ålder;Kön;Startdatum;Huvudproblem;Tilltro före;Avslutsdatum;Avslutsorsak;Tilltro efter;Bemött med respekt;Nöjd med hjälpen;Uppföljning 12 mån datum;Uppföljning 12 mån;Tilltro 12 mån;Bemött med respekt 12 mån';
  const rows = [
    'k-1;2019-01-07;34;M;2019-01-14;Alkohol;2;2019-06-10;Fullföljd;4;Instämmer helt;Instämmer till stor del;2020-06-12;Nådd;4;Instämmer helt',
    'k-2;2019-02-04;51;K;2019-02-11;Alkohol;3;2019-07-01;Fullföljd;3;Vet inte;Instämmer helt;2020-07-03;Ej nådd;;',
    'k-3;2019-03-04;28;K;2019-03-11;Narkotika;1;2019-08-05;Fullföljd;2;Instämmer till viss del;Instämmer inte alls;2020-08-01;Avböjde;;',
  ];
  const text = `${header}\n${rows.join('\n')}\n`;

  it('maps the follow-up columns and view items (Swedish names) to followUps.<point>.… and after.views.…', () => {
    const f = fields(text);
    expect([f['Uppföljning 12 mån datum'], f['Uppföljning 12 mån'], f['Tilltro 12 mån'], f['Bemött med respekt 12 mån']]).toEqual([
      'followUps.12m.date',
      'followUps.12m.status',
      'followUps.12m.measures.tilltro-nykterhet',
      'followUps.12m.views.respekt',
    ]);
    expect([f['Bemött med respekt'], f['Nöjd med hjälpen']]).toEqual(['after.views.respekt', 'after.views.nojd']);
    // English names too.
    const en = fields('client id;enrolled;age;gender;follow-up 6 months date;follow up 6 months;satisfied\nk-1;2019-01-07;34;man;2019-07-01;reached;Agree completely\n');
    expect([en['follow-up 6 months date'], en['follow up 6 months'], en.satisfied]).toEqual(['followUps.6m.date', 'followUps.6m.status', 'after.views.nojd']);
  });

  it('drafts the point and the questionnaire in the plan, lists what is left to decide, and the import reads the same file', async () => {
    const p = proposeFromExport(bytes(text));
    expect(p.plan.followUps).toEqual([{ id: '12m', label: { sv: '12 månader efter avslut', en: '12 months after closing' }, monthsAfter: 12, windowDays: 30, measures: ['tilltro-nykterhet'] }]);
    expect(p.plan.clientViews).toEqual({ template: 'national', at: ['after', '12m'] });
    expect(p.decisions.filter((d) => d.code === 'follow_up_window' || d.code === 'view_items')).toEqual([
      { code: 'follow_up_window', point: '12m', monthsAfter: 12, columns: ['Uppföljning 12 mån datum', 'Uppföljning 12 mån', 'Tilltro 12 mån', 'Bemött med respekt 12 mån'] },
      { code: 'view_items', items: ['respekt', 'nojd'], at: ['after', '12m'] },
    ]);
    const { parsePlan, importCsv, CsvMappingSchema } = await import('../../src/index.js');
    const plan = parsePlan(p.plan);
    const result = importCsv(plan, { clients: text }, CsvMappingSchema.parse(p.mapping));
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r.followUps.map((x) => [x.status, x.measures, x.views ?? {}]))).toEqual([
      [['reached', { 'tilltro-nykterhet': 4 }, { respekt: 4 }]],
      [['not_reached', {}, {}]],
      [['declined', {}, {}]],
    ]);
    expect(result.records.map((r) => r.after?.views)).toEqual([{ respekt: 4, nojd: 3 }, { respekt: 0, nojd: 4 }, { respekt: 2, nojd: 1 }]);
  });
});
