import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { compile, parsePlan, validateCompilation } from '../../src/index.js';
import { bjorkeboPlan } from '../../examples/bjorkebo-fcra/plan.js';
import { bjorkeboCohort } from '../../examples/bjorkebo-fcra/cohort.js';

// Two municipalities run the Björkebo plan; each compiles the same synthetic cohort (40 clients).
const dir = mkdtempSync(join(tmpdir(), 'uppfoljning-merge-'));
const file = (unit: string, label: string) => {
  const plan = parsePlan({ ...bjorkeboPlan, unit: { code: unit, label: { sv: label, en: label } } });
  const path = join(dir, `${unit}.json`);
  writeFileSync(path, JSON.stringify(compile(plan, bjorkeboCohort(plan))));
  return path;
};
const ostersund = file('ostersund', 'Östersund');
const krokom = file('krokom', 'Krokom');
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
// Every flow counter of one municipality's compilation, summed over its cells.
const clients = sum(compile(parsePlan(bjorkeboPlan), bjorkeboCohort(parsePlan(bjorkeboPlan))).counts.flow);
const merged = async (...flags: string[]) => {
  const out = join(dir, `m-${flags.join('')}.json`);
  const r = await cli('merge', ostersund, krokom, '--out', out, ...flags);
  expect(r.code).toBe(0);
  const m = validateCompilation(JSON.parse(readFileSync(out, 'utf8')));
  if (!m.success) throw new Error('merged compilation is not valid');
  return m.data;
};

describe('uppfoljning merge --pool, --pool-unit, --distinct', () => {
  it('keeps each municipality as a unit by default', async () => {
    const m = await merged();
    expect(m.meta.dims.units.map((u) => u.code)).toEqual(['krokom', 'ostersund']);
    expect(sum(m.counts.flow)).toBe(2 * clients);
  });

  it('--pool sums them into one unit, named "Alla enheter" as they are several', async () => {
    const m = await merged('--pool');
    expect(m.meta.dims.units).toHaveLength(1);
    expect(m.meta.dims.units[0]!.label.sv).toBe('Alla enheter');
    expect(sum(m.counts.flow)).toBe(2 * clients);
  });

  it('--pool-unit with --pool-label names the sum (e.g. the county)', async () => {
    const m = await merged('--pool-unit', 'jamtland', '--pool-label', 'Jämtlands län');
    expect(m.meta.dims.units).toEqual([{ code: 'jamtland', label: { sv: 'Jämtlands län', en: 'Jämtlands län' } }]);
  });

  it('--distinct passes different municipalities and refuses the same one twice', async () => {
    expect(sum((await merged('--distinct')).counts.flow)).toBe(2 * clients);
    const r = await cli('merge', ostersund, ostersund, '--out', join(dir, 'twice.json'), '--distinct', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(/\[duplicate\]/);
    // Without --distinct the same unit's compilations add up.
    expect((await cli('merge', ostersund, ostersund, '--out', join(dir, 'twice.json'))).code).toBe(0);
  });

  it('--pool-label without --pool-unit is an argument error in Swedish or English pointing to --help', async () => {
    const sv = await cli('merge', ostersund, '--out', join(dir, 'x.json'), '--pool-label', 'Länet');
    expect(sv.code).toBe(2);
    expect(sv.err.join('\n')).toContain('--pool-label kräver --pool-unit (se uppfoljning merge --help)');
    const en = await cli('merge', ostersund, '--out', join(dir, 'x.json'), '--pool-label', 'County', '--lang', 'en');
    expect(en.err.join('\n')).toContain('--pool-label needs --pool-unit (see uppfoljning merge --help)');
  });

  it('describes the options in --help, in Swedish and English', async () => {
    expect((await cli('merge', '--help')).out.join('\n')).toMatch(/--pool-unit KOD[\s\S]*--distinct/);
    expect((await cli('merge', '--help', '--lang', 'en')).out.join('\n')).toMatch(/--pool-unit CODE[\s\S]*--distinct/);
  });
});
