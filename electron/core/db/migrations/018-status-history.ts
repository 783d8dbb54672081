import { guardTriggersFor } from './guard.js';

// Migration 18: bounded history (issue 12.2), part one — the status history in its own compact form, so that the
// superseded status operations (an incident moves through five states, a commitment through several; each move
// also writes status_reason and updated_at) can be pruned without losing what people see of the past: the incident
// timeline's status changes, the digest's status as of a past date, and when an incident was closed (反弹).
//
// One row per status operation ever stored, kept by the write and apply paths (ledger/status-history.ts) and
// filled here from the operations a ledger already holds:
// - reason: the status_reason the same workstation wrote on the same row after the status and before its next
//   status (a move through the workflow writes both in one mutation);
// - at: the first updated_at the same workstation wrote on the same row after the status (the closing
//   workstation's clock when the step was taken; what 反弹's "closed within 180 days" counts from).
// Values are stored as op_log stores them (a time in a text field as its milliseconds).
//
// op_prunes: what pruning took from each audit entry's operations (ledger/prune.ts). An entry whose operations
// were partly pruned can no longer be checked against the digest it sealed, so verification checks the operations
// still stored against kept_digest, and each marker is itself sealed by the 'prune' audit entry of this
// workstation that wrote it (prune_seq): deleting operations and writing a marker means rewriting the own chain,
// which the signed head of the chain reveals.

const NEXT_STATUS = `coalesce((SELECT min(n.hlc) FROM op_log n WHERE n.row = s.row AND n.field = s.field AND n.site = s.site AND n.hlc > s.hlc), 9223372036854775807)`;

export const migration = {
  version: 18,
  name: 'status-history',
  sql: `
CREATE TABLE status_history (
  row INTEGER NOT NULL,  -- op_rows.id: an incident or a commitment
  hlc INTEGER NOT NULL,  -- the status operation's clock (millis * 65536 + counter)
  site INTEGER NOT NULL, -- op_sites.id
  status TEXT NOT NULL,
  reason ANY,            -- status_reason of the same move, NULL when it wrote none
  at ANY,                -- updated_at of the same move, NULL when it wrote none
  PRIMARY KEY (row, hlc, site)
) STRICT, WITHOUT ROWID;

INSERT INTO status_history (row, hlc, site, status, reason, at)
SELECT s.row, s.hlc, s.site, s.value,
  (SELECT r.value FROM op_log r WHERE r.row = s.row AND r.field = rf.id AND r.site = s.site
     AND r.hlc > s.hlc AND r.hlc < ${NEXT_STATUS} ORDER BY r.hlc LIMIT 1),
  (SELECT u.value FROM op_log u WHERE u.row = s.row AND u.field = uf.id AND u.site = s.site AND u.hlc > s.hlc ORDER BY u.hlc LIMIT 1)
FROM op_fields sf JOIN op_log s ON s.field = sf.id
  JOIN op_fields rf ON rf.tbl = sf.tbl AND rf.col = 'status_reason'
  JOIN op_fields uf ON uf.tbl = sf.tbl AND uf.col = 'updated_at'
WHERE sf.tbl IN ('incidents', 'commitments') AND sf.col = 'status';

CREATE TABLE op_prunes (
  site INTEGER NOT NULL,      -- op_sites.id of the entry's operations
  first_hlc INTEGER NOT NULL, -- clocks of the entry's first and last operation
  last_hlc INTEGER NOT NULL,
  pruned INTEGER NOT NULL,    -- how many of its operations were pruned
  kept_digest TEXT NOT NULL,  -- digest (ledger/audit.ts digestOps) of its operations still stored
  prune_seq INTEGER NOT NULL, -- the own audit entry that sealed this marker
  PRIMARY KEY (site, first_hlc)
) STRICT, WITHOUT ROWID;

${guardTriggersFor(['status_history', 'op_prunes'])}
`,
};
