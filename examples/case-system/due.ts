/**
 * The due list in SQL: who must be measured in a date range (this week), for
 * the reminders a case system shows its staff. The rule is the library's
 * (`followUpWindow`): for each follow-up point of the plan, a closed record
 * (not withdrawn) whose point is not yet recorded is due when the point's
 * window — the closing date plus `monthsAfter` calendar months, `windowDays`
 * either side, never opening before the closing date — meets the range.
 * Postgres adds months the way date-fns' `addMonths` does (from a day the
 * target month lacks, its last day: 2025-01-31 + 1 month = 2025-02-28), and
 * `followUpWindow` does.
 *
 * The plan is read from its stored JSONB, so a new point needs no new SQL.
 */
import type { DueMeasurement, IsoDate } from '../../src/index.js';
import type { Sql } from './store.js';

/** One measurement due, as `dueMeasurements` gives it, and the worker who closed the case (whose reminder it is). */
export type DueRow = DueMeasurement & { readonly closedBy: string };

/**
 * `$1` the plan, `$2`–`$3` the range. Client ids sort with `collate "C"`
 * (byte order, as JavaScript compares these ASCII pseudonyms), not by the
 * database's language collation, so the order is `dueMeasurements`' order.
 */
export const DUE_SQL = `
select r.client_id as "clientId", p.point ->> 'id' as point,
       w.start::text as "windowStart", w.last::text as "windowEnd", w.target::text as due,
       (select s.entered_by from follow_up_step s
         where s.plan_id = r.plan_id and s.client_id = r.client_id and s.step in ('after', 'import')
         order by s.version desc limit 1) as "closedBy"
from follow_up_record r
join follow_up_plan fp on fp.plan_id = r.plan_id
cross join lateral jsonb_array_elements(fp.plan -> 'followUps') with ordinality as p (point, place)
cross join lateral (
  select (r.closed_on + make_interval(months => (p.point ->> 'monthsAfter')::int))::date as target
) t
cross join lateral (
  select greatest(t.target - (p.point ->> 'windowDays')::int, r.closed_on) as start,
         t.target, t.target + (p.point ->> 'windowDays')::int as last
) w
where r.plan_id = $1
  -- closed in the results: closed, not withdrawn, not closed for a reason the plan withdraws on
  and r.state = 'closed'
  and not (fp.plan -> 'withdrawOn') ? (r.record -> 'after' ->> 'reason')
  -- nothing recorded for the point yet (not reached and declined count as done)
  and not exists (
    select 1 from jsonb_array_elements(r.record -> 'followUps') f where f ->> 'point' = p.point ->> 'id'
  )
  and w.start <= $3::date and w.last >= $2::date
order by w.target, r.client_id collate "C", p.place
`;

/** The measurements due between `from` and `to` (both included), soonest target first. */
export async function dueBetween(db: Sql, planId: string, range: { readonly from: IsoDate; readonly to: IsoDate }): Promise<DueRow[]> {
  const { rows } = await db.query<DueRow>(DUE_SQL, [planId, range.from, range.to]);
  return rows;
}
