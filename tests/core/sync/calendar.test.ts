import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { createDispatcher, createHandlers } from '../../../electron/core/service.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import type { MethodName } from '../../../shared/contract.js';
import { sampleIncident } from '../../helpers/ledger-calls.js';
import { introduce, ledgerHash, replica, testClock } from './helpers.js';

// An office entry in the calendar (a local day off) entered on one workstation reaches another by bundle. The
// receiver's own open commitments that count working days across that day must move too, as they would have had
// the entry been made there: the sender could only recompute the commitments it held.

function caller(ledger: Ledger) {
  const call = createDispatcher(createHandlers(ledger));
  return async <T>(method: MethodName, input: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
}

async function send(from: Ledger, to: Ledger) {
  return importBundleBytes(to, (await buildBundle(from, { peers: [to.siteId], full: false })).bytes);
}

describe('a calendar entry arriving by sync', () => {
  it('moves the receiver’s own working-day deadlines across that day, and both workstations agree afterwards', async () => {
    const clock = testClock();
    const office = replica('县委网信办', clock.now);
    const township = replica('城关镇', clock.now);
    await introduce(office, township);
    const atTownship = caller(township);
    const incident = await atTownship<{ id: string }>('createIncident', sampleIncident);
    const made = await atTownship<{ id: string; deadline: string }>('addCommitment', {
      incident: incident.id,
      content: '3个工作日内完成供热管网检修',
      unit: '县住建局',
      promisedAt: '2026-11-28 10:00',
      deadline: { workdays: 3, from: '2026-12-14' }, // Monday → Thursday 12-17
    });
    expect(made.deadline).toBe('2026-12-17');

    clock.advance(60_000);
    await caller(office)('setCalendarOverride', { date: '2026-12-16', work: false, name: '县庆' });
    const result = await send(office, township);
    expect(result.messages).toContain('按收到的节假日调整，重新计算了 1 项承诺期限');
    expect((await atTownship<{ deadline: string }>('getCommitment', { id: made.id })).deadline).toBe('2026-12-18');

    // The recomputation travels back like any edit, and the two ledgers are the same.
    await send(township, office);
    await send(office, township);
    expect((await caller(office)<{ deadline: string }>('getCommitment', { id: made.id })).deadline).toBe('2026-12-18');
    expect(ledgerHash(office.db)).toBe(ledgerHash(township.db));
  });
});
