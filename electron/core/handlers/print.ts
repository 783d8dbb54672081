import type { LedgerHandlers } from '../../../shared/contract.js';
import { LedgerError } from '../../../shared/errors.js';
import { printToTempPdf } from '../print/pdf.js';

// printDocument as the core answers it (CLI, browser-test host): 'pdf' through headless Chromium into a
// temporary file whose path is returned. The app answers this method in electron/main instead (hidden window,
// webContents.print / printToPDF with a save dialog), because only there is a print dialog to show.
export function printHandlers() {
  return {
    printDocument: async ({ html, title, mode }) => {
      if (mode === 'dialog') {
        throw new LedgerError('invalid_input', '当前环境无法打开系统打印对话框，请选择“导出PDF”后打印该文件。');
      }
      return { mode, path: await printToTempPdf(html, title) };
    },
  } satisfies Partial<LedgerHandlers>;
}
