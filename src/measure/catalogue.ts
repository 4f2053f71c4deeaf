import type { Instrument } from './instrument.js';

const smileyLevels = (
  labels: readonly (readonly [string, string])[],
): Instrument['levels'] => labels.map(([sv, en], i) => ({ value: i + 1, label: { sv, en } }));

/**
 * The pilot's before/after measure: the client's own confidence in staying
 * sober or drug-free in one year (*egen tilltro till fortsatt
 * drogfrihet/nykterhet om 1 år*), a five-point smiley scale filled in by
 * contact person and client together before F-CRA starts and when it ends.
 *
 * @example
 * ```ts
 * CONFIDENCE_SOBRIETY.range;
 * // => { min: 1, max: 5, step: 1 }
 * ```
 */
export const CONFIDENCE_SOBRIETY: Instrument = {
  id: 'tilltro-nykterhet',
  label: {
    sv: 'Egen tilltro till fortsatt drogfrihet/nykterhet om 1 år',
    en: 'Own confidence in staying sober/drug-free in one year',
  },
  kind: 'ordinal',
  range: { min: 1, max: 5, step: 1 },
  direction: 'higher_is_better',
  minimalImportantChange: 1,
  levels: smileyLevels([
    ['Mycket liten tilltro', 'Very low confidence'],
    ['Liten tilltro', 'Low confidence'],
    ['Varken liten eller stor tilltro', 'Neither low nor high confidence'],
    ['Stor tilltro', 'High confidence'],
    ['Mycket stor tilltro', 'Very high confidence'],
  ]),
  source: 'Östersunds kommun, Björkebo/F-CRA pilot (2018–2019): smiley rating scale.',
};

/**
 * AUDIT, the Alcohol Use Disorders Identification Test: 10 questions, sum
 * score 0–40, lower is better.
 *
 * It has no `minimalImportantChange`: AUDIT was made for screening, its
 * manual (Babor et al. 2001) gives cut-offs (8 for hazardous use, 16 and 20
 * for the zones of brief counselling and referral), not a smallest change
 * that matters, and we know of no published anchor-based minimal important
 * change of its sum score for treatment follow-up. Its test–retest stability
 * in practice can be modest (ICC 0.56 between two visits, Sahker, Lancianese
 * & Arndt 2017), so a change of one point says little. A plan that measures
 * it before and after must therefore set its own in `minimalChange`
 * ({@link NO_PUBLISHED_MINIMAL_CHANGE}), e.g. the distance between two of the
 * manual's zones, and say why in the plan's question or documentation.
 *
 * @see Babor, Higgins-Biddle, Saunders & Monteiro (2001). AUDIT: Guidelines for use in primary care. WHO.
 * @see Sahker, Lancianese & Arndt (2017). Stability of the alcohol use disorders identification test in practical service settings. Subst Abuse Rehabil 8:1–8. https://doi.org/10.2147/SAR.S126664
 *
 * @example
 * ```ts
 * AUDIT.direction;
 * // => 'lower_is_better'
 * ```
 */
export const AUDIT: Instrument = {
  id: 'audit',
  label: { sv: 'AUDIT (alkohol)', en: 'AUDIT (alcohol)' },
  kind: 'interval',
  range: { min: 0, max: 40, step: 1 },
  direction: 'lower_is_better',
  source: 'Babor et al. (2001), AUDIT: Guidelines for use in primary care, WHO/MSD/MSB/01.6a.',
};

/**
 * DUDIT, the Drug Use Disorders Identification Test: 11 questions, sum score
 * 0–44, lower is better.
 *
 * It has no `minimalImportantChange`: Berman et al. (2005) validate DUDIT as
 * a screening instrument and give cut-offs (6 for men and 2 for women for
 * drug-related problems, 25 for probable dependence), and we know of no
 * published minimal important change of its sum score. A plan that measures
 * it before and after must set its own in `minimalChange`
 * ({@link NO_PUBLISHED_MINIMAL_CHANGE}).
 *
 * @see Berman, Bergman, Palmstierna & Schlyter (2005). Evaluation of the DUDIT in criminal justice and detoxification settings and in a Swedish population sample. Eur Addict Res 11:22–31.
 *
 * @example
 * ```ts
 * DUDIT.range.max;
 * // => 44
 * ```
 */
export const DUDIT: Instrument = {
  id: 'dudit',
  label: { sv: 'DUDIT (droger)', en: 'DUDIT (drugs)' },
  kind: 'interval',
  range: { min: 0, max: 44, step: 1 },
  direction: 'lower_is_better',
  source: 'Berman et al. (2005), Eur Addict Res 11:22–31.',
};

/**
 * A generic five-point rating (1 = very bad … 5 = very good), higher is
 * better, for a unit's own questions measured the same way before and after.
 *
 * @example
 * ```ts
 * RATING_5.levels?.length;
 * // => 5
 * ```
 */
export const RATING_5: Instrument = {
  id: 'skattning-5',
  label: { sv: 'Skattning i fem steg', en: 'Five-point rating' },
  kind: 'ordinal',
  range: { min: 1, max: 5, step: 1 },
  direction: 'higher_is_better',
  minimalImportantChange: 1,
  levels: smileyLevels([
    ['Mycket dåligt', 'Very bad'],
    ['Dåligt', 'Bad'],
    ['Varken bra eller dåligt', 'Neither good nor bad'],
    ['Bra', 'Good'],
    ['Mycket bra', 'Very good'],
  ]),
};

/**
 * A binary test result, such as a urine test (*urinprov*, UP) or a breath
 * test (*utandningsprov*): 0 = negative (no substance found), 1 = positive.
 * Lower is better.
 *
 * @example
 * ```ts
 * TEST_RESULT.levels?.map((l) => l.label.en);
 * // => ['Negative', 'Positive']
 * ```
 */
export const TEST_RESULT: Instrument = {
  id: 'provresultat',
  label: { sv: 'Provresultat (urin/utandning)', en: 'Test result (urine/breath)' },
  kind: 'binary',
  range: { min: 0, max: 1, step: 1 },
  direction: 'lower_is_better',
  levels: [
    { value: 0, label: { sv: 'Negativt', en: 'Negative' } },
    { value: 1, label: { sv: 'Positivt', en: 'Positive' } },
  ],
};

/**
 * The built-in instruments that have no published minimal important change
 * (AUDIT and DUDIT, screening sum scores): a plan that measures one of them
 * before and after must set the smallest change that counts in its
 * `minimalChange` (rule `required`), since the default of one step would
 * count a one-point change on a 0–40 score as an improvement.
 *
 * @example
 * ```ts
 * NO_PUBLISHED_MINIMAL_CHANGE;
 * // => ['audit', 'dudit']
 * ```
 */
export const NO_PUBLISHED_MINIMAL_CHANGE: readonly string[] = Object.freeze(['audit', 'dudit']);

/**
 * The built-in instruments, by id. A plan may use any of these by id, or
 * define its own in `plan.instruments`.
 *
 * @example
 * ```ts
 * Object.keys(BUILTIN_INSTRUMENTS);
 * // => ['tilltro-nykterhet', 'audit', 'dudit', 'skattning-5', 'provresultat']
 * ```
 */
export const BUILTIN_INSTRUMENTS: Readonly<Record<string, Instrument>> = Object.freeze({
  [CONFIDENCE_SOBRIETY.id]: CONFIDENCE_SOBRIETY,
  [AUDIT.id]: AUDIT,
  [DUDIT.id]: DUDIT,
  [RATING_5.id]: RATING_5,
  [TEST_RESULT.id]: TEST_RESULT,
});
