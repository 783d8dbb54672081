import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, type LedgerApi, METHOD_NAMES, type MethodName } from '../../shared/contract.js';
import type { Result } from '../../shared/errors.js';

// The renderer's only door: `window.ledger`, one function per contract method and nothing else — no ipcRenderer,
// no channel names, no Node. The main process validates every call again; this file only carries it.

const UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'internal', message: '无法连接到程序主进程，请重新启动程序。' },
};

const invoke = (method: MethodName) => (input?: unknown) =>
  // LedgerApi promises a Result, never a rejection: an IPC failure (no handler, process gone) becomes one too.
  ipcRenderer.invoke(channelOf(method), input).catch(() => UNREACHABLE);

// Object.fromEntries cannot carry the per-method types; each entry is the same relay, so the cast is sound.
const api = Object.freeze(Object.fromEntries(METHOD_NAMES.map((m) => [m, invoke(m)]))) as LedgerApi;

contextBridge.exposeInMainWorld('ledger', api);
