import { describe, expect, it } from 'vitest';
import { computeDigest } from '../../../electron/core/digest/compute.js';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { tempLedger } from '../../helpers/temp.js';

// 反弹: a new incident like one closed within 180 days is suggested at registration, confirmed (recorded on both
// incidents) or dismissed, and shown in the digest — confirmed ones as such, undecided ones as 疑似.

const sand = (title: string, summary: string, foundAt: string) => ({
  title,
  summary,
  platform: '抖音',
  foundAt,
  severity: '一般',
  categories: ['环境'],
  leadUnit: '县水利局',
  township: '大庙镇',
});

describe('反弹', () => {
  it('is suggested, confirmed on both incidents, and reported', async () => {
    let now = Date.parse('2026-09-01T04:00:00Z');
    const ledger = tempLedger({ now: () => now });
    const { ok, call } = contractCalls(ledger);
    const earlier = await ok('createIncident', sand('大凌河有人夜间非法采砂', '大庙镇村民反映，大凌河河道内每天夜里都有挖掘机非法采砂，河床被挖得坑坑洼洼。', '2026-08-20 06:00'));
    const other = await ok('createIncident', sand('大庙镇集市占道经营', '集市摊贩占道经营，车辆无法通行。', '2026-08-21 09:00'));
    await ok('addResponse', { incident: earlier.id, at: '2026-08-21 10:00', method: '情况通报', channel: '政务微博', content: '县水利局已查扣采砂设备。', unit: '县水利局' });
    await ok('transitionIncident', { id: earlier.id, to: '已办结' });

    now = Date.parse('2026-11-20T04:00:00Z');
    const draft = { title: '大凌河非法采砂又死灰复燃', summary: '网友发视频称大凌河夜间又有挖掘机非法采砂，河道被挖出深坑。', categories: ['环境'], foundAt: '2026-11-20 10:00' };
    const suggestions = await ok('suggestRecurrence', draft);
    expect(suggestions.map((s) => s.number)).toEqual([earlier.number]);
    expect(suggestions[0]!.reason).toMatch(/^标题和摘要有 \d+% 相同的词（.+）；同为 环境污染和生态破坏；相隔 \d+ 天$/);
    // An open incident is not a 反弹 of anything, and a draft about something else finds nothing.
    expect(await ok('suggestRecurrence', { title: '集市占道经营', summary: '摊贩占道', categories: [], foundAt: '' })).toEqual([]);

    const later = await ok('createIncident', sand(draft.title, draft.summary, draft.foundAt));
    const undecided = computeDigest(ledger.db, '2026-W47', now + 7 * 86_400_000);
    expect(undecided.recurrences).toEqual([expect.objectContaining({ number: later.number, of: { number: earlier.number, title: earlier.title }, confirmed: false })]);

    const refused = await call('markRecurrence', { incident: later.id, of: other.id });
    expect(refused.ok ? '' : refused.error.message).toContain('尚未办结');
    expect(await ok('markRecurrence', { incident: later.number, of: earlier.number })).toEqual({ recurrenceOf: earlier.number });
    expect((await ok('getIncident', { id: later.id })).recurrenceOf).toBe(earlier.number);
    expect((await ok('getIncident', { id: earlier.id })).recurrenceOf).toBeUndefined();
    const onEarlier = ledger.db.prepare("SELECT kind, content FROM followups WHERE incident_id = ?").all(earlier.id);
    expect(onEarlier).toEqual([{ kind: 'rebound', content: `${later.number}“${later.title}”确认为本事件的舆情反弹` }]);
    const confirmed = computeDigest(ledger.db, '2026-W47', now + 7 * 86_400_000);
    expect(confirmed.recurrences).toEqual([expect.objectContaining({ number: later.number, confirmed: true })]);

    // Dismissed: neither confirmed nor suspected any more.
    await ok('markRecurrence', { incident: later.id, of: null, dismissed: true });
    expect((await ok('getIncident', { id: later.id })).recurrenceOf).toBeUndefined();
    expect(computeDigest(ledger.db, '2026-W47', now + 7 * 86_400_000).recurrences).toEqual([]);
  });
});

describe('反弹 closed within 180 days', () => {
  it('counts from when the earlier incident became 已办结 (its status history), not from its last edit', async () => {
    let now = Date.parse('2026-03-02T04:00:00Z');
    const ledger = tempLedger({ now: () => now });
    const { ok } = contractCalls(ledger);
    const longClosed = await ok('createIncident', sand('大凌河有人夜间非法采砂', '大庙镇村民反映，大凌河河道内每天夜里都有挖掘机非法采砂，河床被挖得坑坑洼洼。', '2026-03-01 06:00'));
    await ok('addResponse', { incident: longClosed.id, at: '2026-03-01 10:00', method: '情况通报', channel: '政务微博', content: '县水利局已查扣采砂设备。', unit: '县水利局' });
    await ok('transitionIncident', { id: longClosed.id, to: '已办结' });
    // Edited long after it was closed (its 领导批示 written in): updated_at moves, the closing does not.
    now = Date.parse('2026-11-10T04:00:00Z');
    await ok('updateIncident', { id: longClosed.id, patch: { leaderInstruction: '请县水利局持续巡查。' } });
    expect((await ok('getIncident', { id: longClosed.id })).updatedAt).toBe('2026-11-10T04:00:00.000Z');

    now = Date.parse('2026-11-20T04:00:00Z');
    const draft = { title: '大凌河非法采砂又死灰复燃', summary: '网友发视频称大凌河夜间又有挖掘机非法采砂，河道被挖出深坑。', categories: ['环境'], foundAt: '2026-11-20 10:00' };
    // Closed 263 days before: not a 反弹, at registration or in the digest.
    expect(await ok('suggestRecurrence', draft)).toEqual([]);
    await ok('createIncident', sand(draft.title, draft.summary, draft.foundAt));
    expect(computeDigest(ledger.db, '2026-W47', now + 7 * 86_400_000).recurrences).toEqual([]);

    // Reopened and closed again: the latest closing counts.
    now = Date.parse('2026-11-21T04:00:00Z');
    await ok('transitionIncident', { id: longClosed.id, to: '跟踪中', reason: '再次出现采砂' });
    await ok('transitionIncident', { id: longClosed.id, to: '已办结' });
    now = Date.parse('2026-11-25T04:00:00Z');
    expect((await ok('suggestRecurrence', { ...draft, foundAt: '2026-11-25 10:00' })).map((s) => s.number)).toEqual([longClosed.number]);
  });
});

describe('反弹 within one week', () => {
  it('is reported in the digest when the earlier incident was found and closed in the same week', async () => {
    let now = Date.parse('2026-11-16T02:00:00Z');
    const ledger = tempLedger({ now: () => now });
    const { ok } = contractCalls(ledger);
    const earlier = await ok('createIncident', sand('大凌河有人夜间非法采砂', '大庙镇村民反映，大凌河河道内每天夜里都有挖掘机非法采砂，河床被挖得坑坑洼洼。', '2026-11-16 09:00'));
    await ok('addResponse', { incident: earlier.id, at: '2026-11-16 10:00', method: '情况通报', channel: '政务微博', content: '县水利局已查扣采砂设备。', unit: '县水利局' });
    now = Date.parse('2026-11-17T02:00:00Z');
    await ok('transitionIncident', { id: earlier.id, to: '已办结' });
    now = Date.parse('2026-11-20T02:00:00Z');
    const later = await ok('createIncident', sand('大凌河非法采砂又死灰复燃', '网友发视频称大凌河夜间又有挖掘机非法采砂，河道被挖出深坑。', '2026-11-20 10:00'));
    const digest = computeDigest(ledger.db, '2026-W47', now + 7 * 86_400_000);
    expect(digest.recurrences).toEqual([expect.objectContaining({ number: later.number, of: { number: earlier.number, title: earlier.title }, confirmed: false })]);
  });
});

describe('反弹 of the same subject', () => {
  it('is not suggested or reported for an alike post about another township or another 涉事单位', async () => {
    let now = Date.parse('2026-11-02T04:00:00Z');
    const ledger = tempLedger({ now: () => now });
    const { ok } = contractCalls(ledger);
    const heating = (title: string, involvedUnit: string, township: string, foundAt: string) => ({
      title,
      summary: `${title.slice(0, 4)}居民反映，入冬以来家中暖气不热，室温只有十三度，老人孩子冻得生病，多次打热力公司电话无人解决。`,
      involvedUnit,
      platform: '抖音',
      foundAt,
      severity: '一般',
      categories: ['困难群众'],
      leadUnit: '县住建局',
      township,
    });
    const earlier = await ok('createIncident', heating('学府花园供暖不达标，室温仅13度', '永兴热力公司', '柳城街道', '2026-11-02 09:00'));
    await ok('addResponse', { incident: earlier.id, at: '2026-11-02 11:00', method: '情况通报', channel: '政务微博', content: '已督促热力公司整改。', unit: '县住建局' });
    await ok('transitionIncident', { id: earlier.id, to: '已办结' });

    now = Date.parse('2026-11-18T02:00:00Z');
    const draft = (title: string, involvedUnit: string, township: string) => ({ title, summary: heating(title, involvedUnit, township, '').summary, categories: ['困难群众'], foundAt: '2026-11-18 09:00', township, involvedUnit });
    // The same 小区 and 热力公司 again: a 反弹; so too while the township or 涉事单位 is not yet filled in.
    const again = draft('学府花园又不供暖，室温仅13度', '永兴热力公司', '柳城街道');
    expect((await ok('suggestRecurrence', again)).map((s) => s.number)).toEqual([earlier.number]);
    expect((await ok('suggestRecurrence', { ...again, township: '', involvedUnit: '' })).map((s) => s.number)).toEqual([earlier.number]);
    // Alike posts about another township's 小区, or about another 热力公司: other matters of the kind, not 反弹.
    expect(await ok('suggestRecurrence', draft('阳光小区供暖不达标，室温仅13度', '永兴热力公司', '羊山镇'))).toEqual([]);
    expect(await ok('suggestRecurrence', draft('学府花园供暖不达标，室温仅13度', '广厦热力公司', '柳城街道'))).toEqual([]);

    const elsewhere = await ok('createIncident', heating('阳光小区供暖不达标，室温仅13度', '永兴热力公司', '羊山镇', '2026-11-17 09:00'));
    const otherUnit = await ok('createIncident', heating('学府花园供暖不达标，室温仅13度', '广厦热力公司', '柳城街道', '2026-11-17 10:00'));
    const same = await ok('createIncident', heating('学府花园又不供暖，室温仅13度', '县永兴热力公司', '柳城街道', '2026-11-18 09:00'));
    const reported = computeDigest(ledger.db, '2026-W47', now + 7 * 86_400_000).recurrences.map((r) => r.number);
    expect(reported).toEqual([same.number]);
    expect(reported).not.toContain(elsewhere.number);
    expect(reported).not.toContain(otherUnit.number);
  });
});
