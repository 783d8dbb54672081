import { describe, expect, it } from 'vitest';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { tempLedger } from '../../helpers/temp.js';
import { digestLedger, fillW48 } from './fixture.js';

// What the printed papers say beyond the figures: a week still running compared with the same days of the last
// one, dates of another year with their year, the 年报's order and its lists of what needs attention, the
// masthead (编印单位) and the 报/送 lines, and headings numbered in the order they are printed.

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');

describe('a week still running', () => {
  it('is compared with the same days of the week before, and says so', async () => {
    // Wednesday 2026-11-25 12:00 China time, in the middle of 2026-W48.
    const ledger = tempLedger({ now: () => Date.parse('2026-11-25T04:00:00Z') });
    const { ok } = contractCalls(ledger);
    const add = (title: string, foundAt: string) => ok('createIncident', { title, foundAt, severity: '一般', platform: '微博', categories: ['欠薪'] });
    await add('上周一的事件', '2026-11-16 10:00');
    await add('上周三上午的事件', '2026-11-18 11:00');
    await add('上周三下午的事件', '2026-11-18 13:00'); // after the same point of last week
    await add('上周五的事件', '2026-11-20 09:00');
    await add('本周一的事件', '2026-11-23 09:00');
    const { digest, html } = await ok('renderDigest', { period: '2026-W48' });
    expect(digest.previousIncidents).toBe(2);
    expect(digest.previousUntil).toBe('2026-11-18T04:00:00.000Z');
    expect(text(html)).toContain('本周截至目前共发现登记舆情事件1起，较上周同期（11月16日0时至11月18日12:00，2起）减少1起');

    // The same week printed after it ended compares whole weeks.
    const later = contractCalls(tempLedger({ path: ledger.path, now: () => Date.parse('2026-12-01T01:00:00Z') }));
    const whole = await later.ok('renderDigest', { period: '2026-W48' });
    expect(whole.digest.previousIncidents).toBe(4);
    expect(whole.digest.previousUntil).toBeUndefined();
    expect(text(whole.html)).toContain('较上周（4起）减少3起');
  });
});

describe('dates of another year', () => {
  it('carry their year; the report\'s own year is left out', async () => {
    const { ok } = digestLedger();
    await fillW48(ok);
    const old = await ok('createIncident', { title: '去年的欠薪事件', foundAt: '2025-12-10 09:00', severity: '一般', platform: '微博', categories: ['欠薪'] });
    await ok('addCommitment', { incident: old.id, content: '年底前结清', unit: '县人社局', promisedAt: '2025-12-11 10:00', deadline: { date: '2025-12-20' } });
    const { html } = await ok('renderDigest', { period: '2026-W48' });
    expect(html).toContain('2025年12月20日');
    expect(html).toContain('11月26日'); // this year's deadline, without its year
    expect(html).not.toContain('2026年11月26日');
  });
});

describe('the 年报', () => {
  it('opens with the 年度报告 figures, lists what needs attention and counts the rest', async () => {
    const { ok } = digestLedger();
    await fillW48(ok);
    const { digest, html } = await ok('renderDigest', { period: '2026' });
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['一、年度报告参考数据', '二、总体情况', '三、重点舆情', '四、共性问题', '五、回应情况', '六、承诺落实', '七、近期关注']);
    expect(digest.commitments.fulfilled).toBeGreaterThan(0);
    expect(html).not.toContain('本年度兑现事项'); // counted, not listed
    expect(text(html)).toContain(`兑现${digest.commitments.fulfilled}项`);
    expect(html).toContain('逾期未兑现事项');
    for (const item of digest.overdueItems) expect(html).toContain(item.incidentNumber);
  });

  it('a week\'s paper keeps its order and lists what was fulfilled', async () => {
    const { ok } = digestLedger();
    await fillW48(ok);
    const { html } = await ok('renderDigest', { period: '2026-W48' });
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['一、总体情况', '二、重点舆情', '三、共性问题', '四、回应情况', '五、承诺落实', '六、下周关注']);
    expect(html).toContain('本周兑现事项');
  });
});

describe('the masthead and the 报/送 lines', () => {
  it('print the issuing office set in 设置 (the workstation\'s name until then) and the 报/送 lines', async () => {
    const { ledger, ok, call } = digestLedger();
    await fillW48(ok);
    await ok('renameWorkstation', { name: '县委宣传部' });
    let paper = await ok('renderDigest', { period: '2026-W48' });
    expect(paper.html).toContain('<span>县委宣传部</span>');
    expect(paper.html).not.toContain('报：');

    const settings = { issuer: '中共某某县委宣传部', reportTo: '县委、县政府主要领导', copyTo: '各乡镇（街道）、县直各部门' };
    expect(await ok('setPaperSettings', settings)).toEqual(settings);
    expect(await ok('getPaperSettings', {})).toEqual(settings);
    paper = await ok('renderDigest', { period: '2026-W48' });
    expect(paper.digest.masthead).toEqual(settings);
    expect(paper.html).toContain('<span>中共某某县委宣传部</span>');
    expect(paper.html).toContain('<p>报：县委、县政府主要领导</p>');
    expect(paper.html).toContain('<p>送：各乡镇（街道）、县直各部门</p>');
    expect(paper.html).toContain('内部资料\u3000注意保存');
    // Audited, and a line break is refused with one Chinese line.
    expect(ledger.db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'paper.settings'").get()).toEqual({ n: 1 });
    const refused = await call('setPaperSettings', { ...settings, copyTo: '甲\n乙' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(refused)).toContain('“送”对象不能包含换行等控制字符');
    expect(await ok('getPaperSettings', {})).toEqual(settings);
  });
});
