import Database from 'better-sqlite3';
import type { FieldValue, LedgerTable } from '../ledger/tables.js';
import type { WireChain } from './audit-chains.js';
import { BundleError } from './errors.js';
import type { Manifest } from './manifest.js';
import type { Blob, HeldOp, WireConflict, WireOp } from './payload.js';
import { TABLE_ORDER } from './row-rules.js';

// Where a bundle's checked content waits while the rest of it is read: a private temporary SQLite database (the
// empty file name — SQLite keeps it in its page cache and spills it to an unlinked temporary file, so a bundle of
// any size stays within a bounded memory, and nothing of it is left behind, even after a crash). Only once the
// whole payload is read and its hash matches the signed manifest is any of it applied (apply.ts), row by row.

export interface Staging {
  /** Keeps one frame's operations; `firstN` is the number (from 1) of its first operation, to name a stamp given twice. */
  addOps(known: readonly WireOp[], held: readonly HeldOp[], firstN: number): void;
  addChain(chain: WireChain): void;
  addConflicts(conflicts: readonly WireConflict[]): void;
  addBlob(blob: Blob): void;
  /** Takes back operations released from quarantine; those the bundle itself carries are kept once, as the bundle's. */
  addReleased(ops: readonly WireOp[]): void;
  /** How many operations, and per site the first, last and count: to compare with the signed manifest. */
  opCount(): number;
  ranges(): Manifest['ranges'];
  hasDeletions(): boolean;
  /** The applicable operations, whole rows at a time, tables in reference order (a row's references come first). */
  rowChunks(maxOps: number): Generator<{ ops: WireOp[]; released: Set<string> }>;
  newerOps(max: number): Generator<HeldOp[]>;
  chains(): Generator<WireChain>;
  conflicts(): Generator<WireConflict[]>;
  blobs(): Generator<Blob>;
  close(): void;
}

interface OpRow {
  hlc: string;
  site: string;
  tbl: string;
  row: string;
  col: string;
  value: string;
  released: number;
}

export function openStaging(): Staging {
  const db = new Database('');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // A small page cache: the staged rows are written once and read once, in order, so more cache buys little.
  db.pragma('cache_size = -4096');
  db.exec(`
    CREATE TABLE ops (hlc TEXT PRIMARY KEY, site TEXT NOT NULL, rank INTEGER NOT NULL, tbl TEXT NOT NULL, row TEXT NOT NULL,
      col TEXT NOT NULL, value TEXT NOT NULL, newer INTEGER NOT NULL, released INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
    CREATE TABLE frames (n INTEGER PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL);
    CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL);
    CREATE TABLE sites (site TEXT PRIMARY KEY, first TEXT NOT NULL, last TEXT NOT NULL, count INTEGER NOT NULL);
  `);
  const insertOp = db.prepare('INSERT INTO ops (hlc, site, rank, tbl, row, col, value, newer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertReleased = db.prepare(
    'INSERT INTO ops (hlc, site, rank, tbl, row, col, value, newer, released) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1) ON CONFLICT DO NOTHING',
  );
  const noteSite = db.prepare(
    `INSERT INTO sites (site, first, last, count) VALUES (?, ?, ?, 1) ON CONFLICT (site) DO UPDATE SET
       first = min(first, excluded.first), last = max(last, excluded.last), count = count + 1`,
  );
  const insertFrame = db.prepare('INSERT INTO frames (kind, body) VALUES (?, ?)');
  const rankOf = (tbl: string) => TABLE_ORDER.get(tbl as LedgerTable) ?? 0;
  let indexed = false;

  const addOps = db.transaction((known: readonly WireOp[], held: readonly HeldOp[], firstN: number) => {
    let n = firstN;
    const add = (hlc: string, site: string, tbl: string, row: string, col: string, value: string, newer: number) => {
      try {
        insertOp.run(hlc, site, rankOf(tbl), tbl, row, col, value, newer);
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
        throw new BundleError('operation', `第 ${n} 条操作的时间戳与前面的重复：${hlc}`);
      }
      noteSite.run(site, hlc, hlc);
      n += 1;
    };
    // A frame's operations are checked in order; their numbers here follow the frame's order of known, then held.
    for (const op of known) add(op.hlc, op.site, op.tbl, op.row, op.col, JSON.stringify(op.value), 0);
    for (const op of held) add(op.hlc, op.site, op.tbl, op.row, op.col, op.value, 1);
  });

  const toOp = (r: OpRow): WireOp => ({
    hlc: r.hlc,
    site: r.site,
    tbl: r.tbl as LedgerTable, // checked against the catalogue when read
    row: r.row,
    col: r.col,
    value: JSON.parse(r.value) as FieldValue,
  });

  return {
    addOps,
    addChain: (chain) => void insertFrame.run('chain', JSON.stringify(chain)),
    addConflicts: (conflicts) => void insertFrame.run('conflicts', JSON.stringify(conflicts)),
    addBlob: (blob) => void db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes) VALUES (?, ?)').run(blob.sha256, Buffer.from(blob.bytes)),
    addReleased: db.transaction((ops: readonly WireOp[]) => {
      for (const op of ops) insertReleased.run(op.hlc, op.site, rankOf(op.tbl), op.tbl, op.row, op.col, JSON.stringify(op.value));
    }),
    opCount: () => db.prepare('SELECT count(*) FROM ops WHERE released = 0').pluck().get() as number,
    ranges: () =>
      Object.fromEntries(
        (db.prepare('SELECT site, first, last, count FROM sites').all() as { site: string; first: string; last: string; count: number }[]).map(
          (r) => [r.site, { first: r.first, last: r.last, count: r.count }],
        ),
      ),
    hasDeletions: () => Boolean(db.prepare("SELECT 1 FROM ops WHERE newer = 0 AND col = 'deleted' AND value = 'true' LIMIT 1").get()),
    *rowChunks(maxOps) {
      if (!indexed) {
        // Built once, after loading (one sort, cheaper than keeping it up to date insert by insert), and covering, so
        // reading the rows in this order is a walk along the index rather than a lookup per operation.
        db.exec('CREATE INDEX ops_by_row ON ops (newer, rank, tbl, row, hlc, site, col, value, released)');
        indexed = true;
      }
      let ops: WireOp[] = [];
      let released = new Set<string>();
      let current = '';
      const rows = db
        .prepare('SELECT hlc, site, tbl, row, col, value, released FROM ops WHERE newer = 0 ORDER BY rank, tbl, row')
        .iterate() as IterableIterator<OpRow>;
      for (const r of rows) {
        const key = `${r.tbl}\u0000${r.row}`;
        // A chunk ends only between rows: the rules judge a row by all the operations the bundle brings it.
        if (key !== current && ops.length >= maxOps) {
          yield { ops, released };
          ops = [];
          released = new Set();
        }
        current = key;
        ops.push(toOp(r));
        if (r.released === 1) released.add(r.hlc);
      }
      if (ops.length > 0) yield { ops, released };
    },
    *newerOps(max) {
      let batch: HeldOp[] = [];
      for (const r of db.prepare('SELECT hlc, site, tbl, row, col, value FROM ops WHERE newer = 1 ORDER BY hlc').iterate() as IterableIterator<HeldOp>) {
        batch.push(r);
        if (batch.length >= max) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    *chains() {
      for (const body of db.prepare("SELECT body FROM frames WHERE kind = 'chain' ORDER BY n").pluck().iterate() as IterableIterator<string>) {
        yield JSON.parse(body) as WireChain;
      }
    },
    *conflicts() {
      for (const body of db.prepare("SELECT body FROM frames WHERE kind = 'conflicts' ORDER BY n").pluck().iterate() as IterableIterator<string>) {
        yield JSON.parse(body) as WireConflict[];
      }
    },
    *blobs() {
      for (const r of db.prepare('SELECT sha256, bytes FROM blobs').iterate() as IterableIterator<{ sha256: string; bytes: Buffer }>) {
        yield { sha256: r.sha256, bytes: r.bytes };
      }
    },
    close: () => db.close(),
  };
}
