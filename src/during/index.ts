export { during, safeDuring } from './during.js';
