export { before, safeBefore, BeforeInputSchema } from './before.js';
export type { BeforeInput } from './before.js';
