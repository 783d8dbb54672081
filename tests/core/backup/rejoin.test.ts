import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupRound } from '../../../electron/core/backup/run.js';
import { restoreBackup } from '../../../electron/core/backup/restore.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import { updateIncident } from '../../../electron/core/ledger/incidents.js';
import { loadIdentity } from '../../../electron/core/sync/identity.js';
import { listPeers } from '../../../electron/core/sync/peers.js';
import { incidentPatchSchema } from '../../../shared/schemas.js';
import { tempDir } from '../../helpers/temp.js';
import { introduce, ledgerHash, testClock } from '../sync/helpers.js';
import { addIncident, exchange, fileLedger, titles } from './helpers.js';

// The story of issue 10: A and B sync; A backs up; both change things and sync; A's disk dies and A restores the
// backup; A and B exchange bundles; both end with every change either ever made, and audit verify passes.

describe('a restored workstation rejoins its peers', () => {
  it('gets back everything it lost from its peer, under a new site id the peer accepts as the same workstation', async () => {
    const dir = tempDir();
    const clock = testClock();
    let a = fileLedger(dir, '县委宣传部', clock.now);
    const b = fileLedger(dir, '城关镇', clock.now);
    await introduce(a, b);
    const first = addIncident(a, '河道污染');
    addIncident(b, '企业拖欠农民工工资');
    await exchange(a, b);
    await exchange(b, a);

    clock.advance(3600_000);
    const round = await backupRound(a, { dir: join(dir, 'backups') });
    expect(round.primary.verified).toBe(true);

    clock.advance(3600_000);
    addIncident(a, '学校食堂食品安全');
    updateIncident(a.ctx, first, incidentPatchSchema.parse({ summary: '备份之后补充的摘要' }));
    addIncident(b, '小区拆迁补偿纠纷');
    await exchange(a, b);
    await exchange(b, a);
    const everything = titles(b);
    const formerSite = a.siteId;
    const aPath = a.path;
    a.close(); // the disk dies; the backup survives

    clock.advance(3600_000);
    const restored = await restoreBackup(aPath, round.primary.file, { now: clock.now });
    expect(restored.formerSite).toBe(formerSite);
    a = openLedger({ path: aPath, now: clock.now, actor: '县委宣传部' });
    expect(a.siteId).toBe(restored.site);
    expect(a.siteId).not.toBe(formerSite);
    expect(titles(a)).not.toContain('学校食堂食品安全');
    expect((await loadIdentity(a)).site).toBe(a.siteId); // its keys followed it to the new id

    addIncident(a, '县城供暖不热'); // made after the restore
    addIncident(b, '养老院服务投诉'); // made meanwhile on B
    // B still knows A under its old id and sends what it thinks A lacks: nothing is refused as forged.
    const fromB = await exchange(b, a);
    expect(fromB.applied).toBeGreaterThan(0);
    const toB = await exchange(a, b);
    expect(toB.applied).toBeGreaterThan(0);
    expect(listPeers(b.db).map((p) => p.siteId)).toEqual([a.siteId]);
    // Now B knows what the restored A holds, and its next bundle brings back what A lost.
    await exchange(b, a);
    await exchange(a, b);

    expect(titles(a)).toEqual([...everything, '县城供暖不热', '养老院服务投诉'].sort());
    expect(titles(a)).toEqual(titles(b));
    expect(ledgerHash(a.db)).toBe(ledgerHash(b.db));
    const summary = (a.db.prepare('SELECT summary FROM incidents WHERE id = ?').get(first) as { summary: string }).summary;
    expect(summary).toBe('备份之后补充的摘要');
    expect(verifyAudit(a.db).ok).toBe(true);
    expect(verifyAudit(b.db).ok).toBe(true);
    const bAudit = b.db.prepare("SELECT summary FROM audit WHERE action = 'peer.restored'").all() as { summary: string }[];
    expect(bAudit).toHaveLength(1);
    expect(bAudit[0]!.summary).toContain(formerSite);
    a.close();
    b.close();
  });

  it('keeps its keys when restored twice from the same backup (the key file names the id of the first restore)', async () => {
    const dir = tempDir();
    const clock = testClock();
    const a = fileLedger(dir, '县委宣传部', clock.now);
    const fingerprintKey = (await loadIdentity(a)).current.signPublic;
    const round = await backupRound(a, { dir: join(dir, 'backups') });
    a.close();
    for (let i = 0; i < 2; i += 1) {
      await restoreBackup(a.path, round.primary.file, { now: clock.now });
      const again = openLedger({ path: a.path, now: clock.now });
      expect((await loadIdentity(again)).current.signPublic).toBe(fingerprintKey);
      again.close();
    }
  });
});
