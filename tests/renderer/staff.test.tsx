import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type RenderedApp, renderApp } from './render-app.js';
import { toggleFilterValues } from './filter-choices.js';
import { addIncident, must } from './seed.js';

// Who is at the keyboard (issue 11.4), against the real core: the chooser before work, the header's 切换, and
// 设置 → 人员. What the chosen person then writes is named after them.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

describe('the person at the keyboard', () => {
  it('asks nobody when the workstation has no staff', async () => {
    app = await renderApp();
    await screen.findByTestId('workstation');
    await waitFor(() => expect(screen.queryByTestId('at-keyboard')).toBeNull());
    expect(screen.queryByTestId('staff-chooser')).toBeNull();
  });

  it('asks for a name before work; the choice names what is registered and is remembered', async () => {
    app = await renderApp(async ({ api }) => {
      await must(api.addStaff({ name: '张三', post: '科员' }));
      await must(api.addStaff({ name: '李四', post: '值班员' }));
      await must(api.addStaff({ name: '王五' }));
      await must(api.deactivateStaff({ name: '王五' }));
    });
    const { user, api } = app;
    const chooser = await screen.findByTestId('staff-chooser');
    // Only active staff are offered, and there is no way past the chooser without choosing.
    expect(within(chooser).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['我是张三', '我是李四']);
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('staff-chooser')).toBeTruthy();
    await user.click(within(chooser).getByRole('button', { name: '我是李四' }));
    await waitFor(() => expect(screen.queryByTestId('staff-chooser')).toBeNull());
    expect(screen.getByTestId('at-keyboard-name').textContent).toBe('李四');
    expect((await must(api.listStaff())).current).toBe('李四');
    const made = await addIncident(app, { title: '某小区供暖不热' });
    expect((await must(api.getIncident({ id: made.id }))).registrar).toBe('李四');

    // 切换: the chooser again, closable, and the next choice replaces the last.
    await user.click(screen.getByTestId('staff-switch'));
    const again = await screen.findByTestId('staff-chooser');
    await user.click(within(again).getByRole('button', { name: '取消' }));
    expect(screen.queryByTestId('staff-chooser')).toBeNull();
    await user.click(screen.getByTestId('staff-switch'));
    await user.click(await screen.findByRole('button', { name: '我是张三' }));
    await waitFor(() => expect(screen.getByTestId('at-keyboard-name').textContent).toBe('张三'));
    expect((await must(api.listStaff())).current).toBe('张三');
  });
});

describe('设置 → 人员', () => {
  it('adds staff with 姓名 and 岗位, refuses a name already there, and deactivates', async () => {
    app = await renderApp(undefined, { startOn: 'settings' });
    const { user, api } = app;
    await user.click(await screen.findByTestId('settings-tab-staff'));
    expect((await screen.findByTestId('staff-empty')).textContent).toContain('尚未添加人员');
    const name = screen.getByLabelText('姓名');
    await user.click(screen.getByRole('button', { name: '添加人员' }));
    expect((await screen.findByTestId('staff-error-name')).textContent).toBe('请填写姓名');
    expect((await must(api.listStaff())).staff).toEqual([]);
    await user.type(name, '张三');
    await user.type(screen.getByLabelText('岗位'), '科员');
    await user.click(screen.getByRole('button', { name: '添加人员' }));
    expect((await screen.findByTestId('staff-张三')).textContent).toContain('科员');
    // The first person added is asked for, since now the workstation has staff and nobody is chosen.
    await user.click(await screen.findByRole('button', { name: '我是张三' }));
    await user.type(name, '张三');
    await user.click(screen.getByRole('button', { name: '添加人员' }));
    expect((await screen.findByTestId('staff-error-name')).textContent).toBe('已有同名人员');
    expect((await must(api.listStaff())).staff.map((m) => m.name)).toEqual(['张三']);
    await user.click(screen.getByRole('button', { name: '停用 张三' }));
    await waitFor(() => expect(screen.getByTestId('staff-张三').textContent).toContain('已停用'));
    const after = await must(api.listStaff());
    expect(after.staff[0]!.active).toBe(false);
    expect(after.current).toBe('');
  });
});

describe('筛选方案 of the person at the keyboard', () => {
  it('saves a view as the person’s own or 共享给本办; the list shows mine and the office’s, and changes on 切换', async () => {
    app = await renderApp(async (installed) => {
      await must(installed.api.addStaff({ name: '张三' }));
      await must(installed.api.addStaff({ name: '李四' }));
      await must(installed.api.chooseStaff({ name: '张三' }));
      await addIncident(installed, { title: '某小区供暖不热', severity: '重大' });
    });
    const { user, api } = app;
    await toggleFilterValues(user, '等级', ['重大']);
    const views = screen.getByTestId('saved-views');
    await user.click(within(views).getByRole('button', { name: '保存为方案' }));
    await user.type(within(views).getByLabelText('方案名称'), '我的重大{Enter}');
    await waitFor(() => expect(within(views).getByRole('option', { name: '我的重大' })).toBeTruthy());
    await user.click(within(views).getByRole('button', { name: '保存为方案' }));
    await user.type(within(views).getByLabelText('方案名称'), '本办重大');
    await user.click(within(views).getByTestId('saved-view-share'));
    await user.click(within(views).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(views).getByRole('option', { name: '本办重大' })).toBeTruthy());
    const groups = () => within(views).queryAllByRole('group').map((g) => [g.getAttribute('label'), within(g).getAllByRole('option').map((o) => o.textContent)]);
    expect(groups()).toEqual([
      ['我的方案', ['我的重大']],
      ['本办共享', ['本办重大']],
    ]);
    expect((await must(api.listSavedViews())).map((v) => [v.name, v.shared, v.owner])).toEqual([
      ['我的重大', false, '张三'],
      ['本办重大', true, ''],
    ]);

    await user.click(screen.getByTestId('staff-switch'));
    await user.click(await screen.findByRole('button', { name: '我是李四' }));
    await waitFor(() => expect(groups()).toEqual([['本办共享', ['本办重大']]]));
  });
});

describe('回应人 on the incident page', () => {
  it('defaults to the person at the keyboard, is shown on the response and names them in the timeline', async () => {
    app = await renderApp(async (installed) => {
      await must(installed.api.addStaff({ name: '张三' }));
      await must(installed.api.chooseStaff({ name: '张三' }));
      await addIncident(installed, { title: '某小区供暖不热', severity: '较大', leadUnit: '县住建局' });
    });
    const { user } = app;
    await user.click(await screen.findByText('YQ-2026-0001', { selector: '[data-testid="incident-row"] .cell' }));
    const p = within(await screen.findByTestId('incident-page'));
    await user.click(await p.findByTestId('response-open'));
    const f = within(await p.findByTestId('response-form'));
    expect(f.getByLabelText<HTMLInputElement>('回应人').value).toBe('张三');
    await user.type(f.getByLabelText('回应方式'), '情况通报');
    await user.type(f.getByLabelText('发布渠道'), '政务微博');
    await user.type(f.getByLabelText('回应内容'), '县住建局已约谈供热公司。');
    await user.click(f.getByTestId('response-submit'));
    expect((await p.findByTestId('response-responder')).textContent).toBe('回应人 张三');
    await waitFor(() => expect(p.getByTestId('incident-timeline').textContent).toContain('县住建局 · 张三'));
  });
});
