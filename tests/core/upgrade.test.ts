import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.js';
import { openLedger } from '../../electron/core/ledger.js';
import { clockOfIncident } from '../../electron/core/ledger/clock.js';
import { listIncidents } from '../../electron/core/ledger/incidents.js';
import { reindexIncidentSearch } from '../../electron/core/search/index-maintenance.js';
import { incidentQuerySchema } from '../../shared/schemas.js';
import { tempDir } from '../helpers/temp.js';

// A ledger made by every earlier version of the app must open in this one: its recorded migrations must still
// match ours, the rest must apply, and derived data (search index, category index, first responses) must be filled
// for the rows it already holds.

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
        if (count < 5) db.prepare("INSERT INTO incident_categories (category_id, incident_id) VALUES ('wages', 'i1')").run();
        else db.prepare("INSERT INTO incident_categories (category_id, found_at, incident_rowid) SELECT 'wages', found_at, rowid FROM incidents").run();
        if (count >= 2) {
          db.prepare(
            `INSERT INTO responses (id, incident_id, at, method, channel, content, created_at)
             VALUES ('r1', 'i1', '2026-11-20T03:00:00.000Z', 'press_conference', 'media', '召开新闻发布会', '2026-11-20T03:00:00.000Z')`,
          ).run();
          reindexIncidentSearch(db, 'i1');
          // From schema 8 the apply path keeps each incident's first response beside it.
          if (count >= 8) {
            db.prepare("INSERT INTO incident_first_responses (incident_id, first_any, first_press) VALUES ('i1', '2026-11-20T03:00:00.000Z', '2026-11-20T03:00:00.000Z')").run();
          }
        }
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
      ledger.close();
    },
  );
});
