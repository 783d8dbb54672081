import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.js';
import { openLedger } from '../../electron/core/open-ledger.js';
import { clockOfIncident } from '../../electron/core/ledger/clock.js';
import { listIncidents } from '../../electron/core/ledger/incidents.js';
import { reindexIncidentSearch } from '../../electron/core/search/index-maintenance.js';
import { toIndexText } from '../../electron/core/search/bigrams.js';
import { appendAudit, sealEntry } from '../../electron/core/ledger/audit.js';
import { verifyAudit } from '../../electron/core/ledger/verify-audit.js';
import { storeOps } from '../../electron/core/ledger/op-store.js';
import type { FieldValue, LedgerTable } from '../../electron/core/ledger/tables.js';
import { createHlc } from '../../electron/core/sync/hlc.js';
import { incidentQuerySchema } from '../../shared/schemas.js';
import { tempDir } from '../helpers/temp.js';

// A ledger made by every earlier version of the app must open in this one: its recorded migrations must still
// match ours, the rest must apply, and derived data (search index, category index, first responses) must be filled
// for the rows it already holds.

const OLD_SITE = 'a1b2c3d4e5f60718';
/** One operation of every stored kind of value: text, list, boolean, whole and fractional numbers, null. */
const OLD_OPS: { hlc: string; tbl: LedgerTable; row: string; col: string; value: FieldValue }[] = [
  { hlc: `2026-11-20T01:00:00.000Z-0000-${OLD_SITE}`, tbl: 'incidents', row: 'i1', col: 'title', value: '某工地拖欠农民工工资' },
  { hlc: `2026-11-20T01:00:00.000Z-0001-${OLD_SITE}`, tbl: 'incidents', row: 'i1', col: 'categories', value: ['wages'] },
  { hlc: `2026-11-20T01:00:00.000Z-0002-${OLD_SITE}`, tbl: 'incidents', row: 'i1', col: 'deleted', value: false },
  { hlc: `2026-11-20T01:00:00.000Z-00ff-${OLD_SITE}`, tbl: 'incidents', row: 'i1', col: 'key_type_61', value: null },
  // Times are stored as milliseconds; text that only looks like a time (no such day, before 1970) stays text.
  { hlc: `2026-11-20T01:00:00.000Z-0100-${OLD_SITE}`, tbl: 'incidents', row: 'i1', col: 'found_at', value: '2026-11-20T01:00:00.000Z' },
  { hlc: `2026-11-20T01:00:00.000Z-0101-${OLD_SITE}`, tbl: 'incidents', row: 'i1', col: 'summary', value: '2026-02-30T00:00:00.000Z' },
  { hlc: `2026-11-20T01:00:00.000Z-0102-${OLD_SITE}`, tbl: 'incidents', row: 'i1', col: 'url', value: '1969-12-31T23:59:59.999Z' },
  { hlc: `2026-11-20T01:00:00.000Z-0103-${OLD_SITE}`, tbl: 'incidents', row: 'i1', col: 'first_seen_at', value: '2026-11-19T23:59:59.999Z' },
  { hlc: `2026-11-20T01:00:00.001Z-0000-${OLD_SITE}`, tbl: 'categories', row: 'wages', col: 'sort_order', value: 3 },
  { hlc: `2026-11-20T01:00:00.999Z-abcd-${OLD_SITE}`, tbl: 'response_rules', row: 'major', col: 'info_hours', value: 4.5 },
  { hlc: `2026-11-20T01:00:01.000Z-0000-${OLD_SITE}`, tbl: 'response_rules', row: 'major', col: 'press_hours', value: 24 },
];

describe('upgrading ledgers made by earlier versions', () => {
  it.each(MIGRATIONS.slice(0, -1).map((m, i) => [m.version, i + 1] as const))(
    'opens a ledger at schema version %i and finds its incidents by category and by a two-character search',
    (_version, count) => {
      const path = join(tempDir(), 'old.db');
      const { db, guard } = openDatabase({ path, migrations: MIGRATIONS.slice(0, count) });
      // What an older app had written: a category, and an incident tagged with it (columns of migration 1).
      guard.allow(() => {
        db.prepare("INSERT INTO categories (id, name, short) VALUES ('wages', '工资拖欠', '欠薪')").run();
        db.prepare(
          `INSERT INTO incidents (id, number, title, summary, found_at, categories, created_at, updated_at)
           VALUES ('i1', 'YQ-2026-0001', '某工地拖欠农民工工资', '工人讨薪无果', '2026-11-20T01:00:00.000Z', '["wages"]',
                   '2026-11-20T01:00:00.000Z', '2026-11-20T01:00:00.000Z')`,
        ).run();
        // …and the derived rows that version's apply path kept with it.
        if (count >= 8) db.prepare("INSERT INTO incident_first_responses (incident_id, first_any, first_press) VALUES ('i1', '2026-11-20T03:00:00.000Z', '2026-11-20T03:00:00.000Z')").run();
        if (count < 5) db.prepare("INSERT INTO incident_categories (category_id, incident_id) VALUES ('wages', 'i1')").run();
        else db.prepare("INSERT INTO incident_categories (category_id, found_at, incident_rowid) SELECT 'wages', found_at, rowid FROM incidents").run();
        // Its sync operations as that version stored them, and the audit entry sealing them.
        // From the compact-ops migration on they are stored compactly.
        if (count <= MIGRATIONS.findIndex((m) => m.name === 'compact-ops')) {
          const insertOp = db.prepare('INSERT INTO ops (hlc, site, tbl, row, col, value) VALUES (?, ?, ?, ?, ?, ?)');
          for (const op of OLD_OPS) insertOp.run(op.hlc, OLD_SITE, op.tbl, op.row, op.col, JSON.stringify(op.value));
        } else {
          // Today's store consults the prune markers of migration 18, which this schema predates: an empty
          // stand-in for this connection only (a temporary table, gone when the file is closed).
          db.exec('CREATE TEMP TABLE IF NOT EXISTS op_prunes (site INTEGER, first_hlc INTEGER, last_hlc INTEGER)');
          storeOps(db, OLD_OPS.map((op) => ({ ...op, site: OLD_SITE })));
        }
        const ctx = { db, guard, hlc: createHlc({ site: OLD_SITE, now: () => 0 }), site: OLD_SITE, now: () => Date.parse('2026-11-20T01:00:00Z'), actor: '旧版' };
        const meta = { action: 'create', entity: 'incident', entityId: 'i1', summary: '登记 YQ-2026-0001' };
        const sealed = OLD_OPS.map((op) => ({ ...op, site: OLD_SITE }));
        // From the compact-audit migration on, entries are stored compactly; before it, as text in \`audit\`.
        if (count <= MIGRATIONS.findIndex((m) => m.name === 'compact-audit')) {
          db.prepare(
            `INSERT INTO audit (seq, at, site, actor, action, entity, entity_id, summary, op_count, first_hlc, last_hlc, ops_digest, prev_hash, hash)
             VALUES (@seq, @at, @site, @actor, @action, @entity, @entity_id, @summary, @op_count, @first_hlc, @last_hlc, @ops_digest, @prev_hash, @hash)`,
          ).run(sealEntry(ctx, meta, sealed, undefined));
        } else {
          appendAudit(ctx, meta, sealed);
        }
        if (count >= 2) {
          db.prepare(
            `INSERT INTO responses (id, incident_id, at, method, channel, content, created_at)
             VALUES ('r1', 'i1', '2026-11-20T03:00:00.000Z', 'press_conference', 'media', '召开新闻发布会', '2026-11-20T03:00:00.000Z')`,
          ).run();
          // The search row that version's apply path kept: from migration 20 on with the categories column.
          if (count > MIGRATIONS.findIndex((m) => m.name === 'search-categories')) reindexIncidentSearch(db, 'i1');
          else {
            const { rowid } = db.prepare("SELECT rowid FROM incidents WHERE id = 'i1'").get() as { rowid: number };
            db.prepare('DELETE FROM incident_search WHERE rowid = ?').run(rowid);
            db.prepare('INSERT INTO incident_search (rowid, title, summary, responses) VALUES (?, ?, ?, ?)').run(
              rowid,
              toIndexText('某工地拖欠农民工工资'),
              toIndexText('工人讨薪无果'),
              toIndexText('召开新闻发布会'),
            );
          }
        }
        // From the similarity migration on, the apply path signed each incident as that migration's backfill does.
        const similarity = MIGRATIONS.findIndex((m) => m.name === 'similarity');
        if (count > similarity) MIGRATIONS[similarity]?.backfill?.(db);
      });
      db.close();

      const ledger = openLedger({ path });
      expect(ledger.schemaVersion).toBe(MIGRATIONS.length);
      const byCategory = listIncidents(ledger.db, incidentQuerySchema.parse({ categories: ['欠薪'] }));
      expect(byCategory.rows.map((r) => r.number)).toEqual(['YQ-2026-0001']);
      const bySearch = listIncidents(ledger.db, incidentQuerySchema.parse({ text: '讨薪' }));
      expect(bySearch.rows.map((r) => r.number)).toEqual(['YQ-2026-0001']);
      // The response clock reads first responses from the table migration 8 fills.
      const metAt = clockOfIncident(ledger.db, 'i1', Date.parse('2026-11-28T00:00:00Z')).map((e) => e.metAt);
      expect(metAt.length).toBeGreaterThan(0);
      expect(metAt.every((at) => at === (count >= 2 ? '2026-11-20T03:00:00.000Z' : null))).toBe(true);
      // The similarity migration signs the incidents already there: similarity knows the old incident.
      expect(ledger.db.prepare('SELECT count(*) FROM incident_signatures').pluck().get()).toBe(1);
      // The operations, converted to the compact store, read back as they were written and still verify.
      expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
      const ops = ledger.db.prepare("SELECT hlc, tbl, row, col, value FROM ops WHERE site = ? ORDER BY hlc").all(OLD_SITE);
      expect(ops).toEqual(OLD_OPS.map((op) => ({ ...op, value: JSON.stringify(op.value) })));
      const storedAs = (col: string) =>
        ledger.db
          .prepare('SELECT typeof(o.value) FROM op_log o JOIN op_fields f ON f.id = o.field JOIN op_sites s ON s.id = o.site WHERE f.col = ? AND s.site = ?')
          .pluck()
          .get(col, OLD_SITE);
      expect([storedAs('found_at'), storedAs('summary'), storedAs('deleted'), storedAs('info_hours')]).toEqual(['integer', 'text', 'integer', 'real']);
      ledger.close();
    },
  );
});
