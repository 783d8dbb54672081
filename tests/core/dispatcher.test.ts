import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { METHOD_NAMES } from '../../shared/contract.js';
import { tempLedger } from '../helpers/temp.js';

describe('the contract dispatcher', () => {
  it('implements every contract method', () => {
    const handlers = createHandlers(tempLedger());
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('answers an unknown method with a typed error', async () => {
    const call = createDispatcher(createHandlers(tempLedger()));
    expect(await call('dropDatabase', {})).toEqual({ ok: false, error: { code: 'unknown_method', message: '未知的操作：dropDatabase' } });
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('never lets a stack trace or internal message through', async () => {
    const handlers = createHandlers(tempLedger());
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const call = createDispatcher({ ...handlers, getReference: () => { throw new Error('SQLITE_IOERR at /secret/path.db'); } });
    const result = await call('getReference', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: '内部错误，操作未执行，数据未改变。' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|at |Error/);
    quiet.mockRestore();
  });

  it('parses unknown input: missing input for no-argument methods is fine, junk is refused', async () => {
    const call = createDispatcher(createHandlers(tempLedger()));
    expect(await call('getAppInfo', undefined)).toMatchObject({ ok: true });
    expect(await call('getAppInfo', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('listIncidents', { limit: 10_000 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('getIncident', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
