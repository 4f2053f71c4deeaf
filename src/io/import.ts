import { issue, type Issue, type PathSegment, type Rule } from '../core/issue.js';
import type { Locale } from '../core/locale.js';
import { ruleText } from '../locales/index.js';
import type { Plan } from '../plan/plan.js';
import { FollowUpStatusSchema, type ClientRecord } from '../record/schema.js';
import { validateRecordChecked } from '../record/validate.js';
import { bytesIssues, decodeChecked, fileShapeRule, parseChecked, type CsvEncoding, type CsvRow } from './csv.js';
import { csvFieldsChecked, unknownFieldParams, validateCsvMapping, type CsvMapping } from './mapping.js';
import { dataIssues, isRecord, localeIssues, optionsIssues, optionsOf, throwIfAny, typeName } from '../core/args.js';
import { planArg } from '../plan/plan.js';
import { planViewItems, type ViewItem } from '../plan/views.js';
import { isoDateParts } from '../core/dates.js';
import { validateIdentityNumber, type IdentityNumber } from '../identity/identity-number.js';
import { ageInCompletedYears } from '../identity/age.js';
import { syncPseudonymizer } from '../identity/pseudonym.js';

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
  /** The line in the file (the header is line 1); 1 for problems with the header itself. For a spreadsheet, the sheet's row. */
  readonly line: number;
  /** The sheet the row is in, when the file was a spreadsheet: then `line` is the sheet's row number. */
  readonly sheet?: string;
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
 * The options of {@link importCsv}: progress, and the key that turns identity
 * numbers into client ids.
 *
 * - `onProgress` is called every 1,000 rows and at the end.
 * - `pseudonym`: with a column mapped as `identityNumber`, each client's id
 *   becomes the keyed HMAC-SHA-256 pseudonym of the number (the same one
 *   {@link pseudonymize} gives with the same key and `context`), and a client-id
 *   column is neither needed nor read; the during file then links its rows
 *   by an identity-number column too. The key is raw bytes (32 or more, random:
 *   the rules of {@link PseudonymKey}; a non-extractable CryptoKey cannot be
 *   used here, since the import is synchronous). Keep it secret and keep it:
 *   the same key gives the same pseudonyms next year.
 *
 * @example
 * ```ts
 * const options: CsvImportOptions = { pseudonym: { key, context: 'bjorkebo-fcra' } };
 * // A test number of Skatteverket's (1990-03-21), no age and no client-id column:
 * const clients = 'Personnummer;enrolled;gender\n900321-2389;2019-01-07;kvinna\n';
 * const mapping = CsvMappingSchema.parse({ columns: { identityNumber: 'Personnummer' } });
 * const record = importCsv(plan, { clients }, mapping, options).records[0];
 * record?.clientId === (await pseudonymize('900321-2389', key, { referenceDate: '2019-01-07', context: 'bjorkebo-fcra' }));
 * // => true
 * record?.age;
 * // => 28
 * ```
 */
export interface CsvImportOptions {
  /** Called every 1,000 rows and at the end. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** The pseudonym key (raw bytes) and an optional context; see above. */
  readonly pseudonym?: { readonly key: Uint8Array | ArrayBuffer; readonly context?: string };
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
  /**
   * The rejected rows by the rule of each row's first problem (a row is
   * counted once), so that rows left out are counted where the records go:
   * `invalid.total === rejected`. It has the shape of a compilation's
   * `invalid`, to be added to the compilation of the valid records.
   */
  readonly invalid: { readonly total: number; readonly byRule: Readonly<Partial<Record<Rule, number>>> };
  readonly encoding: CsvEncoding;
  readonly separator: ';' | ',';
}

/** @internal The words for a closing reason the import reads besides its code (lower case). */
export const REASON_WORDS: Readonly<Record<string, string>> = {
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
/** @internal The cell texts the import reads as yes and as no (lower case). */
export const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sant', '1', 'x']);
export const NO = new Set(['nej', 'n', 'no', 'false', 'falskt', '0']);
/** @internal The words for a follow-up status the import reads besides its code (lower case). */
export const FOLLOW_UP_STATUS_WORDS: Readonly<Record<string, string>> = {
  nådd: 'reached',
  nåddes: 'reached',
  'nåddes vid uppföljningen': 'reached',
  uppföljd: 'reached',
  reached: 'reached',
  'ej nådd': 'not_reached',
  'inte nådd': 'not_reached',
  'ej nåddes': 'not_reached',
  'nåddes inte': 'not_reached',
  'gick inte att nå': 'not_reached',
  'not reached': 'not_reached',
  not_reached: 'not_reached',
  avböjde: 'declined',
  avböjt: 'declined',
  avböjd: 'declined',
  declined: 'declined',
};
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

/** @internal */
export type Cell = { value: string; column: string };

/** @internal Reads the cells of one row through the header → field map. */
export function cells(row: CsvRow, columnOf: ReadonlyMap<string, number>, names: readonly string[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const [field, index] of columnOf) {
    const value = (row.fields[index] ?? '').trim();
    if (value !== '') out.set(field, { value, column: names[index]! });
  }
  return out;
}

/** @internal Resolves which column holds which field, reporting mapped or required columns that are missing. */
export function resolveColumns(
  header: readonly string[],
  fields: Fields,
  mapped: Readonly<Record<string, string>>,
  file: 'clients' | 'during',
  issues: RowIssue[],
): Map<string, number> {
  const known = new Set(fields.map((f) => f.field));
  for (const field of Object.keys(mapped)) {
    if (!known.has(field)) {
      issues.push({ file, line: 1, column: mapped[field]!, field, issue: issue([field], 'unknown_field', unknownFieldParams(field, [...known])) });
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
  // A part of the record whose other half has a column (a start date without
  // the main problem, a goal's area without its statement) would fail on every
  // row that fills it in: said once, here, for the header.
  for (const [field, other] of companions(columnOf)) {
    if (columnOf.has(field) || !known.has(field) || issues.some((i) => i.line === 1 && i.field === field)) continue;
    const column = mapped[field] ?? field;
    issues.push({ file, line: 1, column, field, issue: issue([field], 'missing_column', { column, field, with: other }) });
  }
  return columnOf;
}

/**
 * The fields the record schema needs together (a before part has a date and a
 * main problem, an after part a date and a reason, a withdrawal a date and a
 * reason, a goal a statement), as [field, the field whose column asks for it].
 */
function* companions(columnOf: ReadonlyMap<string, number>): Generator<[string, string]> {
  const pairs: [string, string][] = [
    ['before.date', 'before.mainProblem'],
    ['after.date', 'after.reason'],
    ['withdrawal.date', 'withdrawal.reason'],
  ];
  for (const [a, b] of pairs) {
    if (columnOf.has(a)) yield [b, a];
    if (columnOf.has(b)) yield [a, b];
  }
  for (const field of columnOf.keys()) {
    const goal = /^goal\.(\d+)\.(area|target|met)$/.exec(field);
    if (goal) yield [`goal.${goal[1]}.statement`, field];
  }
}

/** @internal Maps an export value to a plan code: the mapping's recode table, then codes and labels of the categories. */
export function code(
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

/** @internal Parses a number written the Swedish or the English way; undefined if it is not one. */
export function parseNumber(raw: string, decimal: ',' | '.' | undefined): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  const pattern = decimal === ',' ? /^[+-]?\d+(,\d+)?$/ : decimal === '.' ? /^[+-]?\d+(\.\d+)?$/ : /^[+-]?\d+([.,]\d+)?$/;
  if (!pattern.test(s)) return undefined;
  return Number(s.replace(',', '.'));
}

/** @internal A date from a spreadsheet: `YYYY-MM-DD`, optionally followed by a midnight time. */
export const cleanDate = (value: string): string => value.replace(/^(\d{4}-\d{2}-\d{2})[ T]00:00(:00)?$/, '$1');

/** @internal Converts one field; returns an issue instead when the text cannot be that field's type. */
export type Conv = { ok: true; value: unknown } | { ok: false; issue: Issue };

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

/**
 * A client's answer to a questionnaire item, as an export writes it: an
 * answer's label (Swedish or English, any case: "Instämmer helt", "Vet inte"),
 * or its value — a number on an ordinal item, yes or no on a yes/no item.
 *
 * @internal
 */
export function viewAnswer(item: ViewItem, cell: Cell, path: readonly PathSegment[], decimal: ',' | '.' | undefined): Conv {
  const lower = cell.value.toLowerCase();
  const options = [...(item.kind === 'ordinal' ? item.options : []), ...(item.dontKnow === undefined ? [] : [item.dontKnow])];
  const named = options.find((o) => o.label.sv.toLowerCase() === lower || o.label.en.toLowerCase() === lower);
  if (named !== undefined) return { ok: true, value: named.value };
  if (item.kind === 'ordinal') return toNumber(cell, path, decimal);
  const yesNo = toBoolean(cell, path);
  if (yesNo.ok || item.dontKnow === undefined) return yesNo;
  const n = parseNumber(cell.value, decimal);
  return n === item.dontKnow.value ? { ok: true, value: n } : yesNo;
}

/** Where in the record each field goes, so issues on record paths lead back to a column. */
function fieldOfPath(path: readonly PathSegment[], goalNumbers: readonly number[], points: readonly string[] = []): string | null {
  const [a, b, c, d] = path;
  if (a === 'followUps' && typeof b === 'number') {
    const point = points[b] ?? String(b);
    if ((c === 'measures' || c === 'views') && d !== undefined) return `followUps.${point}.${c}.${String(d)}`;
    // No point, or measures or views given while not reached: the status column says why.
    return `followUps.${point}.${c === 'date' ? 'date' : 'status'}`;
  }
  if (a === 'before' && b === 'goals' && typeof c === 'number') {
    return `goal.${goalNumbers[c] ?? c + 1}.${d === undefined ? 'statement' : String(d)}`;
  }
  if (a === 'after' && b === 'goalsMet') {
    return `goal.${typeof c === 'number' ? (goalNumbers[c] ?? c + 1) : (goalNumbers[0] ?? 1)}.met`;
  }
  if (a === 'before' && (b === 'measures' || b === 'background') && c !== undefined) return `before.${b}.${String(c)}`;
  if (a === 'after' && (b === 'measures' || b === 'views') && c !== undefined) return `after.${b}.${String(c)}`;
  if ((a === 'before' || a === 'after' || a === 'withdrawal') && b === undefined) return `${a}.date`;
  if (a === 'withdrawal' || a === 'after' || a === 'before') return `${a}.${String(b)}`;
  return a === undefined ? null : String(a);
}

interface Built {
  record: Record<string, unknown>;
  issues: Issue[];
  goalNumbers: number[];
  /** The follow-up point of each of the record's `followUps`, in order. */
  points: string[];
}

/** Builds one client's record (as data, not yet validated) from its row's cells. */
function buildRecord(plan: Plan, row: Map<string, Cell>, mapping: CsvMapping): Built {
  const issues: Issue[] = [];
  const get = (field: string) => row.get(field);
  // A code field: the cell's text recoded to one of the plan's codes, or an issue
  // with the text as written and the codes the plan allows (the field is left out).
  const str = (
    field: string,
    categories: readonly { code: string; label: { sv: string; en: string } }[],
    path: readonly PathSegment[],
    name: string,
  ) => {
    const cell = get(field);
    if (cell === undefined) return undefined;
    const value = code(field, cell.value, mapping, categories);
    if (categories.some((c) => c.code === value)) return value;
    issues.push(issue(path, 'unknown_code', { value: cell.value, field: name, known: categories.map((c) => c.code) }));
    return undefined;
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
  // The questionnaire answers asked at `at` ('after' or a follow-up point), read from `<prefix>.views.<item>`.
  const answers = (at: string, path: readonly PathSegment[]) => {
    const prefix = at === 'after' ? 'after' : `followUps.${at}`;
    const views: Record<string, unknown> = {};
    for (const item of plan.clientViews?.at.includes(at) ? planViewItems(plan.clientViews) : []) {
      const cell = get(`${prefix}.views.${item.id}`);
      if (cell === undefined) continue;
      const r = viewAnswer(item, cell, [...path, item.id], mapping.decimal);
      if (r.ok) views[item.id] = r.value;
      else issues.push(r.issue);
    }
    return Object.keys(views).length > 0 ? views : undefined;
  };
  // A follow-up status: the mapping's own recode, a word (nådd, ej nådd, avböjde …) or the code itself.
  const status = (field: string, path: readonly PathSegment[]) => {
    const cell = get(field);
    if (cell === undefined) return undefined;
    const lower = cell.value.toLowerCase();
    const value = own(recodeTable(mapping.codes, field), cell.value) ?? own(FOLLOW_UP_STATUS_WORDS, lower.replace(/\s+/g, ' ')) ?? lower;
    if (FollowUpStatusSchema.options.some((o) => o === value)) return value;
    issues.push(issue(path, 'unknown_code', { value: cell.value, field: 'follow-up status', known: [...FollowUpStatusSchema.options] }));
    return undefined;
  };

  const record: Record<string, unknown> = {
    planId: plan.id,
    clientId: get('clientId')?.value,
    intervention:
      str('intervention', plan.interventions, ['intervention'], 'intervention') ??
      (plan.interventions.length === 1 && get('intervention') === undefined ? plan.interventions[0]!.code : undefined),
    enrolled: date('enrolled'),
    age: num('age', ['age']),
    gender: str('gender', plan.grouping.genders, ['gender'], 'gender'),
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
      if (b.kind === 'category') background[b.id] = str(field, b.options, path, b.id);
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
      const area = str(`${p}area`, plan.goalAreas, ['before', 'goals', i, 'area'], 'goal area');
      if (area !== undefined) goal.area = area;
      const target = num(`${p}target`, ['before', 'goals', i, 'target']);
      if (target !== undefined) goal.target = target;
      goals.push(goal);
    }
    record.before = {
      date: date('before.date'),
      mainProblem: str('before.mainProblem', plan.mainProblems, ['before', 'mainProblem'], 'mainProblem'),
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
    const views = answers('after', ['after', 'views']);
    if (views !== undefined) after.views = views;
    record.after = after;
  }

  // Each follow-up point with any of its columns filled is one measurement, in date order.
  const followUps: { point: string; value: Record<string, unknown> }[] = [];
  for (const point of plan.followUps) {
    const p = `followUps.${point.id}.`;
    if (!hasAny(p)) continue;
    const i = followUps.length;
    const measures: Record<string, unknown> = {};
    for (const m of point.measures) {
      const v = num(`${p}measures.${m}`, ['followUps', i, 'measures', m]);
      if (v !== undefined) measures[m] = v;
    }
    const value: Record<string, unknown> = { point: point.id, date: date(`${p}date`), status: status(`${p}status`, ['followUps', i, 'status']), measures };
    const views = answers(point.id, ['followUps', i, 'views']);
    if (views !== undefined) value.views = views;
    followUps.push({ point: point.id, value });
  }
  if (followUps.length > 0) {
    const sorted = [...followUps].sort((x, y) => String(x.value.date ?? '').localeCompare(String(y.value.date ?? '')));
    // Issues were raised at the unsorted index: move them to where the measurement now is.
    const at = followUps.map((f) => sorted.indexOf(f));
    for (const [k, i] of issues.entries()) {
      if (i.path[0] === 'followUps' && typeof i.path[1] === 'number') issues[k] = { ...i, path: ['followUps', at[i.path[1]]!, ...i.path.slice(2)] };
    }
    record.followUps = sorted.map((f) => f.value);
  }

  if (hasAny('withdrawal.')) {
    record.withdrawal = { date: date('withdrawal.date'), reason: reason('withdrawal.reason') };
  }
  return { record, issues, goalNumbers, points: Array.isArray(record.followUps) ? (record.followUps as { point: string }[]).map((f) => f.point) : [] };
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

/**
 * @internal Checks an import's arguments once, before any row is read; throws
 * every issue found. `check` checks each file of the input (importCsv: text or
 * bytes; the streaming import: a byte source).
 */
export function importArgs(
  plan: unknown,
  input: unknown,
  mapping: unknown,
  options: unknown,
  check: (file: unknown, path: readonly PathSegment[], required: boolean) => Issue[] = fileIssues,
): { plan: Plan; input: CsvInput; mapping: CsvMapping; onProgress: ((progress: ImportProgress) => void) | undefined; pseudonymize: Pseudonymize | undefined } {
  const { value: checkedPlan, issues } = planArg(plan);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    issues.push(input === undefined ? issue(['input'], 'required') : issue(['input'], 'type', { expected: 'object', received: typeName(input) }));
  } else if (dataIssues(input, ['input']).length > 0) {
    issues.push(...dataIssues(input, ['input']));
  } else {
    const given = input as Record<string, unknown>;
    issues.push(...check(given.clients, ['input', 'clients'], true), ...check(given.during, ['input', 'during'], false));
  }
  const m = validateCsvMapping(mapping);
  if (!m.success) issues.push(...m.issues.map((x) => ({ ...x, path: ['mapping', ...x.path] })));
  issues.push(...optionsIssues(options));
  const o = optionsOf(options);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    issues.push(issue(['options', 'onProgress'], 'type', { expected: 'function', received: typeName(o.onProgress) }));
  }
  let pseudonymize: Pseudonymize | undefined;
  if (o.pseudonym !== undefined) {
    if (!isRecord(o.pseudonym)) issues.push(issue(['options', 'pseudonym'], 'type', { expected: 'object', received: typeName(o.pseudonym) }));
    else {
      const made = syncPseudonymizer(o.pseudonym.key, o.pseudonym.context, ['options', 'pseudonym']);
      if (made.ok) pseudonymize = made.pseudonymize;
      else issues.push(...made.issues);
    }
  }
  throwIfAny(issues);
  return {
    plan: checkedPlan,
    input: input as CsvInput,
    mapping: (m as { data: CsvMapping }).data,
    onProgress: o.onProgress as (progress: ImportProgress) => void,
    pseudonymize,
  };
}

/** @internal */
export type Pseudonymize = (identity: IdentityNumber) => string;
/** @internal */
export type Fields = readonly { field: string; required: boolean }[];

/** Whether the header has a column of this name (as resolveColumns matches: ignoring case). */
const hasColumn = (header: readonly string[], column: string): boolean => header.some((h) => h.toLowerCase() === column.toLowerCase());

/**
 * @internal
 * The fields that need a column, once the header shows whether there is an
 * identity-number column: it stands in for the age, for the gender when the
 * mapping asks for the legal gender, and for the client id when there is a
 * pseudonym key; and it is required for those last two.
 */
export function identityFields(fields: Fields, header: readonly string[], mapping: CsvMapping, pseudonym: boolean, file: 'clients' | 'during'): Fields {
  const columns = file === 'clients' ? mapping.columns : mapping.duringColumns;
  const present = hasColumn(header, columns.identityNumber ?? 'identityNumber');
  const legalGender = file === 'clients' && mapping.identity?.legalGender === true;
  return fields.map(({ field, required }) => {
    if (field === 'identityNumber') return { field, required: pseudonym || legalGender };
    if (field === 'clientId' && pseudonym) return { field, required: false };
    if (field === 'age' && present) return { field, required: false };
    if (field === 'gender' && legalGender) return { field, required: false };
    return { field, required };
  });
}

/**
 * A value fit for an issue: an id that may hold an identity number, whole or
 * with a digit missing (nine or more digits in a row, a separator or a space
 * between them aside), is left out, so no message repeats one.
 */
const shownId = (id: string): { value?: string } => (HOLDS_IDENTITY_NUMBER.test(id) ? {} : { value: id });

/** Nine or more digits in a row, with at most a separator or a space between two of them. */
const HOLDS_IDENTITY_NUMBER = /\d(?:[\s+-]?\d){8}/;

/**
 * Import stage: decode and parse the clients file, its parse problems as row
 * issues, and its header mapped to fields. A file that is empty, not text,
 * or a header with no rows under it gets that one issue (`shape`) instead of
 * a missing-column issue for every field or an error for every line.
 */
function readClients(bytes: CsvInput['clients'], mapping: CsvMapping, fields: Fields, pseudonym: boolean, issues: RowIssue[]) {
  const decoded = text(bytes, mapping.encoding);
  const rowProblems = new Map<number, Rule>();
  const whole = (rule: Rule) => {
    issues.push({ file: 'clients', line: 1, column: null, field: null, issue: issue([], rule) });
    return { decoded, table: parseChecked('', mapping.separator), rowProblems, columnOf: new Map<string, number>(), shape: rule };
  };
  const shape = fileShapeRule(decoded.text);
  if (shape !== undefined) return whole(shape);
  const table = parseChecked(decoded.text, mapping.separator);
  if (table.rows.length === 0 && table.issues.length === 0) return whole('no_rows');
  for (const i of table.issues) {
    const line = Number(i.path[0]);
    if (!rowProblems.has(line)) rowProblems.set(line, i.rule);
    issues.push({ file: 'clients', line, column: null, field: null, issue: { ...i, path: [] } });
  }
  const columnOf = resolveColumns(table.header, identityFields(fields, table.header, mapping, pseudonym, 'clients'), mapping.columns, 'clients', issues);
  return { decoded, table, rowProblems, columnOf, shape: undefined };
}

/**
 * Import stage: decode and parse the during file, if there is one, into its
 * rows' cells. `duringBroken` names the rule when its header does not map or
 * the file is empty or not text (then no client row can be complete).
 */
function readDuring(
  bytes: CsvInput['during'],
  mapping: CsvMapping,
  fields: Fields,
  pseudonym: boolean,
  issues: RowIssue[],
): { duringCells: { line: number; cells: Map<string, Cell> }[]; duringBroken: Rule | undefined } {
  const duringCells: { line: number; cells: Map<string, Cell> }[] = [];
  if (bytes === undefined) return { duringCells, duringBroken: undefined };
  const d = text(bytes, mapping.encoding);
  const shape = fileShapeRule(d.text);
  if (shape !== undefined) {
    issues.push({ file: 'during', line: 1, column: null, field: null, issue: issue([], shape) });
    return { duringCells, duringBroken: shape };
  }
  const dt = parseChecked(d.text, mapping.separator);
  for (const i of dt.issues) {
    issues.push({ file: 'during', line: Number(i.path[0]), column: null, field: null, issue: { ...i, path: [] } });
  }
  const before = issues.length;
  const dColumnOf = resolveColumns(dt.header, identityFields(fields, dt.header, mapping, pseudonym, 'during'), mapping.duringColumns, 'during', issues);
  const duringBroken = issues.length > before ? issues[before]!.issue.rule : undefined;
  for (const row of dt.rows) duringCells.push({ line: row.line, cells: cells(row, dColumnOf, dt.header) });
  return { duringCells, duringBroken };
}

/** @internal Import stage: the during rows as events (their own problems as row issues), grouped by client id with their line numbers. */
export function groupDuring(
  duringCells: readonly { line: number; cells: Map<string, Cell> }[],
  mapping: CsvMapping,
  pseudonymize: Pseudonymize | undefined,
  issues: RowIssue[],
  tick: () => void,
) {
  const events = new Map<string, { line: number; event: Record<string, unknown> }[]>();
  const duringRowsByClient = new Map<string, number[]>();
  for (const { line, cells: c } of duringCells) {
    const linked = duringClientId(c, mapping, pseudonymize);
    if (!linked.ok) {
      // A row whose number cannot be read belongs to no client: said here, and counted nowhere else.
      for (const i of linked.issues) issues.push({ file: 'during', line, column: c.get(String(i.path[0]))?.column ?? null, field: String(i.path[0]), issue: i });
      tick();
      continue;
    }
    const id = linked.id;
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

/**
 * The client a during row belongs to: its client id, or with a pseudonym key
 * the pseudonym of its identity number, read at the mapping's reference date
 * or else the row's own date.
 */
function duringClientId(
  c: ReadonlyMap<string, Cell>,
  mapping: CsvMapping,
  pseudonymize: Pseudonymize | undefined,
): { ok: true; id: string } | { ok: false; issues: Issue[] } {
  if (pseudonymize === undefined) return { ok: true, id: c.get('clientId')?.value ?? '' };
  const cell = c.get('identityNumber');
  if (cell === undefined) return { ok: false, issues: [issue(['identityNumber'], 'required')] };
  const date = c.get('date');
  const referenceDate = mapping.identity?.referenceDate ?? (date === undefined ? undefined : cleanDate(date.value));
  if (!isoDateParts(referenceDate)) {
    return { ok: false, issues: [date === undefined ? issue(['date'], 'required') : issue(['date'], 'calendar_date', { value: date.value })] };
  }
  const read = validateIdentityNumber(cell.value, { referenceDate: referenceDate!, path: ['identityNumber'] });
  return read.success ? { ok: true, id: pseudonymize(read.data) } : { ok: false, issues: [...read.issues] };
}

/**
 * Import stage, one clients row: what its identity number gives the record.
 * The number is checked (form, date, birth number, check digit, century from
 * the separator at the reference date: the mapping's, or else the row's start
 * of the intervention, `before.date`, or else `enrolled`). It gives the age at
 * the start when the row has no age, the legal gender when the mapping asks,
 * and the pseudonym as client id when there is a key. The number and its
 * birth date go nowhere else: not into the record, not into an issue.
 * `derived` lists the fields the number was to give, so that a record left
 * without them because the number could not be read is not blamed twice.
 */
function identityStage(
  plan: Plan,
  c: ReadonlyMap<string, Cell>,
  record: Record<string, unknown>,
  mapping: CsvMapping,
  pseudonymize: Pseudonymize | undefined,
): { issues: Issue[]; derived: string[] } {
  const legalGender = mapping.identity?.legalGender === true;
  const derived = [...(c.has('age') ? [] : ['age']), ...(legalGender ? ['gender'] : []), ...(pseudonymize ? ['clientId'] : [])];
  const cell = c.get('identityNumber');
  if (cell === undefined) {
    // No number: required only where it was to give the gender or the client id (the age may still come from a column).
    return { issues: legalGender || pseudonymize ? [issue(['identityNumber'], 'required')] : [], derived: [] };
  }
  const before = record.before as { date?: unknown } | undefined;
  const start = isoDateParts(before?.date) ? (before!.date as string) : isoDateParts(record.enrolled) ? (record.enrolled as string) : undefined;
  const referenceDate = mapping.identity?.referenceDate ?? start;
  // Without a date to read the number at, the date's own issue says what is wrong.
  if (referenceDate === undefined) return { issues: [], derived };
  const read = validateIdentityNumber(cell.value, { referenceDate, path: ['identityNumber'] });
  if (!read.success) return { issues: [...read.issues], derived };
  const id = read.data;
  const issues: Issue[] = [];
  if (!c.has('age') && start !== undefined) {
    if (id.birthDate === null) issues.push(issue(['identityNumber'], 'identity_birth_date_unknown'));
    else if (id.birthDate > start) issues.push(issue(['identityNumber'], 'identity_future', { referenceDate: start }));
    else record.age = ageInCompletedYears(id.birthDate, start);
  }
  if (legalGender) record.gender = code('gender', id.legalGender, mapping, plan.grouping.genders);
  if (pseudonymize) record.clientId = pseudonymize(id);
  return { issues, derived };
}

/** @internal What the clients-rows stage needs from the stages before it. */
export interface RowsInput {
  readonly plan: Plan;
  readonly mapping: CsvMapping;
  readonly table: { readonly rows: readonly CsvRow[]; readonly header: readonly string[] };
  readonly columnOf: ReadonlyMap<string, number>;
  readonly rowProblems: ReadonlyMap<number, Rule>;
  /** Fields whose column is missing: reported once, as a missing column. */
  readonly missing: ReadonlySet<string | null>;
  /** A header problem in either file (its first rule): every row is checked, none gives a record. */
  readonly blocked: Rule | undefined;
  readonly events: ReadonlyMap<string, readonly { line: number; event: Record<string, unknown> }[]>;
  readonly pseudonymize: Pseudonymize | undefined;
  readonly tick: () => void;
}

/**
 * Import stage: the clients rows, each built into a record (its identity
 * number read by {@link identityStage}), given its during events, checked
 * against the plan, and kept only when it has no problem; every problem is a
 * row issue with its line and column.
 */
function readClientRows(input: RowsInput, issues: RowIssue[], count: (rule: Rule) => void): { records: ClientRecord[]; firstLine: Map<string, number>; rejected: number } {
  const records: ClientRecord[] = [];
  const firstLine = new Map<string, number>();
  let rejected = 0;
  for (const row of input.table.rows) {
    input.tick();
    const read = clientRow(input, row, firstLine, issues, count);
    if (read.record !== undefined) records.push(read.record);
    if (read.rejected) rejected++;
  }
  return { records, firstLine, rejected };
}

/**
 * @internal One clients row (the body of the import's row loop, shared by
 * {@link importCsv} and the streaming import so that both read a row the same
 * way): its record when it has no problem, whether it is rejected (then its
 * first rule is counted), its issues pushed to `issues`, and its id entered
 * in `firstLine` (id → the line it was first seen on) for the duplicate check.
 */
export function clientRow(
  input: RowsInput,
  row: CsvRow,
  firstLine: FirstLines,
  issues: RowIssue[],
  count: (rule: Rule) => void,
): { record: ClientRecord | undefined; rejected: boolean } {
  const { plan, mapping, table, columnOf, rowProblems, missing, blocked, events, pseudonymize } = input;
  let record: ClientRecord | undefined;
  let rejected = false;
  {
    const c = cells(row, columnOf, table.header);
    const built = buildRecord(plan, c, mapping);
    const identity = identityStage(plan, c, built.record, mapping, pseudonymize);
    built.issues.push(...identity.issues);
    // A flat copy of the id: a slice of the parsed text would keep the whole text it was cut from alive in the duplicate checks.
    const id = typeof built.record.clientId === 'string' ? flat(built.record.clientId) : undefined;
    if (id !== undefined) built.record.clientId = id;
    const own: RowIssue[] = [];
    const push = (i: Issue, identityLike: ReadonlySet<string | null> = NONE) => {
      const field = fieldOfPath(i.path, built.goalNumbers, built.points);
      if (missing.has(field)) return; // already reported once, as a missing column
      if (i.rule === 'required' && field !== null && identity.derived.includes(field)) return; // the number's own issue says why
      const cell = field ? c.get(field) : undefined;
      // zod does not report the input of a format or size issue; the cell has it
      // (never an identity number's, nor a cell that looks like one).
      const fill =
        cell !== undefined && field !== 'identityNumber' && !identityLike.has(field) && VALUE_RULES.has(i.rule) && (i.params.value === undefined || i.params.value === 'undefined');
      const fixed = fill ? { ...i, params: { ...i.params, value: cell.value } } : i;
      own.push({ file: 'clients', line: row.line, column: field ? (cell?.column ?? columnName(field, columnOf, table.header)) : null, field, issue: fixed });
    };
    // A field whose cell could not be read is left out of the record; its
    // problem is reported, and the record's other fields are still checked.
    const failed = new Set(built.issues.map((i) => fieldOfPath(i.path, built.goalNumbers, built.points)));
    const numberFailed = failed.has('identityNumber') || missing.has('identityNumber');
    for (const i of built.issues) push(i);
    if (id !== undefined) {
      const seen = firstLine.get(id);
      // A pseudonym says nothing to the analyst: the number's column is named instead, with neither shown.
      if (seen !== undefined) push(pseudonymize ? issue(['identityNumber'], 'duplicate_client', { line: seen }) : issue(['clientId'], 'duplicate_client', { ...shownId(id), line: seen }));
      else firstLine.set(id, row.line);
    }
    const clientEvents = id !== undefined ? (events.get(id) ?? []) : [];
    built.record.during = clientEvents.map((e) => e.event);
    const result = validateRecordChecked(plan, built.record);
    if (!result.success) {
      const identityLike = new Set(result.issues.filter((i) => i.rule === 'looks_like_identity_number').map((i) => fieldOfPath(i.path, built.goalNumbers, built.points)));
      for (const i of result.issues) {
        if (i.path[0] === 'during' && typeof i.path[1] === 'number') {
          const e = clientEvents[i.path[1]];
          const field = i.path[2] === undefined ? null : String(i.path[2]);
          own.push({ file: 'during', line: e?.line ?? row.line, column: null, field, issue: i });
        } else {
          const field = fieldOfPath(i.path, built.goalNumbers, built.points);
          // A field left empty because the identity number it comes from could not be read: the number's issue says why.
          const fromNumber = numberFailed && i.rule === 'required' && (field === 'clientId' || field === 'age' || field === 'gender') && !c.has(field);
          if (!failed.has(field) && !fromNumber) push(i, identityLike);
        }
      }
    } else if (own.length === 0 && blocked === undefined) record = result.data;
    const why = own[0]?.issue.rule ?? rowProblems.get(row.line) ?? blocked;
    if (why !== undefined) {
      rejected = true;
      count(why);
    }
    issues.push(...own);
  }
  return { record, rejected };
}

/** A string's characters in a string of their own (not a view into a longer one). */
const flat = (s: string): string => (' ' + s).slice(1);

const NONE: ReadonlySet<string | null> = new Set();

/** Rules whose issue does not carry the value from zod: the import adds the cell's text. */
const VALUE_RULES: ReadonlySet<Rule> = new Set(['format', 'min', 'max']);

/**
 * @internal The line each client id was first seen on: a Map in importCsv,
 * the compact `IdLines` table (id-table.ts) in the streaming import.
 */
export interface FirstLines {
  get(id: string): number | undefined;
  set(id: string, line: number): unknown;
  has(id: string): boolean;
}

/** @internal Import stage: a during row whose client id is in no clients row is an unknown client (unless the id column is missing). */
export function unknownClientIssues(
  duringRowsByClient: ReadonlyMap<string, readonly number[]>,
  firstLine: Pick<FirstLines, 'has'>,
  missing: ReadonlySet<string | null>,
  issues: RowIssue[],
): void {
  for (const [id, lines] of duringRowsByClient) {
    if (!firstLine.has(id) && !missing.has('clientId')) {
      for (const line of lines) {
        issues.push({ file: 'during', line, column: null, field: 'clientId', issue: issue(['clientId'], 'unknown_client', shownId(id)) });
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
 * **Identity numbers.** A column mapped as `identityNumber` (personnummer or
 * samordningsnummer: YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN or YYMMDD+NNNN)
 * is checked: form, date (a samordningsnummer's day + 60), birth number
 * 001–999, check digit, and the century from the separator at the reference
 * date (the mapping's `identity.referenceDate`, or else the row's start of the
 * intervention). It gives the age at the start of the intervention when the
 * file has no age column, the legal gender when the mapping says
 * `identity.legalGender: true`, and with `options.pseudonym` the client id: the
 * keyed pseudonym of the number (without a key, the export's own client-id
 * column is the id). The number never leaves the import: it is in no record,
 * and no issue repeats it or its birth date (an issue names the line, the
 * column and the rule).
 *
 * @param plan - a validated plan (as {@link parsePlan} returns it)
 * @param input - the clients file and, optionally, the during file (text or bytes)
 * @param mapping - the mapping (see {@link CsvMappingSchema}); `{}` matches columns by field name
 * @param options - `onProgress`, called every 1,000 rows and at the end; `pseudonym`, the key for client ids (see {@link CsvImportOptions})
 * @returns the valid records and every problem found
 * @throws UppfoljningError, before any row is read, for arguments that are
 *   not what is described here (paths `plan.…`, `input.clients`,
 *   `input.during`, `mapping.…`, `options.onProgress`, `options.pseudonym.…`:
 *   a key that protects nothing is refused with `identity_key` or `identity_key_weak`); problems in the
 *   files themselves are returned, not thrown
 *
 * @example
 * ```ts
 * const result = importCsv(plan, { clients: 'clientId;enrolled;age;gender\nk-1;2019-01-07;34;Man\n' }, CsvMappingSchema.parse({}));
 * result.records[0]?.gender;
 * // => 'man'
 * ```
 */
export function importCsv(plan: Plan, input: CsvInput, mapping: CsvMapping, options: CsvImportOptions = {}): CsvImport {
  const args = importArgs(plan, input, mapping, options);
  plan = args.plan;
  mapping = args.mapping;
  const { onProgress, pseudonymize } = args;
  const issues: RowIssue[] = [];
  const fields = csvFieldsChecked(plan);
  const { decoded, table, rowProblems, columnOf, shape } = readClients(input.clients, mapping, fields.clients, pseudonymize !== undefined, issues);
  if (shape === undefined) unknownCodeKeys(mapping, fields, issues);
  const invalid: Partial<Record<Rule, number>> = {};
  const count = (rule: Rule) => (invalid[rule] = (invalid[rule] ?? 0) + 1);
  if (shape !== undefined) {
    // Nothing to read: that one sentence, not a missing column per field.
    return { records: [], issues, rows: 0, rejected: 0, invalid: { total: 0, byRule: {} }, encoding: decoded.encoding, separator: table.separator };
  }
  // A missing column blocks the import (no record would be complete), but
  // every row is still checked, so one run lists every problem.
  const header = issues.filter((i) => i.line === 1 && i.file === 'clients');
  const missing = new Set(header.map((i) => i.field));
  const headerBroken = header[0]?.issue.rule;
  const { duringCells, duringBroken } = readDuring(input.during, mapping, fields.during, pseudonymize !== undefined, issues);
  const total = table.rows.length + duringCells.length;
  let done = 0;
  const tick = () => {
    done++;
    if (onProgress && (done % 1000 === 0 || done === total)) onProgress({ done, total });
  };

  const { events, duringRowsByClient } = groupDuring(duringCells, mapping, pseudonymize, issues, tick);
  const blocked = headerBroken ?? duringBroken;
  const { records, firstLine, rejected: rejectedRows } = readClientRows(
    { plan, mapping, table, columnOf, rowProblems, missing, blocked, events, pseudonymize, tick },
    issues,
    count,
  );
  // Rows the CSV parser could not read (wrong field count, unclosed quote) never became rows.
  const readLines = new Set(table.rows.map((r) => r.line));
  const unreadableRules = [...rowProblems].filter(([line]) => !readLines.has(line)).map(([, rule]) => rule);
  for (const rule of unreadableRules) count(rule);
  const unreadable = unreadableRules.length;
  const rejected = rejectedRows + unreadable;
  unknownClientIssues(duringRowsByClient, firstLine, missing, issues);
  issues.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === 'clients' ? -1 : 1));
  return {
    records,
    issues,
    rows: table.rows.length + unreadable,
    rejected,
    invalid: { total: rejected, byRule: invalid },
    encoding: decoded.encoding,
    separator: table.separator,
  };
}

/**
 * A recode table (`codes`) for a field that neither file has would never be
 * read: said once, as a problem of the clients file's header (so the import
 * stops, as for a column mapped to an unknown field), naming the key, the part
 * the plan lacks and what it has instead.
 */
export function unknownCodeKeys(mapping: CsvMapping, fields: ReturnType<typeof csvFieldsChecked>, issues: RowIssue[]): void {
  const known = [...new Set([...fields.clients, ...fields.during].map((f) => f.field))];
  for (const key of Object.keys(mapping.codes)) {
    if (!known.includes(key)) issues.push({ file: 'clients', line: 1, column: null, field: `codes.${key}`, issue: issue(['codes', key], 'unknown_field', unknownFieldParams(key, known)) });
  }
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
 * // From a spreadsheet, the sheet and its row:
 * formatRowIssue({ file: 'clients', sheet: 'Klienter', line: 4, column: 'Ålder', field: 'age', issue: { path: ['age'], rule: 'not_a_number', params: { value: 'trettio' } } });
 * // => 'klientfilen blad "Klienter" rad 4, kolumn "Ålder" (age): "trettio" är inget tal [not_a_number]'
 * ```
 */
export function formatRowIssue(rowIssue: RowIssue, locale: Locale = 'sv'): string {
  const issues = rowIssueIssues(rowIssue);
  issues.push(...localeIssues(locale, ['locale']));
  throwIfAny(issues);
  const file = locale === 'sv' ? (rowIssue.file === 'clients' ? 'klientfilen' : 'händelsefilen') : rowIssue.file;
  // A problem of the file as a whole (empty, not text) has no line to point to.
  const whole = rowIssue.issue.rule === 'empty_file' || rowIssue.issue.rule === 'not_csv';
  // A spreadsheet's row is named by its sheet and row, as Excel shows them; a CSV file's by its line.
  const sheet = rowIssue.sheet === undefined ? '' : ` ${locale === 'sv' ? 'blad' : 'sheet'} ${JSON.stringify(rowIssue.sheet)}`;
  const line = rowIssue.sheet === undefined ? (locale === 'sv' ? 'rad' : 'line') : locale === 'sv' ? 'rad' : 'row';
  const where = whole ? `${file}${sheet}` : `${file}${sheet} ${line} ${rowIssue.line}`;
  const column =
    rowIssue.column !== null
      ? `, ${locale === 'sv' ? 'kolumn' : 'column'} ${JSON.stringify(rowIssue.column)}${rowIssue.field && rowIssue.field !== rowIssue.column ? ` (${rowIssue.field})` : ''}`
      : rowIssue.field !== null
        ? ` (${rowIssue.field})`
        : '';
  // A second row of a client in a sheet points to the first one's row, as the line it is on is named ("row", not "line").
  const params = rowIssue.sheet !== undefined && rowIssue.issue.rule === 'duplicate_client' ? { ...rowIssue.issue.params, row: true } : rowIssue.issue.params;
  return `${where}${column}: ${ruleText(rowIssue.issue.rule, params, locale)} [${rowIssue.issue.rule}]`;
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
  if (value.sheet !== undefined && typeof value.sheet !== 'string') out.push(type(['rowIssue', 'sheet'], 'string', value.sheet));
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
