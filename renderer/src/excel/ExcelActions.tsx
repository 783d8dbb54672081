import { useState } from 'react';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { ROW_FACT_COLUMNS, type RowFactColumn } from '../../../shared/schemas.js';
import { useColumns } from '../incident-list/columnsStore.js';
import { queryOf, useIncidents } from '../incident-list/store.js';
import { ImportWizard } from './ImportWizard.js';
import './excel.css';

const s = t.excel;

/** 台账 toolbar: import an office spreadsheet, export the current view (filters and search) or the 承诺督办 table, print it. */
export function ExcelActions() {
  const filters = useIncidents((st) => st.filters);
  const sort = useIncidents((st) => st.sort);
  const reload = useIncidents((st) => st.reload);
  const visible = useColumns((st) => st.visible);
  // The export and the paper carry the 台账核查 columns this person shows in the 台账, no more.
  const checkColumns = (): RowFactColumn[] => ROW_FACT_COLUMNS.filter((id) => visible.includes(id));
  const [importing, setImporting] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const query = () => {
    const { sort: key, ...rest } = queryOf(filters, sort);
    return { ...rest, sort: key === 'relevance' ? 'foundAt' : key };
  };

  const chooseImport = async () => {
    const chosen = await call('chooseFile', { mode: 'open', title: s.openTitle, filters: [{ name: s.filterName, extensions: ['xlsx', 'xls', 'csv'] }] });
    if (!chosen.ok) return setMessage({ text: chosen.error.message, error: true });
    if (chosen.value.path !== null) setImporting(chosen.value.path);
  };

  const exportTo = async (what: 'exportLedgerXlsx' | 'exportCommitmentsXlsx') => {
    const chosen = await call('chooseFile', {
      mode: 'save',
      title: what === 'exportLedgerXlsx' ? s.saveTitle : s.saveCommitmentsTitle,
      defaultName: what === 'exportLedgerXlsx' ? s.ledgerFileName : s.commitmentsFileName,
      filters: [{ name: s.filterName, extensions: ['xlsx'] }],
    });
    if (!chosen.ok) return setMessage({ text: chosen.error.message, error: true });
    if (chosen.value.path === null) return;
    const result =
      what === 'exportLedgerXlsx'
        ? await call(what, { path: chosen.value.path, query: query(), columns: checkColumns() })
        : await call(what, { path: chosen.value.path, query: query() });
    setMessage(result.ok ? { text: s.exported(result.value.rows, result.value.path), error: false } : { text: result.error.message, error: true });
  };

  const print = async () => {
    const result = await call('printDocument', { document: { kind: 'ledger', query: query(), columns: checkColumns() }, mode: 'dialog' });
    if (!result.ok) setMessage({ text: result.error.message, error: true });
    else if (result.value.path) setMessage({ text: s.printed(result.value.path), error: false });
  };

  return (
    <>
      <button type="button" className="button" data-testid="xl-import-open" onClick={() => void chooseImport()}>
        {s.importButton}
      </button>
      <button type="button" className="button" data-testid="xl-export" onClick={() => void exportTo('exportLedgerXlsx')}>
        {s.exportButton}
      </button>
      <button type="button" className="button" data-testid="xl-export-commitments" onClick={() => void exportTo('exportCommitmentsXlsx')}>
        {s.exportCommitments}
      </button>
      <button type="button" className="button" data-testid="xl-print" onClick={() => void print()}>
        {s.print}
      </button>
      {message && (
        <span className={message.error ? 'xl-message xl-message-error' : 'xl-message'} role="status" data-testid="xl-message">
          {message.text}
        </span>
      )}
      {importing && <ImportWizard path={importing} onClose={() => setImporting(null)} onImported={() => void reload()} />}
    </>
  );
}
