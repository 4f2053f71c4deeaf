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
import { cleanDate, code, NO, parseNumber, REASON_WORDS, viewAnswer, YES, type RowsInput } from './import.js';
import type { IdLines } from './id-table.js';

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
 * distinct value in its column (codes, dates, numbers, yes/no and view
 * answers are looked up in a small table per column, bounded in size). The plan rules are those of
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
 * Past the first batch of records, the streaming parser hands the reader
 * its text (`lane`): the reader cuts each simple row in place with the
 * text's own searches (no array of fields, no string per cell), looks each
 * cell up by its characters (`interned`), and hands back to the record
 * scanner the first row that is not simple (a quoted cell with a doubled
 * quote or a line break, a wrong number of fields, a lone CR at the end of
 * the text), so line numbers and parse issues stay the scanner's.
 * tests/io/import-stream.test.ts checks the lane against importCsv over
 * random splits of files long enough to reach it.
 *
 * @module
 */

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
export function fastRowReader(input: RowsInput, firstLine: IdLines): FastRows | undefined {
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

  // Conversions of a cell's text; each column's reader caches them by the cell's characters (`interned`, below).
  const number = (raw: string): Maybe<number> => {
    const n = parseNumber(raw, decimal);
    return n === undefined || !Number.isFinite(n) ? NO_FAST : n;
  };
  // A converted value that also passes a plan rule on that value alone (the rule's issues, if any, mean the full path).
  const passing =
    <T>(read: (raw: string) => Maybe<T>, rule: (value: T, out: Issue[]) => void) =>
    (raw: string): Maybe<T> => {
      const value = read(raw);
      if (value === NO_FAST) return NO_FAST;
      const out: Issue[] = [];
      rule(value, out);
      return out.length === 0 ? value : NO_FAST;
    };
  const ageOf = passing(number, (age, out) => (Number.isInteger(age) && age >= 0 && age <= 130 ? checkAge(plan, age, [], out) : out.push(NO_ISSUE)));
  const measureOf = (step: 'before' | 'after', id: string) => passing(number, (value, out) => checkMeasures(plan, { [id]: value }, plan.measures[step], [], out));
  const date = (raw: string): Maybe<string> => {
    const d = cleanDate(raw);
    return IsoDateSchema.safeParse(d).success ? d : NO_FAST;
  };
  const startOf = passing(date, (d, out) => checkStartInPeriods(plan, d, [], out));
  // A record that never started is placed in a period by its date of selection.
  const enrolledInPeriods = passing(date, (d, out) => checkStartInPeriods(plan, d, [], out, 'enrolled'));
  const yesNo = (raw: string): Maybe<boolean> => {
    const v = raw.toLowerCase();
    return YES.has(v) ? true : NO.has(v) ? false : NO_FAST;
  };
  const codeOf =
    (field: string, categories: readonly { code: string; label: { sv: string; en: string } }[]) =>
    (raw: string): Maybe<string> => {
      const value = code(field, raw, mapping, categories);
      return categories.some((c) => c.code === value) ? categories.find((c) => c.code === value)!.code : NO_FAST;
    };
  const reasonOf =
    (field: string, withdrawal: boolean) =>
    (raw: string): Maybe<string> => {
      const value = own(recode(field), raw) ?? own(REASON_WORDS, raw.toLowerCase()) ?? raw.toLowerCase();
      const known = ClosingReasonSchema.options.find((o) => o === value && !(withdrawal && o === 'completed'));
      return known ?? NO_FAST;
    };

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

  // The row being read: its text, and each column's cell as bounds in it, trimmed (`raw…` untrimmed, for the full path).
  const width = input.table.header.length;
  let src = '';
  const rawStart = new Int32Array(width);
  const rawEnd = new Int32Array(width);
  const cellStart = new Int32Array(width);
  const cellEnd = new Int32Array(width);
  const empty = (i: number): boolean => i < 0 || cellStart[i] === cellEnd[i];
  const text = (i: number): string => (i < 0 ? '' : src.slice(cellStart[i], cellEnd[i]));
  const flatText = (i: number): string => (i < 0 ? '' : (' ' + src.slice(cellStart[i], cellEnd[i])).slice(1));
  const trimCells = () => {
    for (let i = 0; i < width; i++) {
      let s = rawStart[i]!;
      let e = rawEnd[i]!;
      while (s < e && isTrimmed(src.charCodeAt(s))) s++;
      while (e > s && isTrimmed(src.charCodeAt(e - 1))) e--;
      cellStart[i] = s;
      cellEnd[i] = e;
    }
  };
  /**
   * A conversion of a column's cell, looked up by the cell's characters in
   * place (no string is made for a value seen before): an open-addressing
   * table keyed by the text, at most CACHE values, then converted each time.
   */
  const interned = <T>(convert: (raw: string) => T): ((i: number) => T) => {
    let mask = 63;
    let keys: (string | undefined)[] = new Array<string | undefined>(mask + 1);
    let hashes = new Int32Array(mask + 1);
    let values: T[] = new Array<T>(mask + 1);
    let count = 0;
    const put = (key: string, h: number, value: T) => {
      let slot = h & mask;
      while (keys[slot] !== undefined) slot = (slot + 1) & mask;
      keys[slot] = key;
      hashes[slot] = h;
      values[slot] = value;
    };
    return (i) => {
      const s = cellStart[i]!;
      const e = cellEnd[i]!;
      const h = cellHash(src, s, e);
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const key = keys[slot];
        if (key === undefined) break;
        if (hashes[slot] === h && key.length === e - s && src.startsWith(key, s)) return values[slot]!;
      }
      const raw = src.slice(s, e);
      const value = convert(raw);
      if (count < CACHE) {
        if ((count + 1) * 2 > mask + 1) {
          const old = { keys, hashes, values };
          mask = mask * 2 + 1;
          keys = new Array<string | undefined>(mask + 1);
          hashes = new Int32Array(mask + 1);
          values = new Array<T>(mask + 1);
          for (let k = 0; k < old.keys.length; k++) if (old.keys[k] !== undefined) put(old.keys[k]!, old.hashes[k]!, old.values[k]!);
        }
        // A flat copy of the key: a slice of the text would keep the whole piece alive.
        put((' ' + raw).slice(1), h, value);
        count++;
      }
      return value;
    };
  };
  const any = (cols: readonly number[]): boolean => {
    for (const i of cols) if (!empty(i)) return true;
    return false;
  };
  // A step's date and its code (start and main problem, end or withdrawal and reason), both given and read, into pairDate and pairCode.
  let pairDate = '';
  let pairCode = '';
  const pairOf = (iDate: number, iCode: number, read: (raw: string) => Maybe<string>, readDate: (raw: string) => Maybe<string>) => {
    const dateAt = interned(readDate);
    const codeAt = interned(read);
    return (): boolean => {
      if (empty(iDate) || empty(iCode)) return false;
      const d = dateAt(iDate);
      const c = codeAt(iCode);
      if (d === NO_FAST || c === NO_FAST) return false;
      pairDate = d;
      pairCode = c;
      return true;
    };
  };
  const startPair = pairOf(iBeforeDate, iMainProblem, mainProblem, startOf);
  const afterPair = pairOf(iAfterDate, iAfterReason, afterReason, date);
  const withdrawalPair = pairOf(iWithdrawalDate, iWithdrawalReason, withdrawalReason, date);
  // The values of the cells given among a list (background variables, a step's measurements, view answers) by id; how many in `filled`.
  let filled = 0;
  const listOf = <T>(list: readonly { id: string; i: number; read: (raw: string) => Maybe<T> }[]) => {
    const cols = list.map((v) => ({ id: v.id, i: v.i, read: interned(v.read) }));
    return (): Maybe<Record<string, T>> => {
      const out: Record<string, T> = {};
      filled = 0;
      for (const v of cols) {
        if (empty(v.i)) continue;
        const value = v.read(v.i);
        if (value === NO_FAST) return NO_FAST;
        out[v.id] = value;
        filled++;
      }
      return out;
    };
  };
  const backgroundValues = listOf(background);
  const beforeValues = listOf(beforeMeasures);
  const afterValues = listOf(afterMeasures);
  const viewValues = listOf(views);
  const interventionAt = interned(intervention);
  const enrolledAt = interned(date);
  const enrolledInPeriodsAt = interned(enrolledInPeriods);
  const ageAt = interned(ageOf);
  const genderAt = interned(gender);
  const goalAt = goals.map((g) => ({ ...g, areaAt: interned(g.areaOf), targetAt: interned(targetOf), metAt: interned(yesNo) }));
  const withEvents = events.size > 0;

  /** The row in `src` at the bounds of the cells, read: its record, or undefined for the full path. */
  const read = (line: number): ClientRecord | undefined => {
    if (rowProblems.has(line)) return undefined;
    if (empty(iClient) || cellEnd[iClient]! - cellStart[iClient]! > 128) return undefined;
    const clientId = flatText(iClient);
    if (IDENTITY_NUMBER_SHAPE.test(clientId)) return undefined;
    if (withEvents && (events.get(clientId)?.length ?? 0) > 0) return undefined;
    const interventionCode = empty(iIntervention) ? (onlyIntervention ?? NO_FAST) : interventionAt(iIntervention);
    if (interventionCode === NO_FAST || empty(iEnrolled) || empty(iAge) || empty(iGender)) return undefined;
    const enrolled = enrolledAt(iEnrolled);
    const age = ageAt(iAge);
    const genderCode = genderAt(iGender);
    if (enrolled === NO_FAST || age === NO_FAST || genderCode === NO_FAST) return undefined;
    const record: ClientRecord = { planId: plan.id, clientId, intervention: interventionCode, enrolled, age, gender: genderCode, during: [], followUps: [] };

    const goalsMade: number[] = [];
    if (any(beforeCols)) {
      if (!startPair()) return undefined;
      const start = pairDate;
      const problem = pairCode;
      const bg = backgroundValues();
      const measures = beforeValues();
      if (bg === NO_FAST || measures === NO_FAST) return undefined;
      const goalList: { statement: string; area?: string; target?: number }[] = [];
      for (let n = 0; n < 9; n++) {
        const g = goalAt[n]!;
        if (empty(g.statement) && empty(g.area) && empty(g.target)) continue;
        if (empty(g.statement)) return undefined;
        const goal: { statement: string; area?: string; target?: number } = { statement: text(g.statement) };
        if (!empty(g.area)) {
          const a = g.areaAt(g.area);
          if (a === NO_FAST) return undefined;
          goal.area = a;
        }
        if (!empty(g.target)) {
          const t = g.targetAt(g.target);
          if (t === NO_FAST) return undefined;
          goal.target = t;
        }
        goalsMade.push(n);
        goalList.push(goal);
      }
      record.before = { date: start, background: bg, mainProblem: problem, goals: goalList, measures };
    }

    if (record.before === undefined && enrolledInPeriodsAt(iEnrolled) === NO_FAST) return undefined;

    if (any(afterCols)) {
      if (!afterPair()) return undefined;
      const end = pairDate;
      // checkAfter: not closed before the start, and closed only after a start.
      if (record.before === undefined || end < record.before.date) return undefined;
      const reason = pairCode;
      const measures = afterValues();
      if (measures === NO_FAST) return undefined;
      const after: NonNullable<ClientRecord['after']> = { date: end, reason: reason as NonNullable<ClientRecord['after']>['reason'], measures };
      // Whether each goal was met: all of them given, or none (a gap would be a hole zod refuses).
      let given = 0;
      const met: boolean[] = [];
      for (const n of goalsMade) {
        const g = goalAt[n]!;
        if (empty(g.met)) continue;
        const value = g.metAt(g.met);
        if (value === NO_FAST) return undefined;
        given++;
        met.push(value);
      }
      if (given > 0) {
        if (given !== goalsMade.length) return undefined;
        after.goalsMet = met;
      }
      const answers = viewValues();
      if (answers === NO_FAST) return undefined;
      if (filled > 0) after.views = answers;
      record.after = after;
    }

    if (any(withdrawalCols)) {
      if (!withdrawalPair()) return undefined;
      // checkRecord: no withdrawal of a closed record; checkWithdrawal: not withdrawn before the start.
      if (record.after !== undefined || (record.before !== undefined && pairDate < record.before.date)) return undefined;
      record.withdrawal = { date: pairDate, reason: pairCode as NonNullable<ClientRecord['withdrawal']>['reason'] };
    }

    // Last, so that only a row taken enters its id: a second row of an id takes the full path, which names the first.
    if (firstLine.claim(clientId, line) !== undefined) return undefined;
    return record;
  };

  const rawFields = (): string[] => {
    const fields = new Array<string>(width);
    for (let i = 0; i < width; i++) fields[i] = src.slice(rawStart[i], rawEnd[i]);
    return fields;
  };

  return {
    row(row) {
      // The fields side by side in one text, each cell at its bounds.
      if (row.fields.length !== width) return undefined;
      src = row.fields.join('');
      let at = 0;
      for (let i = 0; i < width; i++) {
        rawStart[i] = at;
        at += row.fields[i]!.length;
        rawEnd[i] = at;
      }
      trimCells();
      const record = read(row.line);
      src = '';
      return record;
    },
    lane(textIn, from, lineIn, separator, max, sink) {
      src = textIn;
      const n = textIn.length;
      let i = from;
      let line = lineIn;
      let cr = textIn.indexOf('\r', i);
      for (let taken = 0; i < n && taken < max; taken++) {
        if (cr >= 0 && cr < i) cr = textIn.indexOf('\r', i);
        const first = textIn.charCodeAt(i);
        // A blank line is skipped and counted (a CR at the end may be half of a CRLF).
        if (first === LF) {
          i++;
          line++;
          continue;
        }
        if (first === CR) {
          if (i + 1 >= n) break;
          i += textIn.charCodeAt(i + 1) === LF ? 2 : 1;
          line++;
          continue;
        }
        const end = cutRow(textIn, i, separator, cr, width, rawStart, rawEnd);
        if (end < 0) break;
        trimCells();
        const record = read(line);
        if (record !== undefined) sink.take(record);
        else sink.full({ line, fields: rawFields() });
        i = end;
        line++;
      }
      src = '';
      return { consumed: i, line };
    },
  };
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Values each cell reader keeps, per column (then converted each time, never held). */
const CACHE = 4096;

/** Whether `String.prototype.trim` removes this character (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A hash of the cell `text[s, e)`: FNV-1a of its length and of its characters,
 * all of them up to 16, else 16 spread over it (the first and last four
 * among them). A cell is then compared whole with its key, so the hash only
 * has to spread the values, and a long free text costs 16 reads, not one a
 * character.
 */
function cellHash(text: string, s: number, e: number): number {
  const n = e - s;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  if (n <= 16) {
    for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    return h;
  }
  for (let k = 0; k < 4; k++) h = Math.imul(h ^ text.charCodeAt(s + k) ^ (text.charCodeAt(e - 1 - k) << 16), 0x01000193);
  const step = (n - 8) / 8;
  for (let k = 0; k < 8; k++) h = Math.imul(h ^ text.charCodeAt(s + 4 + Math.floor(k * step)), 0x01000193);
  return h;
}

/**
 * A simple row of `text` from `i`, cut into its fields' bounds (`starts`,
 * `ends`) with the text's own searches (`indexOf`): exactly `width` fields,
 * each unquoted or quoted with neither a doubled quote nor a line break
 * inside and nothing after the closing quote, and the row ended by a line
 * break that is not a CR at the end of the text (which may be half of a
 * CRLF). `cr` is where the next CR at or after `i` is (−1 for none), kept by
 * the caller. Returns where the next row starts, or −1 for a row that is not
 * simple (or not ended yet), which the record scanner reads instead. For a
 * simple row its fields are those the scanner would cut.
 */
function cutRow(text: string, i: number, sep: string, cr: number, width: number, starts: Int32Array, ends: Int32Array): number {
  const lf = text.indexOf('\n', i);
  let end: number;
  let next: number;
  if (cr >= 0 && (lf < 0 || cr < lf)) {
    if (cr + 1 >= text.length) return -1;
    end = cr;
    next = cr + 1 === lf ? lf + 1 : cr + 1;
  } else {
    if (lf < 0) return -1;
    end = lf;
    next = lf + 1;
  }
  const sepCode = sep.charCodeAt(0);
  let col = 0;
  for (let s = i; ; col++) {
    if (col >= width) return -1;
    if (text.charCodeAt(s) === QUOTE) {
      const q = text.indexOf('"', s + 1);
      if (q < 0 || q >= end) return -1;
      starts[col] = s + 1;
      ends[col] = q;
      if (q + 1 === end) break;
      if (text.charCodeAt(q + 1) !== sepCode) return -1;
      s = q + 2;
      continue;
    }
    let j = text.indexOf(sep, s);
    if (j < 0 || j > end) j = end;
    starts[col] = s;
    ends[col] = j;
    if (j === end) break;
    s = j + 1;
  }
  return col + 1 === width ? next : -1;
}

/** Where a lane's rows go: a row it read as a record, or a row for the full path (its fields as the record scanner cuts them). */
export interface LaneSink {
  take(record: ClientRecord): void;
  full(row: CsvRow): void;
}

/**
 * @internal The fast row reader of one clients file: `row` reads a parsed row
 * (its record, or undefined for the full path); `lane` reads the simple rows
 * of a text in place, from `from` (the start of a row) on, each into `sink`,
 * and stops after `max` rows (blank lines count as rows here) or at the first
 * row that is not simple ({@link cutRow}) or not ended, which the caller
 * parses instead, returning where it stopped and the line there.
 */
export interface FastRows {
  row(row: CsvRow): ClientRecord | undefined;
  lane(text: string, from: number, line: number, separator: ';' | ',', max: number, sink: LaneSink): { consumed: number; line: number };
}
