import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { withDesktopActions } from '../../electron/main/desktop-actions.js';
import { createPrinter } from '../../electron/main/printing.js';

const unusedPrint = () => Promise.reject(new Error('not printing in this test'));

describe('desktop actions in main', () => {
  it('opens an attachment with the system viewer after the core has checked it', async () => {
    const openPath = vi.fn(() => Promise.resolve(''));
    const call = withDesktopActions(() => Promise.resolve({ ok: true, value: { path: '/data/attachments/ab/abcd' } }), { openPath, print: unusedPrint, chooseFile: () => Promise.resolve(null), openExternal: () => Promise.resolve() });
    expect(await call('openAttachment', { id: 'a' })).toEqual({ ok: true, value: { path: '/data/attachments/ab/abcd' } });
    expect(openPath).toHaveBeenCalledWith('/data/attachments/ab/abcd');
  });

  it('reports a viewer failure in Chinese, and opens nothing when the core refused', async () => {
    const openPath = vi.fn(() => Promise.resolve('No application is associated'));
    const ok = withDesktopActions(() => Promise.resolve({ ok: true, value: { path: '/x' } }), { openPath, print: unusedPrint, chooseFile: () => Promise.resolve(null), openExternal: () => Promise.resolve() });
    expect(await ok('openAttachment', { id: 'a' })).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringContaining('无法用系统程序打开附件') as string } });
    openPath.mockClear();
    const refused = withDesktopActions(() => Promise.resolve({ ok: false, error: { code: 'storage', message: '附件已损坏' } }), { openPath, print: unusedPrint, chooseFile: () => Promise.resolve(null), openExternal: () => Promise.resolve() });
    expect(await refused('openAttachment', { id: 'a' })).toMatchObject({ ok: false });
    expect(openPath).not.toHaveBeenCalled();
  });

  it('passes other methods straight through', async () => {
    const openPath = vi.fn(() => Promise.resolve(''));
    const call = withDesktopActions(() => Promise.resolve({ ok: true, value: 42 }), { openPath, print: unusedPrint, chooseFile: () => Promise.resolve(null), openExternal: () => Promise.resolve() });
    expect(await call('listIncidents', {})).toEqual({ ok: true, value: 42 });
    expect(openPath).not.toHaveBeenCalled();
  });
});

describe('printing in main', () => {
  it('prints what the core rendered for the named document, and nothing the page sent', async () => {
    const rendered = { digest: {}, html: '<html><body>舆情周报</body></html>', title: '舆情周报（2026年第48期）' };
    const core = vi.fn((_method: string, _input: unknown) => Promise.resolve({ ok: true as const, value: rendered }));
    const print = vi.fn(() => Promise.resolve({ mode: 'pdf' as const, path: '/home/u/周报.pdf' }));
    const call = withDesktopActions(core, { openPath: () => Promise.resolve(''), print, chooseFile: () => Promise.resolve(null), openExternal: () => Promise.resolve() });
    const input = { document: { kind: 'digest', period: '2026-W48' }, mode: 'pdf' };
    expect(await call('printDocument', input)).toEqual({ ok: true, value: { mode: 'pdf', path: '/home/u/周报.pdf' } });
    expect(core.mock.calls).toEqual([['renderDigest', { period: '2026-W48' }]]);
    expect(print).toHaveBeenCalledWith({ html: rendered.html, title: rendered.title, mode: 'pdf' });

    core.mockClear();
    await call('printDocument', { document: { kind: 'supervisionSheet', unit: '县住建局' }, mode: 'dialog' });
    expect(core.mock.calls).toEqual([['renderSupervisionSheet', { unit: '县住建局' }]]);

    // The core could not render it (a unit that does not exist): its answer goes back, nothing is printed.
    print.mockClear();
    const refused = withDesktopActions(() => Promise.resolve({ ok: false, error: { code: 'not_found', message: '找不到责任单位“无此单位”' } }), {
      openPath: () => Promise.resolve(''),
      print,
      chooseFile: () => Promise.resolve(null),
      openExternal: () => Promise.resolve(),
    });
    expect(await refused('printDocument', { document: { kind: 'supervisionSheet', unit: '无此单位' }, mode: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(print).not.toHaveBeenCalled();

    const failing = withDesktopActions(core, {
      openPath: () => Promise.resolve(''),
      print: () => Promise.reject(new Error('printer on fire')),
      chooseFile: () => Promise.resolve(null),
      openExternal: () => Promise.resolve(),
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = await failing('printDocument', input);
    quiet.mockRestore();
    expect(failed).toMatchObject({ ok: false, error: { message: expect.stringContaining('打印失败') as string } });
    expect(JSON.stringify(failed)).not.toContain('fire');
  });

  function fakeWindow(pdf = Buffer.from('%PDF-1.7 fake')) {
    const loaded: string[] = [];
    const printed: unknown[] = [];
    const window = {
      destroyed: false,
      loadFile: (path: string) => {
        loaded.push(readFileSync(path, 'utf8'));
        return Promise.resolve();
      },
      destroy() {
        this.destroyed = true;
      },
      webContents: {
        print: (options: unknown, done: (ok: boolean, reason: string) => void) => {
          printed.push(options);
          done(true, '');
        },
        printToPDF: (options: unknown) => {
          printed.push(options);
          return Promise.resolve(pdf);
        },
      },
    };
    return { window, loaded, printed };
  }

  it('exports a PDF with the document\'s own page size to the file the person chose, then closes the window', async () => {
    const { window, loaded, printed } = fakeWindow();
    const target = join(mkdtempSync(join(tmpdir(), 'yq-print-test-')), '周报.pdf');
    const print = createPrinter({
      createWindow: () => window,
      showSaveDialog: (options) => {
        expect(options.defaultPath).toBe('2026年第48周 周报.pdf');
        return Promise.resolve({ canceled: false, filePath: target });
      },
    });
    expect(await print({ html: '<html><body><script>alert(1)</script>周报</body></html>', title: '2026年第48周 周报', mode: 'pdf' })).toEqual({ mode: 'pdf', path: target });
    expect(printed).toEqual([{ preferCSSPageSize: true, printBackground: true }]);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(loaded[0]).toContain('周报');
    expect(window.destroyed).toBe(true);
  });

  it('answers null when the save dialog is cancelled, and prints to the system dialog', async () => {
    const { window, printed } = fakeWindow();
    const print = createPrinter({ createWindow: () => window, showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }) });
    expect(await print({ html: '<p>x</p>', title: 'x', mode: 'pdf' })).toEqual({ mode: 'pdf', path: null });
    expect(await print({ html: '<p>x</p>', title: 'x', mode: 'dialog' })).toEqual({ mode: 'dialog', path: null });
    expect(printed[1]).toEqual({ silent: false, printBackground: true });
  });
});

describe('choosing files in main', () => {
  it('answers chooseFile from the desktop dialog without asking the core', async () => {
    const core = vi.fn(() => Promise.resolve({ ok: true as const, value: 'core' }));
    const chooseFile = vi.fn(() => Promise.resolve('/media/usb/第48周.yqb'));
    const call = withDesktopActions(core, { openPath: () => Promise.resolve(''), print: unusedPrint, chooseFile, openExternal: () => Promise.resolve() });
    const input = { mode: 'save', title: '导出同步包', defaultName: '第48周.yqb', filters: [] };
    expect(await call('chooseFile', input)).toEqual({ ok: true, value: { path: '/media/usb/第48周.yqb' } });
    expect(chooseFile).toHaveBeenCalledWith(input);
    expect(core).not.toHaveBeenCalled();
  });
});

describe('files the renderer may name', () => {
  const core = () => Promise.resolve({ ok: true as const, value: 'done' });
  const desktopPicking = (path: string | null) => ({
    openPath: () => Promise.resolve(''),
    print: unusedPrint,
    chooseFile: () => Promise.resolve(path),
    openExternal: () => Promise.resolve(),
  });

  it('refuses a path the person did not pick in a dialog', async () => {
    const call = withDesktopActions(core, desktopPicking('/media/usb/b.yqb'));
    expect(await call('exportBundle', { path: '/home/u/.bashrc', peers: [], full: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('importBundle', { path: '/home/u/.config/keys' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('accepts the picked path for the kind of dialog that picked it, for an hour', async () => {
    let t = 0;
    const call = withDesktopActions(core, desktopPicking('/media/usb/b.yqb'), () => t);
    await call('chooseFile', { mode: 'save', title: '导出同步包', filters: [] });
    expect(await call('exportBundle', { path: '/media/usb/b.yqb', peers: [], full: false })).toEqual({ ok: true, value: 'done' });
    expect(await call('importBundle', { path: '/media/usb/b.yqb' })).toMatchObject({ ok: false }); // picked to save, not to open
    t += 61 * 60_000;
    expect(await call('exportBundle', { path: '/media/usb/b.yqb', peers: [], full: false })).toMatchObject({ ok: false });
  });

  it('lets a backup through when the ledger lists it (asked at the time), and no other file', async () => {
    const listed = '/home/u/台账/backups/yq-backup-20261128-1200.db';
    const asked: string[] = [];
    const ledgerCore = (method: string) => {
      asked.push(method);
      return Promise.resolve(
        method === 'getBackupOverview' ? { ok: true as const, value: { backups: [{ file: listed }] } } : { ok: true as const, value: 'checked' },
      );
    };
    const call = withDesktopActions(ledgerCore, desktopPicking(null));
    expect(await call('verifyBackup', { file: listed })).toEqual({ ok: true, value: 'checked' });
    expect(asked).toEqual(['getBackupOverview', 'verifyBackup']);
    expect(await call('restoreBackup', { file: '/home/u/.ssh/id_ed25519' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(asked.at(-1)).toBe('getBackupOverview'); // refused before the core saw it
  });
});

describe('links people recorded', () => {
  it('opens web links in the system browser and nothing else', async () => {
    const opened: string[] = [];
    const call = withDesktopActions(() => Promise.resolve({ ok: true as const, value: null }), {
      openPath: () => Promise.resolve(''),
      print: unusedPrint,
      chooseFile: () => Promise.resolve(null),
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    });
    expect(await call('openExternal', { url: 'https://weibo.com/123' })).toEqual({ ok: true, value: { opened: true } });
    expect(await call('openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false });
    expect(opened).toEqual(['https://weibo.com/123']);
  });
});
