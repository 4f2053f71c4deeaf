export { followUp, safeFollowUp } from './follow-up.js';
export type { FollowUpInput } from './follow-up.js';
