import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { tempDir } from '../helpers/temp.js';
import { yqRunner } from './run-yq.js';

const NOW = () => Date.parse('2026-11-28T04:00:00Z');

const yq = yqRunner(NOW);

const incident = {
  title: '某小区供暖温度不达标',
  summary: '居民反映室温不足16度',
  platform: '12345热线',
  url: '',
  firstSeenAt: '2026-11-27 20:00',
  foundAt: '2026-11-27 21:15',
  township: '柳城街道',
  severity: '一般',
  categories: ['困难群众生活'],
  leadUnit: '县住建局',
};

function counts(db: string) {
  const l = openLedger({ path: db });
  const n = (t: string) => (l.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  const result = { ops: n('ops'), audit: n('audit'), incidents: n('incidents') };
  l.close();
  return result;
}

describe('yq', () => {
  it('init creates the ledger once and is idempotent', async () => {
    const db = join(tempDir(), 'l.db');
    const first = await yq(['--db', db, 'init', '--json']);
    expect(first.code).toBe(0);
    const info = JSON.parse(first.stdout) as { siteId: string; schemaVersion: number };
    expect(info.siteId).toMatch(/^[0-9a-f]{16}$/);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    const again = await yq(['--db', db, 'init', '--json']);
    expect(JSON.parse(again.stdout)).toEqual(info);
  });

  it('adds, gets, updates, transitions and lists incidents with JSON in and out', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    const added = await yq(['--db', db, 'incident', 'add', '--json-in', '-', '--json'], JSON.stringify(incident));
    expect(added.code, added.stderr).toBe(0);
    const stored = JSON.parse(added.stdout) as { id: string; number: string; categories: string[]; leadUnitId: string };
    expect(stored).toMatchObject({ number: 'YQ-2026-0001', categories: ['hardship'], leadUnitId: 'u-zjj' });
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/);

    const got = await yq(['--db', db, 'incident', 'get', 'YQ-2026-0001', '--json']);
    expect(JSON.parse(got.stdout)).toEqual(stored);

    const patchFile = join(tempDir(), 'patch.json');
    writeFileSync(patchFile, JSON.stringify({ severity: '较大', categories: ['困难群众', '环境'] }));
    const updated = await yq(['--db', db, 'incident', 'update', stored.id, '--json-in', patchFile, '--json']);
    expect(JSON.parse(updated.stdout)).toMatchObject({ severity: 'large', categories: ['hardship', 'environment'] });

    const moved = await yq(['--db', db, 'incident', 'transition', 'YQ-2026-0001', '--to', '处置中', '--json']);
    expect(JSON.parse(moved.stdout)).toMatchObject({ status: 'handling' });

    await yq(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify({ ...incident, categories: ['欠薪'], severity: '重大' }));
    const wages = await yq(['--db', db, 'incident', 'list', '--json', '--category', '欠薪']);
    expect((JSON.parse(wages.stdout) as unknown[]).length).toBe(1);
    const handling = await yq(['--db', db, 'incident', 'list', '--json', '--status', '处置中', '--severity', 'large', '--limit', '5']);
    expect((JSON.parse(handling.stdout) as { number: string }[]).map((i) => i.number)).toEqual(['YQ-2026-0001']);
    // The ledger view's other filters: platform, lead unit, township, time found, text.
    const numbers = async (...filters: string[]) =>
      (JSON.parse((await yq(['--db', db, 'incident', 'list', '--json', ...filters])).stdout) as { number: string }[]).map((i) => i.number);
    expect(await numbers('--platform', '12345热线', '--unit', '县住建局', '--township', '柳城街道')).toEqual(['YQ-2026-0002', 'YQ-2026-0001']);
    expect(await numbers('--platform', '微博')).toEqual([]);
    // Several values at once: listed with commas or 、, or the option repeated.
    expect(await numbers('--status', '待研判,处置中')).toEqual(['YQ-2026-0002', 'YQ-2026-0001']);
    expect(await numbers('--severity', '重大、特别重大')).toEqual(['YQ-2026-0002']);
    expect(await numbers('--status', '处置中', '--status', '已办结')).toEqual(['YQ-2026-0001']);
    expect(await numbers('--from', '2026-11-27 21:00', '--to', '2026-11-27 22:00', '--text', '供暖')).toEqual(['YQ-2026-0002', 'YQ-2026-0001']);
    expect(await numbers('--from', '2026-11-28 00:00')).toEqual([]);
    expect((await yq(['--db', db, 'incident', 'list', '--township', '不存在的镇'])).code).toBe(2);
    const text = await yq(['--db', db, 'incident', 'list']);
    expect(text.stdout).toContain('YQ-2026-0002  [重大]  [待研判]');
  });

  it('exits 2 with one line on stderr for bad input, and writes nothing', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    const before = counts(db);
    const bad: [string[], string, RegExp][] = [
      [['--db', db, 'incident', 'add', '--json-in', '-'], '{not json', /不是有效的 JSON/],
      [['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify({ ...incident, title: '' }), /请填写标题/],
      [['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify({ ...incident, categories: ['外星人'] }), /没有名为“外星人”的敏感类别/],
      [['--db', db, 'incident', 'add', '--json-in', '/no/such/file.json'], '', /无法读取/],
      [['--db', db, 'incident', 'add'], '', /需要 --json-in/],
      [['--db', db, 'incident', 'list', '--limit', 'many'], '', /--limit 应为非负整数/],
      [['--db', db, 'incident', 'list', '--severity', '超级'], '', /等级“超级”无效/],
      [['--db', db, 'incident', 'get', 'YQ-2026-0404'], '', /找不到舆情事件/],
      [['--db', db, 'incident', 'fly'], '', /未知的命令/],
      [['--db', db, 'incident', 'list', '--bogus'], '', /未知的选项 --bogus/],
      [['--db', db, 'incident', 'list', '--json=yes'], '', /选项 --json 不带值/],
      [['--db', db, 'incident', 'list', '--limit', '-3'], '', /选项 --limit 的值以 - 开头/],
      [['--db', db, 'incident', 'get', 'x', '--to', 'y'], '', /不接受选项 --to/],
      [['--db', db, 'incident', 'get'], '', /需要舆情事件编号或 ID/],
      [['--db', db, 'incident', 'get', 'a', 'b'], '', /多余的参数“b”/],
      [['incident', 'list'], '', /缺少 --db/],
    ];
    for (const [args, stdin, message] of bad) {
      const result = await yq(args, stdin);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n')).toHaveLength(1);
    }
    expect(counts(db)).toEqual(before);
  });

  it('does not create a ledger by accident for commands other than init', async () => {
    const db = join(tempDir(), 'typo.db');
    const result = await yq(['--db', db, 'incident', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/不存在/);
    expect(existsSync(db)).toBe(false);
  });

  it('audit verify exits 0 on a sound chain and 1 naming the first broken entry', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    await yq(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify(incident));
    const sound = await yq(['--db', db, 'audit', 'verify', '--json']);
    expect(sound.code).toBe(0);
    expect(JSON.parse(sound.stdout)).toEqual({ ok: true, entries: 2, peers: [] });

    const l = openLedger({ path: db });
    l.db.exec('DROP TRIGGER audit_append_only_update; DROP TRIGGER guard_audit_log_update');
    l.db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").run();
    l.close();
    const broken = await yq(['--db', db, 'audit', 'verify', '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, entries: 1, firstBroken: { seq: 2 } });
  });

  it('runs as a real process: `npm run yq` reads stdin and sets the exit code', () => {
    const db = join(tempDir(), 'l.db');
    const run = (args: string[], input = '') =>
      spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/yq.ts', ...args], { input, encoding: 'utf8' });
    expect(run(['--db', db, 'init', '--json']).status).toBe(0);
    const added = run(['--db', db, 'incident', 'add', '--json-in', '-', '--json'], JSON.stringify(incident));
    expect(added.status, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ number: 'YQ-2026-0001' });
    const bad = run(['--db', db, 'incident', 'add', '--json-in', '-'], '[]');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
