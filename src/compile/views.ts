import type { Label } from '../core/locale.js';
import { shareOf } from './share.js';
import type { AttainmentLevel } from '../after/classify.js';
import type { CompilationMeta } from './meta.js';
import type { Share } from './tabulate.js';
import { VIEW_COLUMNS, viewSlots } from './_lib/views.js';

/**
 * Counts of one answer of a questionnaire item: in all, and by the client's
 * goal-attainment level at closing (`unclassified`: closed but not placed on
 * the scale).
 *
 * @example
 * ```ts
 * // The Björkebo example asks the national questionnaire at closing.
 * const a: ViewAnswerCount = tabulate(compilation).total.views[0]!.answers[0]!;
 * a.count === Object.values(a.byLevel).reduce((n, x) => n + x, 0);
 * // => true
 * ```
 */
export interface ViewAnswerCount {
  readonly count: number;
  readonly byLevel: Readonly<Record<AttainmentLevel | 'unclassified', number>>;
}

/**
 * One questionnaire item at one point for a group, read from a compilation:
 * the exact distribution of its answers (the most positive first), its
 * don't-know answers and those who did not answer, each also by attainment
 * level, and the share with a positive view among those who answered
 * (don't know and not answered left out), with its Wilson 95 % interval.
 *
 * - `asked`: everyone counted at the point (closed clients at `after`, closed
 *   clients reached at a follow-up point) = answered + don't know + not answered;
 * - `answered`: those who gave one of the scale's answers.
 *
 * @example
 * ```ts
 * const respect: ViewSummary = tabulate(compilation).total.views[0]!;
 * [respect.point, respect.id, respect.asked];
 * // => ['after', 'respekt', 32] (everyone closed and not withdrawn)
 * ```
 */
export interface ViewSummary {
  readonly point: string;
  readonly id: string;
  readonly label: Label;
  readonly kind: 'ordinal' | 'yes_no';
  readonly answers: readonly (ViewAnswerCount & { readonly value: number | boolean; readonly label: Label; readonly positive: boolean })[];
  readonly dontKnow: (ViewAnswerCount & { readonly value: number; readonly label: Label }) | null;
  readonly notAnswered: ViewAnswerCount;
  readonly asked: number;
  readonly answered: number;
  readonly positive: Share;
}

/** @internal The questionnaire's items for a group, from its view counts summed over its cells. */
export function viewSummaries(meta: CompilationMeta, counts: readonly number[]): ViewSummary[] {
  const cols = VIEW_COLUMNS.length;
  return viewSlots(meta.views).map((s, b) => {
    const item = meta.views.items[b % meta.views.items.length]!;
    const rowCount = (r: number): ViewAnswerCount => {
      const byLevel = Object.fromEntries(VIEW_COLUMNS.map((c, j) => [c, counts[s.offset + r * cols + j]!])) as Record<AttainmentLevel | 'unclassified', number>;
      return { count: VIEW_COLUMNS.reduce((n, _, j) => n + counts[s.offset + r * cols + j]!, 0), byLevel };
    };
    const answers = item.answers.map((a, r) => ({ value: a.value, label: { sv: a.label.sv, en: a.label.en }, positive: a.positive, ...rowCount(r) }));
    const dontKnow = item.dontKnow === null ? null : { value: item.dontKnow.value, label: { sv: item.dontKnow.label.sv, en: item.dontKnow.label.en }, ...rowCount(s.dontKnow) };
    const notAnswered = rowCount(s.notAnswered);
    const answered = answers.reduce((n, a) => n + a.count, 0);
    const positive = answers.reduce((n, a) => n + (a.positive ? a.count : 0), 0);
    return {
      point: s.point,
      id: item.id,
      label: { sv: item.label.sv, en: item.label.en },
      kind: item.kind,
      answers,
      dontKnow,
      notAnswered,
      asked: answered + (dontKnow?.count ?? 0) + notAnswered.count,
      answered,
      positive: shareOf(positive, answered),
    };
  });
}
