// Migration 10: operations from a newer version of the app, held until this one is upgraded (issue 11).
// A bundle from a peer that syncs more fields or tables than this version knows is still applied: what this version
// understands is applied at once, the rest is kept here, as it came, and applied by the version that knows it (on
// the first open after the upgrade; sync/held.ts). Held operations are part of what this workstation holds: they
// count in its version vector and travel on in its bundles, so a third workstation gets them through this one.

export const migration = {
  version: 12,
  name: 'held-ops',
  sql: `
CREATE TABLE held_ops (
  hlc TEXT PRIMARY KEY,
  site TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row TEXT NOT NULL,
  col TEXT NOT NULL,
  value TEXT NOT NULL,           -- JSON, as it came
  sync_version INTEGER NOT NULL, -- the version of the bundle that brought it
  bundle_id TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX held_ops_site ON held_ops(site, hlc);
`,
};
