import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { scheduleBackups } from './backup-schedule.js';
import { startCoreWorker } from '../core/worker/client.js';
import { showAbout } from './about.js';
import { registerContract } from './ipc.js';
import type { ChooseFileInput } from '../../shared/api/desktop.js';
import { withDesktopActions } from './desktop-actions.js';
import { createPrinter } from './printing.js';
import { progressRelay } from './progress.js';
import { sealedKeys } from './sealed-keys.js';
import { closeCoreOnQuit } from './lifecycle.js';
import { installMenu } from './menu.js';
import { appPaths } from './paths.js';
import { handleAppProtocol, registerAppScheme } from './protocol.js';
import { denyPermissions, hardenWebContents, isTrustedSender } from './security.js';
import { createMainWindow, focusWindow } from './window.js';

// The Electron main process: lifecycle and wiring only. The ledger itself runs in the core worker; this file
// holds no domain logic (DESIGN §2).

let mainWindow: BrowserWindow | undefined;

function startApp(): void {
  // Privileged schemes must be declared before the app is ready.
  registerAppScheme(protocol);

  // One copy per workstation: two processes writing one ledger file would only fight over its lock.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => focusWindow(mainWindow));

  // Every web contents, present or future, gets the same guards (no navigation away, no pop-ups, no webview).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('[main] 启动失败', error);
      dialog.showErrorBox('启动失败', '舆情回应台账未能启动，请重新安装或联系管理员。');
      app.quit();
    });
}

async function onReady(): Promise<void> {
  const isDev = !app.isPackaged;
  const paths = appPaths({
    appPath: app.getAppPath(),
    userData: app.getPath('userData'),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron ?? '',
  });

  handleAppProtocol(protocol, paths.rendererDir);
  denyPermissions(session.defaultSession);

  const nativeBinding = existsSync(paths.nativeBinding) ? paths.nativeBinding : undefined;
  if (!nativeBinding) {
    console.warn(`[main] 未找到为 Electron 编译的 better-sqlite3（${paths.nativeBinding}），请先运行 node scripts/ensure-electron-native.mjs`);
  }
  const keys = sealedKeys(safeStorage, join(app.getPath('userData'), 'keys.sealed'));
  if (!keys) console.warn('[main] 系统钥匙串不可用：私钥改存于台账旁的仅本用户可读文件');
  const core = startCoreWorker({
    ...(keys
      ? {
          managedKeys: { ...(keys.secret === undefined ? {} : { secret: keys.secret }), ...(keys.unreadable ? { unreadable: keys.unreadable } : {}) },
          onKeys: (secret: string) => keys.store(secret),
        }
      : {}),
    entryPath: paths.workerEntry,
    dbPath: paths.dbPath,
    onNotify: (title, body) => showNotification(title, body),
    onProgress: progressRelay(() => mainWindow?.webContents, isTrustedSender),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  const backups = scheduleBackups({ call: core.call, idleSeconds: () => powerMonitor.getSystemIdleTime(), setInterval, clearInterval });
  closeCoreOnQuit(app, async () => {
    await backups.beforeQuit();
    await core.close();
  });
  const print = createPrinter({
    createWindow: () =>
      new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } }),
    showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
  });
  const chooseFile = async ({ mode, title, defaultName, filters }: ChooseFileInput): Promise<string | null> => {
    const options = { title, filters: filters ?? [], ...(defaultName ? { defaultPath: defaultName } : {}) };
    if (mode === 'save') {
      const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    }
    const choice = mainWindow
      ? await dialog.showOpenDialog(mainWindow, { ...options, properties: ['openFile'] })
      : await dialog.showOpenDialog({ ...options, properties: ['openFile'] });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  };
  registerContract(
    ipcMain,
    withDesktopActions(core.call, { openPath: (path) => shell.openPath(path), print, chooseFile, openExternal: (url) => shell.openExternal(url) }),
    isTrustedSender,
  );

  installMenu({ isDev, onAbout: () => showAbout(mainWindow) });
  mainWindow = createMainWindow({ preload: paths.preload, isDev });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });

  const ready = await core.ready;
  if (!ready.ok) {
    dialog.showErrorBox('无法打开台账数据库', `${ready.error.message}\n\n数据库位置：${paths.dbPath}`);
  }
}

/** Deadline reminders from the core; clicking one brings the ledger to the front. */
function showNotification(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body });
  notification.on('click', () => focusWindow(mainWindow));
  notification.show();
}

startApp();
