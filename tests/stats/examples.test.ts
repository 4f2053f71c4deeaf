/**
 * Runs the `@example` blocks of src/stats and checks their `// =>` lines, so
 * the documented results cannot drift from what the code returns. The
 * conventions (an expected number ending in `…` must be a prefix of the
 * actual value's digits; keys not shown are not checked) are those of
 * tests/docs/examples.test.ts, which runs the examples of the rest of src
 * with the same helper, tests/helpers/doctest.ts.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import * as api from '../../src/index.js';
import { doctests } from '../helpers/doctest.js';

const root = new URL('../../', import.meta.url);
const files = readdirSync(new URL('src/stats/', root))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `src/stats/${f}`);

describe('every @example in src/stats shows what the code returns', () => {
  const blocks = doctests(root, files, () => api);
  it('finds the examples', () => {
    expect(blocks.length).toBeGreaterThan(25);
  });
});
