// The bin as a process: node loads src/cli/bin.ts through tsx (a second of start-up), so in the slow project.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const f = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'cli', name);

it('the bin sets the exit code of the process', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.ts'), 'validate', '--plan', f('plan.json'), '--mapping', f('mapping.json'), f('malformed.csv')], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stdout.trim().split('\n')).toHaveLength(7);
});
