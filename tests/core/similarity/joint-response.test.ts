import { describe, expect, it } from 'vitest';
import { computeDigest } from '../../../electron/core/digest/compute.js';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { footprint, tempLedger } from '../../helpers/temp.js';

// 共性回应: one response recorded for a whole group answers every incident in it — it appears on each, stops each
// clock, counts each as answered in the digest and in the first-response table — and a bad one changes nothing.

const heat = (title: string, foundAt: string) => ({
  title,
  summary: `${title}，室温不达标，供热公司无人处理。`,
  platform: '微博',
  foundAt,
  severity: '一般',
  categories: ['困难群众'],
  leadUnit: '县住建局',
});

describe('共性回应', () => {
  it('answers every incident of the group with one call', async () => {
    const ledger = tempLedger({ now: () => Date.parse('2026-11-28T04:00:00Z') });
    const { ok, call } = contractCalls(ledger);
    const a = await ok('createIncident', heat('幸福家园暖气不热', '2026-11-25 09:00'));
    const b = await ok('createIncident', heat('锦绣华庭暖气不热', '2026-11-25 10:00'));
    const c = await ok('createIncident', heat('阳光小区暖气片冰凉', '2026-11-26 08:00'));
    const lonely = await ok('createIncident', heat('金桥花园供热不好', '2026-11-26 09:00'));
    expect((await ok('listClock', {})).map((e) => e.number).sort()).toEqual([a.number, b.number, c.number, lonely.number].sort());

    const before = footprint(ledger);
    const response = await ok('addResponse', {
      incidents: [a.number, b.id, c.number],
      at: '2026-11-27 10:00',
      method: '情况通报',
      channel: '政务微博',
      content: '县住建局通报：已督促供热公司对三个小区管网加压，室温已达18度。',
      unit: '县住建局',
    });
    expect(response.jointWith).toEqual([a.number, b.number, c.number]);
    const after = footprint(ledger);
    expect(after.audit).toBe(before.audit + 1); // one mutation

    for (const incident of [a, b, c]) {
      const responses = await ok('listResponses', { incident: incident.id });
      expect(responses).toHaveLength(1);
      expect(responses[0]!.jointWith).toEqual([a.number, b.number, c.number]);
      expect((await ok('getIncident', { id: incident.id })).status).toBe('responded');
      const clock = await ok('listClock', { incident: incident.id, includeMet: true });
      expect(clock.every((e) => e.metAt === '2026-11-27T02:00:00.000Z')).toBe(true);
    }
    expect((await ok('listClock', {})).map((e) => e.number)).toEqual([lonely.number]);
    const firsts = ledger.db.prepare('SELECT count(*) AS n FROM incident_first_responses').get() as { n: number };
    expect(firsts.n).toBe(3);
    const digest = computeDigest(ledger.db, '2026-W48', ledger.ctx.now());
    expect(digest.response.responded).toBe(3);
    expect(digest.response.responsesMade).toBe(3); // one per incident answered, as the 方式 counts read them

    // Refused whole: one unknown incident, a response time before one incident's first post, an ordinary one with both.
    const unchanged = footprint(ledger);
    const bad = await call('addResponse', { incidents: [a.id, 'YQ-2026-9999'], at: '2026-11-27 10:00', method: '情况通报', channel: '政务微博', content: 'x', unit: '县住建局' });
    expect(bad.ok).toBe(false);
    const both = await call('addResponse', { incident: a.id, incidents: [b.id, c.id], at: '2026-11-27 10:00', method: '情况通报', channel: '政务微博', content: 'x', unit: '县住建局' });
    expect(both.ok ? '' : both.error.message).toContain('二者选一');
    const single = await call('addResponse', { incidents: [a.id, a.number], at: '2026-11-27 10:00', method: '情况通报', channel: '政务微博', content: 'x', unit: '县住建局' });
    expect(single.ok ? '' : single.error.message).toContain('两起不同的事件');
    expect(footprint(ledger)).toEqual(unchanged);
  });
});
