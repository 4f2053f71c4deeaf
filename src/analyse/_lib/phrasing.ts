import type { Label, Locale } from '../../core/locale.js';
import type { NotComputed } from '../../core/not-computed.js';
import { describeNotComputed } from '../../locales/not-computed.js';
import type { Dimension, GroupRow } from '../../compile/tabulate.js';
import { methodLabel, type StatsMethod } from '../../stats/methods.js';

/** @internal A method's name in both languages. */
export const label = (method: StatsMethod): Label => ({ sv: methodLabel(method, 'sv'), en: methodLabel(method, 'en') });

/**
 * The dimensions' names.
 *
 * @example
 * ```ts
 * DIMENSION_LABELS.ageBand.sv;
 * // => 'åldersgrupp'
 * ```
 */
export const DIMENSION_LABELS: { readonly [D in Dimension]: Label } = {
  ageBand: { sv: 'åldersgrupp', en: 'age band' },
  gender: { sv: 'kön', en: 'gender' },
  intervention: { sv: 'insats', en: 'intervention' },
};

/** @internal */
export const WAITING: { readonly [L in Locale]: (n: number) => string } = {
  sv: (n) => `${n} väntar fortfarande på att börja`,
  en: (n) => `${n} ${n === 1 ? 'is' : 'are'} still waiting to start`,
};
/** @internal */
export const WITHDRAWN_BEFORE_START: { readonly [L in Locale]: (n: number) => string } = {
  sv: (n) => `${n} avfördes före start`,
  en: (n) => `${n} ${n === 1 ? 'was' : 'were'} withdrawn before the start`,
};

/** Plural forms of the usual gender categories, for "among women" (lower case key → plural). */
const GENDER_PLURALS: { readonly [L in Locale]: Readonly<Record<string, string>> } = {
  sv: { kvinna: 'kvinnor', man: 'män', flicka: 'flickor', pojke: 'pojkar' },
  en: { woman: 'women', man: 'men', female: 'females', male: 'males', girl: 'girls', boy: 'boys' },
};

/**
 * A subgroup as the object of "the share was 45 % …": `bland män` / `among
 * men` for the usual gender categories, `i åldersgruppen 18–29 år` / `in the
 * age band 18–29 years`, `bland dem som fick F-CRA` / `among those who
 * received F-CRA`, and `i gruppen …` / `in the group …` for a gender the
 * plan names otherwise. Labels are used as the plan writes them.
 *
 * @internal
 */
export function groupPhrase(dimension: Dimension, name: Label, locale: Locale): string {
  const text = name[locale];
  const sv = locale === 'sv';
  switch (dimension) {
    case 'ageBand':
      return sv ? `i åldersgruppen ${text}` : `in the age band ${text}`;
    case 'intervention':
      return sv ? `bland dem som fick ${text}` : `among those who received ${text}`;
    case 'gender': {
      const plural = Object.prototype.hasOwnProperty.call(GENDER_PLURALS[locale], text.toLowerCase()) ? GENDER_PLURALS[locale][text.toLowerCase()] : undefined;
      if (plural !== undefined) return sv ? `bland ${plural}` : `among ${plural}`;
      return sv ? `i gruppen ${text}` : `in the group ${text}`;
    }
  }
}

/**
 * @internal Why a test was not computed, in words: `too_few` says what there
 * were too few of (pairs with a change, groups); other reasons are rendered
 * by `describeNotComputed`.
 */
export function notTestedWhy(result: NotComputed, unit: 'pairs' | 'groups', zeros: number, minimum: number, locale: Locale): string {
  const n = result.n;
  const sv = locale === 'sv';
  if (result.reason === 'too_few' && unit === 'pairs') {
    const pairs = sv ? `${n} par med förändring` : `${n} ${n === 1 ? 'pair' : 'pairs'} with a change`;
    const unchanged = zeros > 0 ? (sv ? ` (${zeros} utan förändring räknas inte)` : ` (${zeros} without change ${zeros === 1 ? 'does' : 'do'} not count)`) : '';
    return sv ? `för få för att pröva: ${pairs}${unchanged}, minst ${minimum} behövs` : `too few to test: ${pairs}${unchanged}, at least ${minimum} needed`;
  }
  if (result.reason === 'too_few' && unit === 'groups') {
    return sv
      ? `för få grupper att jämföra: ${n} ${n === 1 ? 'grupp' : 'grupper'} med någon som hade mål, minst ${minimum} behövs`
      : `too few groups to compare: ${n} ${n === 1 ? 'group' : 'groups'} with anyone who had a goal, at least ${minimum} needed`;
  }
  if (result.reason === 'table_shape') {
    return sv ? 'alla i grupperna hade samma utfall (alla eller ingen nådde målet)' : 'everyone in the groups had the same outcome (all or none reached their goal)';
  }
  return describeNotComputed(result, locale);
}

/** @internal The withdrawals of a row by reason, in words. */
export function reasons(row: GroupRow, stage: 'beforeStart' | 'during') {
  const sv: Record<string, string> = { breakdown: 'sammanbrott', moved: 'flyttat', declined: 'avböjt', other: 'annat skäl' };
  const en: Record<string, string> = { breakdown: 'breakdown', moved: 'moved', declined: 'declined', other: 'other reason' };
  const list = row.withdrawals.filter((w) => w[stage] > 0);
  return {
    reasonsSv: list.map((w) => `${sv[w.reason]} ${w[stage]}`).join(', '),
    reasonsEn: list.map((w) => `${en[w.reason]} ${w[stage]}`).join(', '),
  };
}

