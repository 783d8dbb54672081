import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeIncidents } from '../../demo/fill.js';
import { generateIncidents, type GeneratedIncident } from '../../demo/generate.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { LEDGER_TABLES } from '../../../electron/core/ledger/tables.js';
import { BENCH_NOW } from '../bench-ledger.js';
import type { RowGroup } from '../context.js';
import { againstCeiling, count, timeMs } from '../measure.js';
import type { BenchRow } from '../table.js';

// Writing through the mutation path (field operations, apply, hash-chained audit: one mutation per registration
// or status change, 2000 to a transaction) against the floor: the same final rows inserted with one prepared
// statement into a plain table with the same columns, in one transaction, in the same run.

interface Written {
  ms: number;
  ops: number;
  auditEntries: number;
  mutations: number;
  rows: Record<string, unknown>[];
  columns: { name: string; type: string; pk: number }[];
}

function writeThroughCore(path: string, incidents: readonly GeneratedIncident[]): Written {
  const ledger = openLedger({ path, actor: '基准测试' });
  try {
    let report: ReturnType<typeof writeIncidents> | undefined;
    const ms = timeMs(() => {
      report = writeIncidents(ledger.ctx, incidents);
    });
    const rows = ledger.db.prepare('SELECT * FROM incidents ORDER BY number').all() as Record<string, unknown>[];
    const columns = ledger.db.prepare('PRAGMA table_info(incidents)').all() as Written['columns'];
    return {
      ms,
      ops: report!.ops,
      auditEntries: report!.auditEntries,
      mutations: report!.auditEntries,
      rows,
      columns,
    };
  } finally {
    ledger.close();
  }
}

function writeRaw(path: string, written: Written): number {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL'); // the same durability settings the ledger uses
    db.pragma('synchronous = NORMAL');
    const cols = written.columns;
    db.exec(
      `CREATE TABLE plain (${cols.map((c) => `${c.name} ${c.type}${c.pk ? ' PRIMARY KEY' : ''}`).join(', ')}) STRICT`,
    );
    const insert = db.prepare(`INSERT INTO plain (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map((c) => `@${c.name}`).join(', ')})`);
    const all = db.transaction((rows: readonly Record<string, unknown>[]) => {
      for (const row of rows) insert.run(row);
    });
    return timeMs(() => all(written.rows));
  } finally {
    db.close();
  }
}

const MIN_RATE = 1000; // DESIGN §8: ≥ 1,000 incidents/s with their history
const MAX_GROWTH = 1.5; // DESIGN §8: within 1.5× between 10k and 100k

/** `ok 1.20× budget` / `OVER 0.40× budget` for a floor: the measured value over the minimum. */
const atLeast = (value: number, floor: number) => `${value >= floor ? 'ok' : 'OVER'} ${(value / floor).toFixed(2)}× floor`;

const rate = (n: number, ms: number) => `${count((n * 1000) / ms)} incidents/s`;

/**
 * The floor for the whole benchmark ledger: every final row of every ledger table (incidents, responses,
 * commitments, follow-ups, reference data …) inserted with one prepared statement per table into plain tables of
 * the same columns, in one transaction. Rows are read into memory table by table first; only the inserts are timed.
 */
function rawWholeLedger(ledgerPath: string, scratchPath: string): { ms: number; rows: number; tables: number } {
  const source = new Database(ledgerPath, { readonly: true });
  const target = new Database(scratchPath);
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = NORMAL');
    let ms = 0;
    let rows = 0;
    const tables = Object.keys(LEDGER_TABLES);
    for (const table of tables) {
      const columns = source.prepare(`PRAGMA table_info(${table})`).all() as Written['columns'];
      target.exec(`CREATE TABLE ${table} (${columns.map((c) => `${c.name} ${c.type}${c.pk ? ' PRIMARY KEY' : ''}`).join(', ')}) STRICT`);
      const all = source.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      const insert = target.prepare(`INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map((c) => `@${c.name}`).join(', ')})`);
      const write = target.transaction(() => {
        for (const row of all) insert.run(row);
      });
      ms += timeMs(() => write());
      rows += all.length;
    }
    return { ms, rows, tables: tables.length };
  } finally {
    source.close();
    target.close();
  }
}

export const insertRows: RowGroup = ({ ledger, scratchDir, seed, sampleSize }) => {
  const generated = generateIncidents({ count: sampleSize, seed: seed + 1, now: BENCH_NOW });
  const registrationsOnly = generated.map((g) => ({ ...g, steps: [] }));
  const created = writeThroughCore(join(scratchDir, 'create.db'), registrationsOnly);
  const rawCreated = writeRaw(join(scratchDir, 'raw-create.db'), created);
  const lived = writeThroughCore(join(scratchDir, 'lived.db'), generated);
  const rawLived = writeRaw(join(scratchDir, 'raw-lived.db'), lived);
  const n = sampleSize;
  const rows: BenchRow[] = [
    {
      measure: `raw prepared INSERT of the same ${count(n)} rows, plain table, one transaction`,
      value: rate(n, rawCreated),
      budget: '—',
      verdict: 'baseline',
    },
    {
      measure: `mutation path: register ${count(n)} incidents`,
      value: rate(n, created.ms),
      budget: '—',
      verdict: `${(created.ms / rawCreated).toFixed(1)}× raw time`,
    },
    {
      measure: `mutation path: ${count(n)} incidents with their status history (${count(lived.mutations)} mutations)`,
      value: rate(n, lived.ms),
      budget: `≥ ${count(MIN_RATE)} incidents/s`,
      verdict: `${atLeast((n * 1000) / lived.ms, MIN_RATE)}; ${(lived.ms / rawLived).toFixed(1)}× raw time (raw ${rate(n, rawLived)})`,
    },
    {
      measure: '  written: sync ops / audit entries',
      value: `${count(lived.ops)} / ${count(lived.auditEntries)}`,
      budget: '—',
      verdict: `${(lived.ops / n).toFixed(1)} ops, ${(lived.auditEntries / n).toFixed(1)} entries per incident`,
    },
  ];
  const b = ledger.build;
  const whole = rawWholeLedger(ledger.path, join(scratchDir, 'raw-whole.db'));
  rows.push({
    measure: `raw prepared INSERT of the full ledger's final rows (${count(whole.rows)} rows in ${whole.tables} tables), plain tables`,
    value: `${rate(b.incidents, whole.ms)} (${(whole.ms / 1000).toFixed(1)} s)`,
    budget: '—',
    verdict: 'baseline',
  });
  rows.push({
    measure: `full build: ${count(ledger.size)} incidents with history (${count(b.auditEntries)} mutations)`,
    value: `${rate(b.incidents, b.ms)} (${(b.ms / 1000).toFixed(0)} s)`,
    budget: `≥ ${count(MIN_RATE)} incidents/s`,
    verdict: `${atLeast((b.incidents * 1000) / b.ms, MIN_RATE)}; ${(b.ms / whole.ms).toFixed(0)}× raw time; ${ledger.cached ? `cached, built ${b.builtAt.slice(0, 16).replace('T', ' ')}Z` : 'built this run'}`,
  });
  if (b.tenths) {
    // The ledger at half its size against the ledger at full size: the cost of one mutation must not grow with it.
    const middle = b.tenths[4]!;
    const last = b.tenths[9]!;
    rows.push({
      measure: `  per mutation, ledger at ${count(ledger.size / 2)} vs at ${count(ledger.size)} incidents (5th vs 10th tenth of the build)`,
      value: `${(middle * 1000).toFixed(0)} µs vs ${(last * 1000).toFixed(0)} µs`,
      budget: `≤ ${MAX_GROWTH}× growth`,
      verdict: againstCeiling(last / middle, MAX_GROWTH).replace('budget', 'budget of growth'),
    });
  }
  rows.push({
    measure: '  written: sync ops / audit entries',
    value: `${count(b.ops)} / ${count(b.auditEntries)}`,
    budget: '—',
    verdict: `${(b.ops / b.incidents).toFixed(1)} ops, ${(b.auditEntries / b.incidents).toFixed(1)} entries per incident`,
  });
  return rows;
};
