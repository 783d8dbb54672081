import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { fileProblem } from '../file-problems.js';
import type { LedgerContext } from '../ledger/mutate.js';
import { seal } from '../sync/age.js';
import { type BackupCheck, checkDatabaseFile } from './check.js';
import { copyMissingBlobs, fsyncPath, renameDurably, sha256File, writeFileAtomically } from './files.js';
import { backupName, SIDECAR } from './names.js';
import { auditHeadOf, noteFailedBackup, noteGoodBackup } from './state.js';

// Making one backup: SQLite's online backup API copies the live ledger page by page from the one connection
// that writes it (so a write in between never restarts it, and no WAL file is ever copied raw) into a hidden
// `.part` file; that copy is made a self-contained single file, opened and checked, optionally sealed with the
// office passphrase, and only then renamed to its backup name. A copy that fails the check is deleted and the
// failure reported: nothing that did not pass is ever under a backup name.

export interface BackupSource {
  db: Db;
  ctx: LedgerContext;
  /** The ledger file, for its size. */
  path: string;
  attachmentsDir: string;
  nativeBinding?: string;
}

export interface CreateBackupOptions {
  dir: string;
  passphrase?: string;
  /** Tests only: cheap scrypt. */
  scryptWorkFactor?: number;
  /** Whether this is the office's main backup folder (its outcome feeds the 工作台 warning). */
  primary?: boolean;
}

export interface BackupInfo extends Omit<BackupCheck, 'ok' | 'reason'> {
  file: string;
  at: string;
  bytes: number;
  ledgerBytes: number;
  verified: true;
  encrypted: boolean;
  attachmentsCopied: number;
}

export async function createBackup(source: BackupSource, options: CreateBackupOptions): Promise<BackupInfo> {
  const { db, ctx } = source;
  const nowMs = ctx.now();
  const at = new Date(nowMs).toISOString();
  const encrypted = options.passphrase !== undefined;
  try {
    mkdirSync(options.dir, { recursive: true });
  } catch (error) {
    throw new LedgerError('storage', `无法使用备份文件夹 ${options.dir}：${fileProblem(error)}`);
  }
  let name = backupName(nowMs, encrypted);
  for (let bump = 1; existsSync(join(options.dir, name)); bump += 1) name = backupName(nowMs + bump, encrypted);
  const final = join(options.dir, name);
  const part = join(options.dir, `.${name}.${randomBytes(4).toString('hex')}.part`);
  const sealedPart = `${part}.age.part`;
  const fail = (reason: string): never => {
    rmSync(part, { force: true });
    rmSync(sealedPart, { force: true });
    if (options.primary) noteFailedBackup(db, at, reason);
    throw new LedgerError('storage', `备份失败：${reason}`);
  };

  // The audit head read just before the copy: the backup holds at least this much.
  const headSeq = auditHeadOf(db);
  try {
    // After the first page, the rest in one step: one read transaction, so a write by another process (yq while
    // the app is open) can neither restart the copy forever nor tear it.
    await db.backup(part, { progress: () => 0x7fffffff });
    const copy = new Database(part, source.nativeBinding ? { nativeBinding: source.nativeBinding } : {});
    try {
      copy.pragma('journal_mode = DELETE'); // one self-contained file, no -wal beside it
    } finally {
      copy.close();
    }
  } catch (error) {
    return fail(`无法写入备份文件（${fileProblem(error)}）`);
  }
  const check = checkDatabaseFile(part, source.nativeBinding);
  if (!check.ok) return fail(`备份副本未通过检查，已丢弃（${check.reason ?? ''}）`);

  let written = part;
  if (encrypted) {
    try {
      const sealed = await seal(readFileSync(part), {
        recipients: [],
        passphrase: options.passphrase!,
        ...(options.scryptWorkFactor !== undefined ? { scryptWorkFactor: options.scryptWorkFactor } : {}),
      });
      writeFileSync(sealedPart, sealed);
      rmSync(part, { force: true });
      written = sealedPart;
    } catch (error) {
      return fail(`无法加密备份（${fileProblem(error)}）`);
    }
  }
  const { ok: _ok, reason: _reason, ...counts } = check;
  const bytes = statSync(written).size;
  const ledgerBytes = source.path === ':memory:' || !existsSync(source.path) ? 0 : statSync(source.path).size;
  try {
    fsyncPath(written);
    writeFileAtomically(`${final}${SIDECAR}`, JSON.stringify({ at, ...counts, bytes, sha256: sha256File(written), verified: true, encrypted }));
    renameDurably(written, final);
  } catch (error) {
    return fail(`无法保存备份文件（${fileProblem(error)}）`);
  }
  // Sealed backups leave the machine; their attachments would go in the clear, so only plain ones carry them.
  const attachmentsCopied = encrypted ? 0 : copyMissingBlobs(source.attachmentsDir, join(options.dir, 'attachments'));
  if (options.primary) noteGoodBackup(db, at, headSeq);
  return { file: final, at, ...counts, bytes, ledgerBytes, verified: true, encrypted, attachmentsCopied };
}
