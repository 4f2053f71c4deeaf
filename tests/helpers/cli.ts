import { runCli } from '../../src/cli/main.js';

/** Runs the CLI with these arguments (no terminal) and returns its exit code and what it printed, line by line. */
export async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), tty: false });
  return { code, out, err };
}
