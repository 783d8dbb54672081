import type { IncidentStatus, Platform, Severity } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
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
 * An incident's first response and first press conference before @asOf, as `at|at` (the second part empty when
 * there was no press conference; NULL when no response at all), read in one probe of the live-responses index
 * (incident, method, at) alone. One probe instead of two, and no response rows read: the planner would pick
 * (incident, at) and read every row to check `deleted`. At 100k incidents this is most of the digest's time.
 */
export const FIRST_RESPONSES = `(SELECT min(r.at) || '|' || ifnull(min(CASE WHEN r.method = 'press_conference' THEN r.at END), '')
      FROM responses r INDEXED BY responses_first WHERE r.incident_id = i.id AND r.deleted = 0 AND r.at < @asOf)`;

/** Splits FIRST_RESPONSES. */
export function firstResponses(firsts: string | null): { first_any: string | null; first_press: string | null } {
  if (firsts === null) return { first_any: null, first_press: null };
  const [any, press] = firsts.split('|');
  return { first_any: any ?? null, first_press: press ? press : null };
}

/**
 * The incident's status as it stood at asOf, read from its status operations (stamps begin with their ISO time);
 * the current status where none is that old (an incident registered after asOf but found within the period).
 * A past week's report therefore keeps its figures when incidents are later closed.
 */
const STATUS_AS_OF = `coalesce((SELECT json_extract(o.value, '$') FROM ops o
      WHERE o.tbl = 'incidents' AND o.row = i.id AND o.col = 'status' AND o.hlc < @asOf ORDER BY o.hlc DESC LIMIT 1), i.status)`;

const PERIOD_SQL = `
  SELECT i.id, i.number, i.title, i.severity, i.platform, i.township_id, i.lead_unit_id, ${STATUS_AS_OF} AS status, i.found_at, i.categories,
    ${FIRST_RESPONSES} AS firsts
  FROM incidents i
  WHERE i.deleted = 0 AND i.found_at >= @start AND i.found_at < @end
  ORDER BY i.found_at, i.number`;

export function periodIncidents(db: Db, range: { start: string; end: string; asOf: string }): PeriodIncident[] {
  const rows = cached(db, PERIOD_SQL).all(range) as (Omit<PeriodIncident, 'first_any' | 'first_press'> & { firsts: string | null })[];
  return rows.map(({ firsts, ...row }) => ({ ...row, ...firstResponses(firsts) }));
}

/** Incidents found in [start, end): what the trend and the previous-period comparison count. */
export function countFound(db: Db, start: string, end: string): number {
  return (cached(db, 'SELECT count(*) AS n FROM incidents WHERE deleted = 0 AND found_at >= ? AND found_at < ?').get(start, end) as { n: number }).n;
}
