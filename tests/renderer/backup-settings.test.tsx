import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { useNav } from '../../renderer/src/stores/nav.js';
import { openLedger } from '../../electron/core/open-ledger.js';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { tempDir } from '../helpers/temp.js';
import { realLedgerApi } from './real-ledger.js';
import { addIncident, must } from './seed.js';

// 设置 → 备份与恢复 and the 工作台 warning, against the real core on a real ledger file (backups need a file).

function installFileLedger(dir: string) {
  const path = join(dir, 'ledger.db');
  let ledger = openLedger({ path, siteName: '县委宣传部' });
  const reopen = () => {
    ledger = openLedger({ path });
    dispatch = createDispatcher(createHandlers(ledger, { ledgerReplaced: reopen }));
  };
  let dispatch = createDispatcher(createHandlers(ledger, { ledgerReplaced: reopen }));
  const api = realLedgerApi((method, input) => dispatch(method, input));
  window.ledger = api;
  return { api, close: () => ledger.close(), get ledger() { return ledger; } };
}

afterEach(() => cleanup());

describe('备份与恢复', () => {
  it('warns on the 工作台 until a backup is made, backs up now, lists it, and restores it with undo', async () => {
    const dir = tempDir();
    const installed = installFileLedger(dir);
    await addIncident({ api: installed.api, ledger: installed.ledger, uninstall: () => {} }, { title: '河道污染' });
    const user = userEvent.setup();
    useNav.setState({ view: 'dashboard', incident: null });
    render(<App />);
    expect((await screen.findByTestId('backup-warning')).textContent).toContain('还没有任何备份');

    await user.click(screen.getByRole('button', { name: '前往备份与恢复' }));
    const section = await screen.findByTestId('backup-section');
    await user.click(within(section).getByTestId('backup-now'));
    await waitFor(() => expect(within(section).getAllByTestId('backup-row')).toHaveLength(1));
    expect(within(section).getByTestId('backup-last-good').textContent).not.toContain('尚无备份');

    await addIncident({ api: installed.api, ledger: installed.ledger, uninstall: () => {} }, { title: '备份之后的事件' });
    await user.click(within(section).getByTestId('backup-restore'));
    await waitFor(() => expect(within(section).getByTestId('backup-preview').textContent).toContain('此备份完好：事件 1 件'));
    await user.click(within(section).getByTestId('backup-restore-confirm'));
    await waitFor(() => expect(within(section).getByTestId('backup-undo')).toBeTruthy());
    const titles = async () => (await must(installed.api.listIncidents({}))).rows.map((i) => i.title);
    expect(await titles()).toEqual(['河道污染']);

    await user.click(within(section).getByTestId('backup-undo'));
    await waitFor(() => expect(within(section).queryByTestId('backup-undo')).toBeNull());
    expect((await titles()).sort()).toEqual(['备份之后的事件', '河道污染'].sort());

    useNav.setState({ view: 'dashboard', incident: null });
    await waitFor(() => expect(screen.queryByTestId('backup-warning')).toBeNull());
    installed.close();
  });

  it('keeps the rotation settings on the form layer: each refusal beside its count, nothing saved until valid', async () => {
    const dir = tempDir();
    const installed = installFileLedger(dir);
    const user = userEvent.setup();
    useNav.setState({ view: 'settings', incident: null });
    render(<App />);
    await user.click(await screen.findByRole('button', { name: '备份与恢复' }));
    const section = await screen.findByTestId('backup-section');
    const daily = await within(section).findByLabelText('每日（份）');
    expect(daily.closest('.field')?.classList.contains('field-required')).toBe(true);
    await user.clear(daily);
    await user.type(daily, '0');
    await user.clear(within(section).getByLabelText('每周（份）'));
    await user.type(within(section).getByLabelText('每周（份）'), '两');
    await user.click(within(section).getByRole('button', { name: '保存设置' }));
    expect((await within(section).findByTestId('backup-error-daily')).textContent).toBe('每日备份至少保留 1 份');
    expect(within(section).getByTestId('backup-error-weekly').textContent).toBe('请填写保留周数');
    expect((await must(installed.api.getBackupOverview())).policy).toEqual({ daily: 7, weekly: 4, monthly: 12 });

    await user.clear(daily);
    await user.type(daily, '10');
    await user.clear(within(section).getByLabelText('每周（份）'));
    await user.type(within(section).getByLabelText('每周（份）'), '2');
    await user.click(within(section).getByRole('button', { name: '保存设置' }));
    await waitFor(async () => expect((await must(installed.api.getBackupOverview())).policy).toEqual({ daily: 10, weekly: 2, monthly: 12 }));
    expect(within(section).queryByTestId('backup-error-daily')).toBeNull();
    installed.close();
  });
});
