// Migration 9: spreadsheet imports (issue 9), local to this workstation like its notification state.
// - spreadsheet_imports: one row per import run — file name, sha256, sheet, when, who, counts.
// - spreadsheet_import_rows: the fingerprint of every row imported (sha256 of the row's normalised content), so a
//   later copy of the file, with rows added or moved, adds only the rows not seen before. Another workstation
//   recognises rows that reached it by sync through their content (same 标题 and 发现时间), not this table.
// - spreadsheet_mappings: column mappings the person saved by name, offered for the next file.

export const migration = {
  version: 9,
  name: 'spreadsheet-imports',
  sql: `
CREATE TABLE spreadsheet_imports (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  sheet TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  rows INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  skipped INTEGER NOT NULL
) STRICT;

CREATE TABLE spreadsheet_import_rows (
  fingerprint TEXT PRIMARY KEY,
  import_id TEXT NOT NULL REFERENCES spreadsheet_imports(id),
  row_number INTEGER NOT NULL,
  incident_id TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE spreadsheet_mappings (
  name TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;
`,
};
