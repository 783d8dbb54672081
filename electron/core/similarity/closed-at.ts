import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';

// When an incident became 已办结, for 反弹 ("closed within the last 180 days"), from its status history — the
// incident's synced operations, as the digest reads a status as of a time (digest/scan.ts). The status operation
// in force is the closing; the time is the updated_at its mutation wrote beside it (the closing workstation's
// clock when the step was taken: every move through the workflow writes one), that mutation's being the first
// updated_at after the status from the same workstation. Where that operation is gone, the closing stamp's own
// time. The incident's current updated_at is not it: any later edit of a closed incident moves it.

/** Stamps: `2026-11-28T20:38:08.123Z-0000-1f2e3d4c5b6a7988`, the workstation from the 31st character. */
export const CLOSED_AT_SQL = `coalesce((SELECT coalesce(
      (SELECT json_extract(u.value, '$') FROM ops u
        WHERE u.tbl = 'incidents' AND u.row = s.row AND u.col = 'updated_at' AND u.hlc > s.hlc AND substr(u.hlc, 31) = substr(s.hlc, 31)
        ORDER BY u.hlc LIMIT 1),
      substr(s.hlc, 1, 24))
    FROM (SELECT row, hlc FROM ops WHERE tbl = 'incidents' AND row = i.id AND col = 'status' ORDER BY hlc DESC LIMIT 1) s), i.updated_at)`;

/** When the incident was closed, or undefined when it is not 已办结. */
export function closedAtOf(db: Db, incidentId: string): string | undefined {
  return cached(db, `SELECT ${CLOSED_AT_SQL} FROM incidents i WHERE i.id = ? AND i.status = 'closed'`).pluck().get(incidentId) as
    | string
    | undefined;
}
