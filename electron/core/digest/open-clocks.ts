import type { Digest } from '../../../shared/api/digest.js';
import type { Severity } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import type { Names } from './names.js';
import { judge, type Rules } from './requirements.js';
import { FIRST_RESPONSES, firstResponses } from './scan.js';

// Response requirements of incidents still open (whenever they were found) that were unmet at asOf: those
// already past due (三、回应情况: still overdue) and those falling due before the end of the following week
// (五、下周关注). Incidents closed or judged 无需回应 have no running clock, as on the dashboard.

interface OpenRow {
  number: string;
  title: string;
  severity: Severity;
  lead_unit_id: string | null;
  found_at: string;
  firsts: string | null;
}

const OPEN_SQL = `
  SELECT i.number, i.title, i.severity, i.lead_unit_id, i.found_at,
    ${FIRST_RESPONSES} AS firsts
  FROM incidents i
  WHERE i.deleted = 0 AND i.status IN ('triage', 'handling', 'responded', 'tracking') AND i.found_at < @asOf`;

const HOUR = 3600_000;

export function openClocks(
  db: Db,
  rules: Rules,
  names: Names,
  asOf: string,
  horizon: string,
): Pick<Digest, 'overdueResponses' | 'clocksDueNextWeek'> {
  const asOfMs = Date.parse(asOf);
  const horizonMs = Date.parse(horizon);
  const overdue: Digest['overdueResponses'] = [];
  const dueSoon: Digest['clocksDueNextWeek'] = [];
  for (const row of cached(db, OPEN_SQL).all({ asOf }) as OpenRow[]) {
    for (const j of judge({ ...row, ...firstResponses(row.firsts) }, rules, asOfMs)) {
      // Most open incidents were answered in time: only what is reported becomes an entry.
      if (j.outcome !== 'missed' && !(j.outcome === 'running' && j.dueMs < horizonMs)) continue;
      const base = { number: row.number, title: row.title, severity: row.severity, leadUnit: names.unit(row.lead_unit_id), requirement: j.requirement, dueAt: new Date(j.dueMs).toISOString() };
      if (j.outcome === 'missed') overdue.push({ ...base, hoursOverdue: Math.floor((asOfMs - j.dueMs) / HOUR) });
      else dueSoon.push(base);
    }
  }
  overdue.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.number.localeCompare(b.number));
  dueSoon.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.number.localeCompare(b.number));
  return { overdueResponses: overdue, clocksDueNextWeek: dueSoon };
}
