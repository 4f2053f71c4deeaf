import { decodeChecked, parseChecked, type CsvEncoding } from './csv.js';
import { cleanDate, NO, parseNumber, REASON_WORDS, YES } from './import.js';
import type { CsvMappingInput } from './mapping.js';
import { instrumentMap, type PlanInput } from '../plan/plan.js';
import { NO_PUBLISHED_MINIMAL_CHANGE } from '../measure/catalogue.js';
import { isoDateParts } from '../core/dates.js';
import { validateIdentityNumber } from '../identity/identity-number.js';
import { ageInCompletedYears } from '../identity/age.js';

/**
 * @internal What an export's header and a sample of its rows suggest (the
 * `uppfoljning init --from` proposal): which column holds which field, what
 * each column holds, drafts of the plan and the mapping that the import reads
 * as they stand, and what the analyst must still decide. Decisions are data
 * (a code and its params); the CLI words them. No value of an identity-number
 * column is kept anywhere in it.
 */
export interface ExportProposal {
  readonly encoding: CsvEncoding;
  readonly separator: ';' | ',';
  /** The data rows read (the sample). */
  readonly rows: number;
  readonly columns: readonly ProposedColumn[];
  readonly plan: PlanInput;
  readonly mapping: CsvMappingInput;
  readonly decisions: readonly Decision[];
}

/** @internal One column of the export, as the proposal reads it. */
export interface ProposedColumn {
  readonly column: string;
  /** The field it is mapped to, or null when it is left out. */
  readonly field: string | null;
  readonly kind: ColumnKind;
  /** The distinct values of a category or yes/no column (never of an identity column). */
  readonly categories?: readonly string[];
  /** The range of a numeric column. */
  readonly range?: { readonly min: number; readonly max: number; readonly integer: boolean };
}

/** @internal What a column holds. */
export type ColumnKind = 'identity' | 'date' | 'number' | 'boolean' | 'category' | 'text' | 'empty';

/** @internal Something the analyst must decide or check; the CLI words it in Swedish or English. */
export type Decision =
  | { readonly code: 'question' }
  | { readonly code: 'target_group' }
  | { readonly code: 'selection' }
  | { readonly code: 'goal_rule'; readonly rule: 'assessed' | 'target'; readonly why: 'met_columns' | 'target_columns' | 'no_goal_columns' }
  | { readonly code: 'primary_measure'; readonly chosen: string; readonly others: readonly string[] }
  | { readonly code: 'no_measure' }
  | { readonly code: 'instrument_scale'; readonly instrument: string; readonly min: number; readonly max: number; readonly step: number }
  | { readonly code: 'instrument_direction'; readonly instrument: string }
  | { readonly code: 'builtin_instrument'; readonly instrument: string; readonly columns: readonly string[] }
  | { readonly code: 'minimal_change'; readonly instrument: string }
  | { readonly code: 'english_labels' }
  | { readonly code: 'age_bands'; readonly youngest: number | null; readonly oldest: number | null }
  | { readonly code: 'intervention_name' }
  | { readonly code: 'enrolled_is_start'; readonly column: string }
  | { readonly code: 'missing_field'; readonly field: 'clientId' | 'enrolled' | 'age' | 'gender' | 'before.mainProblem' }
  | { readonly code: 'pseudonym_key'; readonly column: string }
  | { readonly code: 'legal_gender'; readonly column: string }
  | { readonly code: 'gender_category'; readonly values: readonly string[] }
  | { readonly code: 'reason_recoded'; readonly field: string; readonly values: readonly string[] }
  | { readonly code: 'follow_up_window'; readonly point: string; readonly monthsAfter: number; readonly columns: readonly string[] }
  | { readonly code: 'view_items'; readonly items: readonly string[]; readonly at: readonly string[] }
  | { readonly code: 'left_out'; readonly column: string; readonly kind: ColumnKind; readonly why: 'birth_year' | 'free_text' | 'date' | 'empty' };

/** @internal How many data rows the proposal reads. */
export const PROPOSAL_SAMPLE_ROWS = 5000;

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** @internal A code from a text: lower case, å/ä → a, ö → o, other signs → `-`. */
export function toCode(text: string): string {
  const c = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return c === '' ? 'x' : c;
}

/** Header names → field, as Swedish and English exports write them (compared lower case, spaces, `_` and `-` as one space). */
const FIELD_NAMES: readonly (readonly [string, RegExp])[] = [
  ['identityNumber', /^(personnummer|personnr|pnr|samordningsnummer|person ?nummer|personal identity number|identity number|swedish personal identity number)$/],
  ['clientId', /^(klient ?id|klientnummer|klient nr|löpnummer|lopnummer|client ?id|client number|id)$/],
  ['gender', /^(kön|kon|gender|sex)$/],
  ['age', /^(ålder|alder|age)$/],
  ['birthYear', /^(födelseår|fodelsear|birth year|year of birth)$/],
  ['intervention', /^(insats|intervention)$/],
  ['enrolled', /^(urvalsdatum|inskrivningsdatum|inskriven|aktualiseringsdatum|enrolled|enrolment date|enrollment date|selection date)$/],
  ['before.date', /^(startdatum|start datum|start date|startdate|datum före|before date|insatsstart)$/],
  ['after.date', /^(slutdatum|avslutsdatum|avslutad|end date|closing date|after date|datum efter)$/],
  ['after.reason', /^(avslutsorsak|avslutningsorsak|orsak|closing reason|reason for closing|reason)$/],
  ['withdrawal.date', /^(avförd datum|avförd|avförandedatum|withdrawal date|withdrawn date|withdrawn)$/],
  ['withdrawal.reason', /^(avförd orsak|avförandeorsak|withdrawal reason)$/],
  ['before.mainProblem', /^(huvudproblem|main problem)$/],
];

const GOAL_NAMES: readonly (readonly [string, RegExp])[] = [
  ['statement', /^(?:mål|goal) (\d)$/],
  ['area', /^(?:målområde (\d)|goal (\d) area|goal area (\d))$/],
  ['met', /^(?:mål|goal) (\d) (?:uppnått|nått|met|reached|achieved)$/],
  ['target', /^(?:mål|goal) (\d) (?:målvärde|target)$/],
];

const MEASURE_SIDE: readonly (readonly ['before' | 'after', RegExp])[] = [
  ['before', /^(.+) (?:före|innan|before|pre)$/],
  ['after', /^(.+) (?:efter|after|post)$/],
  ['before', /^(?:före|before) (.+)$/],
  ['after', /^(?:efter|after) (.+)$/],
];

/** A follow-up column: "uppföljning 12 mån datum", "Uppföljning 12 mån" (the status), "follow-up 6 months date". */
const FOLLOW_UP_NAME = /^(?:efter ?uppföljning|uppföljning|follow ?up|followup)\s*(\d{1,3})\s*(?:mån|månader|mnd|m|months?)\.?(?:\s+(datum|date|status|nådd|reached))?$/;
/** A measure or view item at a follow-up point: "tilltro 12 mån", "respekt 12 months". */
const AT_POINT_NAME = /^(.+?)\s+(\d{1,3})\s*(?:mån|månader|mnd|months?)\.?$/;
/** The national questionnaire's items by the words an export's header uses for them (Swedish and English). */
const VIEW_NAMES: readonly (readonly [string, RegExp])[] = [
  ['respekt', /respekt|respect/],
  ['lyssnad', /lyssna|listened/],
  ['information', /information/],
  ['inflytande', /inflytande|påverka|influence/],
  ['nojd', /nöjd|nojd|satisf/],
  ['rekommendera', /rekommend|recommend/],
];
const viewItemOf = (name: string): string | undefined => VIEW_NAMES.find(([, re]) => re.test(name.replace(/^(?:synpunkt|view)\s+/, '')))?.[0];

const CODED_FIELD = /^(gender|intervention|before\.mainProblem|after\.reason|withdrawal\.reason|goal\.\d\.area)$/;
const IDENTITY_SHAPE = /^(\d{6}|\d{8})[-+]?\d{4}$/;
const BOOLEAN_WORDS = new Set([...YES, ...NO].filter((w) => !/^\d$/.test(w)));
/** A column with at most this many distinct values (and values repeating) is read as a category. */
const MAX_CATEGORIES = 12;
/** A column named as notes is free text, whatever its values look like: its values are never shown. */
const FREE_TEXT_NAME = /(anteckning|kommentar|notering|fritext|beskrivning|övrigt|note|comment|remark|description|free.?text)/i;
/** A value a category never has: a sentence (more than four words) or more than 40 characters. */
const isProse = (value: string): boolean => value.length > 40 || value.split(/\s+/).length > 4;

interface Seen {
  column: string;
  index: number;
  values: string[];
  kind: ColumnKind;
  distinct: string[];
  numbers: number[];
}

function classify(column: string, index: number, rows: readonly (readonly string[])[], identityByName: boolean): Seen {
  const values = rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
  const distinct = [...new Set(values)].sort((a, b) => a.localeCompare(b, 'sv'));
  const base = { column, index, values, distinct, numbers: [] as number[] };
  if (values.length === 0) return { ...base, kind: identityByName ? 'identity' : 'empty' };
  if (identityByName || values.every((v) => IDENTITY_SHAPE.test(v))) return { ...base, distinct: [], kind: 'identity' };
  if (values.every((v) => isoDateParts(cleanDate(v)))) return { ...base, kind: 'date' };
  if (values.every((v) => BOOLEAN_WORDS.has(v.toLowerCase()))) return { ...base, kind: 'boolean' };
  const numbers = values.map((v) => parseNumber(v, undefined));
  if (numbers.every((n) => n !== undefined)) return { ...base, numbers: numbers as number[], kind: 'number' };
  // A note column whose few values happen to repeat ("ok", "ok") is still free text, and its values stay unprinted.
  if (FREE_TEXT_NAME.test(column) || distinct.some(isProse)) return { ...base, kind: 'text' };
  if (distinct.length <= MAX_CATEGORIES && distinct.length < values.length) return { ...base, kind: 'category' };
  return { ...base, kind: 'text' };
}

const rangeOf = (numbers: readonly number[]) => ({
  min: Math.min(...numbers),
  max: Math.max(...numbers),
  integer: numbers.every((n) => Number.isInteger(n)),
});

/** The step of a scale whose values are these: 1 for whole numbers, else the coarsest of 0.5, 0.25, 0.1, 0.01 that fits. */
function stepOf(numbers: readonly number[]): number {
  for (const step of [1, 0.5, 0.25, 0.1, 0.01]) {
    if (numbers.every((n) => Math.abs(n / step - Math.round(n / step)) < 1e-9)) return step;
  }
  return 0.001;
}

/** Unique codes for a list of texts, in order: a repeat gets `-2`, `-3`… */
function codesFor(texts: readonly string[], taken: Set<string> = new Set()): string[] {
  return texts.map((t) => {
    const base = toCode(t);
    let c = base;
    for (let n = 2; taken.has(c); n++) c = `${base}-${n}`;
    taken.add(c);
    return c;
  });
}

const categories = (values: readonly string[]) => {
  const codes = codesFor(values);
  return values.map((v, i) => ({ code: codes[i]!, label: { sv: v, en: v } }));
};

const WOMAN = new Set(['k', 'kvinna', 'kvinnor', 'f', 'female', 'woman', 'women', 'flicka', 'girl']);
const MAN = new Set(['m', 'man', 'män', 'male', 'men', 'pojke', 'boy']);
const BUILTIN_BY_NAME: readonly (readonly [RegExp, string])[] = [
  [/tilltro/, 'tilltro-nykterhet'],
  [/^audit\b/, 'audit'],
  [/^dudit\b/, 'dudit'],
];

/**
 * @internal Reads an export's header and its first {@link PROPOSAL_SAMPLE_ROWS}
 * rows and proposes a mapping, a plan and what is left to decide.
 */
export function proposeFromExport(bytes: Uint8Array): ExportProposal {
  const decoded = decodeChecked(bytes, undefined);
  const table = parseChecked(decoded.text, undefined);
  const rows = table.rows.slice(0, PROPOSAL_SAMPLE_ROWS).map((r) => r.fields);
  const decisions: Decision[] = [{ code: 'question' }, { code: 'target_group' }, { code: 'selection' }];
  const columns: Record<string, string> = {};
  const codes: Record<string, Record<string, string>> = {};
  const fieldOf = new Map<number, string>();
  const plan: Record<string, unknown> = {};

  // 1. Fields by name.
  const seen = table.header.map((column, i) => {
    const name = norm(column);
    const byName = FIELD_NAMES.find(([, re]) => re.test(name))?.[0];
    const s = classify(column, i, rows, byName === 'identityNumber');
    return { ...s, byName, name };
  });
  const taken = new Set<string>();
  const claim = (s: (typeof seen)[number], field: string) => {
    if (taken.has(field) || fieldOf.has(s.index)) return false;
    taken.add(field);
    fieldOf.set(s.index, field);
    columns[field] = s.column;
    return true;
  };
  for (const s of seen) {
    if (s.byName !== undefined && s.byName !== 'birthYear') claim(s, s.byName);
    for (const [part, re] of GOAL_NAMES) {
      const m = re.exec(s.name);
      const n = m?.slice(1).find((g) => g !== undefined);
      if (n !== undefined && n !== '0') claim(s, `goal.${n}.${part}`);
    }
  }
  // A column of identity numbers under another name is still the identity number.
  for (const s of seen) if (s.kind === 'identity' && !fieldOf.has(s.index)) claim(s, 'identityNumber');
  const col = (field: string) => seen.find((s) => fieldOf.get(s.index) === field);
  // A coded field named as such is read as categories, however few rows repeat a value.
  for (const s of seen) {
    const field = fieldOf.get(s.index) ?? '';
    if (s.kind === 'text' && CODED_FIELD.test(field)) s.kind = 'category';
  }

  // 2. Measures: numeric columns named "… före" / "… efter", paired by the rest of the name.
  const pairs = new Map<string, { before?: (typeof seen)[number]; after?: (typeof seen)[number]; label: string }>();
  for (const s of seen) {
    if (fieldOf.has(s.index) || s.kind !== 'number') continue;
    for (const [side, re] of MEASURE_SIDE) {
      const m = re.exec(s.name);
      if (m === null) continue;
      const key = m[1]!;
      const entry = pairs.get(key) ?? { label: s.column.trim().slice(0, key.length).trim() || key };
      if (entry[side] === undefined) entry[side] = s;
      pairs.set(key, entry);
      break;
    }
  }
  const builtins = instrumentMap([]);
  const own: Record<string, unknown>[] = [];
  const before: string[] = [];
  const after: string[] = [];
  const idByKey = new Map<string, string>();
  for (const [key, pair] of pairs) {
    const sides = [pair.before, pair.after].filter((s) => s !== undefined);
    const numbers = sides.flatMap((s) => s.numbers);
    const { min, max } = rangeOf(numbers);
    const step = stepOf(numbers);
    const named = BUILTIN_BY_NAME.find(([re]) => re.test(key))?.[1];
    const builtin = named === undefined ? undefined : builtins.get(named);
    const fits = builtin !== undefined && numbers.every((n) => n >= builtin.range.min && n <= builtin.range.max && Number.isInteger((n - builtin.range.min) / builtin.range.step));
    let id: string;
    if (builtin !== undefined && fits) {
      id = builtin.id;
      decisions.push({ code: 'builtin_instrument', instrument: id, columns: sides.map((s) => s.column) });
      // No published minimal important change: the plan must set one, and no draft can decide it.
      if (NO_PUBLISHED_MINIMAL_CHANGE.includes(id) && pair.before !== undefined && pair.after !== undefined) decisions.push({ code: 'minimal_change', instrument: id });
    } else {
      id = codesFor([key], new Set(builtins.keys()))[0]!;
      const top = max > min ? max : min + step;
      own.push({
        id,
        label: { sv: pair.label, en: pair.label },
        kind: step === 1 && top - min <= 10 ? 'ordinal' : 'interval',
        range: { min, max: top, step },
        direction: 'higher_is_better',
      });
      decisions.push({ code: 'instrument_scale', instrument: id, min, max: top, step }, { code: 'instrument_direction', instrument: id });
    }
    idByKey.set(key, id);
    if (pair.before) {
      claim(pair.before, `before.measures.${id}`);
      before.push(id);
    }
    if (pair.after) {
      claim(pair.after, `after.measures.${id}`);
      after.push(id);
    }
  }
  // 2b. Follow-up after the end and the client's views: "Uppföljning 12 mån datum", "Tilltro 12 mån", "Bemött med respekt".
  const points = new Map<string, { monthsAfter: number; measures: string[]; columns: string[]; views: boolean }>();
  const pointOf = (n: string) => {
    const id = `${Number(n)}m`;
    const entry = points.get(id) ?? { monthsAfter: Number(n), measures: [], columns: [], views: false };
    points.set(id, entry);
    return [id, entry] as const;
  };
  for (const s of seen) {
    if (fieldOf.has(s.index)) continue;
    const m = FOLLOW_UP_NAME.exec(s.name);
    if (m === null) continue;
    const [id, entry] = pointOf(m[1]!);
    const part = m[2] === 'datum' || m[2] === 'date' ? 'date' : 'status';
    if (claim(s, `followUps.${id}.${part}`)) entry.columns.push(s.column);
  }
  const viewsAt = new Set<string>();
  const viewIds = new Set<string>();
  for (const s of seen) {
    if (fieldOf.has(s.index)) continue;
    const m = AT_POINT_NAME.exec(s.name);
    const item = viewItemOf(m === null ? s.name : m[1]!);
    if (m !== null && !points.has(`${Number(m[2])}m`)) continue;
    if (item !== undefined) {
      const at = m === null ? 'after' : `${Number(m[2])}m`;
      if (claim(s, at === 'after' ? `after.views.${item}` : `followUps.${at}.views.${item}`)) {
        viewsAt.add(at);
        viewIds.add(item);
        if (at !== 'after') points.get(at)!.columns.push(s.column);
      }
      continue;
    }
    if (m === null || (s.kind !== 'number' && s.kind !== 'empty')) continue;
    const key = m[1]!;
    const id = idByKey.get(key);
    const [pid, entry] = pointOf(m[2]!);
    if (id !== undefined && claim(s, `followUps.${pid}.measures.${id}`)) {
      entry.measures.push(id);
      entry.columns.push(s.column);
    }
  }
  const followUps = [...points].filter(([, e]) => e.columns.length > 0).map(([id, e]) => ({
    id,
    label: { sv: `${e.monthsAfter} månader efter avslut`, en: `${e.monthsAfter} months after closing` },
    monthsAfter: e.monthsAfter,
    windowDays: 30,
    measures: e.measures,
  }));
  for (const f of followUps) decisions.push({ code: 'follow_up_window', point: f.id, monthsAfter: f.monthsAfter, columns: points.get(f.id)!.columns });
  const viewPoints = [...viewsAt].sort((a, b) => (a === 'after' ? -1 : b === 'after' ? 1 : a.localeCompare(b)));
  if (viewIds.size > 0) decisions.push({ code: 'view_items', items: [...viewIds], at: viewPoints });

  const both = before.filter((m) => after.includes(m));
  const primary = both[0] ?? before[0] ?? after[0];
  if (primary === undefined) decisions.push({ code: 'no_measure' });
  else if (both.length > 1 || both.length === 0) decisions.push({ code: 'primary_measure', chosen: primary, others: [...new Set([...before, ...after])].filter((m) => m !== primary) });
  else if (both.length === 1) decisions.push({ code: 'primary_measure', chosen: primary, others: [] });

  // 3. The categories of the coded fields.
  const values = (field: string) => col(field)?.distinct ?? [];
  const intervention = values('intervention');
  if (intervention.length > 0) plan.interventions = categories(intervention);
  else {
    plan.interventions = [{ code: 'insats', label: { sv: 'Insatsen', en: 'The intervention' } }];
    decisions.push({ code: 'intervention_name' });
  }

  const identity = col('identityNumber');
  const genderColumn = col('gender');
  const genders = [
    { code: 'kvinna', label: { sv: 'Kvinna', en: 'Woman' } },
    { code: 'man', label: { sv: 'Man', en: 'Man' } },
  ];
  if (genderColumn !== undefined) {
    const recode: Record<string, string> = {};
    const others: string[] = [];
    for (const v of genderColumn.distinct) {
      const lower = v.toLowerCase();
      const to = WOMAN.has(lower) ? 'kvinna' : MAN.has(lower) ? 'man' : undefined;
      if (to === undefined) others.push(v);
      else if (lower !== to && !(to === 'kvinna' && lower === 'woman')) recode[v] = to;
    }
    if (Object.keys(recode).length > 0) codes.gender = recode;
    if (others.length > 0) {
      const c = codesFor(others, new Set(['kvinna', 'man']));
      others.forEach((v, i) => genders.push({ code: c[i]!, label: { sv: v, en: v } }));
      decisions.push({ code: 'gender_category', values: others });
    }
  } else if (identity !== undefined) {
    decisions.push({ code: 'legal_gender', column: identity.column });
  } else decisions.push({ code: 'missing_field', field: 'gender' });

  const mainProblems = values('before.mainProblem');
  if (mainProblems.length > 0) plan.mainProblems = categories(mainProblems);
  else {
    plan.mainProblems = [{ code: 'huvudproblem', label: { sv: 'Huvudproblem', en: 'Main problem' } }];
    decisions.push({ code: 'missing_field', field: 'before.mainProblem' });
  }
  const areas = [...new Set(seen.filter((s) => /^goal\.\d\.area$/.test(fieldOf.get(s.index) ?? '')).flatMap((s) => s.distinct))].sort((a, b) => a.localeCompare(b, 'sv'));
  if (areas.length > 0) plan.goalAreas = categories(areas);

  for (const field of ['after.reason', 'withdrawal.reason']) {
    const unknown = values(field).filter((v) => !Object.hasOwn(REASON_WORDS, v.toLowerCase()) && !['completed', 'breakdown', 'moved', 'declined', 'other'].includes(v.toLowerCase()));
    if (unknown.length > 0) {
      codes[field] = Object.fromEntries(unknown.map((v) => [v, 'other']));
      decisions.push({ code: 'reason_recoded', field, values: unknown });
    }
  }

  // 4. The dates, the client id, the age.
  if (col('enrolled') === undefined) {
    const start = col('before.date');
    if (start !== undefined) {
      columns.enrolled = start.column;
      decisions.push({ code: 'enrolled_is_start', column: start.column });
    } else decisions.push({ code: 'missing_field', field: 'enrolled' });
  }
  if (col('clientId') === undefined) {
    if (identity !== undefined) decisions.push({ code: 'pseudonym_key', column: identity.column });
    else decisions.push({ code: 'missing_field', field: 'clientId' });
  }
  const ages = agesSeen(seen, col, rows, columns);
  if (ages === undefined) decisions.push({ code: 'missing_field', field: 'age' });
  const youngest = ages !== undefined && ages.length > 0 ? Math.min(...ages) : null;
  const oldest = ages !== undefined && ages.length > 0 ? Math.max(...ages) : null;
  decisions.push({ code: 'age_bands', youngest, oldest });

  // 5. Background: the columns left over that are coded, yes/no or numbers.
  const background: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  for (const s of seen) {
    if (fieldOf.has(s.index)) continue;
    if (s.byName === 'birthYear') {
      decisions.push({ code: 'left_out', column: s.column, kind: s.kind, why: 'birth_year' });
      continue;
    }
    if (s.kind === 'category' || s.kind === 'boolean' || s.kind === 'number') {
      const id = codesFor([s.column], ids)[0]!;
      const label = { sv: s.column.trim(), en: s.column.trim() };
      if (s.kind === 'category') background.push({ id, label, kind: 'category', options: categories(s.distinct) });
      else if (s.kind === 'boolean') background.push({ id, label, kind: 'boolean' });
      else background.push({ id, label, kind: 'number', ...(rangeOf(s.numbers).integer ? {} : { integer: false }) });
      claim(s, `before.background.${id}`);
      continue;
    }
    const why = s.kind === 'date' ? 'date' : s.kind === 'empty' ? 'empty' : 'free_text';
    decisions.push({ code: 'left_out', column: s.column, kind: s.kind, why });
  }

  // 6. The goal rule.
  const goalFields = [...fieldOf.values()].filter((f) => f.startsWith('goal.'));
  const goalRule = goalFields.some((f) => f.endsWith('.met'))
    ? ({ kind: 'assessed', why: 'met_columns' } as const)
    : goalFields.some((f) => f.endsWith('.target'))
      ? ({ kind: 'target', why: 'target_columns' } as const)
      : ({ kind: 'assessed', why: 'no_goal_columns' } as const);
  decisions.push({ code: 'goal_rule', rule: goalRule.kind, why: goalRule.why });
  decisions.push({ code: 'english_labels' });

  const lowest = youngest === null ? 0 : Math.min(18, youngest);
  const draft: PlanInput = {
    id: 'uppfoljning',
    title: 'Uppföljning',
    question: 'Att besluta: vad ska uppföljningen besvara?',
    interventions: plan.interventions as PlanInput['interventions'],
    targetGroup: 'Att besluta: beskriv målgruppen.',
    selection: { kind: 'all' },
    background: background as PlanInput['background'],
    mainProblems: plan.mainProblems as PlanInput['mainProblems'],
    ...(plan.goalAreas ? { goalAreas: plan.goalAreas as PlanInput['goalAreas'] } : {}),
    ...(own.length > 0 ? { instruments: own as PlanInput['instruments'] } : {}),
    measures: { before: before.length > 0 ? before : after, after: after.length > 0 ? after : before },
    primaryMeasure: primary ?? '',
    goalRule: goalRule.kind === 'assessed' ? { kind: 'assessed', combine: 'all' } : { kind: 'target' },
    withdrawOn: ['breakdown'],
    grouping: { ageBands: [{ from: lowest, to: 29 }, { from: 30, to: 49 }, { from: 50 }], genders },
    ...(followUps.length > 0 ? { followUps } : {}),
    ...(viewIds.size > 0 ? { clientViews: { template: 'national', at: viewPoints } } : {}),
  };
  const mapping: CsvMappingInput = {
    format: 'uppfoljning.mapping',
    columns,
    ...(Object.keys(codes).length > 0 ? { codes } : {}),
    ...(identity !== undefined && genderColumn === undefined ? { identity: { legalGender: true } } : {}),
  };
  const proposed: ProposedColumn[] = seen.map((s) => ({
    column: s.column,
    field: fieldOf.get(s.index) ?? null,
    kind: s.kind,
    // Free text (a goal's statement) is not shown, even when its values repeat.
    ...((s.kind === 'category' || s.kind === 'boolean') && !/^goal\.\d\.statement$/.test(fieldOf.get(s.index) ?? '') ? { categories: s.distinct } : {}),
    ...(s.kind === 'number' ? { range: rangeOf(s.numbers) } : {}),
  }));
  return { encoding: decoded.encoding, separator: table.separator, rows: rows.length, columns: proposed, plan: draft, mapping, decisions };
}

/** The ages in the sample: from an age column, or from the identity numbers at each row's start; undefined when there is neither. */
function agesSeen(
  seen: readonly Seen[],
  col: (field: string) => Seen | undefined,
  rows: readonly (readonly string[])[],
  columns: Readonly<Record<string, string>>,
): number[] | undefined {
  const age = col('age');
  if (age !== undefined) return age.kind === 'number' ? age.numbers : [];
  const identity = col('identityNumber');
  if (identity === undefined) return undefined;
  const startAt = seen.find((s) => s.column === (columns['before.date'] ?? columns.enrolled))?.index;
  const out: number[] = [];
  for (const row of rows) {
    const start = startAt === undefined ? undefined : cleanDate((row[startAt] ?? '').trim());
    if (start === undefined || !isoDateParts(start)) continue;
    const read = validateIdentityNumber((row[identity.index] ?? '').trim(), { referenceDate: start });
    if (read.success && read.data.birthDate !== null && read.data.birthDate <= start) out.push(ageInCompletedYears(read.data.birthDate, start));
  }
  return out;
}
