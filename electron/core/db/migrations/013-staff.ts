// Migration 11: who did it (issue 11). A workstation is often shared by two or three staff: each keeps a list of its
// own (姓名, 岗位), the person at the keyboard chooses their name (remembered in meta.current_staff), and every audit
// entry names them. Saved views (筛选方案) a person makes are theirs and stay on this workstation
// (personal_views) unless shared with the office, which makes them synced saved_views. Neither table is synced.

export const migration = {
  version: 13,
  name: 'staff',
  sql: `
CREATE TABLE staff (
  name TEXT PRIMARY KEY,
  post TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  added_at TEXT NOT NULL
) STRICT;

CREATE TABLE personal_views (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX personal_views_owner_name ON personal_views(owner, name);
`,
};
