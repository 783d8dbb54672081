import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { yqRunner } from './run-yq.js';

// The shared parser of what people write, through the contract: the CLI (and so the window's IPC) accepts the
// forms an office types, relative dates read against the ledger's clock, not the machine's.
const NOW = () => Date.parse('2026-12-03T04:00:00Z'); // 2026-12-03 12:00 China time
const yq = yqRunner(NOW);

describe('yq accepts times and coded values as people write them', () => {
  it('registers with 今天/12月3日/年月日 times and short names, and responds with 实际困难 and 回复留言', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    const add = (body: object) => yq(['--db', db, 'incident', 'add', '--json-in', '-', '--json'], JSON.stringify(body));
    const a = await add({ title: '某工地拖欠工资', platform: '微信群', firstSeenAt: '昨天 18:00', foundAt: '今天 9:30', severity: 'Ⅱ级', categories: ['拖欠工资'], leadUnit: '县人社局' });
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({
      platform: 'wechat', severity: 'major', categories: ['wages'],
      firstSeenAt: '2026-12-02T10:00:00.000Z', foundAt: '2026-12-03T01:30:00.000Z',
    });
    const b = await add({ title: '某小区供暖不热', platform: '12345平台', foundAt: '２０２６年１１月５日１０：２０', severity: '一般', categories: ['困难群众'] });
    expect(JSON.parse(b.stdout)).toMatchObject({ platform: 'hotline', foundAt: '2026-11-05T02:20:00.000Z' });
    const c = await add({ title: '某河道异味', platform: '微博', foundAt: '12月1日 8:05', severity: '一般', categories: ['环保'] });
    expect(JSON.parse(c.stdout)).toMatchObject({ foundAt: '2026-12-01T00:05:00.000Z', categories: ['environment'] });

    const response = await yq(
      ['--db', db, 'response', 'add', '--json-in', '-', '--json'],
      JSON.stringify({ incident: 'YQ-2026-0001', at: '2026/12/03 11:00', method: '回复留言', channel: '官方微博', content: '已督促企业支付', unit: '县人社局', disposition: '实际困难' }),
    );
    expect(response.code, response.stderr).toBe(0);
    expect(JSON.parse(response.stdout)).toMatchObject({ method: 'online_reply', channel: 'gov_weibo', disposition: 'solve', at: '2026-12-03T03:00:00.000Z' });

    const list = await yq(['--db', db, 'incident', 'list', '--json', '--severity', '重大', '--from', '2026年12月1日']);
    expect((JSON.parse(list.stdout) as { number: string }[]).map((i) => i.number)).toEqual(['YQ-2026-0001']);
  });

  it('refuses an impossible date with the field and the reason, and writes nothing', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    const bad = await yq(
      ['--db', db, 'incident', 'add', '--json-in', '-', '--json'],
      JSON.stringify({ title: '某事', platform: '微博', foundAt: '2026年11月31日 9:00', severity: '一般', categories: ['其他'] }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/发现时间：2026年11月31日 9:00 不是有效日期（2026年11月只有30天）/);
    expect(JSON.parse((await yq(['--db', db, 'incident', 'list', '--json'])).stdout)).toEqual([]);
  });
});
