import { dirname, join } from 'node:path';
import { type BackupInfo, type BackupSource, createBackup } from './create.js';
import { pruneBackups } from './list.js';
import { type BackupMoment, backupDue } from './schedule.js';
import { noteSecondDir, readBackupSettings, scheduleState } from './state.js';

// One backup round: into the ledger's own backup folder, then into the second folder the office chose (a USB
// disk, a shared folder) — whose absence is noted for the 工作台, never an error that stops the first — then
// rotation in both. `runDueBackup` is what the shell calls when idle or quitting: the core decides.

/** `backups/` beside the ledger file. */
export const defaultBackupDir = (ledgerPath: string) => join(dirname(ledgerPath), 'backups');

export interface BackupRound {
  primary: BackupInfo;
  second: BackupInfo | null;
  secondError: string | null;
  pruned: number;
}

export async function backupRound(source: BackupSource, options: { passphrase?: string; scryptWorkFactor?: number; dir?: string } = {}): Promise<BackupRound> {
  const settings = readBackupSettings(source.db);
  const dir = options.dir ?? defaultBackupDir(source.path);
  const seal = {
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
    ...(options.scryptWorkFactor !== undefined ? { scryptWorkFactor: options.scryptWorkFactor } : {}),
  };
  const primary = await createBackup(source, { dir, primary: options.dir === undefined, ...seal });
  let second: BackupInfo | null = null;
  let secondError: string | null = null;
  if (settings.secondDir && options.dir === undefined) {
    try {
      second = await createBackup(source, { dir: settings.secondDir, ...seal });
    } catch (error) {
      secondError = (error as Error).message;
    }
    noteSecondDir(source.db, second !== null);
  }
  let pruned = pruneBackups(dir, settings.policy).length;
  if (second) pruned += pruneBackups(settings.secondDir!, settings.policy).length;
  return { primary, second, secondError, pruned };
}

/** Backs up if the schedule says so (first idle moment of a day, or quitting, after changes); else null. */
export async function runDueBackup(source: BackupSource, moment: BackupMoment): Promise<BackupRound | null> {
  const nowIso = new Date(source.ctx.now()).toISOString();
  if (!backupDue(scheduleState(source.db), nowIso, moment)) return null;
  return backupRound(source);
}

