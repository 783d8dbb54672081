import { fileURLToPath } from 'node:url';
import { childRows } from './child-rows.js';
import type { RowGroup } from './context.js';

// Backup and restore rows, measured in a child process (see backup-measure.ts): backups are asynchronous.

const MEASURE = fileURLToPath(new URL('./backup-measure.ts', import.meta.url));

export const backupRows: RowGroup = ({ ledger, scratchDir, runs }) =>
  childRows(MEASURE, [ledger.path, scratchDir, String(Math.min(runs, 3))], 'backup rows');
