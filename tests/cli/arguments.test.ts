/**
 * Argument errors: named in the user's language (Swedish by default, English
 * with --lang en wherever it stands), with the flag, pointing to --help, exit 2.
 * Node's parseArgs texts ("Unknown option '--nope'. To specify a positional …")
 * must not reach the user.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

const plan = join(import.meta.dirname, '..', 'fixtures', 'cli', 'plan.json');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), tty: false });
  return { code, out, err };
}

describe('argument errors', () => {
  it.each([
    [['validate', '--nope'], 'uppfoljning: okänd flagga --nope (se uppfoljning validate --help)'],
    [['validate', '--nope', '--lang', 'en'], 'uppfoljning: unknown option --nope (see uppfoljning validate --help)'],
    [['--lang', 'en', 'compile', '-x'], 'uppfoljning: unknown option -x (see uppfoljning compile --help)'],
    [['validate', '--plan'], 'uppfoljning: --plan saknar sitt värde (se uppfoljning validate --help)'],
    [['validate', '--plan', '--lang', 'en'], 'uppfoljning: --plan is missing its value (see uppfoljning validate --help)'],
    [['report', 'c.json', '--out='], 'uppfoljning: --out saknar sitt värde (se uppfoljning report --help)'],
    [['init', '--force=ja'], 'uppfoljning: --force tar inget värde (fick "ja") (se uppfoljning init --help)'],
    [['frob'], 'uppfoljning: okänt kommando frob; kommandona är init, validate, compile, merge, report, schema (se uppfoljning --help)'],
    [['frob', '--lang=en'], 'uppfoljning: unknown command frob; the commands are init, validate, compile, merge, report, schema (see uppfoljning --help)'],
    [['validate', '--lang', 'de'], 'uppfoljning: --lang ska vara sv eller en (fick "de") (se uppfoljning validate --help)'],
    [['validate', 'export.csv'], 'uppfoljning: --plan saknas (se uppfoljning validate --help)'],
    [['validate', '--plan', plan], 'uppfoljning: ange exportfilen (se uppfoljning validate --help)'],
    [['compile', '--plan', plan, 'export.csv', '--lang', 'en'], 'uppfoljning: --out is missing (see uppfoljning compile --help)'],
    [['merge', 'a.json'], 'uppfoljning: --out saknas (se uppfoljning merge --help)'],
    [['schema'], 'uppfoljning: --plan saknas (se uppfoljning schema --help)'],
  ])('%j', async (args, message) => {
    expect(await cli(...args)).toEqual({ code: 2, out: [], err: [message] });
  });

  it('a value that starts with a minus but is no flag is a value (--k -1 is refused by --k’s own rule)', async () => {
    const r = await cli('validate', '--plan', plan, '--k', '-1', '--lang', 'en');
    expect(r).toEqual({ code: 2, out: [], err: ['uppfoljning: give the export file (see uppfoljning validate --help)'] });
  });
});
