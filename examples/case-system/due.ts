/**
 * The due list in SQL: who must be measured in a date range (this week), for
 * the reminders a case system shows its staff. The rule is the library's
 * (`followUpWindow`): for each follow-up point of the plan, a closed record
 * (not withdrawn) whose point is not yet recorded is due when the point's
 * window — the closing date plus `monthsAfter` calendar months, `windowDays`
 * either side, never opening before the closing date — meets the range.
 * Postgres adds months the way date-fns' `addMonths` does (from a day the
 * target month lacks, its last day: 2025-01-31 + 1 month = 2025-02-28), and
 * the test checks the query against the library on every record.
 *
 * The plan is read from its stored JSONB, so a new point needs no new SQL.
 */
import type { IsoDate } from '../../src/index.js';
import type { Sql } from './store.js';

/** One measurement due: the client (pseudonym), the point, its window, and the worker who closed the case. */
export interface DueRow {
  readonly clientId: string;
  readonly point: string;
  readonly start: IsoDate;
  readonly target: IsoDate;
  readonly end: IsoDate;
  readonly closedBy: string;
}

export const DUE_SQL = `
select r.client_id as "clientId", p.point ->> 'id' as point,
       w.start::text as start, w.target::text as target, w.last::text as "end",
       (select s.entered_by from follow_up_step s
         where s.plan_id = r.plan_id and s.client_id = r.client_id and s.step in ('after', 'import')
         order by s.version desc limit 1) as "closedBy"
from follow_up_record r
join follow_up_plan fp on fp.plan_id = r.plan_id
cross join lateral jsonb_array_elements(fp.plan -> 'followUps') as p (point)
cross join lateral (
  select (r.closed_on + make_interval(months => (p.point ->> 'monthsAfter')::int))::date as target
) t
cross join lateral (
  select greatest(t.target - (p.point ->> 'windowDays')::int, r.closed_on) as start,
         t.target, t.target + (p.point ->> 'windowDays')::int as last
) w
where r.plan_id = $1
  and r.state = 'closed'
  and not exists (
    select 1 from jsonb_array_elements(r.record -> 'followUps') f where f ->> 'point' = p.point ->> 'id'
  )
  and w.start <= $3::date and w.last >= $2::date
order by w.target, point, r.client_id
`;

/** The measurements due between `from` and `to` (both included), soonest target first. */
export async function dueBetween(db: Sql, planId: string, range: { readonly from: IsoDate; readonly to: IsoDate }): Promise<DueRow[]> {
  const { rows } = await db.query<DueRow>(DUE_SQL, [planId, range.from, range.to]);
  return rows;
}
