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
import { excelImportRows } from './rows/excel-import.js';
import { similarityRows } from './rows/similarity.js';
import { type BenchRow, formatTable } from './table.js';

// `npm run bench [-- --size 100000]`: the performance table of DESIGN §8, every figure measured in this run
// beside its budget or a baseline from the same run. Add a row group by writing rows/<name>.ts and listing it.

const GROUPS: Readonly<Record<(typeof ROW_GROUP_NAMES)[number], RowGroup>> = {
  open: openRows,
  insert: insertRows,
  size: sizeRows,
  search: searchRows,
  page: ledgerPageRows,
  view: ledgerViewRows,
  digest: digestRows,
  sync: syncRows,
  excel: excelImportRows,
  backup: backupRows,
  similarity: similarityRows,
};
/** Groups that make their own data and never read the cached benchmark ledger. */
const LEDGER_FREE = new Set(['excel']);


const root = resolve(fileURLToPath(import.meta.url), '../../..');
const args = parseBenchArgs(process.argv.slice(2));
const sqlite = new Database(':memory:');
const sqliteVersion = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
sqlite.close();
console.log(
  `yuqing-ledger bench — node ${process.version}, SQLite ${sqliteVersion}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`,
);

// One way to choose rows: --rows (args.ts checks the names); none chosen runs every group.
const chosen = ROW_GROUP_NAMES.filter((name) => args.rows.length === 0 || args.rows.includes(name));
const needsLedger = chosen.some((name) => !LEDGER_FREE.has(name));
const ledger = needsLedger
  ? benchLedger({ cacheDir: join(root, 'tmp', 'bench-cache'), size: args.size, seed: args.seed, rebuild: args.rebuild })
  : undefined;
if (ledger) console.log(`ledger: ${ledger.path} (${ledger.cached ? 'cached' : 'built this run'})\n`);

const scratchDir = mkdtempSync(join(tmpdir(), 'yq-bench-'));
const rows: BenchRow[] = [];
try {
  const base = { scratchDir, seed: args.seed, sampleSize: args.sample, runs: args.runs };
  // Ledger-free groups get a context whose ledger says so if read by mistake.
  const ctx: BenchContext = ledger
    ? { ...base, ledger }
    : Object.defineProperty(base, 'ledger', { get: () => { throw new Error('this row group needs the benchmark ledger'); } }) as BenchContext;
  for (const name of chosen) rows.push(...GROUPS[name](ctx));
} finally {
  rmSync(scratchDir, { recursive: true, force: true });
}
console.log(formatTable(rows));
