import { fileURLToPath } from 'node:url';
import { findChromium } from '../test-host/chromium.js';
import { childRows } from './child-rows.js';
import type { RowGroup } from './context.js';

// The ledger view in Chromium, measured in a child process (ledger-view-measure.ts): a browser is asynchronous
// work and row groups are synchronous. Without a Chromium the row says so rather than passing.

const MEASURE = fileURLToPath(new URL('./ledger-view-measure.ts', import.meta.url));

export const ledgerViewRows: RowGroup = ({ ledger, scratchDir, runs }) => {
  if (!findChromium()) {
    return [{ measure: 'ledger view in Chromium', value: 'not measured: no Chromium (apt-get install chromium)', budget: '—', verdict: 'MISSING' }];
  }
  return childRows(MEASURE, [ledger.path, scratchDir, String(Math.min(runs, 10))], 'ledger view in Chromium');
};
