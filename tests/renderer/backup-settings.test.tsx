import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { useNav } from '../../renderer/src/stores/nav.js';
import { openLedger } from '../../electron/core/ledger.js';
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
});
