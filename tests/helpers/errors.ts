/**
 * The error a call throws, for tests of its text: `thrown(() => parsePlan(x)).format('en')`.
 * No function takes a locale for its errors (issue 9): the error's `message` is Swedish and
 * `format(locale)` renders another language.
 */
import { UppfoljningError } from '../../src/index.js';

/** The UppfoljningError that `f` throws; any other error is rethrown, and returning is a failure. */
export function thrown(f: () => unknown): UppfoljningError {
  try {
    f();
  } catch (e) {
    if (e instanceof UppfoljningError) return e;
    throw e;
  }
  throw new Error('expected an UppfoljningError, but the call returned');
}
