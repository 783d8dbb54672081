import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channelOf, contract, METHOD_NAMES } from '../../shared/contract.js';
import { LedgerError, type Result } from '../../shared/errors.js';
import type { CallLedger } from '../../electron/core/service.js';
import { registerContract } from '../../electron/main/ipc.js';
import { isTrustedSender } from '../../electron/main/security.js';

// ipc.ts only needs `ipcMain.handle` and the event's `senderFrame`; it never imports electron at runtime (types
// only), so no module mock is needed here.

type Handler = (event: unknown, input: unknown) => Promise<Result<unknown>>;

function setup(call: CallLedger = vi.fn(() => Promise.resolve({ ok: true as const, value: 'done' }))) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      handlers.set(channel, handler);
    },
  };
  // The fake carries only `handle`, which is all registerContract may use.
  registerContract(ipcMain as unknown as Pick<IpcMain, 'handle'>, call, isTrustedSender);
  const invoke = (method: string, input: unknown, frameUrl: string | null = 'app://ledger/index.html') => {
    const handler = handlers.get(channelOf(method));
    if (!handler) throw new Error(`no handler for ${method}`);
    const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    return handler(event, input);
  };
  return { handlers, invoke, call };
}

const goodIncident = {
  title: '某小区供暖不热',
  platform: '微博',
  foundAt: '2026-11-28 14:05',
  severity: '重大',
  categories: ['environment'],
  leadUnit: '县住建局',
};

describe('registerContract', () => {
  it('registers exactly one handler per contract method, on its channel', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    expect(handlers.size).toBe(METHOD_NAMES.length);
  });

  it('relays the parsed (normalised) input to the core and returns its Result', async () => {
    const { invoke, call } = setup();
    expect(await invoke('createIncident', goodIncident)).toEqual({ ok: true, value: 'done' });
    expect(call).toHaveBeenCalledWith('createIncident', contract.createIncident.input.parse(goodIncident));
    await invoke('getAppInfo', undefined); // no input at all: the schema's default
    expect(call).toHaveBeenLastCalledWith('getAppInfo', {});
  });

  it.each([
    ['a foreign web page', 'https://evil.example/'],
    ['a local file', 'file:///tmp/page.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a frame that is gone', null],
  ])('refuses %s with forbidden and never calls the core', async (_what, url) => {
    const { invoke, call } = setup();
    const result = await invoke('getAppInfo', {}, url);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(call).not.toHaveBeenCalled();
  });

  it('treats a sender frame that throws on access (disposed) as foreign', async () => {
    const handlers = new Map<string, Handler>();
    const call = vi.fn<CallLedger>();
    registerContract(
      { handle: (c: string, h: Handler) => void handlers.set(c, h) } as unknown as Pick<IpcMain, 'handle'>,
      call,
      isTrustedSender,
    );
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handlers.get(channelOf('getAppInfo'))!(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('answers malformed input with invalid_input and Chinese per-field messages, never calling the core', async () => {
    const { invoke, call } = setup();
    const result = await invoke('createIncident', { title: '', platform: '微博', foundAt: '昨天下午', severity: '重大' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^输入有误/);
    const fields = new Map(result.error.fields?.map((f) => [f.path, f.message]));
    expect(fields.get('title')).toBe('请填写标题');
    expect(fields.get('foundAt')).toMatch(/发现时间/);
    for (const message of fields.values()) expect(message).toMatch(/[\u4e00-\u9fff]/);
    // Unknown keys and wrong types are refused as well (the contract's objects are strict).
    expect(await invoke('getIncident', { id: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('getIncident', 42)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('turns a throwing core into an error without a stack trace', async () => {
    const secret = new Error('SqliteError: disk I/O error at /home/secret/ledger.db');
    const { invoke } = setup(() => Promise.reject(secret));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await invoke('getAppInfo', {});
    consoleError.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: '内部错误，操作未执行，数据未改变。' } });
    const text = JSON.stringify(result);
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/\bat .+:\d+/);
    expect(text).not.toContain(secret.stack!.split('\n')[1]!.trim());
  });

  it('passes a LedgerError thrown by the core through as its code and message', async () => {
    const { invoke } = setup(() => Promise.reject(new LedgerError('not_found', '未找到该舆情事件')));
    expect(await invoke('getIncident', { id: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: '未找到该舆情事件' },
    });
  });

  it('passes the core’s own failure Results through unchanged', async () => {
    const failure = { ok: false as const, error: { code: 'storage' as const, message: '台账核心已停止运行' } };
    const { invoke } = setup(() => Promise.resolve(failure));
    expect(await invoke('verifyAudit', {})).toEqual(failure);
  });
});
