// Every number the report's sentences print, checked against the protected
// tables (issue 12: numbers inside sentences). A sentence may print a count of
// people only when it is a count the report's tables show (a shown count
// cell, or the n or count of a shown share), never a hidden cell and never a
// count from 1 to k − 1; every other integer must be of a kind listed in
// ALLOWED below. Counts of 1 000 and more must be written as the tables write
// them ("200 000", "200,000").
import { analyse, compile } from '../../src/index.js';
import { buildReport, type ReportModel, type ReportOptions, type ReportTable } from '../../src/report/index.js';
import { randomCohort, randomCohortPlan } from '../privacy/random-cohort.js';

/**
 * The integers a sentence may print that are not counts of people, each
 * removed from the text before the rest is read. Labels from the plan
 * (instrument names, view items, age bands, periods, follow-up points) are
 * removed first, as the model has them; then these patterns.
 */
export const ALLOWED: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
  { kind: 'date', pattern: /\d{4}-\d{2}-\d{2}/g },
  { kind: 'percentage points and their interval', pattern: /(?:skillnad på|difference of) −?\d+ (?:procentenheter|percentage points?) \(95\s?% (?:konfidensintervall|confidence interval) (?:från|from) −?\d+ (?:till|to) −?\d+\)/g },
  { kind: 'age bands (a regrouping note names the bands it merged)', pattern: /\d+(?:–\d+|\+) (?:år|years)/g },
  { kind: 'quoted label (a view item, an answer)', pattern: /[”“"][^”“"]*[”“"]/g },
  { kind: 'decimal (mean, p, correlation, scale point)', pattern: /−?\d+[,.]\d+/g },
  { kind: 'p-value', pattern: /p [=<] \d+/g },
  { kind: 'the number of groups compared', pattern: /\d+ (?:grupp|grupper|group|groups) /g },
  { kind: 'weeks pooled into periods (a note)', pattern: /(?:perioder om|periods of) \d+ (?:veckor|weeks) \((?:vecka|weeks) [\d–, ]+…\)/g },
  { kind: 'percent or percent interval', pattern: /−?\d+(?:[–-]\d+)?\s?%/g },
  { kind: 'scale', pattern: /(?:skala|scale) \d+–\d+/g },
  { kind: 'k ("färre än 5")', pattern: /(?:[Ff]ärre än|[Ff]ewer than) \d+/g },
  { kind: 'a method\'s minimum ("minst 6 behövs")', pattern: /(?:minst|at least) \d+ (?:behövs|needed|med bedömda|with classified)/g },
  { kind: 'the number of comparisons (Holm)', pattern: /(?:justering för|adjustment for) \d+ (?:jämförelser|comparisons)/g },
  { kind: 'the number of tests in a table', pattern: /(?:de|the) \d+ (?:testen|tests)/g },
  { kind: 'the number of statements left out', pattern: /\d+ (?:påståenden?|statements?)/g },
  { kind: 'week numbers', pattern: /(?:veckorna|weeks|vecka|week) \d+(?:–\d+)?|(?:de första|the first) \d+ (?:veckorna|weeks)/g },
  { kind: 'the smallest change that counts', pattern: /(?:minst|at least) \d+ \((?:den|the)/g },
];

/** A count as the tables write it: digits in groups of three with a no-break space (sv) or comma (en). */
const COUNT = /\d{1,3}(?:(?:\u00a0|,)\d{3})+(?![\d,])|\d+/g;

/** The counts a model's tables show, by table id: count cells, the n and count of shares, whole-number statistics (a test's n). */
export function shownCounts(table: ReportTable): Set<number> {
  const out = new Set<number>();
  for (const row of table.rows) {
    for (const c of row.cells) {
      if (c.kind === 'count' && !('suppressed' in c.value)) out.add(c.value.value);
      if (c.kind === 'share' && !('suppressed' in c.share)) out.add(c.share.denominator).add(c.share.numerator);
      if (c.kind === 'number' && !c.suppressed && c.value !== null && c.digits === 0) out.add(c.value);
    }
  }
  return out;
}

/** Every text of the model a reader sees as a sentence, with the tables it may speak about. */
export function sentencesOf(model: ReportModel): { where: string; text: string; tables: readonly ReportTable[] }[] {
  const all = model.sections.flatMap((s) => s.tables);
  const attainmentTotal = all.filter((t) => t.id === 'attainment-total');
  return [
    ...model.header.map((h) => ({ where: `header ${h.label}`, text: h.text, tables: all })),
    ...model.summary.map((text, i) => ({ where: `summary[${i}]`, text, tables: all })),
    ...model.tests.map((text, i) => ({ where: `tests[${i}]`, text, tables: all })),
    ...model.cautions.map((text, i) => ({ where: `cautions[${i}]`, text, tables: all })),
    // A section's sentences speak about its tables; the background section's tests also about the attainment total (a test's n is its n).
    ...model.sections.flatMap((s) =>
      (s.text ?? []).map((text, i) => ({ where: `${s.id}.text[${i}]`, text, tables: s.id === 'background' ? [...s.tables, ...attainmentTotal] : s.tables })),
    ),
    ...model.sections.flatMap((s) => s.tables.flatMap((t) => (t.note === undefined ? [] : [{ where: `${t.id}.note`, text: t.note, tables: [t] }]))),
  ];
}

/** Names from the plan and the tables that may hold digits ("18–29 år", "AUDIT-C", "12 månader efter avslut"), longest first. */
function labelsOf(model: ReportModel, extra: readonly string[]): string[] {
  const labels = new Set<string>([model.title, model.instrument, ...extra]);
  for (const s of model.sections) {
    labels.add(s.title);
    for (const t of s.tables) {
      labels.add(t.title);
      for (const c of t.columns) labels.add(c);
      for (const r of t.rows) labels.add(r.label);
    }
  }
  // A bare number (a scale value's row, "5") is not a name: only labels with a letter and a digit.
  return [...labels].filter((l) => /\d/.test(l) && /\p{L}/u.test(l)).sort((a, b) => b.length - a.length);
}

/** One number a sentence prints that breaks the rules. */
export interface Problem {
  readonly where: string;
  readonly text: string;
  readonly value: string;
  readonly why: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The numbers in the model's sentences that break the rules: a count not
 * shown by the tables the sentence speaks about (its section's, or any table
 * for the header, summary, tests and cautions), a count from 1 to k − 1, or a
 * count of 1 000 or more written without the tables' grouping. `labels`: more
 * names that may hold digits (the plan's labels the model does not repeat,
 * e.g. the follow-up points and periods).
 */
export function sentenceProblems(model: ReportModel, labels: readonly string[] = []): Problem[] {
  const names = labelsOf(model, labels);
  const problems: Problem[] = [];
  for (const { where, text, tables } of sentencesOf(model)) {
    // The allowed kinds first (a week label must not break "vecka 1–8, 9–16"), then the names, then the kinds again (a name may have hidden one).
    let rest = text;
    for (const { pattern } of ALLOWED) rest = rest.replace(pattern, ' ');
    for (const name of names) rest = rest.replace(new RegExp(escapeRegExp(name), 'gi'), ' ');
    for (const { pattern } of ALLOWED) rest = rest.replace(pattern, ' ');
    const shown = new Set(tables.flatMap((t) => [...shownCounts(t)]));
    for (const m of rest.matchAll(COUNT)) {
      const written = m[0];
      const value = Number(written.replace(/[\u00a0,]/g, ''));
      if (value >= 1000 && !/[\u00a0,]/.test(written)) problems.push({ where, text, value: written, why: 'not grouped as the tables write counts' });
      if (model.k > 1 && value >= 1 && value < model.k) problems.push({ where, text, value: written, why: `a count below k = ${model.k}` });
      else if (!shown.has(value)) problems.push({ where, text, value: written, why: 'not a count the tables show' });
    }
  }
  return problems;
}

/** The options of a seed's report: k 3, 5 or 10, with and without regrouping, both languages. */
export function optionsOf(seed: number, locale: 'sv' | 'en'): ReportOptions {
  return { locale, plan: randomCohortPlan, date: '2021-06-15', k: [5, 3, 10][seed % 3]!, regroup: seed % 4 !== 3 };
}

/** The problems of one random cohort's reports, in both languages, as lines for a failing test's message. */
export function cohortProblems(seed: number): string[] {
  const cohort = randomCohort(seed);
  const compilation = compile(randomCohortPlan, cohort.records);
  const analysis = analyse(compilation);
  return (['sv', 'en'] as const).flatMap((locale) =>
    sentenceProblems(buildReport(compilation, optionsOf(seed, locale), analysis)).map(
      (p) => `seed ${seed} (${cohort.size}, ${cohort.skew}) ${locale} ${p.where}: ${p.value} ${p.why} in "${p.text}"`,
    ),
  );
}
