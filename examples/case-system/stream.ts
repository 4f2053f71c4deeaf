/**
 * Streaming records out of the database into `compileAsync`: a server-side
 * cursor read in pages, so memory holds one page at a time however many
 * records the follow-up has, and the next page is fetched only when the
 * compilation asks for the record after the last one.
 */
import type { PGlite } from '@electric-sql/pglite';
import { compileAsync, type ClientRecord, type Compilation, type Plan } from '../../src/index.js';

/** Options of {@link cursorRows}. */
export interface CursorOptions {
  /** Rows fetched per round trip (default 200). */
  readonly pageSize?: number;
  /** Called after each page is fetched, with its number of rows (for logging, or a test). */
  readonly onPage?: (rows: number) => void;
}

let cursors = 0;

/**
 * The rows of one query, through a cursor in a read-only, repeatable-read
 * transaction (one consistent snapshot however long the reading takes).
 * The transaction ends when the rows end, when the consumer stops early
 * (`break`, or `return()` on the iterator) and when a fetch fails — the error
 * is passed on as it is, after the rollback.
 *
 * A cursor holds its connection for as long as it is read: with PGlite's one
 * connection, write nothing until it is done (on a server, stream on a
 * connection of its own).
 */
export async function* cursorRows<Row>(db: PGlite, sql: string, params: readonly unknown[] = [], options: CursorOptions = {}): AsyncGenerator<Row, void, undefined> {
  const pageSize = options.pageSize ?? 200;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number ≥ 1, got ${pageSize}`);
  if (db.isInTransaction()) throw new Error('cursorRows needs a connection that is not in a transaction');
  const name = `follow_up_cursor_${++cursors}`;
  await db.exec('begin transaction isolation level repeatable read read only');
  let failure: { error: unknown } | undefined;
  try {
    await db.query(`declare ${name} no scroll cursor for ${sql}`, [...params]);
    for (;;) {
      const page = await db.query<Row>(`fetch forward ${pageSize} from ${name}`);
      options.onPage?.(page.rows.length);
      for (const row of page.rows) yield row;
      if (page.rows.length < pageSize) break;
    }
  } catch (error) {
    failure = { error };
    throw error;
  } finally {
    // A read-only transaction has nothing to commit: rolling back closes the cursor too.
    // If the rollback itself fails (the connection is gone), the first error is the one reported.
    try {
      await db.exec('rollback');
    } catch (rollbackError) {
      if (failure === undefined) throw rollbackError;
    }
  }
}

/** Every stored record of a plan, one at a time, in client order. */
export async function* streamRecords(db: PGlite, planId: string, options: CursorOptions = {}): AsyncGenerator<ClientRecord, void, undefined> {
  const rows = cursorRows<{ record: ClientRecord }>(db, 'select record from follow_up_record where plan_id = $1 order by client_id', [planId], options);
  for await (const row of rows) yield row.record;
}

/**
 * Compiles a plan's stored records straight from the cursor. Records are not
 * checked one by one first: `compile` counts any record it cannot place in
 * `invalid` by rule, so a record damaged in the database shows up there
 * rather than stopping the compilation.
 */
export function compileFromDatabase(db: PGlite, plan: Plan, options: CursorOptions = {}): Promise<Compilation> {
  return compileAsync(plan, streamRecords(db, plan.id, options));
}
