import type { Db } from '../db/open.js';
import { decodeValue } from '../ledger/op-store.js';
import { cached } from '../ledger/statements.js';

// When an incident became 已办结, for 反弹 ("closed within the last 180 days"), from its status history — the
// incident's stored operations (ledger/op-store.ts), read by row number and field number through op_log's
// (row, field, clock) index, as the digest reads a status as of a time (digest/scan.ts). The status operation in
// force is the closing; the time is the updated_at its mutation wrote beside it (the closing workstation's clock
// when the step was taken: every move through the workflow writes one), that mutation's being the first updated_at
// after the status from the same workstation. Where that operation is gone, the closing stamp's own time. The
// incident's current updated_at is not it: any later edit of a closed incident moves it.

const FIELD = (col: string) => `(SELECT id FROM op_fields WHERE tbl = 'incidents' AND col = '${col}')`;

// The winning status operation is the highest clock, ties between workstations going to the higher site id (as
// stamps sort); its mutation's updated_at has the same site and the next higher clock of that field. One statement
// per incident: 反弹 in a year's report asks it of thousands of earlier incidents.
const CLOSING_SQL = `
  SELECT i.updated_at AS current, s.hlc >> 16 AS stamp_millis,
    (SELECT u.value FROM op_log u WHERE u.row = s.row AND u.field = ${FIELD('updated_at')} AND u.hlc > s.hlc AND u.site = s.site
      ORDER BY u.hlc LIMIT 1) AS updated_at
  FROM incidents i
    LEFT JOIN op_rows r ON r.row = i.id AND r.tbl = 'incidents'
    LEFT JOIN op_log s ON s.row = r.id AND s.field = ${FIELD('status')}
      AND s.hlc = (SELECT max(m.hlc) FROM op_log m WHERE m.row = r.id AND m.field = ${FIELD('status')})
    LEFT JOIN op_sites t ON t.id = s.site
  WHERE i.id = ? AND i.status = 'closed'
  ORDER BY t.site DESC LIMIT 1`;

/** When the incident was closed, or undefined when it is not 已办结. */
export function closedAtOf(db: Db, incidentId: string): string | undefined {
  const closing = cached(db, CLOSING_SQL).get(incidentId) as { current: string; stamp_millis: number | null; updated_at: unknown } | undefined;
  if (!closing) return undefined;
  if (closing.stamp_millis === null) return closing.current;
  if (closing.updated_at !== null) return decodeValue('text', closing.updated_at) as string;
  return new Date(closing.stamp_millis).toISOString();
}
