import { z } from 'zod';
import type { Rule } from '../../core/codes.js';
import type { IssueParams } from '../../core/issue.js';
import type { Plan } from '../../plan/plan.js';
import { planViewItems } from '../../plan/views.js';
import { ATTAINMENT_LEVELS } from '../../after/classify.js';
import { Codes, fillSlots, inc, isPlain, noPrototypeNames } from './loop.js';

/**
 * The client questionnaire in a compilation (*klienternas synpunkter*).
 *
 * For every point the plan asks it (`after`, or a follow-up point) and every
 * item, a cell holds a block of rows × {@link VIEW_COLUMNS}: one row per
 * answer (in the item's order, the most positive first), then its
 * don't-know answer (when it has one), then "not answered"; one column per
 * attainment level of the goal-attainment scale, then "not classified". Every
 * closed client (not withdrawn) is counted once in each `after` block; at a
 * follow-up point, every closed client reached there. So each block is both
 * the exact distribution of the item (row sums, not answered included) and
 * its cross-tabulation against goal attainment (for "do views relate to goal
 * attainment"); the column sums of an `after` block are the cell's levels and
 * its unclassified.
 *
 * @internal
 */

/** @internal The columns of a view block: the four attainment levels, then closed but not classified. */
export const VIEW_COLUMNS = [...ATTAINMENT_LEVELS, 'unclassified'] as const;

/** @internal The column of a closed client who could not be classified. */
export const UNCLASSIFIED_COLUMN = ATTAINMENT_LEVELS.length;

const LabelShape = z.object({ sv: z.string(), en: z.string() });

/** @internal The questionnaire's description in a compilation's `meta.views`. */
export const ViewsMetaSchema = z.object({
  at: z.array(z.string()).describe('The points the questionnaire is asked at: `after` and/or follow-up point ids.'),
  items: z.array(
    z.object({
      id: z.string(),
      label: LabelShape,
      kind: z.enum(['ordinal', 'yes_no']),
      answers: z
        .array(z.object({ value: z.union([z.number(), z.boolean()]), label: LabelShape, positive: z.boolean() }))
        .min(2)
        .describe('The answers in the order of the rows, the most positive first; `positive` marks those counted as a positive view.'),
      dontKnow: z.object({ value: z.number(), label: LabelShape }).nullable().describe('The don\'t-know answer, or null.'),
    }),
  ),
});

/** @internal The questionnaire's description, as it is in `meta.views`. */
export type ViewsMeta = z.output<typeof ViewsMetaSchema>;

type ReadonlyViewsMeta = {
  readonly at: readonly string[];
  readonly items: readonly {
    readonly id: string;
    readonly kind: 'ordinal' | 'yes_no';
    readonly answers: readonly { readonly value: number | boolean; readonly positive: boolean }[];
    readonly dontKnow: { readonly value: number } | null;
  }[];
};

/** @internal `meta.views` of a plan: empty without a questionnaire. */
export function describeViews(plan: Plan): ViewsMeta {
  const items = planViewItems(plan.clientViews).map((item) => ({
    id: item.id,
    label: { sv: item.label.sv, en: item.label.en },
    kind: item.kind,
    answers:
      item.kind === 'ordinal'
        ? item.options.map((o, i) => ({ value: o.value, label: { sv: o.label.sv, en: o.label.en }, positive: i < item.positive }))
        : [true, false].map((value) => ({
            value,
            label: value ? { sv: 'Ja', en: 'Yes' } : { sv: 'Nej', en: 'No' },
            positive: value === item.positive,
          })),
    dontKnow: item.dontKnow === undefined ? null : { value: item.dontKnow.value, label: { sv: item.dontKnow.label.sv, en: item.dontKnow.label.en } },
  }));
  return { at: items.length === 0 ? [] : [...(plan.clientViews?.at ?? [])], items };
}

/** @internal The structural parts of `meta.views` for the fingerprint: where a record is counted. */
export const viewsFingerprint = (views: ReadonlyViewsMeta): unknown => [
  views.at,
  views.items.map((i) => [i.id, i.kind, i.answers.map((a) => [a.value, a.positive]), i.dontKnow?.value ?? null]),
];

/**
 * @internal Where one (point, item) block is in a cell's view counts: row r,
 * column c at `offset + r * VIEW_COLUMNS.length + c`; `dontKnow` and
 * `notAnswered` are row indices (`dontKnow` −1 without one).
 */
export interface ViewSlots {
  readonly point: string;
  readonly id: string;
  readonly offset: number;
  readonly rows: number;
  readonly answers: number;
  readonly dontKnow: number;
  readonly notAnswered: number;
}

/** @internal The blocks of a compilation's view counts, point by point, item by item. */
export function viewSlots(views: ReadonlyViewsMeta): ViewSlots[] {
  const out: ViewSlots[] = [];
  let offset = 0;
  for (const point of views.at) {
    for (const item of views.items) {
      const answers = item.answers.length;
      const dontKnow = item.dontKnow === null ? -1 : answers;
      const notAnswered = answers + (item.dontKnow === null ? 0 : 1);
      const slots = { point, id: item.id, offset, rows: notAnswered + 1, answers, dontKnow, notAnswered };
      out.push(slots);
      offset += slots.rows * VIEW_COLUMNS.length;
    }
  }
  return out;
}

/** @internal The width, per cell, of the view counts. */
export function viewsWidth(views: ReadonlyViewsMeta): number {
  const last = viewSlots(views).at(-1);
  return last === undefined ? 0 : last.offset + last.rows * VIEW_COLUMNS.length;
}

/** A record's answers at a point, read loosely: compile counts what a record holds and rejects what it cannot place. */
type Answers = Readonly<Record<string, unknown>>;

/** The answers of a point asked but with no `views`: none given. */
const NO_ANSWERS: Answers = Object.freeze({});

/**
 * One (point, item) block as the record loop reads it: the row of each value
 * the item takes, as table lookups (whole numbers from `low`, and yes/no),
 * where −1 marks a value not on the item's scale.
 */
interface Block extends ViewSlots {
  readonly pointIndex: number;
  readonly low: number;
  readonly numberRows: Int32Array;
  readonly trueRow: number;
  readonly falseRow: number;
}

/** A block's row tables: each answer's row, then the don't-know value's. */
function blockOf(s: ViewSlots, item: ReadonlyViewsMeta['items'][number], pointIndex: number): Block {
  const values = item.answers.map((a, r) => ({ value: a.value, row: r }));
  if (item.dontKnow !== null) values.push({ value: item.dontKnow.value, row: s.dontKnow });
  const numbers = values.filter((v): v is { value: number; row: number } => typeof v.value === 'number');
  const low = numbers.length === 0 ? 0 : Math.min(...numbers.map((v) => v.value));
  const high = numbers.length === 0 ? -1 : Math.max(...numbers.map((v) => v.value));
  const numberRows = new Int32Array(high - low + 1).fill(-1);
  for (const v of numbers) numberRows[v.value - low] = v.row;
  const rowOfBoolean = (b: boolean) => values.find((v) => v.value === b)?.row ?? -1;
  return { ...s, pointIndex, low, numberRows, trueRow: rowOfBoolean(true), falseRow: rowOfBoolean(false) };
}

/** The row of a value in a block (the same value as the item's answer: whole numbers and yes/no), or −1 when it is not on the item's scale. */
function rowOf(block: Block, value: unknown): number {
  if (typeof value === 'number') {
    const i = value - block.low;
    return Number.isInteger(i) && i >= 0 && i < block.numberRows.length ? block.numberRows[i]! : -1;
  }
  return value === true ? block.trueRow : value === false ? block.falseRow : -1;
}

/**
 * @internal The questionnaire part of compile's fold: `read` notes the row of
 * every (point, item) block a record touches (or the rule it breaks) without
 * counting; `count` adds them in the record's cell, in the column of its
 * attainment level.
 */
export class ViewFolder {
  private readonly blocks: readonly Block[];
  private readonly known: Codes;
  /** Items per point. */
  private readonly items: number;
  /** Whether no item is named like a property of `Object.prototype`, so that for-in over plain answers visits every item a record has. */
  private readonly plainKeys: boolean;
  private readonly points: readonly string[];
  /** Per block: the row to count, or −1 when the record is not asked at that point. */
  private readonly rows: Int32Array;
  readonly active: boolean;

  constructor(views: ReadonlyViewsMeta) {
    const slots = viewSlots(views);
    this.points = views.at;
    this.blocks = slots.map((s, b) => blockOf(s, views.items[b % views.items.length]!, views.at.indexOf(s.point)));
    this.known = new Codes(views.items.map((i) => i.id));
    this.items = views.items.length;
    this.plainKeys = noPrototypeNames(views.items.map((i) => i.id));
    this.rows = new Int32Array(slots.length);
    this.active = slots.length > 0;
  }

  /**
   * Notes the rows of a closed record: its answers at closing, and at each
   * follow-up point it was reached at (`followUps[].status === 'reached'`).
   * The first rule broken: answers that are not an object (`type`), an item
   * the plan lacks (`unknown_code`) or a value not on the item's scale (`one_of`).
   */
  read(after: { readonly views?: unknown } | undefined, followUps: unknown): Rule | undefined {
    const n = this.items;
    let offScale = false;
    for (let p = 0; p < this.points.length; p++) {
      const answers = this.answersAt(this.points[p]!, after, followUps);
      const first = p * n;
      if (answers === null) {
        fillSlots(this.rows, -1, first, first + n);
        continue;
      }
      if (!isObject(answers)) return 'type';
      for (let i = 0; i < n; i++) this.rows[first + i] = this.blocks[first + i]!.notAnswered;
      if (!this.plainKeys || !isPlain(answers)) {
        for (const key in answers) if (Object.hasOwn(answers, key) && this.known.indexOf(key) < 0) return 'unknown_code';
        if (!this.readByName(answers, first)) offScale = true;
        continue;
      }
      // One pass over the keys the record has: an own key the plan lacks is
      // `unknown_code`; a known one is read where for-in stands (its enum
      // cache), not looked up again by name. A value off its item's scale is
      // `one_of` only once no point has an unknown key, as the rule order says.
      for (const key in answers) {
        const i = this.known.indexOf(key);
        if (i < 0) {
          if (Object.hasOwn(answers, key)) return 'unknown_code';
          continue;
        }
        const value = answers[key];
        if (value === undefined) continue;
        const row = rowOf(this.blocks[first + i]!, value);
        if (row < 0) offScale = true;
        else this.rows[first + i] = row;
      }
    }
    return offScale ? 'one_of' : undefined;
  }

  /**
   * Each item's answer read by name, inherited values too: for answers with
   * a prototype of their own, or items named like a property of
   * `Object.prototype`, which for-in does not visit. False when a value is
   * off its item's scale.
   */
  private readByName(answers: Answers, first: number): boolean {
    let ok = true;
    for (let i = 0; i < this.items; i++) {
      const value = answers[this.blocks[first + i]!.id];
      if (value === undefined) continue;
      const row = rowOf(this.blocks[first + i]!, value);
      if (row < 0) ok = false;
      else this.rows[first + i] = row;
    }
    return ok;
  }

  /** A record's answers at a point (none given when it was asked but has no `views`), or null when it was not asked there. */
  private answersAt(point: string, after: { readonly views?: unknown } | undefined, followUps: unknown): unknown {
    if (point === 'after') return after?.views ?? NO_ANSWERS;
    if (!Array.isArray(followUps)) return null;
    for (let i = 0; i < followUps.length; i++) {
      const f: unknown = followUps[i];
      if (isObject(f) && f.point === point && f.status === 'reached') return f.views ?? NO_ANSWERS;
    }
    return null;
  }

  /** Counts the rows noted by {@link read} in a cell (`base`: the cell's first slot), in the column of the attainment level (or not classified). */
  count(array: number[], base: number, column: number): void {
    const cols = VIEW_COLUMNS.length;
    for (let b = 0; b < this.blocks.length; b++) {
      const row = this.rows[b]!;
      if (row < 0) continue;
      inc(array, base + this.blocks[b]!.offset + row * cols + column, 1);
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @internal The consistency rules of the view counts in one cell: an `after`
 * block counts every closed client once, so its column sums are the cell's
 * attainment levels and its unclassified (`count_sum`); a follow-up block
 * counts each closed client at most once (`exceeds_total`).
 */
export function viewsConsistency(
  views: ReadonlyViewsMeta,
  cellCounts: (slot: number) => number,
  closedByColumn: readonly number[],
  closed: number,
  report: (slot: number, rule: 'count_sum' | 'exceeds_total', params: IssueParams) => void,
): void {
  const cols = VIEW_COLUMNS.length;
  for (const s of viewSlots(views)) {
    if (s.point === 'after') {
      for (let c = 0; c < cols; c++) {
        let sum = 0;
        for (let r = 0; r < s.rows; r++) sum += cellCounts(s.offset + r * cols + c);
        if (sum !== closedByColumn[c]) {
          const parts = [c < ATTAINMENT_LEVELS.length ? `counts.levels (${VIEW_COLUMNS[c]})` : 'counts.unclassified'];
          report(s.offset + c, 'count_sum', { value: sum, expected: closedByColumn[c]!, parts });
        }
      }
    } else {
      let sum = 0;
      for (let j = 0; j < s.rows * cols; j++) sum += cellCounts(s.offset + j);
      if (sum > closed) report(s.offset, 'exceeds_total', { value: sum, total: closed, totalName: 'counts.flow.closed' });
    }
  }
}
