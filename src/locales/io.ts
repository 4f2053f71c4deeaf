import type { IoRule } from '../core/codes.js';
import type { MessageTable } from './table.js';
import type { IssueParams } from '../core/issue.js';

const q = (v: unknown): string => JSON.stringify(v);

const ids = (v: unknown): string => (Array.isArray(v) ? v.map((x) => q(x)).join(', ') : '');

/** What a mapping key names that the plan lacks (see io/mapping.ts `unknownFieldParams`), and what the plan has in its place. */
function unknownPart(p: IssueParams, locale: 'sv' | 'en'): string {
  const sv = locale === 'sv';
  const known = Array.isArray(p.known) ? p.known : [];
  // The ids the plan has instead, or what it lacks altogether.
  const has = (none: { sv: string; en: string }) => ` (${known.length > 0 ? `${sv ? 'planen har' : 'the plan has'}: ${ids(known)}` : none[locale]})`;
  const point = (v: unknown) => (v === 'after' ? (sv ? 'vid avslut' : 'at closing') : v === 'before' ? (sv ? 'före insatsen' : 'before the intervention') : sv ? `vid efteruppföljningen ${q(v)}` : `at the follow-up ${q(v)}`);
  switch (p.part) {
    case 'follow_up_point':
      return `${sv ? 'men planen har ingen efteruppföljning' : 'but the plan has no follow-up point'} ${q(p.value)}${has({ sv: 'ingen efteruppföljning alls', en: 'no follow-up points at all' })}`;
    case 'views_point':
      return `${sv ? 'men planen ställer inte sitt frågeformulär' : 'but the plan does not ask its questionnaire'} ${point(p.value)}${known.length > 0 ? ` (${sv ? 'bara' : 'only'} ${known.map(point).join(sv ? ' och ' : ' and ')})` : sv ? ' (planen har inget frågeformulär)' : ' (the plan has no questionnaire)'}`;
    case 'view_item':
      return `${sv ? 'men planens frågeformulär har ingen fråga' : "but the plan's questionnaire has no item"} ${q(p.value)}${has({ sv: 'inga frågor', en: 'no items' })}`;
    case 'instrument':
      return `${sv ? 'men planen mäter inte' : 'but the plan does not measure'} ${q(p.value)} ${point(p.at)}${has({ sv: 'inget mått där', en: 'no measure there' })}`;
    case 'background':
      return `${sv ? 'men planen har ingen bakgrundsvariabel' : 'but the plan has no background variable'} ${q(p.value)}${has({ sv: 'ingen bakgrund', en: 'no background' })}`;
    default:
      return sv ? 'som inte är ett fält i planen' : 'which is not a field of the plan';
  }
}

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
    sv: (p) => `mappningen pekar på ${q(p.field)}, ${unknownPart(p, 'sv')}`,
    en: (p) => `the mapping points to ${q(p.field)}, ${unknownPart(p, 'en')}`,
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
    // In a spreadsheet the first one is on a sheet's row (formatRowIssue says `row: true`), in a CSV file on a line.
    en: (p) => `the client ${p.value === undefined ? '' : `${q(p.value)} `}is already on ${p.row === true ? 'row' : 'line'} ${String(p.line)}`,
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
