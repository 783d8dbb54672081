import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { useSession } from '../stores/session.js';
import { WorkstationName } from './WorkstationName.js';

/** 本工作站: its name (editable); the technical facts for whoever supports it. */
export function WorkstationPanel() {
  const appInfo = useSession((s) => s.appInfo);
  if (!appInfo) return null;
  return (
    <section className="panel" data-testid="workstation-panel">
      <PanelHeading title={t.settings.thisWorkstation} />
      <dl className="facts">
        <dt>{t.settings.siteName}</dt>
        <dd>
          <WorkstationName />
        </dd>
        <dt>{t.settings.schemaVersion}</dt>
        <dd>{appInfo.schemaVersion}</dd>
        <dt>{t.settings.appVersion}</dt>
        <dd>{appInfo.appVersion}</dd>
      </dl>
      <details className="technical">
        <summary>{t.settings.technical}</summary>
        <dl className="facts">
          <dt>{t.settings.siteId}</dt>
          <dd className="mono">{appInfo.siteId}</dd>
        </dl>
      </details>
    </section>
  );
}
