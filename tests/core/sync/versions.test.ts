import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import type { Db } from '../../../electron/core/db/open.js';
import { type Ledger, openLedger } from '../../../electron/core/open-ledger.js';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import { createIncident, updateIncident } from '../../../electron/core/ledger/incidents.js';
import { mutate } from '../../../electron/core/ledger/mutate.js';
import { type Catalogue, LEDGER_TABLES, SYNC_VERSION, syncVersionOf } from '../../../electron/core/ledger/tables.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { NEWER_VERSION_NOTICE } from '../../../electron/core/sync/held.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { type KeyStore, memoryKeyStore } from '../../../electron/core/sync/keystore.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { tempDir } from '../../helpers/temp.js';
import { introduce, testClock } from './helpers.js';

// Offices upgrade one machine at a time (issue 11). "Next version" = today's catalogue plus a synced field on
// incidents and a synced table, with the migration that stores them. Today's version applies what it knows of the
// next version's bundles and keeps the rest (passing it on to a third workstation); the next version reads today's
// bundles; after the upgrade every workstation holds the same ledger.

const NEXT: Catalogue = {
  ...LEDGER_TABLES,
  incidents: { ...LEDGER_TABLES.incidents, trend: 'text' },
  hotspots: { name: 'text', heat: 'int', deleted: 'bool' },
};
const NEXT_VERSION = {
  catalogue: NEXT,
  migrations: [
    ...MIGRATIONS,
    {
      version: MIGRATIONS.length + 1,
      name: 'next',
      sql: `ALTER TABLE incidents ADD COLUMN trend TEXT NOT NULL DEFAULT '';
            CREATE TABLE hotspots (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', heat INTEGER NOT NULL DEFAULT 0,
              deleted INTEGER NOT NULL DEFAULT 0) STRICT;`,
    },
  ],
};

/** The synced state as the next version sees it: every table of its catalogue, and every operation. */
function nextHash(db: Db): string {
  const hash = createHash('sha256');
  for (const table of Object.keys(NEXT).sort()) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()) hash.update(`${table}\t${JSON.stringify(row)}\n`);
  }
  for (const row of db.prepare('SELECT hlc, site, tbl, row, col, value FROM ops ORDER BY hlc').all()) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

const heldCount = (l: Ledger) => l.db.prepare('SELECT count(*) FROM held_ops').pluck().get() as number;

async function send(from: Ledger, to: Ledger): Promise<Uint8Array> {
  return (await buildBundle(from, { peers: [to.siteId], full: false })).bytes;
}

describe('sync across versions', () => {
  it('the version derives from the catalogue: one more field is one more version', () => {
    expect(syncVersionOf(NEXT)).toBe(SYNC_VERSION + 4);
  });

  it('today’s and the next version sync both ways, and converge once today’s is upgraded', async () => {
    const clock = testClock();
    const dir = tempDir();
    const keys = { a: memoryKeyStore(), c: memoryKeyStore() } satisfies Record<string, KeyStore>;
    const openToday = (name: 'a' | 'c') =>
      openLedger({ path: join(dir, `${name}.db`), now: clock.now, siteName: name === 'a' ? '县委宣传部' : '城关镇', keyStore: keys[name] });
    const openNext = (name: 'a' | 'c') => openLedger({ path: join(dir, `${name}.db`), now: clock.now, keyStore: keys[name], version: NEXT_VERSION });
    let a = openToday('a');
    let c = openToday('c');
    const b = openLedger({ path: ':memory:', now: clock.now, siteName: '县信访局', keyStore: memoryKeyStore(), version: NEXT_VERSION });
    try {
      await introduce(a, b, c);
      const made = createIncident(
        b.ctx,
        incidentInputSchema.parse({ title: '某小区供暖不热', platform: '微博', foundAt: '2026-11-27 09:30', severity: 'general', categories: ['其他'] }),
      );
      clock.advance(1000);
      mutate(b.ctx, { action: 'update', entity: 'incident', entityId: made.id, summary: '趋势' }, [
        { table: 'incidents', row: made.id, fields: { trend: '升温' } },
        { table: 'hotspots' as 'units', row: 'h1', fields: { name: '供暖', heat: 3 } },
      ]);

      // Today's version: applies the incident, keeps the field and the table it does not know, says so.
      clock.advance(1000);
      const atA = await importBundleBytes(a, await send(b, a));
      expect(atA.messages.join()).toContain(NEWER_VERSION_NOTICE);
      expect(a.db.prepare('SELECT title FROM incidents WHERE id = ?').pluck().get(made.id)).toBe('某小区供暖不热');
      expect(heldCount(a)).toBe(3);
      // …and passes it on: a third workstation on today's version gets it through A.
      const atC = await importBundleBytes(c, await send(a, c));
      expect(atC.messages.join()).toContain(NEWER_VERSION_NOTICE);
      expect(heldCount(c)).toBe(3);

      // Both edit on their own version; today's bundles are read by the next version.
      clock.advance(1000);
      updateIncident(a.ctx, made.id, { title: '某小区供暖不热，居民投诉' });
      mutate(b.ctx, { action: 'update', entity: 'incident', entityId: made.id, summary: '趋势' }, [
        { table: 'incidents', row: made.id, fields: { trend: '回落' } },
      ]);
      clock.advance(1000);
      const atB = await importBundleBytes(b, await send(a, b));
      expect(atB.applied).toBeGreaterThan(0);
      expect(b.db.prepare('SELECT title FROM incidents WHERE id = ?').pluck().get(made.id)).toBe('某小区供暖不热，居民投诉');
      await importBundleBytes(a, await send(b, a));
      expect(heldCount(a)).toBe(4);
      expect(verifyAudit(a.db).ok).toBe(true);

      // A and C are upgraded: on the first open the held operations apply, newest stamp winning.
      a.close();
      c.close();
      a = openNext('a');
      c = openNext('c');
      expect(heldCount(a)).toBe(0);
      expect(a.db.prepare('SELECT trend FROM incidents WHERE id = ?').pluck().get(made.id)).toBe('回落');
      expect(c.db.prepare('SELECT trend FROM incidents WHERE id = ?').pluck().get(made.id)).toBe('升温');
      expect(a.db.prepare("SELECT name, heat FROM hotspots WHERE id = 'h1'").get()).toEqual({ name: '供暖', heat: 3 });

      for (const [from, to] of [[b, a], [a, b], [a, c], [c, a], [b, c]] as const) await importBundleBytes(to, await send(from, to));
      expect(new Set([a, b, c].map((l) => nextHash(l.db))).size).toBe(1);
      for (const l of [a, b, c]) expect(verifyAudit(l.db).ok).toBe(true);
    } finally {
      for (const l of [a, b, c]) if (l.db.open) l.close();
    }
  });

  it('still refuses a field it does not know from a sender that is not newer (hostile, not a newer version)', async () => {
    const clock = testClock();
    const keyStore = memoryKeyStore();
    const a = openLedger({ path: ':memory:', now: clock.now, siteName: '甲', keyStore });
    // A sender that claims today's version while sending the next version's field.
    const b = openLedger({ path: ':memory:', now: clock.now, siteName: '乙', keyStore: memoryKeyStore(), version: NEXT_VERSION });
    try {
      await introduce(a, b);
      const made = createIncident(
        b.ctx,
        incidentInputSchema.parse({ title: '事件', platform: '微博', foundAt: '2026-11-27 09:30', severity: 'general', categories: ['其他'] }),
      );
      mutate(b.ctx, { action: 'update', entity: 'incident', entityId: made.id, summary: '趋势' }, [
        { table: 'incidents', row: made.id, fields: { trend: '升温' } },
      ]);
      b.ctx.catalogue = LEDGER_TABLES; // its bundles now claim today's version
      await expect(importBundleBytes(a, await send(b, a))).rejects.toThrow(/没有可同步的字段“trend”/);
      expect(heldCount(a)).toBe(0);
    } finally {
      a.close();
      b.close();
    }
  });
});
