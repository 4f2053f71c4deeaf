/**
 * A hand-counted cohort for the measure blocks (tests/compile/measures.test.ts,
 * tests/analyse/measures.test.ts): a plan with two instruments of its own
 * besides the primary measure, and nine records whose counts are worked out
 * in the comments.
 */
import { parsePlan, type ClientRecord, type Plan, type PlanInput } from '../../src/index.js';
import { makeRecord, smallPlanInput } from '../helpers/fixtures.js';

/**
 * A plan with two instruments of its own besides the primary measure:
 * K10-like distress (10–50, lower is better, minimal important change 5,
 * reliability 0.88 and clinical and functional norms: reliable change counted)
 * before and after, and a sleep rating (1–5) before only.
 */
/** The plan's input. */
export const measuresPlanInput: PlanInput = {
  ...smallPlanInput,
  id: 'measures-plan',
  instruments: [
    {
      id: 'k10',
      label: { sv: 'K10 psykisk ohälsa', en: 'K10 distress' },
      kind: 'interval',
      range: { min: 10, max: 50 },
      direction: 'lower_is_better',
      minimalImportantChange: 5,
      reliability: 0.88,
      norms: { clinical: { mean: 30, sd: 7.5 }, functional: { mean: 15, sd: 5 } },
    },
    { id: 'somn', label: { sv: 'Sömn', en: 'Sleep' }, kind: 'ordinal', range: { min: 1, max: 5 }, direction: 'higher_is_better' },
  ],
  measures: { before: ['tilltro-nykterhet', 'k10', 'somn'], after: ['tilltro-nykterhet', 'k10'] },
};

/** The plan, validated. */
export const measuresPlan: Plan = parsePlan(measuresPlanInput);

const T = 'tilltro-nykterhet';
/** A record of the measures plan, made through the step functions. */
export const measuresRecord = (spec: Parameters<typeof makeRecord>[0]): ClientRecord => makeRecord(spec, measuresPlan);
const rec = measuresRecord;

// The hand-counted cohort. K10's cut-off c = (7.5·15 + 5·30) / (7.5 + 5) = 262.5 / 12.5 = 21;
// S_diff = √2 · 7.5 · √(1 − 0.88) = 3.674; a change is reliable when |change| / 3.674 > 1.96, i.e. |change| ≥ 8 (> 7.20).
/** The nine records A–I. */
export const measuresCohort = (): ClientRecord[] => [
  // A: k10 30 → 20 (−10: improved, ≥ 5; reliable; 30 on the clinical side, 20 strictly on the functional side: recovered); sleep 3.
  rec({ id: 'A', before: { measures: { [T]: 2, k10: 30, somn: 3 } }, after: { measures: { [T]: 4, k10: 20 } } }),
  // B: k10 28 → 24 (−4: unchanged, < 5; not reliable); sleep 4.
  rec({ id: 'B', before: { measures: { [T]: 3, k10: 28, somn: 4 } }, after: { measures: { [T]: 3, k10: 24 } } }),
  // C (man 40, b): k10 20 → 29 (+9: worsened; reliable: deteriorated).
  rec({ id: 'C', gender: 'man', age: 40, intervention: 'b', before: { measures: { [T]: 4, k10: 20 } }, after: { measures: { [T]: 2, k10: 29 } } }),
  // D: k10 35 → 26 (−9: improved; reliable, but 26 is still on the clinical side: improved, not recovered).
  rec({ id: 'D', before: { measures: { [T]: 2, k10: 35 } }, after: { measures: { [T]: 2, k10: 26 } } }),
  // E: k10 25 before, none after: counted before, no change.
  rec({ id: 'E', before: { measures: { k10: 25 } }, after: { measures: {} } }),
  // F: no k10 before, 18 after: counted after, no change.
  rec({ id: 'F', before: { measures: {} }, after: { measures: { k10: 18 } } }),
  // G: k10 40 before, withdrawn during (breakdown): counted before only.
  rec({ id: 'G', before: { measures: { k10: 40 } }, withdraw: { date: '2024-02-01', reason: 'breakdown' } }),
  // H: k10 22, sleep 5, ongoing.
  rec({ id: 'H', before: { measures: { k10: 22, somn: 5 } } }),
  // I: k10 30 → 30 (0: unchanged, not reliable).
  rec({ id: 'I', before: { measures: { k10: 30 } }, after: { measures: { k10: 30 } } }),
];

