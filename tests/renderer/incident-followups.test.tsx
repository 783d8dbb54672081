import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/calendar/calendar.js';
import { addWorkdays } from '../../electron/core/calendar/workdays.js';
import type { LedgerApi } from '../../shared/contract.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { must } from './seed.js';
import { addDays, chinaDateOf } from '../../shared/china-time.js';

// The incident page's 承诺事项 panel and its 跟进 / 反馈评价 forms, against the real core: a commitment added from
// the page is listed, its fulfilment and 公开情况 let the incident close (and the core's refusal is shown until
// then), follow-ups and feedback land in the timeline, and bad input is refused in Chinese with nothing stored.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

const today = chinaDateOf(Date.now());
const monthAgo = `${addDays(today, -30)} 09:00`;

/** An incident already answered (已回应), so 办结 is one of its moves. */
async function respondedIncident(api: LedgerApi, title: string) {
  const incident = await must(
    api.createIncident({ title, platform: '微博', foundAt: monthAgo, severity: '一般', categories: ['其他'], leadUnit: '县住建局' }),
  );
  await must(api.transitionIncident({ id: incident.id, to: '处置中' }));
  await must(api.transitionIncident({ id: incident.id, to: '已回应' }));
  return incident;
}

async function openIncident(current: RenderedApp, number: string): Promise<HTMLElement> {
  const row = await screen.findByText(number, { selector: '[data-testid="incident-row"] .cell' });
  await current.user.click(row);
  const page = await screen.findByTestId('incident-page');
  await waitFor(() => expect(within(page).getByTestId('incident-number').textContent).toBe(number));
  return page;
}

const timelineTitles = (page: HTMLElement) =>
  Array.from(within(page).getByTestId('incident-timeline').querySelectorAll('.timeline-title'), (el) => el.textContent);

describe('incident page: 承诺事项', () => {
  it('adds a commitment from the page, refuses to close until it is fulfilled and published, then closes', async () => {
    let number = '';
    app = await renderApp(async ({ api }) => {
      number = (await respondedIncident(api, '某路段路灯长期不亮')).number;
    });
    const { user, api } = app;
    const page = await openIncident(app, number);
    const p = within(page);
    expect(p.getByTestId('incident-commitments').textContent).toContain('该事件尚无承诺事项');

    // 新增承诺, preset to this incident; an empty form is refused field by field and stores nothing.
    await user.click(p.getByTestId('incident-commitment-add'));
    const form = await screen.findByTestId('commitment-form');
    const f = within(form);
    expect(f.getByLabelText<HTMLInputElement>('舆情事件编号').value).toBe(number);
    expect(f.getByLabelText<HTMLInputElement>('舆情事件编号').readOnly).toBe(true);
    await user.click(f.getByTestId('commitment-submit'));
    expect((await f.findByTestId('cm-error-content')).textContent).toBe('请填写承诺内容');
    expect(await must(api.listCommitments({ incident: number }))).toEqual([]);

    await user.type(f.getByLabelText('承诺内容'), '5个工作日内修复全部路灯');
    await user.selectOptions(f.getByLabelText('责任单位'), '县住建局');
    await user.type(f.getByLabelText('天数'), '5');
    await user.click(f.getByTestId('commitment-submit'));
    await waitFor(() => expect(screen.queryByTestId('commitment-form')).toBeNull());

    // Listed on the page with its deadline in working days; the timeline has it too.
    const item = await p.findByTestId('incident-commitment');
    expect(item.dataset.number).toBe(`${number}-C1`);
    expect(item.textContent).toContain('5个工作日内修复全部路灯');
    expect(item.textContent).toContain('县住建局');
    expect(item.textContent).toContain('剩5个工作日');
    expect(item.textContent).toContain('公开情况：未记录');
    const deadline = addWorkdays(createCalendar(), today, 5);
    expect((await must(api.listCommitments({ incident: number })))[0]?.deadline).toBe(deadline);
    await waitFor(() => expect(timelineTitles(page)).toContain(`承诺 ${number}-C1：5个工作日内修复全部路灯`));
    expect(p.getByTestId('incident-closing-check').textContent).toContain('未记录公开情况');

    // 办结 now: the core refuses, naming what is missing.
    const actions = within(p.getByTestId('status-actions'));
    await user.click(actions.getByRole('button', { name: '办结' }));
    const refusal = await p.findByTestId('status-error');
    expect(refusal.textContent).toContain(`${number} 不能办结`);
    expect(refusal.textContent).toContain('尚未兑现');
    expect(refusal.textContent).toContain('未记录公开情况');
    expect((await must(api.getIncident({ id: number }))).status).toBe('responded');

    // Fulfilment and 公开情况 in the commitment's dialog, opened from the page.
    await user.click(item);
    const dialog = await screen.findByTestId('commitment-detail');
    const d = within(dialog);
    await user.selectOptions(d.getByLabelText('承诺状态'), '已兑现');
    await user.type(d.getByLabelText('兑现情况（做了什么、佐证材料）'), '已更换灯具12盏');
    await user.click(d.getByLabelText('已公开'));
    await user.type(d.getByLabelText('公开渠道'), '政务微信');
    await user.type(d.getByLabelText('公开时间'), `${addDays(today, -1)} 08:00`);
    await user.click(d.getByTestId('commitment-save'));
    await waitFor(() => expect(d.getByTestId('detail-status').textContent).toContain('已兑现'));
    // Esc closes the dialog only: the page stays.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('commitment-detail')).toBeNull());
    expect(screen.getByTestId('incident-page')).toBeTruthy();

    // The page followed: the list, the closing check and the timeline.
    await waitFor(() => expect(p.getByTestId('incident-commitment-status').textContent).toBe('已兑现'));
    expect(p.getByTestId('incident-commitment').textContent).toContain('公开情况：已公开（政务微信）');
    expect(p.getByTestId('incident-closing-check').textContent).toContain('可以办结');
    expect(timelineTitles(page)).toContain(`承诺 ${number}-C1 已兑现`);
    expect(timelineTitles(page)).toContain(`承诺 ${number}-C1 落实情况已公开（政务微信）`);

    await user.click(within(p.getByTestId('status-actions')).getByRole('button', { name: '办结' }));
    await waitFor(async () => expect((await must(api.getIncident({ id: number }))).status).toBe('closed'));
    await waitFor(() => expect(p.getByTestId('status-actions').textContent).toContain('重新打开'));
    expect(p.queryByTestId('status-error')).toBeNull();
  });
});

describe('incident page: 跟进与反馈', () => {
  it('records a follow-up tied to a commitment and a feedback entry; both appear in the timeline', async () => {
    let number = '';
    app = await renderApp(async ({ api }) => {
      number = (await respondedIncident(api, '小区供暖温度不达标')).number;
      await must(api.addCommitment({ incident: number, content: '三日内逐户测温', unit: '县住建局', promisedAt: monthAgo, deadline: { workdays: 3 } }));
    });
    const { user, api } = app;
    const page = await openIncident(app, number);
    const p = within(page);

    // 跟进: empty content is refused next to the field; nothing stored.
    await user.click(p.getByTestId('followup-open'));
    const form = await p.findByTestId('followup-form');
    const f = within(form);
    await user.click(f.getByTestId('followup-submit'));
    expect((await f.findByTestId('followup-error-content')).textContent).toBe('请填写跟进内容');
    expect(await must(api.listFollowups({ incident: number }))).toEqual([]);

    await user.click(f.getByLabelText('督办'));
    await waitFor(() => expect(f.getAllByRole('option').length).toBe(2));
    await user.selectOptions(f.getByLabelText('关联承诺'), `${number}-C1 三日内逐户测温`);
    await user.type(f.getByLabelText('跟进内容'), '已电话督促县住建局，要求周五前报送测温台账');
    await user.type(f.getByLabelText('跟进人'), '王科长');
    await user.click(f.getByTestId('followup-submit'));
    await waitFor(() => expect(p.queryByTestId('followup-form')).toBeNull());
    await waitFor(() => expect(timelineTitles(page)).toContain(`督办（承诺 ${number}-C1）`));
    const entry = p.getByTestId('incident-timeline').querySelector('[data-kind="followup"]');
    expect(entry?.textContent).toContain('已电话督促县住建局，要求周五前报送测温台账');
    expect(entry?.textContent).toContain('王科长');
    const stored = await must(api.listFollowups({ incident: number }));
    expect(stored.map((x) => [x.kind, x.actor])).toEqual([['supervise', '王科长']]);
    expect(stored[0]?.commitmentId).toBe((await must(api.getCommitment({ id: `${number}-C1` }))).id);

    // 反馈评价: neither method nor satisfaction chosen → both refused in Chinese; nothing stored.
    await user.click(p.getByTestId('feedback-open'));
    const fb = within(await p.findByTestId('feedback-form'));
    await user.type(fb.getByLabelText('反馈内容'), '居民反映室温已达标');
    await user.click(fb.getByTestId('feedback-submit'));
    expect((await fb.findByTestId('feedback-error-satisfaction')).textContent).toBe('满意度应为1到5的整数');
    expect(fb.getByTestId('feedback-error-method').textContent).toBe('请选择反馈方式');
    expect(await must(api.listFeedback({ incident: number }))).toEqual([]);

    await user.type(fb.getByLabelText('反馈方式'), '电话回访');
    await user.click(fb.getByLabelText('4 满意'));
    await user.click(fb.getByTestId('feedback-submit'));
    await waitFor(() => expect(p.queryByTestId('feedback-form')).toBeNull());
    await waitFor(() => expect(timelineTitles(page)).toContain('反馈评价（回访）：满意度 4（满意）'));
    expect(p.getByTestId('incident-timeline').querySelector('[data-kind="feedback"]')?.textContent).toContain('居民反映室温已达标');
    expect((await must(api.listFeedback({ incident: number }))).map((x) => [x.method, x.satisfaction])).toEqual([['revisit', 4]]);
    expect(p.getByTestId('incident-followups').textContent).toContain('已有跟进 1 条、反馈评价 1 条');
  });
});
