import Database from 'better-sqlite3';
import type { FieldValue, LedgerTable } from '../ledger/tables.js';
import type { ChainEntry, WireChain } from './audit-chains.js';
import { BundleError } from './errors.js';
import type { Manifest } from './manifest.js';
import type { FrameSink, HeldOp, WireConflict, WireOp } from './payload.js';
import { TABLE_ORDER } from './row-rules.js';

// Where a bundle's checked content waits while the rest of it is read: a private temporary SQLite database (the
// empty file name — SQLite keeps it in its page cache and spills it to an unlinked temporary file, so a bundle of
// any size stays within a bounded memory, and nothing of it is left behind, even after a crash). Only once the
// whole payload is read and its hash matches the signed manifest is any of it applied (apply.ts), row by row.

/** An attachment's contents as staged: its name, and its bytes in the pieces they were decoded in. */
export interface StagedBlob {
  sha256: string;
  parts(): Iterable<Buffer>;
}

export interface Staging extends FrameSink {
  /** Takes back operations released from quarantine; those the bundle itself carries are kept once, as the bundle's. */
  addReleased(ops: readonly WireOp[]): void;
  /** How many operations, and per site the first, last and count: to compare with the signed manifest. */
  opCount(): number;
  ranges(): Manifest['ranges'];
  hasDeletions(): boolean;
  /**
   * The applicable operations, whole rows at a time, tables in reference order (a row's references come first); a chunk
   * ends at the first row boundary past `ops` operations or `bytes` characters of values.
   */
  rowChunks(limits: { ops: number; bytes: number }): Generator<{ ops: WireOp[]; released: Set<string> }>;
  newerOps(max: number): Generator<HeldOp[]>;
  /** The chains, each frame's in pieces of at most `max` entries, each piece naming its chain and signed head. */
  chains(max: number): Generator<WireChain>;
  conflicts(): Generator<WireConflict[]>;
  blobs(): Generator<StagedBlob>;
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

/** What an operation costs in a chunk besides its value and row id (stamp, names, the object holding them), in characters. */
const OP_OVERHEAD = 160;

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
    CREATE TABLE chain_heads (frame INTEGER PRIMARY KEY, site TEXT NOT NULL, head TEXT NOT NULL);
    CREATE TABLE chain_entries (n INTEGER PRIMARY KEY, frame INTEGER NOT NULL, body TEXT NOT NULL);
    CREATE TABLE blob_parts (n INTEGER PRIMARY KEY, blob INTEGER NOT NULL, bytes BLOB NOT NULL);
    CREATE TABLE blobs (blob INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE);
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
  const insertEntry = db.prepare('INSERT INTO chain_entries (frame, body) VALUES (?, ?)');
  const insertHead = db.prepare('INSERT INTO chain_heads (frame, site, head) VALUES (?, ?, ?)');
  const insertPart = db.prepare('INSERT INTO blob_parts (blob, bytes) VALUES (?, ?)');
  const insertBlob = db.prepare('INSERT OR IGNORE INTO blobs (blob, sha256) VALUES (?, ?)');
  const dropParts = db.prepare('DELETE FROM blob_parts WHERE blob = ?');
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
    addChainEntries: db.transaction((frame: number, entries: readonly ChainEntry[]) => {
      for (const entry of entries) insertEntry.run(frame, JSON.stringify(entry));
    }),
    addChainHead: (frame, chain) => void insertHead.run(frame, chain.site, JSON.stringify(chain.head)),
    addConflicts: (conflicts) => void (conflicts.length > 0 && insertFrame.run('conflicts', JSON.stringify(conflicts))),
    addBlobPart: (blob, bytes) => void insertPart.run(blob, bytes),
    finishBlob: (blob, sha256) => {
      // The same contents twice (two attachments of one file) are kept once.
      if (insertBlob.run(blob, sha256).changes === 0) dropParts.run(blob);
    },
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
    *rowChunks(limits) {
      if (!indexed) {
        // Built once, after loading (one sort, cheaper than keeping it up to date insert by insert), and covering, so
        // reading the rows in this order is a walk along the index rather than a lookup per operation.
        db.exec('CREATE INDEX ops_by_row ON ops (newer, rank, tbl, row, hlc, site, col, value, released)');
        indexed = true;
      }
      let ops: WireOp[] = [];
      let bytes = 0;
      let released = new Set<string>();
      let current = '';
      const rows = db
        .prepare('SELECT hlc, site, tbl, row, col, value, released FROM ops WHERE newer = 0 ORDER BY rank, tbl, row')
        .iterate() as IterableIterator<OpRow>;
      for (const r of rows) {
        const key = `${r.tbl}\u0000${r.row}`;
        // A chunk ends only between rows: the rules judge a row by all the operations the bundle brings it. So one row
        // is a chunk of its own, however many operations or bytes it brings (its fields are bounded, one value each
        // being at most a field's largest; its history is what the bundle says about it).
        if (key !== current && (ops.length >= limits.ops || bytes >= limits.bytes)) {
          yield { ops, released };
          ops = [];
          bytes = 0;
          released = new Set();
        }
        current = key;
        bytes += r.value.length + r.row.length + OP_OVERHEAD;
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
    *chains(max) {
      const heads = db.prepare('SELECT frame, site, head FROM chain_heads ORDER BY frame').all() as { frame: number; site: string; head: string }[];
      const entries = db.prepare('SELECT n, body FROM chain_entries WHERE frame = ? AND n > ? ORDER BY n LIMIT ?');
      for (const { frame, site, head } of heads) {
        const signed = JSON.parse(head) as WireChain['head'];
        let after = 0;
        for (let piece = 0; ; piece += 1) {
          const rows = entries.all(frame, after, max) as { n: number; body: string }[];
          // A chain with no entries still brings its signed head.
          if (rows.length > 0 || piece === 0) yield { site, head: signed, entries: rows.map((r) => JSON.parse(r.body) as ChainEntry) };
          if (rows.length < max) break;
          after = rows[rows.length - 1]!.n;
        }
      }
    },
    *conflicts() {
      for (const body of db.prepare("SELECT body FROM frames WHERE kind = 'conflicts' ORDER BY n").pluck().iterate() as IterableIterator<string>) {
        yield JSON.parse(body) as WireConflict[];
      }
    },
    *blobs() {
      const parts = db.prepare('SELECT bytes FROM blob_parts WHERE blob = ? ORDER BY n').pluck();
      for (const { blob, sha256 } of db.prepare('SELECT blob, sha256 FROM blobs ORDER BY blob').all() as { blob: number; sha256: string }[]) {
        yield { sha256, parts: () => parts.iterate(blob) as IterableIterator<Buffer> };
      }
    },
    close: () => db.close(),
  };
}
