import { createDispatcher, createHandlers } from '../../../electron/core/service.js';
import type { MethodName } from '../../../shared/contract.js';
import type { LedgerErrorData } from '../../../shared/errors.js';
import { tempLedger } from '../../helpers/temp.js';

/** A real ledger on a clock the test moves (China time = UTC+8). */
export function setupLedger(start = '2026-11-27T10:00:00Z') {
  const clock = { ms: Date.parse(start) };
  const ledger = tempLedger({ now: () => clock.ms });
  const call = createDispatcher(createHandlers(ledger));
  const ok = async <T = Record<string, unknown>>(method: MethodName, input?: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as T;
  };
  const fail = async (method: MethodName, input?: unknown): Promise<LedgerErrorData> => {
    const result = await call(method, input);
    if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
    return result.error;
  };
  /** Sets the clock to a China wall-clock time, e.g. `2026-12-01 09:00`. */
  const at = (china: string) => {
    clock.ms = Date.parse(`${china.replace(' ', 'T')}:00+08:00`);
  };
  return { ledger, call, ok, fail, clock, at };
}

export const incidentInput = {
  title: '某小区供暖温度不达标，居民集体投诉',
  summary: '居民反映室温不足16度，物业推诿',
  platform: '微博',
  foundAt: '2026-11-26 09:30',
  severity: '较大',
  categories: ['困难群众生活'],
  leadUnit: '县住建局',
};

/** An incident taken to 已回应, ready for commitments and closing. */
export async function respondedIncident(ok: ReturnType<typeof setupLedger>['ok'], title = incidentInput.title) {
  const incident = await ok<{ id: string; number: string }>('createIncident', { ...incidentInput, title });
  await ok('transitionIncident', { id: incident.id, to: '处置中' });
  await ok('transitionIncident', { id: incident.id, to: '已回应' });
  return incident;
}
