import { describe, expect, it } from 'vitest';
import { contractCalls, sampleIncident } from '../../helpers/ledger-calls.js';
import { footprint, tempLedger } from '../../helpers/temp.js';

// 回应时限 as the office edits them: whole hours per severity, or null for "not required". The response clock
// reads the rules as they stand, so an edit moves the deadlines of incidents still waiting at once.
// Ledger clock: 2026-11-28 12:00 China time (tests/helpers/temp.ts).

describe('response rules', () => {
  it('changes the limits given, leaves the others, and the clock follows', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const incident = await ok('createIncident', { ...sampleIncident, severity: '重大', foundAt: '2026-11-28 09:00' });
    const dueOf = async () => (await ok('listClock', { incident: incident.id, includeMet: true })).map((e) => [e.requirement, e.dueAt]);
    expect(await dueOf()).toEqual([
      ['5h', '2026-11-28T06:00:00.000Z'],
      ['24h', '2026-11-29T01:00:00.000Z'],
    ]);

    const rule = await ok('setResponseRule', { severity: '重大', infoHours: 4, responseHours: 48 });
    expect(rule).toEqual({ severity: 'major', infoHours: 4, pressHours: 24, responseHours: 48 });
    expect((await ok('getReference', {})).responseRules.find((r) => r.severity === 'major')).toEqual(rule);
    expect(await dueOf()).toEqual([
      ['5h', '2026-11-28T05:00:00.000Z'],
      ['24h', '2026-11-29T01:00:00.000Z'],
      ['48h', '2026-11-30T01:00:00.000Z'],
    ]);
    // Each entry carries the limit applied, so what is shown says 4 hours, not the requirement's default name.
    expect((await ok('listClock', { incident: incident.id, includeMet: true })).map((e) => e.hours)).toEqual([4, 24, 48]);

    // null: that kind of response is no longer required for the severity.
    expect(await ok('setResponseRule', { severity: 'major', pressHours: null })).toMatchObject({ pressHours: null });
    expect((await dueOf()).map(([requirement]) => requirement)).toEqual(['5h', '48h']);
    // Other severities are untouched.
    expect((await ok('getReference', {})).responseRules.find((r) => r.severity === 'extreme')).toEqual({
      severity: 'extreme',
      infoHours: 5,
      pressHours: 24,
      responseHours: null,
    });
    const summaries = ledger.db.prepare("SELECT summary FROM audit WHERE entity = 'response_rule' ORDER BY seq").all();
    expect(summaries).toEqual([
      { summary: '修改回应时限（重大）：发布权威信息 5小时 → 4小时，回应 不要求 → 48小时' },
      { summary: '修改回应时限（重大）：新闻发布会 24小时 → 不要求' },
    ]);
  });

  it('writes nothing when nothing changes', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const before = footprint(ledger);
    expect(await ok('setResponseRule', { severity: '一般', responseHours: 48 })).toEqual({ severity: 'general', infoHours: null, pressHours: null, responseHours: 48 });
    expect(await ok('setResponseRule', { severity: '一般' })).toMatchObject({ responseHours: 48 });
    expect(footprint(ledger)).toEqual(before);
  });

  it('refuses hours that are not whole, positive and at most 720, and an unknown severity; nothing is written', async () => {
    const ledger = tempLedger();
    const { call } = contractCalls(ledger);
    const before = footprint(ledger);
    const refused = async (input: Record<string, unknown>, path: string, message: string) =>
      expect(await call('setResponseRule', { severity: '重大', ...input })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: [{ path, message }] },
      });
    await refused({ infoHours: 0 }, 'infoHours', '发布权威信息时限至少为1小时');
    await refused({ infoHours: -5 }, 'infoHours', '发布权威信息时限至少为1小时');
    await refused({ pressHours: 1.5 }, 'pressHours', '新闻发布会时限应为整数小时');
    await refused({ responseHours: 721 }, 'responseHours', '回应时限不超过720小时（30天）');
    await refused({ responseHours: '48' }, 'responseHours', '回应时限应为小时数，不要求则留空');
    await refused({ severity: '严重' }, 'severity', '等级“严重”无效，可选：一般、较大、重大、特别重大');
    expect(footprint(ledger)).toEqual(before);
    // The bounds themselves are accepted.
    expect(await call('setResponseRule', { severity: '一般', infoHours: 1, responseHours: 720 })).toMatchObject({ ok: true });
  });
});
