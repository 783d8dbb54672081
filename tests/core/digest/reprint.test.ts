import { describe, expect, it } from 'vitest';
import { contractCalls, sampleIncident } from '../../helpers/ledger-calls.js';
import { tempLedger } from '../../helpers/temp.js';

// Leaders keep last week's printed digest; reprinting it next month must give the same figures even though the
// incidents have moved on since.

describe('reprinting a past week', () => {
  it('keeps the statuses the week ended with', async () => {
    let now = Date.parse('2026-11-25T04:00:00Z'); // Wednesday of 2026-W48, China time
    const ledger = tempLedger({ now: () => now });
    const { ok } = contractCalls(ledger);
    await ok('createIncident', { ...sampleIncident, foundAt: '2026-11-24 09:00' });
    now = Date.parse('2026-12-01T04:00:00Z'); // the Tuesday after: W48 is over
    const printed = await ok('getDigest', { period: '2026-W48' });
    expect(printed.response.noResponseNeeded).toBe(0);
    expect(printed.byStatus.find((s) => s.count > 0)?.label).toBe('待研判');

    now = Date.parse('2026-12-20T04:00:00Z'); // weeks later the incident is judged 无需回应
    const [incident] = (await ok('listIncidents', {})).rows;
    await ok('transitionIncident', { id: incident!.id, to: '无需回应', reason: '经核实系重复反映' });
    const reprinted = await ok('getDigest', { period: '2026-W48' });
    expect(reprinted.response).toEqual(printed.response);
    expect(reprinted.byStatus).toEqual(printed.byStatus);
  });
});
