import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { LedgerError } from '../../../shared/errors.js';
import { type Migration, MIGRATIONS } from './migrations/index.js';
import { fileProblem } from '../file-problems.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of the database file, or ':memory:'. */
  path: string;
  /**
   * The better-sqlite3 addon to load. Electron passes its own ABI build here, while Node (tests, CLI) uses the
   * one npm built into node_modules — so one install serves both without rebuilding in place.
   */
  nativeBinding?: string;
  readonly?: boolean;
  /** Tests only: build a ledger as an older version of the app did, with the first migrations alone. */
  migrations?: readonly Migration[];
}

/** The write guard the ledger's triggers consult; see migration 1. */
export interface WriteGuard {
  /** Runs `fn` with ledger-table writes allowed. Only the mutation path and sync import call it. */
  allow<T>(fn: () => T): T;
}

export const SCHEMA_VERSION = MIGRATIONS.length;

export const checksumOf = (sql: string) => createHash('sha256').update(sql).digest('hex');

/**
 * Opens (creating if needed) a ledger database: WAL, foreign keys, the guard function, and migrations applied
 * or verified. A database from a newer app, or one whose recorded migrations differ from ours, is refused.
 */
export function openDatabase(options: OpenOptions): { db: Db; guard: WriteGuard } {
  let db: Db;
  try {
    db = new Database(options.path, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true } : {}),
    });
  } catch (error) {
    // better-sqlite3 checks the folder itself and throws a plain TypeError (no code) when it is missing.
    const folderMissing = options.path !== ':memory:' && !existsSync(dirname(options.path));
    throw new LedgerError('storage', `无法打开台账数据库：${folderMissing ? '所在文件夹不存在' : fileProblem(error)}`);
  }
  try {
    if (!options.readonly && options.path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL'); // safe with WAL: a crash loses at most the last commits, never consistency
    // A second writer (the app and a scheduled `yq bundle import`) waits its turn rather than failing: a large
    // import may hold the ledger for many seconds.
    db.pragma('busy_timeout = 60000');
    startWritesImmediately(db);
    // 64 MB of page cache: a desktop app with one ledger can afford it, and the digest and dashboard revisit
    // thousands of index pages per call at 100k incidents.
    db.pragma('cache_size = -65536');
    let depth = 0;
    db.function('yq_guard', { deterministic: false, varargs: false }, () => (depth > 0 ? 1 : 0));
    const guard: WriteGuard = {
      allow(fn) {
        depth += 1;
        try {
          return fn();
        } finally {
          depth -= 1;
        }
      },
    };
    migrate(db, guard, options.readonly === true, options.migrations ?? MIGRATIONS);
    // Keeps the planner's statistics fresh as the ledger grows (bounded work; SQLite's advice for each open).
    db.pragma('analysis_limit = 400');
    db.pragma('optimize = 0x10002');
    return { db, guard };
  } catch (error) {
    db.close();
    if (error instanceof LedgerError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      throw new LedgerError('storage', `${options.path} 不是台账数据库，或文件已损坏（${code}）`);
    }
    throw new LedgerError('storage', `无法打开台账数据库：${fileProblem(error)}`);
  }
}

/**
 * Every transaction on a ledger starts IMMEDIATE: it takes the write lock before its first read. A deferred one
 * reads, then asks to write, and WAL answers SQLITE_BUSY at once when another process wrote in between — the busy
 * timeout cannot help it. One place for every write path, present and future (mutate, audited, imports,
 * reference edits); a read-only snapshot can still ask for `.deferred()`.
 */
function startWritesImmediately(db: Db): void {
  const transaction = db.transaction.bind(db);
  const immediateByDefault: Db['transaction'] = (fn) => {
    const variants = transaction(fn);
    // better-sqlite3 gives every variant the same .deferred/.immediate/.exclusive properties; its types do not say so.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the variant passes its own `this` on to fn
    return variants.immediate as typeof variants;
  };
  db.transaction = immediateByDefault;
}

function migrate(db: Db, guard: WriteGuard, readonly: boolean, MIGRATIONS: readonly Migration[]): void {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'")
    .get();
  if (!hasTable) {
    if (readonly) throw new LedgerError('storage', '数据库尚未初始化');
    db.exec(`CREATE TABLE migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  }
  const applied = db.prepare('SELECT version, name, checksum FROM migrations ORDER BY version').all() as {
    version: number;
    name: string;
    checksum: string;
  }[];
  if (applied.length > MIGRATIONS.length) {
    throw new LedgerError(
      'storage',
      `数据库结构版本为 ${applied.length}，高于本程序支持的 ${MIGRATIONS.length}：请升级程序后再打开。`,
    );
  }
  applied.forEach((row, i) => {
    const expected = MIGRATIONS[i]!;
    if (row.version !== expected.version || row.checksum !== checksumOf(expected.sql)) {
      throw new LedgerError(
        'storage',
        `数据库迁移记录不一致：第 ${row.version} 号迁移（${row.name}）与程序不符，已拒绝打开以免损坏数据。`,
      );
    }
  });
  const pending = MIGRATIONS.slice(applied.length);
  if (pending.length === 0) return;
  if (readonly) throw new LedgerError('storage', '数据库需要升级，但以只读方式打开');
  const record = db.prepare('INSERT INTO migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    guard.allow(() => {
      for (const m of pending) {
        db.exec(m.sql);
        m.backfill?.(db);
        record.run(m.version, m.name, checksumOf(m.sql), new Date().toISOString());
      }
    });
  })();
}
