import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { yqJson, yqRunner } from './run-yq.js';

// yq backup create|list|verify, restore, keys export|import: the JSON shapes and exit codes of issue 10.

const NOW = Date.parse('2026-11-28T04:00:00Z');
const PASSPHRASE_VAR = 'YQ_TEST_BACKUP_PASSPHRASE';

const incident = (title: string) =>
  JSON.stringify({ title, platform: '抖音', foundAt: '2026-11-27 09:30', severity: '较大', categories: ['欠薪'] });

describe('yq backup and restore', () => {
  it('backs up, lists newest first, verifies, refuses a damaged backup with exit 1/2, and restores keeping a safety copy', async () => {
    let t = NOW;
    const yq = yqRunner(() => t);
    const json = yqJson(yq);
    const dir = tempDir();
    const db = join(dir, 'ledger.db');
    await json(['--db', db, 'init', '--name', '县委宣传部']);
    await json(['--db', db, 'incident', 'add', '--json-in', '-'], incident('某工地拖欠农民工工资'));

    const made = await json<{ file: string; incidents: number; verified: boolean; bytes: number }>(['--db', db, 'backup', 'create']);
    expect(made).toMatchObject({ incidents: 1, verified: true });
    expect(made.file.startsWith(join(dir, 'backups'))).toBe(true);
    t += 86_400_000;
    await json(['--db', db, 'incident', 'add', '--json-in', '-'], incident('小区供暖不热'));
    const second = await json<{ file: string; incidents: number }>(['--db', db, 'backup', 'create']);
    expect(second.incidents).toBe(2);

    const list = await json<{ file: string; at: string; verified: boolean; incidents: number }[]>(['--db', db, 'backup', 'list']);
    expect(list.map((b) => b.file)).toEqual([second.file, made.file]);
    expect(list.every((b) => b.verified)).toBe(true);

    expect(await json(['--db', db, 'backup', 'verify', made.file])).toMatchObject({ ok: true, incidents: 1 });
    const damaged = join(dir, 'damaged.db');
    const bytes = readFileSync(made.file);
    bytes.fill(0x5a, 4096, 8192);
    writeFileSync(damaged, bytes);
    const bad = await yq(['--db', db, 'backup', 'verify', damaged, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false });

    const refused = await yq(['--db', db, 'restore', damaged, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('不是完好的备份');
    expect((await json<unknown[]>(['--db', db, 'incident', 'list'])).length).toBe(2);

    const restored = await json<{ safetyCopy: string; incidents: number; site: string; formerSite: string }>(['--db', db, 'restore', made.file]);
    expect(restored.incidents).toBe(1);
    expect(restored.site).not.toBe(restored.formerSite);
    expect(existsSync(restored.safetyCopy)).toBe(true);
    expect((await json<unknown[]>(['--db', db, 'incident', 'list'])).length).toBe(1);
    expect(await json(['--db', db, 'audit', 'verify'])).toMatchObject({ ok: true });
  });

  it('keeps the keys in an owner-only file and seals a backup with the office passphrase', async () => {
    const yq = yqRunner(() => NOW);
    const json = yqJson(yq);
    const dir = tempDir();
    const db = join(dir, 'ledger.db');
    process.env[PASSPHRASE_VAR] = 'office-passphrase-2026';
    try {
      await json(['--db', db, 'init', '--name', '县委宣传部']);
      const identity = await json<{ fingerprint: string; keyStore: string }>(['--db', db, 'identity']);
      expect(identity.keyStore).toContain('仅本用户可读');
      expect(statSync(`${db}.keys`).mode & 0o777).toBe(0o600);

      const sealed = await json<{ file: string; encrypted: boolean }>(['--db', db, 'backup', 'create', '--to', join(dir, 'usb'), '--passphrase-env', PASSPHRASE_VAR]);
      expect(sealed.encrypted).toBe(true);
      expect(readFileSync(sealed.file).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
      const locked = await yq(['--db', db, 'backup', 'verify', sealed.file, '--json']);
      expect(locked.code).toBe(1);
      expect(await json(['--db', db, 'backup', 'verify', sealed.file, '--passphrase-env', PASSPHRASE_VAR])).toMatchObject({ ok: true });

    } finally {
      delete process.env[PASSPHRASE_VAR];
    }
  }, 90_000);

  it('exports the keys as a recovery file sealed with the office passphrase and imports them on a reinstalled machine', async () => {
    const yq = yqRunner(() => NOW);
    const json = yqJson(yq);
    const dir = tempDir();
    const db = join(dir, 'ledger.db');
    process.env[PASSPHRASE_VAR] = 'office-passphrase-2026';
    try {
      await json(['--db', db, 'init', '--name', '县委宣传部']);
      const identity = await json<{ fingerprint: string }>(['--db', db, 'identity']);
      const recovery = join(dir, 'keys.age');
      await json(['--db', db, 'keys', 'export', '--out', recovery, '--passphrase-env', PASSPHRASE_VAR]);
      expect(statSync(recovery).mode & 0o777).toBe(0o600);
      rmSync(`${db}.keys`); // the machine was reinstalled: the key file is gone
      const paused = await yq(['--db', db, 'identity', '--json']);
      expect(paused.code).toBe(1); // a storage failure (the keys cannot be read), not bad input
      expect(paused.stderr).toContain('同步已暂停');
      const imported = await json<{ fingerprint: string }>(['--db', db, 'keys', 'import', recovery, '--passphrase-env', PASSPHRASE_VAR]);
      expect(imported.fingerprint).toBe(identity.fingerprint);
      expect((await json<{ fingerprint: string }>(['--db', db, 'identity'])).fingerprint).toBe(identity.fingerprint);

      const missing = await yq(['--db', db, 'keys', 'export', '--out', recovery]);
      expect(missing.code).toBe(2);
    } finally {
      delete process.env[PASSPHRASE_VAR];
    }
  }, 90_000);
});
