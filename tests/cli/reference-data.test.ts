import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { tempDir } from '../helpers/temp.js';
import { yqJson, yqRunner } from './run-yq.js';

// yq township / unit / rules: the office's reference data from the command line, through the contract. Exit 0 on
// success, 2 with one Chinese line on stderr for bad input, and then nothing written.

const NOW = () => Date.parse('2026-11-28T04:00:00Z');

const yq = yqRunner(NOW);

async function newLedger(): Promise<string> {
  const db = join(tempDir(), 'l.db');
  expect((await yq(['--db', db, 'init'])).code).toBe(0);
  return db;
}

const json = yqJson(yq);

function counts(db: string) {
  const l = openLedger({ path: db });
  try {
    const n = (t: string) => (l.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { ops: n('ops'), audit: n('audit'), townships: n('townships'), units: n('units') };
  } finally {
    l.close();
  }
}

/** A command that must be refused: exit 2, one line on stderr matching `message`, nothing written. */
async function refused(db: string, args: string[], message: RegExp | string) {
  const before = counts(db);
  const r = await yq(['--db', db, ...args]);
  expect(r.code, r.stdout).toBe(2);
  expect(r.stderr.split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(counts(db)).toEqual(before);
}

interface Named {
  id: string;
  name: string;
  active: boolean;
  kind?: string;
}

const incident = { title: '某小区供暖温度不达标', platform: '12345热线', foundAt: '2026-11-27 21:15', severity: '重大', categories: ['困难群众生活'], leadUnit: '县住建局' };

describe('yq township', () => {
  it('lists, adds, renames, deactivates, reactivates and deletes; inactive ones are listed and marked', async () => {
    const db = await newLedger();
    const seeded = await json<Named[]>(['--db', db, 'township', 'list']);
    expect(seeded.map((t) => t.name)).toContain('羊山镇');

    const added = await json<Named>(['--db', db, 'township', 'add', '新城街道']);
    expect(added).toMatchObject({ name: '新城街道', active: true });
    const renamed = await json<Named>(['--db', db, 'township', 'rename', '新城街道', '新城区街道']);
    expect(renamed).toEqual({ ...added, name: '新城区街道' });
    expect((await yq(['--db', db, 'township', 'deactivate', '新城区街道'])).stdout).toBe('新城区街道  （已停用）');

    const listed = await json<Named[]>(['--db', db, 'township', 'list']);
    expect(listed).toHaveLength(seeded.length + 1);
    expect(listed.at(-1)).toEqual({ ...renamed, active: false });
    expect((await yq(['--db', db, 'township', 'list'])).stdout.split('\n').at(-1)).toBe('新城区街道  （已停用）');

    // Inactive: not for a new incident.
    const r = await yq(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify({ ...incident, township: '新城区街道' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('yq: 乡镇（街道）“新城区街道”已停用');

    expect(await json<Named>(['--db', db, 'township', 'activate', renamed.id])).toMatchObject({ active: true });
    expect((await yq(['--db', db, 'township', 'delete', '新城区街道'])).stdout).toBe('已删除乡镇（街道）“新城区街道”');
    expect((await json<Named[]>(['--db', db, 'township', 'list'])).map((t) => t.id)).not.toContain(added.id);
  });

  it('refuses bad input with one line and writes nothing', async () => {
    const db = await newLedger();
    await json(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify({ ...incident, township: '羊山镇' }));
    await refused(db, ['township', 'add', '羊山镇'], 'yq: 已有名为“羊山镇”的乡镇（街道）');
    await refused(db, ['township', 'add', ' '], /请填写乡镇（街道）名称/);
    await refused(db, ['township', 'rename', '羊山镇', '柳城街道'], '已有名为“柳城街道”的乡镇（街道）');
    await refused(db, ['township', 'rename', '不存在的镇', '某镇'], 'yq: 找不到乡镇（街道）“不存在的镇”');
    await refused(db, ['township', 'delete', '羊山镇'], 'yq: “羊山镇”已用于 1 条舆情事件，不能删除；不再使用请停用');
    await refused(db, ['township', 'rename', '羊山镇'], '需要乡镇（街道）名称和新名称');
    await refused(db, ['township', 'add'], '需要乡镇（街道）名称');
    await refused(db, ['township', 'add', '甲镇', '--kind', '乡镇'], '不接受选项 --kind');
  });
});

describe('yq unit', () => {
  it('adds with a kind, changes the kind, renames, deactivates and deletes what nothing names', async () => {
    const db = await newLedger();
    const added = await json<Named>(['--db', db, 'unit', 'add', '县城管执法局']);
    expect(added).toMatchObject({ name: '县城管执法局', kind: 'department', active: true });
    expect((await yq(['--db', db, 'unit', 'add', '红山农场', '--kind', '农场'])).stdout).toBe('红山农场  农场');
    expect((await yq(['--db', db, 'unit', 'kind', '县城管执法局', '直属单位'])).stdout).toBe('县城管执法局  直属单位');
    expect(await json<Named>(['--db', db, 'unit', 'rename', '县城管执法局', '县综合行政执法局'])).toEqual({ ...added, name: '县综合行政执法局', kind: 'direct' });
    expect((await yq(['--db', db, 'unit', 'deactivate', '县综合行政执法局'])).stdout).toBe('县综合行政执法局  直属单位  （已停用）');
    const units = await json<Named[]>(['--db', db, 'unit', 'list']);
    expect(units.slice(-2).map((u) => [u.name, u.kind, u.active])).toEqual([
      ['县综合行政执法局', 'direct', false],
      ['红山农场', 'farm', true],
    ]);
    expect(await json(['--db', db, 'unit', 'delete', '县综合行政执法局'])).toEqual({ deleted: true });
  });

  it('refuses a unit in use, an unknown kind, a duplicate, and an inactive unit for new records; nothing written', async () => {
    const db = await newLedger();
    await json(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify(incident));
    await refused(db, ['unit', 'delete', '县住建局'], 'yq: “县住建局”已用于 1 条舆情事件，不能删除；不再使用请停用');
    await refused(db, ['unit', 'add', '县某中心', '--kind', '事业单位'], /单位类型“事业单位”无效，可选：县政府部门、乡镇、街道、农场、园区、直属单位/);
    await refused(db, ['unit', 'kind', '县住建局', '事业单位'], /单位类型“事业单位”无效/);
    await refused(db, ['unit', 'add', '县住建局'], 'yq: 已有名为“县住建局”的单位');
    await json(['--db', db, 'unit', 'deactivate', '县民政局']);
    const r = await yq(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify({ ...incident, leadUnit: '县民政局' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('yq: 单位“县民政局”已停用');
  });
});

describe('yq rules', () => {
  it('lists the rules by severity and sets hours; “无” means not required; the clock follows', async () => {
    const db = await newLedger();
    expect((await yq(['--db', db, 'rules', 'list'])).stdout).toBe(
      [
        '一般（Ⅳ）  发布权威信息 不要求  新闻发布会 不要求  回应 48小时',
        '较大（Ⅲ）  发布权威信息 不要求  新闻发布会 不要求  回应 48小时',
        '重大（Ⅱ）  发布权威信息 5小时  新闻发布会 24小时  回应 不要求',
        '特别重大（Ⅰ）  发布权威信息 5小时  新闻发布会 24小时  回应 不要求',
      ].join('\n'),
    );
    const set = await yq(['--db', db, 'rules', 'set', '--severity', '重大', '--info-hours', '4', '--press-hours', '无', '--response-hours', '48']);
    expect(set.stdout).toBe('重大（Ⅱ）  发布权威信息 4小时  新闻发布会 不要求  回应 48小时');
    expect(await json(['--db', db, 'rules', 'set', '--severity', 'major', '--press-hours', '24'])).toEqual({
      severity: 'major',
      infoHours: 4,
      pressHours: 24,
      responseHours: 48,
    });
    expect((await json<{ severity: string }[]>(['--db', db, 'rules', 'list']))[2]).toEqual({ severity: 'major', infoHours: 4, pressHours: 24, responseHours: 48 });

    const added = await json<{ number: string }>(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify({ ...incident, foundAt: '2026-11-28 09:00' }));
    const clock = await json<{ number: string; requirement: string; dueAt: string }[]>(['--db', db, 'clock']);
    expect(clock.filter((e) => e.number === added.number).map((e) => [e.requirement, e.dueAt])).toEqual([
      ['5h', '2026-11-28T05:00:00.000Z'],
      ['24h', '2026-11-29T01:00:00.000Z'],
      ['48h', '2026-11-30T01:00:00.000Z'],
    ]);
    // The clock names each limit as the office set it.
    const text = (await yq(['--db', db, 'clock'])).stdout;
    expect(text).toContain(`${added.number}  5h  4小时内发布权威信息  截止 2026年11月28日 13:00`);
    expect(text).toContain(`${added.number}  48h  48小时内回应`);
  });

  it('refuses bad hours and severities with one line and writes nothing', async () => {
    const db = await newLedger();
    await refused(db, ['rules', 'set', '--severity', '重大', '--info-hours', '0'], /发布权威信息时限至少为1小时/);
    await refused(db, ['rules', 'set', '--severity', '重大', '--info-hours', '2.5'], /发布权威信息时限应为整数小时/);
    await refused(db, ['rules', 'set', '--severity', '重大', '--response-hours', '1000'], /回应时限不超过720小时（30天）/);
    await refused(db, ['rules', 'set', '--severity', '重大', '--press-hours', '一天'], 'yq: --press-hours 应为小时数，或“无”表示不要求；收到“一天”');
    await refused(db, ['rules', 'set', '--severity', '严重', '--info-hours', '5'], /等级“严重”无效/);
    await refused(db, ['rules', 'set', '--info-hours', '5'], /请选择等级/);
    await refused(db, ['rules', 'set', '--severity', '重大'], 'yq: 请至少给出 --info-hours、--press-hours、--response-hours 之一');
    await refused(db, ['rules', 'set', '--severity', '重大', '--severity', '一般', '--info-hours', '5'], 'yq: --severity 只能给出一个等级');
  });
});
