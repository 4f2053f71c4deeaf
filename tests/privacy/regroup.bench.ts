// Regrouping before hiding, measured: `npm run bench:regroup`. Seeded random cohorts of 5–400
// clients (sizes drawn log-uniformly, so most are small), each a slice of Björkebo-like cohorts drawn
// from their own seeds. Prints, per cohort and in all, the share of count cells and of shares that a
// published report shows with hiding alone (regroup: false) and with regrouping first, and the
// whole-report attacker's disclosed cells on the regrouped report (must be 0).
import { compile, parsePlan, seededRandom, type ClientRecord } from '../../src/index.js';
import { buildReport, type ReportModel } from '../../src/report/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';
import { attackReport } from './report-attacker.js';

const COHORTS = Number(process.env.COHORTS ?? 24);
// The integer program grows with the hidden cells: the attacker runs on cohorts up to this size (ATTACK_MAX=0: none).
const ATTACK_MAX = Number(process.env.ATTACK_MAX ?? 60);
const plan = parsePlan(bjorkeboPlan);
const random = seededRandom('bench-regroup');

function cohort(size: number, seed: number): ClientRecord[] {
  const out: ClientRecord[] = [];
  for (let part = 0; out.length < size; part++) out.push(...bjorkeboCohort(plan, `regroup-${seed}-${part}`));
  return out.slice(0, size);
}

/** Shown and total, for count cells and for shares. */
function cells(model: ReportModel) {
  const c = { counts: 0, countsShown: 0, shares: 0, sharesShown: 0 };
  for (const s of model.sections)
    for (const t of s.tables)
      for (const r of t.rows)
        for (const cell of r.cells) {
          if (cell.kind === 'count') {
            c.counts++;
            if (!('suppressed' in cell.value)) c.countsShown++;
          } else if (cell.kind === 'share') {
            c.shares++;
            if (!('suppressed' in cell.share)) c.sharesShown++;
          }
        }
  return c;
}

const pct = (a: number, b: number) => `${b === 0 ? '–' : ((a / b) * 100).toFixed(0)} %`;
const sum = { before: cells({ sections: [] } as unknown as ReportModel), after: cells({ sections: [] } as unknown as ReportModel) };
let disclosures = 0;
let regroupedTables = 0;
for (let i = 0; i < COHORTS; i++) {
  const size = Math.round(Math.exp(Math.log(5) + random() * (Math.log(400) - Math.log(5))));
  const compilation = compile(plan, cohort(size, i));
  const before = cells(buildReport(compilation, { regroup: false }));
  const model = buildReport(compilation);
  const after = cells(model);
  const regrouped = model.sections.flatMap((s) => s.tables).filter((t) => t.note !== undefined).map((t) => t.id);
  regroupedTables += regrouped.length;
  const disclosed = size <= ATTACK_MAX ? attackReport(model).disclosed : undefined;
  disclosures += disclosed?.length ?? 0;
  for (const key of Object.keys(before) as (keyof typeof before)[]) {
    sum.before[key] += before[key];
    sum.after[key] += after[key];
  }
  console.log(
    `n=${String(size).padStart(3)}: counts shown ${pct(before.countsShown, before.counts)} → ${pct(after.countsShown, after.counts)}, ` +
      `shares shown ${pct(before.sharesShown, before.shares)} → ${pct(after.sharesShown, after.shares)}; regrouped: ${regrouped.join(', ') || '–'}; disclosed ${disclosed === undefined ? 'not attacked' : disclosed.length}`,
  );
}
console.log(
  `\n${COHORTS} cohorts: count cells shown ${pct(sum.before.countsShown, sum.before.counts)} (${sum.before.countsShown}/${sum.before.counts}) → ` +
    `${pct(sum.after.countsShown, sum.after.counts)} (${sum.after.countsShown}/${sum.after.counts}); shares shown ${pct(sum.before.sharesShown, sum.before.shares)} ` +
    `(${sum.before.sharesShown}/${sum.before.shares}) → ${pct(sum.after.sharesShown, sum.after.shares)} (${sum.after.sharesShown}/${sum.after.shares}); ` +
    `tables regrouped ${regroupedTables}; attacker's disclosed cells ${disclosures} (cohorts up to ${ATTACK_MAX} attacked)`,
);
if (disclosures > 0) process.exitCode = 1;
