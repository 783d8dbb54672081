import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type RenderedApp, renderApp } from './render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

describe('category suggestions in the 登记 form', () => {
  it('suggests from the title and summary, applies nothing by itself, and selects the category when accepted', async () => {
    app = await renderApp();
    const { user } = app;
    await screen.findByText('共 0 条');
    await user.click(screen.getByTestId('register-open'));
    const form = await screen.findByTestId('register-form');
    const f = within(form);
    const wages = f.getByLabelText<HTMLInputElement>('工资拖欠');

    expect(f.queryByTestId('category-suggestions')).toBeNull();
    await user.type(f.getByLabelText('标题'), '某工地拖欠农民工工资');
    const chip = await f.findByTestId('suggest-wages');
    // Why it is suggested: the keywords found, longest first.
    expect(f.getByTestId('category-suggestions').textContent).toContain('建议：');
    expect(chip.textContent).toContain('欠薪（农民工、拖欠、工资）');
    expect(wages.checked).toBe(false);

    // The summary adds another suggestion.
    await user.type(f.getByLabelText('摘要'), '工人冬季宿舍不供暖');
    expect(await f.findByTestId('suggest-hardship')).toBeTruthy();
    expect(wages.checked).toBe(false);

    await user.click(chip);
    expect(wages.checked).toBe(true);
    // An accepted suggestion is no longer offered; the other one still is, still not applied.
    expect(f.queryByTestId('suggest-wages')).toBeNull();
    expect(f.getByLabelText<HTMLInputElement>('困难群众生活').checked).toBe(false);

    await user.type(f.getByLabelText('首发平台'), '抖音');
    await user.click(f.getByLabelText('较大'));
    await user.click(f.getByTestId('register-submit'));
    await waitFor(() => expect(screen.queryByTestId('register-form')).toBeNull());
    const page = await app.api.listIncidents({});
    expect(page.ok && page.value.rows[0]?.categories).toEqual(['wages']);
  });

  it('uses keywords edited in 设置', async () => {
    app = await renderApp();
    const { user } = app;
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.click(screen.getByTestId('settings-tab-categories'));
    const row = await screen.findByTestId('category-realestate');
    await user.type(within(row).getByLabelText('房地产金融添加关键词'), '车位{Enter}');
    await waitFor(() => expect(within(row).getByText('车位')).toBeTruthy());
    const stored = await app.api.getReference();
    expect(stored.ok && stored.value.categories.find((c) => c.code === 'realestate')?.keywords).toContain('车位');

    // Removing a keyword saves at once too.
    await user.click(within(row).getByRole('button', { name: '删除关键词“烂尾”' }));
    await waitFor(() => expect(within(row).queryByText('烂尾')).toBeNull());

    await user.click(screen.getByRole('button', { name: '舆情台账' }));
    await user.click(await screen.findByTestId('register-open'));
    const form = await screen.findByTestId('register-form');
    await user.type(within(form).getByLabelText('标题'), '小区车位只售不租');
    expect((await within(form).findByTestId('suggest-realestate')).textContent).toContain('房地产（车位）');
  });

  it('adds an office category; built-in ones offer no delete', async () => {
    app = await renderApp();
    const { user } = app;
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.click(screen.getByTestId('settings-tab-categories'));
    const editor = await screen.findByTestId('category-editor');
    expect(within(screen.getByTestId('category-wages')).queryByRole('button', { name: '删除类别' })).toBeNull();

    const add = within(editor).getByTestId('add-category');
    await user.click(within(add).getByRole('button', { name: '新增类别' }));
    expect(await within(add).findByText('请填写类别名称')).toBeTruthy();

    await user.type(within(add).getByLabelText('类别名称'), '交通出行');
    await user.type(within(add).getByLabelText('简称'), '交通');
    await user.type(within(add).getByLabelText('关键词（用顿号或逗号分隔）'), '公交、堵车');
    await user.click(within(add).getByRole('button', { name: '新增类别' }));
    await waitFor(() => expect(within(editor).getByText('交通出行')).toBeTruthy());
    const reference = await app.api.getReference();
    const added = reference.ok ? reference.value.categories.find((c) => c.name === '交通出行') : undefined;
    expect(added).toMatchObject({ short: '交通', keywords: ['公交', '堵车'], builtin: false });
  });
});
