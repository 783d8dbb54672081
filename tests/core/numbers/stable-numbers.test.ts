import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { createIncident } from '../../../electron/core/ledger/incidents.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { memoryKeyStore } from '../../../electron/core/sync/keystore.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { introduce, testClock } from '../sync/helpers.js';

// Issue 11, numbers: workstations registering incidents in the same year and exchanging bundles in every order —
// every incident keeps the number it was given, on every workstation, at every moment, and no two share one.

const RUNS = Number(process.env.YQ_NUMBER_RUNS ?? 70);
const CODES = ['宣', '城关', '信访', 'WX', '政2'];

type Cmd =
  | { kind: 'create'; r: number; day: number }
  | { kind: 'export'; from: number; to: number; full: boolean }
  | { kind: 'deliver'; bundle: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('create' as const), r: fc.nat(4), day: fc.nat(20) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('export' as const), from: fc.nat(4), to: fc.nat(4), full: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), bundle: fc.nat(30) }) },
);

const counts = { histories: 0, incidents: 0, imports: 0, checks: 0 };

function numbersOf(ledger: Ledger): Map<string, string> {
  const rows = ledger.db.prepare('SELECT id, number FROM incidents').all() as { id: string; number: string }[];
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Every incident a workstation holds carries the number it was given, and no number is held twice. */
function check(ledger: Ledger, given: ReadonlyMap<string, string>): void {
  const held = numbersOf(ledger);
  for (const [id, number] of held) expect(number, `incident ${id} on ${ledger.siteName}`).toBe(given.get(id));
  expect(new Set(held.values()).size).toBe(held.size);
  counts.checks += 1;
}

async function runHistory(n: number, commands: readonly Cmd[]): Promise<void> {
  const clock = testClock(Date.parse('2026-03-01T04:00:00Z'));
  const ledgers = Array.from({ length: n }, (_, i) =>
    openLedger({ path: ':memory:', now: clock.now, siteName: `工作站${i + 1}`, siteCode: CODES[i]!, keyStore: memoryKeyStore() }),
  );
  try {
    await introduce(...ledgers);
    const given = new Map<string, string>();
    const mail: { to: number; bytes: Uint8Array }[] = [];
    for (const c of commands) {
      clock.advance(60_000);
      if (c.kind === 'create') {
        const ledger = ledgers[c.r % n]!;
        const incident = createIncident(
          ledger.ctx,
          incidentInputSchema.parse({
            title: `事件${given.size + 1}`,
            platform: '微博',
            foundAt: `2026-02-${String(1 + c.day).padStart(2, '0')} 09:00`,
            severity: 'general',
            categories: ['environment'],
          }),
        );
        given.set(incident.id, incident.number);
        counts.incidents += 1;
      } else if (c.kind === 'export') {
        const from = c.from % n;
        const to = c.to % n;
        if (from === to) continue;
        const { bytes } = await buildBundle(ledgers[from]!, { peers: [ledgers[to]!.siteId], full: c.full });
        mail.push({ to, bytes });
      } else if (mail.length > 0) {
        const letter = mail[c.bundle % mail.length]!;
        await importBundleBytes(ledgers[letter.to]!, letter.bytes);
        counts.imports += 1;
        check(ledgers[letter.to]!, given);
      }
    }
    // Everyone's incidents reach everyone, through the first workstation.
    const [hub, ...rest] = ledgers;
    for (const l of rest) await importBundleBytes(hub!, (await buildBundle(l, { peers: [hub!.siteId], full: false })).bytes);
    for (const l of rest) await importBundleBytes(l, (await buildBundle(hub!, { peers: [l.siteId], full: false })).bytes);
    for (const l of ledgers) {
      check(l, given);
      expect(numbersOf(l).size).toBe(given.size);
    }
  } finally {
    for (const l of ledgers) l.close();
  }
}

describe('incident numbers never change', () => {
  it.each([2, 3, 5])(`keeps every number on %i workstations over ${RUNS} random exchange histories`, async (n) => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 4, maxLength: 30 }), async (commands) => {
        counts.histories += 1;
        await runHistory(n, commands);
      }),
      { numRuns: RUNS },
    );
    console.log(`stable numbers (${n} workstations): ${JSON.stringify(counts)}`);
  }, 600_000);
});
