import { guardTriggersFor } from './guard.js';

// Migration 1: the ledger, its sync operations and its audit chain.
//
// Ledger tables hold the *result* of applying operations: every column but the primary key is a field that
// sync overwrites independently (last writer wins), so all columns have defaults and a row may come into being
// from any one of its fields. Lists (categories, co-operating units) are JSON fields; `incident_categories` is
// an index derived from `incidents.categories` for filtering, rebuilt whenever that field is applied.
//
// Guard triggers make it impossible to change a ledger table except while the core applies operations
// (`yq_guard()` answers 1 only then; a connection that lacks the function — the sqlite3 shell, another tool —
// cannot write at all). The audit log refuses UPDATE and DELETE outright.

const GUARDED = [
  'categories',
  'units',
  'townships',
  'response_rules',
  'incidents',
  'incident_categories',
  'ops',
  'sites',
  'audit',
] as const;

const guardTriggers = guardTriggersFor(GUARDED);

export const migration = {
  version: 1,
  name: 'ledger',
  sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  short TEXT NOT NULL DEFAULT '',
  color TEXT NOT NULL DEFAULT '#888888',
  keywords TEXT NOT NULL DEFAULT '[]',
  builtin INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'department',
  active INTEGER NOT NULL DEFAULT 1,
  sort_order INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX units_name ON units(name);

CREATE TABLE townships (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  sort_order INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX townships_name ON townships(name);

CREATE TABLE response_rules (
  id TEXT PRIMARY KEY, -- the severity code
  info_hours REAL,
  press_hours REAL,
  response_hours REAL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  platform TEXT NOT NULL DEFAULT 'other',
  url TEXT NOT NULL DEFAULT '',
  first_seen_at TEXT,
  found_at TEXT NOT NULL DEFAULT '',
  registrar TEXT NOT NULL DEFAULT '',
  township_id TEXT REFERENCES townships(id),
  involved_unit TEXT NOT NULL DEFAULT '',
  categories TEXT NOT NULL DEFAULT '[]',
  key_type_61 TEXT,
  severity TEXT NOT NULL DEFAULT 'general',
  sentiment TEXT NOT NULL DEFAULT 'negative',
  lead_unit_id TEXT REFERENCES units(id),
  co_unit_ids TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'triage',
  status_reason TEXT NOT NULL DEFAULT '',
  leader_instruction TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX incidents_found ON incidents(found_at);
CREATE INDEX incidents_status_found ON incidents(status, found_at);
CREATE INDEX incidents_severity_found ON incidents(severity, found_at);
CREATE INDEX incidents_lead_unit_found ON incidents(lead_unit_id, found_at);
CREATE INDEX incidents_township_found ON incidents(township_id, found_at);
CREATE INDEX incidents_number_seq ON incidents(substr(number, 1, 8), CAST(substr(number, 9) AS INTEGER));
CREATE UNIQUE INDEX incidents_number ON incidents(number) WHERE number <> '';

CREATE TABLE incident_categories (
  category_id TEXT NOT NULL REFERENCES categories(id),
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  PRIMARY KEY (category_id, incident_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX incident_categories_incident ON incident_categories(incident_id);

-- Every change as a field-level operation. hlc sorts causally and embeds the site, so it is unique.
CREATE TABLE ops (
  hlc TEXT PRIMARY KEY,
  site TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row TEXT NOT NULL,
  col TEXT NOT NULL,
  value TEXT -- JSON
) STRICT, WITHOUT ROWID;
CREATE INDEX ops_field ON ops(tbl, row, col, hlc);

-- The version vector: the highest stamp seen from each site, this one included.
CREATE TABLE sites (
  site TEXT PRIMARY KEY,
  max_hlc TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT ''
) STRICT;

-- Append-only, each entry chained to the one before by sha256.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  site TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  op_count INTEGER NOT NULL,
  first_hlc TEXT NOT NULL, -- the operations this entry wrote: this site's stamps from first_hlc to last_hlc
  last_hlc TEXT NOT NULL,
  ops_digest TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

${guardTriggers}
`,
};
