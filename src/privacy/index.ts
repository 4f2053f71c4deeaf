export { PRIVACY_RULES } from './rules.js';
export { privacyMessages } from '../locales/privacy.js';
export type { PrivacyRule } from './rules.js';
export {
  CountTableSchema,
  DEFAULT_K,
  SUPPRESSED_MARK,
  protectTable,
  validateProtectTable,
} from './protect-table.js';
export type { CountTable, ProtectedCell, PublishedValue, SuppressedValue, ProtectedTable, ProtectOptions } from './protect-table.js';
export { protectShare, validateProtectShare } from './protect-share.js';
export type { ProtectedShare, PublishedShare, SuppressedShare, ProtectShareOptions } from './protect-share.js';
export { formatProtectedCell, isSuppressed } from './format.js';
