export {
  ClientRecordSchema,
  ClientIdSchema,
  MeasuresSchema,
  ViewAnswersSchema,
  GoalSchema,
  BeforeSchema,
  DuringEventSchema,
  AfterSchema,
  WithdrawalSchema,
  FollowUpMeasurementSchema,
  FollowUpStatusSchema,
} from './schema.js';
export type { ClientRecord, Goal, Before, DuringEvent, After, Withdrawal, FollowUpMeasurement, FollowUpStatus } from './schema.js';
export { validateRecord, parseRecord } from './validate.js';
export { enrol, safeEnrol, EnrolInputSchema } from './enrol.js';
export type { EnrolInput } from './enrol.js';
