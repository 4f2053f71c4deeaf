/** A plan with two follow-up points after the end, on the small test plan. */
import { parsePlan, type Plan } from '../../src/index.js';
import { smallPlanInput } from '../helpers/fixtures.js';

export const label = (sv: string, en: string) => ({ sv, en });
/** 6 months ± 14 days (the primary) and 12 months ± 30 days (the primary and AUDIT). */
export const followUpPlan: Plan = parsePlan({
  ...smallPlanInput,
  followUps: [
    { id: '6m', label: label('6 månader efter', '6 months after'), monthsAfter: 6, windowDays: 14, measures: ['tilltro-nykterhet'] },
    { id: '12m', label: label('12 månader efter', '12 months after'), monthsAfter: 12, measures: ['tilltro-nykterhet', 'audit'] },
  ],
});
