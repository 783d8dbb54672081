import { formatChinaDateTime } from '../../../shared/china-time.js';
import { PLATFORM_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { SeverityBadge } from '../incident-list/badges.js';
import { noFilters, useIncidents } from '../incident-list/store.js';
import { useNav } from '../stores/nav.js';
import { DashRow } from './DashRow.js';
import { MoreLink } from './MoreLink.js';

const SHOWN = 4;

/** Incidents waiting for 研判, oldest first, with the count of all of them; the rest open in the 台账, filtered. */
export function TriagePanel({ incidents, total }: { incidents: readonly Incident[]; total: number }) {
  const go = useNav((s) => s.go);
  const applyQuery = useIncidents((s) => s.applyQuery);
  const shown = incidents.slice(0, SHOWN);
  const openFiltered = () => {
    applyQuery({ ...noFilters, status: ['triage'] }, { key: 'foundAt', descending: false });
    go('ledger');
  };
  return (
    <section className="panel" aria-labelledby="dash-triage" data-testid="dashboard-triage">
      <PanelHeading id="dash-triage" title={t.dashboard.triage}>
        <span className={total > 0 ? 'count-badge' : 'muted'} data-testid="triage-count">
          {t.dashboard.triageCount(total)}
        </span>
      </PanelHeading>
      {shown.length === 0 ? (
        <p className="muted">{t.dashboard.triageEmpty}</p>
      ) : (
        <ul className="dash-list">
          {shown.map((incident) => (
            <DashRow key={incident.id} incident={incident.id} number={incident.number} title={incident.title}>
              <SeverityBadge severity={incident.severity} />
              <span className="muted">
                {PLATFORM_LABELS[incident.platform]} · {t.dashboard.foundAt(formatChinaDateTime(incident.foundAt))}
              </span>
            </DashRow>
          ))}
        </ul>
      )}
      <MoreLink count={total - shown.length} where={t.nav.ledger} onClick={openFiltered} testId="dashboard-triage-more" />
    </section>
  );
}
