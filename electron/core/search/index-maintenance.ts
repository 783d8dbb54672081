import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { toIndexText } from './bigrams.js';
import { categoryColumnText } from './category-tokens.js';

/** Rebuilds the search row of one incident from its title, summary, responses and categories (or drops it if deleted). */
export function reindexIncidentSearch(db: Db, incidentId: string): void {
  reindexIncidentsSearch(db, [incidentId]);
}

interface IndexedIncident {
  rowid: number;
  id: string;
  title: string;
  summary: string;
  categories: string;
  deleted: number;
}

/**
 * Rebuilds the search rows of many incidents, in rowid order. FTS5 keeps a transaction's new rows in memory only
 * while their rowids rise; a rowid lower than the last one written makes it flush them as a new segment on disk
 * (and later merge it). Rebuilding in the order the stale set was filled — old incidents answered between new ones —
 * flushed at nearly every row, which made each change cost more as the index grew.
 */
export function reindexIncidentsSearch(db: Db, incidentIds: Iterable<string>): void {
  // Only the keys are held for the sort: a batch can make thousands of incidents stale, each with long texts.
  const keyOf = cached(db, 'SELECT rowid, id FROM incidents WHERE id = ?');
  const keys: { rowid: number; id: string }[] = [];
  for (const id of incidentIds) {
    const key = keyOf.get(id) as { rowid: number; id: string } | undefined;
    if (key) keys.push(key);
  }
  keys.sort((a, b) => a.rowid - b.rowid);
  const read = cached(db, 'SELECT rowid, id, title, summary, categories, deleted FROM incidents WHERE rowid = ?');
  for (const key of keys) {
    const incident = read.get(key.rowid) as IndexedIncident;
    cached(db, 'DELETE FROM incident_search WHERE rowid = ?').run(incident.rowid);
    if (incident.deleted === 1) continue;
    const responses = cached(
      db,
      'SELECT content FROM responses WHERE incident_id = ? AND deleted = 0 ORDER BY at',
    ).all(incident.id) as { content: string }[];
    cached(db, 'INSERT INTO incident_search (rowid, title, summary, responses, categories) VALUES (?, ?, ?, ?, ?)').run(
      incident.rowid,
      toIndexText(incident.title),
      toIndexText(incident.summary),
      toIndexText(responses.map((r) => r.content).join('\n')),
      categoryColumnText(JSON.parse(incident.categories) as string[]),
    );
  }
}
