import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../test-host/chromium.js';
import type { RowGroup } from './context.js';
import type { BenchRow } from './table.js';

// The ledger view in Chromium, measured in a child process (ledger-view-measure.ts): a browser is asynchronous
// work and row groups are synchronous. Without a Chromium the row says so rather than passing.

const MEASURE = fileURLToPath(new URL('./ledger-view-measure.ts', import.meta.url));

export const ledgerViewRows: RowGroup = ({ ledger, scratchDir, runs }) => {
  if (!findChromium()) {
    return [{ measure: 'ledger view in Chromium', value: 'not measured: no Chromium (apt-get install chromium)', budget: '—', verdict: 'MISSING' }];
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', MEASURE, ledger.path, scratchDir, String(Math.min(runs, 10))], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('[')) {
    return [{ measure: 'ledger view in Chromium', value: 'failed', budget: '—', verdict: `exit ${child.status ?? child.signal}` }];
  }
  return JSON.parse(last) as BenchRow[];
};
