import type { Digest } from '../../../shared/api/digest.js';
import type { Severity } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import type { Names } from './names.js';
import { judge, type Rules } from './requirements.js';
import { FIRST_RESPONSES_COLUMNS, FIRST_RESPONSES_JOIN } from './scan.js';

// Response requirements of incidents still open (whenever they were found) that were unmet at asOf: those
// already past due (三、回应情况: still overdue) and those falling due before the end of the following week
// (五、下周关注). Incidents closed or judged 无需回应 have no running clock, as on the dashboard.

interface OpenRow {
  number: string;
  title: string;
  severity: Severity;
  lead_unit_id: string | null;
  found_at: string;
  first_any: string | null;
  first_press: string | null;
}

// Only an unmet requirement can be reported, so only incidents with no response before asOf, or with no press
// conference where their 等级 calls for one, are read: most open incidents were answered and drop out in SQL.
const OPEN_SQL = `
  SELECT i.number, i.title, i.severity, i.lead_unit_id, i.found_at,
    ${FIRST_RESPONSES_COLUMNS}
  FROM incidents i ${FIRST_RESPONSES_JOIN}
  WHERE i.deleted = 0 AND i.status IN ('triage', 'handling', 'responded', 'tracking') AND i.found_at < @asOf
    AND (f.first_any IS NULL OR f.first_any >= @asOf
      OR ((f.first_press IS NULL OR f.first_press >= @asOf) AND i.severity IN (SELECT value FROM json_each(@pressSeverities))))`;

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
  const pressSeverities = JSON.stringify([...rules].filter(([, rule]) => rule['24h'] !== null).map(([severity]) => severity));
  for (const row of cached(db, OPEN_SQL).all({ asOf, pressSeverities }) as OpenRow[]) {
    for (const j of judge(row, rules, asOfMs)) {
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
