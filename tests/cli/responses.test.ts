import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { createIncident } from '../../electron/core/ledger/incidents.js';
import { incidentInputSchema } from '../../shared/schemas.js';
import { tempDir } from '../helpers/temp.js';
import { yqRunner } from './run-yq.js';

const NOW = () => Date.parse('2026-11-28T04:00:00Z'); // 12:00 China time

const yq = yqRunner(NOW);

describe('yq response, search and clock', () => {
  it('records a response, stops its clock, and finds incidents by two-character search', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    const add = (body: object) => yq(['--db', db, 'incident', 'add', '--json-in', '-', '--json'], JSON.stringify(body));
    await add({ title: '某工地拖欠农民工工资', platform: '抖音', foundAt: '2026-11-28 09:00', severity: '重大', categories: ['欠薪'], leadUnit: '县人社局' });
    await add({ title: '城区供暖管网漏水', platform: '微博', foundAt: '2026-11-25 09:00', severity: '一般', categories: ['困难群众'] });

    const clock = await yq(['--db', db, 'clock', '--json']);
    expect(clock.code).toBe(0);
    expect((JSON.parse(clock.stdout) as { number: string; requirement: string; dueAt: string; overdue: boolean }[]).map((e) => [e.number, e.requirement, e.dueAt, e.overdue])).toEqual([
      ['YQ-2026-0002', '48h', '2026-11-27T01:00:00.000Z', true],
      ['YQ-2026-0001', '5h', '2026-11-28T06:00:00.000Z', false],
      ['YQ-2026-0001', '24h', '2026-11-29T01:00:00.000Z', false],
    ]);

    const response = await yq(
      ['--db', db, 'response', 'add', '--json-in', '-', '--json'],
      JSON.stringify({ incident: 'YQ-2026-0001', at: '2026-11-28 11:00', method: '发布权威信息', channel: '政务微博', url: 'https://weibo.com/x', content: '县人社局已介入，督促企业限期支付', unit: '县人社局', disposition: '实际困难 → 解决情况' }),
    );
    expect(response.code, response.stderr).toBe(0);
    expect(JSON.parse(response.stdout)).toMatchObject({ method: 'authoritative_info', channel: 'gov_weibo', disposition: 'solve' });
    const after = JSON.parse((await yq(['--db', db, 'clock', '--json'])).stdout) as { number: string; requirement: string }[];
    expect(after.map((e) => `${e.number} ${e.requirement}`)).toEqual(['YQ-2026-0002 48h', 'YQ-2026-0001 24h']);

    const search = await yq(['--db', db, 'search', '欠薪', '--json']);
    // the text says 拖欠…工资, not 欠薪; but 欠薪 names the incident's category (工资拖欠), so it is found by category
    expect((JSON.parse(search.stdout) as { number: string }[]).map((i) => i.number)).toEqual(['YQ-2026-0001']);
    const wages = JSON.parse((await yq(['--db', db, 'search', '工资', '--json'])).stdout) as { number: string }[];
    expect(wages.map((i) => i.number)).toEqual(['YQ-2026-0001']);
    const byResponse = JSON.parse((await yq(['--db', db, 'search', '限期支付', '--json'])).stdout) as { number: string }[];
    expect(byResponse.map((i) => i.number)).toEqual(['YQ-2026-0001']);
    expect((await yq(['--db', db, 'search', '供暖'])).stdout).toContain('YQ-2026-0002');
  });

  it('lists every running requirement, however many, unless --limit says otherwise', async () => {
    const db = join(tempDir(), 'l.db');
    const ledger = openLedger({ path: db, now: NOW });
    for (let i = 0; i < 300; i++) {
      createIncident(ledger.ctx, incidentInputSchema.parse({ title: `重大事件${i}`, platform: '微博', foundAt: '2026-11-28 09:00', severity: '重大', categories: ['环境'] }));
    }
    ledger.close();
    const all = JSON.parse((await yq(['--db', db, 'clock', '--json'])).stdout) as unknown[];
    expect(all).toHaveLength(600); // 5h and 24h for each
    expect(JSON.parse((await yq(['--db', db, 'clock', '--limit', '2', '--json'])).stdout)).toHaveLength(2);
    expect((await yq(['--db', db, 'clock', '--limit', '0'])).code).toBe(2);
  });

  it('refuses a bad response with one line and exit 2', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    const bad = await yq(['--db', db, 'response', 'add', '--json-in', '-'], JSON.stringify({ incident: 'YQ-2026-0001', at: 'x' }));
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')).toHaveLength(1);
    expect((await yq(['--db', db, 'search'])).code).toBe(2);
  });
});
