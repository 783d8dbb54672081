import { usePeriodChoice } from '../digest/period-choice.js';
import { t } from '../i18n/zh-CN.js';
import { useNav } from '../stores/nav.js';
import { useSession } from '../stores/session.js';
import { AtKeyboard } from '../staff/AtKeyboard.js';

export function Header() {
  const view = useNav((s) => s.view);
  // The 报告 view names the report it shows: 舆情周报, 舆情月报 or 舆情年报.
  const reportKind = usePeriodChoice((s) => s.kind);
  const appInfo = useSession((s) => s.appInfo);
  const error = useSession((s) => s.error);
  const load = useSession((s) => s.load);
  return (
    <header className="header">
      <h1 className="header-title">{view === 'digest' ? t.digest.titles[reportKind] : t.nav[view]}</h1>
      <div className="header-site" data-testid="workstation">
        {appInfo && (
          <>
            <span className="header-site-label">{t.workstation}</span>
            <span className="header-site-name">{appInfo.siteName}</span>
          </>
        )}
      </div>
      <AtKeyboard />
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t.retry}
          </button>
        </div>
      )}
    </header>
  );
}
