import type { LedgerApi, LedgerMethods, MethodInput, MethodName, MethodOutput } from '../../shared/contract.js';
import type { ProgressEvent } from '../../shared/api/events.js';
import type { Result } from '../../shared/errors.js';
import { t } from './i18n/zh-CN.js';

// The renderer's one door to the ledger. Electron's preload puts the contract's methods on `window.ledger`
// (the browser-test host and the component tests install the same shape); nothing else in the UI reads it.

declare global {
  interface Window {
    ledger?: LedgerApi;
  }
}

/**
 * Calls one contract method. Always resolves to a Result: a missing bridge (the page opened outside the app)
 * or a broken one becomes an error the UI can show, so views never need try/catch.
 */
export async function call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  const api = window.ledger;
  if (!api) return { ok: false, error: { code: 'internal', message: t.notConnected } };
  // The mapped LedgerApi type is not callable through a generic key, so pick the method with its exact type.
  const methods: LedgerMethods = api;
  const fn: (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>> = methods[method];
  try {
    return await fn.call(api, input);
  } catch {
    return { ok: false, error: { code: 'internal', message: t.bridgeFailed } };
  }
}

/**
 * Listens to the progress of long jobs (import, export, the year report); returns the unsubscribe. Without a
 * bridge, or with one that predates progress events, there is simply nothing to hear.
 */
export function subscribeProgress(listener: (event: ProgressEvent) => void): () => void {
  const onProgress = window.ledger?.onProgress;
  if (typeof onProgress !== 'function') return () => {};
  try {
    return onProgress(listener);
  } catch {
    return () => {};
  }
}
