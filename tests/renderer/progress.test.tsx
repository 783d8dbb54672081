import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgressEvent } from '../../shared/api/events.js';
import type { LedgerApi } from '../../shared/contract.js';
import type { Result } from '../../shared/errors.js';
import { ProgressBar } from '../../renderer/src/common/ProgressBar.js';
import { subscribeProgress } from '../../renderer/src/bridge.js';
import { ImportPanel } from '../../renderer/src/sync/ImportPanel.js';
import { installRealLedger, realLedgerApi } from './real-ledger.js';

// The progress bar, the renderer's subscription, and an import showing the steps main pushes while it runs.

afterEach(() => {
  cleanup();
  delete window.ledger;
});

describe('ProgressBar', () => {
  it('is a labelled progressbar with its step as value and the phase in words', () => {
    render(<ProgressBar label="导入进度" event={{ job: 'importBundle', phase: '校验', done: 2, total: 4 }} />);
    const bar = screen.getByRole('progressbar', { name: '导入进度' });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(bar.getAttribute('aria-valuemax')).toBe('4');
    expect(bar.getAttribute('aria-valuetext')).toBe('校验，第 2 步，共 4 步');
    expect(screen.getByTestId('progress-phase').textContent).toBe('校验（2/4）');
  });

  it('is indeterminate (no aria-valuenow) until the first event', () => {
    render(<ProgressBar label="导出进度" event={null} />);
    const bar = screen.getByRole('progressbar', { name: '导出进度' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(screen.getByTestId('progress-phase').textContent).toBe('正在准备…');
  });
});

describe('subscribeProgress', () => {
  it('tolerates a missing bridge, and one without onProgress: an unsubscribe that does nothing, no event', () => {
    const heard = vi.fn();
    const withoutBridge = subscribeProgress(heard);
    expect(typeof withoutBridge).toBe('function');
    withoutBridge();
    const { onProgress: _, ...methods } = realLedgerApi(() => Promise.resolve({ ok: true, value: null }));
    Object.defineProperty(window, 'ledger', { value: methods, configurable: true, writable: true });
    const withoutOnProgress = subscribeProgress(heard);
    expect(typeof withoutOnProgress).toBe('function');
    withoutOnProgress();
    expect(heard).not.toHaveBeenCalled();
  });

  it('hears the real core’s progress in component tests (real-ledger wires it)', async () => {
    const installed = installRealLedger();
    try {
      const heard: ProgressEvent[] = [];
      const unsubscribe = subscribeProgress((e) => heard.push(e));
      expect((await installed.api.getDigest({ period: '2025' })).ok).toBe(true);
      unsubscribe();
      expect(heard.at(-1)).toEqual({ job: 'getDigest', phase: '完成', done: 13, total: 13 });
      const count = heard.length;
      await installed.api.getDigest({ period: '2025' });
      expect(heard).toHaveLength(count);
    } finally {
      installed.uninstall();
    }
  });
});

describe('import panel', () => {
  it('shows the pushed steps while the bundle is checked, and drops the bar when the answer comes', async () => {
    const listeners = new Set<(event: ProgressEvent) => void>();
    let answer: (result: Result<never>) => void = () => {};
    const api = {
      ...realLedgerApi(() => Promise.resolve({ ok: false, error: { code: 'internal', message: '未用到' } })),
      chooseFile: () => Promise.resolve({ ok: true, value: { path: '/u盘/同步包.yqb' } }),
      previewBundle: () => new Promise<Result<never>>((resolve) => (answer = resolve)),
      onProgress: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    } satisfies LedgerApi;
    window.ledger = api;
    const user = userEvent.setup();
    render(<ImportPanel />);

    await user.click(screen.getByTestId('import-choose'));
    const bar = await screen.findByRole('progressbar', { name: '导入进度' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    await waitFor(() => expect(listeners.size).toBe(1));

    const push = (event: ProgressEvent) => act(() => listeners.forEach((l) => l(event)));
    push({ job: 'importBundle', phase: '写入', done: 3, total: 4 }); // another job's: not this bar's
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    push({ job: 'previewBundle', phase: '验证签名', done: 1, total: 4 });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(screen.getByTestId('progress-phase').textContent).toBe('验证签名（1/4）');

    act(() => answer({ ok: false, error: { code: 'invalid_input', message: '同步包清单无法读取，文件已损坏' } }));
    expect(await screen.findByTestId('import-error')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The unsubscription is an effect cleanup, which React runs after the commit that drew the error.
    await waitFor(() => expect(listeners.size).toBe(0));
  });
});
