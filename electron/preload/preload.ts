import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf, PROGRESS_CHANNEL } from '../../shared/api/channels.js';
import type { ProgressEvent } from '../../shared/api/events.js';
// At build time this import is replaced by the bare list of names (scripts/build-app.mjs): the preload relays
// calls and needs no schema, so the page does not load zod and the whole contract on every navigation.
import { type LedgerApi, type LedgerMethods, METHOD_NAMES, type MethodName } from '../../shared/contract.js';
import type { Result } from '../../shared/errors.js';

// The renderer's only door: `window.ledger`, one function per contract method plus `onProgress`, and nothing
// else — no ipcRenderer, no channel names, no Node. The main process validates every call again; this file only carries it.

const UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'internal', message: '无法连接到程序主进程，请重新启动程序。' },
};

const invoke = (method: MethodName) => (input?: unknown) =>
  // LedgerApi promises a Result, never a rejection: an IPC failure (no handler, process gone) becomes one too.
  ipcRenderer.invoke(channelOf(method), input).catch(() => UNREACHABLE);

// Object.fromEntries cannot carry the per-method types; each entry is the same relay, so the cast is sound.
const methods = Object.fromEntries(METHOD_NAMES.map((m) => [m, invoke(m)])) as LedgerMethods;

/** Progress of long jobs, pushed by main. The page gets the event's data only: the IpcRendererEvent would hand it
 * `sender` (an ipcRenderer) and `ports`, exactly what this file exists to keep away from it. */
function onProgress(listener: (event: ProgressEvent) => void): () => void {
  const relay = (_event: IpcRendererEvent, progress: ProgressEvent) => listener(progress);
  ipcRenderer.on(PROGRESS_CHANNEL, relay);
  return () => {
    ipcRenderer.removeListener(PROGRESS_CHANNEL, relay);
  };
}

const api = Object.freeze({ ...methods, onProgress } satisfies LedgerApi);

contextBridge.exposeInMainWorld('ledger', api);
