import { issue, type Issue, type PathSegment } from '../core/issue.js';
import type { Locale } from '../core/locale.js';
import { ruleText } from '../locales/index.js';
import type { Plan } from '../plan/plan.js';
import type { ClientRecord } from '../record/schema.js';
import { validateRecordChecked } from '../record/validate.js';
import { bytesIssues, decodeChecked, parseChecked, type CsvEncoding, type CsvRow } from './csv.js';
import { csvFieldsChecked, validateCsvMapping, type CsvMapping } from './mapping.js';
import { dataIssues, localeIssues, optionsIssues, optionsOf, throwIfAny, typeName } from '../core/args.js';
import { planArg } from '../plan/plan.js';

/**
 * One problem in an imported file: which file, line and column, and the issue.
 *
 * @example
 * ```ts
 * const { issues } = importCsv(plan, { clients: 'enrolled;age;gender\n2019-01-07;34;man\n' }, CsvMappingSchema.parse({}));
 * const first: RowIssue = issues[0]!; // { file: 'clients', line: 1, column: 'clientId', field: 'clientId', issue }
 * formatRowIssue(first, 'en');
 * // => 'clients line 1, column "clientId": the column "clientId" (for clientId) is missing from the file [missing_column]'
 * ```
 */
export interface RowIssue {
  /** `clients` (one row per client) or `during` (the long file of events). */
  readonly file: 'clients' | 'during';
  /** The line in the file (the header is line 1); 1 for problems with the header itself. */
  readonly line: number;
  /** The export's column name, when the problem belongs to one column. */
  readonly column: string | null;
  /** The plan field the column maps to (see {@link csvFields}). */
  readonly field: string | null;
  /** The problem, with its path in the record it would have become. */
  readonly issue: Issue;
}

/**
 * Progress of a long import: rows done of all rows.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('clientId;enrolled;age;gender\nk-1;2019-01-07;34;man\n'); // e.g. a file read
 * importCsv(plan, { clients: bytes }, CsvMappingSchema.parse({}), {
 *   onProgress: ({ done, total }: ImportProgress) => console.log(`${done} of ${total} rows`),
 * });
 * ```
 */
export interface ImportProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * What {@link importCsv} needs: the clients file and, optionally, the long file of during events.
 *
 * @example
 * ```ts
 * const input: CsvInput = {
 *   clients: 'clientId;enrolled;age;gender;before.date;before.mainProblem\nk-1;2019-01-07;34;man;2019-01-14;alkohol\n',
 *   during: 'clientId;kind;date;measure;value\nk-1;measure;2019-01-21;urinprov;0\n',
 * };
 * importCsv(plan, input, CsvMappingSchema.parse({})).records[0]?.during.length;
 * // => 1
 * ```
 */
export interface CsvInput {
  /** The clients file, as bytes (encoding detected) or already decoded text. */
  readonly clients: Uint8Array | string;
  /** The during events, one row per event. */
  readonly during?: Uint8Array | string;
}

/**
 * The outcome of an import: every valid record, and every problem found.
 *
 * @example
 * ```ts
 * const mapping = CsvMappingSchema.parse({ columns: { clientId: 'Löpnummer', age: 'Ålder', gender: 'Kön' }, codes: { gender: { K: 'kvinna', M: 'man' } } });
 * const result: CsvImport = importCsv(plan, { clients: 'Löpnummer;enrolled;Ålder;Kön\nk-1;2019-01-07;34;M\nk-2;2019-01-09;trettio;K\n' }, mapping);
 * [result.rows, result.records.length, result.rejected];
 * // => [2, 1, 1]
 * result.issues.map((i) => formatRowIssue(i, 'en'));
 * // => ['clients line 3, column "Ålder" (age): "trettio" is not a number [not_a_number]']
 * ```
 */
export interface CsvImport {
  /** Records that passed every check against the plan, in file order. */
  readonly records: readonly ClientRecord[];
  /** Every problem, ordered by file and line. A row with any problem gives no record. */
  readonly issues: readonly RowIssue[];
  /** Data rows in the clients file; `records.length + rejected === rows`. */
  readonly rows: number;
  /** Client rows that gave no record. */
  readonly rejected: number;
  readonly encoding: CsvEncoding;
  readonly separator: ';' | ',';
}

const REASON_WORDS: Readonly<Record<string, string>> = {
  fullföljd: 'completed',
  fullföljt: 'completed',
  avslutad: 'completed',
  sammanbrott: 'breakdown',
  flyttat: 'moved',
  flytt: 'moved',
  avböjt: 'declined',
  avböjde: 'declined',
  annat: 'other',
  'annan orsak': 'other',
};
const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sant', '1', 'x']);
const NO = new Set(['nej', 'n', 'no', 'false', 'falskt', '0']);
const KIND_WORDS: Readonly<Record<string, string>> = {
  mätning: 'measure',
  prov: 'measure',
  besök: 'session',
  träff: 'session',
  avvikelse: 'deviation',
};

/**
 * A table's own entry for a key: a cell reading `constructor` or `toString`
 * is a value like any other, not a property inherited from Object.prototype.
 */
const own = (table: Readonly<Record<string, string>> | undefined, key: string): string | undefined =>
  table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

/** The recode table of a field, if the mapping has its own. */
const recodeTable = (codes: CsvMapping['codes'], field: string): Readonly<Record<string, string>> | undefined =>
  Object.hasOwn(codes, field) ? codes[field] : undefined;

type Cell = { value: string; column: string };

/** Reads the cells of one row through the header → field map. */
function cells(row: CsvRow, columnOf: ReadonlyMap<string, number>, names: readonly string[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const [field, index] of columnOf) {
    const value = (row.fields[index] ?? '').trim();
    if (value !== '') out.set(field, { value, column: names[index]! });
  }
  return out;
}

/** Resolves which column holds which field, reporting mapped or required columns that are missing. */
function resolveColumns(
  header: readonly string[],
  fields: readonly { field: string; required: boolean }[],
  mapped: Readonly<Record<string, string>>,
  file: 'clients' | 'during',
  issues: RowIssue[],
): Map<string, number> {
  const known = new Set(fields.map((f) => f.field));
  for (const field of Object.keys(mapped)) {
    if (!known.has(field)) {
      issues.push({ file, line: 1, column: mapped[field]!, field, issue: issue([field], 'unknown_field', { field }) });
    }
  }
  const index = new Map<string, number>();
  header.forEach((name, i) => index.set(name.toLowerCase(), i));
  const columnOf = new Map<string, number>();
  for (const { field, required } of fields) {
    const column = mapped[field] ?? field;
    const at = index.get(column.toLowerCase());
    if (at !== undefined) columnOf.set(field, at);
    else if (required || mapped[field] !== undefined) {
      issues.push({ file, line: 1, column, field, issue: issue([field], 'missing_column', { column, field }) });
    }
  }
  return columnOf;
}

/** Maps an export value to a plan code: the mapping's recode table, then codes and labels of the categories. */
function code(
  field: string,
  value: string,
  mapping: CsvMapping,
  categories: readonly { code: string; label: { sv: string; en: string } }[] | undefined,
): string {
  const recoded = own(recodeTable(mapping.codes, field), value);
  if (recoded !== undefined) return recoded;
  const lower = value.toLowerCase();
  if (categories) {
    const hit = categories.find(
      (c) => c.code === lower || c.label.sv.toLowerCase() === lower || c.label.en.toLowerCase() === lower,
    );
    if (hit) return hit.code;
  }
  return value;
}

/** Parses a number written the Swedish or the English way; undefined if it is not one. */
function parseNumber(raw: string, decimal: ',' | '.' | undefined): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  const pattern = decimal === ',' ? /^[+-]?\d+(,\d+)?$/ : decimal === '.' ? /^[+-]?\d+(\.\d+)?$/ : /^[+-]?\d+([.,]\d+)?$/;
  if (!pattern.test(s)) return undefined;
  return Number(s.replace(',', '.'));
}

/** A date from a spreadsheet: `YYYY-MM-DD`, optionally followed by a midnight time. */
const cleanDate = (value: string): string => value.replace(/^(\d{4}-\d{2}-\d{2})[ T]00:00(:00)?$/, '$1');

/** Converts one field; returns an issue instead when the text cannot be that field's type. */
type Conv = { ok: true; value: unknown } | { ok: false; issue: Issue };

function toNumber(cell: Cell, path: readonly PathSegment[], decimal: ',' | '.' | undefined): Conv {
  const n = parseNumber(cell.value, decimal);
  return n === undefined ? { ok: false, issue: issue(path, 'not_a_number', { value: cell.value }) } : { ok: true, value: n };
}

function toBoolean(cell: Cell, path: readonly PathSegment[]): Conv {
  const v = cell.value.toLowerCase();
  if (YES.has(v)) return { ok: true, value: true };
  if (NO.has(v)) return { ok: true, value: false };
  return { ok: false, issue: issue(path, 'not_a_boolean', { value: cell.value }) };
}

/** Where in the record each field goes, so issues on record paths lead back to a column. */
function fieldOfPath(path: readonly PathSegment[], goalNumbers: readonly number[]): string | null {
  const [a, b, c, d] = path;
  if (a === 'before' && b === 'goals' && typeof c === 'number') {
    return `goal.${goalNumbers[c] ?? c + 1}.${d === undefined ? 'statement' : String(d)}`;
  }
  if (a === 'after' && b === 'goalsMet') {
    return `goal.${typeof c === 'number' ? (goalNumbers[c] ?? c + 1) : (goalNumbers[0] ?? 1)}.met`;
  }
  if (a === 'before' && (b === 'measures' || b === 'background') && c !== undefined) return `before.${b}.${String(c)}`;
  if (a === 'after' && b === 'measures' && c !== undefined) return `after.measures.${String(c)}`;
  if ((a === 'before' || a === 'after' || a === 'withdrawal') && b === undefined) return `${a}.date`;
  if (a === 'withdrawal' || a === 'after' || a === 'before') return `${a}.${String(b)}`;
  return a === undefined ? null : String(a);
}

interface Built {
  record: Record<string, unknown>;
  issues: Issue[];
  goalNumbers: number[];
}

/** Builds one client's record (as data, not yet validated) from its row's cells. */
function buildRecord(plan: Plan, row: Map<string, Cell>, mapping: CsvMapping): Built {
  const issues: Issue[] = [];
  const get = (field: string) => row.get(field);
  const str = (field: string, categories?: readonly { code: string; label: { sv: string; en: string } }[]) => {
    const cell = get(field);
    return cell === undefined ? undefined : code(field, cell.value, mapping, categories);
  };
  const num = (field: string, path: readonly PathSegment[]) => {
    const cell = get(field);
    if (cell === undefined) return undefined;
    const r = toNumber(cell, path, mapping.decimal);
    if (r.ok) return r.value;
    issues.push(r.issue);
    return undefined;
  };
  const reason = (field: string) => {
    const cell = get(field);
    if (cell === undefined) return undefined;
    const recoded = own(recodeTable(mapping.codes, field), cell.value);
    return recoded ?? own(REASON_WORDS, cell.value.toLowerCase()) ?? cell.value.toLowerCase();
  };
  const date = (field: string) => {
    const v = get(field)?.value;
    return v === undefined ? undefined : cleanDate(v);
  };

  const record: Record<string, unknown> = {
    planId: plan.id,
    clientId: get('clientId')?.value,
    intervention:
      str('intervention', plan.interventions) ?? (plan.interventions.length === 1 ? plan.interventions[0]!.code : undefined),
    enrolled: date('enrolled'),
    age: num('age', ['age']),
    gender: str('gender', plan.grouping.genders),
  };

  const hasAny = (prefix: string) => [...row.keys()].some((k) => k.startsWith(prefix));
  const goalNumbers: number[] = [];
  if (hasAny('before.') || hasAny('goal.')) {
    const background: Record<string, unknown> = {};
    for (const b of plan.background) {
      const field = `before.background.${b.id}`;
      const cell = get(field);
      if (cell === undefined) continue;
      const path = ['before', 'background', b.id];
      if (b.kind === 'category') background[b.id] = code(field, cell.value, mapping, b.options);
      else if (b.kind === 'number') background[b.id] = num(field, path);
      else {
        const r = toBoolean(cell, path);
        if (r.ok) background[b.id] = r.value;
        else issues.push(r.issue);
      }
    }
    const measures: Record<string, unknown> = {};
    for (const m of plan.measures.before) {
      const v = num(`before.measures.${m}`, ['before', 'measures', m]);
      if (v !== undefined) measures[m] = v;
    }
    const goals: Record<string, unknown>[] = [];
    for (let n = 1; n <= 9; n++) {
      const p = `goal.${n}.`;
      if (!get(`${p}statement`) && !get(`${p}area`) && !get(`${p}target`)) continue;
      const i = goals.length;
      goalNumbers.push(n);
      const goal: Record<string, unknown> = { statement: get(`${p}statement`)?.value };
      const area = str(`${p}area`, plan.goalAreas);
      if (area !== undefined) goal.area = area;
      const target = num(`${p}target`, ['before', 'goals', i, 'target']);
      if (target !== undefined) goal.target = target;
      goals.push(goal);
    }
    record.before = {
      date: date('before.date'),
      mainProblem: str('before.mainProblem', plan.mainProblems),
      background,
      goals,
      measures,
    };
  }

  if (hasAny('after.')) {
    const measures: Record<string, unknown> = {};
    for (const m of plan.measures.after) {
      const v = num(`after.measures.${m}`, ['after', 'measures', m]);
      if (v !== undefined) measures[m] = v;
    }
    const after: Record<string, unknown> = { date: date('after.date'), reason: reason('after.reason'), measures };
    const met = goalNumbers.map((n, i) => {
      const cell = get(`goal.${n}.met`);
      if (cell === undefined) return undefined;
      const r = toBoolean(cell, ['after', 'goalsMet', i]);
      if (r.ok) return r.value;
      issues.push(r.issue);
      return null;
    });
    if (met.some((m) => m !== undefined)) after.goalsMet = met;
    record.after = after;
  }

  if (hasAny('withdrawal.')) {
    record.withdrawal = { date: date('withdrawal.date'), reason: reason('withdrawal.reason') };
  }
  return { record, issues, goalNumbers };
}

/** Builds one during event from its row's cells. */
function buildEvent(row: Map<string, Cell>, mapping: CsvMapping, issues: Issue[]): Record<string, unknown> {
  const kindCell = row.get('kind');
  const kindRaw = kindCell ? (own(recodeTable(mapping.codes, 'kind'), kindCell.value) ?? kindCell.value.toLowerCase()) : undefined;
  const kind =
    kindRaw !== undefined
      ? (own(KIND_WORDS, kindRaw) ?? kindRaw)
      : row.has('measure') || row.has('value')
        ? 'measure'
        : row.has('attended')
          ? 'session'
          : 'deviation';
  const dateValue = row.get('date')?.value;
  const event: Record<string, unknown> = { kind, date: dateValue === undefined ? undefined : cleanDate(dateValue) };
  if (kind === 'measure') {
    const measure = row.get('measure');
    event.measure = measure ? code('measure', measure.value, mapping, undefined) : undefined;
    const value = row.get('value');
    if (value) {
      const r = toNumber(value, ['value'], mapping.decimal);
      if (r.ok) event.value = r.value;
      else issues.push(r.issue);
    }
  } else if (kind === 'session') {
    const attended = row.get('attended');
    if (attended) {
      const r = toBoolean(attended, ['attended']);
      if (r.ok) event.attended = r.value;
      else issues.push(r.issue);
    }
  } else {
    const note = row.get('note');
    if (note) event.note = note.value;
  }
  return event;
}

const text = (input: Uint8Array | string, encoding: CsvEncoding | undefined) =>
  typeof input === 'string' ? { text: input, encoding: encoding ?? ('utf-8' as const) } : decodeChecked(input, encoding);

/** Issues for a file of the input: text or bytes (none when an optional file is left out). */
function fileIssues(file: unknown, path: readonly PathSegment[], required: boolean): Issue[] {
  if (file === undefined) return required ? [issue(path, 'required')] : [];
  return typeof file === 'string' ? [] : bytesIssues(file, path);
}

/** Checks importCsv's arguments once, before any row is read; throws every issue found. */
function importArgs(
  plan: unknown,
  input: unknown,
  mapping: unknown,
  options: unknown,
): { plan: Plan; input: CsvInput; mapping: CsvMapping; onProgress: ((progress: ImportProgress) => void) | undefined } {
  const { value: checkedPlan, issues } = planArg(plan);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    issues.push(input === undefined ? issue(['input'], 'required') : issue(['input'], 'type', { expected: 'object', received: typeName(input) }));
  } else if (dataIssues(input, ['input']).length > 0) {
    issues.push(...dataIssues(input, ['input']));
  } else {
    const files = input as Record<string, unknown>;
    issues.push(...fileIssues(files.clients, ['input', 'clients'], true), ...fileIssues(files.during, ['input', 'during'], false));
  }
  const m = validateCsvMapping(mapping);
  if (!m.success) issues.push(...m.issues.map((x) => ({ ...x, path: ['mapping', ...x.path] })));
  issues.push(...optionsIssues(options));
  const o = optionsOf(options);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    issues.push(issue(['options', 'onProgress'], 'type', { expected: 'function', received: typeName(o.onProgress) }));
  }
  throwIfAny(issues);
  return { plan: checkedPlan, input: input as CsvInput, mapping: (m as { data: CsvMapping }).data, onProgress: o.onProgress as (progress: ImportProgress) => void };
}

/** Import stage: decode and parse the clients file, its parse problems as row issues, and its header mapped to fields. */
function readClients(
  bytes: CsvInput['clients'],
  mapping: CsvMapping,
  fields: Parameters<typeof resolveColumns>[1],
  issues: RowIssue[],
) {
  const decoded = text(bytes, mapping.encoding);
  const table = parseChecked(decoded.text, mapping.separator);
  const rowProblems = new Map<number, true>();
  for (const i of table.issues) {
    const line = Number(i.path[0]);
    rowProblems.set(line, true);
    issues.push({ file: 'clients', line, column: null, field: null, issue: { ...i, path: [] } });
  }
  const columnOf = resolveColumns(table.header, fields, mapping.columns, 'clients', issues);
  return { decoded, table, rowProblems, columnOf };
}

/** Import stage: decode and parse the during file, if there is one, into its rows' cells; `duringBroken` when its header does not map. */
function readDuring(
  bytes: CsvInput['during'],
  mapping: CsvMapping,
  fields: Parameters<typeof resolveColumns>[1],
  issues: RowIssue[],
) {
  const duringCells: { line: number; cells: Map<string, Cell> }[] = [];
  if (bytes === undefined) return { duringCells, duringBroken: false };
  const d = text(bytes, mapping.encoding);
  const dt = parseChecked(d.text, mapping.separator);
  for (const i of dt.issues) {
    issues.push({ file: 'during', line: Number(i.path[0]), column: null, field: null, issue: { ...i, path: [] } });
  }
  const before = issues.length;
  const dColumnOf = resolveColumns(dt.header, fields, mapping.duringColumns, 'during', issues);
  const duringBroken = issues.length > before;
  for (const row of dt.rows) duringCells.push({ line: row.line, cells: cells(row, dColumnOf, dt.header) });
  return { duringCells, duringBroken };
}

/** Import stage: the during rows as events (their own problems as row issues), grouped by client id with their line numbers. */
function groupDuring(
  duringCells: readonly { line: number; cells: Map<string, Cell> }[],
  mapping: CsvMapping,
  issues: RowIssue[],
  tick: () => void,
) {
  const events = new Map<string, { line: number; event: Record<string, unknown> }[]>();
  const duringRowsByClient = new Map<string, number[]>();
  for (const { line, cells: c } of duringCells) {
    const id = c.get('clientId')?.value ?? '';
    const own: Issue[] = [];
    const event = buildEvent(c, mapping, own);
    for (const i of own) {
      const field = String(i.path[0]);
      issues.push({ file: 'during', line, column: c.get(field)?.column ?? null, field, issue: { ...i, path: ['during', ...i.path] } });
    }
    const list = events.get(id) ?? [];
    list.push({ line, event });
    events.set(id, list);
    const lines = duringRowsByClient.get(id) ?? [];
    lines.push(line);
    duringRowsByClient.set(id, lines);
    tick();
  }
  return { events, duringRowsByClient };
}

/** Import stage: a during row whose client id is in no clients row is an unknown client (unless the id column is missing). */
function unknownClientIssues(
  duringRowsByClient: ReadonlyMap<string, readonly number[]>,
  firstLine: ReadonlyMap<string, number>,
  missing: ReadonlySet<string | null>,
  issues: RowIssue[],
): void {
  for (const [id, lines] of duringRowsByClient) {
    if (!firstLine.has(id) && !missing.has('clientId')) {
      for (const line of lines) {
        issues.push({ file: 'during', line, column: null, field: 'clientId', issue: issue(['clientId'], 'unknown_client', { value: id }) });
      }
    }
  }
}

/**
 * Imports a spreadsheet export: one row per client (see {@link csvFields}
 * for the columns) and, optionally, a long file with one row per during
 * event. Columns are matched to the plan's fields through a mapping (or by
 * name), values are recoded to the plan's codes, numbers may use a decimal
 * comma, and every record is validated against the plan with
 * {@link validateRecord}. Every bad row is reported with its line, column and
 * reason; a row with any problem gives no record, and nothing is dropped
 * silently (`records.length + rejected === rows`).
 *
 * @param plan - a validated plan (as {@link parsePlan} returns it)
 * @param input - the clients file and, optionally, the during file (text or bytes)
 * @param mapping - the mapping (see {@link CsvMappingSchema}); `{}` matches columns by field name
 * @param options - `onProgress` is called every 1,000 rows and at the end
 * @returns the valid records and every problem found
 * @throws UppfoljningError, before any row is read, for arguments that are
 *   not what is described here (paths `plan.…`, `input.clients`,
 *   `input.during`, `mapping.…`, `options.onProgress`); problems in the
 *   files themselves are returned, not thrown
 *
 * @example
 * ```ts
 * const result = importCsv(plan, { clients: 'clientId;enrolled;age;gender\nk-1;2019-01-07;34;Man\n' }, CsvMappingSchema.parse({}));
 * result.records[0]?.gender;
 * // => 'man'
 * ```
 */
export function importCsv(
  plan: Plan,
  input: CsvInput,
  mapping: CsvMapping,
  options: { readonly onProgress?: (progress: ImportProgress) => void } = {},
): CsvImport {
  const args = importArgs(plan, input, mapping, options);
  plan = args.plan;
  mapping = args.mapping;
  const onProgress = args.onProgress;
  const issues: RowIssue[] = [];
  const fields = csvFieldsChecked(plan);
  const { decoded, table, rowProblems, columnOf } = readClients(input.clients, mapping, fields.clients, issues);
  // A missing column blocks the import (no record would be complete), but
  // every row is still checked, so one run lists every problem.
  const missing = new Set(issues.filter((i) => i.line === 1).map((i) => i.field));
  const headerBroken = missing.size > 0;
  const { duringCells, duringBroken } = readDuring(input.during, mapping, fields.during, issues);
  const total = table.rows.length + duringCells.length;
  let done = 0;
  const tick = () => {
    done++;
    if (onProgress && (done % 1000 === 0 || done === total)) onProgress({ done, total });
  };

  const { events, duringRowsByClient } = groupDuring(duringCells, mapping, issues, tick);

  const records: ClientRecord[] = [];
  const firstLine = new Map<string, number>();
  let rejected = 0;
  for (const row of table.rows) {
    tick();
    const c = cells(row, columnOf, table.header);
    const built = buildRecord(plan, c, mapping);
    const id = typeof built.record.clientId === 'string' ? built.record.clientId : undefined;
    const own: RowIssue[] = [];
    const push = (i: Issue) => {
      const field = fieldOfPath(i.path, built.goalNumbers);
      if (missing.has(field)) return; // already reported once, as a missing column
      const cell = field ? c.get(field) : undefined;
      // zod does not report the input of a format issue; the cell has it.
      const fixed = cell && i.params.value === 'undefined' ? { ...i, params: { ...i.params, value: cell.value } } : i;
      own.push({ file: 'clients', line: row.line, column: field ? (cell?.column ?? columnName(field, columnOf, table.header)) : null, field, issue: fixed });
    };
    built.issues.forEach(push);
    if (id !== undefined) {
      const seen = firstLine.get(id);
      if (seen !== undefined) push(issue(['clientId'], 'duplicate_client', { value: id, line: seen }));
      else firstLine.set(id, row.line);
    }
    const clientEvents = id !== undefined ? (events.get(id) ?? []) : [];
    built.record.during = clientEvents.map((e) => e.event);
    if (built.issues.length === 0) {
      const result = validateRecordChecked(plan, built.record);
      if (!result.success) {
        for (const i of result.issues) {
          if (i.path[0] === 'during' && typeof i.path[1] === 'number') {
            const e = clientEvents[i.path[1]];
            const field = i.path[2] === undefined ? null : String(i.path[2]);
            own.push({ file: 'during', line: e?.line ?? row.line, column: null, field, issue: i });
          } else push(i);
        }
      } else if (own.length === 0 && !headerBroken && !duringBroken) records.push(result.data);
    }
    if (own.length > 0 || rowProblems.has(row.line) || headerBroken || duringBroken) rejected++;
    issues.push(...own);
  }
  // Rows the CSV parser could not read (wrong field count, unclosed quote) never became rows.
  const readLines = new Set(table.rows.map((r) => r.line));
  const unreadable = [...rowProblems.keys()].filter((l) => !readLines.has(l)).length;
  rejected += unreadable;
  unknownClientIssues(duringRowsByClient, firstLine, missing, issues);
  issues.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === 'clients' ? -1 : 1));
  return {
    records,
    issues,
    rows: table.rows.length + unreadable,
    rejected,
    encoding: decoded.encoding,
    separator: table.separator,
  };
}

function columnName(field: string, columnOf: ReadonlyMap<string, number>, header: readonly string[]): string | null {
  const i = columnOf.get(field);
  return i === undefined ? null : (header[i] ?? null);
}

/**
 * Renders one import problem as a line a person can act on: file, line,
 * column, what is wrong, and the rule's code.
 *
 * @param rowIssue - the problem, as {@link importCsv} reports it
 * @param locale - `sv` (default) or `en`
 * @returns one line of text
 * @throws UppfoljningError when `rowIssue` is not a row issue (path
 *   `rowIssue.…`) or the locale is neither `sv` nor `en` (path `locale`)
 *
 * @example
 * ```ts
 * formatRowIssue({ file: 'clients', line: 4, column: 'Ålder', field: 'age', issue: { path: ['age'], rule: 'not_a_number', params: { value: 'trettio' } } }, 'en');
 * // => 'clients line 4, column "Ålder" (age): "trettio" is not a number [not_a_number]'
 * ```
 */
export function formatRowIssue(rowIssue: RowIssue, locale: Locale = 'sv'): string {
  const issues = rowIssueIssues(rowIssue);
  issues.push(...localeIssues(locale, ['locale']));
  throwIfAny(issues);
  const file = locale === 'sv' ? (rowIssue.file === 'clients' ? 'klientfilen' : 'händelsefilen') : rowIssue.file;
  const where = locale === 'sv' ? `${file} rad ${rowIssue.line}` : `${file} line ${rowIssue.line}`;
  const column =
    rowIssue.column !== null
      ? `, ${locale === 'sv' ? 'kolumn' : 'column'} ${JSON.stringify(rowIssue.column)}${rowIssue.field && rowIssue.field !== rowIssue.column ? ` (${rowIssue.field})` : ''}`
      : rowIssue.field !== null
        ? ` (${rowIssue.field})`
        : '';
  return `${where}${column}: ${ruleText(rowIssue.issue.rule, rowIssue.issue.params, locale)} [${rowIssue.issue.rule}]`;
}

/** Issues for a value that is not a {@link RowIssue} (paths from `rowIssue`). */
function rowIssueIssues(value: unknown): Issue[] {
  const type = (path: readonly PathSegment[], expected: string, v: unknown) => issue(path, 'type', { expected, received: typeName(v) });
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return [value === undefined ? issue(['rowIssue'], 'required') : type(['rowIssue'], 'object', value)];
  const out: Issue[] = [];
  if (value.file !== 'clients' && value.file !== 'during') {
    out.push(issue(['rowIssue', 'file'], 'one_of', { values: ['clients', 'during'], value: typeof value.file === 'string' ? value.file : typeName(value.file) }));
  }
  if (typeof value.line !== 'number' || !Number.isInteger(value.line)) out.push(issue(['rowIssue', 'line'], 'integer', { value: typeof value.line === 'number' ? String(value.line) : typeName(value.line) }));
  for (const key of ['column', 'field'] as const) {
    if (value[key] !== null && typeof value[key] !== 'string') out.push(type(['rowIssue', key], 'string', value[key]));
  }
  const i = value.issue;
  if (!isObject(i)) out.push(type(['rowIssue', 'issue'], 'object', i));
  else {
    if (typeof i.rule !== 'string') out.push(type(['rowIssue', 'issue', 'rule'], 'string', i.rule));
    if (!isObject(i.params)) out.push(type(['rowIssue', 'issue', 'params'], 'object', i.params));
  }
  return out;
}
