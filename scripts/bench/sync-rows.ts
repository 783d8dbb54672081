import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RowGroup } from './context.js';
import type { BenchRow } from './table.js';

// Sync rows: measured in a child process (see sync-measure.ts) because bundle crypto is asynchronous and row
// groups are synchronous; the child also starts with a clean heap, so earlier groups do not skew it.

const MEASURE = fileURLToPath(new URL('./sync-measure.ts', import.meta.url));

export const syncRows: RowGroup = ({ ledger, scratchDir, runs }) => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', MEASURE, ledger.path, scratchDir, String(Math.min(runs, 5))], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('[')) {
    return [{ measure: 'sync bundle rows', value: 'failed', budget: '—', verdict: `exit ${child.status ?? child.signal}` }];
  }
  return JSON.parse(last) as BenchRow[];
};
