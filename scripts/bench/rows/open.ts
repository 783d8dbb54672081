import Database from 'better-sqlite3';
import { openLedger } from '../../../electron/core/open-ledger.js';
import type { RowGroup } from '../context.js';
import { againstCeiling, count, ms, sample } from '../measure.js';

const BUDGET_MS = 100; // DESIGN §8: open database + migration check

/**
 * Opening the full ledger as the app does at start: connection, pragmas, migration checksums verified, site
 * identity read and the clock resumed. The baseline is the bare connection, to show what the checks cost.
 */
export const openRows: RowGroup = ({ ledger, runs }) => {
  const bare = sample(runs, () => new Database(ledger.path).close());
  const open = sample(runs, () => openLedger({ path: ledger.path }).close());
  return [
    {
      measure: `bare SQLite connection to the same file, p50 / p95 of ${bare.runs}`,
      value: `${ms(bare.p50)} / ${ms(bare.p95)}`,
      budget: '—',
      verdict: 'baseline',
    },
    {
      measure: `open ledger + migration check (${count(ledger.size)} incidents), p50 / p95 of ${open.runs}`,
      value: `${ms(open.p50)} / ${ms(open.p95)}`,
      budget: `p95 ≤ ${BUDGET_MS} ms`,
      verdict: `${againstCeiling(open.p95, BUDGET_MS)}; ${(open.p50 / bare.p50).toFixed(1)}× bare (p50)`,
    },
  ];
};
