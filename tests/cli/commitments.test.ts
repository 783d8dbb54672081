import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { tempDir } from '../helpers/temp.js';
import { yqRunner } from './run-yq.js';

// yq for commitments: JSON in and out, exit 0 on success, 2 with one line on stderr for bad input (nothing
// written). The clock is fixed at Monday 2026-11-30 09:00 China time unless a test moves it.

const clock = { ms: Date.parse('2026-11-30T01:00:00Z') };

const yq = yqRunner(() => clock.ms);

function counts(db: string) {
  const l = openLedger({ path: db });
  const n = (t: string) => (l.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  const result = { ops: n('ops'), audit: n('audit'), commitments: n('commitments'), followups: n('followups'), feedback: n('feedback') };
  l.close();
  return result;
}

async function ledgerWithIncident() {
  clock.ms = Date.parse('2026-11-30T01:00:00Z');
  const db = join(tempDir(), 'l.db');
  await yq(['--db', db, 'init']);
  const added = await yq(
    ['--db', db, 'incident', 'add', '--json-in', '-', '--json'],
    JSON.stringify({
      title: '某小区供暖温度不达标',
      platform: '12345热线',
      foundAt: '2026-11-27 09:00',
      severity: '一般',
      categories: ['困难群众生活'],
      leadUnit: '县住建局',
    }),
  );
  expect(added.code, added.stderr).toBe(0);
  return { db, incident: (JSON.parse(added.stdout) as { number: string }).number };
}

describe('yq commitment / followup / feedback / due', () => {
  it('adds a commitment with its computed deadline and whether the calendar is verified', async () => {
    const { db, incident } = await ledgerWithIncident();
    const add = (deadline: unknown) =>
      yq(
        ['--db', db, 'commitment', 'add', '--json-in', '-', '--json'],
        JSON.stringify({ incident, content: '完成供热管网检修', unit: '县住建局', person: '李强', promisedAt: '2026-11-27 10:00', deadline }),
      );
    const byWorkdays = await add({ workdays: 5, from: '2026-09-18' });
    expect(byWorkdays.code, byWorkdays.stderr).toBe(2); // earlier than the promise: refused
    expect(byWorkdays.stderr).toContain('期限不能早于承诺日期');

    const first = await add({ workdays: 5, from: '2026-11-27' });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      number: `${incident}-C1`,
      deadline: '2026-12-04',
      calendarVerified: true,
      unitName: '县住建局',
      status: 'pending',
    });
    const byDays = JSON.parse((await add({ days: 1, from: '2026-11-27' })).stdout) as Record<string, unknown>;
    // 1 自然日 ends on Saturday 11-28, a day off: it runs to Monday 11-30 (民法典 第二百零三条), and says so.
    expect(byDays).toMatchObject({ deadline: '2026-11-30', deadlineNonWorkday: null, deadlineMovedFrom: { date: '2026-11-28', name: '星期六' } });
    const inNextYear = JSON.parse((await add({ date: '2027-01-15' })).stdout) as Record<string, unknown>;
    expect(inNextYear).toMatchObject({ deadline: '2027-01-15', calendarVerified: false });

    const text = await yq(['--db', db, 'commitment', 'list', incident]);
    expect(text.stdout).toContain(`${incident}-C3  [未到期]  期限 2027-01-15（节假日未核实）  县住建局  完成供热管网检修`);

    const set = await yq(['--db', db, 'calendar', 'set', '--json-in', '-', '--json'], JSON.stringify({ date: '2027-01-01', work: false, name: '元旦' }));
    expect(JSON.parse(set.stdout)).toMatchObject({ recomputed: 1 });
    const verified = await yq(['--db', db, 'commitment', 'get', `${incident}-C3`, '--json']);
    expect(JSON.parse(verified.stdout)).toMatchObject({ calendarVerified: true });
  });

  it('updates, records follow-ups and feedback, lists what is due overdue first, and lets the incident close', async () => {
    const { db, incident } = await ledgerWithIncident();
    const add = async (content: string, unit: string, deadline: unknown) => {
      const r = await yq(
        ['--db', db, 'commitment', 'add', '--json-in', '-', '--json'],
        JSON.stringify({ incident, content, unit, promisedAt: '2026-11-27 10:00', deadline }),
      );
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { id: string; number: string };
    };
    const late = await add('检修供热管网', '县住建局', { date: '2026-11-27' });
    const soon = await add('公开物业整改方案', '县住建局', { workdays: 2, from: '2026-11-30' });
    const other = await add('核发困难补助', '县民政局', { days: 30, from: '2026-11-27' });

    const due = await yq(['--db', db, 'due', '--json']);
    expect(due.code).toBe(0);
    expect(JSON.parse(due.stdout)).toEqual([
      { number: late.number, incident, content: '检修供热管网', unit: '县住建局', deadline: '2026-11-27', status: 'overdue', overdueWorkdays: 1 },
      { number: soon.number, incident, content: '公开物业整改方案', unit: '县住建局', deadline: '2026-12-02', status: 'pending', overdueWorkdays: 0 },
      { number: other.number, incident, content: '核发困难补助', unit: '县民政局', deadline: '2026-12-28', status: 'pending', overdueWorkdays: 0 },
    ]);
    const within = JSON.parse((await yq(['--db', db, 'due', '--json', '--within-workdays', '2'])).stdout) as { number: string }[];
    expect(within.map((d) => d.number)).toEqual([late.number, soon.number]);
    const byUnit = JSON.parse((await yq(['--db', db, 'due', '--json', '--unit', '县民政局'])).stdout) as { number: string }[];
    expect(byUnit.map((d) => d.number)).toEqual([other.number]);
    expect((await yq(['--db', db, 'due'])).stdout).toContain(`${late.number}  [逾期1个工作日]  2026-11-27  县住建局  检修供热管网`);

    const follow = await yq(
      ['--db', db, 'followup', 'add', '--json-in', '-', '--json'],
      JSON.stringify({ commitment: late.number, kind: '催办', actor: '王敏', content: '电话催办' }),
    );
    expect(follow.code, follow.stderr).toBe(0);
    expect(JSON.parse(follow.stdout)).toMatchObject({ kind: 'urge', commitmentId: late.id });
    const fb = await yq(['--db', db, 'feedback', 'add', '--json-in', '-'], JSON.stringify({ incident, method: '网上调研', satisfaction: 5 }));
    expect(fb.code, fb.stderr).toBe(0);
    expect(fb.stdout).toContain('满意度 5');

    await yq(['--db', db, 'incident', 'transition', incident, '--to', '处置中']);
    await yq(['--db', db, 'incident', 'transition', incident, '--to', '已回应']);
    const refused = await yq(['--db', db, 'incident', 'transition', incident, '--to', '已办结']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('不能办结');
    expect(refused.stderr).toContain(`${late.number}“检修供热管网”：尚未兑现（逾期）、未记录公开情况`);

    const publication = { published: true, channel: '政府网站', at: '2026-11-30 08:00', url: 'https://www.example.gov.cn/1' };
    for (const c of [late, soon, other]) {
      const r = await yq(
        ['--db', db, 'commitment', 'update', c.number, '--json-in', '-', '--json'],
        JSON.stringify({ status: '已兑现', evidence: '已完成并回访', publication, check: { by: '王敏', at: '2026-11-30 08:30', result: '属实' } }),
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'fulfilled', publication: { state: 'published', channel: 'gov_website' }, check: { by: '王敏' } });
    }
    const closed = await yq(['--db', db, 'incident', 'transition', incident, '--to', '已办结', '--json']);
    expect(closed.code, closed.stderr).toBe(0);
    expect(JSON.parse((await yq(['--db', db, 'due', '--json'])).stdout)).toEqual([]);
  });

  it('exits 2 with one line on stderr for bad input, and writes nothing', async () => {
    const { db, incident } = await ledgerWithIncident();
    const ok = await yq(
      ['--db', db, 'commitment', 'add', '--json-in', '-', '--json'],
      JSON.stringify({ incident, content: '检修', unit: '县住建局', promisedAt: '2026-11-27 10:00', deadline: { date: '2026-12-01' } }),
    );
    const number = (JSON.parse(ok.stdout) as { number: string }).number;
    const before = counts(db);
    const good = { incident, content: '检修', unit: '县住建局', promisedAt: '2026-11-27 10:00', deadline: { date: '2026-12-01' } };
    const bad: [string[], string, RegExp][] = [
      [['--db', db, 'commitment', 'add', '--json-in', '-'], '{oops', /不是有效的 JSON/],
      [['--db', db, 'commitment', 'add', '--json-in', '-'], JSON.stringify({ ...good, content: '' }), /请填写承诺内容/],
      [['--db', db, 'commitment', 'add', '--json-in', '-'], JSON.stringify({ ...good, deadline: { workdays: 0, from: '2026-11-27' } }), /工作日数至少为1/],
      [['--db', db, 'commitment', 'add', '--json-in', '-'], JSON.stringify({ ...good, deadline: { weeks: 2 } }), /期限/],
      [['--db', db, 'commitment', 'add', '--json-in', '-'], JSON.stringify({ ...good, deadline: { date: '2026-13-01' } }), /期限日期格式应为/],
      [['--db', db, 'commitment', 'add', '--json-in', '-'], JSON.stringify({ ...good, incident: 'YQ-2026-9999' }), /找不到舆情事件/],
      [['--db', db, 'commitment', 'add', '--json-in', '-'], JSON.stringify({ ...good, unit: '县外星局' }), /没有名为“县外星局”的单位/],
      [['--db', db, 'commitment', 'update', number, '--json-in', '-'], JSON.stringify({ status: '逾期' }), /由期限自动判定/],
      [['--db', db, 'commitment', 'update', number, '--json-in', '-'], JSON.stringify({ status: '已兑现' }), /需填写兑现情况/],
      [['--db', db, 'commitment', 'update', number, '--json-in', '-'], JSON.stringify({ publication: { published: false } }), /未公开需说明原因/],
      [['--db', db, 'commitment', 'update', 'nope', '--json-in', '-'], JSON.stringify({ person: 'x' }), /找不到承诺“nope”/],
      [['--db', db, 'followup', 'add', '--json-in', '-'], JSON.stringify({ incident, kind: '闲聊', content: 'x' }), /跟进类型“闲聊”无效/],
      [['--db', db, 'feedback', 'add', '--json-in', '-'], JSON.stringify({ incident, method: '回访', satisfaction: 0 }), /满意度应为1到5的整数/],
      [['--db', db, 'due', '--within-workdays', 'soon'], '', /--within-workdays 应为非负整数/],
      [['--db', db, 'due', '--unit', '县外星局'], '', /没有名为“县外星局”的单位/],
      [['--db', db, 'calendar', 'set', '--json-in', '-'], JSON.stringify({ date: '2027-02-30', work: false }), /日期格式应为/],
      [['--db', db, 'commitment', 'sheet', '县教育局'], '', /没有需要督办的承诺事项/],
    ];
    for (const [args, stdin, message] of bad) {
      const result = await yq(args, stdin);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.split('\n')).toHaveLength(1);
    }
    expect(counts(db)).toEqual(before);
  });

  it('prints the 督办单 of a unit as HTML', async () => {
    const { db, incident } = await ledgerWithIncident();
    await yq(
      ['--db', db, 'commitment', 'add', '--json-in', '-'],
      JSON.stringify({ incident, content: '检修供热管网', unit: '县住建局', promisedAt: '2026-11-27 10:00', deadline: { date: '2026-11-27' } }),
    );
    const sheet = await yq(['--db', db, 'commitment', 'sheet', '县住建局']);
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toMatch(/^<!doctype html>/);
    expect(sheet.stdout).toContain('承诺事项督办单');
    expect(sheet.stdout).toContain('检修供热管网');
  });
});
