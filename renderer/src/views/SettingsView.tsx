import { t } from '../i18n/zh-CN.js';
import { BackupSection } from '../settings/BackupSection.js';
import { CalendarOverrides } from '../settings/CalendarOverrides.js';
import { CategoryEditor } from '../settings/CategoryEditor.js';
import { ResponseRulesEditor } from '../settings/ResponseRulesEditor.js';
import { TownshipEditor } from '../settings/TownshipEditor.js';
import { UnitEditor } from '../settings/UnitEditor.js';
import { WorkstationName } from '../settings/WorkstationName.js';
import { useSession } from '../stores/session.js';

/** This workstation's identity and the office's reference data: categories, response rules, townships, units, holiday calendar. */
export function SettingsView() {
  const appInfo = useSession((s) => s.appInfo);
  return (
    <div className="settings">
      {appInfo && (
        <section className="panel">
          <h2 className="panel-title">{t.settings.thisWorkstation}</h2>
          <dl className="facts">
            <dt>{t.settings.siteName}</dt>
            <dd>
              <WorkstationName />
            </dd>
            <dt>{t.settings.siteId}</dt>
            <dd className="mono">{appInfo.siteId}</dd>
            <dt>{t.settings.schemaVersion}</dt>
            <dd>{appInfo.schemaVersion}</dd>
            <dt>{t.settings.appVersion}</dt>
            <dd>{appInfo.appVersion}</dd>
          </dl>
        </section>
      )}
      <CategoryEditor />
      <ResponseRulesEditor />
      <TownshipEditor />
      <UnitEditor />
      <CalendarOverrides />
      <BackupSection />
    </div>
  );
}
