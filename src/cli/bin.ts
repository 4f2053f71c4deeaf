#!/usr/bin/env node
import { runCli } from './main.js';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  tty: process.stderr.isTTY === true,
  // In a terminal, progress overwrites one line.
  ...(process.stderr.isTTY ? { progress: (text: string, done: boolean) => process.stderr.write(`\r${text}${done ? '\n' : ''}`) } : {}),
});
process.exitCode = code;
