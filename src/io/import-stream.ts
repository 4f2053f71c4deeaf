import { issue, type Issue, type PathSegment, type Rule } from '../core/issue.js';
import { typeName } from '../core/args.js';
import type { Plan } from '../plan/plan.js';
import { fold } from '../compile/compile.js';
import { withLeftOut } from '../compile/with-invalid.js';
import type { Compilation } from '../compile/schema.js';
import { fileShapeRule, parseChecked, SNIFF, type CsvEncoding, type CsvRow } from './csv.js';
import { csvFieldsChecked, type CsvMapping } from './mapping.js';
import { fastRowReader, type LaneSink } from './fast-row.js';
import { IdLines } from './id-table.js';
import { chunksOf, decodeStream, parseCsvStream, type ByteSource, type CsvLane, type CsvStreamPart, type DecodeState } from './stream.js';
import {
  cells,
  clientRow,
  groupDuring,
  identityFields,
  importArgs,
  resolveColumns,
  unknownClientIssues,
  unknownCodeKeys,
  type Cell,
  type CsvImport,
  type CsvImportOptions,
  type RowIssue,
  type RowsInput,
} from './import.js';

/**
 * The files of {@link importCsvStream}, each a source of bytes: a web
 * `ReadableStream<Uint8Array>` (a browser's `File.stream()`, Node's
 * `Readable.toWeb(fs.createReadStream(path))`), an async iterable of
 * chunks (a Node read stream is one), or bytes already in memory.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('clientId;enrolled;age;gender\nk-1;2019-01-07;34;man\n');
 * const input: CsvStreamInput = { clients: new Blob([bytes]).stream() };
 * (await importCsvStream(plan, input, CsvMappingSchema.parse({}))).valid;
 * // => 1
 * ```
 */
export interface CsvStreamInput {
  /** The clients file. */
  readonly clients: ByteSource | Uint8Array;
  /** The during events, one row per event (read whole before the clients file: its events are grouped by client). */
  readonly during?: ByteSource | Uint8Array;
}

/**
 * Progress of a streamed import: rows read so far (both files), bytes read so
 * far, and whether this is the last call. The number of rows is not known
 * before the end; compare `bytes` with the files' sizes for a share.
 *
 * @example
 * ```ts
 * const onProgress = ({ rows, bytes, done }: ImportStreamProgress) => console.log(`${rows} rows, ${bytes} bytes${done ? ', done' : ''}`);
 * const clients = new TextEncoder().encode('clientId;enrolled;age;gender\nk-1;2019-01-07;34;man\n');
 * await importCsvStream(plan, { clients }, CsvMappingSchema.parse({}), { onProgress });
 * ```
 */
export interface ImportStreamProgress {
  readonly rows: number;
  readonly bytes: number;
  readonly done: boolean;
}

/**
 * The options of {@link importCsvStream}: `onProgress`, called every 1,000
 * rows and once at the end, and `pseudonym`, as for {@link importCsv}.
 *
 * @example
 * ```ts
 * const options: CsvStreamImportOptions = { onProgress: (p) => console.log(`${p.rows} rows`) };
 * const clients = new TextEncoder().encode('clientId;enrolled;age;gender\nk-1;2019-01-07;34;man\n');
 * (await importCsvStream(plan, { clients }, CsvMappingSchema.parse({}), options)).rows;
 * // => 1
 * ```
 */
export interface CsvStreamImportOptions {
  /** Called every 1,000 rows and once at the end (`done: true`). */
  readonly onProgress?: (progress: ImportStreamProgress) => void;
  /** The pseudonym key (raw bytes) and an optional context, as {@link CsvImportOptions} has it. */
  readonly pseudonym?: CsvImportOptions['pseudonym'];
}

/**
 * What {@link importCsvStream} gives: what {@link importCsv} gives, but the
 * compilation of the valid records (with the rows left out counted in its
 * `invalid`, as `compileWithLeftOut` makes it) instead of the records.
 *
 * @example
 * ```ts
 * const clients = new TextEncoder().encode('clientId;enrolled;age;gender\nk-1;2019-01-07;34;man\nk-2;2019-01-09;trettio;kvinna\n');
 * const result: CsvStreamImport = await importCsvStream(plan, { clients }, CsvMappingSchema.parse({}));
 * [result.rows, result.valid, result.rejected, result.compilation.invalid.total];
 * // => [2, 1, 1, 1]
 * ```
 */
export interface CsvStreamImport extends Omit<CsvImport, 'records'> {
  /** The valid records compiled, and the rejected rows counted in `invalid` by rule. */
  readonly compilation: Compilation;
  /** How many records were valid (and compiled): `valid + rejected === rows`. */
  readonly valid: number;
}

/** Issues for a file that is not a byte source (none when an optional file is left out). */
function sourceIssues(file: unknown, path: readonly PathSegment[], required: boolean): Issue[] {
  if (file === undefined) return required ? [issue(path, 'required')] : [];
  const ok =
    file !== null &&
    typeof file === 'object' &&
    (typeof (file as ReadableStream).getReader === 'function' || Symbol.asyncIterator in file || Symbol.iterator in file);
  return ok ? [] : [issue(path, 'type', { expected: 'ReadableStream', received: typeName(file) })];
}

const sourceOf = (file: ByteSource | Uint8Array): ByteSource => (file instanceof Uint8Array ? [file] : file);

/** The chunks of a source, counting their bytes as they pass. */
async function* counting(source: ByteSource, read: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunksOf(source)) {
    read.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * The shape of a file from its first text, as {@link fileShapeRule} reads the
 * whole (its first 64 K characters; a start that is all white space is read on
 * until the first other character, or the end), and the text again, whole.
 */
async function sniff(text: AsyncIterable<string>): Promise<{ shape: 'empty_file' | 'not_csv' | undefined; text: AsyncIterable<string>; stop: () => Promise<void> }> {
  const it = text[Symbol.asyncIterator]();
  let head = '';
  let ended = false;
  while (!ended && (head.length <= SNIFF || /^[\s\ufeff]*$/.test(head))) {
    const next = await it.next();
    if (next.done) ended = true;
    else head += next.value;
  }
  async function* again(): AsyncGenerator<string> {
    yield head;
    head = '';
    if (ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { shape: fileShapeRule(head), text: again(), stop: async () => void (await it.return?.()) };
}

/** One parsed file: its header when it comes, its rows in batches, its parse issues at the end. */
async function readParts(parts: AsyncIterable<CsvStreamPart>, on: { header: (header: readonly string[], separator: ';' | ',') => void; rows: (rows: readonly CsvRow[]) => void }): Promise<Issue[]> {
  for await (const part of parts) {
    if (part.kind === 'header') on.header(part.header, part.separator);
    else if (part.kind === 'rows') on.rows(part.rows);
    else if (part.kind === 'end') return [...part.issues];
  }
  return [];
}

const parseIssue = (file: 'clients' | 'during', i: Issue): RowIssue => ({ file, line: Number(i.path[0]), column: null, field: null, issue: { ...i, path: [] } });
const wholeFile = (file: 'clients' | 'during', rule: Rule): RowIssue => ({ file, line: 1, column: null, field: null, issue: issue([], rule) });

/**
 * Imports an export as it is read, chunk by chunk, and compiles it on the
 * way: decode → parse → map → validate → compile, with no whole-file buffer
 * and no record kept. What it holds: the during file's events grouped by
 * client (read first, whole), each client id once (to find a second row of
 * it), the issues, and the compilation's counters. Each row is read exactly
 * as {@link importCsv} reads it (the same row function), so for the same
 * bytes the issues, counts and `invalid` are those of `importCsv`, and the
 * compilation is `compileWithLeftOut(plan, importCsv(…).records, importCsv(…).invalid)`
 * (tests/io/import-stream.test.ts checks this over random splits of the
 * bytes into chunks). Browser-usable: no Node API.
 *
 * One difference, from reading as it goes: without `mapping.encoding`, the
 * encoding is decided at the first non-ASCII bytes (importCsv tries the whole
 * file as UTF-8 first); a file that turns out not to be UTF-8 after that is
 * refused (path `mapping.encoding`, rule `required`: name the encoding).
 *
 * @param plan - a validated plan (as {@link parsePlan} returns it)
 * @param input - the clients file and, optionally, the during file, as byte sources
 * @param mapping - the mapping (see {@link CsvMappingSchema})
 * @param options - `onProgress` (rows and bytes read), `pseudonym` (see {@link CsvStreamImportOptions})
 * @returns a promise of the compilation and every problem found
 * @throws UppfoljningError (the promise rejects), before any row is read, for
 *   arguments importCsv would refuse (paths `plan.…`, `input.clients`,
 *   `input.during`, `mapping.…`, `options.…`), and for a file that stops
 *   being UTF-8 after its encoding was decided (see above)
 *
 * @example
 * ```ts
 * const clients = new TextEncoder().encode('clientId;enrolled;age;gender\nk-1;2019-01-07;34;Man\n');
 * const { compilation, issues } = await importCsvStream(plan, { clients: new Blob([clients]).stream() }, CsvMappingSchema.parse({}));
 * [tabulate(compilation).total.flow.selected, issues.length];
 * // => [1, 0]
 * ```
 */
export async function importCsvStream(plan: Plan, input: CsvStreamInput, mapping: CsvMapping, options: CsvStreamImportOptions = {}): Promise<CsvStreamImport> {
  const args = importArgs(plan, input, mapping, options, sourceIssues);
  plan = args.plan;
  mapping = args.mapping;
  const { pseudonymize } = args;
  const onProgress = (options as CsvStreamImportOptions).onProgress;
  const fields = csvFieldsChecked(plan);
  const read = { bytes: 0 };
  let done = 0;
  const tick = () => {
    done++;
    if (onProgress && done % 1000 === 0) onProgress({ rows: done, bytes: read.bytes, done: false });
  };

  // The clients file's start first: an empty file, or one that is not text, is that one sentence.
  const state: DecodeState = { encoding: mapping.encoding ?? 'utf-8' };
  const clients = await sniff(decodeStream(counting(sourceOf(input.clients), read), mapping.encoding, state));
  const noFile = (rule: Rule): CsvStreamImport => ({
    compilation: withLeftOut(plan, fold(plan, true).finish(), { total: 0, byRule: {} }),
    valid: 0,
    issues: [wholeFile('clients', rule)],
    rows: 0,
    rejected: 0,
    invalid: { total: 0, byRule: {} },
    encoding: state.encoding,
    separator: parseChecked('', mapping.separator).separator,
  });
  if (clients.shape !== undefined) {
    await clients.stop();
    return noFile(clients.shape);
  }

  // The during file, whole: its events are grouped by client before the clients rows come.
  const duringIssues: RowIssue[] = [];
  let duringBroken: Rule | undefined;
  const duringCells: { line: number; cells: Map<string, Cell> }[] = [];
  if (input.during !== undefined) {
    const during = await sniff(decodeStream(counting(sourceOf(input.during), read), mapping.encoding, { encoding: 'utf-8' }));
    if (during.shape !== undefined) {
      await during.stop();
      duringIssues.push(wholeFile('during', during.shape));
      duringBroken = during.shape;
    } else {
      const headerIssues: RowIssue[] = [];
      let columnOf = new Map<string, number>();
      let header: readonly string[] = [];
      const parse = await readParts(parseCsvStream(during.text, mapping.separator), {
        header: (h) => {
          header = h;
          columnOf = resolveColumns(h, identityFields(fields.during, h, mapping, pseudonymize !== undefined, 'during'), mapping.duringColumns, 'during', headerIssues);
        },
        rows: (rows) => {
          for (const row of rows) duringCells.push({ line: row.line, cells: cells(row, columnOf, header) });
        },
      });
      duringIssues.push(...parse.map((i) => parseIssue('during', i)), ...headerIssues);
      duringBroken = headerIssues[0]?.issue.rule;
    }
  }
  const { events, duringRowsByClient } = groupDuring(duringCells, mapping, pseudonymize, duringIssues, tick);
  duringCells.length = 0;

  // The clients rows, each read, checked and folded into the compilation as it comes.
  const invalid: Partial<Record<Rule, number>> = {};
  const count = (rule: Rule) => (invalid[rule] = (invalid[rule] ?? 0) + 1);
  const compiler = fold(plan, true);
  const headerIssues: RowIssue[] = [];
  const rowIssues: RowIssue[] = [];
  // Each client id once, as bytes in typed arrays rather than a string in a Map: the memory that grows with the rows.
  const firstLine = new IdLines();
  let separator: ';' | ',' = ',';
  let rowsInput: RowsInput | undefined;
  let fast: ReturnType<typeof fastRowReader>;
  let rows = 0;
  let valid = 0;
  let rejected = 0;
  // A row the compiled reader is sure of is folded as it is; any other takes the full path, which words its issues.
  const full = (row: CsvRow) => {
    const one = clientRow(rowsInput!, row, firstLine, rowIssues, count);
    if (one.record !== undefined) {
      valid++;
      compiler.add(one.record);
    }
    if (one.rejected) rejected++;
  };
  const sink: LaneSink = {
    take: (record) => {
      tick();
      rows++;
      valid++;
      compiler.add(record);
    },
    full: (row) => {
      tick();
      rows++;
      full(row);
    },
  };
  const lane: { current?: CsvLane } = {};
  const parse = await readParts(parseCsvStream(clients.text, mapping.separator, lane), {
    header: (header, sep) => {
      separator = sep;
      const columnOf = resolveColumns(header, identityFields(fields.clients, header, mapping, pseudonymize !== undefined, 'clients'), mapping.columns, 'clients', headerIssues);
      unknownCodeKeys(mapping, fields, headerIssues);
      // A missing column blocks the import (no record would be complete), but every row is still checked.
      const missing = new Set(headerIssues.map((i) => i.field));
      const blocked = headerIssues[0]?.issue.rule ?? duringBroken;
      rowsInput = { plan, mapping, table: { rows: [], header }, columnOf, rowProblems: new Map(), missing, blocked, events, pseudonymize, tick };
      fast = fastRowReader(rowsInput, firstLine);
      const reader = fast;
      if (reader !== undefined) lane.current = (text, from, line, sep, max) => reader.lane(text, from, line, sep, max, sink);
    },
    rows: (batch) => {
      for (const row of batch) {
        const sure = fast?.row(row);
        if (sure !== undefined) sink.take(sure);
        else sink.full(row);
      }
    },
  });
  if (rows === 0 && parse.length === 0) return noFile('no_rows');
  // Rows the parser could not read (wrong field count, unclosed quote) never became rows: each counted once, by its first rule.
  const unreadable = new Map<number, Rule>();
  for (const i of parse) if (!unreadable.has(Number(i.path[0]))) unreadable.set(Number(i.path[0]), i.rule);
  for (const rule of unreadable.values()) count(rule);
  rejected += unreadable.size;
  const unknown: RowIssue[] = [];
  unknownClientIssues(duringRowsByClient, firstLine, rowsInput?.missing ?? new Set(), unknown);
  // The order importCsv finds them in, then by file and line (a stable sort), as importCsv does.
  const issues = [...parse.map((i) => parseIssue('clients', i)), ...headerIssues, ...duringIssues, ...rowIssues, ...unknown];
  issues.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === 'clients' ? -1 : 1));
  onProgress?.({ rows: done, bytes: read.bytes, done: true });
  const left = { total: rejected, byRule: invalid };
  return {
    compilation: withLeftOut(plan, compiler.finish(), left),
    valid,
    issues,
    rows: rows + unreadable.size,
    rejected,
    invalid: left,
    encoding: state.encoding,
    separator,
  };
}
