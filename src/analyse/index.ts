export { analyse, DIMENSION_LABELS } from './analyse.js';
export type { Analysis, AnalyseOptions, SubgroupComparison } from './analyse.js';
export { findingText, FINDING_CODES } from './findings.js';
export type { Finding, FindingCode } from './findings.js';
