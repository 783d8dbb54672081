import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checksumOf } from '../db/open.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { verifyAudit } from '../ledger/verify-audit.js';
import { open } from '../sync/age.js';
import { sha256File } from './files.js';
import { parseBackupName, SIDECAR } from './names.js';

// What makes a backup good: it opens as SQLite, passes `PRAGMA integrity_check`, holds a ledger this program
// can open (its migrations are a prefix of ours), its audit chain verifies, and it says how much it holds. A
// file that fails any of these is not a backup, whatever its name.

export interface BackupCheck {
  ok: boolean;
  /** Why it is not good, in one Chinese line. */
  reason?: string;
  incidents: number;
  commitments: number;
  auditEntries: number;
  schemaVersion: number;
  siteId: string;
  siteName: string;
}

const EMPTY = { incidents: 0, commitments: 0, auditEntries: 0, schemaVersion: 0, siteId: '', siteName: '' };

/** Checks a plain SQLite backup file in place (opened read-only: checking never changes it). */
export function checkDatabaseFile(path: string, nativeBinding?: string): BackupCheck {
  let db: Database.Database | undefined;
  const bad = (reason: string): BackupCheck => ({ ok: false, reason, ...EMPTY });
  try {
    if (!existsSync(path)) return bad('备份文件不存在');
    if (statSync(path).size < 512) return bad('备份文件过小，已损坏或不完整');
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') return bad(`完整性检查未通过（${integrity.slice(0, 2).join('；')}）`);
    const applied = db.prepare('SELECT version, checksum FROM migrations ORDER BY version').all() as { version: number; checksum: string }[];
    if (applied.length === 0) return bad('文件不是台账数据库');
    if (applied.length > MIGRATIONS.length) return bad(`备份来自较新版本的程序（数据结构版本 ${applied.length}），请先升级程序`);
    const mismatch = applied.find((row, i) => row.version !== MIGRATIONS[i]!.version || row.checksum !== checksumOf(MIGRATIONS[i]!.sql));
    if (mismatch) return bad(`备份的第 ${mismatch.version} 号迁移记录与本程序不符`);
    const audit = verifyAudit(db);
    if (!audit.ok) return bad(`审计记录校验未通过：第 ${audit.firstBroken?.seq ?? '?'} 条，${audit.firstBroken?.reason ?? ''}`);
    const count = (sql: string) => (db!.prepare(sql).get() as { n: number }).n;
    const meta = (key: string) => (db!.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? '';
    const siteId = meta('site_id');
    if (!siteId) return bad('备份中没有工作站标识，不是完整的台账');
    return {
      ok: true,
      incidents: count('SELECT count(*) AS n FROM incidents WHERE deleted = 0'),
      commitments: count('SELECT count(*) AS n FROM commitments WHERE deleted = 0'),
      auditEntries: audit.entries,
      schemaVersion: applied.length,
      siteId,
      siteName: meta('site_name'),
    };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return bad(`文件不是台账数据库，或已损坏（${code}）`);
    return bad(`无法读取备份：${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * Makes a plain copy of a backup to check or restore: a sealed one is decrypted into a private temporary
 * folder. The caller removes the folder with `done()`.
 */
export async function plainCopyOf(
  file: string,
  passphrase: string | undefined,
): Promise<{ path: string; done: () => void } | { error: string }> {
  // Bytes changed inside a row's text pass SQLite's structural check: the hash recorded when the backup was
  // made catches every change to a file that still has its record.
  if (!existsSync(file)) return { error: `找不到备份文件 ${file}` };
  const recorded = recordedHash(file);
  if (recorded !== undefined && sha256File(file) !== recorded) return { error: '备份文件与备份时记录的校验值不符（文件已损坏或被改动）' };
  const named = parseBackupName(file);
  const sealed = named?.encrypted ?? file.endsWith('.age');
  if (!sealed) return { path: file, done: () => undefined };
  if (passphrase === undefined) return { error: '该备份已用办公室口令加密，请提供口令' };
  let bytes: Uint8Array;
  try {
    bytes = await open(readFileSync(file), { identities: [], passphrase });
  } catch (error) {
    return { error: `无法解密备份：${(error as Error).message.replace('同步包', '备份')}` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'yq-restore-'));
  const path = join(dir, 'ledger.db');
  writeFileSync(path, bytes, { mode: 0o600 });
  return { path, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The whole check of any backup file, sealed or not. */
export async function checkBackup(file: string, passphrase?: string, nativeBinding?: string): Promise<BackupCheck> {
  if (!existsSync(file)) return { ok: false, reason: `找不到备份文件 ${file}`, ...EMPTY };
  const copy = await plainCopyOf(file, passphrase);
  if ('error' in copy) return { ok: false, reason: copy.error, ...EMPTY };
  try {
    return checkDatabaseFile(copy.path, nativeBinding);
  } finally {
    copy.done();
  }
}

function recordedHash(file: string): string | undefined {
  try {
    const record = JSON.parse(readFileSync(`${file}${SIDECAR}`, 'utf8')) as { sha256?: unknown };
    return typeof record.sha256 === 'string' ? record.sha256 : undefined;
  } catch {
    return undefined; // no record (a backup copied on its own): the structural checks alone decide
  }
}
