import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { tempDir } from '../helpers/temp.js';
import { yqJson, yqRunner } from './run-yq.js';

// Who did it (issue 11), from the command line: the staff list, `--as 姓名` on a write, the person remembered by
// `staff choose`; the audit entry names the person and 登记人 defaults to them.

const yq = yqRunner(() => Date.parse('2026-11-28T04:00:00Z'));
const json = yqJson(yq);

const incident = { title: '某小区供暖不热', platform: '微博', foundAt: '2026-11-27 09:30', severity: '一般', categories: ['其他'] };

function lastAudit(db: string): { actor: string; action: string } {
  const l = openLedger({ path: db });
  try {
    return l.db.prepare('SELECT actor, action FROM audit ORDER BY seq DESC LIMIT 1').get() as { actor: string; action: string };
  } finally {
    l.close();
  }
}

describe('yq staff and --as', () => {
  it('names the person acting in the audit log and as 登记人; refuses someone not on the list', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await json(['--db', db, 'init', '--name', '县委宣传部', '--code', '宣']);
    expect(await json(['--db', db, 'staff', 'add', '王芳', '--post', '舆情科科员'])).toMatchObject({ name: '王芳', post: '舆情科科员', active: true });
    await json(['--db', db, 'staff', 'add', '李强']);
    const input = join(dir, 'i.json');
    writeFileSync(input, JSON.stringify(incident));
    const made = await json<{ registrar: string }>(['--db', db, 'incident', 'add', '--json-in', input, '--as', '王芳']);
    expect(made.registrar).toBe('王芳');
    expect(lastAudit(db)).toEqual({ actor: '王芳', action: 'create' });

    const stranger = await yq(['--db', db, 'incident', 'add', '--json-in', input, '--as', '张三']);
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toMatch(/本工作站没有人员“张三”/);

    await json(['--db', db, 'staff', 'choose', '李强']);
    expect(((await json<{ registrar: string }>(['--db', db, 'incident', 'add', '--json-in', input])).registrar)).toBe('李强');
    expect(lastAudit(db).actor).toBe('李强');

    expect(await json(['--db', db, 'staff', 'deactivate', '王芳'])).toMatchObject({ active: false });
    const gone = await yq(['--db', db, 'incident', 'add', '--json-in', input, '--as', '王芳']);
    expect(gone.stderr).toMatch(/已停用/);
    const list = await json<{ staff: { name: string; active: boolean }[]; current: string }>(['--db', db, 'staff', 'list']);
    expect(list).toEqual({
      current: '李强',
      staff: [expect.objectContaining({ name: '李强', active: true }), expect.objectContaining({ name: '王芳', active: false })],
    });
  });
});
