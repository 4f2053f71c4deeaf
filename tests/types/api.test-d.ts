// Type-level tests (run by `vitest --typecheck`): the types come from the
// schemas and narrow the way a user's code relies on.
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  PlanSchema,
  ClientRecordSchema,
  safeBefore,
  classify,
  analyse,
  type Plan,
  type ClientRecord,
  type Result,
  type Classification,
  type AttainmentLevel,
  type NotComputed,
  type Analysis,
  type Compilation,
} from '../../src/index.js';

describe('types come from the schemas', () => {
  it('Plan and ClientRecord are the schemas’ outputs', () => {
    expectTypeOf<Plan>().toEqualTypeOf<z.infer<typeof PlanSchema>>();
    expectTypeOf<ClientRecord>().toEqualTypeOf<z.infer<typeof ClientRecordSchema>>();
  });

  it('a safe step returns a Result that narrows on success', () => {
    expectTypeOf(safeBefore).returns.toEqualTypeOf<Result<ClientRecord>>();
    const r = {} as Result<ClientRecord>;
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<ClientRecord>();
    else expectTypeOf(r.issues[0]!.rule).toBeString();
  });

  it('a classification narrows to a level or a reason', () => {
    expectTypeOf(classify).returns.toEqualTypeOf<Classification>();
    const c = {} as Classification;
    if (c.classified) expectTypeOf(c.level).toEqualTypeOf<AttainmentLevel>();
    else expectTypeOf(c.reason).toEqualTypeOf<'withdrawn' | 'not_closed' | 'missing_measure' | 'missing_goal_assessment'>();
  });

  it('a share that could not be computed is a NotComputed, never a number', () => {
    const a = {} as Analysis;
    const s = a.goalMet.share;
    if (!s.computed) expectTypeOf(s).toEqualTypeOf<NotComputed>();
    else expectTypeOf(s.estimate).toBeNumber();
    expectTypeOf(analyse).parameter(0).toEqualTypeOf<Compilation>();
  });

  it('plans and records are plain data: no Date objects', () => {
    expectTypeOf<ClientRecord['enrolled']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<ClientRecord['before']>['date']>().toEqualTypeOf<string>();
  });
});
