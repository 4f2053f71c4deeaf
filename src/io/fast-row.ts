import { CodeSchema, IsoDateSchema } from '../core/schemas.js';
import { ClosingReasonSchema, type Plan } from '../plan/plan.js';
import { planViewItems } from '../plan/views.js';
import { IDENTITY_NUMBER_SHAPE } from '../identity/identity-number.js';
import type { ClientRecord } from '../record/schema.js';
import { checkAge, checkBefore, checkMeasures, checkStartInPeriods } from '../record/check.js';
import { checkViews } from '../record/views.js';
import type { Issue } from '../core/issue.js';
import { planInstrument } from '../plan/plan.js';
import { valueProblem } from '../measure/instrument.js';
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
 * What it saves: the text of a cell is converted and checked once per
 * distinct value (codes, dates, numbers, yes/no and view answers are looked
 * up in small caches, bounded in size). The plan rules are those of
 * `checkRecord`, split by what each depends on: a rule on one value (the age
 * in a band, a start inside the periods, a measurement on its scale, a
 * background number in its bounds, a view answer among the item's) is asked
 * of the same function checkRecord calls (checkAge, checkStartInPeriods,
 * checkMeasures, checkBefore, checkViews) once per distinct cell text and
 * cached with the conversion; the rules across fields (dates in order, a
 * before part for an after part, no withdrawal after closing) are compared
 * in place. Codes need no check: they are read from the plan's own lists.
 * The rules that need during events or follow-ups never arise here, since
 * such rows take the full path. A rule added to checkRecord must be added
 * here too: tests/io/fast-row.test.ts, which compares both paths row by row,
 * is what says so.
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
/** A stand-in issue for a rule broken where the full path will word it. */
const NO_ISSUE: Issue = { path: [], rule: 'required', params: {} };
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
  // A converted value that also passes a plan rule on that value alone (the rule's issues, if any, mean the full path).
  const passing = <T>(read: (raw: string) => Maybe<T>, rule: (value: T, out: Issue[]) => void) =>
    cached((raw): Maybe<T> => {
      const value = read(raw);
      if (value === NO_FAST) return NO_FAST;
      const out: Issue[] = [];
      rule(value, out);
      return out.length === 0 ? value : NO_FAST;
    });
  const ageOf = passing(number, (age, out) => (Number.isInteger(age) && age >= 0 && age <= 130 ? checkAge(plan, age, [], out) : out.push(NO_ISSUE)));
  const measureOf = (step: 'before' | 'after', id: string) => passing(number, (value, out) => checkMeasures(plan, { [id]: value }, plan.measures[step], [], out));
  const date = cached((raw): Maybe<string> => {
    const d = cleanDate(raw);
    return IsoDateSchema.safeParse(d).success ? d : NO_FAST;
  });
  const startOf = passing(date, (d, out) => checkStartInPeriods(plan, d, [], out));
  // A record that never started is placed in a period by its date of selection.
  const enrolledInPeriods = passing(date, (d, out) => checkStartInPeriods(plan, d, [], out, 'enrolled'));
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
    const value = (b.kind === 'category' ? codeOf(`before.background.${b.id}`, b.options) : b.kind === 'number' ? number : yesNo) as (raw: string) => Maybe<string | number | boolean>;
    // checkBefore's rules for this variable: its issues are the ones under background.<id> (the date and main problem given are any valid ones).
    const probe = { date: '2000-01-01', mainProblem: plan.mainProblems[0]?.code ?? '', goals: [], measures: {} };
    const read = passing(value, (v, out) => {
      const all: Issue[] = [];
      checkBefore(plan, { ...probe, background: { [b.id]: v } }, [], all);
      out.push(...all.filter((x) => x.path[0] === 'background'));
    });
    return [{ id: b.id, i, read }];
  });
  const measuresAt = (step: 'before' | 'after') => plan.measures[step].flatMap((m) => (at(`${step}.measures.${m}`) < 0 ? [] : [{ id: m, i: at(`${step}.measures.${m}`), read: measureOf(step, m) }]));
  // A goal's target on the primary measure's scale, as checkBefore asks.
  const primary = planInstrument(plan, plan.primaryMeasure);
  const targetOf = passing(number, (t, out) => {
    const problem = primary && valueProblem(primary.range, t);
    if (problem) out.push(NO_ISSUE);
  });
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
    const answer = (raw: string): Maybe<number | boolean> => {
      const r = viewAnswer(item, { value: raw, column: '' }, [], decimal);
      return r.ok ? (r.value as number | boolean) : NO_FAST;
    };
    const read = passing(answer, (v, out) => checkViews(plan, { [item.id]: v }, 'after', [], out));
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
  const pair = (iDate: number, iCode: number, read: (raw: string) => Maybe<string>, readDate = date): boolean => {
    const dateCell = cell(iDate);
    const codeCell = cell(iCode);
    if (dateCell === '' || codeCell === '') return false;
    const d = readDate(dateCell);
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
    const age = ageOf(ageCell);
    const genderCode = gender(genderCell);
    if (enrolled === NO_FAST || age === NO_FAST || genderCode === NO_FAST) return undefined;
    const record: ClientRecord = { planId: plan.id, clientId, intervention: interventionCode, enrolled, age, gender: genderCode, during: [], followUps: [] };

    const goalsMade: number[] = [];
    if (any(beforeCols)) {
      if (!pair(iBeforeDate, iMainProblem, mainProblem, startOf)) return undefined;
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
          const t = targetOf(targetCell);
          if (t === NO_FAST) return undefined;
          goal.target = t;
        }
        goalsMade.push(n);
        goalList.push(goal);
      }
      record.before = { date: start, background: bg, mainProblem: problem, goals: goalList, measures };
    }

    if (record.before === undefined && enrolledInPeriods(enrolledCell) === NO_FAST) return undefined;

    if (any(afterCols)) {
      if (!pair(iAfterDate, iAfterReason, afterReason)) return undefined;
      const end = pairDate;
      // checkAfter: not closed before the start, and closed only after a start.
      if (record.before === undefined || end < record.before.date) return undefined;
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
      // checkRecord: no withdrawal of a closed record; checkWithdrawal: not withdrawn before the start.
      if (record.after !== undefined || (record.before !== undefined && pairDate < record.before.date)) return undefined;
      record.withdrawal = { date: pairDate, reason: pairCode as NonNullable<ClientRecord['withdrawal']>['reason'] };
    }

    // A flat copy of the id: a slice of the parsed text would keep the whole chunk alive in the duplicate check.
    const id = (' ' + clientId).slice(1);
    record.clientId = id;
    firstLine.set(id, row.line);
    return record;
  };
}
