// Migration 9: numbers that never change (issue 11).
// - A number is given once by the workstation that registers the incident and never changes anywhere: each
//   workstation numbers under its own short code (YQ-2026-宣-0001), unique among its peers, so two workstations can
//   never give the same number. Import no longer renumbers, so the ledger no longer insists that a number be unique:
//   numbers given before codes existed (YQ-2026-0001 on two workstations) may meet and stay as they were shown,
//   listed for review. The unique index becomes a plain one (lookups by number stay indexed).
// - peers.code: the code on a peer's contact card, checked against ours and every other peer's.

export const migration = {
  version: 11,
  name: 'stable-numbers',
  sql: `
DROP INDEX incidents_number;
CREATE INDEX incidents_number ON incidents(number) WHERE number <> '';
ALTER TABLE peers ADD COLUMN code TEXT NOT NULL DEFAULT '';
`,
};
