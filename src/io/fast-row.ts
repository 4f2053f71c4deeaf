import { CodeSchema, IsoDateSchema } from '../core/schemas.js';
import { ClosingReasonSchema, type Plan } from '../plan/plan.js';
import { planViewItems } from '../plan/views.js';
import { IDENTITY_NUMBER_SHAPE } from '../identity/identity-number.js';
import type { ClientRecord } from '../record/schema.js';
import { checkRecord } from '../record/check.js';
import type { CsvRow } from './csv.js';
import { cleanDate, code, NO, parseNumber, REASON_WORDS, viewAnswer, YES, type FirstLines, type RowsInput } from './import.js';

/**
 * The streaming import's fast path (issue 11 item 4): a row reader compiled
 * once per plan, mapping and header, that reads a clients row's cells in
 * place (no Map of cells, no record to be parsed by zod) and gives the row's
 * record only when it is sure the full path ({@link clientRow}) would give
 * that same record with no issue. For anything else — a cell it cannot read,
 * a code it does not know, a date that is not one, a plan rule broken, a
 * second row of an id, a client with during events, an identity-number
 * column, follow-up columns, a header problem — it gives `undefined` and the
 * row takes the full path, which finds and words every issue. So the issues
 * are the full path's by construction, and a valid row's record is the one
 * zod would give (checked by tests/io/fast-row.test.ts, a seeded property).
 *
 * What it saves: the text of a cell is converted once per distinct value
 * (codes, dates, numbers, yes/no and view answers are looked up in small
 * caches, bounded in size), the plan rules are those of {@link checkRecord}
 * itself, run on the record built directly in its final shape.
 *
 * @module
 */

/** A cache of a conversion per distinct cell text, bounded: past its size a value is converted each time, never held. */
function cached<T>(convert: (raw: string) => T, size = 4096): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    const hit = seen.get(raw);
    if (hit !== undefined || seen.has(raw)) return hit as T;
    const value = convert(raw);
    // A flat copy of the key: a slice of the parsed text would keep the whole chunk alive.
    if (seen.size < size) seen.set((' ' + raw).slice(1), value);
    return value;
  };
}

/** Why a row cannot take the fast path: one value, so that the reader's functions can say it without an allocation. */
const NO_FAST = Symbol('no fast path');
type Maybe<T> = T | typeof NO_FAST;

/** Fields the fast path reads; a column mapped to any other field (identity number, follow-ups) sends the whole file the full path. */
const FAST_FIELD = /^(clientId|intervention|enrolled|age|gender|before\.(date|mainProblem|background\.[^.]+|measures\.[^.]+)|goal\.[1-9]\.(statement|area|target|met)|after\.(date|reason|measures\.[^.]+|views\.[^.]+)|withdrawal\.(date|reason))$/;

/**
 * @internal The fast row reader for the rows of one clients file, or
 * `undefined` when its header or options leave no row for it (a header
 * problem, a pseudonym key, the legal gender from identity numbers, a column
 * it does not read). It reads `firstLine` and, for a row it takes, enters its
 * id there, as the full path does.
 */
export function fastRowReader(input: RowsInput, firstLine: FirstLines): ((row: CsvRow) => ClientRecord | undefined) | undefined {
  const { plan, mapping, columnOf, missing, blocked, events, pseudonymize, rowProblems } = input;
  if (blocked !== undefined || missing.size > 0 || pseudonymize !== undefined || mapping.identity?.legalGender === true) return undefined;
  for (const field of columnOf.keys()) if (!FAST_FIELD.test(field)) return undefined;
  // A plan whose ids zod would refuse as record keys is left to zod.
  const keys = [...plan.background.map((b) => b.id), ...plan.measures.before, ...plan.measures.after, ...planViewItems(plan.clientViews).map((i) => i.id)];
  if (!keys.every((k) => CodeSchema.safeParse(k).success)) return undefined;

  const at = (field: string): number => columnOf.get(field) ?? -1;
  const prefixed = (...prefixes: string[]) => [...columnOf].filter(([f]) => prefixes.some((p) => f.startsWith(p))).map(([, i]) => i);
  const decimal = mapping.decimal;
  const recode = (field: string) => (Object.hasOwn(mapping.codes, field) ? mapping.codes[field] : undefined);
  const own = (table: Readonly<Record<string, string>> | undefined, key: string) => (table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined);

  const number = cached((raw): Maybe<number> => {
    const n = parseNumber(raw, decimal);
    return n === undefined || !Number.isFinite(n) ? NO_FAST : n;
  });
  const date = cached((raw): Maybe<string> => {
    const d = cleanDate(raw);
    return IsoDateSchema.safeParse(d).success ? d : NO_FAST;
  });
  const yesNo = cached((raw): Maybe<boolean> => {
    const v = raw.toLowerCase();
    return YES.has(v) ? true : NO.has(v) ? false : NO_FAST;
  });
  const codeOf = (field: string, categories: readonly { code: string; label: { sv: string; en: string } }[]) =>
    cached((raw): Maybe<string> => {
      const value = code(field, raw, mapping, categories);
      return categories.some((c) => c.code === value) ? categories.find((c) => c.code === value)!.code : NO_FAST;
    });
  const reasonOf = (field: string, withdrawal: boolean) =>
    cached((raw): Maybe<string> => {
      const value = own(recode(field), raw) ?? own(REASON_WORDS, raw.toLowerCase()) ?? raw.toLowerCase();
      const known = ClosingReasonSchema.options.find((o) => o === value && !(withdrawal && o === 'completed'));
      return known ?? NO_FAST;
    });

  const iClient = at('clientId');
  const iIntervention = at('intervention');
  const intervention = codeOf('intervention', plan.interventions);
  const onlyIntervention = plan.interventions.length === 1 ? plan.interventions[0]!.code : undefined;
  const iEnrolled = at('enrolled');
  const iAge = at('age');
  const iGender = at('gender');
  const gender = codeOf('gender', plan.grouping.genders);

  const beforeCols = prefixed('before.', 'goal.');
  const iBeforeDate = at('before.date');
  const iMainProblem = at('before.mainProblem');
  const mainProblem = codeOf('before.mainProblem', plan.mainProblems);
  const background = plan.background.flatMap((b) => {
    const i = at(`before.background.${b.id}`);
    if (i < 0) return [];
    const read = b.kind === 'category' ? codeOf(`before.background.${b.id}`, b.options) : b.kind === 'number' ? number : yesNo;
    return [{ id: b.id, i, read: read as (raw: string) => Maybe<string | number | boolean> }];
  });
  const measuresAt = (step: 'before' | 'after') => plan.measures[step].flatMap((m) => (at(`${step}.measures.${m}`) < 0 ? [] : [{ id: m, i: at(`${step}.measures.${m}`), read: number }]));
  const beforeMeasures = measuresAt('before');
  const area = codeOf('goal.area', plan.goalAreas);
  // Each goal's area has its own recode table in the mapping (`goal.1.area`), so its own reader.
  const goals = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
    statement: at(`goal.${n}.statement`),
    area: at(`goal.${n}.area`),
    areaOf: Object.hasOwn(mapping.codes, `goal.${n}.area`) ? codeOf(`goal.${n}.area`, plan.goalAreas) : area,
    target: at(`goal.${n}.target`),
    met: at(`goal.${n}.met`),
  }));

  const afterCols = prefixed('after.');
  const iAfterDate = at('after.date');
  const iAfterReason = at('after.reason');
  const afterReason = reasonOf('after.reason', false);
  const afterMeasures = measuresAt('after');
  const views = (plan.clientViews?.at.includes('after') ? planViewItems(plan.clientViews) : []).flatMap((item) => {
    const i = at(`after.views.${item.id}`);
    if (i < 0) return [];
    const read = cached((raw): Maybe<number | boolean> => {
      const r = viewAnswer(item, { value: raw, column: '' }, [], decimal);
      return r.ok ? (r.value as number | boolean) : NO_FAST;
    });
    return [{ id: item.id, i, read }];
  });

  const withdrawalCols = prefixed('withdrawal.');
  const iWithdrawalDate = at('withdrawal.date');
  const iWithdrawalReason = at('withdrawal.reason');
  const withdrawalReason = reasonOf('withdrawal.reason', true);

  // The row being read: the functions below are made once, not once a row.
  let f: readonly string[] = [];
  const cell = (i: number): string => (i < 0 ? '' : (f[i] ?? '').trim());
  const any = (cols: readonly number[]): boolean => {
    for (const i of cols) if (cell(i) !== '') return true;
    return false;
  };
  // A step's date and its code (start and main problem, end or withdrawal and reason), both given and read, into pairDate and pairCode.
  let pairDate = '';
  let pairCode = '';
  const pair = (iDate: number, iCode: number, read: (raw: string) => Maybe<string>): boolean => {
    const dateCell = cell(iDate);
    const codeCell = cell(iCode);
    if (dateCell === '' || codeCell === '') return false;
    const d = date(dateCell);
    const c = read(codeCell);
    if (d === NO_FAST || c === NO_FAST) return false;
    pairDate = d;
    pairCode = c;
    return true;
  };
  // The values of the cells given among a list (background variables, a step's measurements, view answers) by id; how many in `filled`.
  let filled = 0;
  const valuesOf = <T>(list: readonly { id: string; i: number; read: (raw: string) => Maybe<T> }[]): Maybe<Record<string, T>> => {
    const out: Record<string, T> = {};
    filled = 0;
    for (const v of list) {
      const raw = cell(v.i);
      if (raw === '') continue;
      const value = v.read(raw);
      if (value === NO_FAST) return NO_FAST;
      out[v.id] = value;
      filled++;
    }
    return out;
  };
  return (row) => {
    if (rowProblems.has(row.line)) return undefined;
    f = row.fields;

    const clientId = cell(iClient);
    if (clientId === '' || clientId.length > 128 || IDENTITY_NUMBER_SHAPE.test(clientId)) return undefined;
    if ((events.get(clientId)?.length ?? 0) > 0 || firstLine.get(clientId) !== undefined) return undefined;
    const interventionCell = cell(iIntervention);
    const interventionCode = interventionCell === '' ? (onlyIntervention ?? NO_FAST) : intervention(interventionCell);
    const enrolledCell = cell(iEnrolled);
    const ageCell = cell(iAge);
    const genderCell = cell(iGender);
    if (interventionCode === NO_FAST || enrolledCell === '' || ageCell === '' || genderCell === '') return undefined;
    const enrolled = date(enrolledCell);
    const age = number(ageCell);
    const genderCode = gender(genderCell);
    if (enrolled === NO_FAST || age === NO_FAST || genderCode === NO_FAST || !Number.isInteger(age) || age < 0 || age > 130) return undefined;
    const record: ClientRecord = { planId: plan.id, clientId, intervention: interventionCode, enrolled, age, gender: genderCode, during: [], followUps: [] };

    const goalsMade: number[] = [];
    if (any(beforeCols)) {
      if (!pair(iBeforeDate, iMainProblem, mainProblem)) return undefined;
      const start = pairDate;
      const problem = pairCode;
      const bg = valuesOf(background);
      const measures = valuesOf(beforeMeasures);
      if (bg === NO_FAST || measures === NO_FAST) return undefined;
      const goalList: { statement: string; area?: string; target?: number }[] = [];
      for (let n = 0; n < 9; n++) {
        const g = goals[n]!;
        const statement = cell(g.statement);
        const areaCell = cell(g.area);
        const targetCell = cell(g.target);
        if (statement === '' && areaCell === '' && targetCell === '') continue;
        if (statement === '') return undefined;
        const goal: { statement: string; area?: string; target?: number } = { statement };
        if (areaCell !== '') {
          const a = g.areaOf(areaCell);
          if (a === NO_FAST) return undefined;
          goal.area = a;
        }
        if (targetCell !== '') {
          const t = number(targetCell);
          if (t === NO_FAST) return undefined;
          goal.target = t;
        }
        goalsMade.push(n);
        goalList.push(goal);
      }
      record.before = { date: start, background: bg, mainProblem: problem, goals: goalList, measures };
    }

    if (any(afterCols)) {
      if (!pair(iAfterDate, iAfterReason, afterReason)) return undefined;
      const end = pairDate;
      const reason = pairCode;
      const measures = valuesOf(afterMeasures);
      if (measures === NO_FAST) return undefined;
      const after: NonNullable<ClientRecord['after']> = { date: end, reason: reason as NonNullable<ClientRecord['after']>['reason'], measures };
      // Whether each goal was met: all of them given, or none (a gap would be a hole zod refuses).
      let given = 0;
      const met: boolean[] = [];
      for (const n of goalsMade) {
        const raw = cell(goals[n]!.met);
        if (raw === '') continue;
        const value = yesNo(raw);
        if (value === NO_FAST) return undefined;
        given++;
        met.push(value);
      }
      if (given > 0) {
        if (given !== goalsMade.length) return undefined;
        after.goalsMet = met;
      }
      const answers = valuesOf(views);
      if (answers === NO_FAST) return undefined;
      if (filled > 0) after.views = answers;
      record.after = after;
    }

    if (any(withdrawalCols)) {
      if (!pair(iWithdrawalDate, iWithdrawalReason, withdrawalReason)) return undefined;
      record.withdrawal = { date: pairDate, reason: pairCode as NonNullable<ClientRecord['withdrawal']>['reason'] };
    }

    if (checkRecord(plan, record).length > 0) return undefined;
    // A flat copy of the id: a slice of the parsed text would keep the whole chunk alive in the duplicate check.
    const id = (' ' + clientId).slice(1);
    record.clientId = id;
    firstLine.set(id, row.line);
    return record;
  };
}
