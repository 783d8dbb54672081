import type { z } from 'zod';
import type { ClockEntry, clockQuerySchema } from '../../../shared/api/responses.js';
import type { Severity } from '../../../shared/domain.js';
import { judge } from '../digest/requirements.js';
import type { Db } from '../db/open.js';
import { getIncident } from './incidents.js';
import { cached } from './statements.js';

// The response clock (回应时限), counted in clock hours from 发现时间 per the office's response rules:
//   5h  — 发布权威信息 (国办发〔2016〕80号): met by the first public response of any kind;
//   24h — 新闻发布会/吹风会: met only by a press conference or briefing session;
//   48h — a response (国办发〔2016〕61号): met by the first public response of any kind.
// Clocks of incidents closed or judged 无需回应 no longer run.

interface ClockRow {
  id: string;
  number: string;
  title: string;
  severity: Severity;
  found_at: string;
  info_hours: number | null;
  press_hours: number | null;
  response_hours: number | null;
  first_any: string | null;
  first_press: string | null;
}

const HOUR = 3600_000;

/** One incident's requirements, judged by the one rule the reports use too (digest/requirements.ts). */
function entriesOf(row: ClockRow, nowMs: number): ClockEntry[] {
  const rule = { '5h': row.info_hours, '24h': row.press_hours, '48h': row.response_hours };
  return judge(row, new Map([[row.severity, rule]]), nowMs).map(({ requirement, dueMs, outcome }) => ({
    incidentId: row.id,
    number: row.number,
    title: row.title,
    severity: row.severity,
    requirement,
    hours: rule[requirement] ?? 0, // judge() yields only requirements whose hours are set
    dueAt: new Date(dueMs).toISOString(),
    metAt: requirement === '24h' ? row.first_press : row.first_any,
    overdue: outcome === 'missed' || outcome === 'metLate',
  }));
}

// Rules are four rows, read apart: joining them would let the planner walk all incidents by severity instead
// of only the open ones by status.
const CLOCK_SQL = `
  SELECT i.id, i.number, i.title, i.severity, i.found_at,
    f.first_any, f.first_press
  FROM incidents i LEFT JOIN incident_first_responses f ON f.incident_id = i.id`;

type IncidentClockRow = Omit<ClockRow, 'info_hours' | 'press_hours' | 'response_hours'>;

function withRules(db: Db, rows: IncidentClockRow[]): ClockRow[] {
  const rules = new Map(
    (
      cached(db, 'SELECT id, info_hours, press_hours, response_hours FROM response_rules WHERE deleted = 0').all() as {
        id: Severity;
        info_hours: number | null;
        press_hours: number | null;
        response_hours: number | null;
      }[]
    ).map((r) => [r.id, r]),
  );
  return rows.flatMap((row) => {
    const rule = rules.get(row.severity);
    return rule ? [{ ...row, info_hours: rule.info_hours, press_hours: rule.press_hours, response_hours: rule.response_hours }] : [];
  });
}

/** One incident's requirements, met or not (the incident page). */
export function clockOfIncident(db: Db, incidentRef: string, nowMs: number): ClockEntry[] {
  const { id } = getIncident(db, incidentRef);
  const row = cached(db, `${CLOCK_SQL} WHERE i.id = ?`).get(id) as IncidentClockRow | undefined;
  return row ? withRules(db, [row]).flatMap((r) => entriesOf(r, nowMs)) : [];
}

/**
 * Requirements still running or overdue across the ledger, soonest due first. Only incidents whose clocks can
 * still be running are read: open ones, found within the longest rule's window or never responded to.
 */
export function listClock(db: Db, query: z.output<typeof clockQuerySchema>, nowMs: number): ClockEntry[] {
  if (query.incident) {
    const entries = clockOfIncident(db, query.incident, nowMs);
    return query.includeMet ? entries : entries.filter((e) => e.metAt === null);
  }
  const rows = withRules(
    db,
    cached(db, `${CLOCK_SQL} WHERE i.deleted = 0 AND i.status IN ('triage', 'handling', 'responded', 'tracking')`).all() as IncidentClockRow[],
  );
  const horizon = query.withinHours === undefined ? Infinity : nowMs + query.withinHours * HOUR;
  return rows
    .flatMap((row) => entriesOf(row, nowMs))
    .filter((e) => (query.includeMet || e.metAt === null) && Date.parse(e.dueAt) <= horizon)
    // Plain code-unit comparison: ISO instants and YQ numbers sort correctly that way, and localeCompare is slow.
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
    .slice(0, query.limit);
}
