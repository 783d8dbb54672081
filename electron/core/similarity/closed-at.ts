import type { Db } from '../db/open.js';
import { isoOfClock, isoOfStored } from '../ledger/status-history.js';
import { cached } from '../ledger/statements.js';

// When an incident became 已办结, for 反弹 ("closed within the last 180 days"), from its status history
// (ledger/status-history.ts, which outlives the pruning of superseded status operations), as the digest reads a
// status as of a time (digest/scan.ts). The move in force is the closing; the time is the updated_at that move
// wrote beside the status (the closing workstation's clock when the step was taken: every move through the
// workflow writes one). Where it wrote none, the closing stamp's own time. The incident's current updated_at is
// not it: any later edit of a closed incident moves it.

export const CLOSED_AT_SQL = `coalesce((SELECT coalesce(${isoOfStored('h.at')}, ${isoOfClock('h.hlc')})
    FROM op_rows r JOIN status_history h ON h.row = r.id JOIN op_sites s ON s.id = h.site
    WHERE r.row = i.id AND r.tbl = 'incidents' ORDER BY h.hlc DESC, s.site DESC LIMIT 1), i.updated_at)`;

/** When the incident was closed, or undefined when it is not 已办结. */
export function closedAtOf(db: Db, incidentId: string): string | undefined {
  return cached(db, `SELECT ${CLOSED_AT_SQL} FROM incidents i WHERE i.id = ? AND i.status = 'closed'`).pluck().get(incidentId) as
    | string
    | undefined;
}
