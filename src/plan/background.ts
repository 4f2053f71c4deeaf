import { z } from 'zod';
import { LabelSchema } from '../core/schemas.js';

/**
 * @internal Background variables of any kind and dose in a plan: the bands a
 * number is binned into (`background[].bands`), the bands of dose
 * (`doseBands`), and the plan rules on them. PlanSchema hooks these in; the
 * compilation's layout reads them through {@link numberBandCode} and
 * {@link DEFAULT_DOSE_BANDS}.
 */

const doc = (description: string, sv: string) => ({ description, sv });

/**
 * @internal One band of a number (*intervall*), like an age band: values
 * `from` to `to` inclusive; leave out `to` for an open last band.
 */
export const NumberBandSchema = z
  .object({
    from: z.number().meta(doc('The band\'s lowest value, inclusive.', 'Intervallets lägsta värde, det inräknat.')),
    to: z
      .number()
      .optional()
      .meta(doc('The band\'s highest value, inclusive; leave it out for an open last band. Not below `from`.', 'Intervallets högsta värde, det inräknat; utelämna för ett öppet sista intervall. Inte lägre än `from`.')),
    label: LabelSchema.optional().meta(doc('A label for the band; by default it reads as its values (0–4, 10+).', 'En benämning på intervallet; annars visas värdena (0–4, 10+).')),
  })
  .strict();

/** @internal A band of a number, as {@link NumberBandSchema} defines it. */
export type NumberBand = z.infer<typeof NumberBandSchema>;

/** @internal The bands of a number background variable: at least one, in order. */
export const NumberBandsSchema = z
  .array(NumberBandSchema)
  .min(1)
  .meta(
    doc(
      'Bands the number is compiled in (and can be broken down by in the analysis): in order, not overlapping (rule `overlap`), within `min`–`max`, only the last open. A value in no band is refused (rule `outside_bands`). Without bands a whole number with `min` and `max` at most 1001 values apart is kept as an exact distribution (median, quartiles); any other number as its mean and standard deviation only.',
      'Intervall som talet sammanställs i (och kan delas upp efter i analysen): i ordning, utan överlapp (regel `overlap`), inom `min`–`max`, bara det sista öppet. Ett värde utanför alla intervall avvisas (regel `outside_bands`). Utan intervall sparas ett heltal med `min` och `max` högst 1001 värden isär som en exakt fördelning (median, kvartiler), andra tal bara som medelvärde och standardavvikelse.',
    ),
  );

/** @internal Bands of sessions attended or weeks in the intervention: whole numbers from 0, each starting where the last ended, the last open. */
const DoseBandListSchema = z.array(NumberBandSchema).min(1);

/** @internal The plan's `doseBands`: how sessions attended and weeks in the intervention are binned against the outcome. */
export const DoseBandsSchema = z
  .object({
    sessions: DoseBandListSchema.optional().meta(
      doc('Bands of sessions attended (*besök*); default 0, 1–4, 5–9, 10–19, 20+.', 'Intervall för antal besök; standard 0, 1–4, 5–9, 10–19, 20+.'),
    ),
    weeks: DoseBandListSchema.optional().meta(
      doc(
        'Bands of whole weeks from the start to the closing date; default 0–3, 4–12, 13–25, 26–51, 52+.',
        'Intervall för hela veckor från start till avslut; standard 0–3, 4–12, 13–25, 26–51, 52+.',
      ),
    ),
  })
  .strict()
  .meta(
    doc(
      'How dose is binned against the outcome (*dos och resultat*): bands of whole numbers from 0, each band starting right after the previous (rule `overlap`), the last open.',
      'Hur dosen delas in mot resultatet: intervall av heltal från 0, varje intervall direkt efter det förra (regel `overlap`), det sista öppet.',
    ),
  );

/**
 * @internal The dose bands a plan without `doseBands` gets: sessions attended
 * 0, 1–4, 5–9, 10–19, 20+; whole weeks from the start to closing 0–3 (under
 * a month), 4–12 (up to a quarter), 13–25, 26–51, 52+ (a year or more).
 */
export const DEFAULT_DOSE_BANDS: { readonly sessions: readonly NumberBand[]; readonly weeks: readonly NumberBand[] } = {
  sessions: [{ from: 0, to: 0 }, { from: 1, to: 4 }, { from: 5, to: 9 }, { from: 10, to: 19 }, { from: 20 }],
  weeks: [{ from: 0, to: 3 }, { from: 4, to: 12 }, { from: 13, to: 25 }, { from: 26, to: 51 }, { from: 52 }],
};

/** @internal A band's code as people write it: `0–4`, `10+`, `2,5–4` (a decimal point as in the plan's number). */
export function numberBandCode(band: NumberBand): string {
  return band.to === undefined ? `${band.from}+` : band.to === band.from ? `${band.from}` : `${band.from}–${band.to}`;
}

/** @internal The index of the band a value falls in, or −1. */
export function numberBandIndex(bands: readonly NumberBand[], value: number): number {
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    if (value >= band.from && (band.to === undefined || value <= band.to)) return i;
  }
  return -1;
}

type Custom = (path: (string | number)[], params: Record<string, unknown>) => void;

interface NumberVariable {
  readonly kind: 'number';
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly integer: boolean;
  readonly bands?: readonly NumberBand[] | undefined;
}

/** Bands in order and not overlapping, only the last open; each `to` not below its `from`. */
function orderIssues(bands: readonly NumberBand[], path: (string | number)[], custom: Custom, contiguous: boolean): void {
  let previous: NumberBand | undefined;
  bands.forEach((band, i) => {
    if (band.to !== undefined && band.to < band.from) custom([...path, i, 'to'], { rule: 'min', minimum: band.from, origin: 'number' });
    if (previous !== undefined) {
      const previousTo = previous.to;
      const wrong = previousTo === undefined || band.from <= previousTo || (contiguous && band.from !== previousTo + 1);
      if (wrong) custom([...path, i, 'from'], { rule: 'overlap', band: numberBandCode(band), previous: previousTo ?? `${previous.from}+`, what: 'band' });
    }
    previous = band;
  });
}

/**
 * @internal The plan rules on number bands and dose bands: each number
 * variable's bands in order, not overlapping, whole numbers for an integer
 * variable and within its `min`/`max`; dose bands whole numbers from 0, each
 * right after the previous, the last open.
 */
export function bandPlanIssues(
  background: readonly ({ readonly kind: 'category' | 'boolean' } | NumberVariable)[],
  doseBands: { readonly sessions?: readonly NumberBand[] | undefined; readonly weeks?: readonly NumberBand[] | undefined } | undefined,
  custom: Custom,
): void {
  background.forEach((b, v) => {
    if (b.kind !== 'number' || b.bands === undefined) return;
    const path = ['background', v, 'bands'];
    orderIssues(b.bands, path, custom, false);
    b.bands.forEach((band, i) => {
      for (const end of ['from', 'to'] as const) {
        const value = band[end];
        if (value === undefined) continue;
        if (b.integer && !Number.isInteger(value)) custom([...path, i, end], { rule: 'integer', value });
        if (b.min !== undefined && value < b.min) custom([...path, i, end], { rule: 'min', minimum: b.min, origin: 'number' });
        if (b.max !== undefined && value > b.max) custom([...path, i, end], { rule: 'max', maximum: b.max, origin: 'number' });
      }
    });
  });
  for (const name of ['sessions', 'weeks'] as const) {
    const bands = doseBands?.[name];
    if (bands === undefined) continue;
    const path = ['doseBands', name];
    orderIssues(bands, path, custom, true);
    bands.forEach((band, i) => {
      for (const end of ['from', 'to'] as const) {
        const value = band[end];
        if (value !== undefined && !Number.isInteger(value)) custom([...path, i, end], { rule: 'integer', value });
      }
    });
    if (bands[0]!.from !== 0) custom([...path, 0, 'from'], { rule: 'one_of', values: [0], value: bands[0]!.from });
    const last = bands.length - 1;
    if (bands[last]!.to !== undefined) custom([...path, last, 'to'], { rule: 'one_of', values: ['(none: the last band is open)'], value: bands[last]!.to });
  }
}
