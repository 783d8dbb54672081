import type { IncidentStatus, Platform, Severity } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { clockAtIso } from '../ledger/op-store.js';
import { cached } from '../ledger/statements.js';

// The one read of a period's incidents that the whole report is counted from: each incident with what it needs
// for every section — its grading, place, status, and the first response of any kind and the first press
// conference recorded before asOf (what the response requirements are judged on, as the response clock does).

export interface PeriodIncident {
  id: string;
  number: string;
  title: string;
  severity: Severity;
  platform: Platform;
  township_id: string | null;
  lead_unit_id: string | null;
  status: IncidentStatus;
  found_at: string;
  categories: string;
  first_any: string | null;
  first_press: string | null;
}

/**
 * An incident's first response and first press conference before @asOf, from the derived table of first responses
 * (migration 8): the earliest response before asOf is the earliest response, when that falls before asOf.
 * Join FIRST_RESPONSES_JOIN to `incidents i` and select FIRST_RESPONSES_COLUMNS.
 */
export const FIRST_RESPONSES_JOIN = 'LEFT JOIN incident_first_responses f ON f.incident_id = i.id';
export const FIRST_RESPONSES_COLUMNS = `CASE WHEN f.first_any < @asOf THEN f.first_any END AS first_any,
    CASE WHEN f.first_press < @asOf THEN f.first_press END AS first_press`;

/**
 * The incident's status as it stood at asOf, read from its status history (ledger/status-history.ts: it outlives the
 * pruning of superseded status operations; a move's clock begins with its time);
 * the current status where none is that old (an incident registered after asOf but found within the period).
 * A past week's report therefore keeps its figures when incidents are later closed.
 */
const STATUS_AS_OF = `coalesce((SELECT h.status FROM op_rows r JOIN status_history h ON h.row = r.id
      WHERE r.row = i.id AND r.tbl = 'incidents' AND h.hlc < @asOfClock ORDER BY h.hlc DESC LIMIT 1), i.status)`;

const PERIOD_SQL = `
  SELECT i.id, i.number, i.title, i.severity, i.platform, i.township_id, i.lead_unit_id, ${STATUS_AS_OF} AS status, i.found_at, i.categories,
    ${FIRST_RESPONSES_COLUMNS}
  FROM incidents i ${FIRST_RESPONSES_JOIN}
  WHERE i.deleted = 0 AND i.found_at >= @start AND i.found_at < @end
  ORDER BY i.found_at, i.number, i.id`; // the id last: the same order on every workstation, even for numbers given twice

export function periodIncidents(db: Db, range: { start: string; end: string; asOf: string }): PeriodIncident[] {
  // Stored clocks are millis * 65536 + counter (op-store.ts): "stamped before asOf" is "clock below asOf's".
  return cached(db, PERIOD_SQL).all({ ...range, asOfClock: clockAtIso(range.asOf) }) as PeriodIncident[];
}

/** Incidents found in [start, end): what the trend and the previous-period comparison count. */
export function countFound(db: Db, start: string, end: string): number {
  return (cached(db, 'SELECT count(*) AS n FROM incidents WHERE deleted = 0 AND found_at >= ? AND found_at < ?').get(start, end) as { n: number }).n;
}
