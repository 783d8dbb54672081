// Migration 12: an audit trail peers can check (issue 11). Each workstation signs the head of its audit chain with
// its Ed25519 key; bundles carry the signed heads and the entries behind them; each workstation keeps its peers'
// chains (peer_audit) and their latest signed heads (audit_heads, its own included), so `audit verify` checks every
// workstation's operations against a chain whose head only that workstation could have signed. Whoever holds the
// file can still recompute plain hashes, but not a signature.

export const migration = {
  version: 14,
  name: 'signed-audit',
  sql: `
CREATE TABLE peer_audit (
  chain TEXT NOT NULL, -- the workstation whose chain this is
  seq INTEGER NOT NULL,
  site TEXT NOT NULL,  -- as sealed in the entry (the seed entry names the seed site)
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  op_count INTEGER NOT NULL,
  first_hlc TEXT NOT NULL,
  last_hlc TEXT NOT NULL,
  ops_digest TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (chain, seq)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER peer_audit_append_only_update BEFORE UPDATE ON peer_audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER peer_audit_append_only_delete BEFORE DELETE ON peer_audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The newest signed head of each chain: its own (signed at each bundle export) and each peer's (from its bundles).
CREATE TABLE audit_heads (
  site TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  sign_public TEXT NOT NULL,
  signature TEXT NOT NULL,
  signed_at TEXT NOT NULL
) STRICT;

-- How much of each chain a peer holds (from the manifests of its bundles), so a bundle carries only what it lacks.
CREATE TABLE peer_audit_seen (
  peer TEXT NOT NULL,
  site TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (peer, site)
) STRICT, WITHOUT ROWID;
`,
};
