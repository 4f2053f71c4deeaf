import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, classifyChange, parsePlan, AUDIT, CONFIDENCE_SOBRIETY, type ClientRecord, type Plan, type PlanInput } from '../../src/index.js';
import { auditPlan, closedRecord, makeRecord, smallPlan as plan, smallPlanInput } from '../helpers/fixtures.js';

describe('classify: the four levels (smiley scale 1–5, higher is better, minimal important change 1)', () => {
  it('positive change and goal met: 2 → 4', () => {
    // difference 4 − 2 = 2 ≥ 1 step → positive; the one goal assessed as met → level 1.
    expect(classify(plan, closedRecord(2, 4, true))).toEqual({
      classified: true, level: 'positive_goal_met', rank: 1, goal: 'met', before: 2, after: 4, difference: 2, improvement: 2,
    });
  });
  it('positive change, goal not met: 2 → 3', () => {
    expect(classify(plan, closedRecord(2, 3, false))).toMatchObject({ level: 'positive_goal_not_met', rank: 2, goal: 'not_met', difference: 1 });
  });
  it('no change: 3 → 3, whether or not the goal was met', () => {
    expect(classify(plan, closedRecord(3, 3, true))).toMatchObject({ level: 'no_change', rank: 3, goal: 'met', difference: 0, improvement: 0 });
    expect(classify(plan, closedRecord(3, 3, false))).toMatchObject({ level: 'no_change', rank: 3 });
  });
  it('negative change: 4 → 2, even with the goal met', () => {
    expect(classify(plan, closedRecord(4, 2, true))).toMatchObject({ level: 'negative_change', rank: 4, difference: -2, improvement: -2 });
  });
  it('extremes of the scale: 1 → 5 and 5 → 1', () => {
    expect(classify(plan, closedRecord(1, 5, true))).toMatchObject({ rank: 1, difference: 4 });
    expect(classify(plan, closedRecord(5, 1, false))).toMatchObject({ rank: 4, difference: -4 });
  });
});

describe('classify: edge cases', () => {
  it('no goal set: positive change is level 2 with goal no_goal', () => {
    const r = makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } }, after: { measures: { 'tilltro-nykterhet': 3 } } });
    expect(classify(plan, r)).toMatchObject({ level: 'positive_goal_not_met', rank: 2, goal: 'no_goal' });
  });
  it('missing after-measure and missing before-measure: not classified, with the phase', () => {
    expect(classify(plan, closedRecord(2, undefined))).toEqual({ classified: false, reason: 'missing_measure', params: { phase: 'after' } });
    expect(classify(plan, closedRecord(undefined, 4))).toEqual({ classified: false, reason: 'missing_measure', params: { phase: 'before' } });
  });
  it('missing goal assessment when goals were set', () => {
    const r = makeRecord({
      before: { goals: [{ statement: 'x' }], measures: { 'tilltro-nykterhet': 2 } },
      after: { measures: { 'tilltro-nykterhet': 4 } },
    });
    expect(classify(plan, r)).toEqual({ classified: false, reason: 'missing_goal_assessment', params: {} });
  });
  it('withdrawn: by a withdrawal, or by a closing reason the plan withdraws on', () => {
    const w = makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } }, withdraw: { date: '2024-02-01', reason: 'moved' } });
    expect(classify(plan, w)).toEqual({ classified: false, reason: 'withdrawn', params: {} });
    const b = makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } }, after: { reason: 'breakdown', measures: { 'tilltro-nykterhet': 4 } } });
    expect(classify(plan, b)).toEqual({ classified: false, reason: 'withdrawn', params: {} });
    // A move closes the intervention (not in withdrawOn): classified if measured.
    const m = makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } }, after: { reason: 'moved', measures: { 'tilltro-nykterhet': 4 } } });
    expect(classify(plan, m)).toMatchObject({ classified: true, rank: 2, goal: 'no_goal' });
  });
  it('not closed: enrolled only, or ongoing', () => {
    expect(classify(plan, makeRecord())).toEqual({ classified: false, reason: 'not_closed', params: {} });
    expect(classify(plan, makeRecord({ before: { measures: { 'tilltro-nykterhet': 2 } } }))).toEqual({ classified: false, reason: 'not_closed', params: {} });
  });
  it('combine any vs all', () => {
    const anyPlan = parsePlan({ ...smallPlanInput, goalRule: { kind: 'assessed', combine: 'any' } });
    const r = makeRecord({
      before: { goals: [{ statement: 'x' }, { statement: 'y' }], measures: { 'tilltro-nykterhet': 2 } },
      after: { measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true, false] },
    });
    expect(classify(anyPlan, r)).toMatchObject({ rank: 1, goal: 'met' });
    expect(classify(plan, r)).toMatchObject({ rank: 2, goal: 'not_met' });
  });
});

describe('classify: target goal rules', () => {
  const targetPlan = parsePlan({ ...smallPlanInput, goalRule: { kind: 'target' } });
  const withTarget = (target: number | undefined, b: number, a: number) =>
    makeRecord({ before: { goals: [{ statement: 'x', ...(target === undefined ? {} : { target }) }], measures: { 'tilltro-nykterhet': b } }, after: { measures: { 'tilltro-nykterhet': a } } }, targetPlan);

  it('target reached at closing: met; already reached before and kept: met_before (level 1 if positive)', () => {
    expect(classify(targetPlan, withTarget(4, 2, 4))).toMatchObject({ rank: 1, goal: 'met' });
    expect(classify(targetPlan, withTarget(4, 4, 5))).toMatchObject({ rank: 1, goal: 'met_before' });
    // Already met before, kept, but no change: level 3.
    expect(classify(targetPlan, withTarget(4, 4, 4))).toMatchObject({ rank: 3, goal: 'met_before' });
    // Met before, lost at closing: not met, negative.
    expect(classify(targetPlan, withTarget(4, 4, 3))).toMatchObject({ rank: 4, goal: 'not_met' });
    expect(classify(targetPlan, withTarget(5, 2, 4))).toMatchObject({ rank: 2, goal: 'not_met' });
    // A goal without a target: no goal under this rule.
    expect(classify(targetPlan, withTarget(undefined, 2, 4))).toMatchObject({ rank: 2, goal: 'no_goal' });
  });

  it('lower is better: AUDIT 18 → 9 with a target of 10', () => {
    const p = parsePlan({ ...smallPlanInput, id: 'audit-target', primaryMeasure: 'audit', goalRule: { kind: 'target' } });
    const r = makeRecord({ before: { goals: [{ statement: 'x', target: 10 }], measures: { audit: 18 } }, after: { measures: { audit: 9 } } }, p);
    // improvement = −(9 − 18) = 9; 9 ≤ 10 reached; 18 > 10 not reached before → met.
    expect(classify(p, r)).toMatchObject({ rank: 1, goal: 'met', difference: -9, improvement: 9 });
  });

  it('plan_target: one target for everyone', () => {
    const p = parsePlan({ ...smallPlanInput, goalRule: { kind: 'plan_target', value: 4 } });
    const r = (b: number, a: number) => makeRecord({ before: { measures: { 'tilltro-nykterhet': b } }, after: { measures: { 'tilltro-nykterhet': a } } }, p);
    expect(classify(p, r(2, 4))).toMatchObject({ rank: 1, goal: 'met' });
    expect(classify(p, r(2, 3))).toMatchObject({ rank: 2, goal: 'not_met' });
    expect(classify(p, r(5, 4))).toMatchObject({ rank: 4, goal: 'met_before' });
  });
});

describe('classify: lower_is_better instruments and minimal important change', () => {
  it('AUDIT: a fall is an improvement, one point counts (no minimal important change: one step)', () => {
    const r = (b: number, a: number) => makeRecord({ before: { measures: { audit: b } }, after: { measures: { audit: a } } }, auditPlan);
    expect(classify(auditPlan, r(18, 9))).toMatchObject({ rank: 2, difference: -9, improvement: 9 });
    expect(classify(auditPlan, r(10, 11))).toMatchObject({ rank: 4, improvement: -1 });
    expect(classify(auditPlan, r(10, 10))).toMatchObject({ rank: 3 });
  });

  it('a minimal important change of 5 points on a 0–40 scale', () => {
    const p = parsePlan({
      ...smallPlanInput,
      id: 'mic-plan',
      instruments: [{ id: 'skala', label: { sv: 'S', en: 'S' }, kind: 'interval', range: { min: 0, max: 40 }, direction: 'lower_is_better', minimalImportantChange: 5 }],
      measures: { before: ['skala'], after: ['skala'] },
      primaryMeasure: 'skala',
    });
    const r = (b: number, a: number) => makeRecord({ before: { measures: { skala: b } }, after: { measures: { skala: a } } }, p);
    // improvement = before − after: 4 < 5 → no change; 5 → positive; −5 → negative; −4 → no change.
    expect(classify(p, r(20, 16))).toMatchObject({ rank: 3, improvement: 4 });
    expect(classify(p, r(20, 15))).toMatchObject({ rank: 2, improvement: 5 });
    expect(classify(p, r(20, 25))).toMatchObject({ rank: 4, improvement: -5 });
    expect(classify(p, r(20, 24))).toMatchObject({ rank: 3, improvement: -4 });
  });

  it('classifyChange with steps of 0.1 is not fooled by floating point', () => {
    // 0.3 − 0.1 = 0.19999999999999998 in binary floating point: still two steps of 0.1, with a MIC of 0.2.
    const scale = { direction: 'higher_is_better', range: { min: 0, max: 1, step: 0.1 }, minimalImportantChange: 0.2 } as const;
    expect(classifyChange(scale, 0.1, 0.3).direction).toBe('positive');
    expect(classifyChange(scale, 0.3, 0.1).direction).toBe('negative');
    expect(classifyChange(AUDIT, 18, 9)).toEqual({ difference: -9, improvement: 9, direction: 'positive' });
    expect(classifyChange(CONFIDENCE_SOBRIETY, 3, 3)).toEqual({ difference: 0, improvement: 0, direction: 'none' });
  });
});

describe('classify: properties', () => {
  /** A plan around an own instrument; goal rule assessed or target. */
  const planFor = (range: { min: number; max: number; step: number }, direction: 'higher_is_better' | 'lower_is_better', mic: number | undefined, goalRule: PlanInput['goalRule']): Plan =>
    parsePlan({
      ...smallPlanInput,
      id: 'prop',
      instruments: [{ id: 'x', label: { sv: 'X', en: 'X' }, kind: 'interval', range, direction, ...(mic === undefined ? {} : { minimalImportantChange: mic }) }],
      measures: { before: ['x'], after: ['x'] },
      primaryMeasure: 'x',
      goalRule,
    });
  const record = (b: number, a: number, target: number | undefined, met: boolean): ClientRecord => ({
    planId: 'prop', clientId: 'k', intervention: 'a', enrolled: '2024-01-01', age: 30, gender: 'man', during: [], followUps: [],
    before: { date: '2024-01-01', mainProblem: 'alkohol', background: {}, goals: [{ statement: 's', ...(target === undefined ? {} : { target }) }], measures: { x: b } },
    after: { date: '2024-02-01', reason: 'completed', measures: { x: a }, goalsMet: [met] },
  });
  const scenario = fc
    .record({
      min: fc.integer({ min: -10, max: 10 }),
      steps: fc.integer({ min: 1, max: 12 }),
      step: fc.constantFrom(1, 0.5, 2),
      micSteps: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      direction: fc.constantFrom('higher_is_better' as const, 'lower_is_better' as const),
      rule: fc.constantFrom('assessed' as const, 'target' as const),
      met: fc.boolean(),
    })
    .chain((s) =>
      fc.record({ kb: fc.integer({ min: 0, max: s.steps }), ka: fc.integer({ min: 0, max: s.steps }), kt: fc.option(fc.integer({ min: 0, max: s.steps }), { nil: undefined }) }).map((k) => ({ ...s, ...k })),
    );

  it('reversing the direction and reflecting the values (v → min + max − v) gives the same classification', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const range = { min: s.min, max: s.min + s.steps * s.step, step: s.step };
        const v = (k: number) => range.min + k * s.step;
        const reflect = (x: number) => range.min + range.max - x;
        const mic = s.micSteps === undefined ? undefined : s.micSteps * s.step;
        const rule = s.rule === 'assessed' ? ({ kind: 'assessed', combine: 'all' } as const) : ({ kind: 'target' } as const);
        const other = s.direction === 'higher_is_better' ? 'lower_is_better' : 'higher_is_better';
        const t = s.kt === undefined ? undefined : v(s.kt);
        const c1 = classify(planFor(range, s.direction, mic, rule), record(v(s.kb), v(s.ka), t, s.met));
        const c2 = classify(planFor(range, other, mic, rule), record(reflect(v(s.kb)), reflect(v(s.ka)), t === undefined ? undefined : reflect(t), s.met));
        expect(c1.classified && c2.classified).toBe(true);
        if (!c1.classified || !c2.classified) return;
        expect(c2.level).toBe(c1.level);
        expect(c2.goal).toBe(c1.goal);
        expect(c2.improvement).toBeCloseTo(c1.improvement, 9);
        expect(c2.difference).toBeCloseTo(-c1.difference, 9);
      }),
    );
  });

  it('reversing the direction alone mirrors positive ↔ negative (assessed goals)', () => {
    const mirror = { 1: 4, 2: 4, 3: 3, 4: [1, 2] } as const;
    fc.assert(
      fc.property(scenario, (s) => {
        const range = { min: s.min, max: s.min + s.steps * s.step, step: s.step };
        const v = (k: number) => range.min + k * s.step;
        const mic = s.micSteps === undefined ? undefined : s.micSteps * s.step;
        const rule = { kind: 'assessed', combine: 'all' } as const;
        const other = s.direction === 'higher_is_better' ? 'lower_is_better' : 'higher_is_better';
        const c1 = classify(planFor(range, s.direction, mic, rule), record(v(s.kb), v(s.ka), undefined, s.met));
        const c2 = classify(planFor(range, other, mic, rule), record(v(s.kb), v(s.ka), undefined, s.met));
        if (!c1.classified || !c2.classified) throw new Error('not classified');
        const expected = mirror[c1.rank];
        if (Array.isArray(expected)) expect(expected).toContain(c2.rank);
        else expect(c2.rank).toBe(expected);
        expect(c2.improvement).toBeCloseTo(-c1.improvement, 9);
        // Which positive level depends on the goal: level 1 exactly when met.
        if (c2.rank <= 2) expect(c2.rank).toBe(s.met ? 1 : 2);
      }),
    );
  });

  it('does not mutate the plan or the record', () => {
    const r = closedRecord(2, 4);
    const [pc, rc] = [structuredClone(plan), structuredClone(r)];
    classify(plan, r);
    expect(plan).toEqual(pc);
    expect(r).toEqual(rc);
  });
});
