import type { Db } from '../open.js';
import { guardTriggersFor } from './guard.js';

// Migration 15: operations stored compactly (storage only: bundles carry operations exactly as before).
//
// The operation log was a WITHOUT ROWID table keyed by the 45-character stamp, with the site id, table, row id and
// column repeated as text in every row and again in two indexes — 59% of the file, and every write inserted into
// an index keyed by (table, row id, …) at a random place. Now:
// - op_log: (site number, clock integer = millis * 65536 + counter) as the key — a workstation's own writes append
//   at the end of its range —, the row and field as small integers, the value in its SQLite type (booleans and
//   whole numbers as integers, lists as JSON text, a time in a text field as its milliseconds);
// - op_sites, op_rows, op_fields: each text key stored once (a field's type says how its value decodes);
// - one index, (row, field, clock): a row's history and each field's winner, the only lookup sync and the
//   timeline need besides the key.
// The view `ops` shows the log in its old shape (stamp text, site, table, row, column, value as JSON) for people
// and tests reading the file; writing to it is refused like any write that bypasses the core.
//
// The old table is converted in place by the backfill (SQL only: a 100k-incident ledger holds millions of rows).

const HEX4 = (expr: string) =>
  [0, 1, 2, 3]
    .map((i) => `(instr('0123456789abcdef', substr(${expr}, ${i + 1}, 1)) - 1) * ${16 ** (3 - i)}`)
    .join(' + ');

/**
 * The synced fields and their types as of this migration (ledger/tables.ts then), written out so that a later change
 * there cannot change what this upgrade does. A field added later gets its row when it is first written.
 */
const FIELD_TYPES_V15: Record<string, Record<string, string>> = {
  categories: {name: 'text', short: 'text', color: 'text', keywords: 'json-strings', builtin: 'bool', sort_order: 'int', deleted: 'bool'},
  units: {name: 'text', kind: 'text', active: 'bool', sort_order: 'int', deleted: 'bool'},
  townships: {name: 'text', active: 'bool', sort_order: 'int', deleted: 'bool'},
  response_rules: {info_hours: 'real?', press_hours: 'real?', response_hours: 'real?', deleted: 'bool'},
  incidents: {number: 'text', title: 'text', summary: 'text', platform: 'text', url: 'text', first_seen_at: 'text?', found_at: 'text', registrar: 'text', township_id: 'text?', involved_unit: 'text', categories: 'json-strings', key_type_61: 'text?', severity: 'text', sentiment: 'text', lead_unit_id: 'text?', co_unit_ids: 'json-strings', status: 'text', status_reason: 'text', leader_instruction: 'text', created_at: 'text', updated_at: 'text', deleted: 'bool', recurrence_of: 'text?', recurrence_dismissed: 'bool'},
  responses: {incident_id: 'text?', at: 'text', method: 'text', channel: 'text', url: 'text', content: 'text', unit_id: 'text?', disposition: 'text?', created_at: 'text', deleted: 'bool', group_id: 'text?'},
  attachments: {incident_id: 'text?', sha256: 'text', name: 'text', mime: 'text', size: 'int', created_at: 'text', deleted: 'bool'},
  saved_views: {name: 'text', query: 'text', created_at: 'text', deleted: 'bool'},
  commitments: {incident_id: 'text?', response_id: 'text?', number: 'text', content: 'text', unit_id: 'text?', person: 'text', promised_at: 'text', deadline_kind: 'text', deadline_n: 'int', deadline_from: 'text', deadline: 'text', calendar_verified: 'bool', status: 'text', status_reason: 'text', fulfilled_at: 'text?', evidence: 'text', pub_state: 'text', pub_channel: 'text?', pub_at: 'text?', pub_url: 'text', pub_note: 'text', check_by: 'text', check_at: 'text?', check_result: 'text', created_at: 'text', updated_at: 'text', deleted: 'bool'},
  followups: {incident_id: 'text?', commitment_id: 'text?', kind: 'text', at: 'text', actor: 'text', content: 'text', created_at: 'text', deleted: 'bool'},
  feedback: {incident_id: 'text?', commitment_id: 'text?', at: 'text', method: 'text', satisfaction: 'int', note: 'text', actor: 'text', created_at: 'text', deleted: 'bool'},
  calendar_overrides: {work: 'bool', name: 'text', deleted: 'bool'},
};

/** Whether a text is exactly the ISO form of a time since 1970 (what op-store.ts stores as milliseconds). */
const IS_ISO_MILLIS = (text: string) =>
  `${text} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'
   AND strftime('%Y-%m-%dT%H:%M:%fZ', ${text}) = ${text} AND ${text} >= '1970'`;

const refuse = (event: string) => `CREATE TRIGGER ops_view_${event.toLowerCase()} INSTEAD OF ${event} ON ops
  BEGIN SELECT RAISE(ABORT, 'ledger tables change only through the core mutation path, which writes sync operations and an audit entry in the same transaction'); END;`;

export const migration = {
  version: 15,
  name: 'compact-ops',
  sql: `
ALTER TABLE ops RENAME TO ops_v14;

CREATE TABLE op_sites (id INTEGER PRIMARY KEY, site TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE op_fields (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  col TEXT NOT NULL,
  type TEXT NOT NULL, -- a field type of ledger/tables.ts, or 'json' for a field only a newer version knows
  UNIQUE (tbl, col)
) STRICT;
CREATE TABLE op_rows (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row TEXT NOT NULL, UNIQUE (row, tbl)) STRICT;
CREATE TABLE op_log (
  site INTEGER NOT NULL,  -- op_sites.id
  hlc INTEGER NOT NULL,   -- millis * 65536 + counter
  row INTEGER NOT NULL,   -- op_rows.id
  field INTEGER NOT NULL, -- op_fields.id
  value ANY,
  PRIMARY KEY (site, hlc)
) STRICT, WITHOUT ROWID;
CREATE INDEX op_log_row ON op_log(row, field, hlc);

CREATE VIEW ops (hlc, site, tbl, row, col, value) AS
SELECT strftime('%Y-%m-%dT%H:%M:%S', (o.hlc >> 16) / 1000, 'unixepoch')
         || printf('.%03dZ-%04x-', (o.hlc >> 16) % 1000, o.hlc & 65535) || s.site,
       s.site, r.tbl, r.row, f.col,
       CASE f.type WHEN 'bool' THEN CASE WHEN o.value THEN 'true' ELSE 'false' END
                   WHEN 'json-strings' THEN o.value WHEN 'json' THEN o.value
                   ELSE json_quote(CASE WHEN f.type IN ('text', 'text?') AND typeof(o.value) = 'integer'
                     THEN strftime('%Y-%m-%dT%H:%M:%S', o.value / 1000, 'unixepoch') || printf('.%03dZ', o.value % 1000)
                     ELSE o.value END) END
FROM op_log o JOIN op_sites s ON s.id = o.site JOIN op_rows r ON r.id = o.row JOIN op_fields f ON f.id = o.field;
${refuse('INSERT')}
${refuse('UPDATE')}
${refuse('DELETE')}

${guardTriggersFor(['op_sites', 'op_fields', 'op_rows', 'op_log'])}
`,
  backfill(db: Db) {
    const field = db.prepare('INSERT INTO op_fields (tbl, col, type) VALUES (?, ?, ?)');
    for (const [tbl, columns] of Object.entries(FIELD_TYPES_V15)) {
      for (const [col, type] of Object.entries(columns)) field.run(tbl, col, type);
    }
    db.exec(`
      INSERT INTO op_fields (tbl, col, type) SELECT DISTINCT tbl, col, 'json' FROM ops_v14 WHERE true
        ON CONFLICT (tbl, col) DO NOTHING;
      INSERT INTO op_sites (site) SELECT DISTINCT site FROM ops_v14 ORDER BY site;
      INSERT INTO op_rows (tbl, row) SELECT tbl, row FROM ops_v14 GROUP BY tbl, row ORDER BY min(hlc);
      INSERT INTO op_log (site, hlc, row, field, value)
        SELECT s.id,
               ((unixepoch(substr(o.hlc, 1, 19)) * 1000 + CAST(substr(o.hlc, 21, 3) AS INTEGER)) << 16) + ${HEX4('substr(o.hlc, 26, 4)')},
               r.id, f.id,
               CASE f.type WHEN 'bool' THEN (o.value = 'true')
                           WHEN 'json-strings' THEN o.value WHEN 'json' THEN o.value
                           ELSE CASE WHEN f.type IN ('text', 'text?') AND ${IS_ISO_MILLIS("(o.value ->> '$')")}
                             THEN unixepoch(substr(o.value ->> '$', 1, 19)) * 1000 + CAST(substr(o.value ->> '$', 21, 3) AS INTEGER)
                             ELSE o.value ->> '$' END END
        FROM ops_v14 o JOIN op_sites s ON s.site = o.site JOIN op_rows r ON r.tbl = o.tbl AND r.row = o.row
             JOIN op_fields f ON f.tbl = o.tbl AND f.col = o.col;
      DROP TABLE ops_v14;`);
  },
};
