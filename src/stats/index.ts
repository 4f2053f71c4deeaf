export { STATS_RULES } from './rules.js';
export { statsMessages } from '../locales/stats.js';
export type { StatsRule } from './rules.js';
export {
  STATS_METHODS,
  STATS_METHOD_LABELS,
  STATS_NOTE_CODES,
  methodLabel,
  noteText,
} from './methods.js';
export type { StatsMethod, StatsNote, StatsNoteCode } from './methods.js';
export { wilsonInterval, clopperPearsonInterval, shareWithInterval, newcombeDifference, riskDifference } from './proportion.js';
export type {
  ShareInterval,
  ShareIntervalOptions,
  ShareWithIntervalOptions,
  ShareDifference,
  SuccessCount,
} from './proportion.js';
export { wilcoxonSignedRank, signTest, binomialTest, pairedTTest, mcnemarTest } from './paired.js';
export type { TestResult, Alternative, Interval } from './result.js';
export {
  AlternativeSchema,
  CorrectSchema,
  ExactSchema,
  ConfidenceSchema,
  SignTestOptionsSchema,
  BinomialTestOptionsSchema,
  WilcoxonSignedRankOptionsSchema,
  PairedTTestOptionsSchema,
  McNemarOptionsSchema,
  CohenDzOptionsSchema,
  FisherOptionsSchema,
  TwoSampleTTestOptionsSchema,
  MannWhitneyOptionsSchema,
  ChiSquareOptionsSchema,
} from './options.js';
export type {
  SignTestOptions,
  BinomialTestOptions,
  WilcoxonSignedRankOptions,
  PairedTTestOptions,
  McNemarOptions,
  CohenDzOptions,
} from './options.js';
export type {
  WilcoxonSignedRankResult,
  SignTestResult,
  BinomialTestResult,
  PairedTTestResult,
  McNemarResult,
} from './paired.js';
export { fisherExact2x2 } from './fisher.js';
export type { Table2x2, FisherOptions, FisherResult } from './fisher.js';
export { chiSquareIndependence } from './chi-square.js';
export type { ChiSquareOptions, ChiSquareResult } from './chi-square.js';
export { mannWhitneyU } from './mann-whitney.js';
export type { MannWhitneyOptions, MannWhitneyResult } from './mann-whitney.js';
export { twoSampleTTest } from './t-test.js';
export type { TwoSampleTTestOptions, TwoSampleTTestResult } from './t-test.js';
export { kruskalWallis } from './kruskal-wallis.js';
export type { KruskalWallisOptions, KruskalWallisResult } from './kruskal-wallis.js';
export { kendallTauB } from './kendall.js';
export type { KendallTauBOptions, KendallTauBResult } from './kendall.js';
export { cohenDz, cohenDav, hedgesGav, rankBiserialPaired } from './effect.js';
export type { EffectSize, CohenDzResult, CohenDavResult, RankBiserialResult } from './effect.js';
export { reliableChangeIndex, clinicalCutoffs, classifyIndividualChange, gasTScore } from './individual.js';
export type {
  ScaleDirection,
  ReliableChangeOptions,
  ReliableChange,
  Norm,
  ClinicalCutoffsInput,
  ClinicalCutoffs,
  IndividualChangeClass,
  ClassifyChangeOptions,
  IndividualChange,
  GasOptions,
  GasTScore,
} from './individual.js';
export { holm } from './adjust.js';
export { expandHistogram, expandCounts, pairedDifferences } from './histogram.js';
export type { HistogramBin, CountsScale } from './histogram.js';
