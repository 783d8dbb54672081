import type Database from 'better-sqlite3';
import { guardTriggersFor } from '../../electron/core/db/migrations/guard.js';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.js';

// For tests that make "the previous version's ledger" from one made today: each later migration's changes taken
// back, newest first, and its record forgotten, so the next open runs them all again. A migration added later must
// add its undo here (the helper refuses to guess).

const UNDO: Record<string, string> = {
  'status-history': 'DROP TABLE status_history; DROP TABLE op_prunes;',
  'compact-audit': `
    CREATE TABLE audit_text (
      seq INTEGER PRIMARY KEY, at TEXT NOT NULL, site TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
      entity TEXT NOT NULL, entity_id TEXT NOT NULL, summary TEXT NOT NULL, op_count INTEGER NOT NULL,
      first_hlc TEXT NOT NULL, last_hlc TEXT NOT NULL, ops_digest TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
    ) STRICT;
    INSERT INTO audit_text SELECT * FROM audit;
    DROP VIEW audit;
    DROP TABLE audit_log;
    ALTER TABLE audit_text RENAME TO audit;
    CREATE INDEX audit_entity ON audit(entity_id);
    CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    ${guardTriggersFor(['audit'])}`,
  'page-order-indexes': 'DROP INDEX incidents_live_found_order; DROP INDEX incidents_live_severity_order;',
  // Rebuilds the search index from the rows when it runs again: nothing to take back.
  'search-categories': '',
};

/** Takes back the migration named `first` and every one after it. */
export function forgetMigrationsFrom(db: Database.Database, first: string): void {
  const from = MIGRATIONS.findIndex((m) => m.name === first);
  if (from < 0) throw new Error(`no migration named ${first}`);
  for (const migration of MIGRATIONS.slice(from).reverse()) {
    const undo = UNDO[migration.name];
    if (undo === undefined) throw new Error(`tests/helpers/forget-migrations.ts: add how to take back migration ${migration.version} (${migration.name})`);
    db.exec(undo);
    db.prepare('DELETE FROM migrations WHERE version = ?').run(migration.version);
  }
}
