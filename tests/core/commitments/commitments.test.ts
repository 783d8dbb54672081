import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../shared/api/commitments.js';
import { footprint } from '../../helpers/temp.js';
import { respondedIncident, setupLedger } from './setup.js';

const commitment = (incident: string, extra: Record<string, unknown> = {}) => ({
  incident,
  content: '3日内完成供热管网检修，室温达到18度',
  unit: '县住建局',
  person: '李强',
  promisedAt: '2026-11-27 10:00',
  deadline: { workdays: 3 },
  ...extra,
});

describe('commitments', () => {
  it('computes the deadline in working days from the day after the start, and numbers commitments per incident', async () => {
    const { ok } = setupLedger();
    const incident = await respondedIncident(ok);
    // Friday 11-27 + 3 working days: Mon 11-30, Tue 12-01, Wed 12-02.
    const c = await ok<Commitment>('addCommitment', commitment(incident.id));
    expect(c).toMatchObject({
      number: `${incident.number}-C1`,
      incidentNumber: incident.number,
      unitId: 'u-zjj',
      unitName: '县住建局',
      person: '李强',
      deadline: '2026-12-02',
      deadlineSpec: { kind: 'workdays', n: 3, from: '2026-11-27' },
      calendarVerified: true,
      deadlineNonWorkday: null,
      status: 'pending',
      recordedStatus: 'pending',
      publication: { state: 'unrecorded' },
      check: null,
      workdaysLeft: 3,
      overdueWorkdays: 0,
    });
    const second = await ok<Commitment>('addCommitment', commitment(incident.number, { deadline: { days: 8, from: '2026-11-20' } }));
    // 8 自然日 from 11-20 end on Saturday 11-28, a day off: the period runs to Monday 11-30 (民法典 第二百零三条).
    expect(second).toMatchObject({
      number: `${incident.number}-C2`,
      deadline: '2026-11-30',
      deadlineNonWorkday: null,
      deadlineMovedFrom: { date: '2026-11-28', name: '星期六' },
    });
    const dated = await ok<Commitment>('addCommitment', commitment(incident.number, { deadline: { date: '2026-11-28' } }));
    expect(dated).toMatchObject({ deadline: '2026-11-28', deadlineNonWorkday: '星期六', deadlineMovedFrom: null });
    const listed = await ok<Commitment[]>('listCommitments', { incident: incident.number });
    expect(listed.map((x) => x.number)).toEqual([`${incident.number}-C1`, `${incident.number}-C2`, `${incident.number}-C3`]);
  });

  it('flags a deadline in 2027 as unverified until the office enters 2027, then recomputes it', async () => {
    const { ok, ledger, at } = setupLedger();
    const incident = await respondedIncident(ok);
    at('2026-12-20 10:00');
    const c = await ok<Commitment>('addCommitment', commitment(incident.id, { promisedAt: '2026-12-18 10:00', deadline: { workdays: 10 } }));
    // Without 2027 data, Friday 2027-01-01 counts as a working day.
    expect(c).toMatchObject({ deadline: '2027-01-01', calendarVerified: false });
    const preview = await ok('previewDeadline', { deadline: { workdays: 10, from: '2026-12-18' } });
    expect(preview).toEqual({ date: '2027-01-01', verified: false, nonWorkday: null, movedFrom: null });

    const set = await ok<{ recomputed: number }>('setCalendarOverride', { date: '2027-01-01', work: false, name: '元旦' });
    expect(set.recomputed).toBe(1);
    const after = await ok<Commitment>('getCommitment', { id: c.number });
    expect(after).toMatchObject({ deadline: '2027-01-04', calendarVerified: true });
    expect(await ok('listCalendarOverrides', { year: 2027 })).toEqual([{ date: '2027-01-01', work: false, name: '元旦' }]);
    // The recomputation went through the mutation path: it is in the audit log and the chain holds.
    const audit = ledger.db.prepare("SELECT summary FROM audit WHERE action = 'commitment.recompute'").all() as { summary: string }[];
    expect(audit[0]?.summary).toContain('2027年1月1日 → 2027年1月4日');
    expect(await ok('verifyAudit')).toMatchObject({ ok: true });

    const removed = await ok<{ recomputed: number }>('deleteCalendarOverride', { date: '2027-01-01' });
    expect(removed.recomputed).toBe(1);
    expect(await ok<Commitment>('getCommitment', { id: c.id })).toMatchObject({ deadline: '2027-01-01', calendarVerified: false });
  });

  it('derives 逾期 from the date; it cannot be set by hand', async () => {
    const { ok, fail, at } = setupLedger();
    const incident = await respondedIncident(ok);
    const c = await ok<Commitment>('addCommitment', commitment(incident.id));
    at('2026-12-02 23:59');
    expect(await ok<Commitment>('getCommitment', { id: c.id })).toMatchObject({ status: 'pending', workdaysLeft: 0 });
    at('2026-12-03 00:00');
    expect(await ok<Commitment>('getCommitment', { id: c.id })).toMatchObject({ status: 'overdue', recordedStatus: 'pending', overdueWorkdays: 1 });
    at('2026-12-07 09:00'); // Thu, Fri, Mon
    expect(await ok<Commitment>('getCommitment', { id: c.id })).toMatchObject({ overdueWorkdays: 3 });
    const refused = await fail('updateCommitment', { id: c.id, patch: { status: '逾期' } });
    expect(refused.fields).toEqual([{ path: 'patch.status', message: '“逾期”由期限自动判定，不能手工设置' }]);
    const progressing = await ok<Commitment>('updateCommitment', { id: c.id, patch: { status: '推进中' } });
    expect(progressing).toMatchObject({ status: 'overdue', recordedStatus: 'in_progress' });
  });

  it('needs evidence to be 已兑现 and a reason to be 无法兑现; refused edits write nothing', async () => {
    const { ok, fail, ledger } = setupLedger();
    const incident = await respondedIncident(ok);
    const c = await ok<Commitment>('addCommitment', commitment(incident.id));
    const before = footprint(ledger);
    expect((await fail('updateCommitment', { id: c.id, patch: { status: '已兑现' } })).fields?.[0]?.path).toBe('evidence');
    expect((await fail('updateCommitment', { id: c.id, patch: { status: '无法兑现' } })).fields?.[0]?.path).toBe('statusReason');
    expect((await fail('updateCommitment', { id: c.id, patch: { publication: { published: true } } })).fields?.map((f) => f.path)).toEqual([
      'patch.publication.channel',
      'patch.publication.at',
    ]);
    expect((await fail('addCommitment', commitment(incident.id, { deadline: { workdays: 3, days: 2 } }))).message).toContain('期限应三选一');
    expect((await fail('addCommitment', commitment(incident.id, { deadline: { date: '2026-02-30' } }))).message).toContain('期限日期格式');
    expect((await fail('addCommitment', commitment(incident.id, { deadline: { date: '2026-11-01' } }))).message).toContain('期限不能早于承诺日期');
    expect((await fail('addCommitment', commitment(incident.id, { unit: '不存在的局' }))).message).toContain('没有名为“不存在的局”的单位');
    expect(footprint(ledger)).toEqual(before);

    const done = await ok<Commitment>('updateCommitment', {
      id: c.id,
      patch: { status: '已兑现', evidence: '管网已检修，回访测温18.5度', fulfilledAt: '2026-11-27 16:00' },
    });
    expect(done).toMatchObject({ status: 'fulfilled', fulfilledAt: '2026-11-27T08:00:00.000Z', workdaysLeft: null });
  });

  it('keeps follow-ups and feedback as append-only rows in the incident timeline', async () => {
    const { ok, fail } = setupLedger();
    const incident = await respondedIncident(ok);
    const c = await ok<Commitment>('addCommitment', commitment(incident.id));
    await ok('addFollowup', { commitment: c.number, kind: '督办', actor: '王敏', content: '电话督促住建局加快检修' });
    await ok('addFollowup', { incident: incident.number, kind: '舆情反弹', at: '2026-11-27 09:00', content: '微博再现相关帖文' });
    const fb = await ok('addFeedback', { incident: incident.id, method: '回访', satisfaction: 4, note: '居民表示基本满意' });
    expect(fb).toMatchObject({ method: 'revisit', satisfaction: 4 });
    expect((await fail('addFeedback', { incident: incident.id, method: '回访', satisfaction: 6 })).fields?.[0]).toEqual({
      path: 'satisfaction',
      message: '满意度应为1到5的整数',
    });
    expect((await fail('addFollowup', { kind: '进展', content: 'x' })).message).toContain('请指定舆情事件或承诺');
    const followups = await ok<{ kind: string; commitmentId: string | null }[]>('listFollowups', { incident: incident.id });
    expect(followups.map((f) => f.kind)).toEqual(['rebound', 'supervise']);
    expect(await ok<unknown[]>('listFollowups', { commitment: c.id })).toHaveLength(1);
    expect(await ok<unknown[]>('listFeedback', { incident: incident.id })).toHaveLength(1);
    const timeline = await ok<{ kind: string; title: string }[]>('getIncidentTimeline', { id: incident.id });
    const ours = timeline.filter((e) => ['commitment', 'followup', 'feedback'].includes(e.kind)).map((e) => e.title);
    expect(ours).toEqual([
      '舆情反弹',
      `承诺 ${c.number}：3日内完成供热管网检修，室温达到18度`,
      `督办（承诺 ${c.number}）`,
      '反馈评价（回访）：满意度 4（满意）',
    ]);
  });
});

describe('times before the incident was found', () => {
  it('refuses a commitment or a response dated before 发现时间, with one clear line, and writes nothing', async () => {
    const { ok, fail } = setupLedger();
    const incident = await respondedIncident(ok); // found 2026-11-26 09:30
    const early = await fail('addCommitment', commitment(incident.id, { promisedAt: '2026-11-25 10:00' }));
    expect(early.message).toBe('输入有误：承诺时间（2026年11月25日 10:00）早于该舆情的发现时间（2026年11月26日 09:30），请核对');
    expect(early.fields?.map((f) => f.path)).toEqual(['promisedAt']);
    const response = await fail('addResponse', {
      incident: incident.id,
      at: '2026-11-26 09:00',
      method: '情况通报',
      channel: '政务微博',
      content: '已介入调查',
      unit: '县住建局',
    });
    expect(response.message).toContain('回应时间（2026年11月26日 09:00）早于该舆情的发现时间');
    expect(await ok<Commitment[]>('listCommitments', { incident: incident.id })).toEqual([]);
    const made = await ok<Commitment>('addCommitment', commitment(incident.id));
    const moved = await fail('updateCommitment', { id: made.id, patch: { promisedAt: '2026-11-20 08:00' } });
    expect(moved.message).toContain('承诺时间（2026年11月20日 08:00）早于该舆情的发现时间');
  });
});

describe('the closing rule', () => {
  it('refuses 已办结 while a commitment is open or unpublished, listing what is missing', async () => {
    const { ok, fail } = setupLedger();
    const incident = await respondedIncident(ok);
    const first = await ok<Commitment>('addCommitment', commitment(incident.id));
    const second = await ok<Commitment>('addCommitment', commitment(incident.id, { content: '一周内公布物业整改结果', deadline: { days: 7 } }));
    const refused = await fail('transitionIncident', { id: incident.id, to: '已办结' });
    expect(refused.code).toBe('invalid_transition');
    expect(refused.message).toContain(`${incident.number} 不能办结`);
    expect(refused.message).toContain(`${first.number}“3日内完成供热管网检修，室温达到18度”：尚未兑现（未到期）、未记录公开情况`);
    expect(refused.message).toContain(`${second.number}`);

    await ok('updateCommitment', { id: first.id, patch: { status: '已兑现', evidence: '检修完成' } });
    await ok('updateCommitment', { id: second.id, patch: { status: '无法兑现', statusReason: '物业公司已破产，改由街道托管' } });
    const stillMissing = await ok<{ canClose: boolean; missing: string[] }>('getClosingCheck', { incident: incident.id });
    expect(stillMissing.canClose).toBe(false);
    expect(stillMissing.missing).toEqual([
      `${first.number}“3日内完成供热管网检修，室温达到18度”：未记录公开情况`,
      `${second.number}“一周内公布物业整改结果”：未记录公开情况`,
    ]);

    await ok('updateCommitment', {
      id: first.id,
      patch: { publication: { published: true, channel: '政府网站', at: '2026-11-27 17:00', url: 'https://www.example.gov.cn/gk/1' } },
    });
    await ok('updateCommitment', { id: second.id, patch: { publication: { published: false, note: '涉及企业破产清算，暂不公开' } } });
    expect(await ok('getClosingCheck', { incident: incident.id })).toEqual({ canClose: true, missing: [] });
    expect(await ok('transitionIncident', { id: incident.id, to: '已办结' })).toMatchObject({ status: 'closed' });

    // A closed incident's commitments are frozen until it is reopened.
    expect((await fail('updateCommitment', { id: first.id, patch: { status: '推进中' } })).message).toContain('请先将事件改回“跟踪落实”');
    expect((await fail('addCommitment', commitment(incident.id))).code).toBe('invalid_transition');
  });

  it('lets an incident without commitments close as before', async () => {
    const { ok } = setupLedger();
    const incident = await respondedIncident(ok);
    expect(await ok('transitionIncident', { id: incident.id, to: '已办结' })).toMatchObject({ status: 'closed' });
  });
});
