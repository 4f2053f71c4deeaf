import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyse, compile, parsePlan, FINDING_CODES, FindingSchema, findingNotes, findingText, UppfoljningError, type Dimension, type Finding } from '../../src/index.js';
import { firstCrash, hostile } from '../helpers/fuzz-api.js';
import { closedRecord, makeRecord, smallPlan } from '../helpers/fixtures.js';
import { handCohort } from '../compile/cohort.js';
import { measuresCohort, measuresPlan } from '../compile/measures-cohort.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { validRecords } from '../helpers/arbitraries.js';
import { issuesOf } from '../core/fuzz-result.js';

// The findings' renderers (analyse itself is covered in bad-input.test.ts).
for (const [name, f] of Object.entries({ findingNotes, findingText })) {
  it(name, async () => {
    expect(await firstCrash(f as (...args: unknown[]) => unknown, 100)).toBeUndefined();
  });
}

it('names the argument and the rule for typical mistakes', async () => {
  const finding = { code: 'no_comparison_group', caution: false, params: {} } as const;
  expect(await issuesOf(() => findingText({ ...finding, code: 'nope' } as never))).toEqual([[['finding', 'code'], 'one_of']]);
  expect(await issuesOf(() => findingText(finding, 'de' as never))).toEqual([[['locale'], 'one_of']]);
  expect(await issuesOf(() => findingNotes({ ...finding, notes: [{ code: 'zeros_dropped', params: { count: {} } }] } as never))).toEqual([[['finding', 'notes', 0, 'params', 'count'], 'type']]);
});

describe('findingText is total for params that do not fit their code', () => {
  const plan = smallPlan;
  /** Findings of random cohorts, as the analysis gives them. */
  const findings = fc.tuple(validRecords(12), fc.constantFrom<readonly Dimension[]>([], ['gender'], ['gender', 'intervention'])).map(([records, by]) => analyse(compile(plan, records), { by }).findings);
  /** Findings of every code: the hand-counted cohorts, Björkebo and two records with a junk one, analysed once. */
  const bjorkebo = parsePlan(bjorkeboPlan);
  const pool: readonly Finding[] = [
    ...analyse(compile(plan, handCohort())).findings,
    // Every other measure's change and its test that could not be computed.
    ...analyse(compile(measuresPlan, measuresCohort())).findings,
    ...analyse(compile(bjorkebo, bjorkeboCohort(bjorkebo))).findings,
    ...analyse(compile(plan, [closedRecord(2, 4), makeRecord({ withdraw: { date: '2024-01-10', reason: 'moved' } }), { junk: true } as never]), { by: ['gender'] }).findings,
  ];
  /** A finding with one param removed or replaced by anything at all (nested params included). */
  const broken = fc
    .tuple(fc.constantFrom(...pool), fc.nat(), fc.option(hostile, { nil: undefined }), fc.boolean())
    .map(([f, i, value, deep]) => {
      const params = structuredClone(f.params) as Record<string, unknown>;
      const keys = Object.keys(params);
      if (keys.length === 0) return { ...f, params: value as never };
      const key = keys[i % keys.length]!;
      const inner = params[key];
      if (deep && typeof inner === 'object' && inner !== null) {
        const nested = inner as Record<string, unknown>;
        const k = Object.keys(nested)[0];
        if (k !== undefined) nested[k] = value;
      } else if (value === undefined) delete params[key];
      else params[key] = value;
      return { ...f, params } as Finding;
    });

  it('every finding of an analysis fits FindingSchema, and reads the same after a trip through JSON', () => {
    fc.assert(
      fc.property(findings, (fs) => {
        for (const f of fs) {
          const read = FindingSchema.parse(JSON.parse(JSON.stringify(f)));
          for (const locale of ['sv', 'en'] as const) expect(findingText(read, locale)).toBe(findingText(f, locale));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the pool has every code', () => {
    expect(new Set(pool.map((f) => f.code))).toEqual(new Set(FINDING_CODES));
  });

  it('a broken param: the sentence when the params still fit, else the raw code; never a crash or a hole', () => {
    fc.assert(
      fc.property(broken, (f) => {
        let text: string;
        try {
          text = findingText(f, 'en');
        } catch (e) {
          // Params that are not plain data (a getter, an own __proto__ key) are refused with the path.
          expect(e).toBeInstanceOf(UppfoljningError);
          return;
        }
        // (Params left out read as none.)
        const fits = FindingSchema.safeParse({ ...f, params: f.params ?? {} }).success;
        if (fits) expect(text).not.toMatch(/undefined|NaN|null|\[object/);
        else expect(text).toBe(f.code);
      }),
      { numRuns: 300 },
    );
  });

  it('every code with no params at all, or params that are not an object', () => {
    for (const code of FINDING_CODES) {
      const empty = findingText({ code, caution: false, params: {} } as never, 'sv');
      expect(empty).toBe(code === 'no_comparison_group' ? findingText({ code, caution: true, params: {} }, 'sv') : code);
      // Left out, params read as none.
      expect(findingText({ code, caution: false } as never, 'sv')).toBe(empty);
    }
  });
});
