import { z } from 'zod';
import type { Issue } from '../core/issue.js';
import { openIssues, parseArg, positiveIssues, throwIfAny } from '../core/args.js';

/**
 * The options of the statistics functions, as zod schemas: the schemas are
 * the source of the option types, and every test names a shared option the
 * same way. An options object is checked once, before any work, and its
 * issues come through core's zod translation with the same rule codes and
 * paths as the library's other checks (`one_of`, `finite`, `open_interval`,
 * `type`, `unknown_key`, path `options.<field>`).
 */

/** Re-emits hand-written checks (issues relative to the value) as zod issues, so that the rule codes stay the library's own. */
function fromChecks<T>(checks: (value: unknown) => Issue[]) {
  return z.custom<T>().superRefine((value, ctx) => {
    for (const i of checks(value)) {
      ctx.addIssue({ code: 'custom', path: [...i.path], input: value, params: { rule: i.rule, ...i.params } });
    }
  });
}

/**
 * The alternative hypothesis, `two-sided` (default), `greater` or `less`
 * (see {@link Alternative}).
 *
 * @example
 * ```ts
 * AlternativeSchema.parse(undefined); // => 'two-sided'
 * AlternativeSchema.parse('less'); // => 'less'
 * ```
 */
export const AlternativeSchema = z.enum(['two-sided', 'greater', 'less']).default('two-sided');

/**
 * Whether to use a continuity correction: `true` or `false` (a choice, so a
 * wrong value is `one_of`). Each test sets its own default.
 *
 * @example
 * ```ts
 * CorrectSchema.parse(false); // => false
 * ```
 */
export const CorrectSchema = z.literal([true, false]);

/**
 * Whether a test uses its exact distribution: `true`, `false`, or `'auto'`
 * (the test's documented rule; see docs/statistics.md). Default `'auto'`.
 *
 * @example
 * ```ts
 * ExactSchema.parse(undefined); // => 'auto'
 * ExactSchema.parse(true); // => true
 * ```
 */
export const ExactSchema = z.literal(['auto', true, false]).default('auto');

/**
 * A confidence level, strictly between 0 and 1 (`open_interval` outside,
 * `finite` for anything that is not a finite number). Default 0.95.
 *
 * @example
 * ```ts
 * ConfidenceSchema.parse(undefined); // => 0.95
 * ConfidenceSchema.parse(0.9); // => 0.9
 * ```
 */
export const ConfidenceSchema = fromChecks<number>((v) => openIssues(v, [])).default(0.95);

/**
 * Checks an options argument with its schema and returns it with the defaults
 * filled in; throws one UppfoljningError with every issue (path
 * `options.<field>`) otherwise. Left out (`undefined`) means all defaults.
 *
 * @internal
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const parsed = parseArg(schema, options === undefined ? {} : options, ['options']);
  throwIfAny(parsed.issues);
  return parsed.value;
}

/** A number strictly between 0 and 1 with no default (a hypothesised probability). */
const OpenUnitSchema = fromChecks<number>((v) => openIssues(v, []));

/**
 * Options of {@link signTest}: `alternative` (default `two-sided`;
 * `greater`: positive differences are more likely than negative ones).
 *
 * @example
 * ```ts
 * SignTestOptionsSchema.parse({}); // => { alternative: 'two-sided' }
 * ```
 */
export const SignTestOptionsSchema = z.strictObject({ alternative: AlternativeSchema });
/**
 * Options of {@link signTest}, as given (every field optional).
 *
 * @example
 * ```ts
 * const options: SignTestOptions = { alternative: 'greater' };
 * ```
 */
export type SignTestOptions = z.input<typeof SignTestOptionsSchema>;

/**
 * Options of {@link binomialTest}: `p`, the probability of success under the
 * null hypothesis (default ½, strictly between 0 and 1), `alternative`, and
 * `confidence` of the Clopper–Pearson interval (default 0.95).
 *
 * @example
 * ```ts
 * BinomialTestOptionsSchema.parse({ p: 0.25 }); // => { p: 0.25, alternative: 'two-sided', confidence: 0.95 }
 * ```
 */
export const BinomialTestOptionsSchema = z.strictObject({
  p: OpenUnitSchema.default(0.5),
  alternative: AlternativeSchema,
  confidence: ConfidenceSchema,
});
/**
 * Options of {@link binomialTest}, as given.
 *
 * @example
 * ```ts
 * const options: BinomialTestOptions = { p: 0.25, alternative: 'less' };
 * ```
 */
export type BinomialTestOptions = z.input<typeof BinomialTestOptionsSchema>;

/**
 * Options of {@link wilcoxonSignedRank}: `alternative`; `exact` (`auto`,
 * default: the exact distribution below 50 non-zero differences, conditional
 * on the mid-ranks when there are ties; `true` forces it up to n = 400,
 * `false` the normal approximation); `correct`, the continuity correction of
 * the normal approximation (default true, as R); `zeroMethod`: `wilcox`
 * (default, as R) drops zero differences, `pratt` ranks them and leaves them
 * out of the statistic.
 *
 * @example
 * ```ts
 * WilcoxonSignedRankOptionsSchema.parse({ exact: false });
 * // => { alternative: 'two-sided', exact: false, correct: true, zeroMethod: 'wilcox' }
 * ```
 */
export const WilcoxonSignedRankOptionsSchema = z.strictObject({
  alternative: AlternativeSchema,
  exact: ExactSchema,
  correct: CorrectSchema.default(true),
  zeroMethod: z.enum(['wilcox', 'pratt']).default('wilcox'),
});
/**
 * Options of {@link wilcoxonSignedRank}, as given.
 *
 * @example
 * ```ts
 * // Rank the zero with the rest (as coin) instead of dropping it (as R).
 * const options: WilcoxonSignedRankOptions = { zeroMethod: 'pratt' };
 * const w = wilcoxonSignedRank([1, 2, 0, 3, 4, -1, 2, 1], options) as WilcoxonSignedRankResult;
 * w.statistic; // => 32
 * ```
 */
export type WilcoxonSignedRankOptions = z.input<typeof WilcoxonSignedRankOptionsSchema>;

/**
 * Options of {@link pairedTTest}: `alternative` and `confidence` of the
 * interval for the mean difference (default 0.95).
 *
 * @example
 * ```ts
 * PairedTTestOptionsSchema.parse({}); // => { alternative: 'two-sided', confidence: 0.95 }
 * ```
 */
export const PairedTTestOptionsSchema = z.strictObject({ alternative: AlternativeSchema, confidence: ConfidenceSchema });
/**
 * Options of {@link pairedTTest}, as given.
 *
 * @example
 * ```ts
 * const options: PairedTTestOptions = { confidence: 0.9 };
 * const t = pairedTTest([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4], options) as PairedTTestResult;
 * [t.interval.lower, t.interval.upper]; // => [0.8669…, 2.2930…]
 * ```
 */
export type PairedTTestOptions = z.input<typeof PairedTTestOptionsSchema>;

/**
 * Options of {@link mcnemarTest}: `exact` (`auto`, default: exact binomial
 * below 25 discordant pairs), `correct`, the continuity correction of the
 * chi-square form (default true, as R's `mcnemar.test`; `false` gives the
 * textbook uncorrected statistic), and `alternative` (`greater`: more pairs
 * went the b way than the c way).
 *
 * @example
 * ```ts
 * McNemarOptionsSchema.parse({}); // => { exact: 'auto', correct: true, alternative: 'two-sided' }
 * ```
 */
export const McNemarOptionsSchema = z.strictObject({
  exact: ExactSchema,
  correct: CorrectSchema.default(true),
  alternative: AlternativeSchema,
});
/**
 * Options of {@link mcnemarTest}, as given.
 *
 * @example
 * ```ts
 * // 236 discordant pairs: the default ('auto') would use chi-square.
 * const options: McNemarOptions = { exact: true };
 * const m = mcnemarTest(150, 86, options) as McNemarResult;
 * m.method; // => 'mcnemar-exact'
 * ```
 */
export type McNemarOptions = z.input<typeof McNemarOptionsSchema>;

/**
 * Options of {@link cohenDz}: `confidence` (default 0.95) and `alternative`,
 * which makes the interval one-sided (`greater`: from a lower limit to
 * `Infinity`; `less`: from `-Infinity`).
 *
 * @example
 * ```ts
 * CohenDzOptionsSchema.parse({ confidence: 0.9 }); // => { confidence: 0.9, alternative: 'two-sided' }
 * ```
 */
export const CohenDzOptionsSchema = z.strictObject({ confidence: ConfidenceSchema, alternative: AlternativeSchema });
/**
 * Options of {@link cohenDz}, as given.
 *
 * @example
 * ```ts
 * const options: CohenDzOptions = { confidence: 0.9 };
 * const d = cohenDz([1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4], options) as CohenDzResult;
 * [d.lower, d.upper]; // => [0.5446…, 1.9746…]
 * ```
 */
export type CohenDzOptions = z.input<typeof CohenDzOptionsSchema>;

/**
 * Options of {@link fisherExact2x2}: `alternative` (default `two-sided`) and the
 * `confidence` of the odds ratio's interval (default 0.95).
 *
 * @example
 * ```ts
 * FisherOptionsSchema.parse({ alternative: 'less' }); // => { alternative: 'less', confidence: 0.95 }
 * ```
 */
export const FisherOptionsSchema = z.strictObject({ alternative: AlternativeSchema, confidence: ConfidenceSchema });

/**
 * Options of {@link fisherExact2x2}, as given (every field optional).
 *
 * @example
 * ```ts
 * const options: FisherOptions = { alternative: 'greater', confidence: 0.9 };
 * const f = fisherExact2x2([[3, 1], [1, 3]], options) as FisherResult;
 * [f.interval.lower, f.interval.upper]; // => [0.4904…, Infinity]
 * ```
 */
export type FisherOptions = z.input<typeof FisherOptionsSchema>;

/**
 * Options of {@link twoSampleTTest}: `alternative` (default `two-sided`),
 * `varEqual` (default `false`: Welch's test, as R) and `confidence` (default 0.95).
 *
 * @example
 * ```ts
 * TwoSampleTTestOptionsSchema.parse({}); // => { alternative: 'two-sided', varEqual: false, confidence: 0.95 }
 * ```
 */
export const TwoSampleTTestOptionsSchema = z.strictObject({
  alternative: AlternativeSchema,
  varEqual: z.literal([true, false]).default(false),
  confidence: ConfidenceSchema,
});

/**
 * Options of {@link twoSampleTTest}, as given (every field optional).
 *
 * @example
 * ```ts
 * const options: TwoSampleTTestOptions = { varEqual: true };
 * const t = twoSampleTTest([1, 2, 3, 4], [3, 4, 5, 6], options) as TwoSampleTTestResult;
 * t.df; // => 6
 * ```
 */
export type TwoSampleTTestOptions = z.input<typeof TwoSampleTTestOptionsSchema>;

/**
 * Options of {@link mannWhitneyU}: `alternative` (default `two-sided`;
 * `greater`: values in x tend to be larger); `exact` (`auto`, default: the
 * exact distribution when both groups have fewer than 50 values, conditional on
 * the mid-ranks when there are ties; `true` forces it up to n = 400, `false`
 * the normal approximation); `correct`, the continuity correction of the
 * normal approximation (default true, as R).
 *
 * @example
 * ```ts
 * MannWhitneyOptionsSchema.parse({ exact: false }); // => { alternative: 'two-sided', exact: false, correct: true }
 * ```
 */
export const MannWhitneyOptionsSchema = z.strictObject({
  alternative: AlternativeSchema,
  exact: ExactSchema,
  correct: CorrectSchema.default(true),
});
/**
 * Options of {@link mannWhitneyU}, as given (every field optional).
 *
 * @example
 * ```ts
 * const options: MannWhitneyOptions = { exact: false };
 * const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
 * const r = mannWhitneyU(x, [1.15, 0.88, 0.9, 0.74, 1.21], options) as MannWhitneyResult;
 * r.method; // => 'mann-whitney-normal'
 * r.z; // => 1.1635…
 * ```
 */
export type MannWhitneyOptions = z.input<typeof MannWhitneyOptionsSchema>;

/**
 * Options of {@link chiSquareIndependence}: `exact` (`auto`, default: the exact
 * test when Cochran's rule fails; `true` always, when feasible; `false` never);
 * `correct`, Yates's continuity correction for a 2×2 table (default false; R's
 * `chisq.test` defaults to true); `maxSteps`, the most partial tables the exact
 * r×c enumeration may visit (default 10 million, a few seconds at most).
 *
 * @example
 * ```ts
 * ChiSquareOptionsSchema.parse({ correct: true }); // => { exact: 'auto', correct: true, maxSteps: 10000000 }
 * ```
 */
export const ChiSquareOptionsSchema = z.strictObject({
  exact: ExactSchema,
  correct: CorrectSchema.default(false),
  maxSteps: fromChecks<number>((v) => positiveIssues(v, [])).default(10_000_000),
});
/**
 * Options of {@link chiSquareIndependence}, as given (every field optional).
 *
 * @example
 * ```ts
 * // Cochran's rule fails here, so the default ('auto') would use Fisher's exact test.
 * const options: ChiSquareOptions = { exact: false };
 * const r = chiSquareIndependence([[3, 1], [1, 3]], options) as ChiSquareResult;
 * r.method; // => 'chi-square-pearson'
 * r.pValue; // => 0.1572…
 * ```
 */
export type ChiSquareOptions = z.input<typeof ChiSquareOptionsSchema>;
