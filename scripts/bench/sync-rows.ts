import { fileURLToPath } from 'node:url';
import { childRows } from './child-rows.js';
import type { RowGroup } from './context.js';

// Sync rows: measured in a child process (see sync-measure.ts) because bundle crypto is asynchronous and row
// groups are synchronous; the child also starts with a clean heap, so earlier groups do not skew it.

const MEASURE = fileURLToPath(new URL('./sync-measure.ts', import.meta.url));
const MEMORY = fileURLToPath(new URL('./sync-memory.ts', import.meta.url));
const CAP = fileURLToPath(new URL('./sync-cap-memory.ts', import.meta.url));

export const syncRows: RowGroup = ({ ledger, scratchDir, runs }) => [
  ...childRows(MEASURE, [ledger.path, scratchDir, String(Math.min(runs, 5))], 'sync bundle rows'),
  ...childRows(MEMORY, [ledger.path, scratchDir], 'sync bundle memory rows'),
  // Independent of the ledger: a synthetic bundle at the payload cap between two new ledgers (about 3 minutes).
  ...childRows(CAP, [scratchDir], 'sync bundle memory at the cap'),
];
