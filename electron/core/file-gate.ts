// Which files a page may name. A few contract methods read or write a file the page names (a contact card, a
// bundle); a page may only name a file the person picked in a file dialog, so a compromised page cannot overwrite
// ~/.bashrc or read a key file by passing a path of its own. Shared by every door that serves a page: the app's
// main process and the browser-test host.

/** Methods that read or write a file the page names, and which kind of dialog may have chosen it. */
export const FILE_METHODS: Readonly<Record<string, 'open' | 'save'>> = {
  exportContactCard: 'save',
  exportBundle: 'save',
  previewBundle: 'open',
  importBundle: 'open',
  // Backups the page picks from the ledger's own list (verifyBackup, restoreBackup) are not gated here.
  createBackup: 'save',
  exportKeys: 'save',
  importKeys: 'open',
  previewImport: 'open',
  importSpreadsheet: 'open',
  exportLedgerXlsx: 'save',
  exportCommitmentsXlsx: 'save',
};

/** The input field that names the file (default `path`); a backup without `to` goes to the ledger's own folder. */
const FILE_FIELDS: Readonly<Record<string, { field: string; optional?: boolean }>> = {
  createBackup: { field: 'to', optional: true },
  exportKeys: { field: 'out' },
  importKeys: { field: 'file' },
};

const CHOICE_LIFETIME_MS = 60 * 60_000;

export const NOT_CHOSEN_MESSAGE = '请通过文件对话框选择文件。';

export interface FileGate {
  /** Records a path the person chose in a dialog of this kind. */
  chosen(path: string, mode: 'open' | 'save'): void;
  /** Whether a call may go ahead: false when it names a file the person did not choose (recently, for this use). */
  allows(method: string, input: unknown): boolean;
}

export function createFileGate(now: () => number = Date.now): FileGate {
  const choices = new Map<string, { mode: 'open' | 'save'; at: number }>();
  return {
    chosen(path, mode) {
      choices.set(path, { mode, at: now() });
    },
    allows(method, input) {
      const mode = Object.hasOwn(FILE_METHODS, method) ? FILE_METHODS[method] : undefined;
      if (!mode) return true;
      const { field, optional } = FILE_FIELDS[method] ?? { field: 'path' };
      const path = (input as Record<string, unknown> | null | undefined)?.[field];
      if (path === undefined && optional) return true;
      const choice = typeof path === 'string' ? choices.get(path) : undefined;
      return choice !== undefined && choice.mode === mode && now() - choice.at < CHOICE_LIFETIME_MS;
    },
  };
}
