import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvMappingSchema, csvFields, followUpWindow, formatRowIssue, importCsv, parsePlan, viewItems } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';

// The Björkebo export's first three clients, with a 12-month follow-up added as
// four columns (date, status, the confidence scale, one national view item).
const dir = join(import.meta.dirname, '..', 'fixtures', 'cli');
const lines = readFileSync(join(dir, 'clean.csv'), 'utf8').split('\n').slice(0, 4);
const base = CsvMappingSchema.parse(JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')));
const plan = parsePlan({
  ...bjorkeboPlan,
  followUps: [{ id: '12m', label: { sv: '12 månader efter', en: '12 months after' }, monthsAfter: 12, measures: ['tilltro-nykterhet'] }],
  clientViews: { template: 'national', at: ['after', '12m'] },
});
const mapping = CsvMappingSchema.parse({
  ...base,
  columns: {
    ...base.columns,
    'followUps.12m.date': 'Uppföljning 12 mån datum',
    'followUps.12m.status': 'Uppföljning 12 mån',
    'followUps.12m.measures.tilltro-nykterhet': 'Tilltro 12 mån',
    'followUps.12m.views.respekt': 'Respekt 12 mån',
  },
});
const header = `${lines[0]},Uppföljning 12 mån datum,Uppföljning 12 mån,Tilltro 12 mån,Respekt 12 mån`;
// Each client's closing date (Avslutsdatum), a year after it (inside the ±30-day window) and two years after (outside it).
const closing = lines.slice(1, 4).map((l) => l.split(',')[lines[0]!.split(',').indexOf('Avslutsdatum')]!);
const inWindow = closing.map((d) => followUpWindow({ monthsAfter: 12, windowDays: 30 }, d).target);
const late = closing.map((d) => followUpWindow({ monthsAfter: 24, windowDays: 0 }, d).target);
/** The export with the follow-up cells of clients 1–3; `T` in a cell is the client's target day, `L` a day outside the window. */
const csv = (...followUp: [string, string, string]) =>
  new TextEncoder().encode(
    [header, ...lines.slice(1, 4).map((l, i) => `${l},${followUp[i]!.replace('T', inWindow[i]!).replace('L', late[i]!)}`)].join('\n') + '\n',
  );

describe('importCsv: follow-up points (followUps.<point>.…)', () => {
  it('lists a follow-up point\'s columns among the plan\'s fields', () => {
    const fields = csvFields(plan).clients.map((f) => f.field);
    expect(fields.filter((f) => f.startsWith('followUps.'))).toEqual([
      'followUps.12m.date',
      'followUps.12m.status',
      'followUps.12m.measures.tilltro-nykterhet',
      ...['respekt', 'lyssnad', 'information', 'inflytande', 'nojd', 'rekommendera'].map((i) => `followUps.12m.views.${i}`),
    ]);
  });

  it('reads date, status as a word (Swedish or English, any case) or code, the measures and the views', () => {
    const result = importCsv(plan, { clients: csv('T,Nådd,5,Instämmer helt', 'T,ej nådd,,', 'T,Declined,,') }, mapping);
    expect(result.issues).toEqual([]);
    const [a, b, c] = result.records;
    // "Instämmer helt" read as the national item's own option of that label.
    const respekt = viewItems(plan).find((i) => i.id === 'respekt')!;
    const helt = respekt.kind === 'ordinal' ? respekt.options.find((o) => o.label.sv === 'Instämmer helt')!.value : undefined;
    expect(a!.followUps).toEqual([{ point: '12m', date: inWindow[0], status: 'reached', measures: { 'tilltro-nykterhet': 5 }, views: { respekt: helt } }]);
    expect(b!.followUps).toEqual([{ point: '12m', date: inWindow[1], status: 'not_reached', measures: {} }]);
    expect(c!.followUps).toEqual([{ point: '12m', date: inWindow[2], status: 'declined', measures: {} }]);
  });

  it('reads the status codes and the other words (nåddes, inte nådd, avböjde)', () => {
    const statuses = (s: [string, string, string]) =>
      importCsv(plan, { clients: csv(`T,${s[0]},,`, `T,${s[1]},,`, `T,${s[2]},,`) }, mapping).records.map((r) => r.followUps[0]?.status);
    expect(statuses(['reached', 'not_reached', 'declined'])).toEqual(['reached', 'not_reached', 'declined']);
    expect(statuses(['nåddes', 'Inte  nådd', 'AVBÖJDE'])).toEqual(['reached', 'not_reached', 'declined']);
  });

  it('leaves a client without follow-up cells without a follow-up', () => {
    const result = importCsv(plan, { clients: csv(',,,', ',,,', ',,,') }, mapping);
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r.followUps)).toEqual([[], [], []]);
  });

  it('names line, column, value and rule for an unknown status, in Swedish and English; the row is left out', () => {
    const result = importCsv(plan, { clients: csv('T,kanske,5,', 'T,ej nådd,,', 'T,avböjde,,') }, mapping);
    expect(result.records.map((r) => r.clientId)).toEqual(['bk-02-39e0', 'bk-03-10d1']);
    expect(result.issues).toHaveLength(1);
    const [i] = result.issues;
    expect(i).toMatchObject({ file: 'clients', line: 2, column: 'Uppföljning 12 mån', field: 'followUps.12m.status', issue: { rule: 'unknown_code' } });
    for (const lang of ['sv', 'en'] as const) {
      const text = formatRowIssue(i!, lang);
      expect(text).toContain('kanske');
      expect(text).toContain('not_reached');
      expect(text).toContain('Uppföljning 12 mån');
    }
  });

  it('points the plan rules back to the column: a date outside the window, a measure when not reached (at the status), a value off the scale', () => {
    // Client 1's follow-up two years after closing lies outside the 12-month window (±30 days).
    const result = importCsv(plan, { clients: csv('L,nådd,5,', 'T,ej nådd,4,', 'T,nådd,99,') }, mapping);
    expect(result.records).toEqual([]);
    expect(result.issues.map((i) => [i.line, i.column, i.issue.rule])).toEqual([
      [2, 'Uppföljning 12 mån datum', 'outside_window'],
      [3, 'Uppföljning 12 mån', 'measured_not_reached'],
      [4, 'Tilltro 12 mån', expect.any(String)],
    ]);
    expect(formatRowIssue(result.issues[2]!, 'en')).toContain('99');
  });
});
