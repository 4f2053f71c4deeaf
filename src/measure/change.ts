import { z } from 'zod';
import type { Instrument } from './instrument.js';
import { numberIssues, parseArg, throwIfAny } from '../core/args.js';

// The parts of an instrument a change is classified by; other fields may be there too.
const ChangeInstrumentSchema = z.looseObject({
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  range: z.looseObject({ step: z.number().positive() }),
  minimalImportantChange: z.number().positive().optional(),
});

/**
 * The direction of a client's change on an instrument.
 *
 * @example
 * ```ts
 * const direction: ChangeDirection = classifyChange(AUDIT, 18, 9).direction;
 * // => 'positive' (a lower AUDIT score is better)
 * classifyChange(AUDIT, 18, 18).direction;
 * // => 'none'
 * ```
 */
export type ChangeDirection = 'positive' | 'none' | 'negative';

/**
 * The change between two measurements on an instrument, signed so that a
 * positive `improvement` is always for the better, whatever the instrument's
 * direction. A change smaller than the instrument's minimal important change
 * (default: one step of its scale) counts as no change.
 *
 * @param instrument - the instrument both values were measured with
 * @param before - the value before the intervention
 * @param after - the value after
 * @returns the raw difference (after − before), the improvement, and the direction
 * @throws UppfoljningError when the instrument lacks a direction or a positive step, or a value is not a finite number
 *
 * @example
 * ```ts
 * classifyChange(AUDIT, 18, 9);
 * // => { difference: -9, improvement: 9, direction: 'positive' }
 * ```
 */
export function classifyChange(
  instrument: Pick<Instrument, 'direction' | 'range' | 'minimalImportantChange'>,
  before: number,
  after: number,
): { difference: number; improvement: number; direction: ChangeDirection } {
  throwIfAny([
    ...parseArg(ChangeInstrumentSchema, instrument, ['instrument']).issues,
    ...numberIssues(before, ['before']),
    ...numberIssues(after, ['after']),
  ]);
  const difference = after - before;
  const improvement = instrument.direction === 'higher_is_better' ? difference : -difference;
  const threshold = minimalChange(instrument);
  // Values lie on the step grid; allow for floating-point noise in the difference.
  const eps = instrument.range.step * 1e-9;
  const direction: ChangeDirection =
    improvement >= threshold - eps ? 'positive' : improvement <= -threshold + eps ? 'negative' : 'none';
  return { difference, improvement: improvement === 0 ? 0 : improvement, direction };
}

/** @internal The change that counts: the minimal important change, else one step. */
export function minimalChange(instrument: Pick<Instrument, 'range' | 'minimalImportantChange'>): number {
  return instrument.minimalImportantChange ?? instrument.range.step;
}
