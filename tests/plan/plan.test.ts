import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile, parsePlan, planInstrument, UppfoljningError, validatePlan, type Issue, type PlanInput } from '../../src/index.js';
import { makeRecord } from '../helpers/fixtures.js';
import { smallPlanInput } from '../helpers/fixtures.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { thrown } from '../helpers/errors.js';

const issuesOf = (input: unknown): readonly Issue[] => {
  const result = validatePlan(input);
  if (result.success) throw new Error('expected the plan to be rejected');
  return result.issues;
};

const rulesAt = (input: unknown) => issuesOf(input).map((i) => [i.path.join('.'), i.rule]);

describe('validatePlan: a good plan', () => {
  it('accepts the small test plan and fills in defaults', () => {
    const result = validatePlan(smallPlanInput);
    expect(result.success).toBe(true);
    if (!result.success) return;
    // genders default to kvinna, man; perWeek defaults to 1.
    expect(result.data.grouping.genders.map((g) => g.code)).toEqual(['kvinna', 'man']);
    expect(result.data.during[0]?.perWeek).toBe(1);
    expect(result.data.instruments).toEqual([]);
  });

  it('accepts the Björkebo plan', () => {
    expect(parsePlan(bjorkeboPlan).primaryMeasure).toBe('tilltro-nykterhet');
  });

  it('looks instruments up in the plan before the catalogue', () => {
    const plan = parsePlan({
      ...smallPlanInput,
      instruments: [
        { id: 'k10', label: { sv: 'K10', en: 'K10' }, kind: 'interval', range: { min: 10, max: 50 }, direction: 'lower_is_better' },
      ],
      measures: { before: ['k10'], after: ['k10'] },
      primaryMeasure: 'k10',
    });
    expect(planInstrument(plan, 'k10')?.range).toEqual({ min: 10, max: 50, step: 1 });
    expect(planInstrument(plan, 'audit')?.range.max).toBe(40);
    expect(planInstrument(plan, 'nope')).toBeUndefined();
    // 'constructor' is a valid code, and an inherited property of every object: not an instrument.
    expect(planInstrument(plan, 'constructor')).toBeUndefined();
    const own = { id: 'constructor', label: { sv: 'C', en: 'C' }, kind: 'interval', range: { min: 0, max: 9 }, direction: 'lower_is_better' };
    expect(validatePlan({ ...smallPlanInput, instruments: [own] }).success).toBe(true);
  });
});

describe('validatePlan: the same-instrument rule', () => {
  it('rejects a primary measure not measured after, with the exact Swedish and English text', () => {
    const input = { ...smallPlanInput, measures: { before: ['tilltro-nykterhet'], after: ['audit'] } };
    expect(issuesOf(input)).toEqual([
      { path: ['primaryMeasure'], rule: 'primary_same_instrument', params: { instrument: 'tilltro-nykterhet', missing: 'after' } },
    ]);
    let error: unknown;
    try {
      parsePlan(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UppfoljningError);
    const e = error as UppfoljningError;
    expect(e.message).toBe(
      'primaryMeasure: huvudmåttet "tilltro-nykterhet" måste mätas med samma instrument före och efter insatsen, men mäts inte efter [primary_same_instrument]',
    );
    expect(e.format('en')).toBe(
      'primaryMeasure: the primary measure "tilltro-nykterhet" must be measured with the same instrument before and after the intervention, but is not measured after [primary_same_instrument]',
    );
  });

  it('rejects a primary measure not measured before', () => {
    const input = { ...smallPlanInput, measures: { before: ['audit'], after: ['tilltro-nykterhet'] } };
    expect(rulesAt(input)).toEqual([['primaryMeasure', 'primary_same_instrument']]);
    expect(thrown(() => parsePlan(input)).format('en')).toBe(
      'primaryMeasure: the primary measure "tilltro-nykterhet" must be measured with the same instrument before and after the intervention, but is not measured before [primary_same_instrument]',
    );
    expect(() => parsePlan(input)).toThrow('men mäts inte före [primary_same_instrument]');
  });
});

describe('validatePlan: each rule', () => {
  it('unknown instrument, in measures and during', () => {
    const input = {
      ...smallPlanInput,
      measures: { before: ['tilltro-nykterhet', 'phq9'], after: ['tilltro-nykterhet'] },
      during: [{ id: 'up', label: { sv: 'U', en: 'U' }, instrument: 'saliv' }],
    };
    const issues = issuesOf(input);
    expect(issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['measures.before.1', 'unknown_instrument'],
      ['during.0.instrument', 'unknown_instrument'],
    ]);
    expect(issues[0]?.params.id).toBe('phq9');
    expect(issues[0]?.params.known).toContain('audit');
  });

  it('duplicate codes in interventions, genders, main problems, goal areas, background and options', () => {
    const input: PlanInput = {
      ...smallPlanInput,
      interventions: [...smallPlanInput.interventions, { code: 'a', label: { sv: 'A igen', en: 'A again' } }],
      mainProblems: [...smallPlanInput.mainProblems, { code: 'alkohol', label: { sv: 'x', en: 'x' } }],
      goalAreas: [{ code: 'arbete', label: { sv: 'x', en: 'x' } }, { code: 'arbete', label: { sv: 'y', en: 'y' } }],
      background: [
        { id: 'x', label: { sv: 'x', en: 'x' }, kind: 'boolean' },
        { id: 'x', label: { sv: 'x', en: 'x' }, kind: 'category', options: [{ code: 'o', label: { sv: 'o', en: 'o' } }, { code: 'o', label: { sv: 'o', en: 'o' } }] },
      ],
      grouping: {
        ageBands: [{ from: 18 }],
        genders: [{ code: 'man', label: { sv: 'Man', en: 'Man' } }, { code: 'man', label: { sv: 'Man', en: 'Man' } }],
      },
    };
    expect(rulesAt(input)).toEqual([
      ['interventions.2.code', 'duplicate'],
      ['grouping.genders.1.code', 'duplicate'],
      ['mainProblems.2.code', 'duplicate'],
      ['goalAreas.1.code', 'duplicate'],
      ['background.1.id', 'duplicate'],
      ['background.1.options.1.code', 'duplicate'],
    ]);
  });

  it('an instrument measured twice in the same phase', () => {
    const input = { ...smallPlanInput, measures: { before: ['tilltro-nykterhet', 'tilltro-nykterhet'], after: ['tilltro-nykterhet'] } };
    expect(issuesOf(input)).toEqual([{ path: ['measures', 'before', 1], rule: 'duplicate', params: { value: 'tilltro-nykterhet' } }]);
    expect(thrown(() => parsePlan(input)).format('en')).toBe('measures.before[1]: "tilltro-nykterhet" occurs more than once [duplicate]');
  });

  it('an own instrument may not reuse a built-in id', () => {
    const input = {
      ...smallPlanInput,
      instruments: [{ id: 'audit', label: { sv: 'A', en: 'A' }, kind: 'interval', range: { min: 0, max: 10 }, direction: 'lower_is_better' }],
    };
    expect(rulesAt(input)).toEqual([['instruments.0.id', 'duplicate']]);
  });

  it('overlapping age bands, bands out of order, a band after an open band, to < from', () => {
    const bands = (ageBands: PlanInput['grouping']['ageBands']) => ({ ...smallPlanInput, grouping: { ageBands } });
    // 18–29 then 29–40: 29 ≤ 29 overlaps.
    expect(rulesAt(bands([{ from: 18, to: 29 }, { from: 29, to: 40 }]))).toEqual([['grouping.ageBands.1.from', 'overlap']]);
    // 30–40 then 18–29: comes before the previous band.
    expect(rulesAt(bands([{ from: 30, to: 40 }, { from: 18, to: 29 }]))).toEqual([['grouping.ageBands.1.from', 'overlap']]);
    // 18+ is open: anything after it overlaps.
    expect(rulesAt(bands([{ from: 18 }, { from: 65 }]))).toEqual([['grouping.ageBands.1.from', 'overlap']]);
    expect(rulesAt(bands([{ from: 30, to: 20 }]))).toEqual([['grouping.ageBands.0.to', 'min']]);
    // Adjacent bands with a gap are fine: 18–29, 31+.
    expect(validatePlan(bands([{ from: 18, to: 29 }, { from: 31 }])).success).toBe(true);
  });

  it('the overlap message names the band in sv and en', () => {
    expect(thrown(() => parsePlan({ ...smallPlanInput, grouping: { ageBands: [{ from: 18, to: 29 }, { from: 29, to: 40 }] } })).format('en')).toBe(
      'grouping.ageBands[1].from: the age band 29–40 overlaps or comes before the previous band (29) [overlap]',
    );
  });

  it('a plan_target off the primary scale', () => {
    // The smiley scale is 1–5 in steps of 1: 6 is out of range, 2.5 is between steps.
    const target = (value: number) => ({ ...smallPlanInput, goalRule: { kind: 'plan_target', value } });
    expect(issuesOf(target(6))).toEqual([{ path: ['goalRule', 'value'], rule: 'out_of_range', params: { value: 6, min: 1, max: 5 } }]);
    expect(issuesOf(target(2.5))).toEqual([{ path: ['goalRule', 'value'], rule: 'not_on_scale', params: { value: 2.5, min: 1, step: 1 } }]);
    expect(validatePlan(target(4)).success).toBe(true);
  });

  it('AUDIT or DUDIT measured before and after needs the plan\'s minimal change (no published one); measured once it does not', () => {
    const { minimalChange: _mc, ...withoutMinimal } = smallPlanInput;
    expect(rulesAt(withoutMinimal)).toEqual([['minimalChange.audit', 'required']]);
    const dudit = { ...withoutMinimal, measures: { before: ['tilltro-nykterhet', 'dudit'], after: ['tilltro-nykterhet', 'dudit'] } };
    expect(rulesAt(dudit)).toEqual([['minimalChange.dudit', 'required']]);
    // Only before: no change is classified, so no minimal change is needed.
    expect(validatePlan({ ...withoutMinimal, measures: { before: ['tilltro-nykterhet', 'audit'], after: ['tilltro-nykterhet'] } }).success).toBe(true);
    expect(rulesAt({ ...smallPlanInput, minimalChange: { audit: 4, okand: 2 } })).toEqual([['minimalChange.okand', 'unknown_instrument']]);
    expect(rulesAt({ ...smallPlanInput, minimalChange: { audit: 0 } })).toEqual([['minimalChange.audit', 'min']]);
  });

  it("the plan's minimal change is the instrument's wherever it is read: a 3-point fall on AUDIT is no change with 4, an improvement with 3", () => {
    const plan = (mic: number) => parsePlan({ ...smallPlanInput, id: 'audit-mic', primaryMeasure: 'audit', minimalChange: { audit: mic } });
    const four = plan(4);
    expect(planInstrument(four, 'audit')?.minimalImportantChange).toBe(4);
    expect(planInstrument(four, 'tilltro-nykterhet')?.minimalImportantChange).toBe(1);
    const record = (p: typeof four) =>
      makeRecord({ before: { measures: { audit: 20, 'tilltro-nykterhet': 2 } }, after: { measures: { audit: 17, 'tilltro-nykterhet': 3 }, goalsMet: [] } }, p);
    // AUDIT 20 → 17: 3 points better. With 4 that is less than the minimal change (level 3, no change); with 3 it is a positive change.
    const c4 = compile(four, [record(four)]);
    expect(c4.meta.primary.minimalChange).toBe(4);
    expect(c4.counts.levels.reduce((s, v, i) => (v > 0 ? [...s, i % 4] : s), [] as number[])).toEqual([2]);
    const three = plan(3);
    const c3 = compile(three, [record(three)]);
    // With 3 it is a positive change (level 2: no goal was set, so none was met).
    expect(c3.counts.levels.reduce((s, v, i) => (v > 0 ? [...s, i % 4] : s), [] as number[])).toEqual([1]);
  });

  it('a period that ends before it starts', () => {
    expect(rulesAt({ ...smallPlanInput, period: { from: '2024-05-01', to: '2024-04-30' } })).toEqual([['period.to', 'date_order']]);
    expect(rulesAt({ ...smallPlanInput, period: { from: '2021-02-30' } })).toEqual([['period.from', 'calendar_date']]);
  });

  it('wrong types and missing fields name the path', () => {
    expect(rulesAt({ ...smallPlanInput, title: 7 })).toEqual([['title', 'type']]);
    const { question: _q, ...withoutQuestion } = smallPlanInput;
    expect(rulesAt(withoutQuestion)).toEqual([['question', 'required']]);
    expect(rulesAt({ ...smallPlanInput, extra: 1 })).toEqual([['', 'unknown_key']]);
    expect(rulesAt({ ...smallPlanInput, selection: { kind: 'birthdays', days: [0] } })).toEqual([['selection.days.0', 'min']]);
    expect(rulesAt({ ...smallPlanInput, id: 'Björkebo' })).toEqual([['id', 'format']]);
  });

  it('garbage never crashes', () => {
    for (const input of [null, undefined, 1, 'plan', [], {}, { grouping: null }]) {
      const result = validatePlan(input);
      expect(result.success).toBe(false);
    }
    fc.assert(fc.property(fc.anything(), (x) => validatePlan(x).success === false));
  });

  it('does not mutate its input', () => {
    const input = structuredClone(smallPlanInput);
    const copy = structuredClone(input);
    validatePlan(input);
    expect(input).toEqual(copy);
  });
});
