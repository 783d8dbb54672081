import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkBackup } from '../../electron/core/backup/check.js';
import { createBackup } from '../../electron/core/backup/create.js';
import { restoreBackup } from '../../electron/core/backup/restore.js';
import { openLedger } from '../../electron/core/open-ledger.js';
import { bytes, ms, percentile } from './measure.js';
import type { BenchRow } from './table.js';

// The backup rows, in their own process (backups are asynchronous; row groups are not). On a copy of the bench
// ledger: a plain file copy as the baseline; a backup (online backup API + integrity check + audit verify +
// rename) with its size against the ledger file; checking a backup alone; restoring one (check, new site id,
// safety copy, rename).
// Usage: tsx scripts/bench/backup-measure.ts LEDGER SCRATCH_DIR RUNS → JSON rows on the last line of stdout.

const [ledgerPath, scratch, runsText] = process.argv.slice(2);
const runs = Math.max(1, Number(runsText ?? 3));
const work = join(scratch!, 'backup-bench');
mkdirSync(work, { recursive: true });
const livePath = join(work, 'ledger.db');
copyFileSync(ledgerPath!, livePath);
const ledgerBytes = statSync(livePath).size;

const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const copies: number[] = [];
for (let i = 0; i < runs; i += 1) copies.push(await time(() => copyFileSync(livePath, join(work, `copy-${i}.db`))));

const ledger = openLedger({ path: livePath });
let clock = Date.now();
const backups: number[] = [];
let made = { file: '', bytes: 0 };
for (let i = 0; i < runs; i += 1) {
  clock += 1000;
  backups.push(await time(async () => (made = await createBackup({ ...ledger, ctx: { ...ledger.ctx, now: () => clock } }, { dir: join(work, 'backups') }))));
}
ledger.close();
const checks: number[] = [];
for (let i = 0; i < runs; i += 1) checks.push(await time(() => checkBackup(made.file)));
const restores: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const target = join(work, `restored-${i}.db`);
  restores.push(await time(() => restoreBackup(target, made.file, { now: () => clock })));
}

const copyP50 = percentile(copies, 50);
const rows: BenchRow[] = [
  { measure: `plain copy of the ledger file (${bytes(ledgerBytes)}), p50 of ${runs}`, value: ms(copyP50), budget: '—', verdict: 'baseline' },
  {
    measure: `backup: online backup + integrity check + audit verify + rename, p50 of ${runs}`,
    value: ms(percentile(backups, 50)),
    budget: '—',
    verdict: `${(percentile(backups, 50) / copyP50).toFixed(1)}× plain copy`,
  },
  {
    measure: 'backup file size against the ledger file',
    value: bytes(made.bytes),
    budget: '—',
    verdict: `${((made.bytes / ledgerBytes) * 100).toFixed(0)}% of ${bytes(ledgerBytes)}`,
  },
  { measure: `check one backup (backup verify), p50 of ${runs}`, value: ms(percentile(checks, 50)), budget: '—', verdict: `${(percentile(checks, 50) / copyP50).toFixed(1)}× plain copy` },
  {
    measure: `restore: check + new site id + swap, p50 of ${runs}`,
    value: ms(percentile(restores, 50)),
    budget: '—',
    verdict: `${(percentile(restores, 50) / copyP50).toFixed(1)}× plain copy`,
  },
];
console.log(JSON.stringify(rows));
