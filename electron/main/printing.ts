import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { PrintRequest, PrintResult } from '../../shared/api/print.js';

/** What main prints: the document the core rendered, and how. */
export interface PrintJob {
  html: string;
  title: string;
  mode: PrintRequest['mode'];
}
import { guarded } from '../core/print/pdf.js';

// printDocument in the app: the core renders the named document (督办单, 周报); main prints it in a hidden window with
// scripts off — to the system print dialog, or to a PDF the person saves. preferCSSPageSize makes the document's
// own A4 @page (margins, page numbers) govern, so paper, PDF and the test printer agree.

type PrintWindow = Pick<BrowserWindow, 'loadFile' | 'destroy'> & {
  webContents: Pick<BrowserWindow['webContents'], 'print' | 'printToPDF'>;
};

export interface PrinterDeps {
  createWindow(): PrintWindow;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export function createPrinter(deps: PrinterDeps): (job: PrintJob) => Promise<PrintResult> {
  return async ({ html, title, mode }) => {
    const dir = mkdtempSync(join(tmpdir(), 'yq-print-'));
    const page = join(dir, 'document.html');
    writeFileSync(page, guarded(html), 'utf8');
    const window = deps.createWindow();
    try {
      await window.loadFile(page);
      if (mode === 'dialog') {
        await new Promise<void>((resolve, reject) =>
          window.webContents.print({ silent: false, printBackground: true }, (success, reason) =>
            // Cancelling the dialog is the person's choice, not an error.
            success || reason === 'cancelled' ? resolve() : reject(new Error(reason)),
          ),
        );
        return { mode, path: null };
      }
      const pdf = await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      const choice = await deps.showSaveDialog({
        title: '导出PDF',
        defaultPath: `${title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (choice.canceled || !choice.filePath) return { mode, path: null };
      const temp = `${choice.filePath}.tmp`;
      writeFileSync(temp, pdf);
      renameSync(temp, choice.filePath);
      return { mode, path: choice.filePath };
    } finally {
      window.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
