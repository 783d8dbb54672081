import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { yqRunner } from './run-yq.js';

// Issue 15 items 2 and 4: a failure that is not the input's fault exits 1 with one Chinese line (details only
// with YQ_DEBUG=1); bad input exits 2 with one Chinese line that never echoes control characters or huge values.

const yq = yqRunner(() => Date.parse('2026-11-28T04:00:00Z'));
const incident = { title: '供暖不热', platform: '微博', foundAt: '2026-11-28 08:00', severity: '一般', categories: ['其他'] };

async function ledgerFile(): Promise<string> {
  const db = join(tempDir(), 'l.db');
  expect((await yq(['--db', db, 'init'])).code).toBe(0);
  return db;
}

afterEach(() => {
  delete process.env.YQ_DEBUG;
});

describe('yq refusals and failures', () => {
  it('an internal failure exits 1 with one Chinese line and no stack trace; YQ_DEBUG=1 adds the details', async () => {
    const db = await ledgerFile();
    const raw = new Database(db);
    raw.exec('DROP VIEW audit'); // every write now fails inside the core (it reads the chain's last entry there)
    raw.close();
    const r = await yq(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify(incident));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('yq: 内部错误，操作未执行，数据未改变。');
    process.env.YQ_DEBUG = '1';
    const debug = await yq(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify(incident));
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/no such table: audit/);
  });

  it('bad JSON is refused in Chinese, saying where it breaks', async () => {
    const db = await ledgerFile();
    const cases: [string, RegExp][] = [
      ['{"title": "x",\n  "platform": }', /^yq: 标准输入不是有效的 JSON（第 2 行第 \d+ 列附近）$/],
      ['{"title": ', /^yq: 标准输入不是有效的 JSON（(内容不完整|第 1 行第 \d+ 列附近)）$/],
      ['', /^yq: 标准输入不是有效的 JSON（内容为空）$/],
    ];
    for (const [stdin, expected] of cases) {
      const r = await yq(['--db', db, 'incident', 'add', '--json-in', '-'], stdin);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(expected);
    }
  });

  it('refusals are Chinese, one line, and never echo control characters, bidi controls or a megabyte', async () => {
    const db = await ledgerFile();
    const hostile = [
      { ...incident, title: 42 },
      { ...incident, severity: '\u001b[31m重大\u0000' },
      { ...incident, platform: '\u202E博微' },
      { ...incident, leadUnit: '县'.repeat(1_000_000) },
      { ...incident, foundAt: '9999-12-31 00:00' },
      { ...incident, foundAt: '2026-02-30 08:00' },
      { ...incident, extra: 1 },
      { ...incident, categories: 'wages' },
    ];
    for (const input of hostile) {
      const r = await yq(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify(input));
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^yq: [^A-Za-z]*[\u4e00-\u9fff]/u);
      expect(r.stderr).not.toMatch(/[\p{Cc}\p{Cf}]|Invalid|expected|received/u);
      expect(r.stderr.length).toBeLessThan(400);
    }
    const r = await yq(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify({ ...incident, severity: 'huge' }));
    expect(r.stderr).toBe('yq: 输入有误：等级“huge”无效，可选：一般、较大、重大、特别重大');
  });

  it('an option given twice is refused, not silently replaced', async () => {
    const db = await ledgerFile();
    const r = await yq(['--db', db, 'rules', 'set', '--severity', '重大', '--info-hours', '5', '--info-hours', '6']);
    expect(r).toMatchObject({ code: 2, stderr: 'yq: 选项 --info-hours 只能给出一次' });
    const twiceDb = await yq(['--db', db, '--db', db, 'rules', 'list']);
    expect(twiceDb).toMatchObject({ code: 2, stderr: 'yq: 选项 --db 只能给出一次' });
    // Options meant to repeat still do.
    expect((await yq(['--db', db, 'incident', 'list', '--severity', '一般', '--severity', '重大'])).code).toBe(0);
  });
});
