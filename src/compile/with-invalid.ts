import type { Plan } from '../plan/plan.js';
import type { ClientRecord } from '../record/schema.js';
import { compile, emptyCompilation } from './compile.js';
import { mergeCompilations } from './merge.js';
import type { Compilation } from './schema.js';

/**
 * @internal Compiles the valid records of an import and counts the rows it
 * left out in the compilation's `invalid` by rule (an empty compilation
 * carrying only those counts, merged in), so that no report built from it
 * can forget them: what `uppfoljning compile --skip-invalid` and the
 * workbench page write.
 */
export function compileWithLeftOut(plan: Plan, records: Iterable<ClientRecord>, invalid: Compilation['invalid']): Compilation {
  return withLeftOut(plan, compile(plan, records), invalid);
}

/** @internal {@link compileWithLeftOut} for the valid records' compilation already made (the streaming import folds them as they come). */
export function withLeftOut(plan: Plan, valid: Compilation, invalid: Compilation['invalid']): Compilation {
  return invalid.total === 0 ? valid : mergeCompilations([valid, { ...emptyCompilation(plan), invalid }]);
}
