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
  type MergeOptions,
  type Finding,
  type Label,
  type StatsMethod,
  FindingSchema,
  parsePlan,
  parseIdentityNumber,
  enrol,
  parseRecord,
  before,
  during,
  after,
  withdraw,
  defineInstrument,
  mergeCompilations,
  unwrap,
  protectTable,
  protectShare,
  UppfoljningError,
  type AfterInput,
  type BeforeInput,
  type CountTable,
  type DuringEvent,
  type EnrolInput,
  type IdentityNumberOptions,
  type InstrumentInput,
  type Issue,
  type Locale,
  type ProtectOptions,
  type ProtectShareOptions,
  type Withdrawal,
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

describe('no function takes a locale only for its error messages (issue 9)', () => {
  it('the throwing forms take their data and nothing else; the error renders a locale with format', () => {
    expectTypeOf(parsePlan).parameters.toEqualTypeOf<[unknown]>();
    expectTypeOf(parseIdentityNumber).parameters.toEqualTypeOf<[unknown, IdentityNumberOptions]>();
    expectTypeOf(enrol).parameters.toEqualTypeOf<[Plan, EnrolInput]>();
    expectTypeOf(parseRecord).parameters.toEqualTypeOf<[Plan, unknown]>();
    expectTypeOf(before).parameters.toEqualTypeOf<[Plan, ClientRecord, BeforeInput]>();
    expectTypeOf(during).parameters.toEqualTypeOf<[Plan, ClientRecord, DuringEvent | readonly DuringEvent[]]>();
    expectTypeOf(after).parameters.toEqualTypeOf<[Plan, ClientRecord, AfterInput]>();
    expectTypeOf(withdraw).parameters.toEqualTypeOf<[Plan, ClientRecord, Withdrawal]>();
    expectTypeOf(defineInstrument).parameters.toEqualTypeOf<[InstrumentInput]>();
    expectTypeOf(mergeCompilations).parameters.toEqualTypeOf<[readonly Compilation[], MergeOptions?]>();
    expectTypeOf(unwrap<number>).parameters.toEqualTypeOf<[Result<number>]>();
    expectTypeOf(protectTable).parameters.toEqualTypeOf<[CountTable, ProtectOptions?]>();
    expectTypeOf(protectShare).parameters.toEqualTypeOf<[number, number, ProtectShareOptions?]>();
    expectTypeOf(UppfoljningError).constructorParameters.toEqualTypeOf<[readonly Issue[]]>();
    expectTypeOf<UppfoljningError['format']>().parameters.toEqualTypeOf<[Locale]>();
  });
});

describe('findings are data, narrowed by their code', () => {
  it('Finding is FindingSchema’s output, read-only, and its params narrow on the code', () => {
    expectTypeOf<Finding['code']>().toEqualTypeOf<z.output<typeof FindingSchema>['code']>();
    const f = {} as Finding;
    if (f.code === 'subgroup_gap') {
      expectTypeOf(f.params.highLabel).toEqualTypeOf<{ readonly sv: string; readonly en: string }>();
      expectTypeOf(f.params.highLabel).toMatchTypeOf<Label>();
      expectTypeOf(f.params.method).toEqualTypeOf<StatsMethod>();
    }
    if (f.code === 'withdrawn') expectTypeOf(f.params.reasons[0]!.code).toEqualTypeOf<'breakdown' | 'moved' | 'declined' | 'other'>();
    if (f.code === 'not_tested' && f.params.test === 'paired') expectTypeOf(f.params.result).toMatchTypeOf<NotComputed>();
    // No ready text among the params.
    if (f.code === 'paired_test') expectTypeOf(f.params).not.toHaveProperty('methodSv');
  });
});
