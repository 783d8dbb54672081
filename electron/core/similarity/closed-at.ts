import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';

// When an incident became 已办结, for 反弹 ("closed within the last 180 days"): the stamp of the status operation
// now in force, read from the incident's status history (its ops, as the digest reads a status as of a time —
// digest/scan.ts). Stamps begin with their ISO time, the wall clock of the workstation that closed it, so the
// time survives sync. updated_at is not it: any later edit of a closed incident moves updated_at.

/** Closing time of the incident `i` (an SQL expression); only meaningful where i.status = 'closed'. */
export const CLOSED_AT_SQL = `coalesce((SELECT substr(o.hlc, 1, 24) FROM ops o
      WHERE o.tbl = 'incidents' AND o.row = i.id AND o.col = 'status' ORDER BY o.hlc DESC LIMIT 1), i.updated_at)`;

/** When the incident was closed, or undefined when it is not 已办结. */
export function closedAtOf(db: Db, incidentId: string): string | undefined {
  return cached(db, `SELECT ${CLOSED_AT_SQL} FROM incidents i WHERE i.id = ? AND i.status = 'closed'`).pluck().get(incidentId) as
    | string
    | undefined;
}
