import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBackup } from '../../../electron/core/backup/check.js';
import { createBackup } from '../../../electron/core/backup/create.js';
import { listBackups } from '../../../electron/core/backup/list.js';
import { restoreBackup, undoRestore } from '../../../electron/core/backup/restore.js';
import { backupsToPrune, DEFAULT_ROTATION } from '../../../electron/core/backup/rotate.js';
import { backupRound, runDueBackup } from '../../../electron/core/backup/run.js';
import { backupDue, backupWarning } from '../../../electron/core/backup/schedule.js';
import { readBackupStatus, writeBackupSettings } from '../../../electron/core/backup/state.js';
import { fillDemoLedger } from '../../../scripts/demo/fill.js';
import type { Db } from '../../../electron/core/db/open.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { addAttachment } from '../../../electron/core/ledger/attachments.js';
import { tempDir } from '../../helpers/temp.js';
import { LOW_SCRYPT, testClock } from '../sync/helpers.js';
import { addIncident } from './helpers.js';

const tables = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const rows = (db: Db, table: string) => db.prepare(`SELECT * FROM "${table}"`).all().map((r) => JSON.stringify(r)).sort();

describe('backups', () => {
  it('restore gives back every table as it was at the backup, under a new site id; undo puts the safety copy back', async () => {
    const dir = tempDir();
    const clock = testClock();
    const path = join(dir, 'ledger.db');
    let ledger = openLedger({ path, now: clock.now, siteName: '县委宣传部' });
    fillDemoLedger(ledger.ctx, { count: 120, seed: 3 });
    const before = Object.fromEntries(tables(ledger.db).map((t) => [t, rows(ledger.db, t)]));
    const made = await createBackup(ledger, { dir: join(dir, 'backups'), primary: true });
    expect(made).toMatchObject({ verified: true, incidents: 120 });
    const formerSite = ledger.siteId;
    addIncident(ledger, '备份之后登记的事件');
    const after = rows(ledger.db, 'incidents');
    ledger.close();

    clock.advance(60_000);
    const restored = await restoreBackup(path, made.file, { now: clock.now });
    ledger = openLedger({ path, now: clock.now });
    for (const table of tables(ledger.db)) {
      if (table === 'meta' || table === 'audit_log') continue;
      // Sites are numbered once for operations and audit entries alike: the restore's entry numbers the new id.
      if (table === 'op_sites') {
        expect(rows(ledger.db, table)).toEqual([...before[table]!, JSON.stringify({ id: before[table]!.length + 1, site: restored.site })]);
        continue;
      }
      expect(rows(ledger.db, table), table).toEqual(before[table]);
    }
    // The audit log is the backup's, plus the entry that records the restore and the new site id.
    const audit = rows(ledger.db, 'audit');
    expect(audit.length).toBe(before.audit_log!.length + 1);
    expect(ledger.siteId).toBe(restored.site);
    expect(ledger.db.prepare("SELECT value FROM meta WHERE key = 'former_site_ids'").get()).toEqual({ value: JSON.stringify([formerSite]) });
    ledger.close();

    undoRestore(path, clock.now);
    ledger = openLedger({ path, now: clock.now });
    expect(ledger.siteId).toBe(formerSite);
    expect(rows(ledger.db, 'incidents')).toEqual(after);
    ledger.close();
  });

  it('copies attachments alongside, only the new ones, and brings them back on restore', async () => {
    const dir = tempDir();
    const clock = testClock();
    const path = join(dir, 'ledger.db');
    const ledger = openLedger({ path, now: clock.now });
    const incident = addIncident(ledger, '河道污染');
    const data = (text: string) => Buffer.from(text).toString('base64');
    addAttachment(ledger.ctx, ledger.attachmentsDir, { incident, name: 'a.png', mime: 'image/png', dataBase64: data('截图一') });
    const first = await createBackup(ledger, { dir: join(dir, 'b') });
    expect(first.attachmentsCopied).toBe(1);
    addAttachment(ledger.ctx, ledger.attachmentsDir, { incident, name: 'b.png', mime: 'image/png', dataBase64: data('截图二') });
    clock.advance(1000);
    expect((await createBackup(ledger, { dir: join(dir, 'b') })).attachmentsCopied).toBe(1);
    ledger.close();
    const elsewhere = join(dir, 'new-machine', 'ledger.db');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'new-machine'));
    const restored = await restoreBackup(elsewhere, first.file, { now: clock.now, attachmentsDir: join(dir, 'new-machine', 'attachments') });
    expect(restored.attachmentsCopied).toBe(2);
    expect(restored.safetyCopy).toBeNull();
  });

  it('seals a backup with the office passphrase; it restores only with it', async () => {
    const dir = tempDir();
    const clock = testClock();
    const ledger = openLedger({ path: join(dir, 'ledger.db'), now: clock.now });
    addIncident(ledger, '河道污染');
    const made = await createBackup(ledger, { dir: join(dir, 'usb'), passphrase: 'office-passphrase', scryptWorkFactor: LOW_SCRYPT });
    expect(made.encrypted).toBe(true);
    expect(readFileSync(made.file).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect((await checkBackup(made.file)).reason).toContain('口令');
    expect((await checkBackup(made.file, 'wrong-passphrase')).ok).toBe(false);
    expect(await checkBackup(made.file, 'office-passphrase')).toMatchObject({ ok: true, incidents: 1 });
    ledger.close();
  });

  it('reports a second folder it cannot reach, keeps the first backup, and rotates both', async () => {
    const dir = tempDir();
    const clock = testClock();
    const ledger = openLedger({ path: join(dir, 'ledger.db'), now: clock.now });
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    writeBackupSettings(ledger.db, { secondDir: join(dir, 'not-a-folder', 'usb'), policy: { daily: 2, weekly: 0, monthly: 0 } });
    const round = await backupRound(ledger);
    expect(round.second).toBeNull();
    expect(round.secondError).toContain('备份');
    expect(readBackupStatus(ledger.db).secondDirOk).toBe(false);
    expect(backupWarning({ ...readBackupStatus(ledger.db), secondDir: 'x' }, clock.now()).secondDirUnreachable).toBe(true);

    writeBackupSettings(ledger.db, { secondDir: join(dir, 'usb'), policy: { daily: 2, weekly: 0, monthly: 0 } });
    for (let day = 0; day < 4; day += 1) {
      clock.advance(86_400_000);
      addIncident(ledger, `第${day}天`);
      await backupRound(ledger);
    }
    expect(listBackups(join(dir, 'backups'))).toHaveLength(2);
    expect(listBackups(join(dir, 'usb'))).toHaveLength(2);
    expect(readBackupStatus(ledger.db).secondDirOk).toBe(true);
    ledger.close();
  });

  it('backs up at the first idle moment of a day and on quitting, only after changes', async () => {
    const dir = tempDir();
    const clock = testClock(Date.parse('2026-11-28T02:00:00Z')); // 10:00 China time
    const ledger = openLedger({ path: join(dir, 'ledger.db'), now: clock.now });
    expect(await runDueBackup(ledger, 'idle')).not.toBeNull(); // never backed up
    clock.advance(3600_000);
    expect(await runDueBackup(ledger, 'idle')).toBeNull(); // same day
    expect(await runDueBackup(ledger, 'quit')).toBeNull(); // nothing changed
    addIncident(ledger, '河道污染');
    expect(await runDueBackup(ledger, 'idle')).toBeNull(); // changed, but today has one
    expect(await runDueBackup(ledger, 'quit')).not.toBeNull();
    clock.advance(86_400_000);
    expect(await runDueBackup(ledger, 'idle')).toBeNull(); // a new day, but nothing changed since
    addIncident(ledger, '供暖不热');
    expect(await runDueBackup(ledger, 'idle')).not.toBeNull();
    ledger.close();
  });

  it('decides the schedule and the warning from times alone (China days)', () => {
    // 23:30 and 00:30 China time are two days even though both are the same UTC date.
    expect(backupDue({ lastGoodAt: '2026-11-28T15:30:00Z', changedSince: true }, '2026-11-28T16:30:00Z', 'idle')).toBe(true);
    expect(backupDue({ lastGoodAt: '2026-11-28T14:30:00Z', changedSince: true }, '2026-11-28T15:30:00Z', 'idle')).toBe(false);
    expect(backupDue({ lastGoodAt: null, changedSince: false }, '2026-11-28T15:30:00Z', 'quit')).toBe(true);
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(backupWarning({ lastGoodAt: '2026-11-27T23:00:00Z', secondDir: null, secondDirOk: null }, now).stale).toBe(true);
    expect(backupWarning({ lastGoodAt: '2026-11-28T01:00:00Z', secondDir: null, secondDirOk: null }, now).stale).toBe(false);
  });

  it('keeps the newest backup of each of the last 7 days, 4 weeks and 12 months', () => {
    const start = Date.parse('2026-01-01T04:00:00Z');
    const backups = Array.from({ length: 400 }, (_, i) => ({ at: new Date(start + i * 86_400_000).toISOString() }));
    const pruned = new Set(backupsToPrune(backups, DEFAULT_ROTATION));
    const kept = backups.filter((b) => !pruned.has(b));
    expect(kept.length).toBeGreaterThanOrEqual(7 + 12);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.some((b) => b.at === backups[399]!.at)).toBe(true);
    expect(kept.slice(-7).map((b) => b.at)).toEqual(backups.slice(-7).map((b) => b.at));
  });

  it('never keeps a backup that fails its check, and never lists a partial file', async () => {
    const dir = tempDir();
    const clock = testClock();
    const ledger = openLedger({ path: join(dir, 'ledger.db'), now: clock.now });
    addIncident(ledger, '河道污染');
    // A tampered audit entry makes every copy fail its check.
    ledger.db.exec('DROP TRIGGER IF EXISTS audit_no_update');
    const triggers = ledger.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string }[];
    for (const { name } of triggers) ledger.db.exec(`DROP TRIGGER "${name}"`);
    ledger.db.prepare("UPDATE audit_log SET summary = '改过的记录' WHERE seq = (SELECT max(seq) FROM audit_log)").run();
    await expect(createBackup(ledger, { dir: join(dir, 'b'), primary: true })).rejects.toThrow('备份失败');
    expect(readdirSync(join(dir, 'b'))).toEqual([]);
    expect(readBackupStatus(ledger.db).lastFailure?.reason).toContain('审计');
    expect(existsSync(join(dir, 'b'))).toBe(true);
    ledger.close();
  });
});

describe('a damaged ledger on open', () => {
  it('is replaced by the newest good backup and kept as the safety copy', async () => {
    const { recoverDamagedLedger } = await import('../../../electron/core/backup/damaged.js');
    const dir = tempDir();
    const clock = testClock();
    const path = join(dir, 'ledger.db');
    const ledger = openLedger({ path, now: clock.now });
    addIncident(ledger, '河道污染');
    await backupRound(ledger);
    ledger.close();
    expect(await recoverDamagedLedger(path, { now: clock.now })).toEqual({ damaged: false });
    const bytes = readFileSync(path);
    bytes.fill(0xff, 4096 * 2, 4096 * 6); // pages of the ledger overwritten
    writeFileSync(path, bytes);
    const report = await recoverDamagedLedger(path, { now: clock.now });
    expect(report.damaged).toBe(true);
    expect(report.restoredFrom).toContain('yq-backup-');
    expect(readFileSync(report.safetyCopy!)).toEqual(bytes);
    const reopened = openLedger({ path, now: clock.now });
    expect(reopened.db.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 1 });
    reopened.close();
  });
});
