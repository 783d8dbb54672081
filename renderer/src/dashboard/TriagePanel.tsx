import { formatChinaDateTime } from '../../../shared/china-time.js';
import { PLATFORM_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { t } from '../i18n/zh-CN.js';
import { SeverityBadge } from '../ledger-view/badges.js';
import { DashRow } from './DashRow.js';

/** Incidents waiting for 研判, oldest first, with the count of all of them. */
export function TriagePanel({ incidents, total }: { incidents: readonly Incident[]; total: number }) {
  return (
    <section className="panel" aria-labelledby="dash-triage" data-testid="dashboard-triage">
      <div className="panel-head">
        <h2 className="panel-title" id="dash-triage">
          {t.dashboard.triage}
        </h2>
        <span className={total > 0 ? 'count-badge' : 'muted'} data-testid="triage-count">
          {t.dashboard.triageCount(total)}
        </span>
      </div>
      {incidents.length === 0 ? (
        <p className="muted">{t.dashboard.triageEmpty}</p>
      ) : (
        <ul className="dash-list">
          {incidents.map((incident) => (
            <DashRow key={incident.id} incident={incident.id} number={incident.number} title={incident.title}>
              <SeverityBadge severity={incident.severity} />
              <span className="muted">
                {PLATFORM_LABELS[incident.platform]} · {t.dashboard.foundAt(formatChinaDateTime(incident.foundAt))}
              </span>
            </DashRow>
          ))}
        </ul>
      )}
      {total > incidents.length && <p className="panel-hint muted">{t.dashboard.triageMore(total - incidents.length)}</p>}
    </section>
  );
}
