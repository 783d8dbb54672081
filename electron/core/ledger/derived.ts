import type { Db } from '../db/open.js';
import { reindexIncidentsSearch } from '../search/index-maintenance.js';
import { refreshSignatures } from '../similarity/signatures.js';
import { cached } from './statements.js';
import type { FieldValue, LedgerTable } from './tables.js';

// Indexes derived from synced fields, kept in step by the apply path — the one place local mutations, sync
// import and the demo fill all pass through — so they can never drift from the data.

interface AppliedRow {
  table: LedgerTable;
  row: string;
  fields: ReadonlyMap<string, FieldValue>;
}

const SEARCHED_INCIDENT_FIELDS = ['title', 'summary', 'categories', 'deleted'];
const SIGNED_INCIDENT_FIELDS = ['title', 'summary', 'found_at', 'deleted'];
const SEARCHED_RESPONSE_FIELDS = ['content', 'incident_id', 'deleted'];
const FIRST_RESPONSE_FIELDS = ['incident_id', 'at', 'method', 'deleted'];

/**
 * The incidents responses are about to leave: read before the operations apply, because a response whose
 * incident changes (sync may carry that) takes its text and its time out of the old incident's derived rows.
 */
export function formerOwners(db: Db, rows: Iterable<AppliedRow>): Set<string> {
  const owners = new Set<string>();
  for (const { table, row, fields } of rows) {
    if (table !== 'responses' || !fields.has('incident_id')) continue;
    const old = cached(db, 'SELECT incident_id FROM responses WHERE id = ?').get(row) as { incident_id: string | null } | undefined;
    if (old?.incident_id) owners.add(old.incident_id);
  }
  return owners;
}

/** The incidents whose derived rows are out of step with their fields, by kind of derived row. */
export interface StaleDerived {
  categories: Set<string>;
  search: Set<string>;
  signatures: Set<string>;
  firstResponses: Set<string>;
}

export const staleDerived = (): StaleDerived => ({ categories: new Set(), search: new Set(), signatures: new Set(), firstResponses: new Set() });

/**
 * Marks what the applied rows make stale and rebuilds it — at once, or, given a batch's `stale`, when the batch
 * ends (each rebuild reads the incident as it then stands, so rebuilding once after many changes gives what
 * rebuilding after each would).
 */
export function maintainDerived(db: Db, rows: Iterable<AppliedRow>, leftBy: ReadonlySet<string>, stale?: StaleDerived): void {
  const marks = stale ?? staleDerived();
  for (const incidentId of leftBy) {
    marks.search.add(incidentId);
    marks.firstResponses.add(incidentId);
  }
  for (const { table, row, fields } of rows) {
    if (table === 'incidents') {
      if (['categories', 'found_at', 'deleted'].some((f) => fields.has(f))) marks.categories.add(row);
      if (SEARCHED_INCIDENT_FIELDS.some((f) => fields.has(f))) marks.search.add(row);
      if (SIGNED_INCIDENT_FIELDS.some((f) => fields.has(f))) marks.signatures.add(row);
    } else if (table === 'responses') {
      const searched = SEARCHED_RESPONSE_FIELDS.some((f) => fields.has(f));
      const timed = FIRST_RESPONSE_FIELDS.some((f) => fields.has(f));
      if (!searched && !timed) continue;
      const owner = cached(db, 'SELECT incident_id FROM responses WHERE id = ?').get(row) as { incident_id: string | null };
      if (!owner.incident_id) continue;
      if (searched) marks.search.add(owner.incident_id);
      if (timed) marks.firstResponses.add(owner.incident_id);
    }
  }
  if (!stale) refreshStale(db, marks);
}

/** Rebuilds the derived rows marked stale, from the incidents and responses as they now stand. */
export function refreshStale(db: Db, stale: StaleDerived): void {
  for (const incidentId of stale.categories) reindexCategories(db, incidentId);
  refreshSignatures(db, stale.signatures);
  reindexIncidentsSearch(db, stale.search);
  for (const incidentId of stale.firstResponses) refreshFirstResponses(db, incidentId);
}

/** The incident's first live response and first live press conference, from its responses as they now stand. */
export function refreshFirstResponses(db: Db, incidentId: string): void {
  cached(db, 'DELETE FROM incident_first_responses WHERE incident_id = ?').run(incidentId);
  cached(
    db,
    `INSERT INTO incident_first_responses (incident_id, first_any, first_press)
     SELECT incident_id, min(at), min(CASE WHEN method = 'press_conference' THEN at END)
     FROM responses INDEXED BY responses_first WHERE incident_id = ? AND deleted = 0 GROUP BY incident_id`,
  ).run(incidentId);
}

/** The incident's rows in the category index, from its current categories, date and deletion mark. */
function reindexCategories(db: Db, incidentId: string): void {
  const incident = cached(db, 'SELECT rowid, categories, found_at, deleted FROM incidents WHERE id = ?').get(incidentId) as
    | { rowid: number; categories: string; found_at: string; deleted: number }
    | undefined;
  if (!incident) return;
  cached(db, 'DELETE FROM incident_categories WHERE incident_rowid = ?').run(incident.rowid);
  if (incident.deleted === 1) return;
  const insert = cached(db, 'INSERT OR IGNORE INTO incident_categories (category_id, found_at, incident_rowid) VALUES (?, ?, ?)');
  for (const category of JSON.parse(incident.categories) as string[]) insert.run(category, incident.found_at, incident.rowid);
}
