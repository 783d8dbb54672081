import type { IncidentPage, RowFacts } from '../../../shared/schemas.js';
import type { Db } from '../db/open.js';
import { clockOfIncident } from './clock.js';
import { cached } from './statements.js';
import { chinaDateOf } from '../../../shared/china-time.js';

// What the 台账 exists to check, beside each row of a page: when the first response came, whether the response
// requirements were met in time, how many commitments were made and how many of them are overdue. Read for the
// page's rows only (50 at a time), so listing stays as fast as before; exports call the same function.

/** The facts of one incident at nowMs. */
export function rowFactsOf(db: Db, incidentId: string, nowMs: number): RowFacts {
  const first = cached(db, 'SELECT first_any FROM incident_first_responses WHERE incident_id = ?').pluck().get(incidentId) as string | undefined;
  // 无需回应 (decided with a reason) sets no response requirement, so neither 按时 nor 超时 applies.
  const noResponse = cached(db, "SELECT status = 'no_response' FROM incidents WHERE id = ?").pluck().get(incidentId) === 1;
  const clock = noResponse ? [] : clockOfIncident(db, incidentId, nowMs);
  const responseTiming =
    clock.length === 0 ? null : clock.some((e) => e.overdue) ? 'late' : clock.every((e) => e.metAt !== null) ? 'onTime' : 'running';
  const counts = cached(
    db,
    `SELECT count(*) AS made, coalesce(sum(status IN ('pending', 'in_progress') AND deadline < ?), 0) AS overdue
     FROM commitments WHERE incident_id = ? AND deleted = 0`,
  ).get(chinaDateOf(nowMs), incidentId) as { made: number; overdue: number };
  return { firstResponseAt: first ?? null, responseTiming, commitmentCount: counts.made, overdueCommitments: counts.overdue };
}

/** A page of the ledger with each row's facts. */
export function withRowFacts(db: Db, page: IncidentPage, nowMs: number): IncidentPage {
  return { ...page, rows: page.rows.map((row) => ({ ...row, ...rowFactsOf(db, row.id, nowMs) })) };
}
