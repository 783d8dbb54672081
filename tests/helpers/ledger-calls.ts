import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract.js';
import type { Ledger } from '../../electron/core/open-ledger.js';
import type { IncidentInput } from '../../shared/schemas.js';

/** Contract calls against a real ledger: `ok` throws on failure, `call` returns the Result. */
export function contractCalls(ledger: Ledger) {
  const call = createDispatcher(createHandlers(ledger));
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  return { call, ok };
}

export const sampleIncident: IncidentInput = {
  title: '某小区供暖不热，居民集体投诉',
  platform: '微博',
  foundAt: '2026-11-28 08:00',
  severity: '较大',
  categories: ['困难群众'],
  leadUnit: '县住建局',
};
