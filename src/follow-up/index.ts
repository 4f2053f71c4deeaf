export { followUp, safeFollowUp } from './follow-up.js';
export type { FollowUpInput } from './follow-up.js';
export { dueMeasurements } from './due.js';
export type { DueMeasurement } from './due.js';
