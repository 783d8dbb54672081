import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type RenderedApp, renderApp } from './render-app.js';
import { must } from './seed.js';

// 设置 → 事件编号 against the real core: a code that is not a short code is refused in Chinese; a good one is saved,
// audited and used for the next number.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

describe('设置 → 事件编号', () => {
  it('sets the workstation code; the next incident is numbered with it', async () => {
    app = await renderApp();
    const { user, api } = app;
    await user.click(screen.getByTestId('nav-settings'));
    expect((await screen.findByTestId('site-code')).textContent).toBe('未设置');
    await user.click(screen.getByTestId('site-code-edit'));
    const input = screen.getByLabelText<HTMLInputElement>('工作站代码');
    await user.type(input, '123');
    await user.click(screen.getByTestId('site-code-save'));
    expect((await screen.findByTestId('site-code-error')).textContent).toBe('工作站代码不能全是数字');
    await user.clear(input);
    await user.type(input, '宣');
    await user.click(screen.getByTestId('site-code-save'));
    expect((await screen.findByTestId('site-code')).textContent).toBe('宣');
    expect((await must(api.getAppInfo())).siteCode).toBe('宣');
    const made = await must(
      api.createIncident({ title: '某小区供暖不热', platform: '微博', foundAt: '2026-11-27 09:30', severity: '一般', categories: ['其他'] }),
    );
    expect(made.number).toMatch(/^YQ-2026-宣-0001$/);
  });

  it('设置 → 审计 checks the chains and says they are sound', async () => {
    app = await renderApp();
    const { user } = app;
    await user.click(screen.getByTestId('nav-settings'));
    await user.click(await screen.findByTestId('settings-tab-audit'));
    await user.click(await screen.findByTestId('audit-run'));
    expect((await screen.findByTestId('audit-report')).textContent).toContain('全部完好');
  });
});
