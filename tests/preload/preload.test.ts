import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PROGRESS_CHANNEL } from '../../shared/api/events.js';
import { channelOf, METHOD_NAMES } from '../../shared/contract.js';

// The preload with a recording `electron`: it must put exactly the contract's methods on window.ledger, each one
// a relay to its own channel, and nothing that would let the page reach ipcRenderer itself.

const { fake } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../main/fake-electron.js');
  return { fake: createFakeElectron() };
});
vi.mock('electron', () => fake.module);

let api: Record<string, unknown>;

beforeAll(async () => {
  await import('../../electron/preload/preload.js');
  api = fake.state.exposed.get('ledger') as Record<string, unknown>;
});

describe('preload', () => {
  it('exposes one object, window.ledger, and nothing else', () => {
    expect(fake.module.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...fake.state.exposed.keys()]).toEqual(['ledger']);
  });

  it('offers exactly the contract’s methods and onProgress, all functions', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onProgress'].sort());
    expect(typeof api.onProgress).toBe('function');
    for (const method of METHOD_NAMES) expect(typeof api[method]).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(METHOD_NAMES)('%s invokes its own channel with the input as given', async (method) => {
    const answer = { ok: true, value: { method } };
    fake.module.ipcRenderer.invoke.mockResolvedValueOnce(answer);
    const input = { probe: method };
    const relay = api[method] as (input?: unknown) => Promise<unknown>;
    expect(await relay(input)).toEqual(answer);
    expect(fake.module.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(method), input);
  });

  it('onProgress hands the listener the event only, never the IpcRendererEvent, until unsubscribed', () => {
    const onProgress = api.onProgress as (listener: (event: unknown) => void) => () => void;
    const heard: unknown[][] = [];
    const unsubscribe = onProgress((...args) => heard.push(args));
    const event = { job: 'importBundle', phase: '解密', done: 0, total: 4 };
    const ipcEvent = { sender: fake.module.ipcRenderer, ports: [] };
    fake.module.ipcRenderer.emit(PROGRESS_CHANNEL, ipcEvent, event);
    expect(heard).toEqual([[event]]);
    unsubscribe();
    fake.module.ipcRenderer.emit(PROGRESS_CHANNEL, ipcEvent, event);
    expect(heard).toHaveLength(1);
    expect(fake.module.ipcRenderer.listeners.get(PROGRESS_CHANNEL)).toEqual([]);
  });

  it('answers a Result instead of rejecting when IPC itself fails', async () => {
    fake.module.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'ledger:getAppInfo'"));
    const result = await (api.getAppInfo as () => Promise<unknown>)();
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('No handler');
  });
});

describe('preload bundle', () => {
  it('is CommonJS that requires nothing but electron (a sandboxed preload can load nothing else)', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: ['electron/preload/preload.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const required = new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
  });
});
