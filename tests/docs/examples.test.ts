/**
 * Runs every ```ts block of the TSDoc `@example`s in src (src/cli has no
 * exported API; src/stats has its own runner, tests/stats/examples.test.ts,
 * on the same helper), so that a documented result cannot drift from what
 * the code returns. The machinery is tests/helpers/doctest.ts.
 *
 * The conventions an example follows:
 *
 * - A block runs as a sequence of statements, its TypeScript removed by the
 *   compiler, inside an async function: `await` works at its top level.
 * - `// => value` checks the expression statement on the same line, or on the
 *   code line above (a `const name = …` above is checked by its value). The
 *   value may continue on the next `//` lines while its brackets are open.
 * - The value is a literal: a number (`0.4333…`: the digits shown start the
 *   actual value's, `2.9535…e-7` in that exponent), a string (`'abc…'`: a
 *   prefix), true, false, null, undefined, an object (only the keys shown are
 *   checked; `{}` is empty) or an array (`…` as its last element allows more;
 *   `…` as a value or key accepts anything). `// => throws Name: rule` checks
 *   that it throws (or rejects with) the error named, with an issue of that
 *   rule.
 * - After the value, only a remark in parentheses may follow, and is not
 *   checked: `// => 'primary' (3 is below k = 5)`.
 * - A block that cannot run (it reads a file the test does not have, or calls
 *   a host system's own function) starts with the line
 *   `// (not run: <reason>)`; it is skipped and counted.
 *
 * The free names an example may use, besides every export of src/index.ts
 * and src/report/index.ts, are those of {@link scope} below: the Björkebo
 * example (examples/bjorkebo-fcra), its plan, cohort and compilation, and
 * one client (`k-01`) at each step.
 */
import { afterAll, describe } from 'vitest';
import { readdirSync } from 'node:fs';
import * as api from '../../src/index.js';
import * as report from '../../src/report/index.js';
import * as pooled from '../../src/report/_lib/pooled.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { doctests } from '../helpers/doctest.js';
import { TEST_KEY } from '../helpers/keys.js';

const root = new URL('../../', import.meta.url);

/** Directories with a runner of their own, or with no exported API. */
const ELSEWHERE = ['src/cli/', 'src/stats/'];

const files = readdirSync(new URL('src/', root), { recursive: true, encoding: 'utf8' })
  .map((f) => `src/${f.replaceAll('\\', '/')}`)
  .filter((f) => f.endsWith('.ts') && !ELSEWHERE.some((d) => f.startsWith(d)))
  .sort();

let cached: Record<string, unknown> | undefined;

/** The names in scope of every example, built once. */
function scope(): Record<string, unknown> {
  if (cached) return cached;
  const plan = api.parsePlan(bjorkeboPlan);
  const records = bjorkeboCohort(plan);
  const compilation = api.compile(plan, records);
  /** Client k-01, enrolled but not started: the record `before` takes. */
  const enrolledRecord = api.enrol(plan, { clientId: 'k-01', intervention: 'f-cra', enrolled: '2019-01-07', gender: 'man', age: 34 });
  /** k-01 started on 2019-01-14 with a goal and the primary measure 2: the record `during`, `after` and `withdraw` take. */
  const record = api.before(plan, enrolledRecord, {
    date: '2019-01-14',
    mainProblem: 'alkohol',
    goals: [{ area: 'sysselsattning', statement: 'Börja praktik två dagar i veckan' }],
    measures: { 'tilltro-nykterhet': 2 },
  });
  cached = {
    ...api,
    ...report,
    // The internal pooled-report helpers, whose examples run too.
    ...pooled,
    /** The plan's input, as written in examples/bjorkebo-fcra/plan.ts. */
    bjorkeboPlanInput: bjorkeboPlan,
    plan,
    /** The 40 records of the cohort. */
    records,
    compilation,
    /** The report model of the compilation (Swedish). */
    model: report.buildReport(compilation),
    enrolledRecord,
    record,
    startedRecord: record,
    /** k-01 closed on 2019-06-10 with the primary measure 4 and the goal met. */
    closedRecord: api.after(plan, record, { date: '2019-06-10', reason: 'completed', measures: { 'tilltro-nykterhet': 4 }, goalsMet: [true] }),
    /** k-01 withdrawn on 2019-03-02 after a breakdown. */
    withdrawnRecord: api.withdraw(plan, record, { date: '2019-03-02', reason: 'breakdown' }),
    /** A pseudonymisation key: 32 fixed bytes that pass the key rules (tests/helpers/keys.ts). */
    key: TEST_KEY,
    /** console.log in an example prints nothing. */
    console: { log: () => undefined },
  };
  return cached;
}

describe('every @example in src runs and shows what the code returns', () => {
  const blocks = doctests(root, files, scope);
  afterAll(() => {
    const skipped = blocks.filter((b) => b.notRun !== undefined).length;
    console.log(`TSDoc examples: ${blocks.length - skipped} run, ${skipped} not run (marked // (not run: …))`);
  });
});
