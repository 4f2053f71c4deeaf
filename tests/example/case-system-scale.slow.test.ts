/**
 * The case-system example at scale and as run: a couple of thousand
 * synthetic records stored in PGlite and compiled from its cursor equal
 * compiling them in memory (and the SQL due list equals dueMeasurements on
 * them), and `npm run example:case-system`'s run compiles from the database
 * what the same changes give in memory, prints no client id, and is the
 * same on every run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { compile, dueMeasurements, parsePlan, type ClientRecord, type Plan } from '../../src/index.js';
import { caseSystemPlan } from '../../examples/case-system/plan.js';
import { importRecords, openCaseSystem, savePlan } from '../../examples/case-system/store.js';
import { compileFromDatabase } from '../../examples/case-system/stream.js';
import { dueBetween } from '../../examples/case-system/due.js';
import { caseLoad, replay } from '../../examples/case-system/synthetic.js';
import { runCaseSystem, type CaseSystemRun } from '../../examples/case-system/run.js';

describe('a couple of thousand records', () => {
  let db: PGlite;
  let plan: Plan;
  let records: ClientRecord[];

  beforeAll(async () => {
    plan = parsePlan(caseSystemPlan);
    records = replay(plan, caseLoad(plan, { clients: 2000, bulk: true, seed: 'thousands' })).records;
    db = await openCaseSystem();
    await savePlan(db, caseSystemPlan, { on: '2024-12-01', by: 'test' });
    expect(await importRecords(db, plan, records, { on: '2026-03-01', by: 'migration' })).toEqual({ stored: 2000 });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('compiled from the cursor in pages of 100 equals compiling them in memory', async () => {
    const pages: number[] = [];
    const streamed = await compileFromDatabase(db, plan, { pageSize: 100, onPage: (n) => pages.push(n) });
    expect(streamed).toEqual(compile(plan, records));
    expect(streamed.invalid.total).toBe(0);
    // 2000 rows: twenty full pages and the empty one that ends the read.
    expect(pages).toEqual([...Array<number>(20).fill(100), 0]);
  });

  it('the SQL due list equals dueMeasurements on them', async () => {
    for (const [from, to] of [['2025-09-01', '2025-09-07'], ['2026-03-02', '2026-03-08'], ['2025-01-01', '2026-12-31']] as const) {
      const sql = (await dueBetween(db, plan.id, { from, to })).map(({ closedBy, ...row }) => row);
      expect(sql).toEqual(dueMeasurements(plan, records, { from, to }));
      expect(sql.length).toBeGreaterThan(0);
    }
  });

  it('an import with one bad record stores none of them and names the bad one', async () => {
    const bad = { ...records[0]!, clientId: 'another-client', age: 12 };
    const result = await importRecords(db, plan, [records[1]!, bad], { on: '2026-03-01', by: 'migration' });
    expect('failed' in result && result.failed.map((f) => [f.index, f.issues[0]!.rule])).toEqual([[1, 'outside_age_bands']]);
    expect((await db.query('select count(*)::int as n from follow_up_record')).rows).toEqual([{ n: 2000 }]);
  });
});

describe('npm run example:case-system', () => {
  let run: CaseSystemRun;
  beforeAll(async () => {
    run = await runCaseSystem('sv');
  });
  afterAll(async () => {
    await run?.db.close();
  });

  it('compiles from the database what the same changes give in memory, and refused the mistakes without storing them', async () => {
    expect(run.equalsInMemory).toBe(true);
    expect(run.changes.refused).toBeGreaterThan(0);
    expect(run.changes.stored + run.changes.refused).toBe(run.changes.entered);
    expect(run.firstRefusal[0]).toMatch(/ligger utanför skalan 1–5 \[out_of_range\]$/);
    expect(run.week).toMatchObject({ from: '2026-03-02', to: '2026-03-08' });
    expect(run.week.due.length).toBeGreaterThan(0);
  });

  it('prints no client id, and the same text as the same changes compiled in memory', async () => {
    const { rows } = await run.db.query<{ client_id: string }>('select client_id from follow_up_record');
    for (const { client_id } of rows) expect(run.text).not.toContain(client_id);
    const plan = parsePlan(caseSystemPlan);
    const again = compile(plan, replay(plan, caseLoad(plan, { clients: 80 })).records);
    expect(run.compilation).toEqual(again);
  });
});
