import { CommitmentsBadge } from '../commitments/NavBadge.js';
import { t } from '../i18n/zh-CN.js';
import { useNav, VIEWS } from '../stores/nav.js';

export function Sidebar() {
  const view = useNav((s) => s.view);
  const go = useNav((s) => s.go);
  return (
    <nav className="sidebar" aria-label={t.nav.label}>
      <div className="sidebar-brand">
        <span className="sidebar-mark" aria-hidden="true">
          舆
        </span>
        <span>{t.appName}</span>
      </div>
      <ul className="sidebar-list">
        {VIEWS.map((id) => (
          <li key={id}>
            <button
              type="button"
              id={`nav-${id}`}
              className="sidebar-item"
              aria-current={view === id ? 'page' : undefined}
              data-testid={`nav-${id}`}
              onClick={() => go(id)}
            >
              {t.nav[id]}
              {id === 'commitments' && <CommitmentsBadge />}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
