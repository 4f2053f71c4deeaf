export { analyse, ANALYSE_MINIMUMS, DIMENSION_LABELS } from './analyse.js';
export type { Analysis, AnalyseMinimums, AnalyseOptions, GoalMetDifference, MeasureChangeAnalysis, SubgroupComparison, SubgroupRef } from './analyse.js';
export { findingNotes, findingText, FINDING_CODES, FindingSchema } from './findings.js';
export type { Finding, FindingCode } from './findings.js';
export type { ViewAnalysis, ViewTest } from './views.js';
export type { BackgroundAnalysis, BackgroundGroup, DoseAnalysis, LevelTest, ShareTest } from './background.js';
