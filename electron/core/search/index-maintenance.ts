import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { toIndexText } from './bigrams.js';
import { categoryColumnText } from './category-tokens.js';

/** Rebuilds the search row of one incident from its title, summary, responses and categories (or drops it if deleted). */
export function reindexIncidentSearch(db: Db, incidentId: string): void {
  const incident = cached(db, 'SELECT rowid, title, summary, categories, deleted FROM incidents WHERE id = ?').get(incidentId) as
    | { rowid: number; title: string; summary: string; categories: string; deleted: number }
    | undefined;
  if (!incident) return;
  cached(db, 'DELETE FROM incident_search WHERE rowid = ?').run(incident.rowid);
  if (incident.deleted === 1) return;
  const responses = cached(
    db,
    'SELECT content FROM responses WHERE incident_id = ? AND deleted = 0 ORDER BY at',
  ).all(incidentId) as { content: string }[];
  cached(db, 'INSERT INTO incident_search (rowid, title, summary, responses, categories) VALUES (?, ?, ?, ?, ?)').run(
    incident.rowid,
    toIndexText(incident.title),
    toIndexText(incident.summary),
    toIndexText(responses.map((r) => r.content).join('\n')),
    categoryColumnText(JSON.parse(incident.categories) as string[]),
  );
}
