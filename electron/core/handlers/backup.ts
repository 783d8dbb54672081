import type { LedgerHandlers } from '../../../shared/contract.js';
import type { BackupMade } from '../../../shared/api/backup.js';
import { LedgerError } from '../../../shared/errors.js';
import { checkBackup } from '../backup/check.js';
import { exportKeys, importKeys } from '../backup/key-recovery.js';
import { listBackups } from '../backup/list.js';
import { lastRestore, restoreBackup, undoRestore } from '../backup/restore.js';
import { type BackupRound, backupRound, defaultBackupDir, runDueBackup } from '../backup/run.js';
import { backupWarning } from '../backup/schedule.js';
import { readBackupSettings, readBackupStatus, writeBackupSettings } from '../backup/state.js';
import { replaceLostKeys } from '../sync/identity.js';
import type { Ledger } from '../open-ledger.js';

export interface BackupHandlerOptions {
  /** Called after the ledger file was replaced (restore, undo): the worker reopens it. The CLI simply exits. */
  ledgerReplaced?: () => void;
}

const made = (round: BackupRound): BackupMade => {
  const { siteId: _siteId, siteName: _siteName, schemaVersion: _schemaVersion, ...primary } = round.primary;
  return { ...primary, secondFile: round.second?.file ?? null, secondError: round.secondError, pruned: round.pruned };
};

/** 备份与恢复 and the key recovery file. */
export function backupHandlers(ledger: Ledger, options: BackupHandlerOptions = {}) {
  const fileLedger = () => {
    if (ledger.path === ':memory:') throw new LedgerError('invalid_input', '内存中的台账没有文件，不能备份或恢复');
    return ledger.path;
  };
  const overview = () => {
    const settings = readBackupSettings(ledger.db);
    const status = readBackupStatus(ledger.db);
    if (ledger.path === ':memory:') {
      // Nothing to back up and nothing to warn about (component tests, a scratch ledger).
      return { dir: '', ...settings, ...status, warning: { stale: false, secondDirUnreachable: false }, backups: [], lastRestore: null };
    }
    const path = ledger.path;
    const dir = defaultBackupDir(path);
    return {
      dir,
      ...settings,
      ...status,
      warning: backupWarning({ ...status, secondDir: settings.secondDir }, ledger.ctx.now()),
      backups: listBackups(dir),
      lastRestore: lastRestore(path),
    };
  };
  /** Restore and undo replace the file under the open ledger: close it first, and have it reopened after. */
  const replacing = async <T>(replace: (path: string) => Promise<T> | T): Promise<T> => {
    const path = fileLedger();
    ledger.close();
    try {
      return await replace(path);
    } finally {
      options.ledgerReplaced?.();
    }
  };
  return {
    getBackupOverview: overview,
    setBackupSettings: (settings) => {
      writeBackupSettings(ledger.db, settings);
      return overview();
    },
    createBackup: async ({ to, passphrase }) => {
      fileLedger();
      return made(await backupRound(ledger, { ...(to ? { dir: to } : {}), ...(passphrase !== undefined ? { passphrase } : {}) }));
    },
    runDueBackup: async ({ moment }) => {
      if (ledger.path === ':memory:') return { made: null };
      const round = await runDueBackup(ledger, moment);
      return { made: round ? made(round) : null };
    },
    listBackups: (input) => listBackups(input.in ?? defaultBackupDir(fileLedger())),
    verifyBackup: async ({ file, passphrase }) => ({ file, ...(await checkBackup(file, passphrase, ledger.nativeBinding)) }),
    restoreBackup: async ({ file, passphrase }) => {
      // Checked before anything closes: a bad backup leaves the open ledger exactly as it was.
      const check = await checkBackup(file, passphrase, ledger.nativeBinding);
      if (!check.ok) throw new LedgerError('invalid_input', `不能恢复：${file} 不是完好的备份（${check.reason ?? ''}）`);
      const { now } = ledger.ctx;
      const { attachmentsDir, nativeBinding } = ledger;
      return replacing((path) =>
        restoreBackup(path, file, { now, attachmentsDir, ...(passphrase !== undefined ? { passphrase } : {}), ...(nativeBinding ? { nativeBinding } : {}) }),
      );
    },
    undoRestore: () => {
      const path = fileLedger();
      if (!lastRestore(path)) throw new LedgerError('not_found', '没有可撤销的恢复：恢复前的安全副本不存在');
      const { now } = ledger.ctx;
      return replacing((p) => undoRestore(p, now, ledger.nativeBinding));
    },
    exportKeys: ({ out, passphrase }) => exportKeys(ledger, out, passphrase),
    importKeys: ({ file, passphrase }) => importKeys(ledger, file, passphrase),
    replaceLostKeys: async () => {
      const identity = await replaceLostKeys(ledger);
      return { site: identity.site, keys: identity.all.length, fingerprint: identity.current.fingerprint };
    },
  } satisfies Partial<LedgerHandlers>;
}
