import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { fileProblem } from '../../electron/core/file-problems.js';
import { buildBundle, exportBundleFile } from '../../electron/core/sync/export.js';
import { introduce, replica, testClock } from './sync/helpers.js';
import { tempDir } from '../helpers/temp.js';

// A file that cannot be opened or written is explained in Chinese — never Node's or SQLite's English.

describe('file problems', () => {
  it('names the reason by its error code, SQLite extended codes by their primary one', () => {
    expect(fileProblem(Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' }))).toBe('所在文件夹不存在');
    expect(fileProblem(Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN_ISDIR' }))).toBe('文件夹不存在或没有权限');
    expect(fileProblem(Object.assign(new Error('odd'), { code: 'EWHATEVER' }))).toBe('EWHATEVER');
  });

  it('says so when the ledger cannot be opened where its folder does not exist', () => {
    expect(() => openDatabase({ path: join(tempDir(), 'no-such-folder', 'ledger.db') })).toThrow('无法打开台账数据库：所在文件夹不存在');
  });

  it('says so when a bundle cannot be written', async () => {
    const clock = testClock();
    const a = replica('甲', clock.now);
    const b = replica('乙', clock.now);
    await introduce(a, b);
    const out = join(tempDir(), 'no-such-folder', 'to-b.yqb');
    await expect(exportBundleFile(a, out, { peers: [b.siteId], full: false })).rejects.toThrow(`无法写入同步包 ${out}：所在文件夹不存在`);
    expect((await buildBundle(a, { peers: [b.siteId], full: false })).bytes.length).toBeGreaterThan(0);
  });
});
