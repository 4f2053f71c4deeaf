/**
 * The case-system example as one function: main.ts prints what it returns,
 * and tests/example/case-system.test.ts checks it.
 *
 *   store the plan → every change of the year through a step function into
 *   PostgreSQL → compile from a cursor → the protected report.
 */
import type { PGlite } from '@electric-sql/pglite';
import { addDaysIso, compile, formatIssue, type Compilation, type Issue, type Locale } from '../../src/index.js';
import { buildReport, renderText } from '../../src/report/index.js';
import { caseSystemPlan } from './plan.js';
import { applyChange, openCaseSystem, savePlan } from './store.js';
import { compileFromDatabase } from './stream.js';
import { dueBetween, type DueRow } from './due.js';
import { caseLoad, replay } from './synthetic.js';

/** The day the example's report is dated: the Monday after the case load's last day of entries (2026-02-28). */
export const REPORT_DATE = '2026-03-02';

/** What the example did. */
export interface CaseSystemRun {
  readonly db: PGlite;
  /** Changes entered, stored, and refused by a step function (nothing written for those). */
  readonly changes: { readonly entered: number; readonly stored: number; readonly refused: number };
  /** The first refused change's issues, as the form shows them. */
  readonly firstRefusal: readonly string[];
  /** The week after the last entries (Monday to Sunday), and who must be measured in it. */
  readonly week: { readonly from: string; readonly to: string; readonly due: readonly DueRow[] };
  /** The compilation streamed from the database's cursor. */
  readonly compilation: Compilation;
  /** Whether it equals compiling, in memory, the records the same changes give without a database. */
  readonly equalsInMemory: boolean;
  /** The protected report, as text. */
  readonly text: string;
}

/** Runs the example in a new in-memory database (the caller closes `db`). */
export async function runCaseSystem(locale: Locale = 'sv', clients = 80): Promise<CaseSystemRun> {
  const db = await openCaseSystem();
  const plan = await savePlan(db, caseSystemPlan, { on: '2024-12-01', by: 'kvalitetssamordnare' });

  // Every change a worker makes, in the order entered, through its step function into the database.
  const changes = caseLoad(plan, { clients });
  let stored = 0;
  let firstRefusal: readonly Issue[] | undefined;
  for (const change of changes) {
    const result = await applyChange(db, plan, change);
    if (result.success) stored++;
    else firstRefusal ??= result.issues;
  }

  // The due list for the coming week, from SQL: the reminders each worker sees on Monday morning.
  const week = { from: REPORT_DATE, to: addDaysIso(REPORT_DATE, 6) };
  const due = await dueBetween(db, plan.id, week);

  // Step 5 straight from the database, page by page; and the same records in memory, for comparison.
  const compilation = await compileFromDatabase(db, plan, { pageSize: 25 });
  const inMemory = compile(plan, replay(plan, changes).records);
  const report = buildReport(compilation, { locale, plan, date: REPORT_DATE });

  return {
    db,
    changes: { entered: changes.length, stored, refused: changes.length - stored },
    week: { ...week, due },
    firstRefusal: (firstRefusal ?? []).map((i) => formatIssue(i, locale)),
    compilation,
    equalsInMemory: JSON.stringify(compilation) === JSON.stringify(inMemory),
    text: renderText(report),
  };
}
