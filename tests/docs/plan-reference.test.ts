import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fieldTable, planReference, PLAN_REFERENCE_FILES, MINIMAL_PLAN } from './plan-reference.js';
import { validatePlan, PlanSchema } from '../../src/plan/plan.js';
import { BUILTIN_INSTRUMENTS } from '../../src/measure/catalogue.js';

describe('the plan reference (docs/plan.md, docs/plan.sv.md)', () => {
  for (const locale of ['en', 'sv'] as const) {
    it(`${PLAN_REFERENCE_FILES[locale]} is what npm run docs:plan writes`, () => {
      // On a difference: run `npm run docs:plan` and commit both files.
      expect(readFileSync(PLAN_REFERENCE_FILES[locale], 'utf8')).toBe(planReference(locale));
    });

    it(`the minimal plan printed in ${PLAN_REFERENCE_FILES[locale]} is valid`, () => {
      const text = readFileSync(PLAN_REFERENCE_FILES[locale], 'utf8');
      const block = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
      expect(block).toBeDefined();
      expect(JSON.parse(block!)).toEqual(MINIMAL_PLAN);
      expect(validatePlan(JSON.parse(block!)).success).toBe(true);
    });

    it(`${PLAN_REFERENCE_FILES[locale]} names every top-level field and every built-in instrument`, () => {
      const text = planReference(locale);
      for (const field of Object.keys(PlanSchema.shape)) {
        expect(text).toContain(`| \`${field}\` |`);
      }
      for (const id of Object.keys(BUILTIN_INSTRUMENTS)) expect(text).toContain(`| \`${id}\` |`);
    });
  }

  it('a field without a description in the schema stops the generator', () => {
    const bare = z.object({ id: z.string().meta({ description: 'An id.' }) });
    expect(fieldTable(bare, 'en')).toContain('| `id` | text | yes |  |  | An id. |');
    expect(() => fieldTable(bare, 'sv')).toThrow(/id has no Swedish description/);
    expect(() => fieldTable(z.object({ n: z.number() }), 'en')).toThrow(/n has no description/);
  });
});
