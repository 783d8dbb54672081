import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract.js';
import { type RenderedApp, renderApp } from './render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

describe('app shell', () => {
  it('window.ledger in these tests offers exactly the contract methods and onProgress, like the preload', async () => {
    app = await renderApp();
    expect(Object.keys(app.api).sort()).toEqual([...METHOD_NAMES, 'onProgress'].sort());
  });

  it('shows the navigation, the workstation name, and switches views', async () => {
    app = await renderApp(undefined, { startOn: 'launch' });
    const { user } = app;
    const nav = screen.getByRole('navigation', { name: '主导航' });
    const items = within(nav).getAllByRole('button').map((b) => b.textContent);
    expect(items).toEqual(['工作台', '舆情台账', '承诺督办', '周报', '同步', '设置']);

    // The workstation name comes from getAppInfo.
    expect(await screen.findByText('县委网信办工作站')).toBeTruthy();

    // Opens on 工作台: today's work first.
    expect(within(nav).getByRole('button', { name: '工作台' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByTestId('dashboard-triage')).toBeTruthy();
    expect(screen.queryByTestId('incident-table')).toBeNull();
    await user.click(within(nav).getByRole('button', { name: '舆情台账' }));
    expect(await screen.findByText('共 0 条')).toBeTruthy();
    expect(screen.getByTestId('ledger-empty').textContent).toContain('暂无舆情事件');

    await user.click(within(nav).getByRole('button', { name: '承诺督办' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('承诺督办');
    expect(await screen.findByTestId('commitment-board')).toBeTruthy();
    expect(screen.queryByTestId('incident-table')).toBeNull();
    expect(within(nav).getByRole('button', { name: '承诺督办' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('button', { name: '舆情台账' }).getAttribute('aria-current')).toBeNull();

    // 工作台 is real now: its panels come from getDashboard.
    await user.click(within(nav).getByRole('button', { name: '工作台' }));
    expect(await screen.findByTestId('dashboard-triage')).toBeTruthy();
    expect(screen.getByTestId('triage-count').textContent).toBe('0 件');

    // 周报 is real now (tests/renderer/digest.test.tsx).
    await user.click(within(nav).getByRole('button', { name: '周报' }));
    expect(await screen.findByTestId('digest-view')).toBeTruthy();

    // 同步 is real now (tests/renderer/sync.test.tsx).
    await user.click(within(nav).getByRole('button', { name: '同步' }));
    expect(await screen.findByTestId('sync-view')).toBeTruthy();

    // 设置 shows what is real today: this workstation's identity from getAppInfo (its id one click away).
    await user.click(within(nav).getByRole('button', { name: '设置' }));
    expect(screen.getByText(app.ledger.siteId)).toBeTruthy();
    expect(screen.getByText(app.ledger.siteId).closest('details')?.open).toBe(false);
    expect(screen.getAllByTestId(/^settings-tab-/).map((tab) => tab.textContent)).toEqual([
      '本工作站', '报告版头', '敏感类别', '回应时限', '乡镇（街道）', '单位', '节假日调休', '备份与恢复', '审计', '人员',
    ]);

    await user.click(within(nav).getByRole('button', { name: '舆情台账' }));
    expect(await screen.findByTestId('ledger-empty')).toBeTruthy();
  });

  it('N opens the 登记 form when not typing, and Escape closes it', async () => {
    app = await renderApp();
    const { user } = app;
    await screen.findByText('共 0 条');
    await user.click(screen.getByRole('button', { name: '周报' }));

    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: '登记舆情事件' });
    // N takes you to the ledger too, so the new incident is seen once registered.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('舆情台账');

    // Typing n into a field is just typing.
    const title = within(dialog).getByLabelText('标题');
    expect(document.activeElement).toBe(title);
    await user.type(title, 'n');
    expect(title).toHaveProperty('value', 'n');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);

    // Something was typed, so Escape asks first (on the page); 放弃填写 closes.
    await user.keyboard('{Escape}');
    expect(within(dialog).getByTestId('discard-question')).toBeTruthy();
    await user.click(within(dialog).getByTestId('discard-confirm'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
