import type { Locale } from '../core/locale.js';
import type { Issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { validatePlan } from '../plan/plan.js';
import { validateCsvMapping } from '../io/mapping.js';
import { importCsv, type RowIssue } from '../io/import.js';
import { proposeFromExport, type ExportProposal } from '../io/propose.js';
import { exportHead } from '../io/head.js';
import { draftTexts } from '../io/propose-text.js';
import { compileWithLeftOut } from '../compile/with-invalid.js';
import type { Compilation } from '../compile/schema.js';

// What the workbench's worker does, as plain functions over plain data (no
// DOM, no worker API), so that they can be tested in Node and give what the
// command line gives: `init --from` for the proposal, `compile
// --skip-invalid` for the compilation.

/**
 * @internal The `init --from` proposal for an export's bytes: its first
 * 8 MB cut at a line break, the draft's texts in the page's language.
 */
export function proposeExport(bytes: Uint8Array, locale: Locale): ExportProposal {
  const proposed = proposeFromExport(exportHead(bytes));
  return { ...proposed, plan: { ...proposed.plan, ...draftTexts(locale) } };
}

/** @internal What the page asks the worker to import. */
export interface ImportRequest {
  /** The plan as the form holds it (validated here). */
  readonly plan: unknown;
  /** The mapping as the form holds it (validated here). */
  readonly mapping: unknown;
  readonly clients: Uint8Array;
  readonly during?: Uint8Array;
  /** The pseudonym key, raw bytes, when identity numbers give the client id. */
  readonly key?: Uint8Array;
}

/** @internal An import's outcome, as the page shows it. */
export interface ImportOutcome {
  /** Data rows in the clients file. */
  readonly rows: number;
  /** Rows that gave a record. */
  readonly valid: number;
  /** Rows that gave none; `valid + rejected === rows`. */
  readonly rejected: number;
  /** Every problem, by file and line. */
  readonly issues: readonly RowIssue[];
  /**
   * The valid rows compiled, with the rejected ones counted in `invalid` by
   * rule: what `compile --skip-invalid` writes. The page uses it only when
   * the user chooses to leave the bad rows out (or there are none).
   */
  readonly compilation: Compilation;
  readonly encoding: string;
  readonly separator: string;
}

/**
 * @internal Imports and compiles an export as `uppfoljning compile
 * --skip-invalid` does. Returns the issues of a plan, mapping or key that
 * cannot be used instead of throwing, so the page can show them.
 */
export function importExport(
  request: ImportRequest,
  onProgress?: (done: number, total: number) => void,
): { readonly ok: true; readonly outcome: ImportOutcome } | { readonly ok: false; readonly issues: readonly Issue[] } {
  const plan = validatePlan(request.plan);
  if (!plan.success) return { ok: false, issues: plan.issues.map((i) => ({ ...i, path: ['plan', ...i.path] })) };
  const mapping = validateCsvMapping(request.mapping);
  if (!mapping.success) return { ok: false, issues: mapping.issues.map((i) => ({ ...i, path: ['mapping', ...i.path] })) };
  try {
    const result = importCsv(
      plan.data,
      { clients: request.clients, ...(request.during ? { during: request.during } : {}) },
      mapping.data,
      {
        ...(request.key ? { pseudonym: { key: request.key } } : {}),
        ...(onProgress ? { onProgress: (p: { done: number; total: number }) => onProgress(p.done, p.total) } : {}),
      },
    );
    return {
      ok: true,
      outcome: {
        rows: result.rows,
        valid: result.records.length,
        rejected: result.rejected,
        issues: result.issues,
        compilation: compileWithLeftOut(plan.data, result.records, result.invalid),
        encoding: result.encoding,
        separator: result.separator,
      },
    };
  } catch (error) {
    if (error instanceof UppfoljningError) return { ok: false, issues: error.issues };
    throw error;
  }
}
