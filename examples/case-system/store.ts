/**
 * The case system's follow-up store: every change a worker makes runs the
 * library's step function for it and is persisted in one transaction, or not
 * at all. The database is PostgreSQL (PGlite here, in-process); the SQL is
 * plain Postgres and runs unchanged on a server through any driver.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  issue,
  parsePlan,
  safeAfter,
  safeBefore,
  safeDuring,
  safeEnrol,
  safeFollowUp,
  safeWithdraw,
  validateRecord,
  type AfterInput,
  type BeforeInput,
  type ClientRecord,
  type DuringEvent,
  type EnrolInput,
  type FollowUpInput,
  type IsoDate,
  type Issue,
  type Plan,
  type Result,
  type Withdrawal,
} from '../../src/index.js';
import { SCHEMA_SQL } from './schema.js';

/** A connection or an open transaction: both run queries. */
export type Sql = Pick<Transaction, 'query' | 'exec'>;

/** Who entered a change, and on which day (the case system's own clock, passed in). */
export interface Entered {
  readonly on: IsoDate;
  /** The staff member's user id in the case system (not the client). */
  readonly by: string;
}

/**
 * One change to a client's follow-up record, as the case system's forms send
 * it: the step, the client's pseudonym and what the worker entered.
 */
export type Change = { readonly clientId: string; readonly entered: Entered } & (
  | { readonly step: 'enrol'; readonly input: Omit<EnrolInput, 'clientId'> }
  | { readonly step: 'before'; readonly input: BeforeInput }
  | { readonly step: 'during'; readonly input: readonly DuringEvent[] }
  | { readonly step: 'after'; readonly input: AfterInput }
  | { readonly step: 'withdraw'; readonly input: Withdrawal }
  | { readonly step: 'follow_up'; readonly input: FollowUpInput }
);

/** Opens a new in-memory database (or one in `dataDir`) with the follow-up tables. */
export async function openCaseSystem(options: { readonly dataDir?: string } = {}): Promise<PGlite> {
  const db = options.dataDir === undefined ? await PGlite.create() : await PGlite.create({ dataDir: options.dataDir });
  await db.exec(SCHEMA_SQL);
  return db;
}

/** Stores a plan, validated first (a plan that fails `parsePlan` is never stored). */
export async function savePlan(db: Sql, planInput: unknown, entered: Entered): Promise<Plan> {
  const plan = parsePlan(planInput);
  await db.query('insert into follow_up_plan (plan_id, plan, saved_on) values ($1, $2, $3)', [plan.id, plan, entered.on]);
  return plan;
}

/** Reads a stored plan back, through `parsePlan` again: the database is a boundary. */
export async function loadPlan(db: Sql, planId: string): Promise<Plan> {
  const { rows } = await db.query<{ plan: unknown }>('select plan from follow_up_plan where plan_id = $1', [planId]);
  if (rows.length === 0) throw new Error(`no follow-up plan ${JSON.stringify(planId)}`);
  return parsePlan(rows[0]!.plan);
}

/**
 * The step a change asks for, run by the library: pure, no database. The
 * store and the in-memory replay (`replay`) both call this one function, so
 * they cannot disagree on what a change does.
 */
export function takeStep(plan: Plan, current: ClientRecord | undefined, change: Change): Result<ClientRecord> {
  if (change.step === 'enrol') {
    if (current !== undefined) return { success: false, issues: [issue(['clientId'], 'duplicate', { value: change.clientId })] };
    return safeEnrol(plan, { ...change.input, clientId: change.clientId });
  }
  if (current === undefined) throw new Error(`no follow-up record for client ${JSON.stringify(change.clientId)} in ${plan.id}`);
  switch (change.step) {
    case 'before':
      return safeBefore(plan, current, change.input);
    case 'during':
      return safeDuring(plan, current, change.input);
    case 'after':
      return safeAfter(plan, current, change.input);
    case 'withdraw':
      return safeWithdraw(plan, current, change.input);
    case 'follow_up':
      return safeFollowUp(plan, current, change.input);
  }
}

/** The typed columns kept beside the record for SQL (see schema.ts): state and the dates worklists filter on. */
export function recordColumns(record: ClientRecord): {
  state: 'enrolled' | 'started' | 'closed' | 'withdrawn';
  started_on: string | null;
  closed_on: string | null;
  withdrawn_on: string | null;
} {
  const state = record.withdrawal ? 'withdrawn' : record.after ? 'closed' : record.before ? 'started' : 'enrolled';
  return {
    state,
    started_on: record.before?.date ?? null,
    closed_on: record.after?.date ?? null,
    withdrawn_on: record.withdrawal?.date ?? null,
  };
}

/**
 * Applies one change: in one transaction, reads the client's record (locked
 * for update), checks it against the plan as read back, runs the step and
 * writes the new record, its columns and the step's log row. When the step
 * refuses the input nothing is written and the issues come back for the
 * form (render them with `formatIssue(issue, 'sv')`).
 */
export async function applyChange(db: PGlite, plan: Plan, change: Change): Promise<Result<ClientRecord>> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ record: unknown; version: number }>(
      'select record, version from follow_up_record where plan_id = $1 and client_id = $2 for update',
      [plan.id, change.clientId],
    );
    const stored = rows[0];
    let current: ClientRecord | undefined;
    if (stored !== undefined) {
      const checked = validateRecord(plan, stored.record);
      if (!checked.success) return { success: false, issues: checked.issues.map((i) => ({ ...i, path: ['record', ...i.path] })) };
      current = checked.data;
    }
    const result = takeStep(plan, current, change);
    if (!result.success) return result;
    const record = result.data;
    const version = (stored?.version ?? 0) + 1;
    const c = recordColumns(record);
    if (stored === undefined) {
      await tx.query(
        `insert into follow_up_record (plan_id, client_id, record, version, state, intervention, started_on, closed_on, withdrawn_on)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [plan.id, record.clientId, record, version, c.state, record.intervention, c.started_on, c.closed_on, c.withdrawn_on],
      );
    } else {
      await tx.query(
        `update follow_up_record set record = $3, version = $4, state = $5, started_on = $6, closed_on = $7, withdrawn_on = $8
         where plan_id = $1 and client_id = $2`,
        [plan.id, record.clientId, record, version, c.state, c.started_on, c.closed_on, c.withdrawn_on],
      );
    }
    await tx.query(
      'insert into follow_up_step (plan_id, client_id, version, step, input, entered_on, entered_by) values ($1, $2, $3, $4, $5, $6, $7)',
      [plan.id, record.clientId, version, change.step, change.input, change.entered.on, change.entered.by],
    );
    return result;
  });
}

/** Reads one client's record as stored (undefined when the client is not in the follow-up). */
export async function loadRecord(db: Sql, planId: string, clientId: string): Promise<unknown> {
  const { rows } = await db.query<{ record: unknown }>('select record from follow_up_record where plan_id = $1 and client_id = $2', [
    planId,
    clientId,
  ]);
  return rows[0]?.record;
}

/**
 * Stores records made elsewhere in one transaction (a migration from an
 * older system, or a test's synthetic thousands), each checked with
 * `validateRecord` first: all are stored, or none and the issues of every
 * record that failed, by its index.
 */
export async function importRecords(
  db: PGlite,
  plan: Plan,
  records: readonly unknown[],
  entered: Entered,
): Promise<{ readonly stored: number } | { readonly failed: readonly { readonly index: number; readonly issues: readonly Issue[] }[] }> {
  const valid: ClientRecord[] = [];
  const failed: { index: number; issues: readonly Issue[] }[] = [];
  records.forEach((input, index) => {
    const checked = validateRecord(plan, input);
    if (checked.success) valid.push(checked.data);
    else failed.push({ index, issues: checked.issues });
  });
  if (failed.length > 0) return { failed };
  const PAGE = 500;
  await db.transaction(async (tx) => {
    for (let i = 0; i < valid.length; i += PAGE) {
      const page = valid.slice(i, i + PAGE).map((record) => ({ record, ...recordColumns(record) }));
      // One statement per page: the page travels as one JSON parameter and is unpacked in SQL.
      await tx.query(
        `with page as (select value as row from jsonb_array_elements($2::jsonb))
         , stored as (
           insert into follow_up_record (plan_id, client_id, record, version, state, intervention, started_on, closed_on, withdrawn_on)
           select $1, row->'record'->>'clientId', row->'record', 1, row->>'state', row->'record'->>'intervention',
                  (row->>'started_on')::date, (row->>'closed_on')::date, (row->>'withdrawn_on')::date
           from page
           returning client_id, record)
         insert into follow_up_step (plan_id, client_id, version, step, input, entered_on, entered_by)
         select $1, client_id, 1, 'import', record, $3, $4 from stored`,
        [plan.id, JSON.stringify(page), entered.on, entered.by],
      );
    }
  });
  return { stored: valid.length };
}
