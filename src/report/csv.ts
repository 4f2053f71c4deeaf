import type { Compilation } from '../compile/schema.js';
import { bannerText, toModel, type ReportModel, type ReportOptions } from './model.js';
import { cellValues } from './_lib/cell.js';
import { csvText } from './_lib/escape.js';

/**
 * One CSV file of a report: a file name and its text.
 *
 * @example
 * ```ts
 * const files: CsvFile[] = renderCsv(compilation);
 * files[0]?.name;
 * // => 'flow.csv'
 * files.map((file) => file.name).slice(0, 3); // each text saved under its name
 * // => ['flow.csv', 'withdrawals.csv', 'attainment-total.csv']
 * ```
 */
export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Renders a report as tidy CSV: one file per table, one row per value, with
 * the columns `row`, `column`, `count`, `n`, `value`, `lower`, `upper`,
 * `suppressed` (and `text` for text cells). Swedish files use `;` and a
 * decimal comma, as Excel in Swedish expects; English files use `,` and a
 * decimal point. Suppressed values are empty with `suppressed` true, never 0.
 * A text cell a spreadsheet could run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a line break) is written with a leading `'`, as OWASP
 * advises; the number columns hold numbers only, so `-1,5` stays a number.
 * Files start with a UTF-8 byte-order mark so that Excel reads `å`, `ä`, `ö`.
 *
 * @param input - a compilation, or a report from {@link buildReport}
 * @param options - language, small-cell threshold, breakdowns (for a compilation)
 * @returns one file per table
 * @throws UppfoljningError when `options.by` names an unknown dimension
 *
 * @see https://vita.had.co.nz/papers/tidy-data.html Wickham (2014), Tidy data
 *
 * @example
 * ```ts
 * renderCsv(compilation)[0]?.text.split('\r\n').slice(1, 4);
 * // => ['Utvalda;Antal;;;;;;ja;', 'Påbörjade aldrig;Antal;;;;;;ja;', 'Påbörjade insatsen;Antal;39;;;;;nej;']
 * // (the 1 who never started is hidden, and so the 40 selected it could be worked out from)
 * ```
 */
export function renderCsv(input: Compilation | ReportModel, options: ReportOptions = {}): CsvFile[] {
  const model = toModel(input, options);
  const sv = model.locale === 'sv';
  const sep = sv ? ';' : ',';
  const num = (v: number | null) => (v === null ? '' : sv ? String(v).replace('.', ',') : String(v));
  const quote = (text: string) => {
    const s = csvText(text);
    return /[";,\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = sv
    ? ['rad', 'kolumn', 'antal', 'n', 'varde', 'nedre', 'ovre', 'undertryckt', 'text']
    : ['row', 'column', 'count', 'n', 'value', 'lower', 'upper', 'suppressed', 'text'];
  const banner = bannerText(model);
  const files: CsvFile[] = [];
  for (const section of model.sections) {
    for (const table of section.tables) {
      // An internal report's files each open with the banner as a row of its own, above the header.
      const lines = [...(banner === undefined ? [] : [quote(banner)]), header.join(sep)];
      for (const row of table.rows) {
        row.cells.forEach((cell, j) => {
          const v = cellValues(cell);
          lines.push(
            [
              quote(row.label),
              quote(table.columns[j] ?? ''),
              num(v.count),
              num(v.n),
              num(v.value),
              num(v.lower),
              num(v.upper),
              v.suppressed ? (sv ? 'ja' : 'true') : sv ? 'nej' : 'false',
              quote(v.text ?? ''),
            ].join(sep),
          );
        });
      }
      files.push({ name: `${table.id}.csv`, text: `\ufeff${lines.join('\r\n')}\r\n` });
    }
  }
  return files;
}
