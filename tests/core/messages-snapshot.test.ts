/**
 * Renders every rule's Swedish and English text to docs/messages-snapshot.md
 * (like date-fns' locale snapshot.md), so wording changes show up as a diff
 * in review. Fails when the committed file differs; rewrite it with
 *   UPDATE_SNAPSHOT=1 npx vitest run tests/core/messages-snapshot.test.ts
 *
 * Every module's rules are found by reading src/**\/rules.ts for exports named
 * *_RULES (plus the core's CORE_RULES); a rule is rendered once it is
 * registered in src/core/messages.ts. Core rules get realistic sample
 * parameters (one row per branch of the text); other modules' rules are
 * rendered with placeholders ‹name› for every parameter the text reads.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORE_RULES, ruleText, type IssueParams, type Rule } from '../../src/index.js';
import { isRule } from '../../src/core/messages.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'docs', 'messages-snapshot.md');

const SAMPLES: Partial<Record<Rule, readonly IssueParams[]>> = {
  required: [{}, { when: 'periodBy' }],
  type: [{ expected: 'string', received: 'number' }],
  min: [{ minimum: 1, origin: 'number' }, { minimum: 1, origin: 'array' }, { minimum: 1, origin: 'string' }],
  max: [{ maximum: 130, origin: 'number' }, { maximum: 2, origin: 'array' }, { maximum: 128, origin: 'string' }, { maximum: 120, origin: 'periods' }],
  integer: [{ value: '25.5' }],
  format: [{ format: 'a-z 0-9 - _', value: 'Björkebo' }],
  calendar_date: [{ value: '2021-02-30' }],
  one_of: [{ values: ['completed', 'breakdown', 'moved', 'declined', 'other'], value: 'finished' }],
  unknown_key: [{ keys: ['extra'] }],
  finite: [{ value: 'Infinity' }],
  unknown_instrument: [{ id: 'phq9', known: ['tilltro-nykterhet', 'audit'] }],
  unknown_code: [{ value: 'spel', field: 'mainProblem', known: ['alkohol', 'narkotika'] }],
  out_of_range: [{ value: 6, min: 1, max: 5 }],
  not_on_scale: [{ value: 2.5, min: 1, step: 1 }],
  date_order: [{ value: '2019-01-10', other: 'before.date', otherValue: '2019-01-14', otherLabelSv: 'insatsens start', otherLabelEn: 'the start of the intervention' }],
  primary_same_instrument: [{ instrument: 'tilltro-nykterhet', missing: 'before' }, { instrument: 'tilltro-nykterhet', missing: 'after' }],
  duplicate: [{ value: 'f-cra' }],
  duplicate_record: [{}],
  outside_age_bands: [{ age: 17, bands: ['18–29', '30–44', '45+'] }],
  outside_period: [{}, { value: '2018-12-20', from: '2019-01-01', to: '2019-12-31' }, { value: '2018-12-20', from: '2019-01-01', to: '2019-12-31', date: 'enrolled' }],
  overlap: [{ band: '29–40', previous: 29 }, { band: '5–9', previous: 5, what: 'band' }],
  outside_bands: [{ value: 7, bands: ['0–4', '10+'] }],
  looks_like_identity_number: [{}],
  missing_goal_assessment: [{}],
  plan_mismatch: [{ value: 'annan-plan', expected: 'bjorkebo-fcra' }],
  step_order: [{ step: 'after', stepSv: 'efter insats', state: 'withdrawn', stateSv: 'avfört' }],
  incompatible: [
    { what: 'plans', whatSv: 'planerna' },
    { what: 'plans', parts: ['ageBands', 'goalRule'], first: ['["18–29","30+"]', '{"kind":"assessed","combine":"all"}'], other: ['["18–24","25+"]', '{"kind":"assessed","combine":"any"}'] },
  ],
  empty: [{}],
  outside_window: [
    { value: '2020-08-01', point: '12m', start: '2020-05-11', end: '2020-07-10', status: 'reached' },
    { value: '2020-05-01', point: '12m', start: '2020-05-11', end: '2020-07-10', status: 'not_reached' },
  ],
  measured_not_reached: [{ status: 'declined', ids: ['audit'] }],
  count_sum: [{ value: 12, expected: 11, parts: ['counts.flow.classified', 'counts.unclassified'] }],
  moment_bounds: [
    { value: 31, minimum: 30, maximum: 30 },
    { value: 7_999_999, minimum: 8_000_000, maximum: 40_000_000 },
  ],
  too_few: [{ n: 3, minimum: 6 }],
  no_variation: [{}],
  missing_measure: [{ phase: 'before' }, { phase: 'after' }],
  withdrawn: [{}],
  not_closed: [{}],
  fine_scale: [{ bins: 4001 }],
};

/** Params whose every key reads back as ‹key›, for rules without samples. */
const placeholders = (): IssueParams =>
  new Proxy({} as Record<string, string>, {
    get: (_t, key) => (typeof key === 'string' ? `‹${key}›` : undefined),
    has: () => true,
  }) as IssueParams;

function rulesFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? rulesFiles(join(dir, e.name)) : e.name === 'rules.ts' ? [join(dir, e.name)] : [],
  );
}

async function allRules(): Promise<{ module: string; rules: Rule[] }[]> {
  const out = [{ module: 'src/core/issue.ts', rules: [...CORE_RULES] as Rule[] }];
  for (const file of rulesFiles(join(root, 'src')).sort()) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const rules = Object.entries(mod)
      .filter(([name, value]) => name.endsWith('_RULES') && Array.isArray(value))
      .flatMap(([, value]) => value as string[])
      .filter(isRule);
    if (rules.length > 0) out.push({ module: relative(root, file), rules });
  }
  return out;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const showParams = (p: IssueParams | undefined) => (p === undefined ? '‹…›' : Object.keys(p).length === 0 ? '—' : `\`${JSON.stringify(p)}\``);

async function render(): Promise<string> {
  const lines = [
    '# Messages: every rule in Swedish and English',
    '',
    'Generated by `tests/core/messages-snapshot.test.ts`; do not edit by hand. Rewrite with',
    '`UPDATE_SNAPSHOT=1 npx vitest run tests/core/messages-snapshot.test.ts` and review the diff.',
    'Rules without sample parameters show each parameter as ‹name›.',
    '',
  ];
  const seen = new Set<Rule>();
  for (const { module, rules } of await allRules()) {
    lines.push(`## ${module}`, '', '| rule | params | sv | en |', '|---|---|---|---|');
    for (const rule of rules) {
      if (seen.has(rule)) continue;
      seen.add(rule);
      const samples: readonly (IssueParams | undefined)[] = SAMPLES[rule] ?? [undefined];
      for (const p of samples) {
        const params = p ?? placeholders();
        lines.push(`| \`${rule}\` | ${showParams(p)} | ${cell(ruleText(rule, params, 'sv'))} | ${cell(ruleText(rule, params, 'en'))} |`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

describe('docs/messages-snapshot.md', () => {
  it('every core rule has sample parameters', () => {
    expect(CORE_RULES.filter((r) => SAMPLES[r] === undefined)).toEqual([]);
  });

  it('every text renders without throwing and is not empty, in both languages', async () => {
    for (const { rules } of await allRules()) {
      for (const rule of rules) {
        for (const p of SAMPLES[rule] ?? [placeholders()]) {
          expect(ruleText(rule, p, 'sv').length).toBeGreaterThan(0);
          expect(ruleText(rule, p, 'en').length).toBeGreaterThan(0);
          // Two languages, two texts (a rule whose texts are identical was likely not translated).
          if (Object.keys(p).length > 0 || SAMPLES[rule] === undefined) expect(ruleText(rule, p, 'sv')).not.toBe(ruleText(rule, p, 'en'));
        }
      }
    }
  });

  it('matches the committed snapshot', async () => {
    const text = await render();
    if (process.env.UPDATE_SNAPSHOT === '1' || !existsSync(target)) {
      writeFileSync(target, text);
      if (process.env.UPDATE_SNAPSHOT !== '1') throw new Error(`wrote ${target}; commit it and run again`);
    }
    expect(readFileSync(target, 'utf8')).toBe(text);
  });
});
