/**
 * The streaming import's fast row reader against the full row path: over
 * random rows (fixture rows with cells taken from other rows, left empty or
 * made bad, ids repeated, clients with during events), with the mapping as
 * it is, with a decimal comma and with a goal area's own recode table, and
 * on a plan with a number background variable, the stream's way of reading a
 * row (fast reader, else the full path) gives the same record for every row
 * as the full path alone (importCsv's way), and the same issues. The fast
 * reader must take most good rows (else the property would say nothing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvMappingSchema, parsePlan, type Plan } from '../../src/index.js';
import { parseChecked } from '../../src/io/csv.js';
import { csvFieldsChecked, type CsvMapping } from '../../src/io/mapping.js';
import { cells, clientRow, groupDuring, identityFields, resolveColumns, type RowIssue, type RowsInput } from '../../src/io/import.js';
import { fastRowReader } from '../../src/io/fast-row.js';
import { IdLines } from '../../src/io/id-table.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import type { Rule } from '../../src/core/issue.js';

const F = join(import.meta.dirname, '..', 'fixtures', 'cli');
const baseMapping = CsvMappingSchema.parse(JSON.parse(readFileSync(join(F, 'mapping.json'), 'utf8')));
const [headerLine, ...rows] = readFileSync(join(F, 'clean.csv'), 'utf8').trimEnd().split('\n');
const header = headerLine!.split(',');
const during = readFileSync(join(F, 'clean-during.csv'), 'utf8').trimEnd().split('\n').slice(0, 60);

const plainPlan = parsePlan(bjorkeboPlan);
// A plan with a whole-number background variable in bands, and its column.
const childrenPlan = parsePlan({
  ...bjorkeboPlan,
  background: [...(bjorkeboPlan.background ?? []), { id: 'barn', label: { sv: 'Antal barn', en: 'Children' }, kind: 'number', integer: true, min: 0, max: 12, bands: [{ from: 0, to: 0 }, { from: 1 }] }],
});

// A plan in half-years of 2019 only: a start in 2018 is outside its periods.
const periodPlan = parsePlan({ ...bjorkeboPlan, period: { from: '2019-01-01', to: '2019-12-31' }, periodBy: 'half_year' });

// Cells that break a rule, or look as if they might, or read in one mapping and not another.
const odd = ['', ' ', 'x', '2019-02-30', '2018-12-31', '2020-01-01', '2019-13-01', '2019-1-5', '2020-02-21 00:00', '999', '-1', '131', '3,5', '3.5', '2', '0', '7', 'ja', 'NEJ', 'Nej ', 'j', 'Annat', 'completed', 'Sammanbrott', 'sammanbrott',
  'Fullföljd', 'K', 'kvinna', 'Man', 'hälsa', 'Hälsa', 'ekonomi', 'alkohol', 'ALKOHOL', 'constructor', '19900321-2389', '900321-2389', 'bk-01-896c', 'Vet inte', 'instämmer helt', '1e3', '١'];

const rowArb = fc.record({
  base: fc.nat(rows.length - 1),
  // cells changed: a column, and either another row's value in that column or an odd one
  edits: fc.array(fc.tuple(fc.nat(header.length - 1), fc.oneof({ weight: 1, arbitrary: fc.nat(rows.length - 1) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 3, arbitrary: fc.constantFrom(...odd) })), { maxLength: 2 }),
  // a run of columns from another row (so that parts of two clients meet: a closing and a withdrawal, dates out of order)
  splice: fc.option(fc.tuple(fc.nat(rows.length - 1), fc.nat(header.length - 1), fc.nat(header.length - 1))),
  // another start (outside a plan's periods, after the closing)
  start: fc.option(fc.constantFrom('2018-12-31', '2019-01-01', '2019-12-31', '2020-01-01'), { freq: 5 }),
  // a withdrawal written in (on a closed row too, and before or after the start)
  withdraw: fc.option(fc.tuple(fc.constantFrom('2018-01-01', '2019-06-01', '2020-12-31'), fc.constantFrom('Sammanbrott', 'Flyttat', 'Avböjt', 'Fullföljd', 'annat')), { freq: 4 }),
  // the row's own id, an earlier row's, or an odd one (empty, shaped like an identity number, …)
  id: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('own', 'repeat') }, { weight: 1, arbitrary: fc.constantFrom(...odd, 'x'.repeat(128), 'x'.repeat(129)) }),
});

function check(plan: Plan, mapping: CsvMapping, extra: (row: number) => string | undefined, edits: readonly { base: number; edits: [number, number | string][]; splice: [number, number, number] | null; withdraw: [string, string] | null; start: string | null; id: string }[]) {
  const cols = [...header, ...(extra(0) === undefined ? [] : ['Antal barn'])];
  const lines = edits.map((e, k) => {
    const fields = rows[e.base]!.split(',');
    const more = extra(k);
    if (more !== undefined) fields.push(more);
    if (e.splice !== null) {
      const [other, a, b] = e.splice;
      const from = rows[other]!.split(',');
      for (let c = Math.min(a, b); c <= Math.max(a, b); c++) fields[c] = from[c]!;
    }
    if (e.start !== null) fields[header.indexOf('Startdatum')] = e.start;
    if (e.withdraw !== null) [fields[header.indexOf('Avförd datum')], fields[header.indexOf('Avförd orsak')]] = e.withdraw;
    for (const [at, value] of e.edits) fields[at % fields.length] = typeof value === 'number' ? rows[value]!.split(',')[at % header.length]! : value;
    if (e.id === 'own') fields[0] = `f-${k}`;
    else if (e.id === 'repeat') fields[0] = `f-${Math.max(0, k - 3)}`;
    else fields[0] = e.id;
    return fields.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',');
  });
  const table = parseChecked([cols.join(','), ...lines].join('\n'), ',');
  const m = extra(0) === undefined ? mapping : CsvMappingSchema.parse({ ...mapping, columns: { ...mapping.columns, 'before.background.barn': 'Antal barn' } });
  const fields = csvFieldsChecked(plan);
  const headerIssues: RowIssue[] = [];
  const columnOf = resolveColumns(table.header, identityFields(fields.clients, table.header, m, false, 'clients'), m.columns, 'clients', headerIssues);
  expect(headerIssues).toEqual([]);
  // During events for some clients (f-7, f-14, …): the fast reader leaves them to the full path.
  const duringTable = parseChecked(during.map((l, i) => (i === 0 ? l : l.replace(/^[^,]*/, `f-${i * 7}`))).join('\n'), ',');
  const dColumns = resolveColumns(duringTable.header, identityFields(fields.during, duringTable.header, m, false, 'during'), m.duringColumns, 'during', []);
  const { events } = groupDuring(duringTable.rows.map((r) => ({ line: r.line, cells: cells(r, dColumns, duringTable.header) })), m, undefined, [], () => {});
  const input: RowsInput = { plan, mapping: m, table, columnOf, rowProblems: new Map(), missing: new Set(), blocked: undefined, events, pseudonymize: undefined, tick: () => {} };
  const streamLines = new IdLines();
  const wholeLines = new Map<string, number>();
  const fast = fastRowReader(input, streamLines)!;
  expect(fast).toBeDefined();
  const streamIssues: RowIssue[] = [];
  const wholeIssues: RowIssue[] = [];
  const streamCounts: Partial<Record<Rule, number>> = {};
  const wholeCounts: Partial<Record<Rule, number>> = {};
  let taken = 0;
  let good = 0;
  for (const row of table.rows) {
    const whole = clientRow(input, row, wholeLines, wholeIssues, (r) => (wholeCounts[r] = (wholeCounts[r] ?? 0) + 1));
    const sure = fast.row(row);
    if (sure !== undefined) {
      taken++;
      expect(sure).toEqual(whole.record);
    } else {
      const slow = clientRow(input, row, streamLines, streamIssues, (r) => (streamCounts[r] = (streamCounts[r] ?? 0) + 1));
      expect(slow).toEqual(whole);
    }
    if (whole.record !== undefined) good++;
  }
  expect(streamIssues).toEqual(wholeIssues);
  expect(streamCounts).toEqual(wholeCounts);
  for (const [id, line] of wholeLines) expect(streamLines.get(id)).toBe(line);
  expect(streamLines.size).toBe(wholeLines.size);
  return { taken, good };
}

describe('fastRowReader: the record the full path gives, or the full path', () => {
  const cases: [string, Plan, CsvMapping, (k: number) => string | undefined][] = [
    ['the mapping as it is', plainPlan, baseMapping, () => undefined],
    ['a decimal comma', plainPlan, CsvMappingSchema.parse({ ...baseMapping, decimal: ',' }), () => undefined],
    ['a goal area recoded', plainPlan, CsvMappingSchema.parse({ ...baseMapping, codes: { ...baseMapping.codes, 'goal.1.area': { Hälsa: 'ekonomi', x: 'halsa' } } }), () => undefined],
    ['a number background variable', childrenPlan, baseMapping, (k) => ['0', '2', '12', '13', '1,5', '', 'tre'][k % 7]],
    ['a plan in periods', periodPlan, baseMapping, () => undefined],
  ];
  for (const [name, plan, mapping, extra] of cases) {
    it(name, () => {
      let taken = 0;
      let good = 0;
      fc.assert(
        fc.property(fc.array(rowArb, { minLength: 20, maxLength: 40 }), (edits) => {
          const r = check(plan, mapping, extra, edits);
          taken += r.taken;
          good += r.good;
        }),
        { seed: 20261203, numRuns: 150 },
      );
      // Most good rows take the fast path (those with events or a repeated id do not).
      expect(taken).toBeGreaterThan(good * 0.7);
    }, 60_000);
  }
});
