import type { ProgressEvent } from '../../shared/api/events.js';
import { contract, type LedgerApi, type LedgerMethods, METHOD_NAMES, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract.js';
import type { Result } from '../../shared/errors.js';
import type { z } from 'zod';
// For its `window.ledger` declaration: the renderer owns the one place that types the bridge.
import type {} from '../../renderer/src/bridge.js';
import { type Ledger, openLedger } from '../../electron/core/open-ledger.js';
import { type CallLedger, createDispatcher, createHandlers } from '../../electron/core/service.js';

// `window.ledger` for component tests, answered by the real core on an in-memory database rather than a mock:
// the UI under test meets the same validation, numbering and error messages it meets in the app. Like the
// preload bridge, it structured-clones what crosses (so non-cloneable values fail here as they would over IPC),
// and it checks every answer against the contract's output schema.

// The contract, seen per method: lets a generic method name pick its own output schema with its exact type.
const outputs: { [M in MethodName]: { output: z.ZodType<MethodOutput<M>> } } = contract;

function method<M extends MethodName>(call: CallLedger, name: M) {
  return async (input?: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
    const result = await call(name, input === undefined ? undefined : structuredClone(input));
    if (!result.ok) return structuredClone(result);
    return { ok: true, value: outputs[name].output.parse(structuredClone(result.value)) };
  };
}

type Listener = (event: ProgressEvent) => void;

/** Fans the core's progress out to the page's listeners, cloned as IPC would; what `onProgress` subscribes to. */
export function progressHub() {
  const listeners = new Set<Listener>();
  return {
    sink: (event: ProgressEvent) => {
      for (const listener of [...listeners]) listener(structuredClone(event));
    },
    subscribe: (listener: Listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The api over `call`; `subscribe` is where onProgress listens (by default nothing is ever reported). */
export function realLedgerApi(call: CallLedger, subscribe: LedgerApi['onProgress'] = () => () => {}): LedgerApi {
  // One relay per contract method, like the preload; each entry is the same typed relay, so the cast is sound.
  const methods = Object.fromEntries(METHOD_NAMES.map((name) => [name, method(call, name)])) as LedgerMethods;
  return { ...methods, onProgress: (listener) => subscribe(listener) } satisfies LedgerApi;
}

export interface InstalledLedger {
  ledger: Ledger;
  api: LedgerApi;
  uninstall(): void;
}

/** Opens a fresh in-memory ledger and installs it as `window.ledger`. */
export function installRealLedger(options: { siteName?: string } = {}): InstalledLedger {
  const ledger = openLedger({ path: ':memory:', siteName: options.siteName ?? '县委网信办工作站' });
  const hub = progressHub();
  const api = realLedgerApi(createDispatcher(createHandlers(ledger, { progress: hub.sink })), hub.subscribe);
  window.ledger = api;
  return {
    ledger,
    api,
    uninstall: () => {
      delete window.ledger;
      ledger.close();
    },
  };
}

export { METHOD_NAMES };
