import { useEffect } from 'react';
import { t } from '../i18n/zh-CN.js';
import { hasFilters, useIncidents } from './store.js';
import { useUi } from '../stores/ui.js';
import { ExcelActions } from '../excel/ExcelActions.js';
import { ColumnChooser } from './ColumnChooser.js';
import { Filters } from './Filters.js';
import { SameIssueChip } from './SameIssueChip.js';
import { IncidentTable } from './IncidentTable.js';
import { SavedViews } from './SavedViews.js';
import { SearchBox } from './SearchBox.js';
import { useLedgerKeys } from './useLedgerKeys.js';

export function LedgerView() {
  const total = useIncidents((s) => s.total);
  const error = useIncidents((s) => s.error);
  const narrowed = useIncidents((s) => hasFilters(s.filters) || s.filters.text.trim() !== '');
  const searching = useIncidents((s) => s.sort.key === 'relevance' && s.filters.text.trim() !== '');
  const reload = useIncidents((s) => s.reload);
  const openRegister = useUi((s) => s.openRegister);
  useLedgerKeys();

  // Fresh rows every time the view is opened: other windows, the CLI or a sync import may have changed the
  // ledger. Coming back from an incident page keeps the place in the list.
  useEffect(() => {
    void reload({ keepSelection: true });
  }, [reload]);

  return (
    <section className="ledger">
      <div className="toolbar">
        <SearchBox />
        <SavedViews />
        <div className="toolbar-end">
          <ColumnChooser />
          <ExcelActions />
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
      </div>
      <Filters />
      <SameIssueChip />
      <div className="ledger-status">
        <p className="ledger-count" data-testid="incident-total" aria-live="polite">
          {total === null ? t.loading : t.ledger.total(total)}
        </p>
        {searching && <span className="muted">{t.ledger.search.byRelevance}</span>}
        <span className="ledger-keys muted">{t.ledger.keysHint}</span>
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {t.ledger.loadFailed}：{error}
          <button type="button" className="link-button" onClick={() => void reload()}>
            {t.retry}
          </button>
        </div>
      )}
      {total === 0 ? (
        // No empty table frame: say plainly that nothing matched, and why.
        <div className="table-empty" role="status" data-testid="ledger-empty">
          {narrowed && <strong className="table-empty-title">{t.ledger.noResults}</strong>}
          <p>{narrowed ? t.ledger.emptyFiltered : t.ledger.empty}</p>
        </div>
      ) : (
        <IncidentTable />
      )}
    </section>
  );
}
