import type { CallLedger } from '../core/service.js';

// A few contract methods end in something only the desktop can do: open a file with the system viewer. The
// core does the ledger part (find the attachment, check its hash, answer its path); main adds the desktop part.
// Everything else passes straight through.

export interface DesktopActions {
  /** Electron's shell.openPath: resolves to '' on success or an error message. */
  openPath(path: string): Promise<string>;
}

export function withDesktopActions(call: CallLedger, desktop: DesktopActions): CallLedger {
  return async (method, input) => {
    const result = await call(method, input);
    if (method === 'openAttachment' && result.ok) {
      const { path } = result.value as { path: string };
      const problem = await desktop.openPath(path);
      if (problem) return { ok: false, error: { code: 'storage', message: `无法用系统程序打开附件：${problem}` } };
    }
    return result;
  };
}
