import type { Db } from '../db/open.js';
import { reindexIncidentSearch } from '../search/index-maintenance.js';
import { cached } from './statements.js';
import type { FieldValue, LedgerTable } from './tables.js';

// Indexes derived from synced fields, kept in step by the apply path — the one place local mutations, sync
// import and the demo fill all pass through — so they can never drift from the data.

interface AppliedRow {
  table: LedgerTable;
  row: string;
  fields: ReadonlyMap<string, FieldValue>;
}

const SEARCHED_INCIDENT_FIELDS = ['title', 'summary', 'deleted'];
const SEARCHED_RESPONSE_FIELDS = ['content', 'incident_id', 'deleted'];

export function maintainDerived(db: Db, rows: Iterable<AppliedRow>): void {
  const searchStale = new Set<string>();
  for (const { table, row, fields } of rows) {
    if (table === 'incidents') {
      if (fields.has('categories')) reindexCategories(db, row, fields.get('categories') as readonly string[]);
      if (SEARCHED_INCIDENT_FIELDS.some((f) => fields.has(f))) searchStale.add(row);
    } else if (table === 'responses' && SEARCHED_RESPONSE_FIELDS.some((f) => fields.has(f))) {
      const owner = cached(db, 'SELECT incident_id FROM responses WHERE id = ?').get(row) as { incident_id: string | null };
      if (owner.incident_id) searchStale.add(owner.incident_id);
    }
  }
  for (const incidentId of searchStale) reindexIncidentSearch(db, incidentId);
}

function reindexCategories(db: Db, incidentId: string, categories: readonly string[]): void {
  cached(db, 'DELETE FROM incident_categories WHERE incident_id = ?').run(incidentId);
  const insert = cached(db, 'INSERT OR IGNORE INTO incident_categories (category_id, incident_id) VALUES (?, ?)');
  for (const category of categories) insert.run(category, incidentId);
}
