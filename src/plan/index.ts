export { PlanSchema, AgeBandSchema, ClosingReasonSchema, validatePlan, parsePlan, planInstrument } from './plan.js';
export type { Plan, PlanInput, AgeBand, ClosingReason } from './plan.js';
export { selectClients, sampleSeeded, seededRandom } from './select.js';
export type { Candidate } from './select.js';
export { FollowUpPointSchema, followUpWindow } from './follow-up.js';
export type { FollowUpPoint, FollowUpWindow } from './follow-up.js';
export { PeriodBySchema, planPeriods, WHOLE_PERIOD, MAX_PERIODS } from './periods.js';
export type { PeriodBy, Period } from './periods.js';
