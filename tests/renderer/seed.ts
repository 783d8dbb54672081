import type { IncidentInput } from '../../shared/schemas.js';
import type { InstalledLedger } from './real-ledger.js';

// Incidents put straight into the real ledger before the window opens, as another workstation or the CLI would.

const HOUR = 3600_000;

/** An instant `hours` before now, as the ISO string the contract accepts. */
export const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** The value of a call that must succeed; a refusal fails the test with the core's message. */
export async function must<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function addIncident({ api }: InstalledLedger, input: Partial<IncidentInput> & { title: string }) {
  return must(
    api.createIncident({
      platform: '微博',
      foundAt: hoursAgo(2),
      categories: ['其他'],
      severity: '一般',
      leadUnit: '县住建局',
      ...input,
    }),
  );
}
