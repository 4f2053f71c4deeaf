import { wilsonInterval } from '../stats/proportion.js';
import type { Share } from './tabulate.js';

/** @internal A count out of n with its Wilson interval: the one way tables and analyses build a {@link Share}. */
export const shareOf = (count: number, n: number): Share => ({ count, n, share: wilsonInterval(count, n) });
