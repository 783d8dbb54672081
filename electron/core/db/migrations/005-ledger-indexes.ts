import type { Db } from '../open.js';
import { guardTriggersFor } from './guard.js';

// Migration 5: indexes shaped for the ledger view at 100k incidents (DESIGN §8: page + total ≤ 10 ms).
// - Partial indexes over live rows (deleted = 0) for each filter, each ending in found_at: a filtered page reads
//   the index in order and stops after 50 rows, and its count walks a narrow index instead of the wide table.
//   SQLite keeps the rowid at the end of every index entry, so `ORDER BY found_at, rowid` needs no sort.
// - audit entries are indexed by the record they concern (the incident timeline reads them).
// - incident_categories is rebuilt keyed by (category, found_at, incident rowid), so "欠薪, newest first" and its
//   count are range scans of one small index. It is derived data, maintained by the apply path.

const SEVERITY_RANK = "(CASE severity WHEN 'extreme' THEN 4 WHEN 'major' THEN 3 WHEN 'large' THEN 2 ELSE 1 END)";

export const migration = {
  version: 5,
  name: 'ledger-indexes',
  sql: `
DROP INDEX incidents_found;
DROP INDEX incidents_status_found;
DROP INDEX incidents_severity_found;
DROP INDEX incidents_lead_unit_found;
DROP INDEX incidents_township_found;
CREATE INDEX incidents_live_found ON incidents(found_at) WHERE deleted = 0;
CREATE INDEX incidents_live_updated ON incidents(updated_at) WHERE deleted = 0;
CREATE INDEX incidents_live_number ON incidents(number) WHERE deleted = 0;
CREATE INDEX incidents_live_status ON incidents(status, found_at) WHERE deleted = 0;
CREATE INDEX incidents_live_severity ON incidents(severity, found_at) WHERE deleted = 0;
CREATE INDEX incidents_live_severity_rank ON incidents(${SEVERITY_RANK}, found_at) WHERE deleted = 0;
CREATE INDEX incidents_live_platform ON incidents(platform, found_at) WHERE deleted = 0;
CREATE INDEX incidents_live_lead ON incidents(lead_unit_id, found_at) WHERE deleted = 0;
CREATE INDEX incidents_live_township ON incidents(township_id, found_at) WHERE deleted = 0;

-- The incident timeline names who made each change from the audit entries about that incident.
CREATE INDEX audit_entity ON audit(entity_id);

DROP TABLE incident_categories;
CREATE TABLE incident_categories (
  category_id TEXT NOT NULL,
  found_at TEXT NOT NULL,
  incident_rowid INTEGER NOT NULL,
  PRIMARY KEY (category_id, found_at, incident_rowid)
) STRICT, WITHOUT ROWID;
CREATE INDEX incident_categories_incident ON incident_categories(incident_rowid);
${guardTriggersFor(['incident_categories'])}
`,
  backfill(db: Db) {
    db.exec(`
      INSERT INTO incident_categories (category_id, found_at, incident_rowid)
      SELECT DISTINCT j.value, i.found_at, i.rowid FROM incidents i, json_each(i.categories) j WHERE i.deleted = 0;`);
  },
};

export { SEVERITY_RANK };
