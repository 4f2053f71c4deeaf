import type { IoRule } from '../core/codes.js';
import type { MessageTable } from './table.js';

const q = (v: unknown): string => JSON.stringify(v);

/**
 * Swedish and English texts for every {@link IoRule}.
 *
 * @example
 * ```ts
 * ioMessages.missing_column.en({ column: 'Ålder', field: 'age' });
 * // => 'the column "Ålder" (for age) is missing from the file'
 * ```
 */
export const ioMessages: MessageTable<IoRule> = {
  missing_column: {
    sv: (p) =>
      `kolumnen ${q(p.column)} (för ${String(p.field)}) saknas i filen` + (p.with === undefined ? '' : `; den behövs eftersom filen har en kolumn för ${String(p.with)}`),
    en: (p) =>
      `the column ${q(p.column)} (for ${String(p.field)}) is missing from the file` + (p.with === undefined ? '' : `; it is needed because the file has a column for ${String(p.with)}`),
  },
  unknown_field: {
    sv: (p) => `mappningen pekar på ${q(p.field)}, som inte är ett fält i planen`,
    en: (p) => `the mapping points to ${q(p.field)}, which is not a field of the plan`,
  },
  field_count: {
    sv: (p) => `raden har ${String(p.count)} fält men rubrikraden har ${String(p.expected)}`,
    en: (p) => `the row has ${String(p.count)} fields but the header has ${String(p.expected)}`,
  },
  unclosed_quote: {
    sv: () => 'ett citattecken öppnas men stängs aldrig',
    en: () => 'a quotation mark is opened but never closed',
  },
  not_a_number: {
    sv: (p) => `${q(p.value)} är inget tal`,
    en: (p) => `${q(p.value)} is not a number`,
  },
  not_a_boolean: {
    sv: (p) => `${q(p.value)} är varken ja eller nej`,
    en: (p) => `${q(p.value)} is neither yes nor no`,
  },
  // An id shaped like an identity number comes without its value: no message repeats one.
  duplicate_client: {
    sv: (p) => `klienten ${p.value === undefined ? '' : `${q(p.value)} `}finns redan på rad ${String(p.line)}`,
    en: (p) => `the client ${p.value === undefined ? '' : `${q(p.value)} `}is already on line ${String(p.line)}`,
  },
  empty_file: {
    sv: () => 'filen är tom',
    en: () => 'the file is empty',
  },
  no_rows: {
    sv: () => 'filen har rubriker men inga rader',
    en: () => 'the file has headers but no rows',
  },
  not_csv: {
    sv: () => 'filen är ingen CSV-fil utan innehåller binära data (spara ett kalkylark som CSV först)',
    en: () => 'the file is not a CSV file but holds binary data (save a spreadsheet as CSV first)',
  },
  unknown_client: {
    sv: (p) => `klienten ${p.value === undefined ? '' : `${q(p.value)} `}finns inte i klientfilen`,
    en: (p) => `the client ${p.value === undefined ? '' : `${q(p.value)} `}is not in the client file`,
  },
};
