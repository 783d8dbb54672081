import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/calendar/calendar.js';
import { addWorkdays } from '../../electron/core/calendar/workdays.js';
import type { LedgerApi } from '../../shared/contract.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { must } from './seed.js';
import { addDays, chinaDateOf } from '../../shared/china-time.js';

// The 承诺督办 board against the real core: commitments sorted into overdue / due today / within 3 working days /
// later per unit, the detail dialog recording fulfilment and 公开情况, the badge, and the 督办单 preview.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

const today = chinaDateOf(Date.now());
const calendar = createCalendar();
const monthAgo = `${addDays(today, -30)} 09:00`;

async function fill(api: LedgerApi) {
  const incident = await must(
    api.createIncident({
      title: '某小区供暖温度不达标',
      platform: '微博',
      foundAt: monthAgo,
      severity: '较大',
      categories: ['困难群众生活'],
      leadUnit: '县住建局',
    }),
  );
  await must(api.transitionIncident({ id: incident.id, to: '处置中' }));
  await must(api.transitionIncident({ id: incident.id, to: '已回应' }));
  const add = (content: string, unit: string, date: string) =>
    must(api.addCommitment({ incident: incident.id, content, unit, promisedAt: monthAgo, deadline: { date } }));
  await add('逾期的承诺', '县住建局', addDays(today, -2));
  await add('今日到期的承诺', '县住建局', today);
  await add('即将到期的承诺', '县人社局', addWorkdays(calendar, today, 2));
  await add('以后到期的承诺', '县人社局', addWorkdays(calendar, today, 10));
  return incident;
}

const texts = (root: HTMLElement, bucket: string) =>
  Array.from(within(root).getByTestId(`bucket-${bucket}`).querySelectorAll('[data-testid="commitment-card"]'), (card) =>
    card.querySelector('.cm-card-content')?.textContent,
  );

describe('承诺督办 board', () => {
  it('says 逾期 in the 状态 choices of an overdue commitment, as the line above does', async () => {
    app = await renderApp(async ({ api }) => {
      await fill(api);
    });
    await app.user.click(screen.getByTestId('nav-commitments'));
    await app.user.click(await screen.findByText('逾期的承诺'));
    const dialog = await screen.findByTestId('commitment-detail');
    expect(within(dialog).getByTestId('detail-status').textContent).toContain('逾期');
    const select = within(dialog).getByLabelText<HTMLSelectElement>('承诺状态');
    expect(select.selectedOptions[0]?.textContent).toBe('逾期（尚未开始）');
    expect(Array.from(select.options, (o) => o.textContent)).not.toContain('未到期');
  });

  it('groups open commitments by unit and deadline, and counts the badge', async () => {
    app = await renderApp(async ({ api }) => {
      await fill(api);
    });
    const { user } = app;
    expect((await screen.findByTestId('nav-commitments-badge')).textContent).toBe('2');
    await user.click(screen.getByTestId('nav-commitments'));
    await screen.findAllByTestId('commitment-unit');
    const units = screen.getAllByTestId('commitment-unit');
    expect(units.map((u) => u.getAttribute('data-unit'))).toEqual(['县住建局', '县人社局']);
    expect(texts(units[0]!, 'overdue')).toEqual(['逾期的承诺']);
    expect(texts(units[0]!, 'dueToday')).toEqual(['今日到期的承诺']);
    expect(texts(units[1]!, 'dueSoon')).toEqual(['即将到期的承诺']);
    expect(texts(units[1]!, 'later')).toEqual(['以后到期的承诺']);
    // A unit with nothing in a column shows no column at all (no row of 无): 县人社局 has nothing overdue or due today.
    expect(within(units[1]!).queryByTestId('bucket-overdue')).toBeNull();
    expect(within(units[1]!).queryByTestId('bucket-dueToday')).toBeNull();
    expect(units[1]!.textContent).not.toContain('无');
    expect(screen.getByTestId('board-counts').textContent).toContain('已逾期 1');

    // Filtering by unit shows that unit only.
    await user.selectOptions(screen.getByTestId('board-unit'), '县人社局');
    await waitFor(() => expect(screen.getAllByTestId('commitment-unit').map((u) => u.getAttribute('data-unit'))).toEqual(['县人社局']));
  });

  it('records fulfilment and 公开情况 in the detail dialog, showing Chinese errors, then offers to close the incident', async () => {
    let number = '';
    app = await renderApp(async ({ api }) => {
      const incident = await must(
        api.createIncident({ title: '路灯不亮', platform: '微信', foundAt: monthAgo, severity: '一般', categories: ['其他'], leadUnit: '县住建局' }),
      );
      number = incident.number;
      await must(api.transitionIncident({ id: incident.id, to: '处置中' }));
      await must(api.transitionIncident({ id: incident.id, to: '已回应' }));
      await must(api.addCommitment({ incident: incident.id, content: '修复路灯', unit: '县住建局', promisedAt: monthAgo, deadline: { date: today } }));
    });
    const { user } = app;
    await user.click(screen.getByTestId('nav-commitments'));
    await user.click(await screen.findByText('修复路灯'));
    const dialog = await screen.findByTestId('commitment-detail');
    expect((await within(dialog).findByTestId('closing-check')).textContent).toContain('尚未兑现');

    // 兑现时间 is asked: choosing 已兑现 offers today, which the person can change to the date the evidence gives.
    expect(within(dialog).getByLabelText<HTMLInputElement>('兑现时间').value).toBe('');
    await user.selectOptions(within(dialog).getByLabelText('承诺状态'), '已兑现');
    expect(within(dialog).getByLabelText<HTMLInputElement>('兑现时间').value.startsWith(today)).toBe(true);
    await user.click(within(dialog).getByTestId('commitment-save'));
    expect((await within(dialog).findByTestId('cm-error-evidence')).textContent).toContain('需填写兑现情况');

    await user.type(within(dialog).getByLabelText('兑现情况（做了什么、佐证材料）'), '已更换灯具12盏');
    await user.click(within(dialog).getByLabelText('已公开'));
    // 已公开 without a channel: the refusal sits beside the channel, and no field path reaches the person.
    await user.click(within(dialog).getByTestId('commitment-save'));
    expect(await within(dialog).findByTestId('cm-error-channel')).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/patch|publication/);
    await user.type(within(dialog).getByLabelText('公开渠道'), '微信');
    await user.type(within(dialog).getByLabelText('公开时间'), `${addDays(today, -1)} 08:00`);
    await user.click(within(dialog).getByTestId('commitment-save'));
    await waitFor(() => expect(within(dialog).getByTestId('detail-status').textContent).toContain('已兑现'));
    expect((await within(dialog).findByTestId('closing-check')).textContent).toContain('可以办结');

    await user.click(within(dialog).getByTestId('incident-close'));
    await waitFor(() => expect(within(dialog).getByTestId('closing-check').textContent).toContain(`${number} 已办结`));
    const stored = await must(app.api.getIncident({ id: number }));
    expect(stored.status).toBe('closed');
  });

  it('adds a commitment from the board, previewing the computed deadline', async () => {
    let number = '';
    app = await renderApp(async ({ api }) => {
      number = (await fill(api)).number;
    });
    const { user } = app;
    await user.click(screen.getByTestId('nav-commitments'));
    await user.click(await screen.findByTestId('commitment-add'));
    const form = await screen.findByTestId('commitment-form');
    // Required fields are marked, as in the 登记 form.
    const required = Array.from(form.querySelectorAll('.field-required > .field-label'), (l) => l.textContent);
    expect(required).toEqual(expect.arrayContaining(['舆情事件编号', '承诺内容', '责任单位']));
    expect(required).not.toContain('责任人');
    await user.click(within(form).getByTestId('commitment-submit'));
    expect((await within(form).findByTestId('cm-error-content')).textContent).toContain('请填写承诺内容');
    await user.type(within(form).getByLabelText('舆情事件编号'), number);
    await user.type(within(form).getByLabelText('承诺内容'), '五个工作日内公布检测结果');
    await user.selectOptions(within(form).getByLabelText('责任单位'), '县市场监管局');
    await user.type(within(form).getByLabelText('天数'), '5');
    const expected = addWorkdays(calendar, today, 5);
    await waitFor(() => expect(within(form).getByTestId('deadline-preview').textContent).toContain(`期限：${expected}`));
    await user.click(within(form).getByTestId('commitment-submit'));
    await waitFor(() => expect(screen.queryByTestId('commitment-form')).toBeNull());
    const unit = (await screen.findAllByTestId('commitment-unit')).find((u) => u.getAttribute('data-unit') === '县市场监管局');
    expect(unit).toBeTruthy();
    expect(within(unit!).getByText('五个工作日内公布检测结果')).toBeTruthy();
  });

  it('previews a unit’s 督办单 in a sandboxed frame', async () => {
    app = await renderApp(async ({ api }) => {
      await fill(api);
    });
    const { user } = app;
    await user.click(screen.getByTestId('nav-commitments'));
    const units = await screen.findAllByTestId('commitment-unit');
    await user.click(within(units[0]!).getByTestId('sheet-open'));
    const frame = await screen.findByTestId('sheet-frame');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('承诺事项督办单');
    expect(frame.getAttribute('srcdoc')).toContain('逾期的承诺');
    expect(screen.getByTestId('sheet-preview').textContent).toContain('承诺事项督办单（县住建局）');
  });
});
