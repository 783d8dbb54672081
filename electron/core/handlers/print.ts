import { renderCallOf } from '../../../shared/api/print.js';
import type { LedgerHandlers } from '../../../shared/contract.js';
import { LedgerError } from '../../../shared/errors.js';
import { printToTempPdf } from '../print/pdf.js';

// printDocument as the core answers it (CLI, browser-test host): the named document rendered here, then 'pdf'
// through headless Chromium into a temporary file whose path is returned. The app answers this method in
// electron/main instead (hidden window, webContents.print / printToPDF with a save dialog), because only there is
// a print dialog to show; it asks the core for the same rendering.
export function printHandlers(renderers: Pick<LedgerHandlers, 'renderDigest' | 'renderSupervisionSheet' | 'renderLedgerTable'>) {
  return {
    printDocument: async ({ document, mode }) => {
      if (mode === 'dialog') {
        throw new LedgerError('invalid_input', '当前环境无法打开系统打印对话框，请选择“导出PDF”后打印该文件。');
      }
      const call = renderCallOf(document);
      const { html, title } =
        call.method === 'renderDigest'
          ? await renderers.renderDigest(call.input)
          : call.method === 'renderLedgerTable'
            ? await renderers.renderLedgerTable(call.input)
            : await renderers.renderSupervisionSheet(call.input);
      return { mode, path: await printToTempPdf(html, title) };
    },
  } satisfies Partial<LedgerHandlers>;
}
