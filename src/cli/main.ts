import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Locale } from '../core/locale.js';
import { formatIssues } from '../locales/index.js';
import type { Issue } from '../core/issue.js';
import { validatePlan, type Plan } from '../plan/plan.js';
import { validateRecordChecked } from '../record/validate.js';
import type { ClientRecord } from '../record/schema.js';
import { compile } from '../compile/compile.js';
import { safeMergeCompilations, validateCompilation } from '../compile/merge.js';
import type { Compilation } from '../compile/compile.js';
import { DIMENSIONS, type Dimension } from '../compile/tabulate.js';
import { importCsv, formatRowIssue, type RowIssue } from '../io/import.js';
import { validateCsvMapping, type CsvMapping } from '../io/mapping.js';
import { recordJsonSchema } from '../io/json-schema.js';
import { buildReport } from '../report/model.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { renderCsv } from '../report/csv.js';
import { chartSpecs } from '../report/charts.js';
import { help } from './help.js';
import { PLAN_TEMPLATE } from './template.js';

/** Where the CLI writes: injectable so that tests can capture output. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether progress lines are wanted (a terminal, or `--progress`). */
  readonly tty: boolean;
  /** Shows progress; by default a line on `err`. A terminal may overwrite one line instead. */
  readonly progress?: (text: string, done: boolean) => void;
}

/** Exit codes: 0 done, 1 problems in the data, 2 problems with the command or its files. */
export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

class UsageError extends Error {}

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

function readBytes(path: string, locale: Locale): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new UsageError(say(locale, `kan inte läsa filen ${path}`, `cannot read the file ${path}`));
  }
}

function loadPlan(path: string | undefined, locale: Locale): Plan {
  if (!path) throw new UsageError(say(locale, '--plan saknas', '--plan is missing'));
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

interface Loaded {
  records: ClientRecord[];
  lines: string[];
  rows: number;
  rejected: number;
}

/** Reads an export (CSV or JSON) and validates every row or record against the plan. */
function loadExport(plan: Plan, file: string, values: Record<string, unknown>, locale: Locale, io: CliIo): Loaded {
  if (extname(file).toLowerCase() === '.json') {
    const data = readJson(file, locale);
    const list = Array.isArray(data) ? data : (data as { records?: unknown }).records;
    if (!Array.isArray(list)) {
      throw new UsageError(say(locale, `${file} ska innehålla en lista med klientposter`, `${file} must hold a list of client records`));
    }
    const records: ClientRecord[] = [];
    const issues: Issue[] = [];
    list.forEach((input, i) => {
      const result = validateRecordChecked(plan, input);
      if (result.success) records.push(result.data);
      else issues.push(...result.issues.map((x) => ({ ...x, path: [i, ...x.path] })));
    });
    const lines = issues.length > 0 ? formatIssues(issues, locale).split('\n') : [];
    return { records, lines, rows: list.length, rejected: list.length - records.length };
  }
  const mapping = loadMapping(values.mapping as string | undefined, locale);
  const during = values.during as string | undefined;
  const showProgress = io.tty || values.progress === true;
  const result = importCsv(
    plan,
    { clients: readBytes(file, locale), ...(during ? { during: readBytes(during, locale) } : {}) },
    mapping,
    showProgress
      ? {
          onProgress: (p) => {
            const text = say(locale, `läst ${p.done} av ${p.total} rader`, `read ${p.done} of ${p.total} rows`);
            if (io.progress) io.progress(text, p.done === p.total);
            else io.err(text);
          },
        }
      : {},
  );
  return {
    records: [...result.records],
    lines: result.issues.map((i: RowIssue) => formatRowIssue(i, locale)),
    rows: result.rows,
    rejected: result.rejected,
  };
}

function writeOut(path: string, text: string, locale: Locale): void {
  try {
    writeFileSync(path, text);
  } catch {
    throw new UsageError(say(locale, `kan inte skriva filen ${path}`, `cannot write the file ${path}`));
  }
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  plan: { type: 'string' },
  mapping: { type: 'string' },
  during: { type: 'string' },
  progress: { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  format: { type: 'string' },
  k: { type: 'string' },
  by: { type: 'string' },
} as const;

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
  let locale: Locale = argv.includes('en') && argv[argv.indexOf('en') - 1] === '--lang' ? 'en' : 'sv';
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    if (values.lang !== undefined) {
      if (values.lang !== 'sv' && values.lang !== 'en') throw new UsageError('--lang sv|en');
      locale = values.lang;
    }
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
        const plan = loadPlan(values.plan, locale);
        const file = rest[0];
        if (file === undefined) throw new UsageError(say(locale, 'ange exportfilen', 'give the export file'));
        if (command === 'compile' && !values.out) throw new UsageError(say(locale, '--out saknas', '--out is missing'));
        const loaded = loadExport(plan, file, values, locale, io);
        for (const line of loaded.lines) io.out(line);
        const counts = say(
          locale,
          `${loaded.rows} rader: ${loaded.records.length} giltiga, ${loaded.rejected} med fel.`,
          `${loaded.rows} rows: ${loaded.records.length} valid, ${loaded.rejected} with problems.`,
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
        const compilation = compile(plan, loaded.records);
        writeOut(values.out!, `${JSON.stringify(compilation)}\n`, locale);
        io.out(counts);
        io.out(say(locale, `Sammanställningen av ${loaded.records.length} klienter skrevs till ${values.out}.`, `The compilation of ${loaded.records.length} clients was written to ${values.out}.`));
        return loaded.lines.length > 0 ? EXIT.data : EXIT.ok;
      }
      case 'merge': {
        if (rest.length === 0) throw new UsageError(say(locale, 'ange sammanställningarna', 'give the compilations'));
        if (!values.out) throw new UsageError(say(locale, '--out saknas', '--out is missing'));
        const result = safeMergeCompilations(rest.map((f) => readJson(f, locale)));
        if (!result.success) {
          // Issues of the i-th compilation start with ['compilations', i]: name the file instead.
          const inFile = (p: readonly (string | number)[]) => (p[0] === 'compilations' && typeof p[1] === 'number' ? [rest[p[1]] ?? String(p[1]), ...p.slice(2)] : [...p]);
          io.out(formatIssues(result.issues.map((i) => ({ ...i, path: inFile(i.path) })), locale));
          return EXIT.data;
        }
        writeOut(values.out, `${JSON.stringify(result.data)}\n`, locale);
        io.out(say(locale, `${rest.length} sammanställningar slogs ihop till ${values.out}.`, `${rest.length} compilations were merged into ${values.out}.`));
        return EXIT.ok;
      }
      case 'report': {
        const file = rest[0];
        if (file === undefined) throw new UsageError(say(locale, 'ange sammanställningen', 'give the compilation'));
        const checked = validateCompilation(readJson(file, locale));
        if (!checked.success) {
          io.out(formatIssues(checked.issues, locale));
          return EXIT.data;
        }
        const compilation: Compilation = checked.data;
        const format = values.format ?? 'html';
        const k = values.k === undefined ? undefined : Number(values.k);
        if (k !== undefined && (!Number.isInteger(k) || k < 1)) throw new UsageError(say(locale, '--k ska vara ett heltal, minst 1', '--k must be a whole number, at least 1'));
        const by = values.by?.split(',').map((s) => s.trim());
        const unknown = by?.find((d) => !DIMENSIONS.includes(d as Dimension));
        if (unknown !== undefined) throw new UsageError(say(locale, `okänd nedbrytning ${unknown}; välj bland ${DIMENSIONS.join(', ')}`, `unknown breakdown ${unknown}; choose from ${DIMENSIONS.join(', ')}`));
        const model = buildReport(compilation, { locale, ...(k !== undefined ? { k } : {}), ...(by ? { by: by as Dimension[] } : {}) });
        const out = values.out;
        if (format === 'text' && !out) {
          io.out(renderText(model));
          return EXIT.ok;
        }
        if (!out) throw new UsageError(say(locale, '--out saknas', '--out is missing'));
        if (format === 'text') writeOut(out, `${renderText(model)}\n`, locale);
        else if (format === 'html') writeOut(out, await renderHtml(model), locale);
        else if (format === 'md') writeOut(out, renderMarkdown(model), locale);
        else if (format === 'csv' || format === 'vega') {
          mkdirSync(out, { recursive: true });
          if (format === 'csv') for (const f of renderCsv(model)) writeOut(join(out, f.name), f.text, locale);
          else for (const c of chartSpecs(model)) writeOut(join(out, `${c.id}.vl.json`), `${JSON.stringify(c.spec, null, 2)}\n`, locale);
        } else throw new UsageError(say(locale, `okänt format ${format}; välj html, md, text, csv eller vega`, `unknown format ${format}; choose html, md, text, csv or vega`));
        io.out(say(locale, `Rapporten skrevs till ${out}.`, `The report was written to ${out}.`));
        return EXIT.ok;
      }
      case 'schema': {
        const plan = loadPlan(values.plan, locale);
        const text = `${JSON.stringify(recordJsonSchema(plan, { locale }), null, 2)}\n`;
        if (values.out) {
          writeOut(values.out, text, locale);
          io.out(say(locale, `JSON Schema skrevs till ${values.out}.`, `The JSON Schema was written to ${values.out}.`));
        } else io.out(text.trimEnd());
        return EXIT.ok;
      }
      default:
        throw new UsageError(`${say(locale, `okänt kommando ${command}`, `unknown command ${command}`)}\n\n${help('main', locale)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`uppfoljning: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`uppfoljning: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}
