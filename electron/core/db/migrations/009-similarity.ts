import { refreshAllSignatures } from '../../similarity/signatures.js';
import type { Db } from '../open.js';
import { guardTriggersFor } from './guard.js';

// Migration 9: 共性问题 and 反弹 (issue 16).
// Synced fields:
// - responses.group_id: a 共性回应 — one response recorded for many incidents — is one ordinary response row per
//   incident, all sharing this id and written in one mutation. Every reader of responses (the clock, the first-
//   response table, the digest) therefore sees each incident answered with no change, and each row syncs alone.
// - incidents.recurrence_of: the earlier (已办结) incident a confirmed 反弹 flares up from; the earlier one gets a
//   舆情反弹 follow-up in the same mutation. incidents.recurrence_dismissed: the person said it is not a 反弹.
// Derived data (kept by the apply path, never synced):
// - incident_signatures: each incident's MinHash signature of its title and summary bigrams, beside its found_at,
//   so a period's signatures are read by date without touching the wide incidents rows.
// - incident_lsh: the signature's buckets (one per hash function, LSH with one row per band) by day, the index the
//   similar incidents of one incident are found through.
export const migration = {
  version: 9,
  name: 'similarity',
  sql: `
ALTER TABLE responses ADD COLUMN group_id TEXT;
CREATE INDEX responses_group ON responses(group_id) WHERE group_id IS NOT NULL;
ALTER TABLE incidents ADD COLUMN recurrence_of TEXT;
ALTER TABLE incidents ADD COLUMN recurrence_dismissed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX incidents_recurrence ON incidents(recurrence_of) WHERE recurrence_of IS NOT NULL;

CREATE TABLE incident_signatures (
  incident_rowid INTEGER PRIMARY KEY,
  found_at TEXT NOT NULL,
  sig BLOB NOT NULL
) STRICT;
CREATE INDEX incident_signatures_found ON incident_signatures(found_at);

CREATE TABLE incident_lsh (
  bucket INTEGER NOT NULL,
  day INTEGER NOT NULL,
  incident_rowid INTEGER NOT NULL,
  PRIMARY KEY (bucket, day, incident_rowid)
) STRICT, WITHOUT ROWID;
${guardTriggersFor(['incident_signatures', 'incident_lsh'])}
`,
  /** A ledger made before similarity existed gets every incident's signature once, here. */
  backfill(db: Db) {
    refreshAllSignatures(db);
  },
};
