// The codes live in core (src/core/codes.ts) so that an Issue's rule is one closed
// union below every layer; the texts live in src/locales/stats.ts.
export { STATS_RULES } from '../core/codes.js';
export type { StatsRule } from '../core/codes.js';
