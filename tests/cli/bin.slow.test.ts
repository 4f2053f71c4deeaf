// The bin as a process: node loads src/cli/bin.ts through tsx (a second of start-up), so in the slow project.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const f = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'cli', name);

it('the bin sets the exit code of the process', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.ts'), 'validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f('malformed.csv')], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stdout.trim().split('\n')).toHaveLength(7);
});

it('a reader that stops early (validate … | head) ends it quietly: no stack trace, the SIGPIPE code', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.ts'), 'validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f('many-errors.csv')]);
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  // Like head: read the first chunk of the 5,000 error lines, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  expect(err).toBe('');
  expect(code).toBe(141);
});
