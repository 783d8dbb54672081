import type { Dashboard } from '../../../shared/api/dashboard.js';
import { chinaWeekStart } from '../../../shared/china-time.js';
import type { Db } from '../db/open.js';
import { listClock } from './clock.js';
import { listIncidents } from './incidents.js';
import { cached } from './statements.js';

const RUNNING_SHOWN = 20;

/** 工作台: incidents awaiting 研判, response clocks running and overdue, and this week by category. */
export function dashboard(db: Db, nowMs: number): Dashboard {
  const triage = listIncidents(db, { statuses: ['triage'], sort: 'foundAt', descending: false, offset: 0, limit: 20 });
  // Every open requirement: running ones soonest first, the overdue ones most recent first (the ones that just ran
  // out are today's work; those overdue for weeks are counted and grouped by the 工作台).
  const open = listClock(db, { includeMet: false }, nowMs);
  const running = open.filter((e) => !e.overdue);
  const weekStart = chinaWeekStart(new Date(nowMs).toISOString());
  const byCategory = cached(
    db,
    // The category index holds live incidents only, with their dates: no need to touch the incidents table.
    'SELECT category_id AS code, count(*) AS count FROM incident_categories WHERE found_at >= ? GROUP BY category_id ORDER BY count DESC, code',
  ).all(weekStart) as { code: string; count: number }[];
  const weekTotal = (cached(db, 'SELECT count(*) AS n FROM incidents WHERE deleted = 0 AND found_at >= ?').get(weekStart) as { n: number }).n;
  return {
    awaitingTriage: triage.rows.map(({ highlight: _none, ...incident }) => incident),
    awaitingTriageTotal: triage.total,
    clockRunning: running.slice(0, RUNNING_SHOWN),
    clockRunningTotal: running.length,
    clockOverdue: open.filter((e) => e.overdue).reverse(),
    weekByCategory: byCategory,
    weekTotal,
  };
}
