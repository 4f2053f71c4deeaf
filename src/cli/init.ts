import { existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locale } from '../core/locale.js';
import { proposeFromExport, PROPOSAL_SAMPLE_ROWS, type ExportProposal } from '../io/propose.js';
import { exportHead, HEAD_BYTES } from '../io/head.js';
import { decisionText, draftTexts, kindText, list, say } from '../io/propose-text.js';
import { CsvMappingSchema } from '../io/mapping.js';
import { isWorkbook, readSheet } from './xlsx-input.js';


/** The files `init --from` writes, by language. */
export const INIT_FILES: Readonly<Record<Locale, { plan: string; mapping: string; decisions: string }>> = {
  sv: { plan: 'plan.json', mapping: 'mappning.json', decisions: 'att-besluta.md' },
  en: { plan: 'plan.json', mapping: 'mapping.json', decisions: 'to-decide.md' },
};

/**
 * The first bytes of a file, cut after its last line break ({@link exportHead}),
 * without reading the rest. Throws what `readFileSync` would.
 */
export function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES + 1);
    let size = 0;
    for (let n = -1; n !== 0 && size < buffer.length; size += n) n = readSync(fd, buffer, size, buffer.length - size, null);
    return exportHead(buffer.subarray(0, size));
  } finally {
    closeSync(fd);
  }
}

/** What `init --from` prints and writes in the decisions file. */
export function proposalText(proposal: ExportProposal, file: string, locale: Locale, files: { plan: string; mapping: string }, sheet?: string): string {
  // A workbook's sheet has no encoding or separator of its own: its name says where the rows were.
  const source = sheet === undefined ? undefined : say(locale, `blad ${JSON.stringify(sheet)}`, `sheet ${JSON.stringify(sheet)}`);
  const lines = [
    say(
      locale,
      `Läste ${proposal.rows} ${proposal.rows === 1 ? 'rad' : 'rader'} ur ${basename(file)} (${source ?? `${proposal.encoding}, avgränsare ${proposal.separator}`}${proposal.rows === PROPOSAL_SAMPLE_ROWS ? `, de första ${PROPOSAL_SAMPLE_ROWS}` : ''}).`,
      `Read ${proposal.rows} ${proposal.rows === 1 ? 'row' : 'rows'} of ${basename(file)} (${source ?? `${proposal.encoding}, separator ${proposal.separator}`}${proposal.rows === PROPOSAL_SAMPLE_ROWS ? `, the first ${PROPOSAL_SAMPLE_ROWS}` : ''}).`,
    ),
    '',
    say(locale, 'Kolumner:', 'Columns:'),
    ...proposal.columns.map((c) => `- ${c.column} → ${c.field ?? say(locale, '(används inte)', '(not used)')}: ${kindText(c, locale)}`),
    '',
    say(locale, 'Att besluta:', 'To decide:'),
    ...proposal.decisions.map((d, i) => `${i + 1}. ${decisionText(d, locale, files)}`),
  ];
  return lines.join('\n');
}

/** A usage problem `init --from` found: the message, for main.ts to raise as its UsageError. */
export type InitProblem = { readonly problem: string };

/**
 * `uppfoljning init --from export.csv [--out dir] [--force]` (or an .xlsx
 * workbook, its first sheet or the one `sheet` names): writes the
 * plan, the mapping and the decisions of {@link proposeFromExport} into the
 * directory, and returns what to print; or the problem, when a file is in
 * the way (without `--force`) or the export cannot be read.
 */
export function initFromExport(file: string, outDir: string, force: boolean, locale: Locale, write: (path: string, text: string) => void, sheet?: string): { text: string } | InitProblem {
  const names = INIT_FILES[locale];
  // --out names a folder for the three drafts; a file name there (`--out plan.json`) would make a folder of that name.
  if (/\.(json|md|txt|csv)$/i.test(outDir) || (existsSync(outDir) && !statSync(outDir).isDirectory())) {
    const files = list([names.plan, names.mapping, names.decisions], locale);
    return { problem: say(locale, `--out är en mapp, som init --from skriver ${files} i (fick ${outDir})`, `--out is a folder, which init --from writes ${files} into (got ${outDir})`) };
  }
  const paths = { plan: join(outDir, names.plan), mapping: join(outDir, names.mapping), decisions: join(outDir, names.decisions) };
  const inTheWay = Object.values(paths).filter((p) => existsSync(p));
  if (inTheWay.length > 0 && !force) {
    return { problem: say(locale, `${list(inTheWay, locale)} finns redan; använd --force för att skriva över`, `${list(inTheWay, locale)} already ${inTheWay.length === 1 ? 'exists' : 'exist'}; use --force to overwrite`) };
  }
  let bytes: Uint8Array;
  try {
    bytes = readHead(file);
    // A workbook is a zip: read whole, its sheet becomes the CSV text the proposal reads.
    if (isWorkbook(file, bytes)) bytes = new Uint8Array(readFileSync(file));
  } catch {
    return { problem: say(locale, `kan inte läsa filen ${file}`, `cannot read the file ${file}`) };
  }
  const read = readSheet(file, bytes, sheet, CsvMappingSchema.parse({}), locale);
  if (read !== undefined && 'problem' in read) return read;
  const proposed = proposeFromExport(read === undefined ? bytes : exportHead(new TextEncoder().encode(read.text)));
  // The draft's texts to be replaced, in the language of the command.
  const proposal = { ...proposed, plan: { ...proposed.plan, ...draftTexts(locale) } };
  if (proposal.columns.length === 0) return { problem: say(locale, `${file} är tom`, `${file} is empty`) };
  if (proposal.rows === 0) {
    return { problem: say(locale, `${file} har bara en rubrikrad; init --from behöver rader att läsa kategorier och värden ur`, `${file} has a header and no rows; init --from needs rows to read categories and values from`) };
  }
  // The decisions name the drafts as they sit beside the decisions file.
  const text = proposalText(proposal, file, locale, { plan: names.plan, mapping: names.mapping }, read?.sheet);
  mkdirSync(outDir, { recursive: true });
  write(paths.plan, `${JSON.stringify(proposal.plan, null, 2)}\n`);
  write(paths.mapping, `${JSON.stringify(proposal.mapping, null, 2)}\n`);
  write(paths.decisions, `# ${say(locale, 'Att besluta', 'To decide')}: ${basename(file)}\n\n${text}\n`);
  const check = `uppfoljning validate --plan ${paths.plan} --mapping ${paths.mapping}${proposal.decisions.some((d) => d.code === 'pseudonym_key') ? ` --pseudonym-key-file ${say(locale, 'nyckel.txt', 'key.txt')}` : ''} ${file}`;
  return {
    text: `${text}\n\n${say(locale, `Skrev ${list([paths.plan, paths.mapping, paths.decisions], locale)}. Besluta punkterna ovan och kontrollera sedan med:`, `Wrote ${list([paths.plan, paths.mapping, paths.decisions], locale)}. Decide the points above, then check with:`)}\n  ${check}`,
  };
}
