import { vi } from 'vitest';

// A stand-in for the `electron` module (the binary cannot be downloaded here, DESIGN §7): it records what the
// main process and the preload ask of it, so tests can assert on windows, handlers, menus and protocols.
// Loose types on purpose — only the parts our code touches exist.

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
}

export class FakeWebContents extends Emitter {
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler = (handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  };
  getURL = () => this.url;
  destroyed = false;
  isDestroyed = () => this.destroyed;
  /** What main pushed to the page (progress events). */
  send = vi.fn((..._args: unknown[]) => {});
}

/** Emits a cancellable Electron-style event and reports whether a listener prevented it. */
export function fire(target: Emitter, event: string, ...args: unknown[]): boolean {
  let prevented = false;
  target.emit(event, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

export function createFakeElectron() {
  const state = {
    lock: true,
    whenReady: Promise.resolve(),
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    privilegedSchemes: [] as unknown[],
    menu: undefined as unknown,
    exposed: new Map<string, unknown>(),
  };

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
    loadURL = vi.fn((url: string) => {
      this.webContents.url = url;
      return Promise.resolve();
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    isMinimized = () => this.minimized;
    isDestroyed = () => this.destroyed;
  }

  const appEvents = new Emitter();
  const app = Object.assign(appEvents, {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    whenReady: vi.fn(() => state.whenReady),
    getAppPath: vi.fn(() => '/fake/app'),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    getVersion: vi.fn(() => '0.1.0'),
  });

  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    },
  };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, handler: Listener) => {
        if (state.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        state.ipcHandlers.set(channel, handler);
      }),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => state.privilegedSchemes.push(...schemes)),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.protocolHandlers.set(scheme, handler);
      }),
    },
    session,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn((menu: unknown) => {
        state.menu = menu;
      }),
    },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
    powerMonitor: { getSystemIdleTime: vi.fn(() => 0) },
    // A keychain that "works": sealing reverses the text, so a test can tell sealed from plain.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((plain: string) => Buffer.from([...plain].reverse().join(''))),
      decryptString: vi.fn((sealed: Buffer) => [...sealed.toString()].reverse().join('')),
    },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        state.exposed.set(key, api);
      }),
    },
    ipcRenderer: Object.assign(new Emitter(), {
      invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null })),
      removeListener(this: Emitter, event: string, listener: Listener) {
        this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
        return this;
      },
    }),
  };

  return { module, state, app, session, FakeBrowserWindow };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
