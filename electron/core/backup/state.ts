import { z } from 'zod';
import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { DEFAULT_ROTATION, type RotationPolicy } from './rotate.js';
import type { BackupScheduleState } from './schedule.js';

// The backup settings and the outcome of the last backups, kept in the ledger's local `meta` table (not synced:
// each workstation backs up its own copy). No passphrase is ever stored.

const KEYS = {
  secondDir: 'backup.second_dir',
  policy: 'backup.policy',
  lastGoodAt: 'backup.last_good_at',
  lastGoodSeq: 'backup.last_good_seq',
  lastFailure: 'backup.last_failure',
  secondDirOk: 'backup.second_dir_ok',
} as const;

const policySchema = z.object({
  daily: z.number().int().min(1).max(366),
  weekly: z.number().int().min(0).max(520),
  monthly: z.number().int().min(0).max(1200),
});

export interface BackupSettings {
  secondDir: string | null;
  policy: RotationPolicy;
}

export interface BackupStatus {
  lastGoodAt: string | null;
  lastFailure: { at: string; reason: string } | null;
  secondDirOk: boolean | null;
}

const read = (db: Db, key: string) => (cached(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;

function write(db: Db, key: string, value: string | null): void {
  if (value === null) cached(db, 'DELETE FROM meta WHERE key = ?').run(key);
  else cached(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readBackupSettings(db: Db): BackupSettings {
  const stored = read(db, KEYS.policy);
  const parsed = stored === undefined ? undefined : policySchema.safeParse(JSON.parse(stored));
  return { secondDir: read(db, KEYS.secondDir) ?? null, policy: parsed?.success ? parsed.data : DEFAULT_ROTATION };
}

export function writeBackupSettings(db: Db, settings: BackupSettings): void {
  db.transaction(() => {
    write(db, KEYS.secondDir, settings.secondDir);
    write(db, KEYS.policy, JSON.stringify(policySchema.parse(settings.policy)));
  })();
}

export function readBackupStatus(db: Db): BackupStatus {
  const failure = read(db, KEYS.lastFailure);
  const second = read(db, KEYS.secondDirOk);
  return {
    lastGoodAt: read(db, KEYS.lastGoodAt) ?? null,
    lastFailure: failure ? (JSON.parse(failure) as { at: string; reason: string }) : null,
    secondDirOk: second === undefined ? null : second === '1',
  };
}

const auditHead = (db: Db) => (cached(db, 'SELECT coalesce((SELECT seq FROM audit ORDER BY seq DESC LIMIT 1), 0) AS n').get() as { n: number }).n;

export function scheduleState(db: Db): BackupScheduleState {
  const seq = read(db, KEYS.lastGoodSeq);
  return { lastGoodAt: read(db, KEYS.lastGoodAt) ?? null, changedSince: seq === undefined || Number(seq) !== auditHead(db) };
}

/** The audit head a backup covers, read in the same transaction as the backup's first page. */
export const auditHeadOf = auditHead;

export function noteGoodBackup(db: Db, at: string, seq: number): void {
  db.transaction(() => {
    write(db, KEYS.lastGoodAt, at);
    write(db, KEYS.lastGoodSeq, String(seq));
    write(db, KEYS.lastFailure, null);
  })();
}

export function noteFailedBackup(db: Db, at: string, reason: string): void {
  write(db, KEYS.lastFailure, JSON.stringify({ at, reason }));
}

export function noteSecondDir(db: Db, ok: boolean): void {
  write(db, KEYS.secondDirOk, ok ? '1' : '0');
}
