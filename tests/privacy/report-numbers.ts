// The numbers inside a report's sentences (issue 12, item 1): the summary,
// the tests, the cautions, the sections' texts, the tables' notes and the
// header's lines. Every integer printed there is either a count the model
// shows in a table (a shown count cell, or a shown share's numerator or n),
// or a number of an allowed kind that is not a count of people. The kinds are
// listed in ALLOWED, each recognised by its context in the sentence; anything
// else is a count printed in words that the tables do not show, which an
// attacker reads as a published cell. For tests only.
import type { ReportModel } from '../../src/report/index.js';

/** The kinds of printed integers that are not counts of people, each with how it is recognised. */
export const ALLOWED = {
  decimal: 'part of a decimal number (a mean, a statistic, a p-value): digits joined by a decimal comma or point',
  percent: 'a percentage or percentage points: followed by % / procent / procentenheter / percentage (or by a range ending in %)',
  interval: 'a bound of a confidence interval: inside the parenthesis after konfidensintervall / confidence interval',
  date: 'a year or a date: four digits from 1900 to 2100, or a yyyy-mm-dd date',
  week: 'a week number or a number of weeks: next to vecka/veckor/veckorna/week/weeks',
  scale: 'a scale bound: within "skala a–b" / "scale a–b" or "(a–b)" after a measure',
  threshold: 'the threshold k: "färre än k" / "fewer than k", or "k ="',
  comparisons: 'the number of tests adjusted for: before "jämförelser" / "comparisons"',
  statistic: 'a test statistic, p-value or degrees of freedom: after "=" following p, U, W, V, H, t, z, df, χ², chi2, r',
  duration: 'a follow-up point or a duration: before år / månader / mån / years / months',
  age: 'an age band\'s bound: "45+ år" / "45+ years", or "18–29 år" / "18–29 years"',
  items: 'a number of statements, tests or groups of the report (not of people): before påstående(n) / testen / grupp(er) / statement(s) / tests / group(s)',
  minimum: 'a rule\'s minimum (a minimal change, the groups a test needs): after minst / at least',
  level: 'an answer or scale value named in words: "svar n" / "värde n"',
} as const;
export type AllowedKind = keyof typeof ALLOWED;

/** One integer printed in a sentence: where, its value, and its kind (null when it must be a shown count). */
export interface PrintedNumber {
  readonly where: string;
  readonly sentence: string;
  readonly value: number;
  readonly kind: AllowedKind | null;
}

/** Every sentence of the model with where it is. */
export function sentences(model: ReportModel): { where: string; text: string }[] {
  return [
    ...model.summary.map((text, i) => ({ where: `summary[${i}]`, text })),
    ...model.tests.map((text, i) => ({ where: `tests[${i}]`, text })),
    ...model.cautions.map((text, i) => ({ where: `cautions[${i}]`, text })),
    ...model.header.map((h, i) => ({ where: `header[${i}] ${h.label}`, text: h.text })),
    ...model.sections.flatMap((s) => [
      ...(s.text ?? []).map((text, i) => ({ where: `${s.id}.text[${i}]`, text })),
      ...s.tables.flatMap((t) => (t.note === undefined ? [] : [{ where: `${t.id}.note`, text: t.note }])),
    ]),
  ];
}

// Digits with thousands separated by a (narrow, no-break) space, as the reports print 2 876.
const NUMBER = /\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,.]\d)|\d+/g;

/** The kind of the integer at [start, end) of `text`, or null. */
function kindAt(text: string, start: number, end: number): AllowedKind | null {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 30);
  const token = text.slice(start, end);
  if (/[,.]$/.test(before) && /\d$/.test(text.slice(0, start - 1)) || /^[,.]\d/.test(after)) return 'decimal';
  if (/^\s?(%|procent|percentage)/i.test(after) || /^\s*[–-]\s*\d+\s?%/.test(after)) return 'percent';
  if (/(konfidensintervall|confidence interval)[^()]*$/i.test(before)) return 'interval';
  if (/^\d{4}$/.test(token) && Number(token) >= 1900 && Number(token) <= 2100) return 'date';
  if (/^-\d{2}/.test(after) || /\d{4}-(\d{2}-)?$/.test(before)) return 'date';
  if (/(vecka|veckor|veckorna|week|weeks)\s*[\d–\-, ]*$/i.test(before) || /^(\s*[–-]\s*\d+)?\s*(första\s+)?(vecka|veckor|veckorna|week|weeks)/i.test(after)) return 'week';
  if (/(skala|scale)\s*(\d+\s*[–-]\s*)?$/i.test(before)) return 'scale';
  if (/(färre än|fewer than|k\s*=)\s*$/i.test(before)) return 'threshold';
  if (/^\s*(jämförelser|comparisons)/i.test(after)) return 'comparisons';
  if (/(\b[pUWVHtzr]|df|χ²|chi2)\s*[=≈<>]\s*[−-]?$/.test(before)) return 'statistic';
  if (/^\s*(år|månader|mån|years?|months?)(\s|[.,;:)]|$)/i.test(after)) return 'duration';
  if (/^\+\s*(år|years?)(\s|[.,;:)]|$)/i.test(after) || /^\s*[–-]\s*\d+\s*(år|years?)(\s|[.,;:)]|$)/i.test(after)) return 'age';
  if (/^\s*(påståenden|påstående|testen|grupper|grupp|statements?|tests|groups?)(\s|[.,;:)]|$)/i.test(after)) return 'items';
  if (/(minst|at least)\s*$/i.test(before)) return 'minimum';
  if (/(svar|värde|answer|value)\s*$/i.test(before)) return 'level';
  return null;
}

/** Every integer printed in the model's sentences, with its kind. */
export function printedNumbers(model: ReportModel): PrintedNumber[] {
  return sentences(model).flatMap(({ where, text }) =>
    [...text.matchAll(NUMBER)].map((m) => ({ where, sentence: text, value: Number(m[0].replace(/\D/g, '')), kind: kindAt(text, m.index!, m.index! + m[0].length) })),
  );
}

/** The counts the model shows in its tables: shown count cells, and shown shares' numerators and n. */
export function shownCounts(model: ReportModel): Set<number> {
  const out = new Set<number>();
  for (const s of model.sections)
    for (const t of s.tables)
      for (const r of t.rows)
        for (const c of r.cells) {
          if (c.kind === 'count' && 'value' in c.value) out.add(c.value.value);
          if (c.kind === 'share' && !('suppressed' in c.share)) {
            out.add(c.share.numerator);
            out.add(c.share.denominator);
          }
        }
  return out;
}

/** The integers printed in sentences that are neither an allowed kind nor a count the tables show. */
export function unshownNumbers(model: ReportModel): PrintedNumber[] {
  const shown = shownCounts(model);
  return printedNumbers(model).filter((p) => p.kind === null && !shown.has(p.value));
}
