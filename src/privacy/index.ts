export { PRIVACY_RULES, privacyMessages } from './rules.js';
export type { PrivacyRule } from './rules.js';
