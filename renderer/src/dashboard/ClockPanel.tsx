import { formatChinaDateTime } from '../../../shared/china-time.js';
import type { ClockEntry } from '../../../shared/api/responses.js';
import { requirementLabel } from '../../../shared/domain.js';
import { Countdown } from '../clock/Countdown.js';
import { t } from '../i18n/zh-CN.js';
import { SeverityBadge } from '../ledger-view/badges.js';
import { DashRow } from './DashRow.js';

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
  return (
    <DashRow incident={entry.incidentId} number={entry.number} title={entry.title} testId="dashboard-clock-row" end={<Countdown dueAt={entry.dueAt} />}>
      <SeverityBadge severity={entry.severity} />
      <span className="muted">
        {requirementLabel(entry.requirement, entry.hours)} · {t.clock.due(formatChinaDateTime(entry.dueAt))}
      </span>
    </DashRow>
  );
}
