import { t } from '../i18n/zh-CN.js';
import { CalendarOverrides } from '../settings/CalendarOverrides.js';
import { CategoryEditor } from '../settings/CategoryEditor.js';
import { WorkstationName } from '../settings/WorkstationName.js';
import { useSession } from '../stores/session.js';
import { Placeholder } from './Placeholder.js';

/** This workstation's identity, the category keyword editor, the holiday calendar overrides, and a placeholder for the other maintenance screens. */
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
      <CalendarOverrides />
      <Placeholder text={t.placeholder.settings} />
    </div>
  );
}
