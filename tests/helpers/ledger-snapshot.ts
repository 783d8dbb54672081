import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * Every table of a ledger file, as a digest per table (rows sorted, so the order SQLite returns them in does not
 * matter): two snapshots are equal only when no row of any table was added, removed or changed.
 */
export function snapshotTables(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const out: Record<string, string> = {};
    for (const table of tables) {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v)));
      rows.sort();
      out[table] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}
