import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { checkBackup } from './check.js';
import { listBackups } from './list.js';
import { restoreBackup } from './restore.js';
import { defaultBackupDir } from './run.js';
import { readBackupSettingsFromFile } from './settings-file.js';

// On open: a ledger file that fails SQLite's quick_check is replaced by the newest backup that passes the whole
// check, and kept beside it as the safety copy (so "撤销恢复" puts it back, and nothing is ever deleted). With no
// good backup the file is left where it is: opening it may still work, and is better than an empty ledger.

export interface DamageReport {
  damaged: boolean;
  problem?: string;
  restoredFrom?: string;
  safetyCopy?: string | null;
}

export function quickCheck(path: string, nativeBinding?: string): string | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]!.quick_check === 'ok' ? undefined : rows.slice(0, 2).map((r) => r.quick_check).join('；');
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

export async function recoverDamagedLedger(path: string, options: { now: () => number; nativeBinding?: string }): Promise<DamageReport> {
  if (path === ':memory:' || !existsSync(path)) return { damaged: false };
  const problem = quickCheck(path, options.nativeBinding);
  if (problem === undefined) return { damaged: false };
  const dirs = [defaultBackupDir(path), ...readBackupSettingsFromFile(path)];
  const candidates = dirs.flatMap((dir) => listBackups(dir).filter((b) => !b.encrypted)).sort((a, b) => (a.at < b.at ? 1 : -1));
  for (const candidate of candidates) {
    if (!(await checkBackup(candidate.file, undefined, options.nativeBinding)).ok) continue;
    const restored = await restoreBackup(path, candidate.file, options);
    return { damaged: true, problem, restoredFrom: restored.restoredFrom, safetyCopy: restored.safetyCopy };
  }
  return { damaged: true, problem };
}
