#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from './run.js';

// Entry point of `yq`; everything testable lives in run.ts.
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readStdin: () => readFileSync(0, 'utf8'),
  // Ctrl-C during a long job asks it to stop (it rolls back); elsewhere it ends yq as usual.
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
});
process.exitCode = code;
