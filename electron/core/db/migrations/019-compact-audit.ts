import { guardTriggersFor } from './guard.js';

// Migration 19: the audit log stored compactly (storage only: what an entry says, what its seal covers, and the
// chains peers receive are exactly as before).
//
// An entry kept its time, its stamps and three sha256 values as text — about 300 of its ~500 bytes, 20% of a
// ledger's file. Now `audit_log` keeps:
// - at: milliseconds since 1970 when the text is exactly their ISO form (every entry this program writes);
// - site: the op_sites number of the workstation's id (ids are stored once, as op_log does);
// - first_hlc / last_hlc: the clock integer of op_log (millis * 65536 + counter), with the stamps' site number in
//   stamp_site (seed entries' stamps belong to the seed site, not the entry's);
// - ops_digest, prev_hash, hash: the 32 bytes rather than 64 hex characters.
// A value that does not have the exact form is kept as the text it was, so nothing an older or foreign writer made
// changes. The view `audit` shows the log in its old shape, column for column, for every reader; writing to it is
// refused (the log is append-only; the core appends to audit_log).

const ISO_OF_MILLIS = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%S', ${ms} / 1000, 'unixepoch') || printf('.%03dZ', ${ms} % 1000)`;
const STAMP_OF_CLOCK = (clock: string) =>
  `strftime('%Y-%m-%dT%H:%M:%S', (${clock} >> 16) / 1000, 'unixepoch') || printf('.%03dZ-%04x-', (${clock} >> 16) % 1000, ${clock} & 65535)`;
const HEX_OF = (v: string) => `CASE typeof(${v}) WHEN 'blob' THEN lower(hex(${v})) ELSE ${v} END`;

// Encodings for the backfill, each kept only where decoding gives back the very text (checked in the SELECT).
const MILLIS_OF_ISO = (t: string) => `(unixepoch(substr(${t}, 1, 19)) * 1000 + CAST(substr(${t}, 21, 3) AS INTEGER))`;
const HEX4 = (expr: string) =>
  [0, 1, 2, 3].map((i) => `(instr('0123456789abcdef', substr(${expr}, ${i + 1}, 1)) - 1) * ${16 ** (3 - i)}`).join(' + ');
const CLOCK_OF_STAMP = (t: string) => `((${MILLIS_OF_ISO(t)} << 16) + ${HEX4(`substr(${t}, 26, 4)`)})`;
const IS_ISO = (t: string) =>
  `(typeof(${t}) = 'text' AND ${t} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND ${t} >= '1970'
    AND ${ISO_OF_MILLIS(MILLIS_OF_ISO(t))} = ${t})`;
const IS_STAMP = (t: string) =>
  `(${t} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*'
    AND ${t} >= '1970' AND ${STAMP_OF_CLOCK(CLOCK_OF_STAMP(t))} || substr(${t}, 31) = ${t})`;
const IS_HEX32 = (t: string) => `(length(${t}) = 64 AND lower(hex(unhex(${t}))) = ${t})`;

const refuse = (event: string, why: string) => `CREATE TRIGGER audit_view_${event.toLowerCase()} INSTEAD OF ${event} ON audit
  BEGIN SELECT RAISE(ABORT, '${why}'); END;`;
const APPEND_ONLY = 'the audit log is append-only';
const CORE_ONLY = 'ledger tables change only through the core mutation path, which writes sync operations and an audit entry in the same transaction';

export const migration = {
  version: 19,
  name: 'compact-audit',
  sql: `
ALTER TABLE audit RENAME TO audit_v18;
DROP INDEX audit_entity;
DROP TRIGGER audit_append_only_update;
DROP TRIGGER audit_append_only_delete;
DROP TRIGGER guard_audit_insert;
DROP TRIGGER guard_audit_update;
DROP TRIGGER guard_audit_delete;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at ANY NOT NULL,         -- milliseconds since 1970, or the text when it is not exactly their ISO form
  site INTEGER NOT NULL,   -- op_sites.id
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  op_count INTEGER NOT NULL,
  stamp_site INTEGER,      -- op_sites.id of the stamps' site; NULL when the stamps are kept as text
  first_hlc ANY NOT NULL,  -- the clock (millis * 65536 + counter), or the text ('' for an entry with no operations)
  last_hlc ANY NOT NULL,
  ops_digest ANY NOT NULL, -- the 32 bytes, or the text when it is not 64 lower-case hex characters
  prev_hash ANY NOT NULL,
  hash ANY NOT NULL
) STRICT;
CREATE INDEX audit_entity ON audit_log(entity_id);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

INSERT INTO op_sites (site) SELECT DISTINCT site FROM audit_v18 WHERE true ON CONFLICT (site) DO NOTHING;
INSERT INTO op_sites (site) SELECT DISTINCT substr(first_hlc, 31) FROM audit_v18 WHERE ${IS_STAMP('first_hlc')} ON CONFLICT (site) DO NOTHING;
INSERT INTO audit_log (seq, at, site, actor, action, entity, entity_id, summary, op_count, stamp_site, first_hlc, last_hlc,
  ops_digest, prev_hash, hash)
SELECT a.seq,
  CASE WHEN ${IS_ISO('a.at')} THEN ${MILLIS_OF_ISO('a.at')} ELSE a.at END,
  s.id, a.actor, a.action, a.entity, a.entity_id, a.summary, a.op_count,
  CASE WHEN c.compact THEN t.id END,
  CASE WHEN c.compact THEN ${CLOCK_OF_STAMP('a.first_hlc')} ELSE a.first_hlc END,
  CASE WHEN c.compact THEN ${CLOCK_OF_STAMP('a.last_hlc')} ELSE a.last_hlc END,
  CASE WHEN ${IS_HEX32('a.ops_digest')} THEN unhex(a.ops_digest) ELSE a.ops_digest END,
  CASE WHEN ${IS_HEX32('a.prev_hash')} THEN unhex(a.prev_hash) ELSE a.prev_hash END,
  CASE WHEN ${IS_HEX32('a.hash')} THEN unhex(a.hash) ELSE a.hash END
FROM audit_v18 a
  JOIN op_sites s ON s.site = a.site
  -- Stamps are compact when both are, and name one site.
  JOIN (SELECT seq, (${IS_STAMP('first_hlc')} AND ${IS_STAMP('last_hlc')} AND substr(first_hlc, 31) = substr(last_hlc, 31)) AS compact
        FROM audit_v18) c ON c.seq = a.seq
  LEFT JOIN op_sites t ON t.site = substr(a.first_hlc, 31)
ORDER BY a.seq;
DROP TABLE audit_v18;

CREATE VIEW audit (seq, at, site, actor, action, entity, entity_id, summary, op_count, first_hlc, last_hlc, ops_digest,
  prev_hash, hash) AS
SELECT a.seq,
  CASE typeof(a.at) WHEN 'integer' THEN ${ISO_OF_MILLIS('a.at')} ELSE a.at END,
  s.site, a.actor, a.action, a.entity, a.entity_id, a.summary, a.op_count,
  CASE WHEN typeof(a.first_hlc) = 'integer' THEN ${STAMP_OF_CLOCK('a.first_hlc')} || t.site ELSE a.first_hlc END,
  CASE WHEN typeof(a.last_hlc) = 'integer' THEN ${STAMP_OF_CLOCK('a.last_hlc')} || t.site ELSE a.last_hlc END,
  ${HEX_OF('a.ops_digest')}, ${HEX_OF('a.prev_hash')}, ${HEX_OF('a.hash')}
FROM audit_log a JOIN op_sites s ON s.id = a.site LEFT JOIN op_sites t ON t.id = a.stamp_site;
${refuse('INSERT', CORE_ONLY)}
${refuse('UPDATE', APPEND_ONLY)}
${refuse('DELETE', APPEND_ONLY)}

${guardTriggersFor(['audit_log'])}
`,
};
