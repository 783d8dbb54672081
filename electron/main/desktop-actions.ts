import type { ChooseFileInput } from '../../shared/api/desktop.js';
import { type PrintRequest, type PrintResult, renderCallOf } from '../../shared/api/print.js';
import type { CallLedger } from '../core/service.js';
import type { PrintJob } from './printing.js';

// A few contract methods end in something only the desktop can do. Opening an attachment: the core does the
// ledger part (find it, check its hash, answer its path), main opens it with the system viewer. Printing: the
// renderer names the document, the core renders it, main prints that (dialog or PDF) — never HTML the page sent.
// Choosing a file is the dialog's alone.
// Everything else passes straight through.

export interface DesktopActions {
  /** Electron's shell.openPath: resolves to '' on success or an error message. */
  openPath(path: string): Promise<string>;
  /** Prints a document the core rendered. */
  print(job: PrintJob): Promise<PrintResult>;
  /** The open/save dialog: the chosen path, or null when cancelled. */
  chooseFile(input: ChooseFileInput): Promise<string | null>;
  /** Electron's shell.openExternal. */
  openExternal(url: string): Promise<void>;
}

/** Methods that read or write a file the renderer names, and which kind of dialog may have chosen it. */
const FILE_METHODS: Record<string, 'open' | 'save'> = {
  exportContactCard: 'save',
  exportBundle: 'save',
  previewBundle: 'open',
  importBundle: 'open',
  previewImport: 'open',
  importSpreadsheet: 'open',
  exportLedgerXlsx: 'save',
  exportCommitmentsXlsx: 'save',
};
const CHOICE_LIFETIME_MS = 60 * 60_000;

export function withDesktopActions(call: CallLedger, desktop: DesktopActions, now: () => number = Date.now): CallLedger {
  // The renderer may only name files the person picked in a dialog: a compromised page must not be able to
  // overwrite ~/.bashrc or read a key file by passing a path of its own.
  const chosen = new Map<string, { mode: 'open' | 'save'; at: number }>();
  const wasChosen = (path: unknown, mode: 'open' | 'save') => {
    const choice = typeof path === 'string' ? chosen.get(path) : undefined;
    return choice !== undefined && choice.mode === mode && now() - choice.at < CHOICE_LIFETIME_MS;
  };
  return async (method, input) => {
    const fileMode = FILE_METHODS[method];
    if (fileMode && !wasChosen((input as { path?: unknown }).path, fileMode)) {
      return { ok: false, error: { code: 'forbidden', message: '请通过文件对话框选择文件。' } };
    }
    if (method === 'printDocument') {
      // Input already parsed by the contract at the IPC door.
      const { document, mode } = input as PrintRequest;
      const { method: render, input: which } = renderCallOf(document);
      const rendered = await call(render, which);
      if (!rendered.ok) return rendered;
      const { html, title } = rendered.value as { html: string; title: string };
      try {
        return { ok: true, value: await desktop.print({ html, title, mode }) };
      } catch (error) {
        console.error('[main] 打印失败', error);
        return { ok: false, error: { code: 'internal', message: '打印失败，请检查打印机或改用“导出PDF”。' } };
      }
    }
    if (method === 'openExternal') {
      const { url } = input as { url: string };
      // Checked again here, whatever the contract said: only web links ever leave for the system browser.
      if (!/^https?:\/\/\S+$/i.test(url)) return { ok: false, error: { code: 'invalid_input', message: '只能打开 http:// 或 https:// 链接' } };
      await desktop.openExternal(url);
      return { ok: true, value: { opened: true } };
    }
    if (method === 'chooseFile') {
      const request = input as ChooseFileInput;
      const path = await desktop.chooseFile(request);
      if (path !== null) chosen.set(path, { mode: request.mode, at: now() });
      return { ok: true, value: { path } };
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
