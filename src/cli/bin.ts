#!/usr/bin/env node
import { runCli } from './main.js';

// A reader that stops early (`uppfoljning validate … | head`) closes the pipe:
// the rest of the output has nowhere to go, which is not an error of ours.
// End quietly with the code a process killed by SIGPIPE has (128 + 13), as cat
// and grep do, instead of with an EPIPE stack trace.
const SIGPIPE_EXIT = 141;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(SIGPIPE_EXIT);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  tty: process.stderr.isTTY === true,
  // In a terminal, progress overwrites one line (cleared to its end, since a later text may be shorter).
  ...(process.stderr.isTTY ? { progress: (text: string, done: boolean) => process.stderr.write(`\r${text}\x1b[K${done ? '\n' : ''}`) } : {}),
  now: () => performance.now(),
});
process.exitCode = code;
