export {
  ClientRecordSchema,
  ClientIdSchema,
  MeasuresSchema,
  GoalSchema,
  BeforeSchema,
  DuringEventSchema,
  AfterSchema,
  WithdrawalSchema,
} from './schema.js';
export type { ClientRecord, Goal, Before, DuringEvent, After, Withdrawal } from './schema.js';
export { validateRecord, parseRecord } from './validate.js';
export { before, safeBefore, BeforeInputSchema } from '../before/before.js';
export type { BeforeInput } from '../before/before.js';
export { during, safeDuring } from '../during/during.js';
export { after, safeAfter } from '../after/after.js';
export type { AfterInput } from '../after/after.js';
export { withdraw, safeWithdraw } from '../after/withdraw.js';
export { classify, ATTAINMENT_LEVELS, GOAL_STATUSES } from '../after/classify.js';
export type { Classification, AttainmentLevel, GoalStatus, UnclassifiedReason } from '../after/classify.js';
