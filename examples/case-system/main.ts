/**
 * A case system with the follow-up built in, end to end on a real
 * PostgreSQL database (PGlite: in-process, nothing to install or start):
 * a year of synthetic changes stored step by step, the due list as SQL, and
 * the compilation streamed from a cursor. Deterministic: the same output on
 * every run.
 *
 * Run: npm run example:case-system   (or: npx tsx examples/case-system/main.ts [--en])
 */
import type { Locale } from '../../src/index.js';
import { runCaseSystem } from './run.js';

const locale: Locale = process.argv.includes('--en') ? 'en' : 'sv';
const sv = locale === 'sv';
const run = await runCaseSystem(locale);
try {
  const { entered, stored, refused } = run.changes;
  console.log(
    sv
      ? `Ändringar inmatade: ${entered}; sparade: ${stored}; avvisade av stegfunktionerna (inget sparat): ${refused}.`
      : `Changes entered: ${entered}; stored: ${stored}; refused by the step functions (nothing stored): ${refused}.`,
  );
  if (run.firstRefusal.length > 0) {
    console.log(sv ? 'Första avvisningen, som formuläret visar den:' : 'The first refusal, as the form shows it:');
    for (const line of run.firstRefusal) console.log(`  ${line}`);
  }
  // The due list names clients, so it belongs in the case system's worklist, not in a printout:
  // here only how many each worker has due, and at which point.
  const perWorker = new Map<string, number>();
  for (const row of run.week.due) perWorker.set(`${row.closedBy} (${row.point})`, (perWorker.get(`${row.closedBy} (${row.point})`) ?? 0) + 1);
  console.log(
    sv
      ? `\nAtt följa upp veckan ${run.week.from} – ${run.week.to}: ${run.week.due.length} mätningar.`
      : `\nDue for follow-up in the week ${run.week.from} – ${run.week.to}: ${run.week.due.length} measurements.`,
  );
  for (const [who, n] of [...perWorker].sort()) console.log(`  ${who}: ${n}`);
  console.log(
    sv
      ? `\nSammanställd från databasens markör: ${run.equalsInMemory ? 'lika med' : 'SKILJER SIG FRÅN'} sammanställningen i minnet.`
      : `\nCompiled from the database cursor: ${run.equalsInMemory ? 'equal to' : 'DIFFERENT FROM'} the compilation in memory.`,
  );
  console.log(`\n${run.text}`);
  if (!run.equalsInMemory) process.exitCode = 1;
} finally {
  await run.db.close();
}
