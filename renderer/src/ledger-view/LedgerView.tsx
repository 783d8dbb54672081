import { useEffect } from 'react';
import { t } from '../i18n/zh-CN.js';
import { useIncidents } from '../stores/incidents.js';
import { useUi } from '../stores/ui.js';
import { Filters } from './Filters.js';
import { IncidentTable } from './IncidentTable.js';

export function LedgerView() {
  const total = useIncidents((s) => s.total);
  const error = useIncidents((s) => s.error);
  const filtered = useIncidents((s) => s.filters.category !== '' || s.filters.severity !== '' || s.filters.status !== '');
  const reload = useIncidents((s) => s.reload);
  const openRegister = useUi((s) => s.openRegister);

  // Fresh rows every time the view is opened: other windows, the CLI or a sync import may have changed the ledger.
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="ledger">
      <div className="toolbar">
        <p className="ledger-count" data-testid="incident-total" aria-live="polite">
          {total === null ? t.loading : t.ledger.total(total)}
        </p>
        <Filters />
        <button
          type="button"
          className="button button-primary"
          data-testid="register-open"
          aria-keyshortcuts="N"
          title={t.ledger.registerShortcut}
          onClick={openRegister}
        >
          {t.ledger.register}
        </button>
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {t.ledger.loadFailed}：{error}
          <button type="button" className="link-button" onClick={() => void reload()}>
            {t.retry}
          </button>
        </div>
      )}
      <IncidentTable />
      {total === 0 && <p className="empty">{filtered ? t.ledger.emptyFiltered : t.ledger.empty}</p>}
    </section>
  );
}
