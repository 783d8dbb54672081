import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, METHOD_NAMES } from '../../shared/contract.js';
import { appPaths } from '../../electron/main/paths.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/protocol.js';
import { fire } from './fake-electron.js';

// The main process wired together, with `electron` and the core worker replaced by recorders. Each test loads
// main.ts afresh (it starts the app on import, like the real entry does).

const { fake, core } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fake-electron.js');
  const { vi: v } = await import('vitest');
  const core = {
    options: [] as unknown[],
    call: v.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null })),
    close: v.fn(async () => {}),
    ready: Promise.resolve({ ok: true, value: null }) as Promise<unknown>,
  };
  return { fake: createFakeElectron(), core };
});

vi.mock('electron', () => fake.module);
vi.mock('../../electron/core/worker/client.js', () => ({
  startCoreWorker: (options: unknown) => {
    core.options.push(options);
    return { call: core.call, close: core.close, ready: core.ready };
  },
}));

async function loadMain({ lock = true, ready = Promise.resolve<unknown>({ ok: true, value: null }) } = {}) {
  Object.assign(fake.state, {
    lock,
    windows: [],
    ipcHandlers: new Map(),
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    menu: undefined,
  });
  fake.app.listeners.clear();
  core.options = [];
  core.ready = ready;
  vi.clearAllMocks();
  vi.resetModules();
  await import('../../electron/main/main.js');
  // Let whenReady() → onReady() run to completion (it awaits the worker's ready).
  await new Promise((resolve) => setTimeout(resolve, 0));
  return fake.state;
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('single instance', () => {
  it('quits a second instance before doing anything else', async () => {
    const state = await loadMain({ lock: false });
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
    expect(fake.module.ipcMain.handle).not.toHaveBeenCalled();
    expect(core.options).toHaveLength(0);
  });

  it('focuses (and restores) the existing window when a second copy is launched', async () => {
    const state = await loadMain();
    const window = state.windows[0]!;
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['yq'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(fake.app.quit).not.toHaveBeenCalled();
  });
});

describe('window', () => {
  it('is isolated, sandboxed, without Node, and loads the preload built for it', async () => {
    const state = await loadMain();
    expect(state.windows).toHaveLength(1);
    const prefs = state.windows[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join('/fake/app', 'dist', 'electron', 'preload.cjs'),
    });
    // Exactly these: a preference added later (say, a relaxed one) must be a decision this test is changed for.
    expect(Object.keys(prefs).sort()).toEqual([
      'allowRunningInsecureContent', 'contextIsolation', 'devTools', 'nodeIntegration', 'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker', 'preload', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag',
    ]);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(state.windows[0]!.loadURL).toHaveBeenCalledWith('app://ledger/index.html');
    expect(state.windows[0]!.options.title).toBe('舆情回应台账');
  });

  it('denies navigation elsewhere and every window.open', async () => {
    const state = await loadMain();
    const contents = state.windows[0]!.webContents;
    expect(fire(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire(contents, 'will-navigate', 'app://ledger/other.html')).toBe(true);
    expect(fire(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(contents, 'will-navigate', 'app://ledger/index.html')).toBe(false); // a reload of the same page
    expect(fire(contents, 'will-attach-webview')).toBe(true);
    contents.url = 'app://ledger/index.html';
    const frameNavigation = (url: string, isMainFrame: boolean) => {
      let prevented = false;
      contents.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(frameNavigation('https://evil.example/', false)).toBe(true);
    expect(frameNavigation('app://ledger/index.html', false)).toBe(true); // our page inside a frame: no
    expect(frameNavigation('https://evil.example/', true)).toBe(true);
    expect(frameNavigation('app://ledger/index.html', true)).toBe(false); // the reload will-navigate allows
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://ledger/index.html' })).toEqual({ action: 'deny' });
  });

  it('hardens every other web contents too', async () => {
    await loadMain();
    const { FakeWebContents } = await import('./fake-electron.js');
    const other = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler?.({ url: 'https://x/' })).toEqual({ action: 'deny' });
    expect(fire(other, 'will-navigate', 'https://x/')).toBe(true);
  });

  it('denies permission requests', async () => {
    await loadMain();
    const request = fake.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = fake.session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://ledger', {})).toBe(false);
    expect(check({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('is registered as privileged before ready and served from dist/renderer with the CSP', async () => {
    const state = await loadMain();
    expect(state.privilegedSchemes).toHaveLength(1);
    expect(state.privilegedSchemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    const handler = state.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    // /fake/app/dist/renderer does not exist: still answered, with the policy, and traversal refused.
    const missing = await handler!(new Request('app://ledger/index.html'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const traversal = await handler!(new Request('app://ledger/..%2f..%2fpackage.json'));
    expect(traversal.status).toBe(403);
  });
});

describe('ledger wiring', () => {
  it('opens the database in the core worker under userData and registers every contract channel', async () => {
    const state = await loadMain();
    expect(core.options).toEqual([
      {
        entryPath: path.join('/fake/app', 'dist', 'electron', 'core-worker.cjs'),
        dbPath: path.join('/fake/userData', 'ledger.db'),
        onNotify: expect.any(Function) as unknown,
        onProgress: expect.any(Function) as unknown,
        // The fake keychain works, so main keeps the keys and the core asks main to seal new ones.
        managedKeys: {},
        onKeys: expect.any(Function) as unknown,
      },
    ]);
    expect([...state.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());

    // A call from our page reaches the worker; one from elsewhere does not.
    const handler = state.ipcHandlers.get(channelOf('getAppInfo'))!;
    await handler({ senderFrame: { url: 'app://ledger/index.html' } }, {});
    expect(core.call).toHaveBeenCalledWith('getAppInfo', {});
    core.call.mockClear();
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('relays the core’s progress to our window only, and only while it shows our page', async () => {
    const state = await loadMain();
    const { onProgress } = core.options[0] as { onProgress: (event: unknown) => void };
    const contents = state.windows[0]!.webContents;
    const event = { job: 'exportBundle', phase: '加密', done: 2, total: 4 };
    onProgress({ ...event, extra: 'not for the page' });
    expect(contents.send).toHaveBeenCalledExactlyOnceWith('ledger:progress', event);

    // Another web contents (a print window) never hears it.
    const { FakeWebContents } = await import('./fake-electron.js');
    const other = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    onProgress(event);
    expect(other.send).not.toHaveBeenCalled();

    // Our window showing someone else's page, or gone: nothing is sent.
    contents.send.mockClear();
    contents.url = 'https://evil.example/';
    onProgress(event);
    contents.url = 'app://ledger/index.html';
    contents.destroyed = true;
    onProgress(event);
    expect(contents.send).not.toHaveBeenCalled();
    state.windows[0]!.emit('closed');
    contents.destroyed = false; // a closed window's contents must not be written to even if they still answer
    expect(() => onProgress(event)).not.toThrow();
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('tells the person in Chinese when the database cannot be opened', async () => {
    await loadMain({
      ready: Promise.resolve({ ok: false, error: { code: 'storage', message: '数据库结构版本为 9，高于本程序支持的 1' } }),
    });
    expect(fake.module.dialog.showErrorBox).toHaveBeenCalledWith(
      '无法打开台账数据库',
      expect.stringContaining('数据库结构版本为 9'),
    );
  });

  it('closes the core (and the database) before quitting', async () => {
    await loadMain();
    expect(fire(fake.app, 'will-quit')).toBe(true); // held back until the worker has closed
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(core.close).toHaveBeenCalledOnce();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fire(fake.app, 'will-quit')).toBe(false); // the second time, quitting proceeds
  });

  it('quits when the window is closed', async () => {
    await loadMain();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalled();
  });
});

describe('menu', () => {
  const labelsOf = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.label ? [item.label] : []),
      ...(Array.isArray(item.submenu) ? labelsOf(item.submenu) : []),
    ]);

  it('is in Chinese, with reload and developer tools in development', async () => {
    const state = await loadMain();
    const { template } = state.menu as { template: MenuItemConstructorOptions[] };
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    const labels = labelsOf(template);
    for (const label of ['退出', '撤销', '复制', '粘贴', '重新加载', '开发者工具', '关于']) expect(labels).toContain(label);
    for (const label of labels) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves out reload and developer tools when packaged, and shows 关于 with the version', async () => {
    fake.app.isPackaged = true;
    // Electron sets this on `process`; plain Node does not have it.
    const saved = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', { value: '/fake/resources', configurable: true });
    try {
      const state = await loadMain();
      const { template } = state.menu as { template: MenuItemConstructorOptions[] };
      const labels = labelsOf(template);
      expect(labels).not.toContain('重新加载');
      expect(labels).not.toContain('开发者工具');
      expect(state.windows[0]!.options.webPreferences).toMatchObject({ devTools: false });
      const about = template.find((m) => m.label === '帮助')!.submenu as MenuItemConstructorOptions[];
      const click = about.find((i) => i.label === '关于')!.click as () => void;
      click();
      const [parent, options] = fake.module.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, Record<string, string>];
      expect(parent).toBe(state.windows[0]);
      expect(options).toMatchObject({ title: '关于', message: '舆情回应台账' });
      expect(options.detail).toContain('版本 0.1.0');
    } finally {
      fake.app.isPackaged = false;
      if (saved) Object.defineProperty(process, 'resourcesPath', saved);
      else Reflect.deleteProperty(process, 'resourcesPath');
    }
  });
});

describe('paths', () => {
  const inputs = { appPath: '/repo', userData: '/home/u/.config/yq', resourcesPath: '/opt/yq/resources', electronVersion: '45.5.0' };

  it('uses the versioned Electron build of better-sqlite3 in development', () => {
    expect(appPaths({ ...inputs, isPackaged: false })).toEqual({
      dbPath: path.join('/home/u/.config/yq', 'ledger.db'),
      preload: path.join('/repo', 'dist', 'electron', 'preload.cjs'),
      rendererDir: path.join('/repo', 'dist', 'renderer'),
      workerEntry: path.join('/repo', 'dist', 'electron', 'core-worker.cjs'),
      nativeBinding: path.join('/repo', 'native', 'electron-45.5.0', 'build', 'Release', 'better_sqlite3.node'),
    });
  });

  it('uses the binding electron-builder put in resources/ when packaged', () => {
    expect(appPaths({ ...inputs, isPackaged: true }).nativeBinding).toBe(
      path.join('/opt/yq/resources', 'native', 'better_sqlite3.node'),
    );
  });
});
