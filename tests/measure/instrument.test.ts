import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AUDIT,
  BUILTIN_INSTRUMENTS,
  CONFIDENCE_SOBRIETY,
  defineInstrument,
  DUDIT,
  InstrumentSchema,
  RATING_5,
  TEST_RESULT,
  validateInstrument,
} from '../../src/index.js';
import { thrown } from '../helpers/errors.js';

const k10 = { id: 'k10', label: { sv: 'K10', en: 'K10' }, kind: 'interval', range: { min: 10, max: 50 }, direction: 'lower_is_better' } as const;
const rules = (input: unknown) => {
  const r = validateInstrument(input);
  return r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.rule]);
};

describe('the built-in catalogue', () => {
  it('has the five instruments of the issue, each valid by its own schema', () => {
    expect(Object.keys(BUILTIN_INSTRUMENTS)).toEqual(['tilltro-nykterhet', 'audit', 'dudit', 'skattning-5', 'provresultat']);
    for (const instrument of Object.values(BUILTIN_INSTRUMENTS)) expect(InstrumentSchema.parse(instrument)).toEqual(instrument);
  });
  it('ranges and directions from the sources', () => {
    // AUDIT 0–40 (Babor et al. 2001), DUDIT 0–44 (Berman et al. 2005): 10 items × 0–4 and 11 items × 0–4; lower is better.
    expect([AUDIT.range, AUDIT.direction]).toEqual([{ min: 0, max: 40, step: 1 }, 'lower_is_better']);
    expect([DUDIT.range, DUDIT.direction]).toEqual([{ min: 0, max: 44, step: 1 }, 'lower_is_better']);
    expect([CONFIDENCE_SOBRIETY.range, CONFIDENCE_SOBRIETY.direction, CONFIDENCE_SOBRIETY.kind]).toEqual([{ min: 1, max: 5, step: 1 }, 'higher_is_better', 'ordinal']);
    expect(RATING_5.levels?.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    expect([TEST_RESULT.kind, TEST_RESULT.range, TEST_RESULT.direction]).toEqual(['binary', { min: 0, max: 1, step: 1 }, 'lower_is_better']);
  });
  it('is frozen', () => {
    expect(Object.isFrozen(BUILTIN_INSTRUMENTS)).toBe(true);
  });
});

describe('defineInstrument', () => {
  it('fills in step 1 and leaves the input unchanged', () => {
    const input = structuredClone(k10);
    expect(defineInstrument(input).range).toEqual({ min: 10, max: 50, step: 1 });
    expect(input).toEqual(k10);
  });
  it('each rule', () => {
    expect(rules({ ...k10, range: { min: 5, max: 5 } })).toEqual([['range.max', 'min']]);
    expect(rules({ ...k10, range: { min: 0, max: 10, step: 3 } })).toEqual([['range.max', 'not_on_scale']]);
    expect(rules({ ...k10, kind: 'binary', range: { min: 1, max: 2 } })).toEqual([['range', 'one_of']]);
    expect(rules({ ...k10, levels: [{ value: 51, label: { sv: 'x', en: 'x' } }, { value: 10.5, label: { sv: 'y', en: 'y' } }] })).toEqual([
      ['levels.0.value', 'out_of_range'],
      ['levels.1.value', 'not_on_scale'],
    ]);
    expect(rules({ ...k10, direction: 'up' })).toEqual([['direction', 'one_of']]);
    expect(rules({ ...k10, reliability: 1 })).toEqual([['reliability', 'max']]);
    expect(rules({ ...k10, minimalImportantChange: 0 })).toEqual([['minimalImportantChange', 'min']]);
    expect(rules({ ...k10, id: 'K 10' })).toEqual([['id', 'format']]);
    expect(rules({ ...k10, range: { min: '0', max: 10 } })).toEqual([['range.min', 'type']]);
  });
  it('throws in sv by default and en on request', () => {
    expect(() => defineInstrument({ ...k10, direction: 'up' } as never)).toThrow('direction: måste vara ett av "higher_is_better", "lower_is_better"; fick "up" [one_of]');
    expect(thrown(() => defineInstrument({ ...k10, direction: 'up' } as never)).format('en')).toBe('direction: must be one of "higher_is_better", "lower_is_better"; got "up" [one_of]');
  });
  it('garbage never crashes', () => {
    fc.assert(fc.property(fc.anything(), (x) => validateInstrument(x).success === false));
  });
});
