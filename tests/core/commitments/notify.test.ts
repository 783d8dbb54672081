import { describe, expect, it } from 'vitest';
import { createDeadlineNotifier, type Timer } from '../../../electron/core/notify/deadline-notifier.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import type { Commitment } from '../../../shared/api/commitments.js';
import { respondedIncident, setupLedger } from './setup.js';

/** A timer the test fires by hand. */
function fakeTimer() {
  const jobs = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timer: Timer = {
    setInterval: (fn, ms) => {
      jobs.set(next, { fn, ms });
      return next++;
    },
    clearInterval: (handle) => jobs.delete(handle as number),
  };
  return { timer, jobs, fire: () => [...jobs.values()].forEach((j) => j.fn()) };
}

describe('deadline notifications', () => {
  it('announces newly overdue commitments at start and every 30 minutes, once each', async () => {
    const { ok, at, ledger } = setupLedger('2026-11-27T10:00:00Z');
    const incident = await respondedIncident(ok);
    const add = (content: string, date: string) =>
      ok<Commitment>('addCommitment', { incident: incident.id, content, unit: '县住建局', promisedAt: '2026-11-27 10:00', deadline: { date } });
    await add('检修供热管网', '2026-11-30');
    await add('公布物业整改结果', '2026-12-01');
    const shown: { title: string; body: string }[] = [];
    const { timer, jobs, fire } = fakeTimer();
    const notifier = createDeadlineNotifier({
      ctx: ledger.ctx,
      notify: (title, body) => shown.push({ title, body }),
      timer,
      overdueClocks: () => [],
    });

    at('2026-11-30 18:00');
    notifier.start();
    expect(shown).toEqual([]);
    expect([...jobs.values()].map((j) => j.ms)).toEqual([30 * 60_000]);

    at('2026-12-01 00:10');
    fire();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('承诺逾期提醒：1 项承诺已超过期限');
    expect(shown[0]!.body).toContain('县住建局：检修供热管网（期限 2026年11月30日）');

    at('2026-12-01 00:40');
    fire();
    expect(shown).toHaveLength(1); // nothing new

    at('2026-12-02 08:00');
    fire();
    expect(shown).toHaveLength(2);
    expect(shown[1]!.body).toContain('公布物业整改结果');
    expect(shown[1]!.body).not.toContain('检修供热管网');

    notifier.stop();
    expect(jobs.size).toBe(0);
  });

  it('remembers across restarts, and speaks again when a commitment misses an extended deadline', async () => {
    const { ok, at, ledger } = setupLedger('2026-11-27T10:00:00Z');
    const incident = await respondedIncident(ok);
    const c = await ok<Commitment>('addCommitment', {
      incident: incident.id,
      content: '检修供热管网',
      unit: '县住建局',
      promisedAt: '2026-11-27 10:00',
      deadline: { date: '2026-11-30' },
    });
    at('2026-12-01 09:00');
    const shown: string[] = [];
    createDeadlineNotifier({ ctx: ledger.ctx, notify: (t) => shown.push(t), timer: fakeTimer().timer, overdueClocks: () => [] }).start();
    expect(shown).toHaveLength(1);

    // A restart: a new notifier on the same database file says nothing new.
    const reopened = openLedger({ path: ledger.path, now: ledger.ctx.now });
    try {
      const again: string[] = [];
      createDeadlineNotifier({ ctx: reopened.ctx, notify: (t) => again.push(t), timer: fakeTimer().timer, overdueClocks: () => [] }).check();
      expect(again).toEqual([]);
    } finally {
      reopened.close();
    }

    await ok('updateCommitment', { id: c.id, patch: { deadline: { date: '2026-12-03' } } });
    const notifier = createDeadlineNotifier({ ctx: ledger.ctx, notify: (t) => shown.push(t), timer: fakeTimer().timer, overdueClocks: () => [] });
    expect(notifier.check()).toEqual({ commitments: 0, clocks: 0 });
    at('2026-12-04 09:00');
    expect(notifier.check()).toEqual({ commitments: 1, clocks: 0 });
  });

  it('announces overdue response clocks from the ledger, aggregated into one notification', async () => {
    const { ok, at, ledger } = setupLedger('2026-11-27T10:00:00Z');
    await ok('createIncident', { title: '化工厂夜间偷排', platform: '抖音', foundAt: '2026-11-27 08:00', severity: '重大', categories: ['环境'] });
    await ok('createIncident', { title: '学校食堂食材过期', platform: '微信', foundAt: '2026-11-27 08:30', severity: '重大', categories: ['食药'] });
    const shown: { title: string; body: string }[] = [];
    const notifier = createDeadlineNotifier({ ctx: ledger.ctx, notify: (title, body) => shown.push({ title, body }), timer: fakeTimer().timer });
    at('2026-11-27 14:00'); // the 5-hour 权威信息 requirement of both has passed
    expect(notifier.check().clocks).toBe(2);
    expect(shown[0]!.title).toBe('回应超时提醒：2 项回应已超过时限');
    expect(shown[0]!.body).toContain('5小时内发布权威信息');
    expect(notifier.check().clocks).toBe(0);
  });
});
