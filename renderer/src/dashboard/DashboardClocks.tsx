import { useState } from 'react';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import type { ClockEntry } from '../../../shared/api/responses.js';
import { requirementLabel } from '../../../shared/domain.js';
import { Countdown } from '../clock/Countdown.js';
import { useNow } from '../clock/useNow.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { SeverityBadge } from '../incident-list/badges.js';
import { DashRow } from './DashRow.js';

const DAY_MS = 24 * 3600_000;
const RUNNING_SHOWN = 6;

/**
 * Response clocks in the order a clerk must act on them: the running ones nearest their limit first (each coloured
 * by the time left), then those that ran out within the last day; clocks overdue for longer are counted in one line
 * that opens to list them, so weeks-old misses do not push today's work off the screen.
 */
export function DashboardClocks({
  running,
  runningTotal,
  overdue,
}: {
  running: readonly ClockEntry[];
  runningTotal: number;
  overdue: readonly ClockEntry[];
}) {
  const nowMs = useNow();
  const [allRunning, setAllRunning] = useState(false);
  const recent = overdue.filter((e) => nowMs - Date.parse(e.dueAt) < DAY_MS);
  const old = overdue.filter((e) => nowMs - Date.parse(e.dueAt) >= DAY_MS);
  const shownRunning = allRunning ? running : running.slice(0, RUNNING_SHOWN);
  return (
    <section className="panel dashboard-clock" aria-labelledby="dash-clock" data-testid="dashboard-clock">
      <PanelHeading id="dash-clock" title={t.dashboard.clock}>
        <span className="panel-counts">
          <span className="muted">{t.dashboard.runningCount(runningTotal)}</span>
          <span className={overdue.length > 0 ? 'count-danger' : 'muted'}>{t.dashboard.overdueCount(overdue.length)}</span>
        </span>
      </PanelHeading>
      <p className="panel-hint muted">{t.dashboard.clockHint}</p>
      {running.length === 0 && overdue.length === 0 && <p className="muted">{t.dashboard.clockEmpty}</p>}
      {shownRunning.length > 0 && (
        <ul className="dash-list" data-testid="dashboard-clock-running">
          {shownRunning.map((entry) => (
            <ClockRow key={`${entry.incidentId}-${entry.requirement}`} entry={entry} />
          ))}
        </ul>
      )}
      {!allRunning && running.length > RUNNING_SHOWN && (
        <button type="button" className="link-button dash-more" data-testid="dashboard-clock-more" onClick={() => setAllRunning(true)}>
          {t.dashboard.more(runningTotal - RUNNING_SHOWN)}
        </button>
      )}
      {recent.length > 0 && (
        <>
          <h3 className="dash-group">{t.dashboard.recentOverdue}</h3>
          <ul className="dash-list" data-testid="dashboard-clock-recent">
            {recent.map((entry) => (
              <ClockRow key={`${entry.incidentId}-${entry.requirement}`} entry={entry} />
            ))}
          </ul>
        </>
      )}
      {old.length > 0 && (
        <details className="dash-details" data-testid="dashboard-clock-old">
          <summary>
            <span className="count-danger">{t.dashboard.longOverdue(old.length)}</span>
            <span className="muted">{t.dashboard.longOverdueHint}</span>
          </summary>
          <ul className="dash-list">
            {old.map((entry) => (
              <ClockRow key={`${entry.incidentId}-${entry.requirement}`} entry={entry} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function ClockRow({ entry }: { entry: ClockEntry }) {
  return (
    <DashRow
      incident={entry.incidentId}
      number={entry.number}
      title={entry.title}
      testId="dashboard-clock-row"
      end={<Countdown dueAt={entry.dueAt} graded />}
    >
      <SeverityBadge severity={entry.severity} />
      <span className="muted">
        {requirementLabel(entry.requirement, entry.hours)} · {t.clock.due(formatChinaDateTime(entry.dueAt))}
      </span>
    </DashRow>
  );
}
