import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { tempDir } from '../../helpers/temp.js';
import { introduce, replica, testClock } from '../sync/helpers.js';
import { mutate } from '../../../electron/core/ledger/mutate.js';
import { join } from 'node:path';
import { openLedger } from '../../../electron/core/open-ledger.js';

// The similarity rows are derived data kept by the apply path: a local edit, a deletion and a sync import all
// leave them as a fresh computation would, and a ledger upgraded from schema 8 gets the same rows by backfill.

/** Signature and buckets per incident id, independent of each database's rowids. */
function similarityRows(ledger: Ledger) {
  const sigs = ledger.db
    .prepare('SELECT i.id, s.found_at, hex(s.sig) AS sig FROM incident_signatures s JOIN incidents i ON i.rowid = s.incident_rowid ORDER BY i.id')
    .all();
  const buckets = ledger.db
    .prepare('SELECT i.id, l.bucket, l.day FROM incident_lsh l JOIN incidents i ON i.rowid = l.incident_rowid ORDER BY i.id, l.bucket')
    .all();
  const frequency = ledger.db.prepare('SELECT hash, docs FROM shingle_frequency WHERE docs > 0 ORDER BY hash').all();
  return { sigs, buckets, frequency };
}

function ledger2Hashes(ledger: Ledger, id: string): number[] {
  const blob = ledger.db.prepare('SELECT s.shingles FROM incident_signatures s JOIN incidents i ON i.rowid = s.incident_rowid WHERE i.id = ?').pluck().get(id) as Buffer;
  return [...new Uint32Array(new Uint8Array(blob).buffer)];
}

const heating = {
  title: '幸福家园小区供暖不热，室温只有十几度',
  summary: '网友反映幸福家园小区暖气一直不热，家中室温只有14度左右，给供热公司打电话没人管。',
  platform: '微博',
  foundAt: '2026-11-20 09:00',
  severity: '一般',
  categories: ['困难群众'],
  leadUnit: '县住建局',
};

describe('similarity signatures', () => {
  it('follow local edits and deletions, and arrive the same on a peer through a bundle', async () => {
    const clock = testClock();
    const a = replica('县委宣传部', clock.now);
    const b = replica('城关镇', clock.now);
    await introduce(a, b);
    const { ok } = contractCalls(a);
    const one = await ok('createIncident', heating);
    const two = await ok('createIncident', { ...heating, title: '锦绣华庭暖气不热', summary: '业主称暖气温度不达标，室温不到16度。' });
    const before = similarityRows(a).sigs.find((r) => (r as { id: string }).id === two.id);
    await ok('updateIncident', { id: two.id, patch: { title: '锦绣华庭暖气不热，老人受冻' } });
    const after = similarityRows(a).sigs.find((r) => (r as { id: string }).id === two.id);
    expect(after).not.toEqual(before);
    expect(similarityRows(a).buckets.filter((r) => (r as { id: string }).id === two.id)).toHaveLength(24);

    const { bytes } = await buildBundle(a, { peers: [b.siteId], full: true });
    await importBundleBytes(b, bytes, {});
    expect(similarityRows(b)).toEqual(similarityRows(a));
    expect(similarityRows(b).sigs).toHaveLength(2);

    // Deleting on the peer (a synced deletion mark) takes the incident out of both derived tables there.
    mutate(b.ctx, { action: 'test.delete', entity: 'incident', entityId: one.id, summary: '删除' }, [
      { table: 'incidents', row: one.id, fields: { deleted: true } },
    ]);
    expect(similarityRows(b).sigs.map((r) => (r as { id: string }).id)).toEqual([two.id]);
    expect(similarityRows(b).buckets.every((r) => (r as { id: string }).id === two.id)).toBe(true);
    // The shingle frequencies are those of the one incident left, as a fresh count would give.
    const hashes = ledger2Hashes(b, two.id);
    expect(similarityRows(b).frequency).toEqual(hashes.map((hash) => ({ hash, docs: 1 })));
  });

  it('are backfilled when a schema-8 ledger is upgraded, the same as the apply path writes them', async () => {
    const dir = tempDir();
    // Today's ledger, through the apply path.
    const fresh = openLedger({ path: join(dir, 'fresh.db'), now: () => Date.parse('2026-11-28T04:00:00Z') });
    const { ok } = contractCalls(fresh);
    await ok('createIncident', heating);
    await ok('createIncident', { ...heating, title: 'G101国道改造封路', summary: '施工全封闭，绕行20多公里。' });
    const expected = similarityRows(fresh).sigs.map((r) => ({ ...(r as object), id: undefined }));
    const expectedFrequency = similarityRows(fresh).frequency;
    const incidents = fresh.db.prepare('SELECT rowid, * FROM incidents').all() as Record<string, unknown>[];
    fresh.close();

    // The same incidents in a ledger of schema 8, then opened by this version.
    const path = join(dir, 'old.db');
    const old = openDatabase({ path, migrations: MIGRATIONS.slice(0, 8) });
    old.guard.allow(() => {
      for (const row of incidents) {
        old.db
          .prepare('INSERT INTO incidents (id, number, title, summary, found_at, categories, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(row.id, row.number, row.title, row.summary, row.found_at, row.categories, row.created_at, row.updated_at);
      }
    });
    old.db.close();
    const upgraded = openLedger({ path, now: () => Date.parse('2026-11-28T04:00:00Z') });
    try {
      expect(similarityRows(upgraded).sigs.map((r) => ({ ...(r as object), id: undefined }))).toEqual(expected);
      expect(similarityRows(upgraded).buckets).toHaveLength(48);
      expect(similarityRows(upgraded).frequency).toEqual(expectedFrequency);
    } finally {
      upgraded.close();
    }
  });
});
