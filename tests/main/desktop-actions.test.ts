import { describe, expect, it, vi } from 'vitest';
import { withDesktopActions } from '../../electron/main/desktop-actions.js';

describe('desktop actions in main', () => {
  it('opens an attachment with the system viewer after the core has checked it', async () => {
    const openPath = vi.fn(() => Promise.resolve(''));
    const call = withDesktopActions(() => Promise.resolve({ ok: true, value: { path: '/data/attachments/ab/abcd' } }), { openPath });
    expect(await call('openAttachment', { id: 'a' })).toEqual({ ok: true, value: { path: '/data/attachments/ab/abcd' } });
    expect(openPath).toHaveBeenCalledWith('/data/attachments/ab/abcd');
  });

  it('reports a viewer failure in Chinese, and opens nothing when the core refused', async () => {
    const openPath = vi.fn(() => Promise.resolve('No application is associated'));
    const ok = withDesktopActions(() => Promise.resolve({ ok: true, value: { path: '/x' } }), { openPath });
    expect(await ok('openAttachment', { id: 'a' })).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringContaining('无法用系统程序打开附件') as string } });
    openPath.mockClear();
    const refused = withDesktopActions(() => Promise.resolve({ ok: false, error: { code: 'storage', message: '附件已损坏' } }), { openPath });
    expect(await refused('openAttachment', { id: 'a' })).toMatchObject({ ok: false });
    expect(openPath).not.toHaveBeenCalled();
  });

  it('passes other methods straight through', async () => {
    const openPath = vi.fn(() => Promise.resolve(''));
    const call = withDesktopActions(() => Promise.resolve({ ok: true, value: 42 }), { openPath });
    expect(await call('listIncidents', {})).toEqual({ ok: true, value: 42 });
    expect(openPath).not.toHaveBeenCalled();
  });
});
