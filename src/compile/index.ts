export { compile, compileAsync, emptyCompilation } from './compile.js';
export type { Compilation } from './schema.js';
export { CompilationSchema, validateCompilation } from './schema.js';
export { mergeCompilations, safeMergeCompilations } from './merge.js';
export { tabulate, DIMENSIONS } from './tabulate.js';
export type { Tabulation, TabulateOptions, GroupRow, Share, CategoryCount, DuringSummary, Dimension } from './tabulate.js';
export type { Distribution } from './distribution.js';
export { MAX_HISTOGRAM_BINS, CLOSING_REASONS, UNCLASSIFIED, WITHDRAWAL_REASONS, WITHDRAWAL_STAGES, WITHDRAWAL_WEEKS } from './layout.js';
export type { CompilationMeta } from './layout.js';
