import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './protocol.js';
import { hardenWebContents } from './security.js';

// The one window. Its page is untrusted as far as the main process is concerned: isolated, sandboxed, no Node,
// and it reaches the ledger only through the preload's `window.ledger`.

export interface WindowOptions {
  preload: string;
  isDev: boolean;
}

export function webPreferencesFor(options: WindowOptions) {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: options.isDev,
  } satisfies WebPreferences;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: '舆情回应台账',
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false, // shown once painted, so the person never sees a white flash
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: webPreferencesFor(options),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Brings the window to the front (a second launch lands here instead of opening another copy). */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
