import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { validatePlan, validateCsvMapping } from '../../src/index.js';
import { TEST_KEY_HEX } from '../helpers/keys.js';

// `uppfoljning init --from` on two exports: identity-1252.csv (Björkebo-like: Swedish
// headers, `;`, decimal comma, Windows-1252, identity numbers and no client id, age or
// gender; written by make-fixtures.ts) and init-en.csv (UTF-8 with a BOM, English
// headers, `,`; written by make-init-fixtures.ts). The drafts it writes must let
// `validate` accept the same file with no hand edit but the decisions it lists.
const F = join(import.meta.dirname, '..', 'fixtures', 'cli');
const f = (name: string) => join(F, name);
const tmp = () => mkdtempSync(join(tmpdir(), 'uppfoljning-init-'));
/** What was printed, with the temporary directory written as <out> and the fixtures' folder as <fixtures>, so the snapshot holds in any clone. */
const shown = (lines: readonly string[], out: string) => lines.join('\n').replaceAll(out, '<out>').replaceAll(F, '<fixtures>');

describe('uppfoljning init --from: a Björkebo-like export (Swedish, Windows-1252, identity numbers only)', () => {
  it('writes a plan and a mapping that validate the same file once the one decision it lists (a pseudonym key) is taken', async () => {
    const out = tmp();
    const init = await cli('init', '--from', f('identity-1252.csv'), '--out', out);
    expect(init.code).toBe(0);
    expect(init.err).toEqual([]);
    const text = shown(init.out, out);
    await expect(text).toMatchFileSnapshot('./__snapshots__/init-sv.out.txt');
    await expect(readFileSync(join(out, 'plan.json'), 'utf8')).toMatchFileSnapshot('./__snapshots__/init-sv.plan.json');
    await expect(readFileSync(join(out, 'mappning.json'), 'utf8')).toMatchFileSnapshot('./__snapshots__/init-sv.mappning.json');
    expect(readFileSync(join(out, 'att-besluta.md'), 'utf8')).toBe(`# Att besluta: identity-1252.csv\n\n${text.split('\n\nSkrev ')[0]}\n`);

    // Without the key the decision asks for, validate says the client id is missing; with it, every row is valid.
    expect(text).toContain('ange en pseudonymnyckel med --pseudonym-key-file');
    const without = await cli('validate', '--plan', join(out, 'plan.json'), '--mapping', join(out, 'mappning.json'), f('identity-1252.csv'));
    expect(without.code).toBe(1);
    const key = join(out, 'nyckel.txt');
    writeFileSync(key, `${TEST_KEY_HEX}\n`);
    const valid = await cli('validate', '--plan', join(out, 'plan.json'), '--mapping', join(out, 'mappning.json'), '--pseudonym-key-file', key, f('identity-1252.csv'));
    expect(valid).toEqual({ code: 0, out: ['40 rader: 40 giltiga, 0 med fel.'], err: [] });
  });

  it('prints no identity number and no value of the identity column, and writes none', async () => {
    const out = tmp();
    const init = await cli('init', '--from', f('identity-1252.csv'), '--out', out);
    const numbers = readFileSync(f('identity-1252.csv'), 'latin1').split(/\r?\n/).slice(1).filter((l) => l !== '').map((l) => l.split(';')[0]!);
    expect(numbers.length).toBe(40);
    const written = ['plan.json', 'mappning.json', 'att-besluta.md'].map((n) => readFileSync(join(out, n), 'utf8'));
    for (const text of [init.out.join('\n'), ...written]) {
      for (const n of numbers) {
        expect(text).not.toContain(n);
        expect(text).not.toContain(n.replace(/[-+]/, ''));
      }
      // No run of nine or more digits (a number with its separator or century dropped).
      expect(text.replaceAll(out, '')).not.toMatch(/\d(?:[\s+-]?\d){8}/);
    }
  });

  it('does not overwrite the drafts without --force, and does with it', async () => {
    const out = tmp();
    writeFileSync(join(out, 'mappning.json'), 'mine\n');
    const refused = await cli('init', '--from', f('identity-1252.csv'), '--out', out);
    expect(refused.code).toBe(2);
    expect(shown(refused.err, out)).toBe('uppfoljning: <out>/mappning.json finns redan; använd --force för att skriva över');
    expect(readFileSync(join(out, 'mappning.json'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(out, 'plan.json'))).toBe(false);
    const forced = await cli('init', '--from', f('identity-1252.csv'), '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(validateCsvMapping(JSON.parse(readFileSync(join(out, 'mappning.json'), 'utf8'))).success).toBe(true);
  });

  it('says so for an empty file and for a header with no rows, and writes nothing', async () => {
    const out = tmp();
    writeFileSync(join(out, 'tom.csv'), '');
    writeFileSync(join(out, 'rubrik.csv'), 'Klient-id;Kön;Ålder\r\n');
    const empty = await cli('init', '--from', join(out, 'tom.csv'), '--out', out);
    expect({ code: empty.code, err: shown(empty.err, out) }).toEqual({ code: 2, err: 'uppfoljning: <out>/tom.csv är tom' });
    const header = await cli('init', '--lang', 'en', '--from', join(out, 'rubrik.csv'), '--out', out);
    expect({ code: header.code, err: shown(header.err, out) }).toEqual({
      code: 2,
      err: 'uppfoljning: <out>/rubrik.csv has a header and no rows; init --from needs rows to read categories and values from',
    });
    expect(existsSync(join(out, 'plan.json'))).toBe(false);
  });

  it('takes --out as a folder: a file name there is refused, not made a folder of that name', async () => {
    const out = tmp();
    const r = await cli('init', '--from', f('identity-1252.csv'), '--out', join(out, 'plan.json'));
    expect(r.code).toBe(2);
    expect(shown(r.err, out)).toBe('uppfoljning: --out är en mapp, som init --from skriver plan.json, mappning.json och att-besluta.md i (fick <out>/plan.json)');
    expect(existsSync(join(out, 'plan.json'))).toBe(false);
    writeFileSync(join(out, 'a-file'), 'x\n');
    const en = await cli('init', '--lang', 'en', '--from', f('identity-1252.csv'), '--out', join(out, 'a-file'));
    expect(shown(en.err, out)).toBe('uppfoljning: --out is a folder, which init --from writes plan.json, mapping.json and to-decide.md into (got <out>/a-file)');
  });

  it('names a file it cannot read', async () => {
    const out = tmp();
    const r = await cli('init', '--from', join(out, 'saknas.csv'), '--out', out);
    expect(r.code).toBe(2);
    expect(shown(r.err, out)).toBe('uppfoljning: kan inte läsa filen <out>/saknas.csv');
  });
});

describe('uppfoljning init --from: an English export (UTF-8 with BOM, `,`, --lang en)', () => {
  it('writes plan.json, mapping.json and to-decide.md that validate the same file once AUDIT\'s minimal change is set', async () => {
    const out = tmp();
    const init = await cli('init', '--lang', 'en', '--from', f('init-en.csv'), '--out', out);
    expect(init.code).toBe(0);
    const text = shown(init.out, out);
    await expect(text).toMatchFileSnapshot('./__snapshots__/init-en.out.txt');
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    await expect(readFileSync(join(out, 'plan.json'), 'utf8')).toMatchFileSnapshot('./__snapshots__/init-en.plan.json');
    await expect(readFileSync(join(out, 'mapping.json'), 'utf8')).toMatchFileSnapshot('./__snapshots__/init-en.mapping.json');
    expect(existsSync(join(out, 'to-decide.md'))).toBe(true);
    // AUDIT has no published minimal important change: the one decision no draft can make, said
    // in the text, and the only thing that keeps the draft from validating.
    expect(text).toContain('The minimal important change of `audit`: there is no published value');
    const draft = validatePlan(plan);
    expect(draft.success ? [] : draft.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([['minimalChange.audit', 'required']]);
    plan.minimalChange = { audit: 4 };
    writeFileSync(join(out, 'plan.json'), JSON.stringify(plan));
    expect(validatePlan(plan).success).toBe(true);
    // Half steps give an own instrument on a 0.5 grid; a decimal background number gets integer: false.
    expect(plan.instruments).toEqual([
      { id: 'wellbeing', label: { sv: 'Wellbeing', en: 'Wellbeing' }, kind: 'interval', range: { min: 1.5, max: 10, step: 0.5 }, direction: 'higher_is_better' },
    ]);
    expect(plan.background.find((b: { id: string }) => b.id === 'hours-per-week')).toEqual({ id: 'hours-per-week', label: { sv: 'Hours per week', en: 'Hours per week' }, kind: 'number', integer: false });
    // No free text is shown: the notes are left out and the goal statements' values are not printed.
    expect(text).toContain('- Notes → (not used): free text');
    expect(text).toContain('- Goal 1 → goal.1.statement: free text');
    const valid = await cli('validate', '--lang', 'en', '--plan', join(out, 'plan.json'), '--mapping', join(out, 'mapping.json'), f('init-en.csv'));
    expect(valid).toEqual({ code: 0, out: ['30 rows: 30 valid, 0 with problems.'], err: [] });
  });
});
