import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../../../shared/errors.js';
import { checkDatabaseFile, plainCopyOf } from './check.js';
import { copyMissingBlobs, renameDurably, writeFileAtomically } from './files.js';
import { takeNewSiteId } from './rejoin.js';

// Restoring a backup into the ledger file (which must be closed): the backup is checked again whole; a copy of
// it takes a new site id (rejoin.ts) beside the ledger; the current file, whatever state it is in, is kept as a
// safety copy; then the copy is renamed over the ledger in one step. A backup that is not good changes nothing.
// `undoRestore` puts the safety copy back (the restored file is kept too: no data is ever deleted here).

export interface RestoreOptions {
  passphrase?: string;
  now: () => number;
  nativeBinding?: string;
  /** Where the ledger's attachment files live; the backup folder's `attachments/` fill in what is missing. */
  attachmentsDir?: string;
}

export interface RestoreResult {
  restoredFrom: string;
  safetyCopy: string | null;
  formerSite: string;
  site: string;
  incidents: number;
  commitments: number;
  attachmentsCopied: number;
}

const SIDE_FILES = ['-wal', '-shm'] as const;
const restoreRecord = (dbPath: string) => `${dbPath}.restore.json`;
const stampOf = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');

export async function restoreBackup(dbPath: string, file: string, options: RestoreOptions): Promise<RestoreResult> {
  const copy = await plainCopyOf(file, options.passphrase);
  if ('error' in copy) throw new LedgerError('invalid_input', `不能恢复：${copy.error}`);
  const staging = `${dbPath}.restoring.part`;
  let check;
  try {
    check = checkDatabaseFile(copy.path, options.nativeBinding);
    if (!check.ok) throw new LedgerError('invalid_input', `不能恢复：${file} 不是完好的备份（${check.reason ?? ''}）`);
    rmSync(staging, { force: true });
    copyFileSync(copy.path, staging);
  } finally {
    copy.done();
  }
  let ids: { formerSite: string; site: string };
  try {
    ids = takeNewSiteId(staging, {
      now: options.now,
      why: `从备份恢复（${file}，备份中工作站标识 ${check.siteId}）`,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  }

  const safetyCopy = existsSync(dbPath) ? keepSafetyCopy(dbPath, `${dbPath}.before-restore-${stampOf(options.now())}`, options.nativeBinding) : null;
  renameDurably(staging, dbPath);
  writeFileAtomically(restoreRecord(dbPath), JSON.stringify({ safetyCopy, restoredFrom: file, at: new Date(options.now()).toISOString() }));
  const attachmentsCopied = options.attachmentsDir ? copyMissingBlobs(join(dirname(file), 'attachments'), options.attachmentsDir) : 0;
  return { restoredFrom: file, safetyCopy, ...ids, incidents: check.incidents, commitments: check.commitments, attachmentsCopied };
}

/**
 * Copies the current ledger aside exactly as it is: checkpointed first when it opens (so the copy is one file),
 * with its -wal and -shm otherwise (a damaged ledger is kept as found). Then the ledger's side files go, so the
 * restored file is never read with another database's WAL.
 */
function keepSafetyCopy(dbPath: string, safety: string, nativeBinding?: string): string {
  try {
    const db = new Database(dbPath, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch {
    // A ledger that does not open is copied with whatever side files it has.
  }
  copyFileSync(dbPath, safety);
  for (const side of SIDE_FILES) if (existsSync(dbPath + side)) copyFileSync(dbPath + side, safety + side);
  for (const side of SIDE_FILES) rmSync(dbPath + side, { force: true });
  return safety;
}

/** The safety copy the last restore kept, if it is still there. */
export function lastRestore(dbPath: string): { safetyCopy: string | null; restoredFrom: string; at: string } | null {
  if (!existsSync(restoreRecord(dbPath))) return null;
  const record = JSON.parse(readFileSync(restoreRecord(dbPath), 'utf8')) as { safetyCopy: string | null; restoredFrom: string; at: string };
  return record.safetyCopy && existsSync(record.safetyCopy) ? record : null;
}

/** Puts the safety copy back (the ledger must be closed); the restored file is kept aside. */
export function undoRestore(dbPath: string, now: () => number, nativeBinding?: string): { restoredKeptAs: string; safetyCopy: string } {
  const record = lastRestore(dbPath);
  if (!record?.safetyCopy) throw new LedgerError('not_found', '没有可撤销的恢复：恢复前的安全副本不存在');
  const aside = keepSafetyCopy(dbPath, `${dbPath}.undone-restore-${stampOf(now())}`, nativeBinding);
  for (const side of SIDE_FILES) if (existsSync(record.safetyCopy + side)) renameSync(record.safetyCopy + side, dbPath + side);
  renameDurably(record.safetyCopy, dbPath);
  rmSync(restoreRecord(dbPath), { force: true });
  return { restoredKeptAs: aside, safetyCopy: record.safetyCopy };
}
