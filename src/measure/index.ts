export { InstrumentSchema, validateInstrument, defineInstrument } from './instrument.js';
export type { Instrument, InstrumentInput } from './instrument.js';
export { AUDIT, DUDIT, CONFIDENCE_SOBRIETY, RATING_5, TEST_RESULT, BUILTIN_INSTRUMENTS, NO_PUBLISHED_MINIMAL_CHANGE } from './catalogue.js';
export { classifyChange } from './change.js';
export type { ChangeDirection } from './change.js';
