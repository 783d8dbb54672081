import { formatChinaDateTime } from '../../../shared/china-time.js';
import type { ClockEntry } from '../../../shared/api/responses.js';
import { requirementLabel } from '../../../shared/domain.js';
import { Countdown } from '../clock/Countdown.js';
import { t } from '../i18n/zh-CN.js';
import { SeverityBadge } from '../ledger-view/badges.js';
import { useNav } from '../stores/nav.js';

/** Response requirements overdue (first, in red) and due within 6 hours, each with a live countdown. */
export function ClockPanel({ overdue, dueSoon }: { overdue: readonly ClockEntry[]; dueSoon: readonly ClockEntry[] }) {
  const entries = [...overdue, ...dueSoon];
  return (
    <section className="panel dashboard-clock" aria-labelledby="dash-clock" data-testid="dashboard-clock">
      <div className="panel-head">
        <h2 className="panel-title" id="dash-clock">
          {t.dashboard.clock}
        </h2>
        <span className="panel-counts">
          <span className={overdue.length > 0 ? 'count-danger' : 'muted'}>{t.dashboard.overdueCount(overdue.length)}</span>
          <span className="muted">{t.dashboard.dueSoonCount(dueSoon.length)}</span>
        </span>
      </div>
      <p className="panel-hint muted">{t.dashboard.clockHint}</p>
      {entries.length === 0 ? (
        <p className="muted">{t.dashboard.clockEmpty}</p>
      ) : (
        <ul className="dash-list">
          {entries.map((entry) => (
            <ClockRow key={`${entry.incidentId}-${entry.requirement}`} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ClockRow({ entry }: { entry: ClockEntry }) {
  const open = useNav((s) => s.openIncident);
  return (
    <li>
      <button type="button" className="dash-row" data-testid="dashboard-clock-row" onClick={() => open(entry.incidentId)}>
        <span className="dash-row-main">
          <span className="mono dash-number">{entry.number}</span>
          <span className="dash-title">{entry.title}</span>
        </span>
        <span className="dash-row-sub">
          <SeverityBadge severity={entry.severity} />
          <span className="muted">
            {requirementLabel(entry.requirement, entry.hours)} · {t.clock.due(formatChinaDateTime(entry.dueAt))}
          </span>
        </span>
        <Countdown dueAt={entry.dueAt} />
      </button>
    </li>
  );
}
