import { reindexIncidentSearch } from '../../search/index-maintenance.js';
import type { Db } from '../open.js';

// Migration 10: the search index keeps no copy of the text it indexes (FTS5 contentless, with deletes). Searching
// needs only the index; highlights are made from the incidents' own text, for the page shown. The copy was about
// 1 KiB per incident of bigram text. Rebuilt here from the incidents and responses.

export const migration = {
  version: 10,
  name: 'search-contentless',
  sql: `
DROP TABLE incident_search;
CREATE VIRTUAL TABLE incident_search USING fts5(title, summary, responses, tokenize = 'unicode61', detail = 'full',
  content = '', contentless_delete = 1);
`,
  backfill(db: Db) {
    const ids = db.prepare('SELECT id FROM incidents WHERE deleted = 0').pluck().all() as string[];
    for (const id of ids) reindexIncidentSearch(db, id);
  },
};
