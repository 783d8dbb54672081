import type { ChooseFileInput } from '../../shared/api/desktop.js';
import type { PrintInput, PrintResult } from '../../shared/api/print.js';
import type { CallLedger } from '../core/service.js';

// A few contract methods end in something only the desktop can do. Opening an attachment: the core does the
// ledger part (find it, check its hash, answer its path), main opens it with the system viewer. Printing: the
// core rendered the document already; main prints it (dialog or PDF). Choosing a file is the dialog's alone.
// Everything else passes straight through.

export interface DesktopActions {
  /** Electron's shell.openPath: resolves to '' on success or an error message. */
  openPath(path: string): Promise<string>;
  /** Prints a document the core rendered; input already parsed by the contract at the IPC door. */
  print(input: Required<PrintInput>): Promise<PrintResult>;
  /** The open/save dialog: the chosen path, or null when cancelled. */
  chooseFile(input: ChooseFileInput): Promise<string | null>;
}

export function withDesktopActions(call: CallLedger, desktop: DesktopActions): CallLedger {
  return async (method, input) => {
    if (method === 'printDocument') {
      try {
        return { ok: true, value: await desktop.print(input as Required<PrintInput>) };
      } catch (error) {
        console.error('[main] 打印失败', error);
        return { ok: false, error: { code: 'internal', message: '打印失败，请检查打印机或改用“导出PDF”。' } };
      }
    }
    if (method === 'chooseFile') {
      return { ok: true, value: { path: await desktop.chooseFile(input as ChooseFileInput) } };
    }
    const result = await call(method, input);
    if (method === 'openAttachment' && result.ok) {
      const { path } = result.value as { path: string };
      const problem = await desktop.openPath(path);
      if (problem) return { ok: false, error: { code: 'storage', message: `无法用系统程序打开附件：${problem}` } };
    }
    return result;
  };
}
