import type { ChooseFileInput } from '../../shared/api/desktop.js';
import { type PrintRequest, type PrintResult, renderCallOf } from '../../shared/api/print.js';
import { createFileGate, listedBackups, NOT_CHOSEN_MESSAGE } from '../core/file-gate.js';
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

export function withDesktopActions(call: CallLedger, desktop: DesktopActions, now: () => number = Date.now): CallLedger {
  // The renderer may only name files the person picked in a dialog, or a backup the ledger lists (core/file-gate.ts).
  const gate = createFileGate({ now, listedBackups: () => listedBackups(call) });
  return async (method, input) => {
    if (!(await gate.allows(method, input))) return { ok: false, error: { code: 'forbidden', message: NOT_CHOSEN_MESSAGE } };
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
      if (path !== null) gate.chosen(path, request.mode);
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
