import { spawnSync } from 'node:child_process';
import type { BenchRow } from './table.js';

// Row groups are synchronous; a measure that needs asynchronous work (a browser, bundle crypto) runs as a child
// process, which also starts with a clean heap, and prints its rows as JSON on its last line of output.

/** Runs `script` under tsx with `args` and returns its rows, or one row named `measure` saying it failed. */
export function childRows(script: string, args: readonly string[], measure: string): BenchRow[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('[')) {
    return [{ measure, value: 'failed', budget: '—', verdict: `exit ${child.status ?? child.signal}` }];
  }
  return JSON.parse(last) as BenchRow[];
}
