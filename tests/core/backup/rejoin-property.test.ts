import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../electron/core/backup/create.js';
import { restoreBackup } from '../../../electron/core/backup/restore.js';
import { type Ledger, openLedger } from '../../../electron/core/open-ledger.js';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import { updateIncident } from '../../../electron/core/ledger/incidents.js';
import { incidentPatchSchema } from '../../../shared/schemas.js';
import { tempDir } from '../../helpers/temp.js';
import { introduce, ledgerHash, testClock } from '../sync/helpers.js';
import { addIncident, exchange, fileLedger } from './helpers.js';

// Random histories of three workstations that edit, exchange bundles, back up, and restore (one at a time, any
// of them, from any of its backups, sometimes twice): once everyone has exchanged with everyone, all replicas
// hold the same ledger, nothing was refused, and every audit log verifies.

const RUNS = Number(process.env.YQ_REJOIN_RUNS ?? 20);
const NAMES = ['县委宣传部', '城关镇', '县信访局'];

type Cmd =
  | { kind: 'create'; r: number; title: number }
  | { kind: 'edit'; r: number; target: number; value: number }
  | { kind: 'sync'; from: number; to: number }
  | { kind: 'backup'; r: number }
  | { kind: 'restore'; r: number; which: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), r: fc.nat(2), title: fc.nat(9) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), r: fc.nat(2), target: fc.nat(30), value: fc.nat(9) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('backup' as const), r: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('restore' as const), r: fc.nat(2), which: fc.nat(5) }) },
);

describe('restores in random histories', () => {
  it(`all replicas converge, with every change that survived anywhere (${RUNS} histories)`, async () => {
    let restores = 0;
    let syncs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 12, maxLength: 30 }), async (cmds) => {
        const dir = tempDir();
        const clock = testClock();
        const ledgers: Ledger[] = NAMES.map((name) => fileLedger(dir, name, clock.now));
        const backups: string[][] = NAMES.map(() => []);
        await introduce(...ledgers);
        try {
          for (const c of cmds) {
            clock.advance(60_000);
            if (c.kind === 'create') addIncident(ledgers[c.r]!, `事件${c.title}`);
            else if (c.kind === 'edit') {
              const ids = (ledgers[c.r]!.db.prepare('SELECT id FROM incidents WHERE deleted = 0 ORDER BY id').all() as { id: string }[]).map((r) => r.id);
              if (ids.length > 0) updateIncident(ledgers[c.r]!.ctx, ids[c.target % ids.length]!, incidentPatchSchema.parse({ summary: `摘要${c.value}` }));
            } else if (c.kind === 'sync') {
              if (c.from === c.to) continue;
              await exchange(ledgers[c.from]!, ledgers[c.to]!);
              syncs += 1;
            } else if (c.kind === 'backup') {
              backups[c.r]!.push((await createBackup(ledgers[c.r]!, { dir: join(dir, `backups-${c.r}`) })).file);
            } else {
              const list = backups[c.r]!;
              if (list.length === 0) continue;
              const ledger = ledgers[c.r]!;
              ledger.close();
              await restoreBackup(ledger.path, list[c.which % list.length]!, { now: clock.now });
              ledgers[c.r] = openLedger({ path: ledger.path, now: clock.now, actor: NAMES[c.r]! });
              restores += 1;
            }
          }
          // Everyone exchanges with everyone until nothing new arrives (two rounds reach everything with three).
          for (let round = 0; round < 3; round += 1) {
            for (const from of ledgers) for (const to of ledgers) if (from !== to) await exchange(from, to);
          }
          const hashes = ledgers.map((l) => ledgerHash(l.db));
          expect(new Set(hashes).size).toBe(1);
          for (const l of ledgers) expect(verifyAudit(l.db).ok).toBe(true);
        } finally {
          for (const l of ledgers) if (l.db.open) l.close();
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`[rejoin property] ${RUNS} histories, ${restores} restores, ${syncs} exchanges before the final rounds: all converged`);
    expect(restores).toBeGreaterThan(0);
  }, 600_000);
});
