import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parseBenchArgs, ROW_GROUP_NAMES } from './args.js';
import { backupRows } from './backup-rows.js';
import { benchLedger } from './bench-ledger.js';
import type { BenchContext, RowGroup } from './context.js';
import { digestRows } from './rows/digest.js';
import { insertRows } from './rows/insert.js';
import { ledgerPageRows } from './rows/ledger-page.js';
import { ledgerViewRows } from './ledger-view-rows.js';
import { openRows } from './rows/open.js';
import { searchRows } from './rows/search.js';
import { sizeRows } from './rows/size.js';
import { syncRows } from './sync-rows.js';
import { type BenchRow, formatTable } from './table.js';

// `npm run bench [-- --size 100000]`: the performance table of DESIGN §8, every figure measured in this run
// beside its budget or a baseline from the same run. Add a row group by writing rows/<name>.ts and listing it.

const GROUPS: Record<(typeof ROW_GROUP_NAMES)[number], RowGroup> = {
  open: openRows,
  insert: insertRows,
  size: sizeRows,
  search: searchRows,
  'ledger-page': ledgerPageRows,
  'ledger-view': ledgerViewRows,
  digest: digestRows,
  sync: syncRows,
  backup: backupRows,
};
// YQ_BENCH_ONLY=backupRows (a group's function name) runs one group, as --rows backup does.
const only = process.env.YQ_BENCH_ONLY;


const root = resolve(fileURLToPath(import.meta.url), '../../..');
const args = parseBenchArgs(process.argv.slice(2));
const sqlite = new Database(':memory:');
const sqliteVersion = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
sqlite.close();
console.log(
  `yuqing-ledger bench — node ${process.version}, SQLite ${sqliteVersion}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`,
);

const ledger = benchLedger({ cacheDir: join(root, 'tmp', 'bench-cache'), size: args.size, seed: args.seed, rebuild: args.rebuild });
console.log(`ledger: ${ledger.path} (${ledger.cached ? 'cached' : 'built this run'})\n`);

const scratchDir = mkdtempSync(join(tmpdir(), 'yq-bench-'));
const rows: BenchRow[] = [];
try {
  const ctx: BenchContext = { ledger, scratchDir, seed: args.seed, sampleSize: args.sample, runs: args.runs };
  for (const name of ROW_GROUP_NAMES) {
    const group = GROUPS[name];
    if ((args.rows.length === 0 || args.rows.includes(name)) && (!only || group.name === only)) rows.push(...group(ctx));
  }
} finally {
  rmSync(scratchDir, { recursive: true, force: true });
}
console.log(formatTable(rows));
