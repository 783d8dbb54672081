import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import type { MethodName } from '../../shared/contract.js';
import { footprint, tempLedger } from '../helpers/temp.js';

function setup() {
  const ledger = tempLedger();
  const call = createDispatcher(createHandlers(ledger));
  const ok = async <T = Record<string, unknown>>(method: MethodName, input: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as T;
  };
  return { ledger, call, ok };
}

const base = {
  title: '某建筑工地拖欠32名农民工工资',
  summary: '抖音视频称工程完工半年仍未结清工资',
  platform: '抖音',
  url: 'https://www.douyin.com/video/123',
  firstSeenAt: '2026-11-27 22:10',
  foundAt: '2026-11-28 08:30',
  registrar: '王敏',
  township: '羊山镇',
  involvedUnit: '某建筑公司',
  categories: ['欠薪'],
  keyType61: '涉及公众切身利益且产生较大影响',
  severity: '较大',
  sentiment: '负面',
  leadUnit: '县人社局',
  coUnits: ['县住建局', '县信访局'],
  leaderInstruction: '请人社局牵头，三日内反馈',
};

describe('registering incidents', () => {
  it('stores every field, resolving labels and names to codes and ids, in China time', async () => {
    const { ok } = setup();
    const incident = await ok('createIncident', base);
    expect(incident).toMatchObject({
      number: 'YQ-2026-0001',
      platform: 'douyin',
      firstSeenAt: '2026-11-27T14:10:00.000Z',
      foundAt: '2026-11-28T00:30:00.000Z',
      townshipId: 't-ys',
      categories: ['wages'],
      keyType61: 'public_interest',
      severity: 'large',
      sentiment: 'negative',
      leadUnitId: 'u-rsj',
      coUnitIds: ['u-zjj', 'u-xfj'],
      status: 'triage',
      leaderInstruction: '请人社局牵头，三日内反馈',
    });
  });

  it('accepts categories by code, full name or short label, and several at once', async () => {
    const { ok } = setup();
    const incident = await ok<{ categories: string[] }>('createIncident', { ...base, categories: ['工资拖欠', 'environment', '食药', '欠薪'] });
    expect(incident.categories).toEqual(['wages', 'environment', 'food_drug']);
  });

  it('numbers incidents YQ-YYYY-NNNN per China-time year of discovery', async () => {
    const { ok } = setup();
    const a = await ok<{ number: string }>('createIncident', { ...base, firstSeenAt: null, foundAt: '2025-12-31 23:59' });
    const b = await ok<{ number: string }>('createIncident', { ...base, firstSeenAt: null, foundAt: '2025-12-31T16:00:00Z' }); // 2026-01-01 00:00 in China
    const c = await ok<{ number: string }>('createIncident', { ...base, firstSeenAt: null, foundAt: '2026-03-01 10:00' });
    const d = await ok<{ number: string }>('createIncident', { ...base, firstSeenAt: null, foundAt: '2025-06-01 10:00' });
    expect([a.number, b.number, c.number, d.number]).toEqual(['YQ-2025-0001', 'YQ-2026-0001', 'YQ-2026-0002', 'YQ-2025-0002']);
  });

  it('refuses bad input with Chinese messages per field and writes nothing', async () => {
    const { ledger, call } = setup();
    const before = footprint(ledger);
    const cases: [unknown, string, RegExp][] = [
      [{ ...base, title: '  ' }, 'title', /请填写标题/],
      [{ ...base, categories: [] }, 'categories', /至少选择一个敏感类别/],
      [{ ...base, categories: ['不存在的类别'] }, 'categories.0', /没有名为“不存在的类别”的敏感类别/],
      [{ ...base, severity: '很大' }, 'severity', /等级“很大”无效/],
      [{ ...base, foundAt: '上周五' }, 'foundAt', /发现时间：无法识别“上周五”/],
      [{ ...base, foundAt: '2026-02-30 10:00' }, 'foundAt', /发现时间：2026-02-30 10:00 不是有效日期（2026年2月只有28天）/],
      [{ ...base, foundAt: '2027-01-01 10:00' }, 'foundAt', /不能晚于当前时间/],
      [{ ...base, firstSeenAt: '2026-11-28 09:00' }, 'firstSeenAt', /首发时间不能晚于发现时间/],
      [{ ...base, leadUnit: '县宇宙局' }, 'leadUnit', /没有名为“县宇宙局”的单位/],
      [{ ...base, url: 'javascript:alert(1)' }, 'url', /http/],
      [{ ...base, extra: 1 }, '', /extra/],
      ['not an object', '', /./],
    ];
    for (const [input, path, message] of cases) {
      const result = await call('createIncident', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      const field = result.error.fields?.find((f) => f.path === path);
      expect(field?.message ?? result.error.message, `${path} in ${JSON.stringify(result.error)}`).toMatch(message);
    }
    expect(footprint(ledger)).toEqual(before);
  });
});

describe('updating incidents', () => {
  it('writes operations only for the fields that changed, and finds incidents by number', async () => {
    const { ok, ledger } = setup();
    const created = await ok<{ id: string; number: string }>('createIncident', base);
    const before = footprint(ledger);
    const updated = await ok<{ title: string; severity: string; updatedAt: string }>('updateIncident', {
      id: created.number,
      patch: { title: '新标题', severity: '较大', categories: ['欠薪'] },
    });
    expect(updated.title).toBe('新标题');
    const after = footprint(ledger);
    expect(after.ops - before.ops).toBe(2); // title and updated_at; severity and categories were unchanged
    expect(after.audit - before.audit).toBe(1);
  });

  it('an update that changes nothing writes nothing', async () => {
    const { ok, ledger } = setup();
    const created = await ok<{ id: string }>('createIncident', base);
    const before = footprint(ledger);
    await ok('updateIncident', { id: created.id, patch: { title: base.title } });
    expect(footprint(ledger)).toEqual(before);
  });

  it('refuses unknown incidents and status changes through update', async () => {
    const { call, ok } = setup();
    const created = await ok<{ id: string }>('createIncident', base);
    const missing = await call('updateIncident', { id: 'YQ-2026-9999', patch: { title: 'x' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const status = await call('updateIncident', { id: created.id, patch: { status: 'closed' } });
    expect(status).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the status workflow', () => {
  it('follows 待研判 → 处置中 → 已回应 → 跟踪落实 → 已办结', async () => {
    const { ok } = setup();
    const { id } = await ok<{ id: string }>('createIncident', base);
    for (const to of ['处置中', '已回应', '跟踪落实', '已办结']) {
      await ok('transitionIncident', { id, to });
    }
    expect((await ok<{ status: string }>('getIncident', { id })).status).toBe('closed');
  });

  it('refuses skipped steps, and 无需回应 without a reason, and records the reason when given', async () => {
    const { ok, call, ledger } = setup();
    const { id, number } = await ok<{ id: string; number: string }>('createIncident', base);
    const before = footprint(ledger);
    expect(await call('transitionIncident', { id, to: '已办结' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', message: `${number} 当前状态为“待研判”，不能直接改为“已办结”` },
    });
    expect(await call('transitionIncident', { id, to: '无需回应' })).toMatchObject({ ok: false, error: { fields: [{ path: 'reason' }] } });
    expect(footprint(ledger)).toEqual(before);
    const done = await ok<{ status: string; statusReason: string }>('transitionIncident', { id, to: '无需回应', reason: '经核实为不实信息，已由网信部门处置' });
    expect(done).toMatchObject({ status: 'no_response', statusReason: '经核实为不实信息，已由网信部门处置' });
  });
});

describe('listing the ledger', () => {
  it('filters by category, severity and status and reports the total beyond the page', async () => {
    const { ok } = setup();
    for (let i = 0; i < 5; i += 1) await ok('createIncident', { ...base, title: `欠薪${i}` });
    for (let i = 0; i < 3; i += 1) await ok('createIncident', { ...base, title: `污染${i}`, categories: ['环境'], severity: '重大' });
    const page = await ok<{ rows: { title: string }[]; total: number }>('listIncidents', { categories: ['欠薪'], limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows).toHaveLength(2);
    const major = await ok<{ total: number }>('listIncidents', { severities: ['重大'] });
    expect(major.total).toBe(3);
    const both = await ok<{ total: number }>('listIncidents', { categories: ['环境', '欠薪'], statuses: ['待研判'] });
    expect(both.total).toBe(8);
    const none = await ok<{ total: number }>('listIncidents', { statuses: ['已办结'] });
    expect(none.total).toBe(0);
  });

  it('combines one category with other filters whose values look alike (其他 and platform other)', async () => {
    const { ok } = setup();
    await ok('createIncident', { ...base, categories: ['其他'], platform: '其他' });
    await ok('createIncident', { ...base, categories: ['其他'], platform: '微博' });
    const page = await ok<{ total: number; rows: unknown[] }>('listIncidents', { categories: ['其他'], platforms: ['其他'] });
    expect(page.total).toBe(1);
    expect(page.rows).toHaveLength(1);
  });

  it('sorts newest first by default and by severity on request', async () => {
    const { ok } = setup();
    await ok('createIncident', { ...base, firstSeenAt: null, title: 'old', foundAt: '2026-11-01 08:00' });
    await ok('createIncident', { ...base, firstSeenAt: null, title: 'new', foundAt: '2026-11-20 08:00', severity: '一般' });
    await ok('createIncident', { ...base, firstSeenAt: null, title: 'mid', foundAt: '2026-11-10 08:00', severity: '特别重大' });
    const byDate = await ok<{ rows: { title: string }[] }>('listIncidents', {});
    expect(byDate.rows.map((r) => r.title)).toEqual(['new', 'mid', 'old']);
    const bySeverity = await ok<{ rows: { title: string }[] }>('listIncidents', { sort: 'severity' });
    expect(bySeverity.rows[0]!.title).toBe('mid');
  });
});
