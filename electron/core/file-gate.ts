import { contract } from '../../shared/contract.js';
import { type PathField, pathFieldsOf } from '../../shared/file-path.js';
import type { CallLedger } from './service.js';

// Which files a page may name. A few contract methods read or write a file the page names (a contact card, a
// bundle, a backup); a page may only name a file the person picked in a file dialog — or, for a backup, one the
// ledger itself lists — so a compromised page cannot overwrite ~/.bashrc or read a key file by passing a path of
// its own. The list is derived from the contract's marked path fields (shared/file-path.ts), so a new method
// with a path field is gated the day it is added. Shared by every door that serves a page: the app's main
// process and the browser-test host.

/** Methods whose input names a file, and the fields that do (a `typed` folder is marked but not gated). */
export const FILE_FIELDS: ReadonlyMap<string, readonly PathField[]> = new Map(
  Object.entries(contract).flatMap(([method, { input }]) => {
    const fields = pathFieldsOf(input).filter((f) => f.choice !== 'typed');
    return fields.length > 0 ? [[method, fields] as const] : [];
  }),
);

const CHOICE_LIFETIME_MS = 60 * 60_000;

export const NOT_CHOSEN_MESSAGE = '请通过文件对话框选择文件。';

export interface FileGateOptions {
  now?: () => number;
  /** The backups the ledger lists now (设置 → 备份与恢复): a page may name one of these back. */
  listedBackups?: () => Promise<readonly string[]>;
}

export interface FileGate {
  /** Records a path the person chose in a dialog of this kind. */
  chosen(path: string, mode: 'open' | 'save'): void;
  /** Whether a call may go ahead: false when it names a file the person did not choose (recently, for this use). */
  allows(method: string, input: unknown): Promise<boolean>;
}

export function createFileGate({ now = Date.now, listedBackups = () => Promise.resolve([]) }: FileGateOptions = {}): FileGate {
  const choices = new Map<string, { mode: 'open' | 'save'; at: number }>();
  const choseRecently = (path: string, mode: 'open' | 'save') => {
    const choice = choices.get(path);
    return choice !== undefined && choice.mode === mode && now() - choice.at < CHOICE_LIFETIME_MS;
  };
  const allowsField = async ({ field, choice, optional }: PathField, input: unknown) => {
    const path = (input as Record<string, unknown> | null | undefined)?.[field];
    if (path === undefined && optional) return true;
    if (typeof path !== 'string') return false;
    if (choice === 'backup') return choseRecently(path, 'open') || (await listedBackups()).includes(path);
    return choice !== 'typed' && choseRecently(path, choice);
  };
  return {
    chosen(path, mode) {
      choices.set(path, { mode, at: now() });
    },
    async allows(method, input) {
      const fields = FILE_FIELDS.get(method) ?? [];
      for (const field of fields) if (!(await allowsField(field, input))) return false;
      return true;
    },
  };
}

/** The backups the core lists to the page (the overview's list), asked when a page names one. */
export async function listedBackups(call: CallLedger): Promise<string[]> {
  const overview = await call('getBackupOverview', {});
  if (!overview.ok) return [];
  return (overview.value as { backups: { file: string }[] }).backups.map((b) => b.file);
}
