import { describe, expect, it } from 'vitest';
import type { Board, Commitment, DueItem } from '../../../shared/api/commitments.js';
import { respondedIncident, setupLedger } from './setup.js';

// Today is Monday 2026-11-30 (China). Working days ahead: Tue 12-01 (1), Wed 12-02 (2), Thu 12-03 (3), Fri 12-04 (4).
async function fill() {
  const s = setupLedger('2026-11-27T10:00:00Z');
  const incident = await respondedIncident(s.ok);
  const add = (content: string, unit: string, deadline: Record<string, unknown>) =>
    s.ok<Commitment>('addCommitment', { incident: incident.id, content, unit, promisedAt: '2026-11-27 10:00', deadline });
  const a = await add('A 逾期两个工作日', '县住建局', { date: '2026-11-27' });
  const b = await add('B 今日到期', '县住建局', { date: '2026-11-30' });
  const c = await add('C 三个工作日内', '县人社局', { workdays: 4, from: '2026-11-27' }); // 12-03
  const d = await add('D 以后', '县人社局', { date: '2026-12-04' });
  const e = await add('E 已兑现待公开', '县人社局', { date: '2026-12-10' });
  await s.ok('updateCommitment', { id: e.id, patch: { status: '已兑现', evidence: '已发放' } });
  const f = await add('F 已兑现并公开', '县住建局', { date: '2026-12-10' });
  await s.ok('updateCommitment', {
    id: f.id,
    patch: { status: '已兑现', evidence: '已完成', publication: { published: true, channel: '政务微博', at: '2026-11-27 17:00' } },
  });
  s.at('2026-11-30 09:00');
  return { ...s, incident, a, b, c, d, e, f };
}

describe('the 承诺督办 board', () => {
  it('sorts open commitments into overdue, due today, due within 3 working days and later, grouped by unit', async () => {
    const { ok } = await fill();
    const board = await ok<Board>('getCommitmentBoard', {});
    expect(board.today).toBe('2026-11-30');
    expect(board.counts).toEqual({ overdue: 1, dueToday: 1, dueSoon: 1, later: 1, awaitingPublication: 1 });
    const shape = board.groups.map((g) => ({
      unit: g.unitName,
      overdue: g.overdue.map((c) => c.content[0]),
      dueToday: g.dueToday.map((c) => c.content[0]),
      dueSoon: g.dueSoon.map((c) => c.content[0]),
      later: g.later.map((c) => c.content[0]),
      awaitingPublication: g.awaitingPublication.map((c) => c.content[0]),
    }));
    // The unit with overdue items comes first.
    expect(shape).toEqual([
      { unit: '县住建局', overdue: ['A'], dueToday: ['B'], dueSoon: [], later: [], awaitingPublication: [] },
      { unit: '县人社局', overdue: [], dueToday: [], dueSoon: ['C'], later: ['D'], awaitingPublication: ['E'] },
    ]);
    expect(board.groups[0]!.overdue[0]).toMatchObject({ status: 'overdue', overdueWorkdays: 1 });
    expect(board.groups[1]!.dueSoon[0]).toMatchObject({ deadline: '2026-12-03', workdaysLeft: 3 });

    const one = await ok<Board>('getCommitmentBoard', { unit: '县人社局' });
    expect(one.groups.map((g) => g.unitName)).toEqual(['县人社局']);
  });

  it('lists what is due, overdue first, and counts the badge', async () => {
    const { ok, at } = await fill();
    const due = await ok<DueItem[]>('listDue', {});
    expect(due.map((d) => [d.content[0], d.status, d.overdueWorkdays])).toEqual([
      ['A', 'overdue', 1],
      ['B', 'pending', 0],
      ['C', 'pending', 0],
      ['D', 'pending', 0],
    ]);
    expect((await ok<DueItem[]>('listDue', { withinWorkdays: 0 })).map((d) => d.content[0])).toEqual(['A', 'B']);
    expect((await ok<DueItem[]>('listDue', { withinWorkdays: 3 })).map((d) => d.content[0])).toEqual(['A', 'B', 'C']);
    expect((await ok<DueItem[]>('listDue', { unit: '县人社局' })).map((d) => d.content[0])).toEqual(['C', 'D']);
    expect(await ok('getAttention')).toMatchObject({ overdueCommitments: 1, dueTodayCommitments: 1, badge: 2 });
    at('2026-12-05 09:00'); // Saturday: B, C, D have passed too
    expect(await ok('getAttention')).toMatchObject({ overdueCommitments: 4, dueTodayCommitments: 0, badge: 4 });
  });

  it('renders a 督办单 per unit with its overdue and due items and a signature block', async () => {
    const { ok, fail } = await fill();
    const sheet = await ok<{ html: string; title: string }>('renderSupervisionSheet', { unit: '县住建局' });
    expect(sheet.title).toBe('承诺事项督办单（县住建局）');
    expect(sheet.html).toContain('@page');
    expect(sheet.html).toContain('size: A4');
    expect(sheet.html).toContain('margin: 37mm 26mm 35mm 28mm');
    expect(sheet.html).toContain('一、已逾期事项（1项）');
    expect(sheet.html).toContain('A 逾期两个工作日');
    expect(sheet.html).toContain('逾期1个工作日');
    expect(sheet.html).toContain('今日到期');
    expect(sheet.html).toContain('承办单位负责人（签字）');
    expect(sheet.html).not.toContain('C 三个工作日内'); // another unit's
    expect(sheet.html).not.toMatch(/<script/i);
    expect((await fail('renderSupervisionSheet', { unit: '县教育局' })).message).toBe('县教育局目前没有需要督办的承诺事项');
  });

  it('escapes ledger text in the print document', async () => {
    const { ok, incident } = await fill();
    await ok('addCommitment', {
      incident: incident.id,
      content: '<img src=x onerror=alert(1)>公开"整改"结果',
      unit: '县住建局',
      promisedAt: '2026-11-27 10:00',
      deadline: { date: '2026-12-01' },
    });
    const sheet = await ok<{ html: string }>('renderSupervisionSheet', { unit: '县住建局' });
    expect(sheet.html).toContain('&lt;img src=x onerror=alert(1)&gt;公开&quot;整改&quot;结果');
    expect(sheet.html).not.toContain('<img');
  });
});
