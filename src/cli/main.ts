import { parseArgs } from 'node:util';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Locale } from '../core/locale.js';
import { formatIssues, ruleText } from '../locales/index.js';
import type { Issue, Rule } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { validatePlan, type Plan } from '../plan/plan.js';
import { validateRecordChecked } from '../record/validate.js';
import type { ClientRecord } from '../record/schema.js';
import { compileWithLeftOut } from '../compile/with-invalid.js';
import { safeMergeCompilations, type MergeOptions } from '../compile/merge.js';
import { validateCompilation } from '../compile/schema.js';
import type { Compilation } from '../compile/schema.js';
import { DIMENSIONS, type Dimension } from '../compile/tabulate.js';
import { formatRowIssue, type RowIssue } from '../io/import.js';
import { importCsvStream, type ImportStreamProgress } from '../io/import-stream.js';
import { validateCsvMapping, type CsvMapping } from '../io/mapping.js';
import { recordJsonSchema } from '../io/json-schema.js';
import { help, HELP } from './help.js';
import { counted } from '../locales/count.js';
import { syncPseudonymizer } from '../identity/pseudonym.js';
import { PLAN_TEMPLATE } from './template.js';
import { initFromExport } from './init.js';
import { inSheets, readWorkbookSheet, workbookMapping, type SheetBytes } from './xlsx-input.js';

/** Where the CLI writes: injectable so that tests can capture output. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether progress lines are wanted (a terminal, or `--progress`). */
  readonly tty: boolean;
  /** Shows progress; by default a line on `err`. A terminal may overwrite one line instead (then a bar is drawn). */
  readonly progress?: (text: string, done: boolean) => void;
  /**
   * A clock in milliseconds, to space progress out: with it a terminal's bar is
   * redrawn at most every 100 ms and a progress line is written at most every
   * 2 s; without it (tests), every 1,000 rows.
   */
  readonly now?: () => number;
}

/** Exit codes: 0 done, 1 problems in the data, 2 problems with the command or its files. */
export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

/**
 * A problem with the command, its arguments or its files: printed on stderr
 * with exit code 2. `help` names the command whose `--help` to point to, for
 * problems with the arguments.
 */
class UsageError extends Error {
  constructor(
    message: string,
    readonly help?: string,
  ) {
    super(message);
  }
}

const say = (locale: Locale, sv: string, en: string) => (locale === 'sv' ? sv : en);

function readJson(path: string, locale: Locale): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(say(locale, `kan inte läsa filen ${path}`, `cannot read the file ${path}`));
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(say(locale, `${path} är inte giltig JSON: ${(e as Error).message}`, `${path} is not valid JSON: ${(e as Error).message}`));
  }
}

function loadPlan(path: string, locale: Locale): Plan {
  const result = validatePlan(readJson(path, locale));
  if (!result.success) {
    throw new UsageError(`${say(locale, `planen ${path} har fel:`, `the plan ${path} has problems:`)}\n${formatIssues(result.issues, locale)}`);
  }
  return result.data;
}

function loadMapping(path: string | undefined, locale: Locale): CsvMapping {
  const result = validateCsvMapping(path ? readJson(path, locale) : {});
  if (!result.success) {
    throw new UsageError(`${say(locale, `mappningen ${path} har fel:`, `the mapping ${path} has problems:`)}\n${formatIssues(result.issues, locale)}`);
  }
  return result.data;
}

/**
 * The pseudonym key, from the file `--pseudonym-key-file` names or the
 * environment variable `--pseudonym-key-env` names (never from the command
 * line itself, where it would be in the shell's history and the process
 * list): 32 or more bytes written as hex (`openssl rand -hex 32`) or base64,
 * white space around it ignored. A key the library refuses (too short, one
 * byte repeated, an even run, too little entropy) is a usage error that says
 * why, without the key.
 */
function readPseudonymKey(values: Record<string, unknown>, locale: Locale): Uint8Array | undefined {
  const file = values['pseudonym-key-file'] as string | undefined;
  const env = values['pseudonym-key-env'] as string | undefined;
  if (file !== undefined && env !== undefined) {
    throw new UsageError(say(locale, 'ange nyckeln med --pseudonym-key-file eller --pseudonym-key-env, inte båda', 'give the key with --pseudonym-key-file or --pseudonym-key-env, not both'));
  }
  if (file === undefined && env === undefined) return undefined;
  let text: string;
  let source: string;
  if (file !== undefined) {
    source = say(locale, `filen ${file}`, `the file ${file}`);
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(say(locale, `kan inte läsa filen ${file}`, `cannot read the file ${file}`));
    }
  } else {
    source = say(locale, `miljövariabeln ${env}`, `the environment variable ${env}`);
    const value = process.env[env!];
    if (value === undefined || value.trim() === '') throw new UsageError(say(locale, `${source} är inte satt`, `${source} is not set`));
    text = value;
  }
  const key = decodeKey(text.trim());
  if (key === undefined) {
    throw new UsageError(
      say(
        locale,
        `nyckeln i ${source} ska vara skriven som hex eller base64 (t.ex. från openssl rand -hex 32)`,
        `the key in ${source} must be written as hex or base64 (e.g. from openssl rand -hex 32)`,
      ),
    );
  }
  const checked = syncPseudonymizer(key, undefined, []);
  if (!checked.ok) {
    const why = checked.issues.map((i) => ruleText(i.rule, i.params, locale)).join('; ');
    throw new UsageError(say(locale, `nyckeln i ${source} kan inte användas: ${why}`, `the key in ${source} cannot be used: ${why}`));
  }
  return key;
}

/** A key written as hex (an even number of hex digits) or base64 / base64url; undefined if it is neither. */
function decodeKey(text: string): Uint8Array | undefined {
  if (/^(?:[0-9a-fA-F]{2})+$/.test(text)) return Uint8Array.from(text.match(/../g)!, (h) => parseInt(h, 16));
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text) && text.replace(/=+$/, '').length % 4 !== 1) {
    return new Uint8Array(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  return undefined;
}

interface Loaded {
  /** How many rows or records were valid. */
  valid: number;
  /** The valid records compiled, the rows left out counted in `invalid` (what `compile --skip-invalid` writes). */
  compilation: () => Compilation;
  lines: string[];
  rows: number;
  rejected: number;
  /** The rejected rows by the rule of each one's first problem, as a compilation counts them. */
  invalid: Compilation['invalid'];
}

/** Rejected rows or records counted once each, by the rule of their first issue. */
function countInvalid(firstRules: readonly Rule[]): Compilation['invalid'] {
  const byRule: Partial<Record<Rule, number>> = {};
  for (const rule of firstRules) byRule[rule] = (byRule[rule] ?? 0) + 1;
  return { total: firstRules.length, byRule };
}

/** Reads an export (CSV, as a stream, or JSON) and validates every row or record against the plan. */
async function loadExport(plan: Plan, file: string, values: Record<string, unknown>, locale: Locale, io: CliIo): Promise<Loaded> {
  if (extname(file).toLowerCase() === '.json') {
    const data = readJson(file, locale);
    const list = Array.isArray(data) ? data : (data as { records?: unknown }).records;
    if (!Array.isArray(list)) {
      throw new UsageError(say(locale, `${file} ska innehålla en lista med klientposter`, `${file} must hold a list of client records`));
    }
    const records: ClientRecord[] = [];
    const issues: Issue[] = [];
    const firstRules: Rule[] = [];
    list.forEach((input, i) => {
      const result = validateRecordChecked(plan, input);
      if (result.success) records.push(result.data);
      else {
        issues.push(...result.issues.map((x) => ({ ...x, path: [i, ...x.path] })));
        firstRules.push(result.issues[0]!.rule);
      }
    });
    const lines = issues.length > 0 ? formatIssues(issues, locale).split('\n') : [];
    const invalid = countInvalid(firstRules);
    return { valid: records.length, compilation: () => compileWithLeftOut(plan, records, invalid), lines, rows: list.length, rejected: list.length - records.length, invalid };
  }
  const mapping = loadMapping(values.mapping as string | undefined, locale);
  const during = values.during as string | undefined;
  const showProgress = io.tty || values.progress === true;
  const key = readPseudonymKey(values, locale);
  // A workbook is read whole (a zip has its directory at the end) and its sheet becomes CSV bytes.
  const clients = workbookInput(file, values.sheet as string | undefined, mapping, locale);
  const events = during ? workbookInput(during, values['during-sheet'] as string | undefined, mapping, locale) : undefined;
  const usedMapping = workbookMapping(mapping, during ? [clients, events] : [clients], locale);
  if ('problem' in usedMapping) throw new UsageError(usedMapping.problem);
  // Read as a stream: no file is held whole, and the compilation is folded as the rows come.
  const size = fileSize(file, locale) + (during ? fileSize(during, locale) : 0);
  const progress = showProgress ? progressShower(size, locale, io) : undefined;
  let result;
  try {
    result = await importCsvStream(
      plan,
      { clients: clients?.bytes ?? readStream(file), ...(during ? { during: events?.bytes ?? readStream(during) } : {}) },
      usedMapping,
      { ...(key ? { pseudonym: { key } } : {}), ...(progress ? { onProgress: progress } : {}) },
    );
  } catch (error) {
    // A file that could be opened but not read to its end (a folder, a device that fails).
    if ((error as NodeJS.ErrnoException).code !== undefined) throw new UsageError(say(locale, `kan inte läsa filen ${file}`, `cannot read the file ${file}`));
    throw error;
  }
  const { compilation } = result;
  return {
    valid: result.valid,
    compilation: () => compilation,
    lines: inSheets(result.issues, { clients: clients?.sheet, during: events?.sheet }).map((i: RowIssue) => formatRowIssue(i, locale)),
    rows: result.rows,
    rejected: result.rejected,
    invalid: result.invalid,
  };
}

/** A file's size in bytes, or the usage error that it cannot be read. */
function fileSize(path: string, locale: Locale): number {
  try {
    return statSync(path).size;
  } catch {
    throw new UsageError(say(locale, `kan inte läsa filen ${path}`, `cannot read the file ${path}`));
  }
}

/** A file's bytes as a Node read stream (an async iterable of chunks), 1 MB at a time. */
const readStream = (path: string) => createReadStream(path, { highWaterMark: 1 << 20 });

/**
 * Progress of a streamed import on stderr: in a terminal a bar (the share of
 * the files' bytes read) and the rows so far, redrawn in place; otherwise a
 * line now and then. The last call says how many rows were read.
 */
function progressShower(size: number, locale: Locale, io: CliIo): (p: ImportStreamProgress) => void {
  let last = -Infinity;
  const every = io.progress ? 100 : 2000;
  return ({ rows, bytes, done }) => {
    if (done) {
      const text = say(locale, `läst ${rows} av ${counted(rows, 'row', locale)}`, `read ${rows} of ${counted(rows, 'row', locale)}`);
      if (io.progress) io.progress(text, true);
      else io.err(text);
      return;
    }
    if (io.now) {
      const t = io.now();
      if (t - last < every) return;
      last = t;
    }
    const percent = size > 0 ? Math.min(100, Math.floor((bytes / size) * 100)) : 100;
    const read = say(locale, `läst ${counted(rows, 'row', locale)}, ${percent} % av filen`, `read ${counted(rows, 'row', locale)}, ${percent} % of the file`);
    if (io.progress) {
      const filled = Math.round(percent / 5);
      io.progress(`[${'█'.repeat(filled)}${'░'.repeat(20 - filled)}] ${read}`, false);
    } else io.err(read);
  };
}

/** The sheet `--sheet` (or `--during-sheet`) names when the file is a workbook, else undefined: the file is streamed as CSV. */
function workbookInput(file: string, sheet: string | undefined, mapping: CsvMapping, locale: Locale): SheetBytes | undefined {
  const read = readWorkbookSheet(file, sheet, mapping, locale);
  if (read !== undefined && 'problem' in read) throw new UsageError(read.problem);
  return read;
}

function writeOut(path: string, text: string, locale: Locale): void {
  try {
    writeFileSync(path, text);
  } catch {
    throw new UsageError(say(locale, `kan inte skriva filen ${path}`, `cannot write the file ${path}`));
  }
}

/** The browser `--format pdf` prints with (see src/cli/pdf.ts), or the usage error naming what was looked for. */
async function pdfBrowser(option: string | undefined, locale: Locale): Promise<string> {
  const { findBrowser } = await import('./pdf.js');
  const found = findBrowser(option, process.env, locale);
  if ('problem' in found) throw new UsageError(found.problem);
  return found.path;
}

/** The commands, in the order the overview lists them. */
const COMMANDS = ['init', 'validate', 'compile', 'merge', 'report', 'schema'] as const;

/** A flag the command cannot do without: its value, or a usage error naming it and the command's `--help`. */
function need(value: string | undefined, flag: string, command: string, locale: Locale): string {
  if (value === undefined) throw new UsageError(say(locale, `--${flag} saknas`, `--${flag} is missing`), command);
  return value;
}

/**
 * The options of `merge`: `--pool` sums every unit into one, `--pool-unit CODE`
 * (with `--pool-label TEXT`, the label in both languages; the code without it)
 * names the sum, `--distinct` refuses a unit and period given twice.
 */
function mergeOptions(values: Values, command: string, locale: Locale): MergeOptions {
  if (values['pool-label'] !== undefined && values['pool-unit'] === undefined) {
    throw new UsageError(say(locale, '--pool-label kräver --pool-unit', '--pool-label needs --pool-unit'), command);
  }
  const unit = values['pool-unit'];
  const label = values['pool-label'] ?? unit;
  const pool = unit !== undefined ? { code: unit, label: { sv: label!, en: label! } } : values.pool === true ? true : undefined;
  return { ...(pool === undefined ? {} : { pool }), ...(values.distinct === true ? { distinct: true } : {}) };
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  from: { type: 'string' },
  plan: { type: 'string' },
  mapping: { type: 'string' },
  during: { type: 'string' },
  sheet: { type: 'string' },
  'during-sheet': { type: 'string' },
  progress: { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  'pseudonym-key-file': { type: 'string' },
  'pseudonym-key-env': { type: 'string' },
  format: { type: 'string' },
  k: { type: 'string' },
  by: { type: 'string' },
  pool: { type: 'boolean' },
  'pool-unit': { type: 'string' },
  'pool-label': { type: 'string' },
  distinct: { type: 'boolean' },
  audience: { type: 'string' },
  chromium: { type: 'string' },
  smileys: { type: 'boolean' },
} as const;

/**
 * The language of the CLI's messages, read from the raw arguments before
 * anything else (so that an argument error is already in it, and a
 * `--lang en` after a flag missing its value still counts). The last `--lang` wins.
 */
function cliLocale(argv: readonly string[]): Locale {
  let locale: Locale = 'sv';
  argv.forEach((a, i) => {
    const value = a.startsWith('--lang=') ? a.slice('--lang='.length) : argv[i - 1] === '--lang' ? a : undefined;
    if (value === 'sv' || value === 'en') locale = value;
  });
  return locale;
}

type Values = {
  -readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/**
 * Reads the arguments with Node's `parseArgs` (not strict, with its tokens),
 * then checks them here, so that an unknown flag, a flag without its value or
 * a value given to a switch is named in the user's language and points to
 * `--help`, instead of Node's English error text. `--lang` is read first, so
 * that every later message is in the language asked for.
 */
function parseCli(argv: readonly string[]): { values: Values; positionals: string[] } {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const command = tokens.find((t) => t.kind === 'positional')?.value;
  const helpFor = command !== undefined && Object.hasOwn(HELP, command) ? command : 'main';
  const known = (name: string): name is keyof typeof OPTIONS => Object.hasOwn(OPTIONS, name);
  // A string flag's value taken from the next argument that is itself a flag (`--plan --lang en`) is no value.
  const shorts = new Set(Object.values(OPTIONS).flatMap((o) => ('short' in o ? [`-${o.short}`] : [])));
  const looksLikeFlag = (v: string) => v.startsWith('--') || shorts.has(v);
  const valueOf = (t: (typeof tokens)[number] & { kind: 'option' }) =>
    t.value !== undefined && !t.inlineValue && looksLikeFlag(t.value) ? undefined : t.value;
  const locale = cliLocale(argv);
  const values: Values = {};
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    if (!known(t.name)) {
      throw new UsageError(say(locale, `okänd flagga ${t.rawName}`, `unknown option ${t.rawName}`), helpFor);
    }
    const spec = OPTIONS[t.name];
    if (spec.type === 'boolean') {
      if (t.inlineValue) throw new UsageError(say(locale, `${t.rawName} tar inget värde (fick ${JSON.stringify(t.value)})`, `${t.rawName} takes no value (got ${JSON.stringify(t.value)})`), helpFor);
      (values as Record<string, unknown>)[t.name] = true;
      continue;
    }
    const value = valueOf(t);
    if (value === undefined || value === '') {
      throw new UsageError(say(locale, `${t.rawName} saknar sitt värde`, `${t.rawName} is missing its value`), helpFor);
    }
    (values as Record<string, unknown>)[t.name] = value;
  }
  if (values.lang !== undefined && values.lang !== 'sv' && values.lang !== 'en') {
    throw new UsageError(say(locale, `--lang ska vara sv eller en (fick ${JSON.stringify(values.lang)})`, `--lang must be sv or en (got ${JSON.stringify(values.lang)})`), helpFor);
  }
  return { values, positionals };
}

/**
 * Runs the `uppfoljning` command line with its arguments (without `node`
 * and the script name) and returns the exit code: 0 done, 1 problems in the
 * data, 2 problems with the command or its files. Everything it prints
 * goes through `io`, so tests can capture it.
 *
 * @param argv - the arguments
 * @param io - where output, errors and progress go
 * @returns the exit code
 *
 * @example
 * ```ts
 * await runCli(['validate', '--plan', 'plan.json', 'export.csv'], { out: console.log, err: console.error, tty: false });
 * // => 0
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const locale = cliLocale(argv);
  try {
    const { values, positionals } = parseCli(argv);
    const [command, ...rest] = positionals;
    if (command === undefined || command === 'help') {
      io.out(help(rest[0] ?? 'main', locale));
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    if (values.help) {
      io.out(help(command, locale));
      return EXIT.ok;
    }
    switch (command) {
      case 'init': {
        if (values.from !== undefined) {
          const done = initFromExport(values.from, values.out ?? '.', values.force === true, locale, (path, text) => writeOut(path, text, locale), values.sheet);
          if ('problem' in done) throw new UsageError(done.problem);
          io.out(done.text);
          return EXIT.ok;
        }
        const out = values.out ?? 'plan.json';
        if (existsSync(out) && !values.force) {
          throw new UsageError(say(locale, `${out} finns redan; använd --force för att skriva över`, `${out} already exists; use --force to overwrite`));
        }
        writeOut(out, `${JSON.stringify(PLAN_TEMPLATE, null, 2)}\n`, locale);
        io.out(say(locale, `Skrev en planmall till ${out}. Ändra den och kontrollera den med uppfoljning validate.`, `Wrote a plan template to ${out}. Edit it, then check it with uppfoljning validate.`));
        return EXIT.ok;
      }
      case 'validate':
      case 'compile': {
        const plan = loadPlan(need(values.plan, 'plan', command, locale), locale);
        const file = rest[0];
        if (file === undefined) throw new UsageError(say(locale, 'ange exportfilen', 'give the export file'), command);
        if (command === 'compile') need(values.out, 'out', command, locale);
        const loaded = await loadExport(plan, file, values, locale, io);
        for (const line of loaded.lines) io.out(line);
        // An empty file, a header with no rows, a file that is not text: its one sentence says it all.
        if (loaded.rows === 0 && loaded.lines.length > 0) return EXIT.data;
        const counts = say(
          locale,
          `${counted(loaded.rows, 'row', locale)}: ${counted(loaded.valid, 'valid', locale)}, ${loaded.rejected} med fel.`,
          `${counted(loaded.rows, 'row', locale)}: ${counted(loaded.valid, 'valid', locale)}, ${loaded.rejected} with problems.`,
        );
        if (command === 'validate') {
          io.out(counts);
          return loaded.rejected > 0 || loaded.lines.length > 0 ? EXIT.data : EXIT.ok;
        }
        if (loaded.lines.length > 0 && !values['skip-invalid']) {
          io.out(counts);
          io.out(say(locale, 'Ingen sammanställning skriven (använd --skip-invalid för att sammanställa de giltiga raderna).', 'No compilation written (use --skip-invalid to compile the valid rows).'));
          return EXIT.data;
        }
        // Rows left out are counted in the compilation's `invalid` by rule, so that no report built from it can forget them.
        const compilation = loaded.compilation();
        writeOut(values.out!, `${JSON.stringify(compilation)}\n`, locale);
        io.out(counts);
        io.out(say(locale, `Sammanställningen av ${counted(loaded.valid, 'client', locale)} skrevs till ${values.out}.`, `The compilation of ${counted(loaded.valid, 'client', locale)} was written to ${values.out}.`));
        if (loaded.invalid.total > 0) {
          const one = loaded.invalid.total === 1;
          io.out(
            say(
              locale,
              `${counted(loaded.invalid.total, 'rowWithProblems', locale)} ingår inte i sammanställningen; ${one ? 'den räknas som oanvändbar' : 'de räknas som oanvändbara'} och visas i rapporten.`,
              `${counted(loaded.invalid.total, 'rowWithProblems', locale)} ${one ? 'is' : 'are'} left out of the compilation; ${one ? 'it is' : 'they are'} counted as unusable and shown in the report.`,
            ),
          );
        }
        return loaded.lines.length > 0 ? EXIT.data : EXIT.ok;
      }
      case 'merge': {
        if (rest.length === 0) throw new UsageError(say(locale, 'ange sammanställningarna', 'give the compilations'), command);
        const out = need(values.out, 'out', command, locale);
        const result = safeMergeCompilations(rest.map((f) => readJson(f, locale)), mergeOptions(values, command, locale));
        if (!result.success) {
          // Issues of the i-th compilation start with ['compilations', i]: name the file instead.
          const inFile = (p: readonly (string | number)[]) => (p[0] === 'compilations' && typeof p[1] === 'number' ? [rest[p[1]] ?? String(p[1]), ...p.slice(2)] : [...p]);
          io.out(formatIssues(result.issues.map((i) => ({ ...i, path: inFile(i.path) })), locale));
          return EXIT.data;
        }
        writeOut(out, `${JSON.stringify(result.data)}\n`, locale);
        io.out(say(locale, `${counted(rest.length, 'compilation', locale)} slogs ihop till ${out}.`, `${counted(rest.length, 'compilation', locale)} ${rest.length === 1 ? 'was' : 'were'} merged into ${out}.`));
        return EXIT.ok;
      }
      case 'report': {
        const file = rest[0];
        if (file === undefined) throw new UsageError(say(locale, 'ange sammanställningen', 'give the compilation'), command);
        const checked = validateCompilation(readJson(file, locale));
        if (!checked.success) {
          io.out(formatIssues(checked.issues, locale));
          return EXIT.data;
        }
        const compilation: Compilation = checked.data;
        const format = values.format ?? 'html';
        const k = values.k === undefined ? undefined : Number(values.k);
        if (k !== undefined && (!Number.isInteger(k) || k < 1)) throw new UsageError(say(locale, `--k ska vara ett heltal, minst 1 (fick ${JSON.stringify(values.k)})`, `--k must be a whole number, at least 1 (got ${JSON.stringify(values.k)})`), command);
        const audience = values.audience ?? 'published';
        if (audience !== 'published' && audience !== 'internal') throw new UsageError(say(locale, `okänd mottagare ${audience}; välj published eller internal`, `unknown audience ${audience}; choose published or internal`), command);
        const by = values.by?.split(',').map((s) => s.trim());
        const unknown = by?.find((d) => !DIMENSIONS.includes(d as Dimension));
        if (unknown !== undefined) throw new UsageError(say(locale, `okänd nedbrytning ${unknown}; välj bland ${DIMENSIONS.join(', ')}`, `unknown breakdown ${unknown}; choose from ${DIMENSIONS.join(', ')}`), command);
        const formats = ['html', 'pdf', 'md', 'text', 'csv', 'vega'];
        if (!formats.includes(format)) throw new UsageError(say(locale, `okänt format ${format}; välj html, pdf, md, text, csv eller vega`, `unknown format ${format}; choose html, pdf, md, text, csv or vega`), command);
        if (values.chromium !== undefined && format !== 'pdf') throw new UsageError(say(locale, '--chromium gäller bara --format pdf', '--chromium is only for --format pdf'), command);
        // Text goes to stdout without --out; every other format needs it.
        const out = format === 'text' && values.out === undefined ? undefined : need(values.out, 'out', command, locale);
        // The renderers load vega and vega-lite (about half a second): only this command needs them.
        const { buildReport, renderHtml, renderMarkdown, renderText, renderCsv, chartSpecs } = await import('../report/index.js');
        // The report is dated today (UTC); the library itself never reads the clock.
        const date = new Date().toISOString().slice(0, 10);
        // With --plan, the header also gives the plan's question, target group and period.
        const plan = values.plan === undefined ? undefined : loadPlan(values.plan, locale);
        // The browser is found before the report is built, so that a missing one is said at once.
        const browser = format === 'pdf' ? await pdfBrowser(values.chromium, locale) : undefined;
        const model = buildReport(compilation, { locale, date, audience, ...(plan ? { plan } : {}), ...(k !== undefined ? { k } : {}), ...(by ? { by: by as Dimension[] } : {}) });
        if (out === undefined) {
          io.out(renderText(model));
          return EXIT.ok;
        }
        // The pilot's smileys beside the goal-attainment levels (HTML, PDF, Markdown, chart specs).
        const look = { smileys: values.smileys === true };
        if (format === 'text') writeOut(out, `${renderText(model)}\n`, locale);
        else if (format === 'html') writeOut(out, await renderHtml(model, look), locale);
        else if (format === 'pdf') {
          // Printed by the user's own headless Chromium from the self-contained HTML (src/cli/pdf.ts).
          const { printPdf } = await import('./pdf.js');
          const failed = await printPdf(await renderHtml(model, look), browser!, out, locale);
          if (failed !== undefined) throw new UsageError(failed.problem);
        }
        else if (format === 'md') writeOut(out, renderMarkdown(model, look), locale);
        else if (format === 'csv' || format === 'vega') {
          mkdirSync(out, { recursive: true });
          if (format === 'csv') for (const f of renderCsv(model)) writeOut(join(out, f.name), f.text, locale);
          else for (const c of chartSpecs(model, look)) writeOut(join(out, `${c.id}.vl.json`), `${JSON.stringify(c.spec, null, 2)}\n`, locale);
        }
        io.out(say(locale, `Rapporten skrevs till ${out}.`, `The report was written to ${out}.`));
        return EXIT.ok;
      }
      case 'schema': {
        const plan = loadPlan(need(values.plan, 'plan', command, locale), locale);
        const text = `${JSON.stringify(recordJsonSchema(plan, { locale }), null, 2)}\n`;
        if (values.out) {
          writeOut(values.out, text, locale);
          io.out(say(locale, `JSON Schema skrevs till ${values.out}.`, `The JSON Schema was written to ${values.out}.`));
        } else io.out(text.trimEnd());
        return EXIT.ok;
      }
      default:
        throw new UsageError(say(locale, `okänt kommando ${command}; kommandona är ${COMMANDS.join(', ')}`, `unknown command ${command}; the commands are ${COMMANDS.join(', ')}`), 'main');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const where = error.help === undefined ? undefined : error.help === 'main' ? 'uppfoljning --help' : `uppfoljning ${error.help} --help`;
      io.err(`uppfoljning: ${error.message}${where === undefined ? '' : say(locale, ` (se ${where})`, ` (see ${where})`)}`);
      return EXIT.usage;
    }
    // A library function refused what the files hold (a compilation whose counts contradict each
    // other, say): its issues in the chosen language, as the data problems above are shown.
    if (error instanceof UppfoljningError) {
      io.out(error.format(locale));
      return EXIT.data;
    }
    throw error;
  }
}
