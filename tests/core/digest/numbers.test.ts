import { describe, expect, it } from 'vitest';
import { digestLedger, fillW48 } from './fixture.js';

// The W48 figures against the ones worked out by hand in fixture.ts. The node project runs in
// America/New_York (vitest.config.ts), so the week boundaries below are China time whatever the process zone.

describe('the weekly digest figures (2026-W48, crafted ledger)', () => {
  it('counts new incidents by category, severity, platform and township, against the previous week', async () => {
    expect(new Date(2026, 10, 23).getTimezoneOffset()).not.toBe(-480); // not running in China time
    const { ok } = digestLedger();
    await fillW48(ok);
    const d = await ok('getDigest', { period: '2026-W48' });
    expect(d.period).toBe('2026-W48');
    expect(d.start).toBe('2026-11-22T16:00:00.000Z'); // Monday 00:00 China
    expect(d.end).toBe('2026-11-29T16:00:00.000Z'); // Sunday 24:00 China
    expect(d.asOf).toBe(d.end); // the week is over: figures taken at its end, not at Monday 09:00
    expect(d.issue).toBe('2026年第48期');
    expect(d.rangeLabel).toBe('2026年11月23日至11月29日');
    // A (Mon 00:00) and F (Sun 23:59) are in; P2 (previous Sun 23:59) and H (next Mon 08:00) are not.
    expect(d.newIncidents).toBe(8);
    expect(d.previousIncidents).toBe(2);
    expect(d.previousWeekIncidents).toBe(2);
    const counts = (rows: { label: string; count: number }[]) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.label, r.count]));
    expect(counts(d.byCategory)).toEqual({
      工资拖欠: 2,
      环境污染和生态破坏: 1,
      食品药品安全: 1,
      教育医疗: 1,
      房地产金融: 1,
      养老: 1,
      安全生产: 1,
      其他: 1,
    });
    expect(d.byCategory[0]).toMatchObject({ code: 'wages', label: '工资拖欠', count: 2 });
    expect(d.byCategory).toHaveLength(10); // every category, the ones with none too
    expect(d.bySeverity.map((s) => [s.label, s.count])).toEqual([
      ['特别重大', 1],
      ['重大', 2],
      ['较大', 2],
      ['一般', 3],
    ]);
    expect(counts(d.byPlatform)).toEqual({ 微博: 3, 抖音: 1, 微信: 1, 本地论坛: 1, '12345热线': 1, 今日头条: 1 });
    expect(d.byPlatform[0]).toMatchObject({ label: '微博', count: 3 });
    expect(d.byTownship.map((t) => [t.label, t.count])).toEqual([
      ['未填写涉事地域', 6],
      ['羊山镇', 1],
      ['柳城街道', 1],
    ]);
    expect(d.trend.map((t) => t.count)).toEqual([0, 0, 0, 0, 0, 0, 2, 8]);
    expect(d.trend.at(-1)).toMatchObject({ period: '2026-W48', label: '11.23–11.29' });
    expect(d.trend[0]!.period).toBe('2026-W41');
  });

  it('judges responses at the end of the week: 回应率 and the 5h/24h/48h requirements', async () => {
    const { ok } = digestLedger();
    await fillW48(ok);
    const d = await ok('getDigest', { period: '2026-W48' });
    // 8 new, G judged 无需回应 → 7 to answer; A, B, C, C2 answered before asOf (F only on Monday 02:00).
    expect(d.response).toMatchObject({ toRespond: 7, responded: 4, noResponseNeeded: 1 });
    expect(d.response.rate).toBeCloseTo(4 / 7, 10);
    // Responses made in the week, whatever the incident: P1's 通报 counts, F's Monday response does not.
    expect(d.response.responsesMade).toBe(7);
    expect(d.response.pressConferences).toBe(2);
    expect(Object.fromEntries(d.response.byMethod.map((m) => [m.code, m.count]))).toEqual({
      authoritative_info: 2,
      briefing: 1,
      press_conference: 2,
      media_interview: 0,
      gov_interview: 0,
      online_reply: 2,
      other: 0,
    });
    const outcome = Object.fromEntries(d.requirements.map((o) => [o.requirement, [o.subject, o.metInTime, o.metLate, o.missed, o.running]]));
    expect(outcome).toEqual({
      '5h': [3, 1, 1, 0, 1], // A in time, B late, F running
      '24h': [3, 2, 0, 0, 1], // A, B in time, F running
      '48h': [4, 1, 1, 1, 1], // C in time, C2 late, D missed, E running
    });
    expect(d.respondedWithin).toEqual({ '5h': 0.5, '24h': 1, '48h': 1 / 3 });
    // Still overdue at asOf, whenever found: P2 (previous week) and D.
    expect(d.overdueResponses.map((o) => [o.number, o.requirement, o.hoursOverdue])).toEqual([
      ['YQ-2026-0002', '48h', 120],
      ['YQ-2026-0007', '48h', 38],
    ]);
    // Running at asOf and due within the next seven days: F 5h, E 48h, F 24h.
    expect(d.clocksDueNextWeek.map((k) => [k.number, k.requirement, k.dueAt])).toEqual([
      ['YQ-2026-0009', '5h', '2026-11-29T20:59:00.000Z'],
      ['YQ-2026-0008', '48h', '2026-11-30T12:00:00.000Z'],
      ['YQ-2026-0009', '24h', '2026-11-30T15:59:00.000Z'],
    ]);
    // 重点舆情: 特别重大 first, then 重大 by time found; F has no response known at asOf.
    expect(d.keyIncidents.map((k) => [k.number, k.responses.length])).toEqual([
      ['YQ-2026-0004', 2],
      ['YQ-2026-0003', 2],
      ['YQ-2026-0009', 0],
    ]);
    expect(d.keyIncidents[0]).toMatchObject({ categories: ['环境污染和生态破坏', '食品药品安全'], township: '柳城街道', leadUnit: '县生态环境分局' });
    expect(d.keyIncidents[1]!.responses[1]).toMatchObject({ method: '新闻发布会/吹风会', channel: '媒体', unit: '县政府办公室' });
  });

  it('reports commitments as they stood at the end of the week, by unit, with 公开情况', async () => {
    const { ok } = digestLedger();
    await fillW48(ok);
    const d = await ok('getDigest', { period: '2026-W48' });
    expect(d.commitments).toEqual({ made: 5, fulfilled: 2, fulfilledPublished: 1, published: 1, dueNextWeek: 2, overdue: 2 });
    expect(d.nextWeek).toEqual({ firstDay: '2026-11-30', lastDay: '2026-12-06' });
    expect(d.commitmentUnits).toEqual([
      { unit: '县人社局', fulfilled: 1, dueNextWeek: 1, overdue: 1 },
      { unit: '县生态环境分局', fulfilled: 1, dueNextWeek: 0, overdue: 1 },
      { unit: '县教育局', fulfilled: 0, dueNextWeek: 1, overdue: 0 },
    ]);
    expect(d.fulfilledItems.map((c) => [c.content, c.publication, c.published])).toEqual([
      ['11月27日前发放全部拖欠工资', '已公开（政务微博，2026年11月27日）', true],
      ['11月23日前查明死鱼原因', '未公开：涉及个人隐私', false],
    ]);
    // In working days, as the board counts them at Monday 00:00: Fri 11-27 and Mon 11-30 after Thu 11-26; Mon after Sat.
    expect(d.overdueItems.map((c) => [c.content, c.status, c.workdaysOverdue])).toEqual([
      ['11月26日前公布化工厂整改方案', 'overdue', 2],
      ['11月28日前完成企业用工情况全面排查', 'overdue', 1],
    ]);
    // K4 was fulfilled on Monday 08:00 — after the week — so on Sunday night it was still due next week.
    expect(d.dueNextWeekItems.map((c) => [c.deadline, c.unit, c.fulfilledAt])).toEqual([
      ['2026-11-30', '县人社局', null],
      ['2026-12-02', '县教育局', null],
    ]);
  });

  it('reports a 重大 incident answered in time but never at a press conference as 24h overdue, and nothing for one fully answered', async () => {
    const { ok } = digestLedger();
    const incident = (title: string, foundAt: string, severity: string) =>
      ok('createIncident', { title, foundAt, severity, platform: '微博', categories: ['环境'], leadUnit: '县生态环境分局' });
    const respond = (id: string, at: string, method: string) =>
      ok('addResponse', { incident: id, at, method, channel: '政务微博', content: '情况通报', unit: '县生态环境分局' });
    const noPress = await incident('某化工园区夜间偷排', '2026-11-23 08:00', '重大');
    await respond(noPress.id, '2026-11-23 10:00', '发布权威信息');
    const answered = await incident('某河段出现油污', '2026-11-24 08:00', '重大');
    await respond(answered.id, '2026-11-24 09:00', '发布权威信息');
    await respond(answered.id, '2026-11-24 18:00', '新闻发布会/吹风会');
    const general = await incident('某小区垃圾清运不及时', '2026-11-25 08:00', '一般');
    await respond(general.id, '2026-11-25 09:00', '网上答复/12345回复');

    const d = await ok('getDigest', { period: '2026-W48' });
    // Due 11-24 08:00, still unmet at the week's end (11-30 00:00): 5 days 16 hours.
    expect(d.overdueResponses.map((o) => [o.number, o.requirement, o.hoursOverdue])).toEqual([[noPress.number, '24h', 136]]);
    expect(d.clocksDueNextWeek).toEqual([]);
    expect(answered.number).not.toBe(noPress.number);
  });

  it('counts responses by 渠道, and gives the year report the figures of the 政府信息公开工作年度报告', async () => {
    const { ok } = digestLedger();
    await fillW48(ok);
    const channels = (rows: { label: string; count: number }[]) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.label, r.count]));
    const week = await ok('renderDigest', { period: '2026-W48' });
    // The seven responses made in the week (F's Monday-morning 通报 falls after it).
    expect(channels(week.digest.response.byChannel)).toEqual({ 政府网站: 2, 政务微博: 1, 政务微信: 2, 媒体: 2 });
    expect(week.html).not.toContain('年度报告参考数据');

    // The year is still running at the ledger's now (2026-11-30 09:00): F's response is in it.
    const year = await ok('renderDigest', { period: '2026' });
    const r = year.digest.response;
    expect(channels(r.byChannel)).toEqual({ 政府网站: 2, 政务微博: 2, 政务微信: 2, 媒体: 2 });
    expect(r.byChannel.reduce((sum, c) => sum + c.count, 0)).toBe(r.responsesMade);
    // The 年报 opens with the figures the office copies into its 年度报告, then the sections in order.
    expect(year.html).toContain('<h2>一、年度报告参考数据</h2>');
    expect(year.html.indexOf('<h2>一、年度报告参考数据')).toBeLessThan(year.html.indexOf('<h2>二、总体情况'));
    expect(year.html).toContain(`<td>登记舆情事件</td><td class="n">${year.digest.newIncidents}起</td>`);
    expect(year.html).toContain('<td>\u3000按渠道：政务微博</td><td class="n">2次</td>');
    expect(year.html).toContain(`<td>召开新闻发布会/吹风会</td><td class="n">${r.pressConferences}场</td>`);
  });

  it('names the requirements in the hours the office set in 设置, per 等级 where they differ', async () => {
    const { ok } = digestLedger();
    await fillW48(ok);
    await ok('setResponseRule', { severity: '重大', infoHours: 4 });
    const split = await ok('renderDigest', { period: '2026-W48' });
    // 重大 has 4 hours, 特别重大 still 5: no one number names the requirement for both.
    expect(split.digest.requirements.map((o) => o.label)).toEqual(['规定时限内发布权威信息', '24小时内举行新闻发布会', '48小时内回应']);
    expect(split.html).toContain('特别重大：5小时内发布权威信息、24小时内举行新闻发布会；重大：4小时内发布权威信息、24小时内举行新闻发布会；较大、一般：48小时内回应');
    expect(split.html).toContain('<td>规定时限内发布信息</td>');

    await ok('setResponseRule', { severity: '特别重大', infoHours: 4 });
    const same = await ok('renderDigest', { period: '2026-W48' });
    expect(same.digest.requirements[0]!.label).toBe('4小时内发布权威信息');
    expect(same.html).toContain('<td>4小时发布信息</td>');
    expect(same.html).toContain('特别重大、重大：4小时内发布权威信息');
  });
});
