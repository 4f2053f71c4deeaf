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

describe('importCsv: mapping keys naming a follow-up point, view item or instrument the plan lacks', () => {
  const rows = csv('T,Nådd,5,Instämmer helt', 'T,ej nådd,,', 'T,Declined,,');
  /** The header problems of the import with these extra mapping keys: [field, part, value, known]. */
  const problems = (columns: Record<string, string>, codes: Record<string, Record<string, string>> = {}, on = plan) => {
    const result = importCsv(on, { clients: rows }, CsvMappingSchema.parse({ ...mapping, columns: { ...mapping.columns, ...columns }, codes: { ...mapping.codes, ...codes } }));
    // A mapping error stops the import: no row becomes a record, every row is counted as rejected.
    expect(result.records).toEqual([]);
    expect(result.rejected).toBe(3);
    return result.issues.filter((i) => i.line === 1).map((i) => [i.field, i.issue.rule, i.issue.params.part ?? null, i.issue.params.value ?? null, i.issue.params.known ?? null]);
  };
  const items = ['respekt', 'lyssnad', 'information', 'inflytande', 'nojd', 'rekommendera'];

  it('a follow-up point the plan does not have, in columns or in codes', () => {
    expect(problems({ 'followUps.6m.date': 'Tilltro 12 mån' })).toEqual([['followUps.6m.date', 'unknown_field', 'follow_up_point', '6m', ['12m']]]);
    expect(problems({}, { 'followUps.6m.status': { N: 'reached' } })).toEqual([['codes.followUps.6m.status', 'unknown_field', 'follow_up_point', '6m', ['12m']]]);
  });

  it('a view item the questionnaire lacks, and answers at a point the questionnaire is not asked at', () => {
    expect(problems({ 'followUps.12m.views.trygg': 'Respekt 12 mån' })).toEqual([['followUps.12m.views.trygg', 'unknown_field', 'view_item', 'trygg', items]]);
    expect(problems({ 'after.views.trygg': 'Respekt 12 mån' })).toEqual([['after.views.trygg', 'unknown_field', 'view_item', 'trygg', items]]);
    const afterOnly = parsePlan({ ...bjorkeboPlan, followUps: [{ id: '12m', label: { sv: '12 månader efter', en: '12 months after' }, monthsAfter: 12, measures: ['tilltro-nykterhet'] }] });
    expect(problems({}, {}, afterOnly)).toEqual([['followUps.12m.views.respekt', 'unknown_field', 'views_point', '12m', ['after']]]);
  });

  it('an instrument not measured at that step or point', () => {
    expect(problems({ 'after.measures.audit': 'Respekt 12 mån' })).toEqual([['after.measures.audit', 'unknown_field', 'instrument', 'audit', ['tilltro-nykterhet']]]);
    expect(problems({ 'followUps.12m.measures.dudit': 'Respekt 12 mån' })).toEqual([['followUps.12m.measures.dudit', 'unknown_field', 'instrument', 'dudit', ['tilltro-nykterhet']]]);
  });

  it('says which key, which value and the allowed ids, in Swedish and English', () => {
    const result = importCsv(plan, { clients: rows }, CsvMappingSchema.parse({ ...mapping, columns: { ...mapping.columns, 'followUps.6m.date': 'Tilltro 12 mån', 'followUps.12m.measures.dudit': 'Respekt 12 mån' } }));
    const [point, instrument] = result.issues.filter((i) => i.line === 1);
    expect(formatRowIssue(point!, 'sv')).toBe('klientfilen rad 1, kolumn "Tilltro 12 mån" (followUps.6m.date): mappningen pekar på "followUps.6m.date", men planen har ingen efteruppföljning "6m" (planen har: "12m") [unknown_field]');
    expect(formatRowIssue(point!, 'en')).toBe('clients line 1, column "Tilltro 12 mån" (followUps.6m.date): the mapping points to "followUps.6m.date", but the plan has no follow-up point "6m" (the plan has: "12m") [unknown_field]');
    expect(formatRowIssue(instrument!, 'sv')).toBe('klientfilen rad 1, kolumn "Respekt 12 mån" (followUps.12m.measures.dudit): mappningen pekar på "followUps.12m.measures.dudit", men planen mäter inte "dudit" vid efteruppföljningen "12m" (planen har: "tilltro-nykterhet") [unknown_field]');
    expect(formatRowIssue(instrument!, 'en')).toBe('clients line 1, column "Respekt 12 mån" (followUps.12m.measures.dudit): the mapping points to "followUps.12m.measures.dudit", but the plan does not measure "dudit" at the follow-up "12m" (the plan has: "tilltro-nykterhet") [unknown_field]');
  });
});
