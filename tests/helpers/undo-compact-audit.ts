import type Database from 'better-sqlite3';
import { guardTriggersFor } from '../../electron/core/db/migrations/guard.js';

/**
 * Puts a ledger's audit log back the way versions before migration 19 (compact-audit) kept it — a text table with
 * its index and triggers — and forgets that the migration ran, so the next open runs it again. For tests that
 * make "the previous version's ledger" from one made today and then take a later migration away.
 */
export function undoCompactAudit(db: Database.Database): void {
  db.exec(`
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
    ${guardTriggersFor(['audit'])}
    DELETE FROM migrations WHERE version = 19;
  `);
}
