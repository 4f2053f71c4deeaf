/**
 * The Björkebo F-CRA follow-up, all six steps, end to end:
 *   1 plan → 2 before → 3 during → 4 after (the synthetic cohort) →
 *   5 compile → 6 analyse, then the compiled table printed and a report written.
 *
 * Run: npm start   (or: npx tsx examples/bjorkebo-fcra/main.ts [--en])
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, parsePlan, selectClients, tabulate, type Locale } from '../../src/index.js';
import { bjorkeboPlan } from './plan.js';
import { bjorkeboCohort } from './cohort.js';
import { printTable, markdownReport } from './present.js';

const locale: Locale = process.argv.includes('--en') ? 'en' : 'sv';
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');

// Step 1: the plan is data, validated once at the boundary.
const plan = parsePlan(bjorkeboPlan);

// Steps 2–4: a synthetic cohort built through enrol/before/during/after/withdraw.
const records = bjorkeboCohort(plan);
const selected = selectClients(plan, records.map((r) => ({ clientId: r.clientId })));
if (!selected.success || selected.data.length !== records.length) throw new Error('selection failed');

// Step 5: compile in one pass.
const compilation = compile(plan, records);

// Step 6 and the table.
const total = tabulate(compilation);
const byGender = tabulate(compilation, { by: ['gender'] });
const byAge = tabulate(compilation, { by: ['ageBand'] });
console.log(printTable([total.total, ...byGender.rows, ...byAge.rows], locale));

mkdirSync(out, { recursive: true });
const file = join(out, locale === 'sv' ? 'rapport.md' : 'report.md');
writeFileSync(file, markdownReport(compilation, locale));
writeFileSync(join(out, 'sammanstallning.json'), JSON.stringify(compilation));
console.log(`\n${locale === 'sv' ? 'Rapport skriven till' : 'Report written to'} ${file}`);
