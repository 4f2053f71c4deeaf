/**
 * Escaping of labels and text for the report's plain formats. Labels come
 * from the plan (a unit types them), so a renderer must treat every one as
 * untrusted text; HTML has `escapeHtml` in cell.ts, vega escapes the SVG.
 */

/**
 * Characters a spreadsheet (Excel, LibreOffice, Google Sheets) may read as
 * the start of a formula or use to hide one: OWASP's list (`=`, `+`, `-`,
 * `@`, tab, carriage return), plus the full-width equals and plus Excel also
 * accepts, and a line feed.
 *
 * @see https://owasp.org/www-community/attacks/CSV_Injection OWASP, CSV Injection
 */
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b]/;

/**
 * A text cell for CSV: a cell that a spreadsheet could run as a formula gets
 * a leading `'`, as OWASP advises, so it is shown as the text it is. Only
 * text columns (labels, column names, text values) pass through here; the
 * number columns are written by the renderer from numbers, so `-1,5` stays a
 * number a spreadsheet can sum, while a label `-abc` becomes `'-abc`.
 */
export const csvText = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

/** Control characters (C0 except none, DEL, C1): a terminal would obey them (ANSI escapes). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text for a terminal or a log: line breaks and tabs become spaces, and
 * other control characters (an ANSI escape sequence in a label) are dropped,
 * so a label can neither break a table's lines nor drive the terminal.
 */
export const plainText = (s: string): string => s.replace(/[\t\r\n]+/g, ' ').replace(CONTROL, '');

/**
 * Text for Markdown: a `<` that could open raw HTML, a comment or an
 * autolink (followed by a letter, `/`, `!` or `?`) and a `&` that could
 * start an entity are written as entities (`<img …>` is shown, never run, by
 * a Markdown viewer that passes HTML through; `p < 0,001` stays as is), and the inline
 * Markdown specials are backslash-escaped, so a label `| pipe` cannot split a
 * table cell and `*x*` or `[a](javascript:…)` stays literal. Line breaks
 * become spaces (a label cannot start a heading or a list on its own line).
 *
 * @see https://spec.commonmark.org/0.31.2/#backslash-escapes CommonMark, backslash escapes
 */
export const markdownText = (s: string): string =>
  plainText(s)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
