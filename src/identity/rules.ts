// The codes live in core (src/core/codes.ts) so that an Issue's rule is one closed
// union below every layer; the texts live in src/locales/identity.ts.
export { IDENTITY_RULES } from '../core/codes.js';
export type { IdentityRule } from '../core/codes.js';
