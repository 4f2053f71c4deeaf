export { IDENTITY_RULES } from './rules.js';
export { identityMessages } from '../locales/identity.js';
export type { IdentityRule } from './rules.js';
export { validateIdentityNumber, parseIdentityNumber, shortForm } from './identity-number.js';
export type { IdentityNumber, IdentityNumberOptions, ShortFormOptions } from './identity-number.js';
export {
  ageInCompletedYears,
  ageBandOf,
  REACTUALISATION_AGE_BANDS,
  ADULT_AGE_BANDS,
  SUBSTANCE_MISUSE_AGE_BANDS,
} from './age.js';
export type { AgeOptions, AgeBandBounds } from './age.js';
export { createPseudonymizer, pseudonymize, MIN_PSEUDONYM_KEY_BYTES } from './pseudonym.js';
export type { PseudonymKey, PseudonymOptions, Pseudonymizer } from './pseudonym.js';
