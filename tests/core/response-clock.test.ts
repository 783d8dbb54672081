import { describe, expect, it } from 'vitest';
import { footprint, tempLedger } from '../helpers/temp.js';
import { contractCalls, sampleIncident } from '../helpers/ledger-calls.js';

// Ledger clock: 2026-11-28 12:00 China time (tests/helpers/temp.ts).

describe('the response clock', () => {
  it('gives 重大 incidents 5 h for authoritative information and 24 h for a press conference, from 发现时间', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const incident = await ok('createIncident', { ...sampleIncident, severity: '重大', foundAt: '2026-11-28 09:00' });
    const clock = await ok('listClock', { incident: incident.id, includeMet: true });
    expect(clock.map((e) => [e.requirement, e.dueAt, e.overdue, e.metAt])).toEqual([
      ['5h', '2026-11-28T06:00:00.000Z', false, null],
      ['24h', '2026-11-29T01:00:00.000Z', false, null],
    ]);
  });

  it('gives 一般 and 较大 incidents 48 h for a response', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const incident = await ok('createIncident', { ...sampleIncident, severity: '一般', foundAt: '2026-11-25 09:00' });
    expect(await ok('listClock', { incident: incident.id, includeMet: true })).toMatchObject([
      { requirement: '48h', dueAt: '2026-11-27T01:00:00.000Z', overdue: true, metAt: null },
    ]);
  });

  it('stops the 5 h clock at the first public response, but only a press conference stops the 24 h clock', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const incident = await ok('createIncident', { ...sampleIncident, severity: '特别重大', foundAt: '2026-11-28 09:00' });
    await ok('addResponse', { incident: incident.number, at: '2026-11-28 11:30', method: '发布权威信息', channel: '政务微博', content: '初步情况通报', unit: '县政府办公室' });
    let clock = await ok('listClock', { incident: incident.id, includeMet: true });
    expect(clock.find((e) => e.requirement === '5h')).toMatchObject({ metAt: '2026-11-28T03:30:00.000Z', overdue: false });
    expect(clock.find((e) => e.requirement === '24h')).toMatchObject({ metAt: null });
    expect((await ok('listClock', {})).map((e) => [e.number, e.requirement])).toEqual([[incident.number, '24h']]);
    await ok('addResponse', { incident: incident.id, at: '2026-11-28 11:50', method: 'press_conference', channel: '媒体', content: '召开新闻发布会', unit: '县委宣传部（县委网信办）' });
    clock = await ok('listClock', { incident: incident.id, includeMet: true });
    expect(clock.every((e) => e.metAt !== null && !e.overdue)).toBe(true);
    expect(await ok('listClock', {})).toEqual([]);
  });

  it('marks a requirement met late as overdue, and drops clocks of incidents judged 无需回应', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const late = await ok('createIncident', { ...sampleIncident, severity: '重大', foundAt: '2026-11-28 01:00' });
    await ok('addResponse', { incident: late.id, at: '2026-11-28 07:00', method: 'briefing', channel: 'gov_website', content: '通报', unit: '县政府办公室' });
    expect((await ok('listClock', { incident: late.id, includeMet: true })).find((e) => e.requirement === '5h')).toMatchObject({ overdue: true });
    const dropped = await ok('createIncident', { ...sampleIncident, title: '谣言', foundAt: '2026-11-20 09:00' });
    await ok('transitionIncident', { id: dropped.id, to: '无需回应', reason: '经核实为谣言，已由网信部门处置' });
    expect((await ok('listClock', {})).some((e) => e.number === dropped.number)).toBe(false);
  });

  it('lists only requirements due within a window, overdue ones included, soonest first', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const overdue = await ok('createIncident', { ...sampleIncident, foundAt: '2026-11-25 09:00' }); // 48h due 11-27 09:00
    const soon = await ok('createIncident', { ...sampleIncident, severity: '重大', foundAt: '2026-11-28 11:00' }); // 5h due 16:00
    const later = await ok('createIncident', { ...sampleIncident, foundAt: '2026-11-28 11:00' }); // 48h due 11-30
    const within = await ok('listClock', { withinHours: 6 });
    expect(within.map((e) => [e.number, e.requirement, e.overdue])).toEqual([
      [overdue.number, '48h', true],
      [soon.number, '5h', false],
    ]);
    const dash = await ok('getDashboard', {});
    expect(dash.clockOverdue.map((e) => e.number)).toEqual([overdue.number]);
    // Every running clock, nearest its limit first: the 工作台 colours them by time left.
    expect(dash.clockRunning.map((e) => [e.number, e.requirement])).toEqual([
      [soon.number, '5h'],
      [soon.number, '24h'],
      [later.number, '48h'],
    ]);
    expect(dash.clockRunningTotal).toBe(3);
    expect(dash.awaitingTriageTotal).toBe(3);
    expect(dash.weekTotal).toBe(3);
    expect(dash.weekByCategory).toEqual([{ code: 'hardship', count: 3 }]);
  });

  it('refuses responses that are incomplete or in the future, writing nothing', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    const incident = await ok('createIncident', sampleIncident);
    const before = footprint(ledger);
    const base = { incident: incident.id, at: '2026-11-28 10:00', method: '情况通报', channel: '政务微博', content: '通报', unit: '县住建局' };
    for (const [input, path] of [
      [{ ...base, content: ' ' }, 'content'],
      [{ ...base, method: '打电话' }, 'method'],
      [{ ...base, at: '2026-11-29 10:00' }, 'at'],
      [{ ...base, unit: '不存在的单位' }, 'unit'],
      [{ ...base, incident: 'YQ-2026-9999' }, undefined],
    ] as const) {
      const result = await call('addResponse', input);
      expect(result.ok).toBe(false);
      if (!result.ok && path) expect(result.error.fields?.map((f) => f.path)).toContain(path);
    }
    expect(footprint(ledger)).toEqual(before);
  });
});

describe('recording a response', () => {
  it('moves an incident awaiting 研判 or in 处置 to 已回应, and leaves later states alone', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const fresh = await ok('createIncident', sampleIncident);
    const response = { at: '2026-11-28 10:00', method: '情况通报', channel: '政务微博', content: '通报', unit: '县住建局' };
    await ok('addResponse', { ...response, incident: fresh.id });
    expect((await ok('getIncident', { id: fresh.id })).status).toBe('responded');
    const timeline = await ok('getIncidentTimeline', { id: fresh.id });
    expect(timeline.find((e) => e.kind === 'status')?.title).toBe('状态：待研判 → 已回应');
    const tracked = await ok('createIncident', sampleIncident);
    for (const to of ['处置中', '已回应', '跟踪落实']) await ok('transitionIncident', { id: tracked.id, to });
    await ok('addResponse', { ...response, incident: tracked.id });
    expect((await ok('getIncident', { id: tracked.id })).status).toBe('tracking');
  });
});
