import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBackup } from '../../../electron/core/backup/check.js';
import { createBackup } from '../../../electron/core/backup/create.js';
import { SIDECAR } from '../../../electron/core/backup/names.js';
import { restoreBackup } from '../../../electron/core/backup/restore.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { sha256File } from '../../../electron/core/backup/files.js';
import { tempDir } from '../../helpers/temp.js';
import { testClock } from '../sync/helpers.js';
import { addIncident } from './helpers.js';

// A backup damaged on its disk (flipped bytes, a truncated copy) is refused by verify and by restore, and the
// ledger is left exactly as it was. Small ledgers keep the 1,000 cases fast.

const RUNS = Number(process.env.YQ_CORRUPT_RUNS ?? 1000);

const damage = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), bits: fc.integer({ min: 1, max: 255 }), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), bits: fc.constant(0), count: fc.constant(1) }),
);

describe('corrupted backups', () => {
  it(`are refused by verify and restore, the ledger unchanged (${RUNS} cases)`, async () => {
    const dir = tempDir();
    const clock = testClock();
    const path = join(dir, 'ledger.db');
    const ledger = openLedger({ path, now: clock.now });
    addIncident(ledger, '河道污染');
    addIncident(ledger, '企业拖欠农民工工资');
    const good = await createBackup(ledger, { dir: join(dir, 'backups') });
    ledger.close();
    const original = readFileSync(good.file);
    const ledgerBefore = sha256File(path);
    const damaged = join(dir, 'backups', 'yq-backup-20261128T040000999Z.db');
    let refusedByVerify = 0;
    let refusedByRestore = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const bytes = Buffer.from(original);
        const at = Math.floor(d.at * bytes.length);
        let file = bytes;
        if (d.kind === 'truncate') file = bytes.subarray(0, at);
        else for (let i = 0; i < d.count; i += 1) bytes[(at + i * 4099) % bytes.length]! ^= d.bits;
        writeFileSync(damaged, file);
        copyFileSync(`${good.file}${SIDECAR}`, `${damaged}${SIDECAR}`); // the record of the good backup, as on disk
        const check = await checkBackup(damaged);
        expect(check.ok).toBe(false);
        refusedByVerify += 1;
        await expect(restoreBackup(path, damaged, { now: clock.now })).rejects.toThrow('不能恢复');
        refusedByRestore += 1;
      }),
      { numRuns: RUNS },
    );
    expect(sha256File(path)).toBe(ledgerBefore);
    expect((await checkBackup(good.file)).ok).toBe(true);
    expect(refusedByVerify).toBeGreaterThanOrEqual(RUNS);
    expect(refusedByRestore).toBeGreaterThanOrEqual(RUNS);
  }, 300_000);

  it('without their record, structural damage is still refused (header, page structure, audit chain)', async () => {
    const dir = tempDir();
    const clock = testClock();
    const ledger = openLedger({ path: join(dir, 'ledger.db'), now: clock.now });
    addIncident(ledger, '河道污染');
    const good = await createBackup(ledger, { dir: join(dir, 'backups') });
    ledger.close();
    const bytes = readFileSync(good.file);
    const loose = join(dir, 'copied-alone.db');
    writeFileSync(loose, bytes.subarray(0, 4096 * 3)); // truncated
    expect((await checkBackup(loose)).ok).toBe(false);
    const header = Buffer.from(bytes);
    header.fill(0, 0, 16);
    writeFileSync(loose, header);
    expect((await checkBackup(loose)).reason).toContain('不是台账数据库');
    writeFileSync(loose, bytes);
    expect((await checkBackup(loose)).ok).toBe(true);
  });
});
