import type { LedgerHandlers } from '../../../shared/contract.js';
import { exportCommitmentsXlsx, exportLedgerXlsx } from '../excel/exports.js';
import { importSpreadsheet, listImportMappings, previewImport, saveImportMapping } from '../excel/import.js';
import { renderLedgerTable } from '../excel/ledger-print.js';
import type { Ledger } from '../open-ledger.js';
import { cancelCheck, type CancelFlags } from '../jobs.js';
import { progressReporter, type ProgressSink } from '../progress.js';

export function excelHandlers(ledger: Ledger, progress?: ProgressSink, cancel?: CancelFlags) {
  const { ctx, db } = ledger;
  const office = () => ledger.siteName;
  return {
    previewImport: (input) => previewImport(ctx, input, progressReporter(progress, 'previewImport'), cancelCheck(cancel, 'previewImport')),
    importSpreadsheet: (input) => importSpreadsheet(ctx, input, progressReporter(progress, 'importSpreadsheet'), cancelCheck(cancel, 'importSpreadsheet')),
    listImportMappings: () => listImportMappings(db),
    saveImportMapping: ({ name, mapping }) => saveImportMapping(ctx, name, mapping),
    exportLedgerXlsx: ({ path, query, columns }) => exportLedgerXlsx({ db, nowMs: ctx.now(), office: office() }, path, query, columns),
    exportCommitmentsXlsx: ({ path, query }) => exportCommitmentsXlsx({ db, nowMs: ctx.now(), office: office() }, path, query),
    renderLedgerTable: ({ query, columns }) => renderLedgerTable(db, query, office(), ctx.now(), columns),
  } satisfies Partial<LedgerHandlers>;
}
