import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { runCli } from '../../src/cli/main.js';
import { parsePlan, compile, validateCompilation } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

// Fixtures: tests/fixtures/cli/, written by make-fixtures.ts from the synthetic Björkebo cohort.
const F = join(import.meta.dirname, '..', 'fixtures', 'cli');
const f = (name: string) => join(F, name);

const tmp = () => mkdtempSync(join(tmpdir(), 'uppfoljning-cli-'));

describe('uppfoljning validate', () => {
  it('passes the clean export with its during file (exit 0)', async () => {
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--during', f('clean-during.csv'), f('clean.csv'));
    expect(r).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.'], err: [] });
  });

  it('passes the export with ; and decimal commas (UTF-8 with BOM)', async () => {
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f('semicolon.csv'), '--lang', 'en');
    expect(r).toEqual({ code: 0, out: ['40 rows: 40 valid, 0 with problems.'], err: [] });
  });

  it('passes the Windows-1252 export', async () => {
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f('windows-1252.csv'));
    expect(r).toEqual({ code: 0, out: ['10 rader: 10 giltiga, 0 med fel.'], err: [] });
  });

  it('lists every problem of the malformed export with line, column and reason (exit 1)', async () => {
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f('malformed.csv'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      'clients line 1, column "Tilltro efter" (after.measures.tilltro-nykterhet): the column "Tilltro efter" (for after.measures.tilltro-nykterhet) is missing from the file [missing_column]',
      'clients line 3, column "Startdatum" (before.date): 2019-02-30 is not a date in the calendar (expected YYYY-MM-DD) [calendar_date]',
      'clients line 4, column "Tilltro före" (before.measures.tilltro-nykterhet): the value 7 is outside the scale 1–5 [out_of_range]',
      'clients line 5, column "Klient-id" (clientId): looks like a personal identity or coordination number; use a pseudonym as client id [looks_like_identity_number]',
      'clients line 6, column "Ålder" (age): "trettio" is not a number [not_a_number]',
      'clients line 7: the row has 25 fields but the header has 26 [field_count]',
      '6 rows: 0 valid, 6 with problems.',
    ]);
  });

  it('validates JSON records too, with paths into the list', async () => {
    const plan = parsePlan(bjorkeboPlan);
    const records = bjorkeboCohort(plan).slice(0, 2);
    const dir = tmp();
    const file = join(dir, 'records.json');
    const bad = [records[0], { ...records[1], age: 12 }];
    (await import('node:fs')).writeFileSync(file, JSON.stringify(bad));
    const r = await cli('validate', '--plan', f('plan.json'), file, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['[1].age: the age 12 is outside the plan\'s age bands (18–29, 30–44, 45+) [outside_age_bands]', '2 rows: 1 valid, 1 with problems.']);
  });

  it('shows progress on long files when asked', async () => {
    const r = await cli('validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--during', f('clean-during.csv'), f('clean.csv'), '--progress');
    expect(r.err.at(-1)).toBe('läst 9747 av 9747 rader');
    expect(r.err).toHaveLength(10);
    expect(r.err[0]).toMatch(/^läst 1000 rader, \d+ % av filen$/);
  });

  it('spaces progress out by the clock: a line at most every 2 s, a redrawn bar at most every 100 ms in a terminal', async () => {
    const args = ['validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--during', f('clean-during.csv'), f('clean.csv'), '--progress', '--lang', 'en'];
    // A clock that moves 700 ms a call: every third of the nine 1,000-row marks is 2 s after the last line.
    let t = 0;
    const lines: string[] = [];
    await runCli(args, { out: () => undefined, err: (s) => lines.push(s), tty: false, now: () => (t += 700) });
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe('read 9747 of 9747 rows');
    const drawn: [string, boolean][] = [];
    await runCli(args, { out: () => undefined, err: () => undefined, tty: true, progress: (s, done) => drawn.push([s, done]), now: () => (t += 50) });
    expect(drawn).toHaveLength(6);
    expect(drawn[0]![0]).toMatch(/^\[█*░*\] read 1000 rows, \d+ % of the file$/);
    expect(drawn.at(-1)).toEqual(['read 9747 of 9747 rows', true]);
  });

  it('exits 2 with a message for a missing plan, an unknown option and an unreadable file', async () => {
    expect(await cli('validate', f('clean.csv'))).toEqual({ code: 2, out: [], err: ['uppfoljning: --plan saknas (se uppfoljning validate --help)'] });
    expect(await cli('validate', '--nope')).toEqual({ code: 2, out: [], err: ['uppfoljning: okänd flagga --nope (se uppfoljning validate --help)'] });
    expect(await cli('validate', '--plan', f('plan.json'), f('nothing.csv'), '--lang', 'en')).toEqual({
      code: 2,
      out: [],
      err: [`uppfoljning: cannot read the file ${f('nothing.csv')}`],
    });
  });
});

describe('uppfoljning compile, merge, report', () => {
  // One compilation by the CLI, then one test per job, so that no single test does them all.
  let dir = '';
  let out = '';
  beforeAll(async () => {
    dir = tmp();
    out = join(dir, 'c.json');
    const r = await cli('compile', '--plan', f('plan.json'), '--mapping', f('mapping.json'), '--during', f('clean-during.csv'), f('clean.csv'), '--out', out);
    expect(r.code).toBe(0);
  });
  const plan = parsePlan(bjorkeboPlan);

  it('compiles the clean export to the same compilation as the library', () => {
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(compile(plan, bjorkeboCohort(plan)));
  });

  it('merges', async () => {
    const merged = join(dir, 'm.json');
    expect((await cli('merge', out, out, '--out', merged)).code).toBe(0);
    const m = validateCompilation(JSON.parse(readFileSync(merged, 'utf8')));
    expect(m.success && m.data.counts.flow[0]).toBe(2 * compile(plan, bjorkeboCohort(plan)).counts.flow[0]!);
  });

  it('writes the HTML report', async () => {
    expect((await cli('report', out, '--out', join(dir, 'r.html'))).code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('writes the Markdown and text reports', async () => {
    expect((await cli('report', out, '--format', 'md', '--out', join(dir, 'r.md'), '--lang', 'en')).code).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# Björkebo/);
    const text = await cli('report', out, '--format', 'text');
    expect(text.code).toBe(0);
    expect(text.out.join('\n')).toMatch(/^Björkebo – Förstärkt CRA \(F-CRA\)\n═+\n/);
    expect(text.out.join('\n')).toContain('.. = uppgiften visas inte för att skydda enskilda: den bygger på färre än 5 personer, eller är dold för att ett så litet tal inte ska kunna räknas fram ur rapportens övriga uppgifter.');
    expect((await cli('report', out, '--format', 'text', '--out', join(dir, 'r.txt'), '--lang', 'en')).code).toBe(0);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toContain('What the numbers cannot say:');
  });

  it('heads the report with the plan’s question and target group (--plan) and the day’s date', async () => {
    const text = await cli('report', out, '--format', 'text', '--plan', f('plan.json'));
    expect(text.code).toBe(0);
    const lines = text.out.join('\n').split('\n');
    expect(lines.find((l) => l.startsWith('Frågeställning: '))).toBe(`Frågeställning: ${plan.question}`);
    expect(lines.find((l) => l.startsWith('Målgrupp: '))).toBe(`Målgrupp: ${plan.targetGroup}`);
    // The date is the day the CLI runs: only its form is checked, never the clock.
    expect(lines.filter((l) => l.startsWith('Rapportdatum: '))).toEqual([expect.stringMatching(/^Rapportdatum: \d{4}-\d{2}-\d{2}$/)]);
    const bare = await cli('report', out, '--format', 'text');
    expect(bare.out.join('\n')).not.toMatch(/Frågeställning:/);
  });

  it('writes the CSV tables and the Vega-Lite specifications', async () => {
    expect((await cli('report', out, '--format', 'csv', '--out', join(dir, 'csv'))).code).toBe(0);
    expect(readdirSync(join(dir, 'csv'))).toContain('flow.csv');
    expect((await cli('report', out, '--format', 'vega', '--out', join(dir, 'vega'))).code).toBe(0);
    expect(readdirSync(join(dir, 'vega')).sort()).toEqual(['attainment.vl.json', 'during-urinprov.vl.json', 'during-utandningsprov.vl.json', 'flow.vl.json']);
  });

  it('writes no compilation when rows have problems, unless --skip-invalid', async () => {
    const dir = tmp();
    const out = join(dir, 'c.json');
    const args = ['compile', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f('malformed.csv'), '--out', out];
    const r = await cli(...args);
    expect(r.code).toBe(1);
    expect(r.out.at(-1)).toBe('Ingen sammanställning skriven (använd --skip-invalid för att sammanställa de giltiga raderna).');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a compilation whose counts contradict each other, in the chosen language, with exit 1, instead of crashing', async () => {
    // Every count a whole number in its place, but cell 0 selected nobody yet started clients (found by
    // mutating the Björkebo compilation: the report's protection used to refuse the flow table it derived).
    // validateCompilation's cross-field rules now refuse the file itself, naming the count and the numbers.
    const dir = tmp();
    const json = JSON.parse(readFileSync(out, 'utf8')) as { counts: { flow: number[] } };
    json.counts.flow[0] = 0;
    const checked = validateCompilation(json);
    expect(checked.success ? [] : checked.issues.map((i) => [i.path.join('.'), i.rule])).toContainEqual(['counts.flow.1', 'exceeds_total']);
    (await import('node:fs')).writeFileSync(join(dir, 'c.json'), JSON.stringify(json));
    const en = await cli('report', join(dir, 'c.json'), '--format', 'text', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.out.join('\n')).toMatch(/counts\.flow\[1\]: must not exceed counts\.flow\.selected \(\d+ > 0\) \[exceeds_total\]/);
    expect((await cli('report', join(dir, 'c.json'), '--format', 'text')).out.join('\n')).toMatch(/får inte vara större än counts\.flow\.selected/);
  });

  it('refuses to merge compilations of different plans', async () => {
    const dir = tmp();
    const plan = parsePlan(bjorkeboPlan);
    const other = parsePlan({ ...bjorkeboPlan, id: 'annan-plan' });
    const fs = await import('node:fs');
    fs.writeFileSync(join(dir, 'a.json'), JSON.stringify(compile(plan, [])));
    fs.writeFileSync(join(dir, 'b.json'), JSON.stringify(compile(other, [])));
    const r = await cli('merge', join(dir, 'a.json'), join(dir, 'b.json'), '--out', join(dir, 'm.json'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(/\[incompatible\]/);
    // The issue names the file, not the compilation's index.
    expect(r.out.join('\n')).toContain(`${join(dir, 'b.json')}.meta`);
  });
});

describe('uppfoljning init, schema, --help', () => {
  it('init writes a plan template that validates, and does not overwrite', async () => {
    const dir = tmp();
    const out = join(dir, 'plan.json');
    expect((await cli('init', '--out', out)).code).toBe(0);
    expect(() => parsePlan(JSON.parse(readFileSync(out, 'utf8')))).not.toThrow();
    expect(await cli('init', '--out', out)).toEqual({ code: 2, out: [], err: [`uppfoljning: ${out} finns redan; använd --force för att skriva över`] });
  });

  it('schema prints the plan’s JSON Schema', async () => {
    const r = await cli('schema', '--plan', f('plan.json'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!).properties.gender.enum).toEqual(['kvinna', 'man']);
  });

  it.each(['init', 'validate', 'compile', 'merge', 'report', 'schema'])('%s --help shows usage with an example, in both languages', async (command) => {
    for (const lang of ['sv', 'en']) {
      const r = await cli(command, '--help', '--lang', lang);
      expect(r.code).toBe(0);
      expect(r.out[0]).toMatch(new RegExp(`^uppfoljning ${command} – `));
      expect(r.out[0]).toMatch(lang === 'sv' ? /\nExempel:\n  uppfoljning / : /\nExample:\n  uppfoljning /);
    }
  });

  it('without a command prints the overview and exits 2; --help exits 0', async () => {
    expect((await cli()).code).toBe(2);
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/Kommandon:/);
  });
});
