import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSync } from '../../renderer/src/sync/store.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { must } from './seed.js';

// 设置 → 工作站名称 against the real core: a bad name is refused in Chinese and changes nothing; a good one is
// saved (and audited), and the header, 设置 and the 同步 view's own card show it at once.

let app: RenderedApp | undefined;
beforeEach(() => useSync.setState(useSync.getInitialState(), true));
afterEach(() => {
  app?.teardown();
  app = undefined;
});

const renames = (current: RenderedApp) =>
  current.ledger.db.prepare("SELECT summary FROM audit WHERE action = 'workstation.rename'").all() as { summary: string }[];

describe('设置 → 工作站名称', () => {
  it('renames this workstation: refused in Chinese when empty or too long, then shown in 设置, the header and 同步', async () => {
    app = await renderApp();
    const { user, api } = app;
    await user.click(screen.getByTestId('nav-settings'));
    expect((await screen.findByTestId('site-name')).textContent).toBe('县委网信办工作站');

    await user.click(screen.getByTestId('site-rename'));
    const input = screen.getByLabelText<HTMLInputElement>('新的工作站名称');
    expect(input.value).toBe('县委网信办工作站');
    await user.clear(input);
    await user.type(input, '   ');
    await user.click(screen.getByTestId('site-rename-save'));
    expect((await screen.findByTestId('site-rename-error')).textContent).toBe('请填写工作站名称');
    await user.clear(input);
    await user.type(input, '县'.repeat(31));
    await user.click(screen.getByTestId('site-rename-save'));
    await waitFor(() => expect(screen.getByTestId('site-rename-error').textContent).toBe('工作站名称不超过30字'));
    expect((await must(api.getAppInfo())).siteName).toBe('县委网信办工作站');
    expect(renames(app)).toEqual([]);

    await user.clear(input);
    await user.type(input, ' 县委宣传部 ');
    await user.click(screen.getByTestId('site-rename-save'));
    expect((await screen.findByTestId('site-name')).textContent).toBe('县委宣传部');
    expect(screen.queryByLabelText('新的工作站名称')).toBeNull();
    expect((await screen.findByTestId('notice')).textContent).toContain('本工作站已命名为“县委宣传部”');
    expect(within(screen.getByTestId('workstation')).getByText('县委宣传部')).toBeTruthy();
    expect((await must(api.getAppInfo())).siteName).toBe('县委宣传部');
    expect(renames(app)).toEqual([{ summary: '工作站更名：“县委网信办工作站”改为“县委宣传部”' }]);

    // Esc leaves the editor without saving.
    await user.click(screen.getByTestId('site-rename'));
    await user.type(screen.getByLabelText('新的工作站名称'), '城关镇{Escape}');
    expect(screen.getByTestId('site-name').textContent).toBe('县委宣传部');

    // The 同步 view's own card: the name shown and the card text handed to peers carry the new name.
    await user.click(screen.getByTestId('nav-sync'));
    await waitFor(() => expect(screen.getByTestId('sync-name').textContent).toBe('县委宣传部'));
    await user.click(screen.getByTestId('card-show'));
    const card = JSON.parse(screen.getByTestId<HTMLTextAreaElement>('card-text').value) as { name: string };
    expect(card.name).toBe('县委宣传部');
    expect((await must(api.getContactCard())).card.name).toBe('县委宣传部');
  });
});
