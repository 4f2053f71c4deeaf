import { z } from 'zod';
import type { Label } from '../core/locale.js';
import { daysInMonth, isoDateParts } from '../core/dates.js';
import { IsoDateSchema } from '../core/schemas.js';
import { parseArg, throwIfAny } from '../core/args.js';
import { issue } from '../core/issue.js';

/**
 * How a plan divides its period into the periods a compilation counts apart
 * (the plan's `periodBy`): calendar years, half-years or quarters. A
 * record's period is decided from its start date (`before.date`).
 *
 * @example
 * ```ts
 * PeriodBySchema.options;
 * // => ['year', 'half_year', 'quarter']
 * ```
 */
export const PeriodBySchema = z.enum(['year', 'half_year', 'quarter']);

/**
 * A way of dividing a plan's period, as defined by {@link PeriodBySchema}.
 *
 * @example
 * ```ts
 * const by: PeriodBy = 'half_year';
 * ```
 */
export type PeriodBy = z.infer<typeof PeriodBySchema>;

/**
 * One period of a compilation: its code (`2019`, `2019-h1`, `2019-q3`), its
 * label, and its first and last day inside the plan's period (a period cut by
 * the plan's start or end keeps its calendar code and label). The period of a
 * plan without `periodBy` has no dates: {@link WHOLE_PERIOD}.
 *
 * @example
 * ```ts
 * const first: Period = planPeriods({ period: { from: '2019-01-01', to: '2019-12-31' }, periodBy: 'half_year' })[0]!;
 * first;
 * // => { code: '2019-h1', label: { sv: 'Första halvåret 2019', en: 'First half of 2019' }, from: '2019-01-01', to: '2019-06-30' }
 * ```
 */
export interface Period {
  readonly code: string;
  readonly label: Label;
  readonly from?: string;
  readonly to?: string;
}

/**
 * The one period of a compilation whose plan has no `periodBy`: every record
 * counts in it, whatever its start date. Its code starts with `_`, which no
 * plan code can, so it never meets a period of a plan that has one.
 *
 * @example
 * ```ts
 * WHOLE_PERIOD.code;
 * // => '_all'
 * ```
 */
export const WHOLE_PERIOD: Period = Object.freeze({ code: '_all', label: Object.freeze({ sv: 'Hela perioden', en: 'The whole period' }) });

/**
 * The most periods a plan may divide its period into (e.g. 30 years of
 * quarters): each one multiplies the compilation's cells.
 *
 * @example
 * ```ts
 * MAX_PERIODS;
 * // => 120
 * ```
 */
export const MAX_PERIODS = 120;

const HALF = [
  { sv: 'Första halvåret', en: 'First half of' },
  { sv: 'Andra halvåret', en: 'Second half of' },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The periods a plan's compilation counts apart, in time order: with
 * `periodBy`, every calendar year, half-year or quarter that meets the plan's
 * `period` (from `period.from` to `period.to`, both needed), cut to it;
 * without `periodBy`, the one {@link WHOLE_PERIOD}. A record's period is the
 * one its start date (`before.date`; for a client who never started, the
 * enrolment date) falls in.
 *
 * @param plan - a plan, or just its `period` and `periodBy` (other fields are not read)
 * @returns the periods
 * @throws UppfoljningError for a `period` or `periodBy` that is not one
 *   (paths `plan.…`), or `periodBy` without `period.to` (rule `required`)
 *
 * @example
 * ```ts
 * planPeriods({ period: { from: '2019-03-01', to: '2020-12-31' }, periodBy: 'year' }).map((p) => [p.code, p.from, p.to]);
 * // => [['2019', '2019-03-01', '2019-12-31'], ['2020', '2020-01-01', '2020-12-31']]
 * planPeriods({ period: { from: '2019-01-01' } }).map((p) => p.code);
 * // => ['_all'] (WHOLE_PERIOD)
 * ```
 */
export function planPeriods(plan: PeriodParts): Period[] {
  const parsed = parseArg(PeriodPartsSchema, plan, ['plan']);
  throwIfAny(parsed.issues);
  const { period, periodBy } = parsed.value;
  if (periodBy !== undefined && period?.to === undefined) throwIfAny([issue(period === undefined ? ['plan', 'period'] : ['plan', 'period', 'to'], 'required', { when: 'periodBy' })]);
  if (period?.to !== undefined && period.to < period.from) {
    throwIfAny([issue(['plan', 'period', 'to'], 'date_order', { value: period.to, other: 'period.from', otherValue: period.from, otherLabel: 'period_start' })]);
  }
  return periodsOf(parsed.value);
}

// A whole plan may be passed: other keys are ignored.
const PeriodPartsSchema = z.object({
  period: z.object({ from: IsoDateSchema, to: IsoDateSchema.optional() }).optional(),
  periodBy: PeriodBySchema.optional(),
});

/** The fields of a plan that decide its periods. */
type PeriodParts = { readonly period?: { readonly from: string; readonly to?: string | undefined } | undefined; readonly periodBy?: PeriodBy | undefined };

/** @internal {@link planPeriods} without the checks, for a validated plan; `[]` when `periodBy` is set without a whole period. */
export function periodsOf(plan: PeriodParts): Period[] {
  const by = plan.periodBy;
  if (by === undefined) return [WHOLE_PERIOD];
  const from = isoDateParts(plan.period?.from);
  const to = isoDateParts(plan.period?.to);
  if (from === undefined || to === undefined || plan.period!.to! < plan.period!.from) return [];
  const months = by === 'year' ? 12 : by === 'half_year' ? 6 : 3;
  const periods: Period[] = [];
  let y = from.y;
  let m = Math.floor((from.m - 1) / months) * months + 1;
  while (y < to.y || (y === to.y && m <= to.m)) {
    const endMonth = m + months - 1;
    const year = String(y).padStart(4, '0');
    const start = `${year}-${pad(m)}-01`;
    const end = `${year}-${pad(endMonth)}-${pad(daysInMonth(y, endMonth))}`;
    const index = Math.floor((m - 1) / months) + 1;
    periods.push({
      code: by === 'year' ? year : `${year}-${by === 'half_year' ? 'h' : 'q'}${index}`,
      label:
        by === 'year'
          ? { sv: year, en: year }
          : by === 'half_year'
            ? { sv: `${HALF[index - 1]!.sv} ${year}`, en: `${HALF[index - 1]!.en} ${year}` }
            : { sv: `Kvartal ${index} ${year}`, en: `Quarter ${index} of ${year}` },
      from: start < plan.period!.from ? plan.period!.from : start,
      to: end > plan.period!.to! ? plan.period!.to! : end,
    });
    m += months;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (periods.length > MAX_PERIODS) break;
  }
  return periods;
}
