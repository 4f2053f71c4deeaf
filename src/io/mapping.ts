import { z } from 'zod';
import { fromZodIssues } from '../core/from-zod.js';
import { fail, ok, type Result } from '../core/result.js';
import type { Plan } from '../plan/plan.js';
import type { Issue, IssueParams } from '../core/issue.js';
import { throwIfAny } from '../core/args.js';
import { planArg } from '../plan/plan.js';
import { planViewItems } from '../plan/views.js';
import { IsoDateSchema } from '../core/schemas.js';

/**
 * A mapping file (JSON) that says which column of an export holds which
 * field of the plan, how export values are recoded to the plan's codes, and
 * how the file is written.
 *
 * - `columns`: field → column name in the clients file, e.g.
 *   `{ "age": "Ålder", "before.measures.audit": "AUDIT före" }`. A field
 *   left out is read from a column named like the field, if there is one.
 * - `duringColumns`: the same for the long file of during events.
 * - `codes`: field → export value → plan code, e.g.
 *   `{ "gender": { "K": "kvinna", "M": "man" } }`. Values that already are a
 *   code, or a category's Swedish or English label, need no entry.
 * - `separator`, `encoding`, `decimal`: force what is otherwise detected.
 * - `identity`: how a column mapped as `identityNumber` (a personnummer or
 *   samordningsnummer, in any of the forms YYYYMMDD-NNNN, YYYYMMDDNNNN,
 *   YYMMDD-NNNN, YYMMDD+NNNN) is read. `referenceDate` is the date a 10-digit
 *   number's century is read at (`+` from the year a person turns 100); by
 *   default each row's start of the intervention (`before.date`, else
 *   `enrolled`). Set it to the export's date when the export writes today's
 *   form of every number. `legalGender: true` takes the gender from the number
 *   (its second-to-last digit) instead of a gender column. The number gives the
 *   age when the file has no age column, and with a pseudonym key the client id;
 *   it never leaves the import (see {@link importCsv}).
 *
 * The fields of a plan are listed by {@link csvFields}.
 *
 * @example
 * ```ts
 * CsvMappingSchema.parse({ columns: { age: 'Ålder' } }).codes;
 * // => {}
 * ```
 */
export const CsvMappingSchema = z
  .object({
    format: z.literal('uppfoljning.mapping').optional(),
    columns: z.record(z.string().min(1), z.string().min(1)).default({}),
    duringColumns: z.record(z.string().min(1), z.string().min(1)).default({}),
    codes: z.record(z.string().min(1), z.record(z.string(), z.string())).default({}),
    separator: z.enum([';', ',']).optional(),
    encoding: z.enum(['utf-8', 'windows-1252']).optional(),
    decimal: z.enum([',', '.']).optional(),
    identity: z
      .object({
        referenceDate: IsoDateSchema.optional(),
        legalGender: z.boolean().default(false),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * A validated mapping, as defined by {@link CsvMappingSchema}.
 *
 * @example
 * ```ts
 * const mapping: CsvMapping = CsvMappingSchema.parse({ columns: { age: 'Ålder', gender: 'Kön' }, codes: { gender: { K: 'kvinna', M: 'man' } } });
 * mapping.duringColumns;
 * // => {} (defaults filled in)
 * importCsv(plan, { clients: 'clientId;enrolled;Ålder;Kön\nk-1;2019-01-07;34;M\n' }, mapping).records[0]?.gender;
 * // => 'man'
 * ```
 */
export type CsvMapping = z.infer<typeof CsvMappingSchema>;

/**
 * What a user writes in a mapping file.
 *
 * @example
 * ```ts
 * // As written in a mapping file (e.g. mapping.json), before defaults:
 * const input: CsvMappingInput = { columns: { clientId: 'Löpnummer', 'before.measures.tilltro-nykterhet': 'Tilltro före' }, encoding: 'windows-1252' };
 * validateCsvMapping(input).success;
 * // => true
 * ```
 */
export type CsvMappingInput = z.input<typeof CsvMappingSchema>;

/**
 * Validates a mapping file's contents without throwing.
 *
 * @param input - the parsed JSON
 * @returns the mapping, or every issue found
 *
 * @example
 * ```ts
 * validateCsvMapping({ columns: { age: 3 } }).success;
 * // => false
 * ```
 */
export function validateCsvMapping(input: unknown): Result<CsvMapping> {
  const parsed = CsvMappingSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(fromZodIssues(parsed.error.issues));
}

/**
 * The most goals per client a CSV row can hold (`goal.1.*` to `goal.9.*`).
 *
 * @example
 * ```ts
 * csvFields(plan).clients.filter((f) => f.field.startsWith('goal.')).length;
 * // => 36 (MAX_CSV_GOALS × statement, area, target, met)
 * ```
 */
export const MAX_CSV_GOALS = 9;

/**
 * The fields a plan's tidy CSV layout has: one row per client, with the
 * before and after parts as columns. Goals are numbered from 1
 * (`goal.1.statement`, `goal.1.area`, `goal.1.target`, `goal.1.met`).
 * `required` fields must have a column. `identityNumber` is a personnummer or
 * samordningsnummer column: with it, `age` (and `gender`, when the mapping asks
 * for the legal gender) needs no column, and with a pseudonym key neither does
 * `clientId` (see {@link importCsv}).
 *
 * @param plan - a validated plan (as {@link parsePlan} returns it)
 * @returns the client fields, and the fields of the long file of during events
 * @throws UppfoljningError when `plan` is not a valid plan (path `plan.…`)
 *
 * @example
 * ```ts
 * csvFields(plan).clients.slice(0, 5);
 * // => [{ field: 'clientId', required: true }, { field: 'intervention', required: false }, …]
 * ```
 */
export function csvFields(plan: Plan): CsvFields {
  const { value: checked, issues } = planArg(plan);
  throwIfAny(issues);
  return csvFieldsChecked(checked);
}

/**
 * The fields of a plan's tidy CSV layout, as {@link csvFields} gives them:
 * the client file's and the during file's, each with whether a column for
 * it is required.
 *
 * @example
 * ```ts
 * const fields: CsvFields = csvFields(plan);
 * fields.during.filter((f) => f.required).map((f) => f.field);
 * // => ['clientId', 'date']
 * ```
 */
export type CsvFields = {
  clients: { field: string; required: boolean }[];
  during: { field: string; required: boolean }[];
};

/** @internal {@link csvFields} for a plan already checked. */
export function csvFieldsChecked(plan: Plan): CsvFields {
  const f = (field: string, required = false) => ({ field, required });
  const clients = [
    f('clientId', true),
    f('intervention', plan.interventions.length > 1),
    f('enrolled', true),
    f('age', true),
    f('gender', true),
    f('identityNumber'),
    f('before.date'),
    f('before.mainProblem'),
    ...plan.background.map((b) => f(`before.background.${b.id}`)),
    ...plan.measures.before.map((m) => f(`before.measures.${m}`)),
  ];
  for (let n = 1; n <= MAX_CSV_GOALS; n++) {
    clients.push(f(`goal.${n}.statement`), f(`goal.${n}.area`), f(`goal.${n}.target`), f(`goal.${n}.met`));
  }
  clients.push(
    f('after.date'),
    f('after.reason'),
    ...plan.measures.after.map((m) => f(`after.measures.${m}`)),
    ...(plan.clientViews?.at.includes('after') ? planViewItems(plan.clientViews) : []).map((item) => f(`after.views.${item.id}`)),
    f('withdrawal.date'),
    f('withdrawal.reason'),
  );
  for (const point of plan.followUps) {
    const p = `followUps.${point.id}.`;
    clients.push(
      f(`${p}date`),
      f(`${p}status`),
      ...point.measures.map((m) => f(`${p}measures.${m}`)),
      ...(plan.clientViews?.at.includes(point.id) ? planViewItems(plan.clientViews) : []).map((item) => f(`${p}views.${item.id}`)),
    );
  }
  const during = [f('clientId', true), f('kind'), f('date', true), f('measure'), f('value'), f('attended'), f('note'), f('identityNumber')];
  return { clients, during };
}

/**
 * @internal The parameters of `unknown_field` for a mapping key that is not
 * one of `fields` (a file's fields, as {@link csvFieldsChecked} lists them):
 * which part of the key the plan lacks, the value written there and the ids
 * the plan has in its place, read from the fields themselves. `part` is
 * `follow_up_point` (`followUps.6m.date` when the plan has only `12m`),
 * `views_point` (answers at a point the questionnaire is not asked at),
 * `view_item`, `instrument` (not measured at that step or point) or
 * `background`; a key of no such shape gets only `field`.
 */
export function unknownFieldParams(field: string, fields: readonly string[]): IssueParams {
  const parts = field.split('.');
  const unique = (values: Iterable<string>) => [...new Set(values)];
  const after = (prefix: string) => fields.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
  let prefix: string;
  let rest: string[];
  if (parts[0] === 'followUps' && parts.length >= 3) {
    const points = unique(fields.flatMap((f) => /^followUps\.([^.]+)\.date$/.exec(f)?.[1] ?? []));
    if (!points.includes(parts[1]!)) return { field, part: 'follow_up_point', value: parts[1]!, known: points };
    prefix = `followUps.${parts[1]!}`;
    rest = parts.slice(2);
  } else if ((parts[0] === 'before' || parts[0] === 'after') && parts.length >= 2) {
    prefix = parts[0];
    rest = parts.slice(1);
  } else {
    return { field };
  }
  if (rest.length !== 2) return { field };
  const [kind, value] = rest as [string, string];
  const at = prefix === 'after' || prefix === 'before' ? prefix : prefix.slice('followUps.'.length);
  if (kind === 'views') {
    const asked = unique(fields.flatMap((f) => /^(after|followUps\.[^.]+)\.views\./.exec(f)?.[1] ?? [])).map((p) => (p === 'after' ? p : p.slice('followUps.'.length)));
    if (!asked.includes(at)) return { field, part: 'views_point', value: at, known: asked };
    return { field, part: 'view_item', value, known: after(`${prefix}.views.`) };
  }
  if (kind === 'measures') return { field, part: 'instrument', value, at, known: after(`${prefix}.measures.`) };
  if (kind === 'background' && prefix === 'before') return { field, part: 'background', value, known: after('before.background.') };
  return { field };
}
