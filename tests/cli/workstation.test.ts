import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { tempDir } from '../helpers/temp.js';
import { yqJson, yqRunner } from './run-yq.js';

// Naming the workstation from the command line: `init --name` on a new ledger (checked before the file exists)
// and on an existing one (a rename), `identity --name` later; both through the contract, so validated in Chinese
// and audited like the rename in 设置.

const NOW = () => Date.parse('2026-11-28T04:00:00Z');

const yq = yqRunner(NOW);

const json = yqJson(yq);

function renames(db: string): string[] {
  const l = openLedger({ path: db });
  try {
    return (l.db.prepare("SELECT summary FROM audit WHERE action = 'workstation.rename' ORDER BY seq").all() as { summary: string }[]).map((r) => r.summary);
  } finally {
    l.close();
  }
}

interface Workstation {
  siteId: string;
  name: string;
  schemaVersion: number;
}

describe('yq init --name / identity --name', () => {
  it('names a new workstation at init, and init stays idempotent', async () => {
    const db = join(tempDir(), 'l.db');
    const created = await json<Workstation>(['--db', db, 'init', '--name', '县委宣传部']);
    expect(created).toMatchObject({ name: '县委宣传部', schemaVersion: expect.any(Number) as number });
    expect(created.siteId).toMatch(/^[0-9a-f]{16}$/);
    // Named at creation: nothing to record as a rename.
    expect(renames(db)).toEqual([]);

    expect(await json<Workstation>(['--db', db, 'init'])).toEqual(created);
    expect(await json<Workstation>(['--db', db, 'init', '--name', '县委宣传部'])).toEqual(created);
    expect(renames(db)).toEqual([]);
    expect(await json<{ name: string }>(['--db', db, 'identity'])).toMatchObject({ name: '县委宣传部' });

    const human = await yq(['--db', db, 'init']);
    expect(human.stdout).toBe(`台账已就绪：工作站“县委宣传部”（${created.siteId}），尚未设编号代码，结构版本 ${created.schemaVersion}`);
  });

  it('renames an existing workstation with init --name or identity --name, audited; the new card carries it', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    const { siteId, name: placeholder } = await json<Workstation>(['--db', db, 'init']);
    expect(placeholder).toBe(`工作站-${siteId.slice(0, 4)}`);

    expect(await json<Workstation>(['--db', db, 'init', '--name', '城关镇'])).toMatchObject({ siteId, name: '城关镇' });
    expect(await json<{ siteId: string; name: string }>(['--db', db, 'identity', '--name', ' 县委宣传部 '])).toEqual({ siteId, name: '县委宣传部', code: '' });
    expect(renames(db)).toEqual([`工作站更名：“${placeholder}”改为“城关镇”`, '工作站更名：“城关镇”改为“县委宣传部”']);

    const human = await yq(['--db', db, 'identity', '--name', '县委网信办']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('本工作站已命名为“县委网信办”');
    expect(human.stdout).toContain('yq card export');

    const card = join(dir, 'card.json');
    expect((await yq(['--db', db, 'card', 'export', card])).code).toBe(0);
    expect((JSON.parse(readFileSync(card, 'utf8')) as { name: string }).name).toBe('县委网信办');
    expect((await yq(['--db', db, 'audit', 'verify'])).code).toBe(0);
  });

  it('refuses a bad name in Chinese: a new ledger is not created, an existing one keeps its name', async () => {
    const dir = tempDir();
    const fresh = join(dir, 'new.db');
    const empty = await yq(['--db', fresh, 'init', '--name', '  ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('yq: 输入有误：请填写工作站名称');
    const long = await yq(['--db', fresh, 'init', '--name', '县'.repeat(31)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('工作站名称不超过30字');
    expect(existsSync(fresh)).toBe(false);

    const db = join(dir, 'l.db');
    await json<Workstation>(['--db', db, 'init', '--name', '城关镇']);
    const bad = await yq(['--db', db, 'identity', '--name', '县'.repeat(31)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('工作站名称不超过30字');
    const missing = await yq(['--db', db, 'identity', '--name']);
    expect(missing).toMatchObject({ code: 2, stderr: 'yq: 选项 --name 需要一个值' });
    expect(await json<{ name: string }>(['--db', db, 'identity'])).toMatchObject({ name: '城关镇' });
    expect(renames(db)).toEqual([]);

    // init takes --name and nothing else.
    expect(await yq(['--db', db, 'init', '--full'])).toMatchObject({ code: 2, stderr: 'yq: “init”不接受选项 --full' });
    expect(await yq(['--db', db, 'init', '县委宣传部'])).toMatchObject({ code: 2, stderr: 'yq: 多余的参数“县委宣传部”' });
  });

  it('lists init --name and identity --name in the usage text', async () => {
    const help = await yq(['--help']);
    expect(help.stdout).toMatch(/^ {2}init \[--name 名称\] \[--code 代码\]$/m);
    expect(help.stdout).toMatch(/^ {2}identity \[--name 名称\] \[--code 代码\]$/m);
  });
});
