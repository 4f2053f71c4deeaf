/**
 * The case-system example (examples/case-system) against a real PostgreSQL
 * database, PGlite, in-process: every change goes through a step function
 * into the database or nothing is written; what the database holds equals
 * the same changes applied in memory; and a compilation streamed from a
 * cursor equals compiling the records in memory, page by page, with a
 * failing cursor rejecting cleanly. No clock: every date is in the data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { addDaysIso, compile, compileAsync, dueMeasurements, followUpWindow, parsePlan, validateRecord, type ClientRecord, type Plan } from '../../src/index.js';
import { caseSystemPlan } from '../../examples/case-system/plan.js';
import { applyChange, loadPlan, loadRecord, openCaseSystem, recordColumns, savePlan, type Change } from '../../examples/case-system/store.js';
import { compileFromDatabase, cursorRows, streamRecords } from '../../examples/case-system/stream.js';
import { caseLoad, replay } from '../../examples/case-system/synthetic.js';
import { dueBetween } from '../../examples/case-system/due.js';

let db: PGlite;
let plan: Plan;
let changes: Change[];
let refused = 0;
const byClient = (a: { clientId: string }, b: { clientId: string }) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);

async function storedRecords(): Promise<ClientRecord[]> {
  const { rows } = await db.query<{ record: ClientRecord }>('select record from follow_up_record where plan_id = $1 order by client_id', [plan.id]);
  return rows.map((r) => r.record);
}

beforeAll(async () => {
  db = await openCaseSystem();
  plan = await savePlan(db, caseSystemPlan, { on: '2024-12-01', by: 'test' });
  changes = caseLoad(plan, { clients: 40 });
  for (const change of changes) if (!(await applyChange(db, plan, change)).success) refused++;
});

afterAll(async () => {
  await db?.close();
});

describe('the store: each change through its step function, in one transaction', () => {
  it('holds what the same changes give in memory, record for record', async () => {
    const memory = replay(plan, changes);
    expect(refused).toBe(memory.refused);
    expect(refused).toBeGreaterThan(0); // the case load has mistakes the forms refuse
    expect(await storedRecords()).toEqual([...memory.records].sort(byClient));
  });

  it('reads the plan back through parsePlan unchanged', async () => {
    expect(await loadPlan(db, plan.id)).toEqual(parsePlan(caseSystemPlan));
  });

  it('every stored record passes validateRecord, and its typed columns agree with it', async () => {
    const { rows } = await db.query<{ record: ClientRecord; state: string; started_on: string | null; closed_on: string | null; withdrawn_on: string | null }>(
      `select record, state, started_on::text, closed_on::text, withdrawn_on::text from follow_up_record where plan_id = $1`,
      [plan.id],
    );
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(validateRecord(plan, row.record).success).toBe(true);
      const { record, ...columns } = row;
      expect(columns).toEqual(recordColumns(record));
    }
  });

  it('logs one step per stored change, versions 1, 2, … without gaps, the last one the record\'s', async () => {
    const { rows } = await db.query<{ steps: number; versions: number; top: number; version: number }>(
      `select count(*)::int as steps, count(distinct s.version)::int as versions, max(s.version) as top, r.version
       from follow_up_step s join follow_up_record r using (plan_id, client_id) group by r.plan_id, r.client_id, r.version`,
    );
    for (const row of rows) expect([row.versions, row.top]).toEqual([row.steps, row.version]);
    expect(rows.reduce((n, r) => n + r.steps, 0)).toBe(changes.length - refused);
  });

  it('a refused change writes nothing: same record, same version, no log row', async () => {
    const { rows } = await db.query<{ client_id: string; version: number; steps: number }>(
      `select client_id, version, (select count(*)::int from follow_up_step s where s.client_id = r.client_id) as steps
       from follow_up_record r where state = 'started' order by client_id limit 1`,
    );
    const target = rows[0]!;
    const before = await loadRecord(db, plan.id, target.client_id);
    const start = (before as ClientRecord).before!.date;
    const result = await applyChange(db, plan, {
      step: 'after',
      clientId: target.client_id,
      entered: { on: '2025-12-30', by: 'test' },
      input: { date: '2024-01-01', reason: 'completed', measures: { 'tilltro-nykterhet': 9 }, goalsMet: [true] },
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      // Both problems at once, each at its field: 9 is off the 1–5 scale, and the date is before the start.
      expect(result.issues.map((i) => [i.path.join('.'), i.rule])).toEqual(
        expect.arrayContaining([
          ['measures.tilltro-nykterhet', 'out_of_range'],
          ['date', 'date_order'],
        ]),
      );
    }
    expect(start > '2024-01-01').toBe(true);
    expect(await loadRecord(db, plan.id, target.client_id)).toEqual(before);
    const after = await db.query<{ version: number; steps: number }>(
      `select version, (select count(*)::int from follow_up_step s where s.client_id = r.client_id) as steps from follow_up_record r where client_id = $1`,
      [target.client_id],
    );
    expect(after.rows[0]).toEqual({ version: target.version, steps: target.steps });
  });

  it('enrolling a client already in the follow-up is refused as a duplicate', async () => {
    const first = changes.find((c) => c.step === 'enrol')!;
    const result = await applyChange(db, plan, first);
    expect(result).toEqual({ success: false, issues: [{ path: ['clientId'], rule: 'duplicate', params: { value: first.clientId } }] });
  });
});

describe('compiling from a cursor', () => {
  it('equals compiling the same records in memory, whatever the page size', async () => {
    const expected = compile(plan, replay(plan, changes).records);
    for (const pageSize of [1, 7, 40, 1000]) expect(await compileFromDatabase(db, plan, { pageSize })).toEqual(expected);
  });

  it('fetches pages only as the compilation asks for them, and ends its transaction', async () => {
    const pages: number[] = [];
    await compileFromDatabase(db, plan, { pageSize: 7, onPage: (n) => pages.push(n) });
    // 40 records in pages of 7: five full pages and one of 5, the short page ending the read.
    expect(pages).toEqual([7, 7, 7, 7, 7, 5]);
    expect(db.isInTransaction()).toBe(false);
  });

  it('a failing fetch rejects compileAsync with the database\'s error and leaves no transaction open', async () => {
    // Row 30 of the cursor fails (division by zero) when its page is fetched, after 25 records were compiled.
    const rows = cursorRows<{ record: ClientRecord }>(
      db,
      `select case when n = 30 then jsonb_build_object('x', 1 / 0) else record end as record
       from (select record, row_number() over (order by client_id) as n from follow_up_record where plan_id = $1) numbered order by n`,
      [plan.id],
      { pageSize: 25 },
    );
    async function* records() {
      for await (const row of rows) yield row.record;
    }
    await expect(compileAsync(plan, records())).rejects.toThrow(/division by zero/);
    expect(db.isInTransaction()).toBe(false);
    expect((await db.query('select count(*)::int as n from follow_up_record')).rows).toEqual([{ n: 40 }]);
  });

  it('a consumer that stops early closes the cursor and its transaction', async () => {
    let read = 0;
    for await (const record of streamRecords(db, plan.id, { pageSize: 5 })) {
      expect(record.planId).toBe(plan.id);
      if (++read === 3) break;
    }
    expect(db.isInTransaction()).toBe(false);
    expect(await compileFromDatabase(db, plan)).toEqual(compile(plan, await storedRecords()));
  });

  it('a record damaged in the database is counted in invalid by rule, not dropped and not a crash; a step on it is refused', async () => {
    const { rows } = await db.query<{ client_id: string }>(`select client_id from follow_up_record where state = 'closed' order by client_id limit 1`);
    const id = rows[0]!.client_id;
    const intact = await compileFromDatabase(db, plan);
    const original = await loadRecord(db, plan.id, id);
    await db.query(`update follow_up_record set record = jsonb_set(record, '{gender}', '"okand"') where client_id = $1`, [id]);
    try {
      const damaged = await compileFromDatabase(db, plan);
      expect(damaged.invalid).toEqual({ total: 1, byRule: { unknown_code: 1 } });
      expect(damaged).toEqual(compile(plan, await storedRecords()));
      const selected = (c: typeof intact) => c.counts.flow.reduce((a, b) => a + b, 0);
      expect(selected(damaged)).toBeLessThan(selected(intact));
      const step = await applyChange(db, plan, { step: 'withdraw', clientId: id, entered: { on: '2025-12-30', by: 'test' }, input: { date: '2025-12-30', reason: 'moved' } });
      expect(step.success).toBe(false);
      if (!step.success) expect(step.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['record.gender', 'unknown_code']]);
    } finally {
      await db.query('update follow_up_record set record = $2 where client_id = $1', [id, original]);
    }
    expect(await compileFromDatabase(db, plan)).toEqual(intact);
  });
});

describe('the due list as SQL', () => {
  it('equals dueMeasurements, week by week, from the first closings to after the last window', async () => {
    const records = await storedRecords();
    let weeksWithDue = 0;
    // Every Monday from 2025-03-03 to 2026-09-28: 83 weeks.
    for (let monday = '2025-03-03'; monday <= '2026-09-28'; monday = addDaysIso(monday, 7)) {
      const sunday = addDaysIso(monday, 6);
      const sql = (await dueBetween(db, plan.id, { from: monday, to: sunday })).map(({ closedBy, ...row }) => row);
      expect(sql, monday).toEqual(dueMeasurements(plan, records, { from: monday, to: sunday }));
      if (sql.length > 0) weeksWithDue++;
    }
    expect(weeksWithDue).toBeGreaterThan(10);
  });

  it('adds months as date-fns does: a closing on 31 August is due from the end of February', async () => {
    // 2025-08-31 + 6 months = 2026-02-28 (February has no 31st); the window is 30 days either side.
    const w = followUpWindow(plan.followUps[0]!, '2025-08-31');
    expect(w).toEqual({ start: '2026-01-29', target: '2026-02-28', end: '2026-03-30' });
    const { rows } = await db.query<{ target: string }>(`select ('2025-08-31'::date + make_interval(months => 6))::date::text as target`);
    expect(rows[0]!.target).toBe(w.target);
  });

  it('drops a client from the list once the point is recorded, and never lists a withdrawn one', async () => {
    const records = await storedRecords();
    const due = await dueBetween(db, plan.id, { from: '2025-01-01', to: '2027-12-31' });
    const withdrawn = new Set(records.filter((r) => r.withdrawal).map((r) => r.clientId));
    const recorded = new Set(records.filter((r) => r.followUps.length > 0).map((r) => r.clientId));
    expect(due.length).toBeGreaterThan(0);
    for (const row of due) expect(withdrawn.has(row.clientId) || recorded.has(row.clientId)).toBe(false);
    const row = due[0]!;
    const result = await applyChange(db, plan, {
      step: 'follow_up',
      clientId: row.clientId,
      entered: { on: row.due, by: 'test' },
      input: { point: row.point, date: row.due, status: 'reached', measures: { 'tilltro-nykterhet': 4, audit: 6 } },
    });
    expect(result.success).toBe(true);
    const after = await dueBetween(db, plan.id, { from: '2025-01-01', to: '2027-12-31' });
    expect(after.map((r) => r.clientId)).not.toContain(row.clientId);
    expect(after).toHaveLength(due.length - 1);
  });
});
