export { after, safeAfter } from './after.js';
export type { AfterInput } from './after.js';
export { withdraw, safeWithdraw } from './withdraw.js';
export { classify, ATTAINMENT_LEVELS, GOAL_STATUSES } from './classify.js';
export type { Classification, AttainmentLevel, GoalStatus, UnclassifiedReason } from './classify.js';
