// Migration 3: sync bundles — this workstation's public keys, its peers, what each peer is known to hold, the
// bundles that came and went, operations held aside for clock skew, and concurrent edits kept for review.
//
// None of these tables is synced: they describe this workstation's relationship with others. Private keys are
// never stored here (they live behind a KeyStore: a 0600 file for the CLI, the OS keychain in the app), so a
// copied database file does not carry the ability to sign or decrypt.

export const migration = {
  version: 3,
  name: 'sync',
  sql: `
-- Export reads "every operation of site S after stamp H": the hlc key sorts by time first, so without this
-- index a bundle for a peer would scan the whole operation log once per site.
CREATE INDEX ops_site_hlc ON ops(site, hlc);

-- This workstation's key pairs (public halves). The newest unretired one signs and receives; retired ones stay
-- so bundles encrypted to them can still be read.
CREATE TABLE sync_keys (
  key_id TEXT PRIMARY KEY,
  sign_public TEXT NOT NULL,     -- Ed25519, 64 hex
  age_recipient TEXT NOT NULL,   -- age1… (X25519)
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;

-- Workstations whose bundles we accept (trusted = 1) or have heard of. One row per site.
CREATE TABLE peers (
  site TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  trusted INTEGER NOT NULL DEFAULT 1,
  added_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX peers_name ON peers(name);

-- Every key a peer has shown us; the current one is used to encrypt to it, any one verifies its older bundles.
CREATE TABLE peer_keys (
  site TEXT NOT NULL REFERENCES peers(site),
  sign_public TEXT NOT NULL,
  age_recipient TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  added_at TEXT NOT NULL,
  current INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (site, sign_public)
) STRICT;

-- What each peer is known to hold: the version vector from the newest bundle it sent us (max-merged).
CREATE TABLE peer_seen (
  peer TEXT NOT NULL,
  site TEXT NOT NULL,
  max_hlc TEXT NOT NULL,
  PRIMARY KEY (peer, site)
) STRICT, WITHOUT ROWID;

-- Bundles written and read. An imported bundle id is recorded in the same transaction as its operations, so
-- a bundle is either wholly applied and listed here, or neither.
CREATE TABLE bundles (
  bundle_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  peer_site TEXT NOT NULL,       -- sender for 'in'; '' for 'out'
  peer_name TEXT NOT NULL,       -- sender name, or the recipients for 'out'
  at TEXT NOT NULL,              -- when this workstation wrote or read it
  created_at TEXT NOT NULL,      -- the manifest's creation time
  file TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  op_count INTEGER NOT NULL,
  full INTEGER NOT NULL,
  passphrase INTEGER NOT NULL,
  applied INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  conflicts INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  renumbered INTEGER NOT NULL DEFAULT 0,
  payload_sha256 TEXT NOT NULL,
  PRIMARY KEY (bundle_id, direction)
) STRICT;
CREATE INDEX bundles_at ON bundles(at);

-- Operations stamped too far in the future: kept aside, not applied, not allowed to move the clock. Each
-- import retries them, so they apply once the wall clock has caught up (or a peer's clock was fixed).
CREATE TABLE quarantine (
  hlc TEXT PRIMARY KEY,
  site TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row TEXT NOT NULL,
  col TEXT NOT NULL,
  value TEXT NOT NULL,           -- JSON
  bundle_id TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Concurrent edits resolved by last-writer-wins, and incident numbers taken twice, listed for a person.
CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('field', 'number')),
  at TEXT NOT NULL,
  bundle_id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row TEXT NOT NULL,
  col TEXT NOT NULL,
  winner_hlc TEXT NOT NULL,
  winner_value TEXT NOT NULL,    -- JSON
  loser_hlc TEXT NOT NULL,
  loser_value TEXT NOT NULL,     -- JSON
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'kept_other', 'superseded')),
  resolved_at TEXT
) STRICT;
CREATE INDEX conflicts_status ON conflicts(status, id);
CREATE INDEX conflicts_field ON conflicts(tbl, row, col);
`,
};
